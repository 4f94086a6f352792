"""A level to reach on the far side of the baseline from the verb is said, not read.

Before: "Increase followers from 5,000 to 4,000 by December" read a target of 4,000 with
a baseline of 5,000, as did Greek "Αύξηση ... από 5.000 σε 4.000"; "Cut bounce rate from
40% to 60%" read 60 %, and "Reduce cost per lead from $40 to $50" $50: a goal the verb
contradicts, judged as if the numbers were meant. Which one is meant is not said, so
neither is guessed (as "grow followers by -10 %" is not read).
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
    ("statement", "lang"),
    [
        ("Increase followers from 5,000 to 4,000 by December", None),
        ("Grow Instagram followers to 4,000 from 5,000 by December", None),
        ("Cut bounce rate from 40% to 60% by June", None),
        ("Reduce cost per lead from $40 to $50 by June", None),
        ("Improve cost per lead from $40 to $50 by June", None),
        ("Αύξηση των ακολούθων από 5.000 σε 4.000 έως τον Δεκέμβριο", "el"),
        ("Cynyddu dilynwyr o 5,000 i 4,000 erbyn Rhagfyr", "cy"),
        ("Tingkatkan pengikut daripada 5,000 kepada 4,000 menjelang Disember", "ms"),
        ("Palakihin ang followers mula 5,000 hanggang 4,000 pagsapit ng Disyembre", "tl"),
        ("زيادة المتابعين من 5,000 إلى 4,000 بحلول ديسمبر", "ar"),
    ],
)
def test_the_verb_and_the_numbers_disagree(statement: str, lang: str | None) -> None:
    reading = read(statement, lang)
    assert reading.goal.target is None
    assert reading.goal.baseline is None
    assert "target" in reading.not_understood
    assert any("not read" in n and "from" in n for n in reading.notes), reading.notes
    assert reading.goal.deadline is not None


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Increase followers from 4,000 to 5,000 by December", "5000 follower"),
        ("Cut bounce rate from 60% to 40% by June", "40 %"),
        ("Improve CSAT from 80% to 85% by June", "85 %"),
        ("Reduce average response time from 4 hours to 45 minutes by June", "45 minute"),
        ("Followers from 5,000 to 4,000 by December", "4000 follower"),
        ("Reduce unfollows while growing followers from 5,000 to 8,000 by June", "8000 follower"),
    ],
)
def test_the_verb_and_the_numbers_agree(statement: str, target: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target, reading.notes


@settings(max_examples=40, deadline=None)
@given(
    st.integers(100, 90_000),
    st.integers(100, 90_000),
    st.sampled_from(["Increase", "Grow", "Boost", "Reduce", "Cut", "Lower"]),
)
def test_a_level_is_read_only_on_the_verbs_side(was: int, to: int, verb: str) -> None:
    assume(was != to)
    reading = read(f"{verb} LinkedIn followers from {was:,} to {to:,} by December")
    up = verb in ("Increase", "Grow", "Boost")
    if (to > was) == up:
        assert str(reading.goal.target) == f"{to} follower", reading.notes
    else:
        assert reading.goal.target is None, reading.notes
