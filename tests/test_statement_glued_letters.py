"""A number with letters written onto it that are no unit or scale goalrules reads is not
read as the bare number.

Before: "Generate $1.5J in sales" read $1.50 and "Reach 10Q followers" 10 followers (the
"J", "Q" dropped); Malay "RM1.5J" (J, juta: a million, as Malaysians write it short) read
RM1.50. Malay "J" now reads a million; elsewhere such a number is said, not read.
"""

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
    ("statement", "written"),
    [
        ("Generate $1.5J in sales from TikTok Shop in Q4", "1.5J"),
        ("Reach 10Q followers by December", "10Q"),
    ],
)
def test_unknown_letters_are_said(statement: str, written: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None
    assert any(written in n and "not read" in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Cut response time to 2hrs by June", "2 hour"),
        ("Reach 10K followers by June", "10000 follower"),
        ("Grow revenue to $2.5bn by 2028", "2500000000 USD"),
        ("Increase NPS by 20pts by June", "+20 percentage_point"),
        ("Reach 500usd in sales by June", "500 USD"),
    ],
)
def test_units_and_scales_written_on_are_read(statement: str, target: str) -> None:
    assert str(read(statement).goal.target) == target


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Jana jualan RM1.5J dari TikTok Shop pada S4 ini", "1500000 MYR"),
        ("Capai hasil RM2j menjelang Disember", "2000000 MYR"),
    ],
)
def test_malay_j_is_a_million(statement: str, target: str) -> None:
    assert str(read(statement, "ms").goal.target) == target


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 999), st.sampled_from("CEFGIJLNOQRUVZ"))  # (no unit: "5d" is 5 days)
def test_no_number_loses_its_letter(n: int, letter: str) -> None:
    target = read(f"Reach {n}{letter} followers by December").goal.target
    assert target is None or getattr(target.amount, "magnitude", target.amount) != n
