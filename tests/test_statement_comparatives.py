"""Comparatives of a multiple: "Make CPA 3 times cheaper" read x3 (the CPA tripled) and
"Make response time 2x shorter" x2 (doubled); now said as "2x lower" is (a cut by a
multiple does not say where it leads). "Get twice as many followers" and "twice the
leads" read no target, and said nothing; now x2, as "double" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
CUT = "with a cut does not say where it leads"


def _read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@pytest.mark.parametrize(
    "statement",
    [
        "Make CPA 3 times cheaper by Q4",
        "Make response time 2x shorter by Q4",
        "Make CPA 2x lower by Q4",
    ],
)
def test_a_multiple_cheaper_or_shorter_is_no_target(statement: str) -> None:
    reading = _read(statement)
    assert reading.goal.target is None
    assert any(CUT in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Get twice as many followers by Q4",
        "Get twice the leads by Q4",
        "Double followers by Q4",
    ],
)
def test_twice_as_many_is_double(statement: str) -> None:
    goal = _read(statement).goal
    assert goal.target is not None and goal.target.means("x2")


def test_twice_a_week_is_no_multiple() -> None:
    goal = _read("Post twice a week and grow followers 20% by Q4").goal
    assert goal.target is not None and goal.target.means("+20%")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 9),
    st.sampled_from(["cheaper", "smaller", "shorter", "lower"]),
    st.sampled_from(["x", " times"]),
    st.sampled_from(["CPA", "cost per lead", "response time"]),
)
def test_a_multiple_before_a_comparative_of_less_is_never_a_rise(
    n: int, word: str, mark: str, metric: str
) -> None:
    goal = _read(f"Make {metric} {n}{mark} {word} by Q4").goal
    assert goal.target is None or goal.target.means(f"x{1 / n:g}")
