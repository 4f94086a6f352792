"""A period's end written short and "within the" period: "by EOW" gave no deadline, "by EOY
2027" read the end of this year (2027 dropped without a word), "by EOFY" nothing; "within
the week" (or month, quarter, year) read a week from the start, where it is as often said
for the end of this week. Each is now read as meant, or not read, with a note naming both
dates."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end, quarter_end

TODAY = dt.date(2026, 5, 13)  # a Wednesday


def read(statement: str, start: dt.date = TODAY) -> gr.StatementReading:
    return gr.read_statement(statement, start=start)


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("by EOW", dt.date(2026, 5, 17)),
        ("by EOM", dt.date(2026, 5, 31)),
        ("by EOQ", dt.date(2026, 6, 30)),
        ("by EOY", dt.date(2026, 12, 31)),
        ("by EOY 2027", dt.date(2027, 12, 31)),
        ("by EOQ 2026", dt.date(2026, 6, 30)),
        ("by EOFY", dt.date(2026, 12, 31)),
        ("by EOFY27", dt.date(2027, 12, 31)),
        ("by EOFY 2027", dt.date(2027, 12, 31)),
    ],
)
def test_a_period_end_written_short(said: str, due: dt.date) -> None:
    reading = read(f"Get 500 LinkedIn leads {said}")
    assert reading.goal.deadline == due
    assert reading.understood["deadline"] == said


def test_eow_says_which_end_of_the_week() -> None:
    reading = read("Get 500 LinkedIn leads by EOW")
    assert any("working week ends on Friday, 2026-05-15" in note for note in reading.notes)


def test_the_fiscal_year_written_short_says_which() -> None:
    reading = read("Get 500 LinkedIn leads by EOFY")
    assert any("fiscal year" in note for note in reading.notes)


@pytest.mark.parametrize("said", ["EOQ 2027", "EOM 2027", "EOW 2028"])
def test_a_short_end_with_another_year_names_no_one_period(said: str) -> None:
    """ "EOQ 2027" said in 2026: which quarter of 2027? (It read this quarter's end.)"""
    reading = read(f"Get 500 LinkedIn leads by {said}")
    assert reading.goal.deadline is None
    assert any(f'"{said}" names the year' in note for note in reading.notes)


def _end_of(unit: str, start: dt.date) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=6 - start.weekday())
    if unit == "month":
        return month_end(start)
    if unit == "quarter":
        return quarter_end(start.year, (start.month - 1) // 3 + 1)
    return dt.date(start.year, 12, 31)


_LENGTH = {
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
}


@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["week", "month", "quarter", "year"]),
    st.sampled_from(["within", "in", "over", "during"]),
    st.sampled_from(["Get 500 LinkedIn leads {w}", "Grow Instagram followers by 20% {w}"]),
)
def test_within_the_period_names_both_ends(
    start: dt.date, unit: str, lead: str, shape: str
) -> None:
    """ "within the month" is this month's end or a month from the start: never one of
    them shown as fact; the note gives both dates. "within a month" is a month on."""
    reading = read(shape.format(w=f"{lead} the {unit}"), start)
    assert reading.goal.deadline is None
    end, later = _end_of(unit, start), start + _LENGTH[unit]
    assert any(
        f"{end.isoformat()}" in note and f"{later.isoformat()}" in note for note in reading.notes
    ), reading.notes
    assert read(shape.format(w=f"within a {unit}"), start).goal.deadline == later


@pytest.mark.parametrize(
    "statement",
    [
        "Cael 500 o arweinwyr LinkedIn o fewn y mis",
        "Cynyddu dilynwyr Instagram 20% o fewn y flwyddyn",
        "الحصول على 500 عميل محتمل من لينكدإن خلال الشهر",
        "الحصول على 500 عميل محتمل من لينكدإن خلال الأسبوع",
    ],
)
def test_welsh_and_arabic_within_the_period_is_said(statement: str) -> None:
    """Welsh "o fewn y mis" is "within the month" (it read "within a month"); Arabic
    "خلال الشهر" too (its deadline was dropped without a word)."""
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("could be the end of this" in note for note in reading.notes)


def test_welsh_within_a_month_is_a_month_on() -> None:
    assert read("Cynyddu dilynwyr Instagram 20% o fewn mis").goal.deadline == dt.date(2026, 6, 13)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Get 500 LinkedIn leads within Q3", dt.date(2026, 9, 30)),
        ("Get 500 LinkedIn leads within June", dt.date(2026, 6, 30)),
        ("Get 500 LinkedIn leads within this month", dt.date(2026, 5, 31)),
        ("الحصول على 500 عميل محتمل من لينكدإن خلال الربع الثالث", dt.date(2026, 9, 30)),
    ],
)
def test_within_a_period_named_is_by_its_end(statement: str, due: dt.date) -> None:
    """ "within Q3" (Arabic "خلال الربع الثالث") is by the end of Q3: it was not read."""
    assert read(statement).goal.deadline == due


_PERIODS = st.one_of(
    st.sampled_from(["June", "Sept", "December", "Q3", "Q4", "H2", "2027"]),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(["March", "Q2", "H1"]), st.integers(2027, 2029)),
)  # fmt: skip


@given(period=_PERIODS, written=st.sampled_from(["end {p}", "end-{p}", "the end {p}"]))
def test_the_end_of_a_period_written_short_is_its_end(period: str, written: str) -> None:
    """ "by end June", "by end-Q3", "by end-2027" (British English; Greek "μέχρι τέλος
    Ιουνίου" reads so) are due when "by the end of June" is: they gave no deadline, most
    without a word."""
    statement = "Grow Instagram followers by 20% by {}"
    short = read(statement.format(written.format(p=period)))
    whole = read(statement.format(f"the end of {period}"))
    assert whole.goal.deadline is not None
    assert short.goal.deadline == whole.goal.deadline, short.notes


def test_greek_the_end_of_a_month_without_its_article() -> None:
    reading = read("Αύξηση των ακολούθων στο Instagram κατά 20% μέχρι τέλος Ιουνίου")
    assert reading.goal.deadline == dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("by the end of the calendar year", dt.date(2026, 12, 31)),
        ("by the end of next calendar year", dt.date(2027, 12, 31)),
        ("by end of CY2027", dt.date(2027, 12, 31)),
        ("by CY27", dt.date(2027, 12, 31)),
        ("in calendar 2027", dt.date(2027, 12, 31)),
        ("for the rest of the year", dt.date(2026, 12, 31)),
        ("over the remainder of the quarter", dt.date(2026, 6, 30)),
    ],
)
def test_the_calendar_year_and_the_rest_of_a_period(said: str, due: dt.date) -> None:
    """ "the calendar year", "CY27" and "for the rest of the year" gave no deadline, and
    no word; they are the year, 2027, and the period to its end."""
    reading = read(f"Grow Instagram followers by 20% {said}")
    assert reading.goal.deadline == due, reading.notes
    assert gr.dates.deadline(said, start=TODAY) == due
