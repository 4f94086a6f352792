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


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Makakuha ng 500 leads bawat buwan sa LinkedIn hanggang may budget pa kami", None),
        ("Umabot sa 10,000 followers sa Instagram bago may bagong produkto", None),
        ("Umabot sa 10,000 followers sa Instagram bago ang May 15, 2027", dt.date(2027, 5, 15)),
        ("Umabot sa 10,000 followers sa Instagram bago ang 15 May 2027", dt.date(2027, 5, 15)),
        ("Umabot sa 10,000 followers sa Instagram sa May 2027", dt.date(2027, 5, 31)),
        ("Umabot sa 10,000 followers sa Instagram hanggang May", dt.date(2027, 5, 31)),
    ],
)  # fmt: skip
def test_tagalog_may_is_the_month_only_beside_a_date(statement: str, due: dt.date | None) -> None:
    """Tagalog "may" is "there is" ("hanggang may budget pa kami": while there is budget
    left; "bago may bagong produkto": before there is a new product); both read a deadline
    of the end of May. May written short is the month beside a day or a year, or alone."""
    reading = gr.read_statement(statement, start=dt.date(2026, 12, 4))
    assert reading.goal.deadline == due, reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "May 6,000 followers kami sa Instagram; umabot sa 10,000 bago ang Disyembre",
        "Mayroon kaming 6,000 followers sa Instagram; umabot sa 10,000 bago ang Disyembre",
    ],
)
def test_tagalog_we_have_then_reach_a_number(statement: str) -> None:
    """ "May 6,000 followers kami" (we have 6,000 followers) read 6,000 as the target, and
    "umabot sa 10,000" (reach 10,000) as post reach, 10,000 people: the level today is the
    baseline, and the followers are the metric."""
    goal = gr.read_statement(statement, start=dt.date(2026, 5, 1)).goal
    assert goal.metric == "followers"
    assert str(goal.target) == "10000 follower" and str(goal.baseline) == "6000 follower"
    assert goal.deadline == dt.date(2026, 12, 31)


@pytest.mark.parametrize("year", [2027, 2028])
def test_ngayong_and_a_year_is_in_that_year(year: int) -> None:
    """Tagalog "ngayong 2027" (in 2027) read "this 2027": no deadline."""
    tagalog = read(f"Makakuha ng 1,000 leads mula sa Facebook ngayong {year}").goal
    english = read(f"Get 1,000 leads from Facebook in {year}").goal
    assert tagalog.deadline == english.deadline == dt.date(year, 12, 31)
    assert tagalog.start == english.start
    assert str(tagalog.target) == str(english.target)
