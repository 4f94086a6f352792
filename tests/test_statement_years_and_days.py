"""Numbers, comparisons and days that read confidently wrong before: a baseline written
with a locale's grouping ("από 2.000 σε 5.000": two thousand, read as the year 2000 and
dropped), or bare ("from 2000 to 5000"), read no baseline without a word; a change "year
over year" (against the same period a year before) read as a change from today; and a
day of the week ("by Friday") gave no deadline and no note. Each is now read as meant,
or not read, with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 5, 13)  # a Wednesday
ARABIC_DIGITS = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")


def read(statement: str, start: dt.date = TODAY) -> gr.StatementReading:
    return gr.read_statement(statement, start=start)


def _forms(n: int) -> list[str]:
    """``n`` written the ways English writes it: bare, grouped, with "k"."""
    return [str(n), f"{n:,}", f"{n / 1000:g}k"]


@given(st.integers(10, 21), st.integers(22, 99), st.data())
def test_a_baseline_reads_the_same_however_it_is_grouped(
    a: int, b: int, data: st.DataObject
) -> None:
    """ "from 2000 to 5000", "from 2,000 to 5,000", "from 2k to 5k" and the languages'
    own groupings ("2.000" in Greek and Malay, "٢٬٠٠٠" in Arabic) are one goal: a
    number that looks like a year is none beside the amount it runs to."""
    a, b = a * 100, b * 100
    low, high = data.draw(st.sampled_from(_forms(a))), data.draw(st.sampled_from(_forms(b)))
    dotted = f"{a:,}".replace(",", "."), f"{b:,}".replace(",", ".")
    said = [
        f"Grow Instagram followers from {low} to {high} by December 2027",
        f"Αύξηση των ακολούθων στο Instagram από {dotted[0]} σε {dotted[1]} έως τον "
        "Δεκέμβριο του 2027",
        f"Tingkatkan pengikut Instagram dari {dotted[0]} kepada {dotted[1]} menjelang "
        "Disember 2027",
        f"زيادة المتابعين على إنستغرام من {f'{a:,}'.translate(ARABIC_DIGITS)} إلى "
        f"{f'{b:,}'.translate(ARABIC_DIGITS)} بحلول ديسمبر 2027",
    ]
    for statement in said:
        g = read(statement).goal
        assert g.baseline is not None and g.baseline.magnitude == a, statement
        assert g.target is not None and g.target.means(f"{b} followers"), statement
        assert g.deadline == dt.date(2027, 12, 31)


def test_a_bare_year_is_still_no_amount() -> None:
    g = read("Reach 5,000 Instagram followers in 2027").goal
    assert g.baseline is None and g.deadline == dt.date(2027, 12, 31)
    assert g.target is not None and g.target.means("5000 followers")


YEAR_AGO = [
    "YoY", "year over year", "year-over-year", "year on year", "y/y", "vs last year",
    "compared to last year", "on last year", "over last year", "than last year",
    "on the same period last year", "versus the same period of last year",
]  # fmt: skip


@given(
    st.integers(1, 300),
    st.sampled_from(YEAR_AGO),
    st.sampled_from(["followers", "leads", "revenue", "video views"]),
    st.sampled_from(["Grow {m} {n}% {y} by December 2027", "Increase {m} by {n}% {y} in Q4",
                     "{m} up {n}% {y} by the end of 2027"]),
)  # fmt: skip
def test_a_change_year_over_year_is_no_change_from_today(
    n: int, year_ago: str, metric: str, shape: str
) -> None:
    """ "+20% YoY" is 1.2x the same period a year before, which the statement does not
    give; it read +20 % of today's level. Without the comparison it is still +20 %."""
    reading = read(shape.format(m=metric, n=n, y=year_ago))
    assert reading.goal.target is None and "target" in reading.not_understood
    assert any("is year over year" in note for note in reading.notes)
    assert str(read(shape.format(m=metric, n=n, y="")).goal.target) == f"+{n}%"


@given(st.sampled_from(["Double", "Triple"]), st.sampled_from(YEAR_AGO))
def test_a_multiple_year_over_year_is_no_target(verb: str, year_ago: str) -> None:
    reading = read(f"{verb} LinkedIn leads {year_ago} in Q4")
    assert reading.goal.target is None
    assert any("is year over year" in note for note in reading.notes)


@pytest.mark.parametrize(
    "statement",
    [
        "Reach 10,000 Instagram followers by December, up 20% YoY",  # a level: the target
        "Grow followers 30% by December, after 20% growth over the last year",
        "Grow followers from last year's 5,000 to 8,000 by December",
        "Grow revenue 10% month over month until December",  # a rate a month, said so
    ],
)
def test_a_year_before_named_beside_a_level_or_a_length_changes_nothing(statement: str) -> None:
    reading = read(statement)
    assert not any("is year over year" in note for note in reading.notes)


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 6))
def test_a_day_of_the_week_is_the_next_such_day_or_said(start: dt.date, day: int) -> None:
    """ "by Friday" is the first Friday after the start (it gave no deadline and no
    note); on a Friday it could be that day or a week on, so it is not read, and a note
    names both. The day with its date reads the same; with a date it does not fall on,
    nothing is read."""
    reading = read(f"Get 500 leads from LinkedIn by {DAYS[day]}", start)
    due = reading.goal.deadline
    if start.weekday() == day:
        assert due is None and any("a week on" in note for note in reading.notes)
        return
    assert due is not None and due.weekday() == day and 1 <= (due - start).days <= 6
    written = f"{DAYS[day]}, {due:%B} {due.day}"

    def fields(g: gr.Goal) -> tuple[object, ...]:
        return g.metric, g.channels, g.target, g.deadline

    assert fields(read(f"Get 500 leads from LinkedIn by {written}", start).goal) == fields(
        reading.goal
    )
    assert read(f"Get 500 leads from LinkedIn by {due.isoformat()}", start).goal.deadline == due
    other = DAYS[(day + 1) % 7]
    wrong = read(f"Get 500 leads from LinkedIn by {other}, {due:%B} {due.day}", start)
    assert wrong.goal.deadline is None and any("not a" in note for note in wrong.notes)


@given(st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 6))
def test_next_day_is_read_only_when_it_names_one_day(start: dt.date, day: int) -> None:
    """ "next Tuesday" said on a Wednesday is the Tuesday six days on; said on a Monday
    (tomorrow, or the week after?) it is not read, and a note names both."""
    reading = read(f"Get 500 leads from LinkedIn by next {DAYS[day]}", start)
    first = start + dt.timedelta(days=(day - start.weekday()) % 7 or 7)
    due = reading.goal.deadline
    if due is None:
        later = first + dt.timedelta(weeks=1)
        assert any(str(first) in n and str(later) in n for n in reading.notes), reading.notes
        assert first.isocalendar()[1] == start.isocalendar()[1] or start.weekday() == 6
    else:
        assert due == first and first.isocalendar()[1] != start.isocalendar()[1]


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Get 500 leads by Friday next week", dt.date(2026, 5, 22)),  # read next Sunday
        ("Get 500 leads by the end of the working week", dt.date(2026, 5, 15)),
        ("Get 500 leads before Friday", dt.date(2026, 5, 14)),
        ("Get 500 leads this Friday", dt.date(2026, 5, 15)),
    ],
)
def test_a_day_of_this_or_next_week(statement: str, due: dt.date) -> None:
    assert read(statement).goal.deadline == due  # (from Wednesday 2026-05-13)


def test_the_end_of_the_week_says_which_end() -> None:
    reading = read("Get 500 leads by the end of the week")
    assert reading.goal.deadline == dt.date(2026, 5, 17)
    assert any("working week ends on Friday, 2026-05-15" in note for note in reading.notes)


@given(
    st.integers(1, 50),
    st.integers(1, 50),
    st.sampled_from(["last year's ", "our ", "the ", "today's ", ""]),
)
def test_from_a_level_named_whose_is_no_range(a: int, more: int, whose: str) -> None:
    """ "from last year's 5,000 to 8,000" read a range, its lower bound 5,000 the target."""
    low, high = a * 1000, (a + more) * 1000
    said = f"Grow Instagram followers from {whose}{low:,} to {high:,} by December 2027"
    reading = read(said)
    assert reading.goal.target is not None and reading.goal.target.means(f"{high} followers")
    assert not any("a range" in note for note in reading.notes)
