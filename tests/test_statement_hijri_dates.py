"""A date of the Hijri calendar: "by the end of year 1448 AH" was due at the end of this
Gregorian year (2026-12-31, the "1448" set aside as a second number), Arabic "بحلول نهاية
العام 1448هـ" and Malay "menjelang akhir tahun 1448H" alike; "by the end of 1448 H" read a
target of 1,448 followers; Malay "menjelang Syawal" gave no deadline and said nothing.
goalrules does not convert a Hijri date (a month begins with the new moon as sighted): it
gives no deadline, and a note says so; its numbers are no amount."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
HIJRI = "a date of the Hijri calendar"


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Grow followers 20% by end of year 1448 AH", None, "+20%"),
        ("Grow followers 20% by the end of 1448 H", None, "+20%"),
        ("Grow followers 20% by Ramadan 1448", None, "+20%"),
        ("Increase leads by 20% by the end of the year 1448 Hijri", None, "+20%"),
        ("Grow followers 20% by 10 Dhu al-Hijjah 1448 AH", None, "+20%"),
        ("زيادة المتابعين بنسبة 20% بحلول نهاية العام 1448هـ", "ar", "+20%"),
        ("زيادة المتابعين بنسبة ٢٠٪ بحلول عام ١٤٤٨ هـ", "ar", "+20%"),
        ("زيادة المتابعين بنسبة 20% بحلول نهاية عام 1448", "ar", "+20%"),
        ("زيادة المتابعين إلى 10,000 بحلول نهاية رمضان", "ar", "10000 follower"),
        ("زيادة المتابعين بنسبة 20% بحلول 10 صفر", "ar", "+20%"),
        ("Tingkatkan pengikut 20% menjelang akhir tahun 1448H", "ms", "+20%"),
        ("Tingkatkan pengikut 20% menjelang 1 Syawal 1448H", "ms", "+20%"),
        ("Tingkatkan jualan 20% menjelang Syawal", "ms", "+20%"),
    ],
)
def test_a_hijri_date_is_said_not_read(statement: str, lang: str | None, target: str) -> None:
    reading = _read(statement, lang)
    assert reading.goal.deadline is None
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert "deadline" in reading.not_understood
    assert any(HIJRI in note for note in reading.notes), reading.notes


def test_a_gregorian_deadline_beside_a_hijri_date_is_the_deadline() -> None:
    reading = _read("Grow followers 20% by June 30, before Ramadan")
    assert reading.goal.deadline == dt.date(2026, 6, 30)
    assert any('"before Ramadan" is ' + HIJRI in note for note in reading.notes)


@pytest.mark.parametrize(
    ("statement", "target", "deadline"),
    [
        ("Get 1400 h of watch time by June", "1400 h", dt.date(2026, 6, 30)),
        ("Reach 1400 followers by June", "1400 follower", dt.date(2026, 6, 30)),
        ("Get 1,448 followers by the end of the year", "1448 follower", dt.date(2026, 12, 31)),
        ("Grow followers to 1450 by the end of the year", "1450 follower", dt.date(2026, 12, 31)),
        ("زيادة المتابعين من صفر إلى 1000 بحلول يونيو", "1000 follower", dt.date(2026, 6, 30)),
        ("زيادة المتابعين بنسبة 20% بحلول نهاية عام 2027", "+20%", dt.date(2027, 12, 31)),
    ],
)
def test_numbers_that_are_no_hijri_year_are_read(
    statement: str, target: str, deadline: dt.date
) -> None:
    reading = _read(statement)
    assert reading.goal.deadline == deadline
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert not any(HIJRI in note for note in reading.notes)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1300, 1599),
    st.sampled_from(["AH", "A.H.", "H", "Hijri", "Hijrah"]),
    st.sampled_from(["by the end of", "by the end of year", "by", "before", "until"]),
    st.sampled_from(["Grow followers 20%", "Cut CPA by 15%", "Reach 8,000 followers"]),
)
def test_any_hijri_year_gives_no_deadline_and_no_amount(
    year: int, mark: str, lead: str, goal: str
) -> None:
    plain = _read(f"{goal} by the end of 2027")
    reading = _read(f"{goal} {lead} {year} {mark}")
    assert reading.goal.deadline is None
    assert reading.goal.target == plain.goal.target  # the year is never the target
    assert reading.goal.metric == plain.goal.metric
    assert any(HIJRI in note and str(year) in note for note in reading.notes), reading.notes
