"""Dates as spreadsheets and ISO 8601 write them: "by 30-Jun-27", "by 30-Jun-2027" (it
read no deadline, "30-Jun-" and "27" set aside as second numbers) and "by 2027-06" (a
month: no deadline, with a note) are 2027-06-30 now; "31-Feb-27" is no date, with a note,
and "2027-13" no month."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def _deadline(statement: str) -> dt.date | None:
    return gr.read_statement(statement, start=START).goal.deadline


@pytest.mark.parametrize(
    ("statement", "deadline"),
    [
        ("Grow followers 20% by 30-Jun-27", dt.date(2027, 6, 30)),
        ("Grow followers 20% by 30-Jun-2027", dt.date(2027, 6, 30)),
        ("Grow followers 20% by 1-Dec-26", dt.date(2026, 12, 1)),
        ("Grow followers 20% by 2027-06", dt.date(2027, 6, 30)),
        ("Grow followers 20% by 2027/06", dt.date(2027, 6, 30)),
        ("Grow followers 20% by 31-Feb-27", None),
        ("Grow followers 20% by 2027-13", None),
    ],
)
def test_spreadsheet_and_iso_dates(statement: str, deadline: dt.date | None) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline == deadline
    assert reading.goal.target is not None and reading.goal.target.means("+20%")


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2026, 5, 2), dt.date(2029, 12, 31)), st.booleans())
def test_a_spreadsheet_date_reads_as_the_date_written_out(day: dt.date, short: bool) -> None:
    year = f"{day.year % 100:02d}" if short else str(day.year)
    written = f"Reach 10k followers by {day.day}-{calendar.month_abbr[day.month]}-{year}"
    assert _deadline(written) == day == _deadline(f"Reach 10k followers by {day.isoformat()}")


@settings(max_examples=40, deadline=None)
@given(st.integers(2026, 2030), st.integers(1, 12))
def test_an_iso_month_is_that_months_end(year: int, month: int) -> None:
    if dt.date(year, month, 1) < dt.date(2026, 5, 1):
        return
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    assert _deadline(f"Reach 10k followers by {year}-{month:02d}") == last
