"""A season as a deadline says which end of it, and whose, is read.

Before: "by summer" read 2026-08-31 and "by spring 2027" 2027-05-31 without a word (the
end of the northern season; "by summer" is as often summer's start, and in Australia or
South Africa summer ends in February); "by the summer" was said, not read. The reading
stands, with a note naming the day read."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)


@given(
    season=st.sampled_from(["spring", "summer", "fall", "autumn", "winter"]),
    year=st.sampled_from(["", " 2027"]),
)
def test_a_season_read_is_said(season: str, year: str) -> None:
    reading = gr.read_statement(f"Reach 10k Instagram followers by {season}{year}", start=START)
    due = reading.goal.deadline
    assert due is not None
    assert any(f'"{season}"' in note and due.isoformat() in note for note in reading.notes), (
        reading.notes
    )
