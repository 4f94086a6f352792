"""Ranges, from-to and multiples in other languages.

Before: Arabic "بين 10% و15%" read +10 % and dropped the 15 % without a word (its "و",
"and", written onto the number hid it); Malay "dari 5,000 hingga 8,000" (from 5,000 to
8,000) read 8,000 and dropped the 5,000 unsaid ("hingga" read "through", a word taken for
what the 5,000 counts); Arabic "نقطتين مئويتين" (two percentage points) and Welsh
"deirgwaith" (three times) dropped their target."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


@given(st.integers(1, 40), st.integers(1, 40), st.sampled_from(["و", "و "]))
def test_an_arabic_range_names_both_ends(low: int, more: int, joint: str) -> None:
    high = low + more
    reading = read(
        f"زيادة المتابعين على إنستغرام بنسبة تتراوح بين {low}% {joint}{high}% بحلول يونيو 2027"
    )
    assert str(reading.goal.target) == f"+{low}%"
    assert any("a range" in n and f"{high}" in n for n in reading.notes), reading.notes


@given(st.integers(100, 9_000), st.integers(1, 9_000), st.sampled_from(["hingga", "sehingga"]))
def test_a_malay_from_to_keeps_its_start(start: int, more: int, joint: str) -> None:
    end = start + more
    reading = read(
        f"Tingkatkan pengikut Instagram dari {start:,} {joint} {end:,} menjelang Jun 2027"
    )
    assert str(reading.goal.target) == f"{end} follower"
    assert str(reading.goal.baseline) == f"{start} follower"


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("زيادة معدل التفاعل على إنستغرام بمقدار نقطتين مئويتين بحلول يونيو 2027", "+2 percentage_point"),
        ("Cynyddu dilynwyr Instagram deirgwaith erbyn Mehefin 2027", "x3"),
        ("Tingkatkan pengikut Instagram antara 10% hingga 15% menjelang Jun 2027", "+10%"),
    ],
)  # fmt: skip
def test_other_targets_read(statement: str, target: str) -> None:
    assert str(read(statement).goal.target) == target
