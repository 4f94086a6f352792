"""Before a day, and the end of a working day: "prior to June 30", "ahead of June 30" and
"in advance of Q3" gave no deadline and no note (now read as "before June 30" is: the day
itself, as the reader reads "before" a day); "on or before June 30" is that day; "by end
of day June 30", "by COB June 30" gave no deadline either (now June 30, with a note that
the time of day is not read)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang", "deadline"),
    [
        ("Grow followers 20% on or before June 30", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% prior to June 30", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% ahead of June 30", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% in advance of Q3", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% by end of day June 30", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% by COB June 30", None, dt.date(2026, 6, 30)),
        ("Grow followers 20% by close of business on 30 June 2027", None, dt.date(2027, 6, 30)),
    ],
)
def test_before_words_and_the_end_of_a_working_day(
    statement: str, lang: str | None, deadline: dt.date
) -> None:
    reading = _read(statement, lang)
    assert reading.goal.deadline == deadline
    assert reading.goal.target is not None and reading.goal.target.means("+20%")


def test_ahead_of_an_event_is_still_said() -> None:
    reading = _read("Grow followers 20% ahead of Black Friday")
    assert reading.goal.deadline is None
    assert any('"ahead of Black Friday" says when' in n for n in reading.notes)


@settings(max_examples=60, deadline=None)
@given(
    st.dates(dt.date(2026, 5, 3), dt.date(2029, 12, 31)),
    st.sampled_from(["prior to", "ahead of", "in advance of", "on or before"]),
)
def test_words_for_before_read_as_before(day: dt.date, words: str) -> None:
    written = f"{day.day} {day:%B} {day.year}"
    said = _read(f"Reach 10k followers {words} {written}").goal.deadline
    assert said == _read(f"Reach 10k followers before {written}").goal.deadline == day
