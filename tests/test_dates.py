from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, deadline, month_end, quarter_end

D = dt.date
S = D(2026, 5, 1)
NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 6 months", D(2026, 11, 1)),
        ("within six months", D(2026, 11, 1)),
        ("in two weeks", D(2026, 5, 15)),
        ("six months", D(2026, 11, 1)),
        ("a year", D(2027, 5, 1)),
        ("by 2027-06-30", D(2027, 6, 30)),
        ("2027-06-30", D(2027, 6, 30)),
        ("by June 30, 2027", D(2027, 6, 30)),
        ("by 30 June 2027", D(2027, 6, 30)),
        ("end of Q3 2027", D(2027, 9, 30)),
        ("by Q3", D(2026, 9, 30)),
        ("end of year", D(2026, 12, 31)),
        ("by year end", D(2026, 12, 31)),
        ("next quarter", D(2026, 9, 30)),
        ("next month", D(2026, 6, 30)),
        ("end of June", D(2026, 6, 30)),
        ("H2 2027", D(2027, 12, 31)),
        ("13/02/2027", D(2027, 2, 13)),
    ],
)
def test_deadline_texts(text: str, expected: D) -> None:
    assert gr.deadline(text, start=S) == expected


def test_deadline_defaults_to_today() -> None:
    assert gr.deadline("within 1 month", today=D(2027, 1, 31)) == D(2027, 2, 28)


@pytest.mark.parametrize("bad", ["", "soon", "within 6 potatoes", "by 2027-02-30", "01/02/2027"])
def test_bad_deadlines_are_date_errors(bad: str) -> None:
    with pytest.raises(gr.DateError):
        gr.deadline(bad, start=S)


def test_ambiguous_numeric_date_needs_an_order() -> None:
    with pytest.raises(gr.DateError, match="ambiguous"):
        gr.parse_date("01/02/2027")
    assert gr.parse_date("01/02/2027", dayfirst=True) == D(2027, 2, 1)
    assert gr.parse_date("01/02/2027", dayfirst=False) == D(2027, 1, 2)


def test_calendar_month_clamping() -> None:
    assert add_months(D(2027, 1, 31), 1) == D(2027, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert gr.months_between(D(2027, 1, 31), D(2027, 2, 28)) == 1.0


@given(st.dates(D(2000, 1, 1), D(2050, 1, 1)), st.integers(1, 60))
def test_within_n_months_is_n_calendar_months(start: D, n: int) -> None:
    d = gr.deadline(f"within {n} months", start=start)
    assert d == add_months(start, n)
    assert gr.months_between(start, d) == pytest.approx(n)


@given(st.dates(D(2000, 1, 1), D(2050, 1, 1)), st.integers(1, 59))
def test_deadline_is_monotone_in_n(start: D, n: int) -> None:
    assert gr.deadline(f"within {n} months", start=start) <= gr.deadline(
        f"within {n + 1} months", start=start
    )


@given(st.integers(1, 12))
def test_number_words_equal_digits(n: int) -> None:
    assert gr.deadline(f"within {NUMBER_WORDS[n - 1]} months", start=S) == gr.deadline(
        f"within {n} months", start=S
    )


@given(st.dates(D(2000, 1, 1), D(2050, 1, 1)), st.dates(D(2000, 1, 1), D(2050, 1, 1)))
def test_months_between_is_antisymmetric_and_ordered(a: D, b: D) -> None:
    m = gr.months_between(a, b)
    assert m == pytest.approx(-gr.months_between(b, a))
    assert (m > 0) == (b > a)


@given(st.dates(D(2000, 1, 1), D(2050, 1, 1)), st.integers(-24, 24))
def test_shifting_both_dates_keeps_whole_months(d: D, shift: int) -> None:
    a = D(d.year, d.month, 1)
    b = add_months(a, 7)
    assert gr.months_between(add_months(a, shift), add_months(b, shift)) == 7


@given(st.integers(2020, 2040), st.integers(1, 4))
def test_quarter_end(year: int, q: int) -> None:
    end = quarter_end(year, q)
    assert end == month_end(end) and end.month == 3 * q
    assert gr.deadline(f"end of Q{q} {year}", start=S) == end


# -- recurrences ------------------------------------------------------------------------


def test_monthly_on_the_30th_keeps_february() -> None:
    r = gr.recurrence("monthly on the 30th")
    got = r.between(D(2027, 1, 1), D(2027, 4, 30))
    assert got == [D(2027, 1, 30), D(2027, 2, 28), D(2027, 3, 30), D(2027, 4, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "monthly on the 30th",
        "monthly on day 30",
        "on the 30th of every month",
        "every month on the 31st",
        "last day of the month",
        "monthly on the 29th",
    ],
)
@given(year=st.integers(2000, 2060))
def test_monthly_recurrences_never_skip_a_month(text: str, year: int) -> None:
    dates = gr.recurrence(text).between(D(year, 1, 1), D(year, 12, 31))
    assert sorted({(d.year, d.month) for d in dates}) == [(year, m) for m in range(1, 13)]
    assert len(dates) == 12


@given(
    st.dates(D(2000, 1, 1), D(2060, 1, 1)),
    st.sampled_from(["every Monday", "weekly", "every Friday"]),
)
def test_weekly_recurrences_never_skip_a_week(start: D, text: str) -> None:
    dates = gr.recurrence(text, start=start).between(start, start + dt.timedelta(days=70))
    gaps = {(b - a).days for a, b in itertools.pairwise(dates)}
    assert gaps == {7}
    assert len(dates) >= 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every Monday", [D(2027, 1, 4), D(2027, 1, 11)]),
        ("first Monday of every month", [D(2027, 1, 4), D(2027, 2, 1)]),
        ("every 2 weeks", [D(2027, 1, 1), D(2027, 1, 15)]),
        ("daily", [D(2027, 1, 1), D(2027, 1, 2)]),
    ],
)
def test_recurrence_texts(text: str, expected: list[D]) -> None:
    assert (
        gr.recurrence(text, start=D(2027, 1, 1)).between(D(2027, 1, 1), D(2027, 12, 31))[:2]
        == expected
    )


@pytest.mark.parametrize("bad", ["", "whenever", "sometimes on tuesdays-ish"])
def test_bad_recurrence(bad: str) -> None:
    with pytest.raises(gr.DateError):
        gr.recurrence(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/12/31", D(2026, 12, 31)),
        ("within 12 mos", D(2027, 5, 1)),
        ("in 2 qtrs", D(2026, 11, 1)),
        ("within 3 wks", D(2026, 5, 22)),
        ("within 90 days", D(2026, 7, 30)),
        ("EOY", D(2026, 12, 31)),
        ("end of H1", D(2026, 6, 30)),
        ("by December 2026", D(2026, 12, 31)),
    ],
)
def test_more_deadline_forms(text: str, expected: D) -> None:
    assert gr.deadline(text, start=S) == expected


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)),
    st.integers(1, 12),
    st.sampled_from(["the end of the fiscal year", "end of FY", "FY end",
                     "the end of this fiscal year", "fiscal year-end"]),
)  # fmt: skip
def test_the_fiscal_year_without_a_number_is_the_one_under_way(
    start: dt.date, first: int, words: str
) -> None:
    """'by the end of the fiscal year': the last day of the fiscal year that holds the
    start, for a fiscal year starting in any month; 'next' is the one after it."""
    when = deadline(f"by {words}", start=start, fiscal_year_start=first)
    assert start <= when < add_months(start, 12)
    assert when == month_end(when) and when.month == (first - 2) % 12 + 1
    after = deadline("by the end of next fiscal year", start=start, fiscal_year_start=first)
    assert after == month_end(add_months(when, 12))


@given(st.integers(2027, 2200), st.integers(1, 12))
def test_before_a_period_is_the_day_before_it_begins(year: int, month: int) -> None:
    # "by" a year or a month is its last day; "before" it, the day before its first
    name = dt.date(2000, month, 1).strftime("%B")
    assert deadline(f"before {year}", start=S) == D(year - 1, 12, 31)
    assert deadline(f"by {year}", start=S) == D(year, 12, 31)
    assert deadline(f"before {name} {year}", start=S) == D(year, month, 1) - dt.timedelta(days=1)
    assert deadline(f"by {name} {year}", start=S) == month_end(D(year, month, 1))
    q = (month - 1) // 3 + 1
    assert deadline(f"before Q{q} {year}", start=S) == D(year, 3 * q - 2, 1) - dt.timedelta(days=1)
    assert deadline(f"before the end of {year}", start=S) == D(year, 12, 31)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("before September", D(2026, 9, 10), D(2027, 8, 31)),  # this one has begun
        ("before September", D(2026, 5, 1), D(2026, 8, 31)),
        ("before next year", D(2026, 5, 1), D(2026, 12, 31)),
        ("before the launch on 2027-03-01", D(2026, 5, 1), D(2027, 3, 1)),
    ],
)
def test_before_a_period_without_its_year(text: str, start: D, expected: D) -> None:
    assert deadline(text, start=start) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 1Q27", D(2027, 3, 31)),
        ("by Q1'27", D(2027, 3, 31)),
        ("by Q1 27", D(2027, 3, 31)),
        ("by Q1-27", D(2027, 3, 31)),
        ("by Q1/2027", D(2027, 3, 31)),
        ("by end of Q2'27", D(2027, 6, 30)),
        ("by H1 27", D(2027, 6, 30)),
        ("by 2H27", D(2027, 12, 31)),
        ("by June '27", D(2027, 6, 30)),
        ("by 6/2027", D(2027, 6, 30)),
        ("before 1Q28", D(2027, 12, 31)),
    ],
)
def test_a_periods_year_written_short(text: str, expected: D) -> None:
    assert deadline(text, start=S) == expected


@pytest.mark.parametrize("bad", ["by Q5 27", "by 13/2027", "by H3 27"])
def test_a_period_that_cannot_be_is_not_read(bad: str) -> None:
    with pytest.raises(gr.GoalRulesError):
        deadline(bad, start=S)


@given(
    st.sampled_from(["biweekly", "bi-weekly", "bimonthly", "Bi-Monthly"]),
    st.sampled_from(["", " on Mondays", " on the 1st", "post "]),
)
def test_a_word_read_two_ways_is_no_recurrence(word: str, rest: str) -> None:
    """ "bimonthly" is every two months to some and twice a month to others: an error
    with a hint, never a guess (it read as every two months)."""
    text = f"{rest}{word}" if rest == "post " else f"{word}{rest}"
    with pytest.raises(gr.GoalRulesError, match=r"two .* to some and twice a .* to others"):
        gr.recurrence(text)
    assert gr.recurrence("fortnightly on Friday from 2027-01-08").between(
        D(2027, 1, 1), D(2027, 1, 31)
    )
