"""A rule file saved with a byte order mark (Windows Notepad writes one) reads as the
same rules everywhere: `rules check`, `check --rules`, `load_rules`, `rules fmt`,
`rules test` and `rules diff` alike, never an "unexpected character" in some of them."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.dsl.format import format_rules

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"
BOM = "\ufeff"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_rules_check_reads_a_file_with_a_bom(tmp_path: Path) -> None:
    """Before: "channels.rules:1:1: unexpected character '\\ufeff'", exit 2, while
    `rules fmt` and `rules test` read the same file."""
    text = (SHIPPED / "channels.rules").read_text("utf-8")
    path = tmp_path / "channels.rules"
    path.write_bytes((BOM + text).encode("utf-8"))
    code, out, err = _run("rules", "check", str(path))
    assert (code, err) == (0, ""), out + err
    assert "ok, ruleset channels" in out
    with_bom = gr.load_rules(path)
    without = gr.load_rules(text)
    assert [r.id for r in with_bom] == [r.id for r in without]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_error_in_a_file_with_a_bom_is_at_its_column(newline: str) -> None:
    text = BOM + "rule a decision keep check channel.visit > 3" + newline
    with pytest.raises(gr.GoalRulesError) as caught:
        gr.load_rules(text)
    assert str(caught.value).splitlines()[0].startswith("<rules>:1:28: channel has no field")


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(sorted(p.name for p in SHIPPED.glob("*.rules"))))
def test_fmt_of_a_file_with_a_bom_is_the_file_without_it(name: str) -> None:
    text = (SHIPPED / name).read_text("utf-8")
    assert format_rules(BOM + text) == format_rules(text)
