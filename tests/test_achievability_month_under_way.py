"""A flow's month under way and totals under a lower-is-better cap: what is already
seen counts, and a cap is not met while its period runs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
# visits from January to December 2025, one total a month dated on its last day
MONTHS = [(month_end(add_months(D(2025, 1, 1), i)), 10000.0 + 100 * i) for i in range(12)]


def january(per_day: float, days: int = 15) -> list[tuple[D, float]]:
    return MONTHS + [(D(2026, 1, d), per_day) for d in range(1, days + 1)]


def test_the_days_seen_of_a_month_under_way_count_towards_its_target() -> None:
    """11,250 visits in the first 15 days of January, 12,000 the target for January: the
    judgment left the month under way out and said "chance 29 % (stretch)" on December's
    11,100; "12,000 visits in total in January" said "so far: 0 visits"."""
    for statement in (None, "12,000 visits in total in January"):
        g = gr.Goal("v", metric="visits", target="12000 visits", start="2026-01-01",
                    deadline="2026-01-31", statement=statement)  # fmt: skip
        a = gr.assess_achievability(g, january(750.0), today=D(2026, 1, 15))
        assert a.probability is not None and a.probability > 0.99
        assert a.verdict is gr.Verdict.ACHIEVABLE
        assert a.current_value == 11250 and a.last_date == D(2026, 1, 15)
        assert "so far: 11,250 visits (to 2026-01-15)" in a.explanation
        f = a.forecast
        assert f is not None and f["low"] >= 11250  # the month's total: seen plus the rest


def test_a_total_already_past_its_target_in_the_month_under_way_is_achieved() -> None:
    g = gr.Goal("v", metric="visits", target="12000 visits", start="2026-01-01",
                deadline="2026-01-31")  # fmt: skip
    a = gr.assess_achievability(g, january(900.0), today=D(2026, 1, 15))
    assert a.verdict is gr.Verdict.ACHIEVED


@settings(max_examples=30, deadline=None)
@given(low=st.floats(0.0, 900.0), more=st.floats(0.0, 900.0), days=st.integers(1, 27))
def test_more_seen_so_far_never_lowers_the_chance(low: float, more: float, days: int) -> None:
    g = gr.Goal("v", metric="visits", target="12000 visits", start="2026-01-01",
                deadline="2026-01-31")  # fmt: skip
    today = D(2026, 1, days)
    a = gr.assess_achievability(g, january(low, days), today=today)
    b = gr.assess_achievability(g, january(low + more, days), today=today)
    pa = 1.0 if a.verdict is gr.Verdict.ACHIEVED else a.probability
    pb = 1.0 if b.verdict is gr.Verdict.ACHIEVED else b.probability
    assert pa is not None and pb is not None
    assert pb >= pa - 1e-12


def test_a_cap_on_spend_is_not_met_while_its_year_runs() -> None:
    """ "Spend at most 40,000 USD in 2026", 7,200 USD spent by February: "That already
    meets the target of 40,000 USD" (achieved) in March, beside a 28 % chance; and a
    month's spend cap mid-month read the same way."""
    spend = [(month_end(add_months(D(2025, 1, 1), i)), 3000.0 + 50 * i) for i in range(14)]
    g = gr.Goal("s", metric="spend", statement="Spend at most 40,000 USD in total in 2026",
                target="40000 USD", start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    a = gr.assess_achievability(g, spend, today=D(2026, 3, 10))
    assert a.cumulative and a.current_value == spend[-2][1] + spend[-1][1]
    assert a.verdict is not gr.Verdict.ACHIEVED and a.probability is not None
    assert "already meets" not in a.explanation
    assert a.verdict.value == ("achievable" if a.probability >= 0.5 else
                               "stretch" if a.probability >= 0.1 else "unrealistic")  # fmt: skip
    # the cap suggested lies above what is spent, and no later deadline is advised
    assert a.suggested_value is not None and a.suggested_value > a.current_value
    assert "later deadline" not in a.explanation
    # once the year is over, a total under the cap is met
    done = spend + [(month_end(D(2026, m, 1)), 3000.0) for m in range(3, 13)]
    b = gr.assess_achievability(g, done, today=D(2027, 1, 10))
    assert b.verdict is gr.Verdict.ACHIEVED
    month = gr.Goal("m", metric="spend", target="3000 USD / month", start="2026-01-01",
                    deadline="2026-01-31")  # fmt: skip
    days = spend[:12] + [(D(2026, 1, d), 100.0) for d in range(1, 11)]
    c = gr.assess_achievability(month, days, today=D(2026, 1, 10))
    assert c.verdict is not gr.Verdict.ACHIEVED and "so far: 1,000 USD" in c.explanation
