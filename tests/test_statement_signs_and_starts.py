"""Where a goal starts, and which way it goes, read wrong without a word before: a sign
against its verb ("grow followers by -10%" read -10 %, "cut CPL by +20%" +20 %); last
year's level dropped as the start, or a change counted from it read from today ("by 20%
from last year's 5,000"); "from 2000 to 2100" (two years, or two amounts?) dropped
without a note; a bare start beside money ("from 2000 to $5000") dropped, and one in
another currency read in dollars ("from 1500 to €5000" started at 1,500 USD); a change
"vs last month" read from today, where "MoM" is a rate a month."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 5, 13)

UP = ["grow", "increase", "raise", "boost"]
DOWN = ["cut", "reduce", "lower", "decrease"]


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


@given(st.integers(1, 90), st.booleans(), st.data())
def test_a_sign_against_its_verb_is_no_target(n: int, up: bool, data: st.DataObject) -> None:
    """ "grow followers by -10%" and "cut CPL by +20%": the sign and the verb disagree, so
    neither is shown as fact; the same sign with its own verb is read as written."""
    verb = data.draw(st.sampled_from(UP if up else DOWN))
    metric = "Instagram followers" if up else "CPL on Facebook"
    against = "-" if up else "+"
    reading = read(f"{verb.capitalize()} {metric} by {against}{n}% by December")
    assert reading.goal.target is None
    assert any(f'but "{verb}" says' in note for note in reading.notes), reading.notes
    agreeing = "+" if up else "-"
    g = read(f"{verb.capitalize()} {metric} by {agreeing}{n}% by December").goal
    assert str(g.target) == f"{agreeing}{n}%"


def test_improve_with_a_sign_against_the_better_way() -> None:
    reading = read("Improve CPL on Facebook by +10% in Q3")
    assert reading.goal.target is None
    assert any("says better, which is down" in note for note in reading.notes)
    assert str(read("Improve CPL on Facebook by -10% in Q3").goal.target) == "-10%"


@given(
    st.integers(1, 50),
    st.integers(1, 50),
    st.sampled_from(["last year's", "last month's", "the previous quarter's", "last week's"]),
)
def test_a_level_of_the_past_is_not_where_the_goal_starts(a: int, more: int, whose: str) -> None:
    """ "from last year's 5,000 to 8,000": the target is 8,000; 5,000 is last year's level,
    not today's, so it is no baseline, and a note says so (it was dropped without one)."""
    low, high = a * 1000, (a + more) * 1000
    reading = read(f"Grow Instagram followers from {whose} {low:,} to {high:,} by December")
    g = reading.goal
    assert g.target is not None and g.target.means(f"{high} followers")
    assert g.baseline is None
    assert any(f'"{low:,}" is {whose} level' in note for note in reading.notes), reading.notes


@given(st.integers(1, 50), st.sampled_from(["by {n}%", "{n}%", "by +{n}%"]))
def test_a_change_from_a_level_of_the_past_is_no_target(n: int, change: str) -> None:
    """ "by 20% from last year's 5,000" is 6,000, not +20 % of today's level."""
    said = change.format(n=n)
    reading = read(f"Grow Instagram followers {said} from last year's 5,000 by December")
    assert reading.goal.target is None
    assert any("counted from a level of the past" in note for note in reading.notes)


def test_a_multiple_of_a_level_of_the_past_is_no_target() -> None:
    reading = read("Double Instagram followers from last year's 5,000 by December")
    assert reading.goal.target is None
    assert any('"Double" is counted from a level of the past' in n for n in reading.notes)


@given(st.integers(1900, 2198), st.integers(1, 300))
def test_two_numbers_that_could_be_years_are_said(a: int, more: int) -> None:
    """ "from 2000 to 2100": two years, or two amounts? Neither is read, and a note says
    so (nothing was said before)."""
    b = min(a + more, 2199)
    reading = read(f"Grow Instagram followers from {a} to {b}")
    assert reading.goal.target is None and reading.goal.baseline is None
    assert any("could be two years or two amounts" in n for n in reading.notes)
    assert gr.read_statement(
        f"Grow Instagram followers from {a:,} to {b:,}", start=TODAY
    ).goal.target


@given(
    st.integers(10, 99),
    st.integers(1, 400),
    st.sampled_from([("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("USD ", "USD")]),
)
def test_a_bare_start_takes_the_targets_currency(a: int, more: int, money: tuple[str, str]) -> None:
    """ "from 2000 to $5000" starts at $2,000 (the 2000 was read as a year and dropped),
    "from 1500 to €5000" at 1,500 EUR (it read 1,500 USD, the metric's unit): said."""
    sign, code = money
    low = a * 100
    high = low + more * 100
    reading = read(f"Grow Instagram revenue from {low} to {sign}{high} by December")
    g = reading.goal
    assert g.target is not None and g.target.means(f"{high} {code}")
    assert g.baseline is not None and str(g.baseline) == f"{low} {code}"
    assert any(f"read in the target's, {code} {low}" in n for n in reading.notes)


COMPARED = ["vs last", "vs. last", "versus last", "compared to last", "compared with the previous",
            "against the prior", "on last", "over last"]  # fmt: skip


@given(
    st.integers(1, 40),
    st.sampled_from(COMPARED),
    st.sampled_from(["week", "month", "quarter"]),
    st.sampled_from(["Grow {m} {n}% {c} by December", "Increase {m} by {n}% {c} in Q4"]),
)
def test_a_change_against_the_period_before_is_a_rate(
    n: int, compared: str, unit: str, shape: str
) -> None:
    """ "10% vs last month" is month over month, a rate a month as "10% MoM" is (it read
    +10 % of today's level)."""
    said = shape.format(m="Instagram followers", n=n, c=f"{compared} {unit}")
    reading = read(said)
    assert reading.goal.target is None
    assert any(f"is a rate a {unit}" in note for note in reading.notes), reading.notes
    mom = read(
        shape.format(
            m="Instagram followers", n=n, c={"week": "WoW", "month": "MoM", "quarter": "QoQ"}[unit]
        )
    )
    assert mom.goal.target is None


@pytest.mark.parametrize(
    "statement",
    [
        "Over the last month, grew followers 10%; grow Instagram followers by 20% by December",
        "Reach 8,000 Instagram followers by December",
    ],
)
def test_a_length_of_time_is_no_comparison(statement: str) -> None:
    assert read(statement).goal.target is not None


@pytest.mark.parametrize(
    "statement",
    [
        "Tingkatkan pengikut Instagram sebanyak 10% berbanding bulan lalu",
        "Cynyddu dilynwyr Instagram 10% o'i gymharu â'r mis diwethaf",
        "Αύξηση των ακολούθων στο Instagram κατά 10% σε σχέση με τον προηγούμενο μήνα",
        "Pataasin ang followers sa Instagram ng 10% kumpara sa nakaraang buwan",
        "زيادة المتابعين على إنستغرام بنسبة 10% مقارنة بالشهر الماضي",
    ],
)
def test_last_month_in_each_language_is_month_over_month(statement: str) -> None:
    """Last month's words are Babel's ("mis diwethaf", "bulan lalu", "nakaraang buwan",
    "الشهر الماضي"; Greek's as a sentence writes them): "10% compared with last month" was
    read +10 % in Welsh and Greek."""
    reading = read(statement)
    assert reading.goal.target is None
    assert any("is a rate a month" in note for note in reading.notes), reading.notes
