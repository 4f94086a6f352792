"""What a statement says was (goalrules.model.past_clauses) and a second deadline
phrase (goalrules.model.deadlines.find_deadline): a clause about the past never gives
the target or the deadline, and of two dates the one led by "by" is the deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from tests.test_statements import CASES, START, same_target

WITH_TARGET = [row for row in CASES if row[3]]

PAST = [  # clauses about what was, with a number that must never be the target (and no
    # metric: one named only there is the goal's, as in "Instagram followers were 5,000")
    "Last year we grew {p}%",
    "In {year} we had {n:,}",
    "Our results so far: {n:,}",
    "We ended {year} at {n:,}",
    "We were down {p}% last quarter",
    "Currently {n:,}",
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(WITH_TARGET),
    st.sampled_from(PAST),
    st.integers(1, 99),
    st.integers(1, 10**6),
    st.integers(2015, 2025),
    st.sampled_from(["; ", ". ", " - "]),
)
def test_a_clause_about_the_past_changes_no_target_or_deadline(
    row: tuple[str, str, str, str, str], past: str, p: int, n: int, year: int, joint: str
) -> None:
    statement, _, _, target, deadline = row
    said = past.format(p=p, n=n, year=year)
    reading = gr.read_statement(f"{said}{joint}{statement}", start=START)
    g = reading.goal
    assert same_target(g.target, target), (said, statement, g.target, target)
    assert (g.deadline.isoformat() if g.deadline else "") == deadline


@pytest.mark.parametrize(
    ("text", "target", "baseline"),
    [
        ("Our 2025 results: 5,000 Instagram followers; now grow them 20% by December", "+20%",
         "5000 followers"),
        ("Instagram followers were 5,000 in 2025; target 8,000 by December", "8000 followers",
         "5000 followers"),
        ("Reach 10,000 Instagram followers by December (currently 6,500)", "10000 followers",
         "6500 followers"),
        ("Double our YouTube subscribers by June 2027 - we had 4,000 at the end of 2025", "x2",
         "4000 followers"),
        ("Our engagement rate was 2% last quarter; raise it to 3% by March 2027", "3%", "2%"),
        ("Instagram followers grew 20% in 2025; grow them another 30% by December", "+30%", None),
    ],
)  # fmt: skip
def test_the_level_a_past_clause_gives_is_the_baseline(
    text: str, target: str, baseline: str | None
) -> None:
    g = gr.read_statement(text, start=START).goal
    assert same_target(g.target, target), g.target
    if baseline is None:
        assert g.baseline is None
    else:
        assert g.baseline is not None and gr.Target.parse(str(g.baseline)).means(baseline)


def test_a_past_growth_is_said_not_read() -> None:
    reading = gr.read_statement(
        "After growing 20% last year, grow our Facebook followers 30% by September", start=START
    )
    assert same_target(reading.goal.target, "+30%")
    assert any('"20%" is what the statement says was' in n for n in reading.notes)


def test_a_statement_all_about_the_past_is_read_whole() -> None:
    """One clause: nothing else says the goal, so the reader reads it as before."""
    g = gr.read_statement("Double the followers we gained last year by June 2027", start=START)
    assert same_target(g.goal.target, "x2")


def test_a_number_in_a_year_is_no_share() -> None:
    """A number whole before "in": "5,000 in 2026" is no share; "1 in 4" still is."""
    g = gr.read_statement("Instagram followers were 5,000 in 2025; target 8,000", start=START)
    assert same_target(g.goal.target, "8000 followers")
    g = gr.read_statement("1 in 4 visitors should sign up by June 2027", start=START)
    assert same_target(g.goal.target, "25%")


MONTHS = ["March", "June", "September", "December"]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(MONTHS),
    st.sampled_from(MONTHS),
    st.integers(2027, 2029),
    st.sampled_from(["this year", "in 2026", "next month", "within 6 months"]),
)
def test_of_two_deadline_phrases_the_one_led_by_by_is_read(
    month: str, other_month: str, year: int, other: str
) -> None:
    due = gr.read_statement(f"Grow Instagram followers 20% by {month} {year}", start=START)
    text = f"{other.capitalize()}, grow Instagram followers 20% by {month} {year}"
    reading = gr.read_statement(text, start=START)
    assert reading.goal.deadline == due.goal.deadline
    # two dates both led by "by": neither is read, and the note names both
    both = gr.read_statement(
        f"Grow Instagram followers 20% by {month} {year} and by {other_month} {year + 1}",
        start=START,
    )
    assert both.goal.deadline is None
    assert any("name two deadlines" in n for n in both.notes)


def test_a_year_said_first_dates_a_period_said_after() -> None:
    g = gr.read_statement("In 2027, grow our TikTok followers 20% by the end of Q2", start=START)
    assert g.goal.deadline == dt.date(2027, 6, 30)
    # a year past is what was: the period stays the next one
    g = gr.read_statement(
        "Instagram followers: 5,000 in 2025, target 8,000 by December", start=START
    )
    assert g.goal.deadline == dt.date(2026, 12, 31)


WHEN_UNREAD = [
    "by next summer", "by mid-June", "ahead of Black Friday", "by launch",
    "by the end of the campaign", "before the holidays", "by the fall", "this summer",
    "in time for back-to-school", "by the product launch",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(WHEN_UNREAD),
    st.sampled_from(["Grow Instagram followers 20%", "Reach 5,000 LinkedIn followers"]),
)
def test_words_that_say_when_but_read_as_no_date_are_said(when: str, goal: str) -> None:
    """No deadline, the target kept, and a note quoting the words: never silent."""
    alone = gr.read_statement(goal, start=START).goal
    reading = gr.read_statement(f"{goal} {when}", start=START)
    assert reading.goal.deadline is None and reading.goal.target == alone.target
    quoted = when.replace("-", " ").lower()
    assert any(quoted in n.lower().replace("-", " ") and "says when" in n for n in reading.notes), (
        reading.notes
    )


def test_a_rate_after_by_is_no_unread_date() -> None:
    reading = gr.read_statement("Increase leads by 10 a week", start=START)
    assert not any("says when" in n for n in reading.notes)
    assert same_target(reading.goal.target, "+10 leads / week")


@pytest.mark.parametrize(
    ("text", "target", "baseline"),
    [
        ("Grow LinkedIn followers to 10k, up from 6k, by December", "10000 followers",
         "6000 followers"),
        ("Cut cost per lead to $25, down from $40, by September", "25 USD / lead",
         "40 USD / lead"),
        ("Grow followers by 20%, up from 5,000, by December", "+20%", "5000 followers"),
        ("Gain 2,000 LinkedIn followers in the next 6 months (we have 8,000 now)",
         "+2000 followers", "8000 followers"),
        ("Last year we grew 1%; have 60% of our traffic come from social by 2027", "60%", None),
    ],
)  # fmt: skip
def test_where_the_goal_starts_said_after_its_target(
    text: str, target: str, baseline: str | None
) -> None:
    test_the_level_a_past_clause_gives_is_the_baseline(text, target, baseline)
