"""A day of the month written as a word: "by June first", "by July fourth", "by March
twenty-first", "by the fifteenth of July".

Before: "by June first" read June 30 and "by July fourth" July 31 (the word dropped without
a note), "by June first, 2027" June 30 2026 (the year dropped too), "by March twenty-first"
March 20 (half the word read as a number), "by the fifteenth of July" no deadline. Each is
now the day, as "by June 1st" is; "the first week of June" is no day. Welsh "erbyn Mehefin
1af" (the ordinal after the month) read the end of June, as "1af Mehefin" no longer did."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)

_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip


def ordinal_word(day: int) -> str:
    """The English word of a day of the month: 21 -> "twenty-first"."""
    if day < 20:
        return _UNITS[day - 1]
    tens, unit = divmod(day, 10)
    name = {2: "twenty", 3: "thirty"}[tens]
    return f"{name}-{_UNITS[unit - 1]}" if unit else name[:-1] + "ieth"


def due(statement: str) -> dt.date | None:
    return gr.read_statement(statement, start=START).goal.deadline


@pytest.mark.parametrize(
    ("statement", "day"),
    [
        ("Reach 5,000 Instagram followers by June first", dt.date(2026, 6, 1)),
        ("Reach 5,000 Instagram followers by July fourth", dt.date(2026, 7, 4)),
        ("Reach 5,000 Instagram followers by June first, 2027", dt.date(2027, 6, 1)),
        ("Reach 5,000 Instagram followers by March twenty-first", dt.date(2027, 3, 21)),
        ("Reach 5,000 Instagram followers by the fifteenth of July", dt.date(2026, 7, 15)),
        ("Reach 5,000 Instagram followers by Dec. thirty-first", dt.date(2026, 12, 31)),
        # Welsh: the day's ordinal after its month (it read the end of June, and the
        # target as a count of "af")
        ("Cynyddu dilynwyr i 8,000 erbyn Mehefin 1af", dt.date(2026, 6, 1)),
        ("Cynyddu dilynwyr i 8,000 erbyn Rhagfyr 31ain 2027", dt.date(2027, 12, 31)),
    ],
)
def test_a_day_written_as_a_word(statement: str, day: dt.date) -> None:
    assert due(statement) == day


def test_the_first_week_of_a_month_is_no_day() -> None:
    assert due("Reach 5,000 followers in the first week of June") != dt.date(2026, 6, 1)


@given(month=st.integers(1, 12), day=st.integers(1, 31), year=st.sampled_from(["", ", 2027"]))
def test_a_day_in_words_reads_as_in_digits(month: int, day: int, year: str) -> None:
    """ "by June first" is due when "by June 1" is, "the first of June" too."""
    name = calendar.month_name[month]
    digits = due(f"Grow LinkedIn followers to 8,000 by {name} {day}{year}")
    words = due(f"Grow LinkedIn followers to 8,000 by {name} {ordinal_word(day)}{year}")
    assert words == digits
    if not year:
        before = due(f"Grow LinkedIn followers to 8,000 by the {ordinal_word(day)} of {name}")
        assert before == digits
