"""Dates as each language writes them.

Before: "by Dec. 31, 2027" (and Tagalog "bago ang Dis. 31, 2027") read 31 December of this
year, the abbreviation's dot splitting the month from its day and year; Malay "sebelum
hujung tahun depan" (before the end of next year) read the end of this year, "depan"
left; Welsh "31ain o Ragfyr 2027", Malay "31hb Disember 2027" and Tagalog "ika-31 ng
Disyembre 2027" (the 31st) were not read. A word of time the pack leaves after a
deadline ("by June next") is said, never dropped."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


@given(st.dates(dt.date(2027, 1, 1), dt.date(2030, 12, 31)).filter(lambda d: d.month != 5))
def test_a_month_written_short_with_a_dot(day: dt.date) -> None:
    short = calendar.month_abbr[day.month]  # (May has no short form to dot)
    reading = read(f"Reach 8,000 Instagram followers by {short}. {day.day}, {day.year}")
    assert reading.goal.deadline == day, reading.notes


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Pataasin ang followers sa Instagram sa 8,000 bago ang Dis. 31, 2027", dt.date(2027, 12, 31)),
        ("Cynyddu dilynwyr Instagram i 8,000 erbyn 31ain o Ragfyr 2027", dt.date(2027, 12, 31)),
        ("Tingkatkan pengikut Instagram kepada 8,000 menjelang 31hb Disember 2027", dt.date(2027, 12, 31)),
        ("Pataasin ang followers sa Instagram sa 8,000 bago ang ika-31 ng Disyembre 2027", dt.date(2027, 12, 31)),
        ("Tingkatkan pengikut Instagram kepada 8,000 sebelum hujung tahun depan", dt.date(2027, 12, 31)),
        ("Tingkatkan pengikut Instagram kepada 8,000 sebelum hujung bulan hadapan", dt.date(2027, 1, 31)),
    ],
)  # fmt: skip
def test_local_dates(statement: str, due: dt.date) -> None:
    reading = read(statement)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "8000 follower"
    assert not [n for n in reading.notes if "set aside" in n], reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Cynyddu dilynwyr Instagram i 8,000 erbyn mis Mehefin nesaf",
        "Reach 8,000 Instagram followers by the end of the year next",
    ],
)
def test_a_word_of_time_left_after_a_deadline_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.deadline is None
    assert any("may change the date" in note for note in reading.notes), reading.notes


@settings(max_examples=40, deadline=None)
@given(
    day=st.dates(dt.date(2027, 1, 1), dt.date(2030, 12, 31)),
    lead=st.sampled_from(["through", "thru", "until", "till", "by"]),
    month_first=st.booleans(),
)
def test_every_word_for_by_reads_a_whole_date(day: dt.date, lead: str, month_first: bool) -> None:
    """ "through June 15, 2027" is that day, as "until June 15, 2027" is: it read the end of
    June of this year (the day and the year left over), and "through 15 June 2027" no
    deadline."""
    month = calendar.month_name[day.month]
    date = f"{month} {day.day}, {day.year}" if month_first else f"{day.day} {month} {day.year}"
    reading = read(f"Grow Instagram followers by 20% {lead} {date}")
    assert reading.goal.deadline == day, reading.notes
    assert str(reading.goal.target) == "+20%"


def test_tagalog_hanggang_a_month_and_day() -> None:
    """Tagalog "hanggang Hunyo 15, 2027" (until June 15, 2027; the pack's "through") read
    2027-06-30, the end of the next June, its day set aside as a second number."""
    reading = read("Dagdagan ang followers sa Instagram ng 20% hanggang Hunyo 15, 2027")
    assert reading.goal.deadline == dt.date(2027, 6, 15)
    assert not any('"15"' in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("الوصول إلى ١٠ آلاف متابع على إنستغرام بحلول شهر سبتمبر", dt.date(2027, 9, 30)),
        ("الوصول إلى ١٠ آلاف متابع على إنستغرام قبل شهر سبتمبر ٢٠٢٧", dt.date(2027, 8, 31)),
        ("Να φτάσουμε τους 10.000 ακολούθους στο Instagram μέχρι τον μήνα Μάρτιο", dt.date(2027, 3, 31)),
        ("Reach 10k Instagram followers by the month of September", dt.date(2027, 9, 30)),
        ("Reach 10k Instagram followers by the end of the month of March 2027", dt.date(2027, 3, 31)),
    ],
)  # fmt: skip
def test_the_month_of_a_named_month_is_that_month(statement: str, due: dt.date) -> None:
    """Arabic "بحلول شهر سبتمبر" (by the month of September), Greek "μέχρι τον μήνα
    Μάρτιο", English "by the month of September": the month named. They read "by month",
    the end of the month under way (2026-12-31), and left the month's name."""
    assert read(statement).goal.deadline == due


@settings(max_examples=40, deadline=None)
@given(
    month=st.integers(1, 12),
    shape=st.sampled_from(
        [
            "الوصول إلى 10,000 متابع على إنستغرام بحلول {m}",
            "الوصول إلى 10,000 متابع على إنستغرام بحلول {m} 2027",
            "زيادة المتابعين على إنستغرام بنسبة 20% بحلول 15 {m} 2027",
            "زيادة المتابعين على إنستغرام بنسبة 20% قبل نهاية {m} 2028",
        ]
    ),
)
def test_arabic_levantine_month_names_read_as_the_others(month: int, shape: str) -> None:
    """The months as Syria, Lebanon, Jordan and Iraq name them ("كانون الأول", "أيلول",
    "آب"; Babel's ar_SY) read as the names of Babel's "ar" ("ديسمبر", "سبتمبر", "أغسطس"):
    they gave no deadline, with a note."""
    from babel import Locale

    names = [Locale.parse(loc).months["format"]["wide"][month] for loc in ("ar", "ar_SY")]
    egyptian, levantine = (read(shape.format(m=name)).goal for name in names)
    assert egyptian.deadline is not None
    assert levantine.deadline == egyptian.deadline
    assert str(levantine.target) == str(egyptian.target)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram hyd at fis Mawrth", dt.date(2027, 3, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram hyd at Fedi 2027", dt.date(2027, 9, 30)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram hyd at 2027", dt.date(2027, 12, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram hyd at ddiwedd y flwyddyn", dt.date(2026, 12, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram hyd at 31 Mawrth 2027", dt.date(2027, 3, 31)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn 1af Mawrth 2027", dt.date(2027, 3, 1)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram ym mis Mehefin 2027", dt.date(2027, 6, 30)),
        ("Cyrraedd 10,000 o ddilynwyr ar Instagram erbyn y Nadolig", dt.date(2026, 12, 25)),
    ],
)  # fmt: skip
def test_welsh_until_and_dates(statement: str, due: dt.date) -> None:
    """Welsh "hyd at" (until) was read as "october at" (Babel's "Hyd" is October written
    short), "1af Mawrth" (the 1st of March) without "o", "ym mis Mehefin" (in June) and
    "y Nadolig" (Christmas) were left unread: no deadline, most without a word."""
    reading = read(statement)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "10000 follower"
    assert "october" not in reading.notes[0]


def test_welsh_up_to_a_number_is_no_month() -> None:
    """ "hyd at 10,000" is up to 10,000, never October."""
    reading = read("Cyrraedd hyd at 10,000 o ddilynwyr ar Instagram erbyn Rhagfyr 2027")
    assert str(reading.goal.target) == "10000 follower"
    assert reading.goal.deadline == dt.date(2027, 12, 31)
    assert "october" not in reading.notes[0]


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Reach 10,000 Instagram followers no later than 31 March 2027", dt.date(2027, 3, 31)),
        ("Reach 10,000 Instagram followers at the latest by June 2027", dt.date(2027, 6, 30)),
        ("Capai 10,000 pengikut di Instagram selewat-lewatnya 31 Mac 2027", dt.date(2027, 3, 31)),
        ("الوصول إلى 10,000 متابع على إنستغرام في موعد أقصاه 31 مارس 2027", dt.date(2027, 3, 31)),
        ("Capai 10,000 pengikut di Instagram menjelang Krismas", dt.date(2026, 12, 25)),
        ("Umabot sa 10,000 followers sa Instagram bago ang Pasko", dt.date(2026, 12, 25)),
        ("Να φτάσουμε τους 10.000 ακολούθους στο Instagram αυτόν τον μήνα", dt.date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_no_later_than_christmas_and_this_month(statement: str, due: dt.date) -> None:
    """ "no later than", Malay "selewat-lewatnya", Arabic "في موعد أقصاه" gave no deadline
    (a note that the date was not said as one); Malay "Krismas" and Tagalog "Pasko"
    (Christmas) none, without a word; Greek "αυτόν τον μήνα" (this month) read "a month":
    10,000 new followers a month, with no deadline."""
    reading = read(statement)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "10000 follower"
