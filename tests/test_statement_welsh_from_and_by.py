"""Welsh "o" after a verb of change: "by" ("cynyddu o 20%"), or "from" when a level or a
change follows ("o 1,000 i 2,000", "o 3,000 50%").

Before: "cynyddu dilynwyr o ddwy fil i bum mil" read "by two thousand" (+2,000 followers,
a target the statement does not set: "bum", five after "i", was no number the pack knew,
so no "to" followed); "o 3,000 50%" read +3,000 and set the 50 % aside; "50% o 3,000"
read a level of 3,000 followers (a share "of"); "o 3,000 i dros 5,000" and "o 1,000 hyd
at 2,000" lost their baseline with a note. Each reads as English "from A to B", "from A
by N %" reads.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
#: one to nine before "mil" (a thousand, feminine) after "o" and "i": soft-mutated
THOUSANDS_AFTER_O = {
    1: "fil", 2: "ddwy fil", 3: "dair mil", 4: "bedair mil", 5: "bum mil", 6: "chwe mil",
    7: "saith mil", 8: "wyth mil", 9: "naw mil",
}  # fmt: skip


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang="cy")


@pytest.mark.parametrize(
    ("statement", "target", "baseline"),
    [
        ("Cynyddu dilynwyr o ddwy fil i bum mil erbyn diwedd 2027", "5000 follower", "2000"),
        ("Cynyddu dilynwyr o dair mil i bedair mil erbyn diwedd 2027", "4000 follower", "3000"),
        ("Cynyddu dilynwyr o 3,000 i dros 5,000 erbyn diwedd 2027", "5000 follower", "3000"),
        ("Cynyddu dilynwyr o 1,000 hyd at 2,000 erbyn diwedd 2027", "2000 follower", "1000"),
        ("Cynyddu dilynwyr Instagram 50% o 3,000 erbyn Mawrth 2027", "+50%", "3000"),
        ("Cynyddu dilynwyr Instagram o 3,000 50% erbyn Mawrth 2027", "+50%", "3000"),
        ("Cynyddu ymweliadau â'r wefan o 3,000 y mis 50% erbyn Mawrth 2027", "+50%", "3000"),
    ],
)
def test_from_a_level(statement: str, target: str, baseline: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.baseline is not None, reading.notes
    assert reading.goal.baseline.magnitude == float(baseline)
    assert not any("set aside" in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Cynyddu dilynwyr Instagram o 20% erbyn Mehefin 2027", "+20%"),
        ("Cynyddu ein dilynwyr Instagram o 1,000 erbyn Mehefin 2027", "+1000 follower"),
        ("Cynyddu dilynwyr o bum mil erbyn Mehefin 2027", "+5000 follower"),
    ],
)
def test_by_a_change(statement: str, target: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.baseline is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(THOUSANDS_AFTER_O)), st.sampled_from(sorted(THOUSANDS_AFTER_O)))
def test_from_thousands_to_thousands_in_words(a: int, b: int) -> None:
    statement = (
        f"Cynyddu dilynwyr Instagram o {THOUSANDS_AFTER_O[a]} i {THOUSANDS_AFTER_O[b]} "
        "erbyn Mehefin 2027"
    )
    reading = read(statement)
    if a > b:  # "cynyddu" (increase) to fewer: the verb or the numbers? (said, not read)
        assert reading.goal.target is None, reading.notes
        assert any("says up" in n and "not read" in n for n in reading.notes), reading.notes
        return
    assert str(reading.goal.target) == f"{b * 1000} follower", reading.notes
    if a != b:
        assert reading.goal.baseline is not None, reading.notes
        assert reading.goal.baseline.magnitude == a * 1000
