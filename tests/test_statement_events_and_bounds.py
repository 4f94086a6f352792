"""A length counted from an event, in the six languages, and a bound written with "not".

Before: Tagalog "sa loob ng 3 buwan ng kampanya" (within 3 months of the campaign), Welsh
"o fewn 3 mis o'r lansiad", Malay "dalam tempoh 3 bulan dari pelancaran", Greek "εντός 3
μηνών από το λανσάρισμα" and Arabic "خلال 3 أشهر من إطلاق الحملة" read 3 months from the
start (2026-08-01), where English "within 90 days of launch" is no deadline with a note;
now each is as English. "Get not fewer than 200 leads" read no target, with a note that
a change was not to happen; now it is at least 200, as "no fewer than 200" is."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    "statement",
    [
        "Get 500 leads within 90 days of launch",
        "Makakuha ng 500 leads sa loob ng 3 buwan ng kampanya",
        "Makakuha ng 500 leads sa loob ng 90 araw mula sa paglulunsad",
        "Cyrraedd 500 o ddarpar gwsmeriaid o fewn 3 mis o'r lansiad",
        "Dapatkan 500 leads dalam tempoh 3 bulan dari pelancaran",
        "Αποκτήστε 500 leads εντός 3 μηνών από το λανσάρισμα",
        "احصل على 500 عميل محتمل خلال 3 أشهر من إطلاق الحملة",
    ],
)
def test_a_length_from_an_event_is_no_deadline(statement: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert any("counts from an event" in note for note in reading.notes), reading.notes
    assert str(reading.goal.target) == "500 lead"


@pytest.mark.parametrize(
    "statement",
    ["Makakuha ng 500 leads sa loob ng 3 buwan", "Dapatkan 500 leads dalam tempoh 3 bulan"],
)
def test_a_length_alone_still_counts_from_the_start(statement: str) -> None:
    assert gr.read_statement(statement, start=START).goal.deadline == dt.date(2026, 8, 1)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Get not fewer than 200 leads by June", "200 lead"),
        ("Get not less than 200 leads by June", "200 lead"),
        ("Get no fewer than 200 leads by June", "200 lead"),
        ("Grow followers by not less than 20% by June", "+20%"),
        ("Keep CPL not more than $30 by June", "30 USD / lead"),
    ],
)
def test_a_bound_written_with_not_is_the_target(statement: str, target: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert str(reading.goal.target) == target
    assert not any("not to happen" in note for note in reading.notes)


def test_a_change_said_not_to_happen_is_still_no_target() -> None:
    reading = gr.read_statement("Do not grow CPL by more than 10% by June", start=START)
    assert reading.goal.target is None
    assert any("not to happen" in note for note in reading.notes)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        # "by 5k to 15k" is a change and the level it reaches, as "by 500 to 2,000" is:
        # never a range (it read +5000 with a note that called it one)
        ("Grow followers by 5k to 15k by June", "15000 follower"),
        ("Grow followers by 500 to 2,000 by June", "2000 follower"),
    ],
)
def test_by_a_change_to_a_level_is_no_range(statement: str, target: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert str(reading.goal.target) == target
    assert not any("a range" in note for note in reading.notes)


def test_by_a_range_of_percents_is_still_a_range() -> None:
    reading = gr.read_statement("Grow followers by 10% to 20% by June", start=START)
    assert str(reading.goal.target) == "+10%"
    assert any("a range, 10% to 20%" in note for note in reading.notes)
