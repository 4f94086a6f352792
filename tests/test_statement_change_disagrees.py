"""A change beside "from A to B" that says another: "Grow followers from 5k to 8k (+20%)"
read a target of 8k (5k to 8k is +60 %), "+20%" set aside as a second number; "a 20%
increase" from 5,000 to 6,500 and "-20%" from $20 to $15 alike. The statement contradicts
itself, so the target is not read, with a note; a change that agrees ("+60%") is set
aside as before."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
DISAGREES = "does not agree with"


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Grow followers from 5k to 8k (+20%) by Q4", None),
        ("Grow followers from 5,000 to 6,500, a 20% increase, by Q4", None),
        ("Cut CPA from $20 to $15 (-20%) by Q4", None),
        ("زيادة المتابعين من 5 آلاف إلى 8 آلاف (+20%) بحلول ديسمبر", "ar"),
    ],
)
def test_a_change_that_disagrees_leaves_no_target(statement: str, lang: str | None) -> None:
    reading = _read(statement, lang)
    assert reading.goal.target is None
    assert any(DISAGREES in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Grow followers from 5k to 8k (+60%) by Q4", "8000 follower"),
        ("Grow followers from 5,000 to 6,000, up 20%, by Q4", "6000 follower"),
        ("Cut CPA from $20 to $15 (-25%) by Q4", "15 USD / conversion"),
        ("Grow followers from 1,200 to 1,600 (+33%) by Q4", "1600 follower"),
    ],
)
def test_a_change_that_agrees_keeps_the_target(statement: str, target: str) -> None:
    reading = _read(statement)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert not any(DISAGREES in note for note in reading.notes)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 200), st.integers(1, 300), st.integers(1, 99))
def test_the_target_is_read_only_when_the_change_agrees(
    start_hundreds: int, rise_percent: int, stated: int
) -> None:
    start = start_hundreds * 100
    end = start * (100 + rise_percent) // 100
    implied = (end / start - 1) * 100
    reading = _read(f"Grow followers from {start:,} to {end:,} (+{stated}%) by Q4")
    agrees = abs(stated - implied) <= max(1.0, implied * 0.02)
    assert (reading.goal.target is not None) == agrees, (implied, reading.notes)
