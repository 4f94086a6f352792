"""A recurring goal's period is judged on the data it has: a period whose data stops
before its end is not "missed" (before, leads counted daily to March 20 read "March:
missed (35 of 50)" at a review on April 15), and the current period's due share is
pro-rated to the day the data reaches, not to the review's date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.review_periods import covered_to, review_periods
from goalrules.model import MetricSeries
from goalrules.model.recurrence import read_recurrence

D = dt.date
GOAL = gr.Goal("leads", statement="50 leads a month from LinkedIn", metric="leads",
               target="50 leads / month", start="2026-01-01")  # fmt: skip
MONTHLY = read_recurrence("every month")
assert MONTHLY is not None


def daily(last: D, per_day: float = 1.8) -> MetricSeries:
    days = (last - D(2026, 1, 1)).days + 1
    points = [(D(2026, 1, 1) + dt.timedelta(days=i), per_day) for i in range(days)]
    return MetricSeries("leads", points, unit="lead")


def test_a_period_whose_data_stops_inside_it_is_not_missed() -> None:
    periods = review_periods(GOAL, daily(D(2026, 3, 20)), MONTHLY, D(2026, 4, 15))
    march = next(p for p in periods if p.start == D(2026, 3, 1))
    assert march.status == "ahead"  # 36 of the 32.3 due by March 20, not "missed" (of 50)
    assert abs(march.due - 50 * 20 / 31) < 1e-9
    april = next(p for p in periods if p.start == D(2026, 4, 1))
    assert april.status == "no_data"
    february = next(p for p in periods if p.start == D(2026, 2, 1))
    assert february.status == "hit"  # 50.4 of 50: the data covers the whole month


def test_the_current_period_is_due_to_the_data_day() -> None:
    periods = review_periods(GOAL, daily(D(2026, 4, 7)), MONTHLY, D(2026, 4, 15))
    april = periods[-1]
    assert abs(april.due - 50 * 7 / 30) < 1e-9  # due by April 7, not by April 15
    assert april.status == "ahead"  # 12.6 of 11.7 (it read "behind": 12.6 of 25)


def test_monthly_points_stand_for_their_month() -> None:
    points = [(D(2026, m, 1), 50.0) for m in (1, 2, 3)]
    series = MetricSeries("leads", points, unit="lead")
    assert covered_to(series, D(2026, 4, 15)) == D(2026, 3, 31)
    assert [p.status for p in review_periods(GOAL, series, MONTHLY, D(2026, 4, 15))] == [
        "hit", "hit", "hit", "no_data"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.integers(20, 120), st.integers(0, 60), st.floats(0.5, 3.0))
def test_hit_or_missed_only_where_the_data_reaches_the_period_end(
    days: int, later: int, per_day: float
) -> None:
    last = D(2026, 1, 1) + dt.timedelta(days=days)
    series = daily(last, per_day)
    today = last + dt.timedelta(days=later)
    for p in review_periods(GOAL, series, MONTHLY, today):
        if p.status in ("hit", "missed"):
            assert p.end <= last and p.end < today
