"""A goal set for a period ("500 leads in Q3 2027", "this year") starts when the period
does: its total counts the period's own months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, quarter_end

D = dt.date


@pytest.mark.parametrize(
    ("statement", "start", "deadline"),
    [
        ("Get 500 leads from LinkedIn in 2027", D(2027, 1, 1), D(2027, 12, 31)),
        ("Get 150 leads from LinkedIn in Q3 2027", D(2027, 7, 1), D(2027, 9, 30)),
        ("Get 50 leads this month", D(2026, 12, 1), D(2026, 12, 31)),
        ("Grow followers by 20% in 2027", D(2027, 1, 1), D(2027, 12, 31)),
        ("Κερδίστε 500 leads από το LinkedIn μέσα στο 2027", D(2027, 1, 1), D(2027, 12, 31)),
        ("Dapatkan 500 prospek dari LinkedIn pada tahun 2027", D(2027, 1, 1), D(2027, 12, 31)),
        ("احصل على 500 عميل محتمل من LinkedIn في عام 2027", D(2027, 1, 1), D(2027, 12, 31)),
        ("Makakuha ng 500 leads mula sa LinkedIn ngayong taon", D(2026, 1, 1), D(2026, 12, 31)),
        # an end or a length only: the goal starts when it is set
        ("Reach 5,000 followers by the end of 2027", None, D(2027, 12, 31)),
        ("Double our LinkedIn followers within six months", None, D(2027, 6, 4)),
        ("Get 100 leads in 6 months", None, D(2027, 6, 4)),
    ],
)
def test_a_goal_for_a_period_starts_when_the_period_does(
    statement: str, start: D | None, deadline: D
) -> None:
    today = dt.date.today()
    g = gr.Goal.from_statement(statement)
    if start is None:
        assert g.start == today
        return
    if g.deadline != deadline:  # (the examples are dated from 2026-12-04)
        pytest.skip("the examples' 'this year' and 'this month' are of December 2026")
    assert (g.start, g.deadline) == (start, deadline)


def test_this_years_total_counts_the_years_months_not_nothing() -> None:
    # said in December, "500 leads this year" read 0 leads so far (it started on the
    # day it was said) and "unrealistic", with 495 leads in the year's eleven months
    g = gr.Goal("g", statement="Hit 500 leads from social this year", metric="leads",
                target="500 leads", start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    history = [(add_months(D(2026, 1, 1), i), 40.0 + i) for i in range(11)]
    a = gr.assess_achievability(g, history, today=D(2026, 12, 4))
    assert a.cumulative and a.current_value == sum(40 + i for i in range(11))
    assert a.verdict in (gr.Verdict.ACHIEVABLE, gr.Verdict.ACHIEVED)


@given(st.integers(2025, 2035), st.integers(1, 4), st.integers(10, 10_000))
def test_a_quarters_goal_spans_the_quarter(year: int, q: int, n: int) -> None:
    g = gr.Goal.from_statement(f"Get {n:,} leads from LinkedIn in Q{q} {year}")
    end = quarter_end(year, q)
    assert g.deadline == end
    assert g.start == add_months(D(year, 3 * q - 2, 1), 0)


@settings(max_examples=40, deadline=None)
@given(
    period=st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "March", "September"]),
    which=st.sampled_from(["next", "this"]),
    lead=st.sampled_from(["in", "during"]),
)
def test_a_period_of_this_or_next_year_spans_that_period(
    period: str, which: str, lead: str
) -> None:
    """ "500 leads in Q1 next year" counts Q1's leads, as "in Q1 2027" does: it started
    when the goal was set (2026-05-01), so 500 leads were counted from May."""
    start = dt.date(2026, 5, 1)
    year = start.year + (which == "next")
    named = gr.read_statement(f"Get 500 leads {lead} {period} {which} year", start=start).goal
    dated = gr.read_statement(f"Get 500 leads {lead} {period} {year}", start=start).goal
    assert named.deadline == dated.deadline
    assert named.start == dated.start
