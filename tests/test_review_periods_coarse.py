"""A recurring goal's period shorter than its history's spacing is not judged: a weekly
goal ("10 leads a week") on a monthly export read "week from 2026-01-26: hit (41 of
10)", February's 41 leads (dated 2026-02-01) put in one week, and the other weeks "no
data". A week of a monthly count has no known total or gain."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months
from goalrules.judgments.review_periods import review_periods
from goalrules.model import MetricSeries
from goalrules.model.recurrence import read_recurrence

D = dt.date
WEEKLY = read_recurrence("every week")
MONTHLY = read_recurrence("every month")
assert WEEKLY is not None and MONTHLY is not None


def goal(metric: str, target: str) -> gr.Goal:
    return gr.Goal("g", metric=metric, target=target, start="2026-01-05")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("leads", "10 leads / week", "lead"),
                        ("followers", "25 followers / week", "follower")]),
       st.integers(min_value=1, max_value=28), st.integers(min_value=2, max_value=6))  # fmt: skip
def test_a_week_of_a_monthly_history_is_not_judged(
    case: tuple[str, str, str], day: int, months: int
) -> None:
    metric, target, unit = case
    points = [(add_months(D(2025, 12, day), i), 40.0 + 100 * i) for i in range(months)]
    series = MetricSeries(metric, points, unit=unit)
    today = add_months(D(2025, 12, day), months) + dt.timedelta(days=3)
    periods = review_periods(goal(metric, target), series, WEEKLY, today)
    assert periods and all(p.actual is None and p.status == "no_data" for p in periods)


def test_a_month_of_a_monthly_history_is_still_judged() -> None:
    points = [(add_months(D(2026, 1, 1), i), 40.0 + i) for i in range(4)]
    series = MetricSeries("leads", points, unit="lead")
    g = gr.Goal("g", metric="leads", target="40 leads / month", start="2026-01-01")
    periods = review_periods(g, series, MONTHLY, D(2026, 4, 20))
    assert [p.status for p in periods[:3]] == ["hit", "hit", "hit"]
    assert [p.actual for p in periods] == [40.0, 41.0, 42.0, 43.0]


def test_a_week_of_a_weekly_history_is_still_judged() -> None:
    points = [(D(2026, 1, 5) + dt.timedelta(weeks=i), 9.0 + i) for i in range(4)]
    series = MetricSeries("leads", points, unit="lead")
    periods = review_periods(goal("leads", "10 leads / week"), series, WEEKLY, D(2026, 2, 2))
    assert [p.status for p in periods[:3]] == ["missed", "hit", "hit"]  # 9, 10, 11 of 10


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=1, max_value=500), st.sampled_from(["week", "month", "quarter", "year"])
)
def test_a_period_s_target_in_its_own_period_is_that_number(n: int, period: str) -> None:
    """ "10 leads a week", reviewed weekly, asks 10 a week: it read 10.0002 (by way of a
    month), so a week of exactly 10 leads was "missed (10 of 10)"."""
    recurrence = read_recurrence(f"every {period}")
    assert recurrence is not None
    g = gr.Goal("g", metric="leads", target=f"{n} leads / {period}", start="2026-01-05")
    from goalrules.judgments.review_periods import period_target

    assert period_target(g, "lead", recurrence) == n
