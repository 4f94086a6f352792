"""A day and month written with no year, one way only, is the next such day.

Greek "έως τις 30/06", Welsh "erbyn 30/6", Malay "menjelang 30/6", Arabic "بحلول ٣٠/٦",
"Reach 100k followers by 4/15" and Tagalog "bago mag 4/15" gave no deadline ("read
neither as a number nor as a date"): 30 and 15 are no month, and no year a goal is due
in, so each can only be the 30th of June or the 15th of April. "by 1/3" (a third, or a
day either way) and "by 6/27" or "by 12/31" (June 27, or June 2027?) are still said."""

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
        ("Reach 100k followers across IG and TikTok by 4/15", None, dt.date(2027, 4, 15)),
        ("Reach 100k followers by 15/4", None, dt.date(2027, 4, 15)),
        ("10.000 ακόλουθοι στο Instagram έως τις 30/06", "el", dt.date(2026, 6, 30)),
        ("Αύξηση των ακολούθων στο LinkedIn στους 3.500 έως 30/9", "el", dt.date(2026, 9, 30)),
        ("Cyrraedd 10,000 o ddilynwyr erbyn 30/6", "cy", dt.date(2026, 6, 30)),
        ("Capai 10,000 pengikut menjelang 30/6", "ms", dt.date(2026, 6, 30)),
        ("الوصول إلى 10,000 متابع بحلول ٣٠/٦", "ar", dt.date(2026, 6, 30)),
        ("Umabot ng 10,000 followers sa IG bago mag 9/15", "tl", dt.date(2026, 9, 15)),
    ],
)
def test_a_day_written_one_way_is_read(statement: str, lang: str | None, due: dt.date) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline == due, reading.notes
    assert reading.goal.target is not None


@pytest.mark.parametrize(
    ("statement", "written"),
    [
        ("Reach 100k followers by 1/3", "1/3"),
        ("Grow followers by 1/3 by December", "1/3"),
        ("Double LinkedIn followers by 6/27", "6/27"),
        ("Reach 100k followers by 12/31", "12/31"),
    ],
)
def test_a_day_either_way_or_a_fraction_is_said(statement: str, written: str) -> None:
    reading = read(statement)
    assert any(f'"{written}" is read neither' in note for note in reading.notes)
    assert reading.goal.deadline in (None, dt.date(2026, 12, 31))


def test_a_day_no_month_has_is_said() -> None:
    reading = read("Reach 100k followers by 31/6")
    assert reading.goal.deadline is None
    assert any("not a valid date" in note for note in reading.notes)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 12), st.integers(13, 20), st.booleans())
def test_either_order_reads_the_same_day(month: int, day: int, day_first: bool) -> None:
    """A day over 12 (and no year's two digits) can only be the day: either order reads
    it, as its written date does."""
    written = f"{day}/{month}" if day_first else f"{month}/{day}"
    due = read(f"Reach 100k followers by {written}").goal.deadline
    named = read(f"Reach 100k followers by {dt.date(2026, month, day):%B} {day}").goal.deadline
    assert due == named
    assert due is not None and (due.month, due.day) == (month, day)
