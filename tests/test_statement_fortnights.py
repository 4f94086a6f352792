"""A fortnight is two weeks.

"Increase followers 25% within a fortnight", "in two fortnights" and Welsh "o fewn
pythefnos" gave no deadline and no note: the goal was dropped to no date without a word.
They are 2 and 4 weeks from the start now, as "within 2 weeks" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import parse_duration

START = dt.date(2026, 5, 1)


def deadline(statement: str, lang: str | None = None) -> dt.date | None:
    return gr.read_statement(statement, start=START, lang=lang).goal.deadline


@pytest.mark.parametrize(
    ("statement", "lang", "due"),
    [
        ("Increase followers 25% within a fortnight", None, dt.date(2026, 5, 15)),
        ("Increase followers 25% over the next fortnight", None, dt.date(2026, 5, 15)),
        ("Increase followers 25% in two fortnights", None, dt.date(2026, 5, 29)),
        ("Cynyddu dilynwyr 25% o fewn pythefnos", "cy", dt.date(2026, 5, 15)),
    ],
)
def test_a_fortnight_is_two_weeks(statement: str, lang: str | None, due: dt.date) -> None:
    assert deadline(statement, lang) == due


def test_a_rate_a_fortnight_is_still_said() -> None:
    reading = gr.read_statement("Grow followers by 100 a fortnight", start=START)
    assert reading.goal.target is None
    assert any("a fortnight" in note for note in reading.notes)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 12))
def test_n_fortnights_are_twice_as_many_weeks(n: int) -> None:
    assert parse_duration(f"{n} fortnights") == parse_duration(f"{2 * n} weeks")
    assert deadline(f"Increase followers 25% within {n} fortnights") == deadline(
        f"Increase followers 25% within {2 * n} weeks"
    )
