"""Numbers a statement gives beside its target: "Reach 8,000 followers, up 10% MoM" read
8,000 and dropped the 10 % without a word; "by 20% to 3,000" the 20 %; "300 leads in Q1
and 400 in Q2" the 400. The target is still read; what else the statement says is set
aside with a note naming it. And "from 4 hours to 1 hour within 90 days", of a response
time, dropped its deadline (the "within 90 days" taken for the target it already had)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str, start: dt.date = TODAY) -> gr.StatementReading:
    return gr.read_statement(statement, start=start)


@given(
    level=st.integers(2_000, 900_000),
    rate=st.integers(2, 60),
    said=st.sampled_from(
        [
            "up {r}% MoM",
            "up {r}% a month",
            "growing {r}% per week",
            "up {r}% QoQ",
            "up {r}%",
            "+{r}%",
            "up {r}% YoY",
            "up {r}% on last year",
        ]
    ),
)
def test_a_rate_beside_a_level_is_said(level: int, rate: int, said: str) -> None:
    """The level is the target; the rate beside it is named in a note, never dropped."""
    reading = read(f"Reach {level:,} Instagram followers, {said.format(r=rate)}")
    assert reading.goal.target is not None
    assert reading.goal.target.means(f"{level} followers")
    assert any(f"{rate}%" in note and f"{level:,}" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target", "set_aside"),
    [
        ("Grow Instagram followers by 20% to 3,000 by June 2027", "3000 followers", "20%"),
        ("Get 300 leads in Q1 and 400 in Q2", "300 leads", "400"),
        ("Reach 8,000 followers, up 10% MoM", "8000 followers", "10%"),
    ],
)
def test_a_second_number_is_named(statement: str, target: str, set_aside: str) -> None:
    reading = read(statement)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    said = [note for note in reading.notes if note.startswith(f'"{set_aside}')]
    assert any("set aside" in note or "not judged" in note for note in said), reading.notes


def test_a_single_target_has_no_such_note() -> None:
    """A statement of one number: nothing set aside."""
    reading = read("Reach 8,000 Instagram followers by June 2027")
    assert not any("set aside" in note or "not judged" in note for note in reading.notes)


@given(hours=st.integers(1, 12), days=st.integers(14, 180))
def test_a_response_time_keeps_its_deadline(hours: int, days: int) -> None:
    """ "from 8 hours to 2 hours within 90 days": the time is the target, "within 90 days"
    the deadline (it was dropped, with no note); "within 1 day" alone is the target."""
    reading = read(f"Cut response time on Twitter from {hours + 4} hours to {hours} hours "
                   f"within {days} days")  # fmt: skip
    assert reading.goal.target is not None and reading.goal.target.means(f"{hours} hours")
    assert reading.goal.deadline == TODAY + dt.timedelta(days=days)
    alone = read("Answer customer questions on Facebook within 1 day")
    assert alone.goal.target is not None and alone.goal.target.means("1 day")
    assert alone.goal.deadline is None


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("Dapatkan 500 prospek dan 20 pautan menjelang Jun 2027", "20 pautan"),
        ("Cyhoeddi 12 erthygl i gael 500 o ddarpar gwsmeriaid erbyn Mehefin 2027", "12 erthygl"),
        ("Gumawa ng 12 artikulo para makakuha ng 500 leads bago ang Hunyo 2027", "12 artikulo"),
    ],
)
def test_a_number_counting_a_word_not_read_is_said(statement: str, said: str) -> None:
    """In another language, a number beside the target that counts a word the pack does
    not know was dropped without a word; the target is still read."""
    reading = read(statement)
    assert str(reading.goal.target) == "500 lead"
    assert any(note.startswith(f'"{said}" counts a word') for note in reading.notes), reading.notes


@given(st.integers(2, 7), st.sampled_from(["Post", "Publish", "Tweet"]), st.integers(50, 900))
def test_how_often_to_post_is_no_target(times: int, verb: str, leads: int) -> None:
    """ "Post 3x per week ... and get 200 leads": 3x a week is how often (it was read as
    a multiple compounding each week, and the 200 leads set aside)."""
    reading = read(f"{verb} {times}x per week on LinkedIn and get {leads} leads by June 2027")
    assert str(reading.goal.target) == f"{leads} lead"
    assert not any("compounds" in note for note in reading.notes), reading.notes


def test_nothing_is_said_set_aside_for_a_target_not_read() -> None:
    """A note that names the target read is not given when no target is read after all."""
    reading = read("Get 100 5-star reviews by June 2027")
    assert reading.goal.target is None
    assert not any("the goal is read for its target" in n for n in reading.notes), reading.notes
