"""The next period and a period with no number, in six languages.

Before: "during next month" read a month from the start while the goal's start moved to
the first of next month (a window of days); "in the next month" moved the start too;
"within months" and "in the coming weeks" read one month, one week; Arabic "خلال الشهر
القادم" (said for the end of next month and for a month on) read a month on; Tagalog "sa
loob ng buwan" read "within months", Greek "μέσα στον μήνα" and Arabic "خلال الربع" were
dropped without a word, as were Arabic "خلال الـ 6 أشهر القادمة" (within the next 6
months; "6 months" read as the target) and Greek "μέσα στους επόμενους 6 μήνες"."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end, quarter_end

TODAY = dt.date(2026, 12, 4)
_LENGTH = {
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
}


def read(statement: str, start: dt.date = TODAY) -> gr.StatementReading:
    return gr.read_statement(statement, start=start)


def _next_end(unit: str, start: dt.date) -> dt.date:
    """The last day of the week, month, quarter or year after ``start``'s."""
    if unit == "week":
        return start + relativedelta(weekday=6) + relativedelta(weeks=1)
    if unit == "month":
        return month_end(start.replace(day=1) + relativedelta(months=1))
    if unit == "quarter":
        first = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1) + relativedelta(months=3)
        return quarter_end(first.year, (first.month - 1) // 3 + 1)
    return dt.date(start.year + 1, 12, 31)


@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["week", "month", "quarter", "year"]),
    st.sampled_from(["during", "in", "throughout"]),
)
def test_next_period_is_that_period(start: dt.date, unit: str, lead: str) -> None:
    """ "during next quarter" is the calendar quarter after this one, to its end."""
    reading = read(f"Get 500 LinkedIn leads {lead} next {unit}", start)
    assert reading.goal.deadline == _next_end(unit, start)
    assert reading.goal.start is not None and reading.goal.start <= reading.goal.deadline


@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["week", "month", "quarter", "year"]),
)
def test_within_next_period_names_both_ends(start: dt.date, unit: str) -> None:
    """ "within next month": before next month is out, or within a month? Both dates are
    named; "within the next month" stays a length from the start, the start unmoved."""
    reading = read(f"Get 500 LinkedIn leads within next {unit}", start)
    assert reading.goal.deadline is None
    end, later = _next_end(unit, start), start + _LENGTH[unit]
    assert any(end.isoformat() in n and later.isoformat() in n for n in reading.notes), (
        reading.notes
    )
    length = read(f"Get 500 LinkedIn leads in the next {unit}", start)
    assert (length.goal.start, length.goal.deadline) == (start, later)


@given(
    st.sampled_from(["days", "weeks", "months", "quarters", "years"]),
    st.sampled_from(["within", "in the coming", "over the next", "within the next", "the next"]),
)
def test_a_period_with_no_number_is_not_read(units: str, lead: str) -> None:
    reading = read(f"Double our Instagram followers {lead} {units}")
    assert reading.goal.deadline is None
    assert any("names no number" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Doblehin ang followers sa Facebook sa loob ng buwan",
        "Doblehin ang followers sa Facebook sa loob ng quarter",
        "Διπλασιασμός των ακολούθων στο Facebook μέσα στον μήνα",
        "Διπλασιασμός των ακολούθων στο Facebook μέσα στη χρονιά",
        "مضاعفة المتابعين على فيسبوك خلال الربع",
    ],
)
def test_within_the_period_in_other_languages_is_said(statement: str) -> None:
    """As "within the month" is in English: no deadline, a note naming both dates."""
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("could be the end of this" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "مضاعفة المتابعين على فيسبوك خلال الشهر القادم",
        "مضاعفة المتابعين على فيسبوك خلال الشهر المقبل",
        "Διπλασιασμός των ακολούθων στο Facebook μέσα στον επόμενο μήνα",
        "Διπλασιασμός των ακολούθων στο Facebook εντός του επόμενου μήνα",
        "Doblehin ang followers sa Facebook sa loob ng susunod na buwan",
    ],
)
def test_within_next_month_in_other_languages_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("2027-01-31" in note and "2027-01-04" in note for note in reading.notes), (
        reading.notes
    )


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("مضاعفة المتابعين على فيسبوك خلال الـ 6 أشهر القادمة", dt.date(2027, 6, 4)),
        ("مضاعفة المتابعين على فيسبوك خلال الأشهر الستة القادمة", dt.date(2027, 6, 4)),
        ("مضاعفة المتابعين على فيسبوك خلال الثلاثة أشهر المقبلة", dt.date(2027, 3, 4)),
        (
            "Διπλασιασμός των ακολούθων στο Facebook μέσα στους επόμενους 6 μήνες",
            dt.date(2027, 6, 4),
        ),
        ("مضاعفة المتابعين على فيسبوك خلال هذا الشهر", dt.date(2026, 12, 31)),
        ("مضاعفة المتابعين على فيسبوك خلال الشهر الحالي", dt.date(2026, 12, 31)),
        ("Doblehin ang followers sa Facebook sa loob ng buwan na ito", dt.date(2026, 12, 31)),
        ("Dyblu ein dilynwyr ar Facebook o fewn y mis nesaf", dt.date(2027, 1, 4)),
        ("Dyblu ein dilynwyr ar Facebook o fewn y mis hwn", dt.date(2026, 12, 31)),
        ("Διπλασιασμός των ακολούθων στο Facebook μέχρι τα Χριστούγεννα", dt.date(2026, 12, 25)),
    ],
)
def test_the_next_months_in_other_languages(statement: str, due: dt.date) -> None:
    reading = read(statement)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "x2"


@pytest.mark.parametrize(
    "statement",
    [
        "مضاعفة المتابعين على فيسبوك خلال الأشهر القادمة",
        "Διπλασιασμός των ακολούθων στο Facebook τους επόμενους μήνες",
        "Gandakan pengikut Facebook dalam beberapa bulan",
        "مضاعفة المتابعين على فيسبوك خلال الفترة القادمة",
    ],
)
def test_when_said_in_words_not_read_is_noted(statement: str) -> None:
    """No number of months, or words the pack does not know after "within": no deadline,
    and a note (it was dropped without a word)."""
    reading = read(statement)
    assert reading.goal.deadline is None
    assert len([n for n in reading.notes if not n.startswith("read as")]) == 1, reading.notes
