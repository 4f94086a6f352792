"""The text report's plan wrote "2026-01-12 (+12)" under "next due" with no word of
what 12 counts (the dates due in the schedule's window, not in the goal's life): a
legend now names the window, and the count is the dates due in it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from goalrules.cli import main
from goalrules.recurring import recurrence


def test_the_demos_plan_says_what_the_count_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    plan = out[out.index("Plan: tactics by priority") : out.index("Plan lint")]
    legend = re.search(r"\(\+N: due N more times from (\S+) to (\S+)\)", plan)
    assert legend is not None
    start, end = (dt.date.fromisoformat(x) for x in legend.groups())
    row = next(line for line in plan.splitlines() if "weekly-linkedin-carousel" in line)
    first, more = re.search(r"(\d{4}-\d\d-\d\d) \(\+(\d+)\)", row).groups()  # type: ignore[union-attr]
    mondays = recurrence("every Monday", start=start).between(start, end)
    assert mondays[0] == dt.date.fromisoformat(first)
    assert int(more) == len(mondays) - 1


def test_no_legend_when_nothing_recurs(capsys: pytest.CaptureFixture[str]) -> None:
    from goalrules.check import PlanResult
    from goalrules.report.text import _text_plan

    empty = PlanResult(ranked=(), due=(), lint=(), start=dt.date(2026, 1, 1), days=90)
    assert not any("+N" in line for line in _text_plan(empty))


def test_the_markdown_plan_names_its_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    plan = out[out.index("## Plan") : out.index("### Lint")]
    assert re.search(r"Due: the dates from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\.", plan)
    assert "(+10 more)" in plan  # three shown of the 13 Mondays in the window
