"""The SMART advice for a goal no history can judge, for want of a deadline.

"50 leads from LinkedIn every month" and "Get 800 leads from LinkedIn", beside six months
of leads, were told to "give a recent history of leads, at least three months long": no
history judges a goal with no deadline. A recurring goal is told its review judges each
period; another, to give it a deadline.
"""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

D = dt.date


@pytest.mark.parametrize(
    ("statement", "fix"),
    [
        ("50 leads from LinkedIn every month", "'goalrules review' judges each month"),
        ("Get 800 leads from LinkedIn", "Give it a target and a deadline"),
    ],
)
def test_a_goal_no_history_can_judge_is_not_asked_for_more_history(
    statement: str, fix: str
) -> None:
    """A goal with no deadline beside six months of leads was told to 'give a recent
    history of leads, at least three months long'."""
    series = gr.MetricSeries(
        "leads", [(D(2025, m, 28), 40.0 + m) for m in range(7, 13)], unit="lead"
    )
    goal = gr.Goal("g", statement=statement, start=D(2026, 1, 1))
    report = gr.score_smart(goal, series, today=D(2026, 1, 10))
    said = " ".join(f.fix for f in report.findings if f.fix and f.rule_id.startswith("achiev"))
    assert "at least three months long" not in said
    assert fix in said
