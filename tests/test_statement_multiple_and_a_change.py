"""A multiple and a change said of one target are two targets: neither is guessed.

Before: "Double followers by 20% by December" read +20 % (doubling is +100 %), "Double our
followers by 3,000" +3,000 and "Halve our CPC by $2" -$2, the verb dropped without a word;
Greek "Διπλασιασμός των ακολούθων κατά 20%" and Malay "Kurangkan separuh kos setiap klik
kami sebanyak RM2" the same. A change that is the multiple ("halve CPL by 50%", "double
followers by 100%") is read.
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
    ("statement", "lang"),
    [
        ("Double followers by 20% by December", None),
        ("Double our followers by 3,000 by December", None),
        ("Halve our CPC by $2 by December", None),
        ("Triple LinkedIn leads by 50% by June", None),
        ("Διπλασιασμός των ακολούθων κατά 20% έως τον Δεκέμβριο", "el"),
        ("Kurangkan separuh kos setiap klik kami sebanyak RM2 menjelang S4 2027", "ms"),
    ],
)
def test_two_targets_are_said(statement: str, lang: str | None) -> None:
    reading = read(statement, lang)
    assert reading.goal.target is None, reading.notes
    assert any("two targets" in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Halve CPL by 50% by December", "-50%"),
        ("Double followers by 100% by December", "+100%"),
        ("Double followers by December", "x2"),
        ("Grow followers by 20% by December, then double them by 2028", "+20%"),
        ("Double Instagram followers in 6 months and grow leads by 20% by June", "+20%"),
        ("Double Instagram followers while growing leads by 20% by June", "+20%"),
    ],
)
def test_one_target_is_read(statement: str, target: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target, reading.notes


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from([("Double", 100), ("Triple", 200), ("Quadruple", 300)]),
    st.integers(1, 400),
)
def test_a_percent_beside_a_multiple_is_read_only_when_it_is_the_multiple(
    verb: tuple[str, int], percent: int
) -> None:
    reading = read(f"{verb[0]} Instagram followers by {percent}% by December")
    if percent == verb[1]:
        assert str(reading.goal.target) == f"+{percent}%", reading.notes
    else:
        assert reading.goal.target is None, reading.notes
