"""A deadline that is a holiday of the markets the language packs write for: "before
Hari Raya", "sebelum raya", "before Deepavali", "by Easter", "before CNY", Malay "sebelum
Tahun Baru Cina", Welsh "erbyn y Pasg" read no deadline and said nothing; Tagalog "bago
ang Pasko ng Pagkabuhay" (before Easter) read Christmas, 2026-12-25. A holiday with no
fixed date is no deadline, with a note; Christmas is still 25 December."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

HOLIDAYS = ["Hari Raya", "Raya", "Aidilfitri", "Deepavali", "CNY", "Easter", "Gawai",
            "Holy Week", "Semana Santa", "Mother's Day"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(HOLIDAYS), st.sampled_from(["before", "by", "until"]))
def test_a_holiday_is_said_not_dropped(holiday: str, lead: str) -> None:
    reading = gr.read_statement(f"Reach 10k Instagram followers {lead} {holiday}", start=START)
    assert reading.goal.deadline is None
    assert any(f'"{lead} {holiday}" says when' in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("Makakuha ng 500 leads sa LinkedIn bago ang Pasko ng Pagkabuhay", "by easter"),
        ("Dapatkan 500 leads dari LinkedIn sebelum Tahun Baru Cina", "before chinese new year"),
        ("Nak capai 10k followers IG sebelum raya", "before raya"),
        ("Cynyddu dilynwyr Instagram 20% erbyn y Pasg", "by the easter"),
    ],
)
def test_a_holiday_in_the_packs_languages(statement: str, said: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert any(f'"{said}" says when' in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Makakuha ng 10k followers sa Instagram bago mag-Pasko",
        "Makakuha ng 10k followers sa Instagram bago ang Pasko",
        "Reach 10k Instagram followers by Christmas",
    ],
)
def test_christmas_is_the_25th_of_december(statement: str) -> None:
    assert gr.read_statement(statement, start=START).goal.deadline == dt.date(2026, 12, 25)
