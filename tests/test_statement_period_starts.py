"""A deadline at the start of a period, in the six languages.

Before: "by the beginning of September", "by the start of Q3", "by the first of March"
and Welsh "erbyn dechrau Medi" gave no deadline and no note (the words were dropped
without a word); now each is the period's first day. "Early September" (Malay "awal",
Greek "αρχές", Arabic "أوائل") is no date: it is said in a note, never dropped."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Reach 10,000 followers by the beginning of September", dt.date(2026, 9, 1)),
        ("Get 500 leads by the start of Q3", dt.date(2026, 7, 1)),
        ("Get 500 leads by the start of Q3 2027", dt.date(2027, 7, 1)),
        ("Get 500 leads by the very beginning of 2027", dt.date(2027, 1, 1)),
        ("Get 500 leads by the first of March", dt.date(2027, 3, 1)),
        ("Get 500 leads before the start of H2", dt.date(2026, 7, 1)),
        ("Cyrraedd 10,000 o ddilynwyr erbyn dechrau Medi", dt.date(2026, 9, 1)),
        ("Dapatkan 500 leads menjelang permulaan September", dt.date(2026, 9, 1)),
        ("Αποκτήστε 500 leads μέχρι την αρχή του Σεπτεμβρίου", dt.date(2026, 9, 1)),
        ("احصل على 500 عميل محتمل بحلول بداية سبتمبر", dt.date(2026, 9, 1)),
        ("Makakuha ng 500 leads bago ang simula ng Setyembre", dt.date(2026, 9, 1)),
    ],
)
def test_the_start_of_a_period_is_its_first_day(statement: str, due: dt.date) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline == due
    assert str(reading.goal.target) in ("500 lead", "10000 follower")


@pytest.mark.parametrize(
    "statement",
    [
        "Get 500 leads by early March",
        "Dapatkan 500 leads menjelang awal September",
        "Αποκτήστε 500 leads μέχρι τις αρχές Σεπτεμβρίου",
        "احصل على 500 عميل محتمل بحلول أوائل سبتمبر",
        "Makakuha ng 500 leads bago ang unang bahagi ng Setyembre",
        # words a pack does not know before a month: said, not dropped
        "Cyrraedd 10,000 o ddilynwyr erbyn rhywbeth Medi",
    ],
)
def test_early_in_a_month_is_said_not_dropped(statement: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert any("says when, but not as a date" in note for note in reading.notes), reading.notes


def test_a_start_phrase_not_led_by_a_deadline_word_is_left() -> None:
    # "starting at the beginning of September" says when the goal starts: no "1" target
    reading = gr.read_statement(
        "Starting at the beginning of September, get 500 leads within 3 months", start=START
    )
    assert str(reading.goal.target) == "500 lead"


def test_the_start_of_next_year_is_its_first_day() -> None:
    # it read the end of next year, 2027-12-31 (the "start of" dropped)
    reading = gr.read_statement("Get 500 leads by the start of next year", start=START)
    assert reading.goal.deadline == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    "statement",
    [
        # it read the end of next month, 2026-06-30; "the start of the year" gave no word
        "Hit 10k followers by the beginning of next month",
        "Get 500 leads by the start of the year",
        "Get 500 leads by the start of the next quarter",
    ],
)
def test_the_start_of_a_period_counted_from_today_is_said(statement: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert any("says when, but not as a date" in note for note in reading.notes), reading.notes
