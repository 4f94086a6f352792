"""A bound written with a negation, in every language: "not fewer than 500", "no more
than RM30".

Before: Tagalog "makakuha ng hindi bababa sa 500 leads" (get at least 500 leads) read +500
leads, a change (the "ng" of "get" taken for the "ng" of "increase by"); Greek "όχι
λιγότερων από 500" dropped its target; Malay "tidak kurang daripada 500" and Welsh "dim
llai na 500" (not fewer than) were read with the negation left unread, as "under 500"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    "statement",
    [
        "Do not increase CPL by more than 10% by June 2027",
        "Don't grow followers by less than 20% by June 2027",
        "Increase followers, not decrease them, by 10% by June 2027",
        "Keep follower loss under 500 by June 2027",
        "Keep follower churn below 200 a month",
    ],
)
def test_a_change_said_not_to_happen_is_no_target(statement: str) -> None:
    """A negated verb of change is a limit or a contrast (they read +10 %, -20 % and
    -10 %); a loss kept under a number is a limit on a loss (it read 500 followers)."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.target is None
    assert any("not to happen" in n or "limits a loss" in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Don't let CPL go above $30 by June 2027", "30 USD / lead"),
        ("Never drop below 10k Instagram followers in 2027", "10000 follower"),
        ("Grow followers by 20% and not lose engagement by June 2027", "+20%"),
    ],
)
def test_a_bound_with_a_negation_is_still_a_level(statement: str, target: str) -> None:
    assert str(gr.read_statement(statement, start=TODAY).goal.target) == target


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Increase followers by no less than 20% by June 2027", "+20%"),
        ("Grow Instagram followers by no less than 15% in 2027", "+15%"),
        ("Cut CPL by no less than 20% by June 2027", "-20%"),
        ("Reach no fewer than 5,000 new followers on Instagram by June 2027", "5000 follower"),
    ],
)
def test_a_bound_says_no_way_the_number_goes(statement: str, target: str) -> None:
    """ "no less than", "no fewer than" bound the number; their "less" and "fewer" are no
    cut (they read -20 % and -5000 followers: a fall where the goal is a rise)."""
    assert str(gr.read_statement(statement, start=TODAY).goal.target) == target


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["Reach", "Get", "Gain", "Increase followers by", "Cut CPL by"]),
    number=st.sampled_from(["500", "5,000", "20%", "$40", "1.5k"]),
    bound=st.sampled_from(["at least", "no less than", "no fewer than", "a minimum of"]),
)
def test_a_floor_changes_neither_the_kind_nor_the_sign(verb: str, number: str, bound: str) -> None:
    """Writing a floor before the number ("at least 500", "no fewer than 500") reads the
    same target as the number alone: the same level, or the same change in the same
    direction. (A percent with no "by" is left out: "gain at least 20 %" may be a share.)"""
    assume(verb.endswith(" by") or not number.endswith("%"))
    tail = " new followers on Instagram by June 2027"
    plain = gr.read_statement(f"{verb} {number}{tail}", start=TODAY).goal.target
    floored = gr.read_statement(f"{verb} {bound} {number}{tail}", start=TODAY).goal.target
    assert str(floored) == str(plain)


def test_arabic_by_at_least_is_a_rise() -> None:
    # "زيادة المتابعين بما لا يقل عن 20%" (increase followers by at least 20 %): "بما" was
    # left unread, and the rise said as a rise or a share, with no target
    reading = gr.read_statement(
        "زيادة المتابعين بما لا يقل عن 20% بحلول ديسمبر", start=dt.date(2026, 5, 1), lang="ar"
    )
    assert reading.goal.target is not None and reading.goal.target.means("+20%")
