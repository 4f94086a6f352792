"""A seasonal flow's later deadline was looked for as if the chance grew with the months:
visits peaking each December, judged in March for 1,400 visits a month by July, read
"the target itself is not likely even by 2029-02-28" (the 36th month, a trough) though
December 2026 gives it 54 %. The months are now read one by one when the model has a
season: the first month it is likely is suggested, and "not likely even by" is said only
when no month up to then is."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 3, 5)


def seasonal(level: float = 1000.0, swing: float = 0.4, peak: int = 12) -> list[tuple[D, float]]:
    """26 months from January 2024, peaking each ``peak`` month."""
    return [
        (month_end(add_months(D(2024, 1, 31), i)),
         float(round(level * math.exp(swing * math.cos(2 * math.pi * (i + 1 - peak) / 12)))))
        for i in range(26)
    ]  # fmt: skip


def visits(target: float, deadline: D) -> gr.Goal:
    return gr.Goal("v", metric="visits", target=f"{target:g} visits a month", start=TODAY,
                   deadline=deadline)  # fmt: skip


def test_a_peak_month_target_out_of_season_is_suggested_the_peak() -> None:
    a = gr.assess_achievability(visits(1400, D(2026, 7, 31)), seasonal(), today=TODAY)
    assert a.verdict is gr.Verdict.UNREALISTIC
    assert "not likely even by" not in a.explanation
    assert a.suggested_deadline is not None and a.suggested_deadline <= D(2026, 12, 31)
    then = gr.assess_achievability(visits(1400, a.suggested_deadline), seasonal(), today=TODAY)
    assert then.verdict is gr.Verdict.ACHIEVABLE


@settings(max_examples=15, deadline=None)
@given(
    peak=st.integers(1, 12),
    swing=st.floats(0.1, 0.6),
    share=st.floats(0.8, 1.6),
    months=st.integers(1, 8),
)
def test_what_a_seasonal_flows_later_deadline_says_holds(
    peak: int, swing: float, share: float, months: int
) -> None:
    """A suggested deadline is one its own judgment calls achievable; "not likely even by"
    holds at each month's end up to the date it names."""
    history = seasonal(swing=swing, peak=peak)
    deadline = month_end(add_months(D(2026, 3, 1), months))
    a = gr.assess_achievability(visits(round(1000 * share), deadline), history, today=TODAY)
    if a.verdict not in (gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC):
        return
    if a.suggested_deadline is not None:
        then = gr.assess_achievability(visits(round(1000 * share), a.suggested_deadline),
                                       history, today=TODAY)  # fmt: skip
        assert then.verdict is gr.Verdict.ACHIEVABLE
    elif "not likely even by" in a.explanation:
        for k in range(months + 1, 37, 5):
            later = month_end(add_months(D(2026, 2, 1), k))
            b = gr.assess_achievability(visits(round(1000 * share), later), history, today=TODAY)
            assert b.verdict is not gr.Verdict.ACHIEVABLE, later


def test_a_change_from_a_later_start_is_suggested_the_peak_too() -> None:
    """A relative target counted from a start after the history (its value a forecast)
    reads its later deadlines the same way (a March peak: +20 % from May is likely by
    March 2027; it read "not likely even by 2029-02-28")."""
    g = gr.Goal("v", metric="visits", target="+20 %", start=D(2026, 5, 1), deadline="2026-07-31")
    a = gr.assess_achievability(g, seasonal(peak=3), today=TODAY)
    assert a.from_start is not None and a.verdict is not gr.Verdict.ACHIEVABLE
    assert "not likely even by" not in a.explanation
    assert a.suggested_deadline is not None and a.suggested_deadline <= D(2027, 3, 31)
    later = gr.Goal("v", metric="visits", target="+20 %", start=D(2026, 5, 1),
                    deadline=a.suggested_deadline)  # fmt: skip
    then = gr.assess_achievability(later, seasonal(peak=3), today=TODAY)
    assert then.verdict is gr.Verdict.ACHIEVABLE
