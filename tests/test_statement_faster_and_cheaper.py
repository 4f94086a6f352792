"""A time "faster" or "shorter", a cost "cheaper", and growth "faster".

Before: "Respond 2x faster" read the response time doubled (x2), "Make response time 2
hours faster" and "30 minutes shorter" a response time of 2 hours and 30 minutes (levels),
"Make CPC $1 cheaper" and "20% cheaper" no target; "Grow followers 2x faster" read the
followers doubled. Now a time shorter by its amount, a cost cheaper by its amount; a
percent "faster" (a time 50 % shorter, or a speed 50 % higher?) and growth "faster" are
said, not read."""

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
    ("statement", "means"),
    [
        ("Make response time 2 hours faster", "-2 hour"),
        ("Make response time 30 minutes shorter", "-30 minute"),
        ("Respond 30 minutes sooner", "-30 minute"),
        ("Make CPC $1 cheaper", "-1 USD / click"),
        ("Make CPC 20% cheaper", "-20%"),
    ],
)
def test_a_change_said_after_its_amount(statement: str, means: str) -> None:
    got = read(statement).goal.target
    assert got is not None and got.means(means), got


@pytest.mark.parametrize(
    "statement",
    [
        "Respond 2x faster",
        "Reply to comments 50% faster",
        "Grow followers 2x faster",
        "Grow followers by 20% faster",
        "Get leads 20% cheaper",
    ],
)
def test_a_speed_or_a_price_of_another_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None and reading.notes


@given(n=st.integers(1, 12), unit=st.sampled_from(["hours", "minutes", "days"]))
def test_a_time_faster_is_never_longer(n: int, unit: str) -> None:
    """ "N hours faster" is a cut of N hours, never a level of N or a rise."""
    got = read(f"Make our average response time {n} {unit} faster by Q3").goal.target
    assert got is not None and got.kind is gr.TargetKind.DELTA
    assert got.means(f"-{n} {unit}"), got
