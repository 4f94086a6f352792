"""A goal is never judged on a value from after its deadline: a deadline not after the
goal's start, or one that passed before the history begins, is ``insufficient_data``
with the reason (the review shows no progress, pace or ``expired`` flag for it). Before,
"The deadline (2025-03-31) has passed, short of 1,488 followers" was said of a value
counted on 2026-03-31, a year after it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.review import review_goal

D = dt.date
HISTORY = [(month_end(add_months(D(2025, 6, 1), i)), 1000.0 + 40 * i) for i in range(10)]
TODAY = D(2026, 4, 10)


def test_a_deadline_before_the_start_is_not_judged() -> None:
    g = gr.Goal("f", metric="followers", target="+20%", start="2026-01-01",
                deadline="2025-03-31")  # fmt: skip
    a = gr.assess_achievability(g, HISTORY, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert a.current_value is None and a.probability is None
    assert "short of" not in a.explanation and "1,360" not in a.explanation
    assert "The deadline (2025-03-31) is not after the start (2026-01-01)" in a.explanation
    smart = gr.score_smart(g, HISTORY, today=TODAY)
    said = [f.message for c in smart.criteria.values() for f in c.findings]
    assert not any("no baseline" in m for m in said)  # the start's value is still known
    r = review_goal(g, None, a, TODAY)
    assert (r.progress, r.pace) == (None, None) and not r.flags


def test_a_deadline_before_the_history_begins_is_not_judged() -> None:
    g = gr.Goal("f", metric="followers", target="1,500 followers", start="2025-01-01",
                deadline="2025-03-31")  # fmt: skip
    a = gr.assess_achievability(g, HISTORY, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert "passed before the history begins (2025-06-30)" in a.explanation
    assert "short of" not in a.explanation


@settings(max_examples=80, deadline=None)
@given(
    start=st.integers(-400, 400),
    length=st.integers(-200, 400),
    target=st.sampled_from(["1,200 followers", "1,500 followers", "x2", "+10%"]),
    judged=st.integers(0, 400),
)
def test_no_value_from_after_the_deadline_is_judged(
    start: int, length: int, target: str, judged: int
) -> None:
    """Whatever the dates: a deadline not after the start is not judged; an ``expired``
    or ``achieved`` goal whose deadline has passed is judged on a value seen on or before
    its deadline."""
    begin = D(2025, 6, 30) + dt.timedelta(days=start)
    deadline = begin + dt.timedelta(days=length)
    today = deadline + dt.timedelta(days=judged)
    g = gr.Goal("f", metric="followers", target=target, start=begin, deadline=deadline)
    a = gr.assess_achievability(g, HISTORY, today=today)
    if deadline <= begin and today >= HISTORY[0][0]:  # (some history seen by then)
        assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and "not after the start" in a.explanation
    if today > deadline and a.verdict in (gr.Verdict.EXPIRED, gr.Verdict.ACHIEVED):
        assert a.last_date is not None and a.last_date <= deadline
