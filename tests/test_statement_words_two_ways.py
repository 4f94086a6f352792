"""Words of a language pack that are also other words.

Before: Welsh "gan mai dyna ein prif sianel" (since that is our main channel) read "by May",
a deadline of the end of May (Babel's "Mai", the month, is also "that"); "20% o'r
gwerthiant" (20 % of the sales) read "20% the sales", a conversion rate of 20 %; Greek
"έως τον Μάη" (by May, as it is said) gave no deadline."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram, gan mai dyna ein prif sianel", None),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram gan mai Instagram yw ein prif sianel, erbyn Rhagfyr", dt.date(2026, 12, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn Mai 2027", dt.date(2027, 5, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn 31 Mai 2027", dt.date(2027, 5, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn diwedd mis Mai", dt.date(2026, 5, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram cyn Mai 2027", dt.date(2027, 4, 30)),
        ("Να φτάσουμε τους 10.000 ακολούθους στο Instagram έως τον Μάη", dt.date(2026, 5, 31)),
    ],
)  # fmt: skip
def test_may_is_the_month_only_where_a_date_is_said(statement: str, due: dt.date | None) -> None:
    reading = read(statement)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "10000 follower"


@pytest.mark.parametrize(
    ("statement", "metric"),
    [
        ("Sicrhau mai Instagram sy'n dod â 20% o'r gwerthiant erbyn diwedd y flwyddyn", None),
        ("Cael 20% o'n traffig o Instagram erbyn diwedd y flwyddyn", "share_of_traffic"),
        ("Cael 40% o'r ymweliadau â'r wefan o Facebook erbyn Rhagfyr", "share_of_traffic"),
    ],
)
def test_welsh_a_percent_of_is_a_share(statement: str, metric: str | None) -> None:
    """ "20% o'r gwerthiant" is 20 % of the sales, a share (the catalog has none of sales,
    so no metric, as in English), never a conversion rate of 20 %."""
    reading = read(statement)
    assert reading.goal.metric == metric
    assert reading.goal.deadline is not None


def test_welsh_a_count_of_a_noun_keeps_its_o() -> None:
    """ "500 o ddilynwyr" (500 followers) and "20% o fewn blwyddyn" (within a year) read as
    before."""
    goal = read("Cynyddu dilynwyr Instagram 20% o fewn blwyddyn").goal
    assert str(goal.target) == "+20%" and goal.deadline == dt.date(2027, 5, 1)
    goal = read("Ennill 500 o ddilynwyr newydd ar Instagram erbyn Rhagfyr").goal
    assert str(goal.target) == "+500 follower"  # (gained: a change of the stock)
