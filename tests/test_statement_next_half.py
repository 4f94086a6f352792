"""The next half, as Greek writes it ("μέσα στο επόμενο εξάμηνο", "το επόμενο εξάμηνο")
and English ("in the next half", "within the coming semester"; a "half year" is six
months, read as before): the next calendar half, or six months on? They were dropped
without a word (no deadline, no note); now the goal has no deadline and a note quotes
them. "μέσα σε ένα εξάμηνο" (within a six-month span)
is within 6 months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["within", "in", "over", "during"]),
    st.sampled_from(["next", "coming"]),
    st.sampled_from(["half", "semester"]),
)
def test_the_next_half_is_said(lead: str, which: str, half: str) -> None:
    said = f"{lead} the {which} {half}"
    reading = gr.read_statement(f"Grow Instagram followers 20% {said}", start=START)
    assert reading.goal.deadline is None
    assert any(f'"{said}" says when' in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "deadline"),
    [
        ("Αύξηση των ακολούθων στο Instagram κατά 20% μέσα στο επόμενο εξάμηνο", None),
        ("Αύξηση των ακολούθων στο Instagram κατά 20% το επόμενο εξάμηνο", None),
        ("Αύξηση των ακολούθων στο Instagram κατά 20% μέσα σε ένα εξάμηνο", dt.date(2026, 11, 1)),
    ],
)
def test_the_next_half_in_greek(statement: str, deadline: dt.date | None) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline == deadline
    if deadline is None:
        assert any("says when" in note for note in reading.notes), reading.notes
