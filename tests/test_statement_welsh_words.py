"""Welsh words the pack lacked: "deng" (ten, before "mil" and "mlynedd": "deng mil o
ddilynwyr" was not read) and the seasons ("erbyn yr haf", by the summer, gave no deadline
and no note; it is said now, as English "by the summer" is)."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang="cy")


def test_deng_mil_is_ten_thousand() -> None:
    goal = read("Cyrraedd deng mil o ddilynwyr ar Instagram erbyn Medi").goal
    assert str(goal.target) == "10000 follower"
    assert goal.deadline == dt.date(2026, 9, 30)


@pytest.mark.parametrize(
    "statement",
    ["Cynyddu dilynwyr 25% erbyn yr haf", "Cynyddu dilynwyr 25% cyn y gaeaf"],
)
def test_a_season_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("says when" in note for note in reading.notes), reading.notes


def test_a_season_with_its_year_reads_as_english() -> None:
    english = gr.read_statement("Grow followers 25% by summer 2027", start=START).goal
    assert read("Cynyddu dilynwyr 25% erbyn haf 2027").goal.deadline == english.deadline
