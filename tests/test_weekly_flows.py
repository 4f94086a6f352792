"""A flow given one total a week is read day by day: a week's total dated on its Monday
counts that week, and each calendar month gets the days it holds. Summed by the day a
row is dated, a month got four weeks or five: a flat 12 leads a week read "fell 4.4 % a
month", and 50 leads a month read "missed (48 of 50)" in January, when its 31 days held
53."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end
from goalrules.judgments.review_periods import review_periods
from goalrules.judgments.weekly_flows import by_day, monthly_of, week_days, weekly
from goalrules.model import MetricSeries, Point
from goalrules.model.recurrence import read_recurrence

D = dt.date
MONTHLY = read_recurrence("every month")
assert MONTHLY is not None


def mondays(first: D, n: int, per_week: float = 12.0) -> list[tuple[D, float]]:
    return [(first + dt.timedelta(weeks=i), per_week) for i in range(n)]


def test_a_flat_weekly_flow_does_not_read_as_a_fall() -> None:
    weeks = mondays(D(2025, 9, 1), 29)  # to 2026-03-16
    goal = gr.Goal("l", metric="leads", target="55 leads / month", start="2026-03-01",
                   deadline="2026-06-30")  # fmt: skip
    a = gr.assess_achievability(goal, weeks, today=D(2026, 3, 18))
    # it read "Over the recent months it fell 4.4 % a month" (September's five Mondays
    # against February's four); now the months' days: 51.4 leads in September, 48 in
    # February, a month-length's difference
    assert a.historical_rate is not None and abs(a.historical_rate) < 0.02
    assert "fell 4.4 %" not in a.explanation


def test_a_total_so_far_counts_the_week_under_way_to_today() -> None:
    weeks = mondays(D(2025, 9, 1), 29)
    goal = gr.Goal("l", metric="leads", target="60 leads", start="2026-03-01",
                   deadline="2026-03-31")  # fmt: skip
    a = gr.assess_achievability(goal, weeks, today=D(2026, 3, 18), cumulative=True)
    assert "(to 2026-03-18)" in a.explanation  # it read "(to 2026-03-16)", a Monday


def test_each_month_of_a_recurring_goal_gets_its_days() -> None:
    series = MetricSeries("leads", mondays(D(2025, 12, 1), 20), unit="lead")
    goal = gr.Goal("l", metric="leads", target="50 leads / month", start="2026-01-01")
    periods = review_periods(goal, series, MONTHLY, D(2026, 4, 15))
    seen = [(p.start.month, p.status, round(p.actual or 0, 1)) for p in periods]
    # it read January missed (48: four Mondays) and March hit (60: five)
    assert seen[:3] == [(1, "hit", 53.1), (2, "missed", 48.0), (3, "hit", 53.1)]


def test_a_last_week_into_a_month_gone_by_is_no_month() -> None:
    # the last row on Monday 30 March, judged in May: April's five days are no April
    series = MetricSeries("leads", mondays(D(2025, 12, 1), 18), unit="lead", kind="flow")
    months = monthly_of(series, gr.MetricKind.FLOW, D(2026, 5, 10))
    assert [(p.date.month, round(p.value, 1)) for p in months][-2:] == [(2, 48.0), (3, 53.1)]
    # in April, the days so far count towards April's review
    april = monthly_of(series, gr.MetricKind.FLOW, D(2026, 4, 20))
    assert (april[-1].date.month, round(april[-1].value, 1)) == (4, 8.6)


def test_the_week_a_row_counts() -> None:
    assert week_days(D(2026, 3, 2)) == (D(2026, 3, 2), D(2026, 3, 8))  # a Monday: from it
    assert week_days(D(2026, 3, 8)) == (D(2026, 3, 2), D(2026, 3, 8))  # a Sunday: to it
    assert weekly([Point(d, v) for d, v in mondays(D(2026, 1, 5), 3)])
    daily = MetricSeries("leads", [(D(2026, 1, 1) + dt.timedelta(days=i), 2.0) for i in range(30)])
    assert by_day(daily, D(2026, 3, 1)) is daily  # not weekly: as it is


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 200),
    st.integers(8, 60),
    st.floats(1.0, 500.0),
    st.sampled_from([0, 6]),
    st.integers(0, 40),
)
def test_spreading_keeps_every_week_and_only_the_weeks(
    shift: int, n: int, per_week: float, weekday: int, later: int
) -> None:
    first = D(2025, 1, 6) + dt.timedelta(days=7 * shift + weekday)  # Mondays or Sundays
    rows = mondays(first, n, per_week)
    today = rows[-1][0] + dt.timedelta(days=later)
    series = MetricSeries("leads", rows, unit="lead", kind="flow")
    days = by_day(series, today)
    total = sum(p.value for p in days.points)
    # every week counts, but the last one's days in a month over by today that no later
    # row counts (a few days are no month's total)
    assert per_week * (n - 1) - 1e-6 <= total <= per_week * n + 1e-6
    last_row = rows[-1][0]
    reach = min(last_row + dt.timedelta(days=6 if weekday == 0 else 0), today)
    dropped = month_end(last_row) < reach and month_end(reach) <= today
    if not dropped:
        assert math.isclose(total, per_week * n, rel_tol=1e-9)
    assert days.points[-1].date <= today
    # every complete month holds its days' share: per_week / 7 a day
    last_week = rows[-1][0] - dt.timedelta(days=6)  # (the last week may be under way)
    for p in days.monthly(gr.MetricKind.FLOW)[1:-1]:
        if month_end(p.date) >= last_week:
            continue
        month_days = (month_end(p.date) - p.date.replace(day=1)).days + 1
        assert math.isclose(p.value, per_week / 7 * month_days, rel_tol=1e-9)
