"""A target for each channel joined by "/", ";", "+" or "plus", and a second multiple of
another metric.

Before: "Reach 10k followers on IG / 5k on TikTok" (";", "+", "plus" alike) read 10,000
for the two channels together, Instagram's target judged on their sum, the 5k set aside;
"Double followers and triple leads by 2027" read x2 and dropped "triple leads" without a
word (Malay "gandakan ... dan tigakalikan ..." alike). Now the first is not read, with the
note that each channel has its own target, and the second multiple is said."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@given(
    first=st.integers(1, 90),
    second=st.integers(1, 90),
    join=st.sampled_from([" and ", ", ", " / ", "; ", " + ", " plus ", " & "]),
)
def test_a_target_each_channel_is_never_their_sum(first: int, second: int, join: str) -> None:
    """However the two are joined, no channel is judged on a sum of both."""
    reading = read(f"Reach {first}k followers on Instagram{join}{second}k on TikTok by Q4")
    assert reading.goal.target is None
    assert any("its own target" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "second"),
    [
        ("Double followers and triple leads by 2027", "triple leads"),
        ("Halve CPL and double leads in 6 months", "double leads"),
        ("Gandakan pengikut dan tigakalikan prospek menjelang 2027", "triple leads"),
    ],
)
def test_a_second_multiple_is_said(statement: str, second: str) -> None:
    reading = read(statement)
    assert reading.goal.target is not None
    assert any(note.startswith(f'"{second}" is set aside') for note in reading.notes), reading.notes


def test_two_multiples_offered_are_said_as_before() -> None:
    reading = read("Double followers or triple them by 2027")
    assert any("offers two targets" in note for note in reading.notes)
