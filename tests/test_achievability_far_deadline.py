"""A deadline three years out or more: no later deadline is looked for, so none is
advised. Before, "consider 40,000 followers, or a later deadline" beside a chance under
1 %, on a public star count that never came near double in the years that followed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
# GHSTARS:gogs/gogs, 12 months from 2019-07 (its first year in the public star data)
GOGS = [31129, 31519, 31807, 32099, 32568, 32921, 33165, 33535, 33865, 34161, 34545, 34836]
# its count in 2024-06 was 44,466 (47,750 at most in the data): double never came near


def history(values: list[int]) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2019, 7, 1), i)), float(v)) for i, v in enumerate(values)]


def test_a_deadline_four_years_out_advises_no_later_one() -> None:
    goal = gr.Goal("stars", metric="followers", target="69,672 followers", start="2020-07-01",
                   deadline="2024-06-30")  # fmt: skip
    a = gr.assess_achievability(goal, history(GOGS), today=D(2020, 7, 3))
    assert a.verdict is gr.Verdict.UNREALISTIC and a.suggested_deadline is None
    assert "a later deadline" not in a.explanation
    assert a.suggested_target is not None  # a target it supports is still advised


@settings(max_examples=20, deadline=None)
@given(st.integers(36, 72), st.floats(1.2, 4.0))
def test_a_later_deadline_is_advised_only_with_its_date(months: int, factor: float) -> None:
    deadline = month_end(add_months(D(2020, 6, 1), months))
    goal = gr.Goal("stars", metric="followers", target=f"{round(34836 * factor)} followers",
                   start="2020-07-01", deadline=deadline.isoformat())  # fmt: skip
    a = gr.assess_achievability(goal, history(GOGS), today=D(2020, 7, 3))
    if "deadline" in a.explanation.split("Your history supports")[-1]:
        assert a.suggested_deadline is not None
        assert a.suggested_deadline.isoformat() in a.explanation
