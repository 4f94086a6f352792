"""Statements written as notes: a dash, a "Deadline:" label, a bare number after a verb.

Before: "Goal - 10k followers - Q2 2027" read -10,000 followers (the dash taken for a
minus); "Target: 8,000 followers. Deadline: 30/06/2027" and "... deadline June 30, 2027"
read no deadline (and "30" as a second number); "grow followers 2000-2500" read nothing
and said nothing (the range's lower bound taken for a year); "increase followers 3,000 by
June" read a level of 3,000 when it may as well mean a rise of 3,000. And a rate the
reader wrote itself ("10% compared with last month" prepared as "10% a month") was
recorded as the words the goal recurs by."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY, lang=lang)


@given(st.integers(1, 900), st.sampled_from([" - ", " – ", " — "]))
def test_a_dash_between_words_is_no_minus(n: int, dash: str) -> None:
    reading = read(f"Goal{dash}{n}k Instagram followers{dash}by Q2 2027")
    assert str(reading.goal.target) == f"{n * 1000} follower"
    assert reading.goal.deadline == dt.date(2027, 6, 30)


def test_a_minus_sign_is_still_one() -> None:
    assert str(read("Reduce CPL -20% by June 2027").goal.target) == "-20%"


@pytest.mark.parametrize(
    "statement",
    [
        "Target: 8,000 Instagram followers. Deadline: 30/06/2027.",
        "Target: 8,000 Instagram followers (Instagram) — deadline June 30, 2027",
        "Target: 8,000 Instagram followers; due: 2027-06-30",
        "Target: 8,000 Instagram followers; due date 2027-06-30",
    ],
)
def test_a_deadline_label(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.deadline == dt.date(2027, 6, 30), reading.notes
    assert str(reading.goal.target) == "8000 follower"
    assert not [n for n in reading.notes if "set aside" in n], reading.notes


def test_a_range_whose_lower_bound_looks_like_a_year() -> None:
    reading = read("Grow Instagram followers to 2000-2500 by June 2027")
    assert str(reading.goal.target) == "2000 follower"
    assert any("a range" in note for note in reading.notes)


def test_a_lone_number_that_looks_like_a_year_is_said() -> None:
    reading = read("Grow Instagram followers 2000 by June 2027")
    assert reading.goal.target is None
    assert any("could be a year or an amount" in note for note in reading.notes)


@given(
    st.sampled_from(["Increase", "Grow", "Boost", "Cut", "Reduce"]),
    st.sampled_from(["Instagram followers", "our LinkedIn leads", "website visits from Facebook"]),
    st.integers(1_000, 90_000),
)
def test_a_bare_number_after_a_verb_of_change(verb: str, what: str, n: int) -> None:
    """ "increase followers 3,000": to 3,000, or by 3,000? No target, with a note; "to"
    and "by" say which."""
    reading = read(f"{verb} {what} {n:,} by June 2027")
    assert reading.goal.target is None
    assert any("the level to reach, or the change" in note for note in reading.notes)
    assert read(f"{verb} {what} to {n:,} by June 2027").goal.target is not None
    assert read(f"{verb} {what} by {n:,} by June 2027").goal.target is not None


def test_a_rate_the_reader_wrote_is_no_recurrence_said() -> None:
    reading = read(
        "Αύξηση των ακολούθων στο Instagram κατά 10% σε σχέση με τον προηγούμενο μήνα", "el"
    )
    assert "recurs" not in reading.understood
    assert read("Get 50 leads a month from LinkedIn").understood["recurs"] == "a month"
