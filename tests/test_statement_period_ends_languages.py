"""The end of this week, month or quarter in five languages.

Before: Welsh "erbyn diwedd y mis" (by the end of the month) read "the end of a month" and
so "double every month", no target, with a note that misstated the goal; Arabic "بحلول
نهاية الشهر", Greek "μέχρι το τέλος της εβδομάδας", Malay "menjelang hujung bulan" and
Tagalog "bago matapos ang buwan" gave no deadline, most without a word; Malay "hujung
bulan Jun" (the end of June) neither. "the end of next month" stays next month's."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

TODAY = dt.date(2026, 12, 4)  # a Friday
WEEK_END, MONTH_END, NEXT_MONTH_END = (
    dt.date(2026, 12, 6),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 31),
)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Dyblu dilynwyr Instagram erbyn diwedd y mis", MONTH_END),
        ("Dyblu dilynwyr Instagram erbyn diwedd yr wythnos", WEEK_END),
        ("Dyblu dilynwyr Instagram erbyn diwedd y mis nesaf", NEXT_MONTH_END),
        ("Dyblu dilynwyr Instagram erbyn diwedd y chwarter nesaf", dt.date(2027, 3, 31)),
        ("مضاعفة المتابعين على إنستغرام بحلول نهاية الشهر", MONTH_END),
        ("مضاعفة المتابعين على إنستغرام بحلول نهاية الأسبوع", WEEK_END),
        ("مضاعفة المتابعين على إنستغرام قبل نهاية الربع", MONTH_END),
        ("مضاعفة المتابعين على إنستغرام بحلول نهاية الشهر القادم", NEXT_MONTH_END),
        ("Διπλασιασμός των ακολούθων στο Instagram μέχρι το τέλος της εβδομάδας", WEEK_END),
        ("Gandakan pengikut Instagram menjelang hujung bulan", MONTH_END),
        ("Gandakan pengikut Instagram menjelang hujung minggu", WEEK_END),
        ("Gandakan pengikut Instagram menjelang hujung bulan depan", NEXT_MONTH_END),
        ("Gandakan pengikut Instagram menjelang hujung bulan Jun", dt.date(2027, 6, 30)),
        ("Gandakan pengikut Instagram menjelang akhir suku ketiga", dt.date(2027, 9, 30)),
        ("Doblehin ang followers sa Instagram bago matapos ang buwan", MONTH_END),
        ("Doblehin ang followers sa Instagram bago matapos ang linggo", WEEK_END),
        ("Doblehin ang followers sa Instagram bago matapos ang susunod na buwan", NEXT_MONTH_END),
    ],
)
def test_the_end_of_this_period(statement: str, due: dt.date) -> None:
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "x2"


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Αύξηση των ακολούθων στο Instagram κατά 20% μέχρι το τέλος του χρόνου", MONTH_END),
        ("Αύξηση των ακολούθων στο Instagram κατά 20% έως τα τέλη του χρόνου", MONTH_END),
        ("Αύξηση των ακολούθων στο LinkedIn κατά 20% ως το τέλος του χρόνου", MONTH_END),
        ("Αύξηση των ακολούθων στο LinkedIn κατά 20% ως τις 31 Μαρτίου 2027", dt.date(2027, 3, 31)),
        ("Αύξηση των ακολούθων στο LinkedIn κατά 20% ως τον Μάρτιο 2027", dt.date(2027, 3, 31)),
        ("Αύξηση των ακολούθων στο Instagram κατά 20% του χρόνου", dt.date(2027, 12, 31)),
    ],
)  # fmt: skip
def test_greek_the_end_of_the_year_is_this_one(statement: str, due: dt.date) -> None:
    """Greek "το τέλος του χρόνου" is the end of this year; "του χρόνου" alone is next
    year. It read the end of next year (2027-12-31); "ως" (until) before a date or a month
    was left unread, the deadline with it."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "+20%"


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Dagdagan ang followers sa Instagram ng 20% hanggang sa katapusan ng buwan", MONTH_END),
        ("Dagdagan ang followers sa Instagram ng 20% hanggang katapusan ng Q1", dt.date(2027, 3, 31)),
        ("Dagdagan ang followers sa Instagram ng 20% sa katapusan ng Setyembre 2027", dt.date(2027, 9, 30)),
        ("Dagdagan ang followers sa Instagram ng 20% hanggang sa buwan ng Marso", dt.date(2027, 3, 31)),
    ],
)  # fmt: skip
def test_tagalog_the_end_of_a_period_and_the_month_of(statement: str, due: dt.date) -> None:
    """Tagalog "hanggang sa katapusan ng buwan" (until the end of the month) read "through
    by the end of months", "hanggang katapusan ng Q1" left "katapusan", "buwan ng Marso"
    (the month of March) read "in months march": no deadline, the first without a word."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "+20%"


@pytest.mark.parametrize(
    ("period", "due"),
    [
        ("έως το 3ο τρίμηνο", dt.date(2027, 9, 30)),
        ("έως το 3ο τρίμηνο του 2028", dt.date(2028, 9, 30)),
        ("στο Γ΄ τρίμηνο", dt.date(2027, 9, 30)),
        ("στο Γʹ τρίμηνο 2027", dt.date(2027, 9, 30)),
        ("έως το τέλος του 2ου τριμήνου", dt.date(2027, 6, 30)),
        ("έως το τέλος του Β΄ τριμήνου 2027", dt.date(2027, 6, 30)),
        ("στο 1ο εξάμηνο", dt.date(2027, 6, 30)),
        ("στο Β΄ εξάμηνο του 2027", dt.date(2027, 12, 31)),
        ("στο Q2", dt.date(2027, 6, 30)),
    ],
)
def test_greek_quarters_and_halves_as_numbered(period: str, due: dt.date) -> None:
    """Greek numbers a quarter "3ο" (3rd), "2ου" (of the 2nd) or with the numeral sign
    "Γ΄" (a keraia, not the apostrophe): each was left unread ("3ο" a number counting
    "ο"), no deadline, most without a word."""
    statement = f"Αύξηση των ακολούθων στο Instagram κατά 20% {period}"
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "+20%"


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("Dagdagan ang followers sa Instagram ng 20% sa Hunyo ng 2027", dt.date(2027, 6, 30)),
        ("Dagdagan ang followers sa Instagram ng 20% sa Q3 ng 2028", dt.date(2028, 9, 30)),
        ("Dagdagan ang followers sa Instagram ng 20% sa ika-3 quarter", dt.date(2027, 9, 30)),
        ("Tingkatkan pengikut Instagram sebanyak 20% menjelang suku ke-3 2028", dt.date(2028, 9, 30)),
        ("Tingkatkan pengikut Instagram sebanyak 20% menjelang suku tahun ke-2", dt.date(2027, 6, 30)),
    ],
)  # fmt: skip
def test_a_period_of_a_year_and_a_numbered_quarter(statement: str, due: dt.date) -> None:
    """Tagalog "sa Hunyo ng 2027" (in June of 2027) read "by 2027", the end of the year,
    after a verb of change ("ng" and a number is by how much); Malay "suku ke-3 2028" (the
    3rd quarter of 2028) read "quarter to -3", the end of this quarter, its year dropped;
    Tagalog "ika-3 quarter" gave no deadline."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "+20%"


@pytest.mark.parametrize(
    "statement",
    [
        "Grow Instagram followers by 20% in the first 3 months of 2028",
        "Grow Instagram followers by 20% in the first three months of 2028",
        "Tingkatkan pengikut Instagram sebanyak 20% dalam 3 bulan pertama 2028",
        "Cynyddu dilynwyr Instagram 20% yn ystod tri mis cyntaf 2028",
        "Dagdagan ang followers sa Instagram ng 20% sa unang tatlong buwan ng 2028",
        "Αύξηση των ακολούθων στο Instagram κατά 20% τους πρώτους 3 μήνες του 2028",
        "زيادة المتابعين على إنستغرام بنسبة 20% خلال الأشهر الثلاثة الأولى من 2028",
    ],
)
def test_the_first_months_of_a_year(statement: str) -> None:
    """ "the first 3 months of 2028" are January to March 2028: the Malay and Welsh read
    three months from the start (2027-03-04), the year dropped, the Tagalog the end of
    2028; the others gave no deadline. English "of next year" read the end of next year."""
    goal = gr.read_statement(statement, start=TODAY).goal
    assert (goal.start, goal.deadline) == (dt.date(2028, 1, 1), dt.date(2028, 3, 31))
    assert str(goal.target) == "+20%"


@pytest.mark.parametrize(
    ("said", "start", "due"),
    [
        ("in the first three months of next year", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        ("during the first six months of 2027", dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
        ("in the first 4 months of 2027", TODAY, dt.date(2027, 4, 30)),
    ],
)
def test_the_first_months_in_english(said: str, start: dt.date, due: dt.date) -> None:
    goal = gr.read_statement(f"Get 500 leads from LinkedIn {said}", start=TODAY).goal
    assert (goal.start, goal.deadline) == (start, due)
