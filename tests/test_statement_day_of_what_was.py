"""The day a level was measured, beside the deadline: "(Baseline 6,500 as of May 1)",
"we had 6,500 on May 1", "as of 1 May".

Before: the day's number was read as an amount: "Reach 10k followers by December; we had
6,500 on May 1" read a baseline of 1 follower (the 6,500 said to be what was, then set
aside), "(6,500 as of 1 May)" set "1 May" aside as a second number. Now a day of a month
that is not the deadline is no amount: the baseline is 6,500, or not read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@pytest.mark.parametrize(
    "statement",
    [
        "Reach 10k followers by Q4 (Baseline 6,500 as of May 1)",
        "Reach 10k followers by December; we had 6,500 on May 1",
        "Reach 10k followers by December (baseline 6,500, May 1)",
    ],
)
def test_the_baseline_is_the_level_not_the_day(statement: str) -> None:
    goal = read(statement).goal
    assert goal.target is not None and goal.target.means("10000 followers")
    assert goal.baseline is not None and goal.baseline.magnitude == 6500


@given(
    day=st.integers(1, 28),
    month=st.sampled_from(["Jan", "March", "May", "June", "Sept", "October"]),
    day_first=st.booleans(),
)
def test_a_day_is_never_an_amount(day: int, month: str, day_first: bool) -> None:
    """Whatever the day, it is neither the baseline nor a number set aside."""
    when = f"{day} {month}" if day_first else f"{month} {day}"
    reading = read(f"Reach 10k followers by December; we had 6,500 on {when}")
    assert reading.goal.baseline is not None and reading.goal.baseline.magnitude == 6500
    assert not any(note.startswith(f'"{day}') for note in reading.notes), reading.notes
