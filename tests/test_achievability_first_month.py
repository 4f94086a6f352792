"""A flow of daily or weekly points read its first month as whole when the points began
by the 7th: 12 leads a week from Monday 4 August summed to 48 in August against 53 in
January, and the flat flow "grew 2.1 % a month". A first month not covered from its
first day is now left out of the growth, wherever in the month the history begins."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

D = dt.date
TODAY = D(2026, 2, 2)


def goal() -> gr.Goal:
    return gr.Goal("l", metric="leads", target="55 leads a month", start=TODAY,
                   deadline="2026-06-30")  # fmt: skip


def test_twelve_leads_a_week_from_the_4th_do_not_grow() -> None:
    weeks = [(D(2025, 8, 4) + dt.timedelta(days=7 * i), 12.0) for i in range(26)]
    a = gr.assess_achievability(goal(), weeks, today=TODAY)
    # September (30 days, 51.4 leads) to January (31 days, 53.1): month lengths only
    assert a.historical_rate is not None and abs(a.historical_rate) < 0.01


@settings(max_examples=25, deadline=None)
@given(first_day=st.integers(2, 28), per_day=st.integers(1, 40))
def test_a_daily_flow_begun_within_a_month_reads_as_one_begun_on_the_next(
    first_day: int, per_day: int
) -> None:
    """The days before the first whole month change neither the growth nor the chance."""
    start = D(2025, 7, first_day)
    days = [(start + dt.timedelta(days=i), float(per_day)) for i in range((TODAY - start).days)]
    whole = [(d, v) for d, v in days if d >= D(2025, 8, 1)]
    target = gr.Goal("l", metric="leads", target=f"{per_day * 31} leads a month", start=TODAY,
                     deadline="2026-06-30")  # fmt: skip
    a = gr.assess_achievability(target, days, today=TODAY)
    b = gr.assess_achievability(target, whole, today=TODAY)
    assert a.historical_rate == b.historical_rate
    assert a.probability == b.probability and a.verdict is b.verdict
