"""A flow of daily or weekly rows that stop before their last month is over was read,
once that month had passed, as if the month's rows were all there: 5 leads a day whose
export ends on 19 December, judged on 5 January, read "95 leads in December 2025 ... fell
9.3 % a month" (the 12 days after the last row as days of none). A month the rows stop
inside is now left out, as the month under way is, with a note that says so."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments import pooled

D = dt.date
TODAY = D(2026, 1, 5)


def goal(target: str = "160 leads a month") -> gr.Goal:
    return gr.Goal("l", metric="leads", target=target, start=TODAY, deadline="2026-06-30")


def days(first: D, last: D, per_day: float) -> list[tuple[D, float]]:
    return [(first + dt.timedelta(days=i), per_day) for i in range((last - first).days + 1)]


def test_daily_leads_whose_export_ends_on_the_19th_do_not_fall() -> None:
    rows = days(D(2025, 7, 1), D(2025, 12, 19), 5.0)
    a = gr.assess_achievability(goal(), rows, today=TODAY)
    assert a.current_value == 150.0  # November's 30 days, not December's 19
    assert a.historical_rate is not None and abs(a.historical_rate) < 0.01
    text = a.explanation
    assert "95 leads" in text and "19 of its 31 days" in text
    whole = gr.assess_achievability(goal(), days(D(2025, 7, 1), D(2025, 11, 30), 5.0), today=TODAY)
    assert a.probability == whole.probability


def test_weekly_rows_that_stop_three_days_short_of_the_month_end() -> None:
    # Mondays from 7 July: the last row (22 December) counts the 22nd to the 28th
    weeks = [(D(2025, 7, 7) + dt.timedelta(days=7 * i), 35.0) for i in range(25)]
    assert weeks[-1][0] == D(2025, 12, 22)
    a = gr.assess_achievability(goal(), weeks, today=TODAY)
    assert a.current_value is not None and abs(a.current_value - 150.0) < 1e-9  # November
    assert "2025-12-28" in a.explanation


def test_a_deadline_in_the_month_the_rows_stop_inside_is_not_known_met_or_missed() -> None:
    rows = days(D(2025, 7, 1), D(2025, 12, 19), 5.0)
    g = gr.Goal("l", metric="leads", target="150 leads a month", start=D(2025, 7, 1),
                deadline="2025-12-31")  # fmt: skip
    a = gr.assess_achievability(g, rows, today=TODAY)
    assert a.verdict is not gr.Verdict.EXPIRED  # 95 of 150 was never the month's total
    assert a.deadline_unseen or a.verdict is gr.Verdict.INSUFFICIENT_DATA


def test_the_month_under_way_and_whole_months_read_as_before() -> None:
    rows = days(D(2025, 7, 1), D(2025, 12, 31), 5.0)
    a = gr.assess_achievability(goal(), rows, today=TODAY)
    assert a.current_value == 155.0 and "days" not in a.explanation
    under_way = gr.assess_achievability(goal(), rows[:-12], today=D(2025, 12, 20))
    assert under_way.current_value == 150.0 and "up to" not in under_way.explanation
    monthly = [(D(2025, m, 15), 150.0) for m in range(7, 13)]  # one row a month, mid-month
    b = gr.assess_achievability(goal(), monthly, today=TODAY)
    assert b.current_value == 150.0 and b.observations == 6


def test_the_workspace_centre_leaves_out_a_month_the_rows_stop_inside() -> None:
    whole = {
        (f"c{i}", "leads"): gr.MetricSeries("leads", points=days(D(2025, 1, 1), D(2025, 11, 30), 3.0 + i))
        for i in range(4)
    }  # fmt: skip
    cut = {
        key: gr.MetricSeries("leads", points=[*s.points, *(
            gr.model.Point(d, v) for d, v in days(D(2025, 12, 1), D(2025, 12, 9), 3.0))])
        for key, s in whole.items()
    }  # fmt: skip
    assert pooled.flow_groups(cut) == pooled.flow_groups(whole)


@settings(max_examples=25, deadline=None)
@given(last_day=st.integers(1, 30), per_day=st.integers(1, 40))
def test_rows_that_stop_inside_a_month_read_as_rows_that_stop_at_the_month_before(
    last_day: int, per_day: int
) -> None:
    """The days of the month the rows stop inside change neither the growth, the level
    judged, nor the chance."""
    rows = days(D(2025, 6, 1), D(2025, 12, last_day), float(per_day))
    before = [(d, v) for d, v in rows if d < D(2025, 12, 1)]
    target = goal(f"{per_day * 31} leads a month")
    a = gr.assess_achievability(target, rows, today=TODAY)
    b = gr.assess_achievability(target, before, today=TODAY)
    assert a.historical_rate == b.historical_rate and a.current_value == b.current_value
    assert a.probability == b.probability and a.verdict is b.verdict


def test_a_deadline_today_with_todays_row_not_in_counts_the_days_seen() -> None:
    """Judged on 31 December, rows to the 30th: December's days count towards its
    target, the 31st forecast (it read the 30 days as December's whole total)."""
    rows = days(D(2025, 7, 1), D(2025, 12, 30), 5.0)
    g = gr.Goal("l", metric="leads", target="155 leads a month", start=D(2025, 7, 1),
                deadline="2025-12-31")  # fmt: skip
    a = gr.assess_achievability(g, rows, today=D(2025, 12, 31))
    assert a.verdict is not gr.Verdict.EXPIRED  # 150 of 155 with a day to come
    assert "150 leads" in a.explanation and "not read as a whole month" in a.explanation


def test_the_days_left_of_a_month_are_said_in_days() -> None:
    """A total with a day to go read "needs about 155 leads a month for the remaining
    0.0 months"; it says the leads still needed and the days left."""
    rows = days(D(2025, 7, 1), D(2025, 12, 30), 5.0)
    g = gr.Goal("l", metric="leads", target="155 leads a month", start=D(2025, 7, 1),
                deadline="2025-12-31")  # fmt: skip
    a = gr.assess_achievability(g, rows, today=D(2025, 12, 31))
    assert "needs about 5 leads more in the remaining 1 day." in a.explanation
    assert "0.0 months" not in a.explanation


def test_rows_half_a_month_apart_are_read_as_before() -> None:
    """Rows on the 1st and the 15th say nothing of which days they count: the last
    month is not cut on the 15th."""
    rows = [(D(2025, m, d), 75.0) for m in range(7, 13) for d in (1, 15)]
    a = gr.assess_achievability(goal(), rows, today=TODAY)
    assert a.current_value == 150.0 and "up to" not in a.explanation
