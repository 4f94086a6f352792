"""A month, quarter or half named with "this" is this year's.

"Get 500 leads this Q4", "this December" and Tagalog "ngayong Q4", "ngayong Disyembre"
gave no deadline ("this December" and "ngayong Disyembre" with no note either); they are
this year's Q4 and December, as "in Q4" and "in December" are while they are to come. A
period of this year that is past ("this March" written in May) is no deadline, with a
note; "this may help" names no month."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "due"),
    [
        ("Get 500 leads from LinkedIn this Q4", None, dt.date(2026, 12, 31)),
        ("Get 500 leads from LinkedIn this Q2", None, dt.date(2026, 6, 30)),
        ("Get 500 leads from LinkedIn this H2", None, dt.date(2026, 12, 31)),
        ("Get 500 leads from LinkedIn this December", None, dt.date(2026, 12, 31)),
        ("Get 500 leads from LinkedIn by this December", None, dt.date(2026, 12, 31)),
        ("Makakuha ng 500 leads mula sa LinkedIn ngayong Q4", "tl", dt.date(2026, 12, 31)),
        ("Makakuha ng 500 leads mula sa LinkedIn ngayong Disyembre", "tl", dt.date(2026, 12, 31)),
        # the words that read before read as they did
        ("Get 500 leads from LinkedIn this quarter", None, dt.date(2026, 6, 30)),
        ("Get 500 leads from LinkedIn this year", None, dt.date(2026, 12, 31)),
    ],
)
def test_this_period_is_this_years(statement: str, lang: str | None, due: dt.date) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "500 lead"


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Get 500 leads from LinkedIn this March", None),
        ("Get 500 leads from LinkedIn this Q1", None),
        ("Makakuha ng 500 leads mula sa LinkedIn ngayong Marso", "tl"),
    ],
)
def test_a_period_of_this_year_that_is_past_is_said(statement: str, lang: str | None) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline is None
    assert any("this" in note.lower() and "deadline" in note for note in reading.notes)


def test_this_may_is_no_month() -> None:
    assert read("This may help us get 500 leads").goal.deadline is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "June", "August", "December"]))
def test_this_period_to_come_reads_as_the_period(period: str) -> None:
    """A period still to come this year reads the same with "this" as without it; one
    past is no deadline."""
    plain = read(f"Get 500 leads in {period}").goal.deadline
    this = read(f"Get 500 leads this {period}").goal.deadline
    assert plain is not None
    assert this == (plain if plain.year == START.year else None)
