"""Every ``rules`` block in docs/ compiles and every ``python`` block runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import goalrules as gr

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```(python|rules)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _blocks(page: Path, kind: str) -> list[str]:
    return [m[2] for m in BLOCK.finditer(page.read_text("utf-8")) if m[1] == kind]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_rules_blocks_compile(page: Path) -> None:
    for i, text in enumerate(_blocks(page, "rules")):
        gr.load_rules(text, source=f"{page.name}#{i}")


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_run_in_order(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": "docs"}
    for i, code in enumerate(_blocks(page, "python")):
        exec(compile(code, f"{page.name}#{i}", "exec"), namespace)


def test_generated_reference_pages_are_current() -> None:
    """docs/workspace.md and docs/reference/cli.md are what scripts/gen_docs.py builds
    from the code (run it after changing the model or a command)."""
    import importlib.util

    path = DOCS.parent / "scripts" / "gen_docs.py"
    spec = importlib.util.spec_from_file_location("gen_docs", path)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.stale() == []
    assert "`formats_tried`" in (DOCS / "workspace.md").read_text("utf-8")
    cli_page = (DOCS / "reference" / "cli.md").read_text("utf-8")
    for command in ("check", "init", "review", "channels", "rules test", "completion"):
        assert f"## goalrules {command}\n" in cli_page
