"""'by next March': the named month (quarter, half) after the one under way, or both
readings said when the year's own is still to come.

"Reach 5,000 followers by next March" read no deadline ("says when, but not as a date
goalrules reads"). In May 2026 next March can only be March 2027; in February 2026 it
could be the coming March or the one a year on, so it is not read and both are named.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.errors import DateError

MONTHS = list(calendar.month_name)[1:]


@given(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)), st.integers(1, 12))
def test_next_month_is_the_one_after_this_years_or_said_as_two(start: dt.date, month: int) -> None:
    name = MONTHS[month - 1]
    if month <= start.month:
        end = gr.deadline(f"by next {name}", start=start)
        assert (end.year, end.month) == (start.year + 1, month)
        assert end.day == calendar.monthrange(end.year, month)[1]
    else:
        with pytest.raises(DateError) as err:
            gr.deadline(f"by next {name}", start=start)
        said = str(err.value)
        assert f"{name} {start.year}" in said and f"{name} {start.year + 1}" in said


@given(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)), st.integers(1, 4))
def test_next_quarter_named_likewise(start: dt.date, quarter: int) -> None:
    now = (start.month - 1) // 3 + 1
    if quarter <= now:
        end = gr.deadline(f"next Q{quarter}", start=start)
        assert (end.year, end.month) == (start.year + 1, 3 * quarter)
    else:
        with pytest.raises(DateError, match=f"Q{quarter} {start.year}"):
            gr.deadline(f"next Q{quarter}", start=start)


def test_a_statement_says_which_next_it_cannot_tell() -> None:
    start = dt.date(2026, 5, 1)
    read = gr.read_statement("Reach 5,000 LinkedIn followers by next March", start=start)
    assert read.goal.deadline == dt.date(2027, 3, 31)
    read = gr.read_statement("Reach 5,000 LinkedIn followers by next December", start=start)
    assert read.goal.deadline is None
    assert any('"next December" could be December 2026' in n for n in read.notes), read.notes


def test_greek_next_month_reads_as_english_next() -> None:
    read = gr.read_statement(
        "Αύξηση των ακολούθων στο LinkedIn στους 5.000 μέχρι τον επόμενο Μάρτιο",
        start=dt.date(2026, 5, 1),
        lang="el",
    )
    assert read.goal.deadline == dt.date(2027, 3, 31), read.notes
