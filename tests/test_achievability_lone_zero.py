"""A lone 0 among a stock's counts (followers 1,085, 0, 1,170: an export's missing month)
is a missing count, not a value: read as one, it turned the model to a straight line,
"233 followers a month", and "at the recent rate it would reach about 2,800 followers".
It is left out with a note, and the judgment is the one without that month."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
DATA = Path("/work/shared/data/social-monthly.json")


def history(values: list[float | None]) -> list[tuple[D, float]]:
    return [
        (month_end(add_months(D(2025, 6, 1), i)), v) for i, v in enumerate(values) if v is not None
    ]


GOAL = gr.Goal("f", metric="followers", target="1,500 followers", start="2026-04-01",
               deadline="2026-09-30")  # fmt: skip


def test_a_lone_zero_among_followers_is_a_missing_count() -> None:
    values: list[float | None] = [1000, 1040, 1085, 0, 1170, 1215, 1260, 1300, 1352, 1400]
    a = gr.assess_achievability(GOAL, history(values), today=D(2026, 4, 3))
    assert "linear model" not in a.explanation and "233 followers a month" not in a.explanation
    said = "The count of 0 on 2025-09-30, between 1,085 followers and 1,170 followers, is read"
    assert said in a.explanation and "count missing from the history" in a.explanation
    gap = gr.assess_achievability(GOAL, history([*values[:3], None, *values[4:]]),
                                  today=D(2026, 4, 3))  # fmt: skip
    assert a.probability == gap.probability and a.forecast == gap.forecast


def test_a_zero_month_of_a_flow_is_a_value() -> None:
    leads = [40.0, 35.0, 0.0, 42.0, 45.0, 50.0, 48.0]  # no leads in August: it happens
    goal = gr.Goal("l", metric="leads", target="60 leads / month", start="2026-02-01",
                   deadline="2026-06-30")  # fmt: skip
    a = gr.assess_achievability(goal, history(leads), today=D(2026, 1, 10))
    assert "missing" not in a.explanation and "linear model" in a.explanation


def _stars() -> list[list[int]]:
    rows = json.loads(DATA.read_text())
    return [r["values"][:14] for r in rows if r["source"] == "GH_STARS"][:40]


STARS = _stars() if DATA.exists() else [[1000 + 37 * i for i in range(14)]]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(STARS), st.integers(1, 12), st.floats(1.0, 1.5))
def test_a_lone_zero_changes_nothing_but_the_note(
    counts: list[int], where: int, factor: float
) -> None:
    with_zero: list[float | None] = [float(c) for c in counts]
    if min(counts[where - 1], counts[where + 1]) < 10:
        return
    without = list(with_zero)
    with_zero[where], without[where] = 0.0, None
    goal = gr.Goal("f", metric="followers", target=f"{round(counts[-1] * factor)} followers",
                   start="2026-08-01", deadline="2027-01-31")  # fmt: skip
    a = gr.assess_achievability(goal, history(with_zero), today=D(2026, 8, 3))
    b = gr.assess_achievability(goal, history(without), today=D(2026, 8, 3))
    assert (a.verdict, a.probability, a.forecast) == (b.verdict, b.probability, b.forecast)
    assert "read as a count missing" in a.explanation
