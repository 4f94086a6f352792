"""Spans goalrules cannot date: "within 30 business days", "in 10 working days" (which
holidays?) set the number aside as a second one and gave no deadline without a word about
it; "within 2 sprints", "by end of sprint" (how long is one?) and "this half" gave no
deadline and no note. Each is said now, as "by launch" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("Grow followers 20% within 30 business days", "within 30 business days"),
        ("Grow followers 20% within 10 working days", "within 10 working days"),
        ("Grow followers 20% within 2 sprints", "within 2 sprints"),
        ("Grow followers 20% by end of sprint", "by end of sprint"),
        ("Grow followers 20% this half", "this half"),
    ],
)
def test_a_span_goalrules_cannot_date_is_said(statement: str, said: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert reading.goal.target is not None and reading.goal.target.means("+20%")
    assert any(f'"{said}" says when' in note for note in reading.notes), reading.notes
    assert not any("is set aside" in note for note in reading.notes)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 120), st.sampled_from(["business", "working"]))
def test_working_days_are_never_calendar_days_or_an_amount(n: int, kind: str) -> None:
    reading = gr.read_statement(f"Get 500 leads within {n} {kind} days", start=START)
    assert reading.goal.deadline is None
    assert reading.goal.target is not None and reading.goal.target.means("500 lead")
