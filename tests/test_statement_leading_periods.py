"""A period that opens a goal: "Each month, add 500 followers until December" read +500
followers by December (500 a month was meant), "Monthly goal: 2,000 new followers",
"Every week: 50 new leads", "Weekly target: 50 leads" alike, and Malay "Setiap bulan,",
Tagalog "Kada buwan,", Greek "Κάθε μήνα,", Arabic "كل شهر،", Welsh "Bob mis," too. The
period is the amount's now, as "add 500 followers each month" says it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def _goal(statement: str, lang: str | None = None) -> gr.Goal:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {})).goal


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Each month, add 500 followers until December", None, "500 follower / month"),
        ("Every month add 500 followers until December", None, "500 follower / month"),
        ("Monthly goal: 2,000 new followers by December", None, "2000 follower / month"),
        ("Every week: 50 new leads until Q4", None, "50 lead / week"),
        ("Weekly target: 50 leads through Q4", None, "50 lead / week"),
        ("Every quarter, drive $20k in sales through 2027", None, "20000 USD / quarter"),
        ("Each week, post 3 reels and gain 200 followers until Q4", None, "200 follower / week"),
        ("Setiap bulan, tambah 500 pengikut sehingga Disember", "ms", "500 follower / month"),
        ("Kada buwan, magdagdag ng 500 followers hanggang Disyembre", "tl",
         "500 follower / month"),
        ("Κάθε μήνα, 500 νέοι ακόλουθοι έως τον Δεκέμβριο", "el", "500 follower / month"),
        ("كل شهر، إضافة 500 متابع حتى ديسمبر", "ar", "500 follower / month"),
        ("Bob mis, ychwanegu 500 o ddilynwyr tan fis Rhagfyr", "cy", "500 follower / month"),
    ],
)  # fmt: skip
def test_a_leading_period_is_the_amounts(statement: str, lang: str | None, target: str) -> None:
    goal = _goal(statement, lang)
    assert goal.target is not None and goal.target.means(target), goal.target


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Monthly revenue to $50k by December", "50000 USD / month"),
        ("Every month, reach 10k followers by December", "10000 follower"),
        ("Each month, grow from 5,000 to 8,000 followers by December", "8000 follower"),
    ],
)
def test_a_period_of_a_metric_or_a_level_is_as_before(statement: str, target: str) -> None:
    goal = _goal(statement)
    assert goal.target is not None and goal.target.means(target), goal.target


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([("Each", "month"), ("Every", "week"), ("Per", "quarter"), ("Each", "day")]),
    st.sampled_from(["add {n} followers", "generate {n} leads", "get {n} signups"]),
    st.integers(2, 900),
    st.sampled_from(["until December", "by Q4", "through 2027"]),
)
def test_a_leading_period_reads_as_a_trailing_one(
    lead: tuple[str, str], shape: str, n: int, until: str
) -> None:
    word, unit = lead
    opening = _goal(f"{word} {unit}, {shape.format(n=n)} {until}")
    trailing = _goal(f"{shape.format(n=n)} {word.lower()} {unit} {until}")
    assert opening.target == trailing.target
    assert opening.metric == trailing.metric and opening.deadline == trailing.deadline


@pytest.mark.parametrize("before", ["Last year we grew 3%; ", "We did well in Q1. ",
                                    "Good start - ", "Our results so far: 1,200! ",
                                    "In 2015 we had 1 - "])  # fmt: skip
@pytest.mark.parametrize(
    ("statement", "target"),
    [("Each month, add 500 followers until December", "500 follower / month"),
     ("Weekly target: 50 leads through Q4", "50 lead / week")],
)  # fmt: skip
def test_a_period_opening_a_later_clause_is_the_amounts(
    before: str, statement: str, target: str
) -> None:
    """A clause about the past before it ('Last year we grew 3%; each month, add 500
    followers') left the period unplaced: +500 followers in all."""
    goal = _goal(before + statement)
    assert goal.target is not None and goal.target.means(target), goal.target
