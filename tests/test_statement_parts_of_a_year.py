"""A deadline said as a part of a year, or as a time Greek leads with "ως", is read or
said, never dropped without a word.

Before: "by mid-2027" (and "by early 2027", "by the middle of 2027", Malay "pertengahan
2027", Arabic "منتصف 2027", Greek "τα μέσα του 2027") gave a note that quoted the target
with it ('"by 20% by mid-2027" names a date that could not be read') and said nothing of
why; Greek "ως τα Χριστούγεννα" and "ως το Πάσχα" (until Christmas, Easter: "ως" as people
say "έως") were dropped with no note, though "έως τα Χριστούγεννα" reads 2026-12-25.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["mid-", "mid ", "early ", "late ", "the middle of ", "mid-Q3 "]),
    st.integers(2027, 2030),
)
def test_a_part_of_a_year_is_said_for_itself(part: str, year: int) -> None:
    reading = read(f"Grow LinkedIn leads by 20% by {part}{year}")
    assert reading.goal.deadline is None
    assert str(reading.goal.target) == "+20%"
    said = [n for n in reading.notes if f'"{part}{year}"' in n]
    assert len(said) == 1, reading.notes
    assert "20%" not in said[0]
    assert "no one day" in said[0]


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Tingkatkan pengikut Instagram kepada 1.500 menjelang pertengahan 2027", "ms"),
        ("زيادة متابعي إنستغرام إلى 10,000 بحلول منتصف 2027", "ar"),
        ("Αύξηση των ακολούθων στο Instagram στους 10.000 μέχρι τα μέσα του 2027", "el"),
        ("Cynyddu dilynwyr Instagram i 10,000 erbyn canol 2027", "cy"),
        ("Palakihin ang followers sa Instagram sa 10,000 pagsapit ng kalagitnaan ng 2027", "tl"),
    ],
)
def test_mid_year_in_each_language(statement: str, lang: str) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline is None
    assert reading.goal.target is not None
    assert any("no one day" in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("when", "due"),
    [("ως τα Χριστούγεννα", dt.date(2026, 12, 25)), ("έως τα Χριστούγεννα", dt.date(2026, 12, 25))],
)
def test_greek_until_christmas(when: str, due: dt.date) -> None:
    reading = read(f"Αύξηση των ακολούθων στο Instagram κατά 20% {when}", "el")
    assert reading.goal.deadline == due


@pytest.mark.parametrize("when", ["ως το Πάσχα", "έως το Πάσχα", "ως το καλοκαίρι"])
def test_greek_until_a_time_not_dated_is_said(when: str) -> None:
    reading = read(f"Αύξηση των ακολούθων στο Instagram κατά 20% {when}", "el")
    assert reading.goal.deadline is None
    assert "deadline" in reading.not_understood
    assert any("deadline" in n for n in reading.notes), reading.notes
