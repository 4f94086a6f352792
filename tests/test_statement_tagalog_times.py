"""Tagalog times and a period no deadline word leads to.

Before: "sa susunod na 3 buwan" (in the next 3 months) dropped both its deadline and the
target beside it ("3 months" taken for the target); "sa mga susunod na buwan" (in the
coming months) read next month; "sa loob ng ilang buwan" (within a few months) was dropped
without a word; "mula 4k hanggang 6k" read "from 4k through 6k", the 4k set aside. In any
language "from 4,000 to 6,000 this Q1" read nothing at all ("this" taken for a plural the
6,000 counts) and said nothing; a period no word leads to ("this Q1", "(Q1)") is now said."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Doblehin ang followers sa Instagram sa susunod na 3 buwan", dt.date(2027, 3, 4)),
        ("Doblehin ang followers sa Instagram sa loob ng susunod na 3 buwan", dt.date(2027, 3, 4)),
        ("Doblehin ang followers sa Instagram sa susunod na buwan", dt.date(2027, 1, 31)),
    ],
)
def test_the_next_months_in_tagalog(statement: str, due: dt.date) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == "x2"
    assert reading.goal.deadline == due


@pytest.mark.parametrize(
    "statement",
    [
        "Doblehin ang followers sa Instagram sa mga susunod na buwan",
        "Doblehin ang followers sa Instagram sa loob ng ilang buwan",
    ],
)
def test_months_with_no_number_in_tagalog(statement: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == "x2"
    assert reading.goal.deadline is None
    assert len([n for n in reading.notes if not n.startswith("read as")]) == 1, reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Grow Instagram followers from 4,000 to 6,000 this Q1",
        "Grow Instagram followers from 4k to 6k this Q1",
        "Dagdagan ang followers sa Instagram mula 4k hanggang 6k ngayong Q1",
    ],
)
def test_from_to_beside_a_period_no_word_leads_to(statement: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == "6000 follower"
    assert str(reading.goal.baseline) == "4000 follower"
    assert reading.goal.deadline is None
    assert any('"this Q1" names a period' in note for note in reading.notes), reading.notes


def test_a_plural_after_a_number_still_counts_something_else() -> None:
    """ "run 4 campaigns": the 4 counts campaigns, no target, as before."""
    reading = read("Run 4 campaigns to get 200 leads from LinkedIn by June 2027")
    assert str(reading.goal.target) == "200 lead"
