"""Deadlines that read two ways are read with a note that names the other reading.

Before: "by 2027" read 2027-12-31 (as "in 2027" and "by the end of 2027" do) with no word,
though some writers mean before 2027 begins; "over the next quarter" read three months from
the start with no word, though "next quarter" is also the calendar quarter after this one
("during next quarter" reads its end). Each is still read as before, and a note says what
it was read as and how to write the other date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None, start: dt.date = START) -> gr.StatementReading:
    return gr.read_statement(statement, start=start, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Reach 10,000 Instagram followers by 2027", None),
        ("Reach 10,000 Instagram followers until 2027", None),
        ("Reach 10,000 Instagram followers by the year 2027", None),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn 2027", "cy"),
        ("Capai 10,000 pengikut Instagram menjelang 2027", "ms"),
        ("Να φτάσουμε τους 10.000 ακολούθους στο Instagram έως το 2027", "el"),
        ("Makakuha ng 10,000 followers sa Instagram pagsapit ng 2027", "tl"),
        ("الوصول إلى 10000 متابع على إنستغرام بحلول 2027", "ar"),
    ],
)
def test_by_a_year_is_its_end_with_a_note(statement: str, lang: str | None) -> None:
    reading = read(statement, lang)
    assert reading.goal.deadline == dt.date(2027, 12, 31)
    assert str(reading.goal.target) == "10000 follower"
    said = [n for n in reading.notes if "2026-12-31" in n]
    assert len(said) == 1, reading.notes
    assert "the end of 2027" in said[0]


@settings(max_examples=30, deadline=None)
@given(st.integers(2027, 2034), st.sampled_from(["by", "until", "till", "no later than"]))
def test_every_bare_year_after_by_is_said(year: int, lead: str) -> None:
    reading = read(f"Grow LinkedIn leads by 20% {lead} {year}")
    assert reading.goal.deadline == dt.date(year, 12, 31)
    assert any(f"{year - 1}-12-31" in n and f"the end of {year}" in n for n in reading.notes)


@pytest.mark.parametrize(
    "when",
    ["in 2027", "by the end of 2027", "before 2027", "by December 2027", "by 2027-06-30"],
)
def test_a_year_said_one_way_has_no_such_note(when: str) -> None:
    reading = read(f"Grow LinkedIn leads by 20% {when}")
    assert reading.goal.deadline is not None
    assert not any("begins, write" in n for n in reading.notes), reading.notes


def _quarters_end(start: dt.date, n: int) -> dt.date:
    """The last day of the n-th calendar quarter after ``start``'s."""
    first = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    return month_end(first + relativedelta(months=3 * n + 2))


@settings(max_examples=40, deadline=None)
@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
    st.sampled_from(["over", "within", "in", "during"]),
    st.sampled_from([("quarter", 1), ("two quarters", 2), ("3 quarters", 3)]),
)
def test_the_next_quarters_name_the_calendar_reading(
    start: dt.date, lead: str, quarters: tuple[str, int]
) -> None:
    words, n = quarters
    reading = read(f"Increase Reddit traffic by 30% {lead} the next {words}", start=start)
    assert reading.goal.deadline == start + relativedelta(months=3 * n)
    other = _quarters_end(start, n)
    said = [n for n in reading.notes if other.isoformat() in n]
    if other == reading.goal.deadline:  # (from the 30th of March: both end June 30)
        assert not any("calendar quarter" in n for n in reading.notes), reading.notes
        return
    assert len(said) == 1, reading.notes
    assert reading.goal.deadline.isoformat() in said[0]


@pytest.mark.parametrize(
    "when", ["by next quarter", "by the end of next quarter", "within a quarter", "in 3 months"]
)
def test_a_quarter_said_one_way_has_no_such_note(when: str) -> None:
    reading = read(f"Increase Reddit traffic by 30% {when}")
    assert reading.goal.deadline is not None
    assert not any("calendar quarter" in n for n in reading.notes), reading.notes
