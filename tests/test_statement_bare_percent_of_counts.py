"""A bare percent beside a count with a rate of its own is no rate unless said as a level.

"Sales from TikTok Shop 25% by Q4" (up 25 %, or a conversion rate of 25 %?) read a
conversion rate of 25 %, and "Conversions 3% by Q4", "Clicks 2% by June" their rates:
a guess shown as read. Malay "Jualan TikTok Shop naik 25%" (sales go up 25 %) read the
same, "naik" left unread. The rate is read when the percent is said as a level ("to 5 %",
"at 5 %", "from 2 % to 3 %", "reach 4 % engagement"); a bare one is said, as "Facebook
visits 20% by June" is, and Malay "naik" and "meningkat" (go up) read a rise."""

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
    "statement",
    ["Sales from TikTok Shop 25% by Q4", "Conversions 3% by Q4", "Clicks 2% by June"],
)
def test_a_bare_percent_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None
    assert reading.goal.metric in ("conversions", "clicks")
    assert any("a rise of that much or a share" in note for note in reading.notes)


@pytest.mark.parametrize(
    ("statement", "metric", "target"),
    [
        ("Grow engagement to 5% by Q4", "engagement_rate_by_reach", "5 %"),
        ("Engagement at 5% by Q4", "engagement_rate_by_reach", "5 %"),
        ("Increase conversions from 2% to 3% by Q4", "conversion_rate", "3 %"),
        ("Reach 4% engagement by December", "engagement_rate_by_reach", "4 %"),
    ],
)
def test_a_percent_said_as_a_level_is_the_rate(statement: str, metric: str, target: str) -> None:
    goal = read(statement).goal
    assert (goal.metric, str(goal.target)) == (metric, target)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Jualan TikTok Shop naik 25% menjelang S4", "+25%"),
        ("Pengikut TikTok meningkat 50% dalam 3 bulan", "+50%"),
        ("Kadar klik iklan Facebook naik ke 2.5% sebelum hujung Q3", "2.5 %"),
    ],
)
def test_malay_go_up(statement: str, target: str) -> None:
    assert str(read(statement, "ms").goal.target) == target


def test_what_went_up_last_year_is_not_the_target() -> None:
    reading = read(
        "Tahun lepas pengikut Instagram naik 10%; tahun ini tingkatkan 20% menjelang Jun 2027",
        "ms",
    )
    assert str(reading.goal.target) == "+20%"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Sales", "Conversions", "Clicks", "Engagement"]), st.integers(1, 60))
def test_a_bare_percent_never_names_a_rate(noun: str, n: int) -> None:
    """Without a word of a level, the percent is never read as a rate's level."""
    goal = read(f"{noun} {n}% by Q4").goal
    assert goal.target is None or str(goal.target).startswith(("+", "-", "x"))
