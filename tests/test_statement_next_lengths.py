"""A length counted with "next" after it, as Malay, Welsh and Tagalog write "the next 3
months": Malay "3 bulan akan datang", "tiga bulan seterusnya", "6 bulan depan" read
"3 next month", the end of next month (2026-06-30) with the 3 set aside; Welsh "y 3 mis
nesaf" and Tagalog "sa darating na 3 buwan" gave no deadline. Each reads as English
"within the next 3 months" does."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
MALAY_NEXT = ["akan datang", "yang akan datang", "seterusnya", "depan", "hadapan"]
UNITS = {"months": ("bulan", "mis", "buwan"), "weeks": ("minggu", "wythnos", "linggo")}


def deadline(statement: str, lang: str | None = None) -> dt.date | None:
    return gr.read_statement(statement, start=START, lang=lang).goal.deadline


@pytest.mark.parametrize(
    ("statement", "lang", "due"),
    [
        ("Capai 1 juta impresi dalam tempoh 3 bulan akan datang", "ms", dt.date(2026, 8, 1)),
        ("Capai 1 juta impresi dalam tempoh tiga bulan seterusnya", "ms", dt.date(2026, 8, 1)),
        ("Capai 1 juta impresi dalam 6 bulan depan", "ms", dt.date(2026, 11, 1)),
        ("Capai 1 juta impresi dalam dua minggu akan datang", "ms", dt.date(2026, 5, 15)),
        ("Cyrraedd miliwn o argraffiadau yn ystod y 3 mis nesaf", "cy", dt.date(2026, 8, 1)),
        ("Cyrraedd miliwn o argraffiadau dros y tri mis nesaf", "cy", dt.date(2026, 8, 1)),
        ("Cyrraedd miliwn o argraffiadau o fewn y ddwy flynedd nesaf", "cy", dt.date(2028, 5, 1)),
        ("Makakuha ng 1M impressions sa darating na 3 buwan", "tl", dt.date(2026, 8, 1)),
        # with no number, next month is still next month
        ("Capai 1 juta impresi menjelang bulan depan", "ms", dt.date(2026, 6, 30)),
        ("Makakuha ng 1M impressions sa darating na buwan", "tl", dt.date(2026, 6, 30)),
    ],
)
def test_the_next_n_months(statement: str, lang: str, due: dt.date) -> None:
    reading = gr.read_statement(statement, start=START, lang=lang)
    assert reading.goal.deadline == due, reading.notes
    assert str(reading.goal.target) == "1000000 impression"
    assert not any("set aside" in note for note in reading.notes)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 12), st.sampled_from(sorted(UNITS)), st.sampled_from(MALAY_NEXT))
def test_each_language_reads_the_length_english_does(n: int, unit: str, malay: str) -> None:
    english = deadline(f"Reach 1 million impressions within the next {n} {unit}")
    assert english is not None
    ms, cy, tl = UNITS[unit]
    assert deadline(f"Capai 1 juta impresi dalam tempoh {n} {ms} {malay}", "ms") == english
    assert deadline(f"Cyrraedd miliwn o argraffiadau yn ystod y {n} {cy} nesaf", "cy") == english
    assert deadline(f"Makakuha ng 1M impressions sa darating na {n} {tl}", "tl") == english


# -- "the coming December" -------------------------------------------------------------
# "in the coming December", "this coming Q3" and Tagalog "sa darating na Disyembre" gave
# no deadline and no note; they are the next such period, as "in December" is. The one
# under way ("the coming May" in May: this May, or the next?) is said, not read.


@pytest.mark.parametrize(
    ("statement", "lang", "due"),
    [
        ("Get 1M impressions in the coming December", None, dt.date(2026, 12, 31)),
        ("Get 1M impressions this coming Q3", None, dt.date(2026, 9, 30)),
        ("Get 1M impressions by the upcoming March", None, dt.date(2027, 3, 31)),
        ("Makakuha ng 1M impressions sa darating na Disyembre", "tl", dt.date(2026, 12, 31)),
    ],
)
def test_the_coming_month_is_the_next_one(statement: str, lang: str | None, due: dt.date) -> None:
    assert deadline(statement, lang) == due


@pytest.mark.parametrize(
    "statement",
    [
        "Get 1M impressions in the coming May",
        "Get 1M impressions this coming Q2",
        "Get 1M impressions in the coming H1",
    ],
)
def test_the_coming_period_under_way_is_said(statement: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None
    assert any("coming" in note and "deadline" in note for note in reading.notes), reading.notes


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 12))
def test_the_coming_month_reads_as_the_month(month: int) -> None:
    name = dt.date(2026, month, 1).strftime("%B")
    plain = deadline(f"Get 1M impressions in {name}")
    coming = deadline(f"Get 1M impressions in the coming {name}")
    if month == START.month:
        assert coming is None
    else:
        assert coming == plain
