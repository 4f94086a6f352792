"""A day of a month after "in" is that day, and two days are no deadline.

Tagalog writes "on March 15" as "sa Marso 15" (the reader's "in March 15"), as Arabic
"في 15 مارس" and many an English goal do; "in March 15" read the end of March, the 15
set aside ("Reach 10,000 followers in March 15": 2027-03-31). "By March 15-20" read the
15th with no note (the range written as its lower bound), and "by June 3 times a week"
read June 3."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "deadline"),
    [
        ("Reach 10,000 followers in March 15", None, dt.date(2027, 3, 15)),
        ("Reach 10,000 followers in March 1, 2027", None, dt.date(2027, 3, 1)),
        ("Reach 10,000 followers in 1 March 2027", None, dt.date(2027, 3, 1)),
        ("Umabot ng 10,000 followers sa Instagram sa Marso 15", "tl", dt.date(2027, 3, 15)),
        ("Umabot ng 10,000 followers sa Instagram sa Marso 1, 2027", "tl", dt.date(2027, 3, 1)),
        ("Umabot ng 10,000 followers sa Instagram sa ika-15 ng Marso", "tl", dt.date(2027, 3, 15)),
        ("الوصول إلى 10,000 متابع على انستغرام في 15 مارس 2027", "ar", dt.date(2027, 3, 15)),
        # a count after the day is no day of it: the month's end
        ("Post on Instagram by June 3 times a week", None, dt.date(2026, 6, 30)),
        # a month, a year: still their periods
        ("Reach 10,000 followers in March 2027", None, dt.date(2027, 3, 31)),
        ("Reach 10,000 followers in 2027", None, dt.date(2027, 12, 31)),
    ],
)
def test_a_day_after_in_is_that_day(statement: str, lang: str | None, deadline: dt.date) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline == deadline, reading.notes
    assert not any("set aside" in note for note in reading.notes)


@pytest.mark.parametrize(
    "statement",
    [
        "Reach 10,000 followers by March 15-20",
        "Reach 10,000 followers during March 15-20",
        "Reach 10,000 followers by March 15 - 20, 2027",
        "Reach 10,000 followers in March 15 or 20",
    ],
)
def test_two_days_are_no_deadline(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("more than one day" in note for note in reading.notes), reading.notes
    assert str(reading.goal.target) == "10000 follower"


def test_a_range_of_a_change_after_a_month_is_still_a_range() -> None:
    reading = read("Grow followers in May 10-20%")
    assert str(reading.goal.target) == "+10%"
    assert reading.goal.deadline == dt.date(2026, 5, 31)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["", " 2027"]),
    st.booleans(),
)
def test_in_a_day_reads_as_by_it(month: int, day: int, year: str, day_first: bool) -> None:
    """ "In" a day is due that day, as "by" it is, however the day is written."""
    name = calendar.month_name[month]
    when = f"{day} {name}{year}" if day_first else f"{name} {day}{',' if year else ''}{year}"
    by = read(f"Reach 10,000 followers by {when}").goal
    inside = read(f"Reach 10,000 followers in {when}").goal
    assert inside.deadline == by.deadline
    assert by.deadline is not None and (by.deadline.month, by.deadline.day) == (month, day)
