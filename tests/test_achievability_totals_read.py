"""Which flow targets are totals over their period: "600 leads in 2026" is one (it read
as 600 leads a month, "needs growth of 25.6 % a month ... unrealistic"), and a relative
target never is: "increase leads by 20 % this year" read as a total of 70 leads, "already
met" by the year's first two months (118 leads)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.achievability_units import infer_cumulative

D = dt.date
LEADS = [40, 42, 45, 44, 47, 49, 50, 52, 51, 55, 53, 56, 58, 60]  # 2025-01 to 2026-02
HISTORY = [(month_end(add_months(D(2025, 1, 1), i)), float(v)) for i, v in enumerate(LEADS)]


def judged(statement: str, target: str) -> gr.Achievability:
    goal = gr.Goal("l", metric="leads", statement=statement, target=target,
                   start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    return gr.assess_achievability(goal, HISTORY, today=D(2026, 3, 5))


def test_a_total_named_by_its_year() -> None:
    a = judged("Get 600 leads in 2026", "600 leads")
    assert a.cumulative and a.verdict is gr.Verdict.ACHIEVABLE  # it read "unrealistic"
    assert "Leads so far: 118 leads (to 2026-02-28)" in a.explanation
    assert a.probability == judged("Get 600 leads this year", "600 leads").probability


def test_a_relative_target_is_a_level_not_a_total() -> None:
    a = judged("Increase leads by 20 % this year", "+20%")
    assert not a.cumulative and a.verdict is not gr.Verdict.ACHIEVED  # it read "achieved"
    assert "already meets" not in a.explanation
    assert "Reaching 70 leads a month by 2026-12-31" in a.explanation


@settings(max_examples=40, deadline=None)
@given(
    st.integers(10, 100_000),
    st.sampled_from(["in", "during", "over"]),
    st.sampled_from(["2026", "Q3", "H1", "FY2027", "Q2 2026"]),
    st.sampled_from(["leads", "visits", "new followers"]),
)
def test_a_named_period_is_a_total_and_a_rate_is_not(
    n: int, word: str, period: str, noun: str
) -> None:
    total = gr.Goal("g", statement=f"Get {n:,} {noun} {word} {period}", target=f"{n} leads")
    assert infer_cumulative(total)
    for rate in (
        f"Get {n:,} {noun} a month {word} {period}",
        f"Grow {noun} by 15 % {word} {period}",
    ):
        goal = gr.Goal("g", statement=rate, target="+15%" if "%" in rate else f"{n} leads")
        assert not infer_cumulative(goal)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(10, 100_000),
    st.sampled_from(["Grow", "Increase", "Boost", "Raise"]),
    st.sampled_from(["in 2026", "during Q3", "over H1", "this year"]),
    st.sampled_from(["visits", "leads", "traffic from LinkedIn"]),
)
def test_a_flow_grown_to_a_number_is_a_level_unless_called_a_total(
    n: int, verb: str, period: str, noun: str
) -> None:
    """ "Grow visits to 10,000 in 2026" names the level visits grow to (a month's), not
    the year's sum: read as a total, a history of 900 visits a month was "achievable"
    with "10,000 visits in total"."""
    level = gr.Goal("g", statement=f"{verb} {noun} to {n:,} {period}", target=f"{n} leads")
    assert not infer_cumulative(level)
    total = gr.Goal("g", statement=f"{verb} {noun} to {n:,} in total {period}", target=f"{n} leads")
    assert infer_cumulative(total)
