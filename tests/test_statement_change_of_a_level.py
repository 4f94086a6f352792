"""A verb of change, its metric and "of A to B" is a change from A to B, not a range.

Before: "Increase revenue of $10,000 to $15,000 by 2027" read a range, its lower bound
$10,000 the target (the level the team has); Malay "hasil yang berjumlah RM10,000 kepada
RM15,000" and Arabic "الإيرادات البالغة 10,000 دولار إلى 15,000 دولار" (revenue amounting
to A, to B) read A the target as well. "Reach revenue of $10,000 to $15,000" is still a
range (no verb of change).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "target", "baseline"),
    [
        ("Increase revenue of $10,000 to $15,000 by 2027", None, "15000 USD", 10000),
        ("Tingkatkan hasil yang berjumlah RM10,000 kepada RM15,000 menjelang 2027", "ms",
         "15000 MYR", 10000),
        ("زيادة الإيرادات البالغة 10,000 دولار إلى 15,000 دولار بحلول 2027", "ar",
         "15000 USD", 10000),
    ],
)  # fmt: skip
def test_of_a_level_to_another(
    statement: str, lang: str | None, target: str, baseline: float
) -> None:
    reading = read(statement, lang)
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.baseline is not None
    assert reading.goal.baseline.magnitude == baseline
    assert not any("a range" in n for n in reading.notes)


def test_a_range_with_no_verb_of_change_is_still_one() -> None:
    reading = read("Reach revenue of $10,000 to $15,000 by 2027")
    assert str(reading.goal.target) == "10000 USD"
    assert any("a range" in n for n in reading.notes)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 900), st.integers(1, 900), st.sampled_from(["Increase", "Grow", "Boost"]))
def test_any_level_to_a_higher_one(was: int, to: int, verb: str) -> None:
    assume(was < to)
    reading = read(f"{verb} monthly revenue of ${was},000 to ${to},000 by 2027")
    assert str(reading.goal.target) == f"{to}000 USD / month", reading.notes
    assert reading.goal.baseline is not None
    assert reading.goal.baseline.magnitude == was * 1000
