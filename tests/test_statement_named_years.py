"""A period with its year said in words, and a length counted from an event.

Before: "by March next year" read this year's March when it was still ahead (a year
early, with a note that "next year" was not read), in every language ("erbyn Mawrth y
flwyddyn nesaf", "menjelang Mac tahun depan", "έως τον Μάρτιο του επόμενου έτους", "bago
ang Marso sa susunod na taon", "بحلول مارس من العام القادم"); "by January this year" said
in February read next January; "in Q1 next year" was not read. And "within 6 months of
launch", "in 6 months from launch" read six months from the start, a launch the
statement does not date (and "6 months after launch" read its 6 months as a number)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end, quarter_end


def read(statement: str, start: dt.date) -> gr.StatementReading:
    return gr.read_statement(statement, start=start)


@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    st.integers(1, 12),
    st.sampled_from(["by {m} next year", "by the end of {m} next year", "by {m} of next year"]),
)
def test_a_month_next_year_is_in_next_year(start: dt.date, month: int, form: str) -> None:
    said = form.format(m=calendar.month_name[month])
    reading = read(f"Get 1,000 LinkedIn leads {said}", start)
    assert reading.goal.deadline == month_end(dt.date(start.year + 1, month, 1)), reading.notes


@given(st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 4))
def test_a_quarter_this_or_next_year(start: dt.date, q: int) -> None:
    nxt = read(f"Get 1,000 LinkedIn leads in Q{q} next year", start)
    assert nxt.goal.deadline == quarter_end(start.year + 1, q)
    this = read(f"Get 1,000 LinkedIn leads by Q{q} this year", start)
    assert this.goal.deadline == quarter_end(start.year, q)
    passed = this.goal.deadline < start
    assert passed == any("has passed" in note for note in this.notes)


@pytest.mark.parametrize(
    "statement",
    [
        "Cael 1,000 o ddarpar gwsmeriaid erbyn Mawrth y flwyddyn nesaf",
        "Dapatkan 1,000 prospek menjelang Mac tahun depan",
        "Απόκτηση 1.000 δυνητικών πελατών έως τον Μάρτιο του επόμενου έτους",
        "Makakuha ng 1,000 leads bago ang Marso sa susunod na taon",
        "الحصول على 1000 عميل محتمل بحلول مارس من العام القادم",
        "الحصول على 1000 عميل محتمل بحلول مارس العام المقبل",
    ],
)
def test_march_next_year_in_every_language(statement: str) -> None:
    reading = read(statement, dt.date(2026, 2, 10))
    assert reading.goal.deadline == dt.date(2027, 3, 31), reading.notes
    assert str(reading.goal.target) == "1000 lead"


@pytest.mark.parametrize(
    "said",
    [
        "in 6 months from launch",
        "within 6 months of launch",
        "within 90 days of the product release",
        "6 months after launch",
        "30 days after the campaign start",
    ],
)
def test_a_length_from_an_event_is_no_deadline(said: str) -> None:
    reading = read(f"Get 1,000 LinkedIn leads {said}", dt.date(2026, 12, 4))
    assert reading.goal.deadline is None
    assert str(reading.goal.target) == "1000 lead"
    assert [n for n in reading.notes if "counts from an event" in n], reading.notes
    assert not [n for n in reading.notes if "set aside" in n], reading.notes


@pytest.mark.parametrize("said", ["within 3 months from LinkedIn", "within 3 months of the start"])
def test_a_length_from_a_source_or_the_start_is_read(said: str) -> None:
    reading = read(f"Get 1,000 leads {said}", dt.date(2026, 12, 4))
    assert reading.goal.deadline == dt.date(2027, 3, 4)
