"""A check's notes (what reading the workspace and data assumed or could not tell: a
target "1.500" that could be 1.5 or 1,500) are part of every report of the check, as
the JSON's ``notes`` are: before, the text, markdown and HTML reports left them out,
so a report written to a file, or run with ``-q``, showed the goal with no word that
its target was a guess."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from goalrules.cli import main

WORKSPACE = """
[workspace]
name = "Dots"
today = 2026-06-01

[[goal]]
id = "dotted"
statement = "Grow LinkedIn followers to 1.500 by Q1 2027"
review = "monthly"
"""
NOTE = '"1.500" could be 1.5 or 1,500'


def _visible(page: str) -> str:
    page = re.sub(r"<(style|svg)\b.*?</\1>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("to_file", [False, True])
def test_every_format_of_a_check_says_its_notes(tmp_path: Path, fmt: str, to_file: bool) -> None:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    out = io.StringIO()
    argv = ["-q", "check", str(ws), "--format", fmt]
    report = tmp_path / f"report.{fmt}"
    if to_file:
        argv += ["--output", str(report)]
    assert main(argv, out=out) == 0
    shown = report.read_text() if to_file else out.getvalue()
    if fmt == "json":
        notes = json.loads(shown)["notes"]
        assert any(NOTE in n for n in notes)  # the JSON had it: the others say the same
        return
    if fmt == "html":
        shown = _visible(shown)
    assert NOTE in " ".join(shown.split()), fmt


def test_a_check_with_no_notes_has_no_notes_section(tmp_path: Path) -> None:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE.replace("1.500", "1,500"))
    for fmt in ("text", "markdown", "html"):
        out = io.StringIO()
        assert main(["-q", "check", str(ws), "--format", fmt], out=out) == 0
        assert "Notes" not in out.getvalue(), fmt
