"""The SMART rubric's advice for a goal the history cannot judge is what would let it be
judged: a history in thousands, or a deadline not after the start, were told "Give a
recent history of followers, at least three months long" beside six months of it."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
GENERIC = "Give a recent history of followers, at least three months long"


def _history(values: list[float]) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2026, 1, 1), i)), v) for i, v in enumerate(values)]


def _fixes(goal: gr.Goal, history: list[tuple[D, float]]) -> list[str]:
    series = gr.MetricSeries("followers", history, unit="follower")
    report = gr.score_smart(goal, series, today=D(2026, 7, 1))
    return [f.fix for f in report.findings if f.fix and f.rule_id.startswith("achievable.")]


@pytest.mark.parametrize(
    ("start", "deadline", "values", "said"),
    [
        ("2026-07-01", "2026-12-31", [12.1, 12.5, 12.9, 13.3, 13.7, 14.1],
         "Give the history of followers in whole counts, not thousands."),
        ("2026-07-01", "2026-06-01", [1200, 1250, 1290, 1330, 1370, 1410],
         "Correct the goal's dates: its deadline must come after its start."),
    ],
    ids=["thousands", "dates"],
)  # fmt: skip
def test_a_history_more_months_would_not_help_gets_its_own_advice(
    start: str, deadline: str, values: list[float], said: str
) -> None:
    goal = gr.Goal("g", metric="followers", channel="linkedin", target="15000 followers",
                   start=start, deadline=deadline)  # fmt: skip
    fixes = _fixes(goal, _history(values))
    assert said in fixes and not any(GENERIC in f for f in fixes)


def test_too_little_history_still_asks_for_more() -> None:
    goal = gr.Goal("g", metric="followers", channel="linkedin", target="1500 followers",
                   start="2026-07-01", deadline="2026-12-31")  # fmt: skip
    assert any(GENERIC in f for f in _fixes(goal, _history([1200, 1250])))
