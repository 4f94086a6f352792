"""The markdown check report says what the text and HTML reports say, and shows user
text as written: a lint problem keeps its fix, a tactic's due dates say how many more
the window holds than the three shown, and a goal named ``<script>`` or a statement
with ``<b>now</b>`` is shown as text, not read as HTML by the page that renders it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.check import CheckResult, run_check
from goalrules.report import render
from goalrules.report.markdown import _md_escape

WORKSPACE = """
[workspace]
name = "Markdown"
today = 2026-06-01

[[goal]]
id = "<script>alert(1)</script>"
statement = "Grow Instagram reach by 20% by 2026-12-31 <b>now</b>"
objective = "brand_awareness"

[[goal]]
id = "li-followers"
statement = "Reach 2,000 LinkedIn followers by 2026-12-31"
review = "monthly"

[[tactic]]
id = "weekly-carousel"
goal = "li-followers"
text = "A carousel every Monday"
owners = ["Sam"]
eta = "every Monday"
"""


def _check(tmp_path: Path) -> CheckResult:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    return run_check(ws, today=dt.date(2026, 6, 1))


def test_markdown_lint_keeps_its_fix(tmp_path: Path) -> None:
    result = _check(tmp_path)
    md = render(result, "markdown")
    fixes = [f.fix for f in result.plan.lint if f.fix]
    assert fixes  # a goal with no tactic: "Add at least one tactic ..."
    for fix in fixes:
        assert fix in md  # before: only in the text and HTML reports


def test_markdown_due_dates_say_how_many_more(tmp_path: Path) -> None:
    result = _check(tmp_path)
    due = result.plan.due_dates("weekly-carousel")
    assert len(due) == 13  # every Monday of the 90 days
    md = render(result, "markdown")
    row = next(line for line in md.splitlines() if "| weekly-carousel |" in line)
    # before: "2026-06-01, 2026-06-08, 2026-06-15", as if those were all
    assert row.endswith("| 2026-06-01, 2026-06-08, 2026-06-15 (+10 more) |"), row


def test_markdown_shows_user_text_as_written(tmp_path: Path) -> None:
    md = render(_check(tmp_path), "markdown")
    assert "<script>" not in md and "<b>" not in md  # before: raw, read as HTML
    assert "| &lt;script>alert(1)&lt;/script> |" in md
    assert "### &lt;script>alert(1)&lt;/script>" in md
    assert "> Grow Instagram reach by 20% by 2026-12-31 &lt;b>now&lt;/b>" in md


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab <>|\\&\n*")))
def test_escaped_text_holds_no_tag_and_no_cell_end(text: str) -> None:
    shown = _md_escape(text)
    assert "<" not in shown and "\n" not in shown
    # every "|" left is escaped: preceded by an odd run of backslashes
    for m in re.finditer(r"(\\*)\|", shown):
        assert len(m.group(1)) % 2 == 1, shown
