"""A target's period in another language, in a statement read as English (Manglish
"Kena dapat 500 leads sebulan from FB", Taglish "We need 500 leads kada buwan").

Before, the target was read as 500 leads in all, the period dropped, and the only note said
the goal had no deadline because of "sebulan" (a month, which is no deadline). Now the
target is not read, with a note naming the period's words and their language; a deadline
in such words is still said as before."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)

PERIODS = [
    ("sebulan", "Malay"),
    ("setiap minggu", "Malay"),
    ("setiap hari", "Malay"),
    ("kada buwan", "Tagalog"),
    ("bawat linggo", "Tagalog"),
    ("araw-araw", "Tagalog"),
]


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang="en")


@pytest.mark.parametrize(
    "statement",
    ["Kena dapat 500 leads sebulan from FB", "We need 500 leads kada buwan by December"],
)
def test_a_period_in_another_language_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None
    assert any("the period of the target" in note for note in reading.notes), reading.notes
    assert not any("no deadline" in note for note in reading.notes), reading.notes


def test_a_deadline_in_another_language_is_still_said() -> None:
    reading = read("Reach 10k followers ngayong taon")
    assert reading.goal.target is not None and reading.goal.deadline is None
    assert any('"ngayong taon" is Tagalog' in note for note in reading.notes)


@given(n=st.integers(2, 90_000), period=st.sampled_from(PERIODS))
def test_no_target_loses_its_period(n: int, period: tuple[str, str]) -> None:
    """Whatever the words of the period, the target is never read as a total."""
    words, language = period
    reading = read(f"Get {n:,} leads {words} from LinkedIn")
    assert reading.goal.target is None, reading.goal.target
    assert any(f'"{words}" is {language}' in note for note in reading.notes), reading.notes


def test_a_length_in_another_language_is_no_period() -> None:
    """ "in isang buwan" (within a month) says when, as before: no period of the target."""
    reading = read("Reach 10k followers in isang buwan")
    assert reading.goal.target is not None and reading.goal.target.means("10000 followers")
    assert any("no deadline" in note for note in reading.notes), reading.notes
