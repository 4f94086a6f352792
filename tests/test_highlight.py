"""The Pygments lexer for rule files, found by name through its entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pygments = pytest.importorskip("pygments")
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, String  # noqa: E402

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.rules")), ids=lambda p: p.name)
def test_the_shipped_files_lex_without_errors(path: Path) -> None:
    lexer = get_lexer_by_name("goalrules")
    tokens = list(lexer.get_tokens(path.read_text("utf-8")))
    assert not [t for t in tokens if t[0] is Error]
    assert "".join(v for _, v in tokens) == path.read_text("utf-8")


def test_the_lexer_colours_what_matters() -> None:
    lexer = get_lexer_for_filename("leads.rules")
    assert lexer.name == "goalrules" and get_lexer_by_name("rules").name == "goalrules"
    text = 'rule keep decision keep check leads > 2 %  # why\n  says "kept: {leads}"\n'
    kinds = {v: t for t, v in lexer.get_tokens(text) if v.strip()}
    assert kinds["check"] in Keyword and kinds["# why"] in Comment
    assert kinds["{leads}"] in String


def test_import_goalrules_does_not_import_pygments() -> None:
    code = "import sys, goalrules; goalrules.Goal; print('pygments' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
