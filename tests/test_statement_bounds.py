"""A bound written with a negation, in every language: "not fewer than 500", "no more
than RM30".

Before: Tagalog "makakuha ng hindi bababa sa 500 leads" (get at least 500 leads) read +500
leads, a change (the "ng" of "get" taken for the "ng" of "increase by"); Greek "όχι
λιγότερων από 500" dropped its target; Malay "tidak kurang daripada 500" and Welsh "dim
llai na 500" (not fewer than) were read with the negation left unread, as "under 500"."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "statement",
    [
        "Get no fewer than 500 leads from LinkedIn by June 2027",
        "Makakuha ng hindi bababa sa 500 leads mula sa LinkedIn bago ang Hunyo 2027",
        "Απόκτηση όχι λιγότερων από 500 δυνητικών πελατών από το LinkedIn έως τον Ιούνιο 2027",
        "Dapatkan tidak kurang daripada 500 prospek dari LinkedIn menjelang Jun 2027",
        "Cael dim llai na 500 o ddarpar gwsmeriaid o LinkedIn erbyn Mehefin 2027",
        "الحصول على ما لا يقل عن 500 عميل محتمل من لينكدإن بحلول يونيو 2027",
    ],
)
def test_at_least_a_count_is_that_level(statement: str) -> None:
    """At least 500 leads is 500 leads in the period, never 500 more than today."""
    reading = gr.read_statement(statement, start=TODAY)
    target = reading.goal.target
    assert target is not None and str(target) == "500 lead", (target, reading.notes)
    assert reading.goal.metric == "leads" and reading.goal.deadline == dt.date(2027, 6, 30)
    english = reading.notes[0] if reading.language != "en" else statement
    assert "under" not in english and "by at least" not in english


def test_a_change_by_at_least_stays_a_change() -> None:
    """After a verb of change, Tagalog "ng hindi bababa sa 3,000" is by at least 3,000."""
    reading = gr.read_statement(
        "Pataasin ang followers sa Instagram ng hindi bababa sa 3,000 bago matapos ang Hunyo",
        start=TODAY,
    )
    assert str(reading.goal.target) == "+3000 follower"


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Kekalkan kos setiap prospek tidak melebihi RM30 menjelang Jun 2027", "30 MYR / lead"),
        ("Cadw cost fesul darpar gwsmer dim mwy na £30 erbyn Mehefin 2027", "30 GBP / lead"),
        (
            "Panatilihin ang cost per lead na hindi hihigit sa ₱500 bago ang Hunyo 2027",
            "500 PHP / lead",
        ),
        (
            "إبقاء تكلفة العميل المحتمل على فيسبوك لا تزيد عن 40 دولارا بحلول يونيو 2027",
            "40 USD / lead",
        ),
    ],
)
def test_no_more_than_a_cost_is_read_whole(statement: str, target: str) -> None:
    """ "no more than RM30": the level, every word of the bound read (the negation and
    the verb "keep" were left as written)."""
    reading = gr.read_statement(statement, start=TODAY)
    assert str(reading.goal.target) == target
    assert "no more than" in reading.notes[0] and "keep" in reading.notes[0].lower()
