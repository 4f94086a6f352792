"""Malay and Arabic decimals written with a comma.

Malay writes decimals both ways ("1.5" and "1,5"), and Arabic types its decimal sign as a
comma ("٣،٥٪", or "3,5%" as the Maghreb writes it); "dari 1,5% ke 3%", "1,5 juta
tontonan", "RM0,80" and "٣،٥٪" were not read ("no number as English writes one"). A
comma before one or two digits of a percent, a scale or money is the decimal sign in
these packs; "10,000" is still ten thousand, and "12,50 pengikut" (12.5 followers, or
12,500?) is still said, not read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "target", "baseline"),
    [
        ("Naikkan kadar penglibatan di Facebook dari 1,5% ke 3% dalam tempoh 6 bulan", "ms",
         "3 %", "1.5 percent"),
        ("Capai 1,5 juta tontonan di YouTube tahun ini", "ms", "1500000 view", None),
        ("Kurangkan CPC kepada RM0,80 menjelang Julai", "ms", "0.8 MYR / click", None),
        ("Tingkatkan pengikut sebanyak 2,5 peratus menjelang Disember", "ms", "+2.5%", None),
        ("Capai 10,000 pengikut menjelang Disember", "ms", "10000 follower", None),
        ("زيادة معدل التفاعل إلى ٣،٥٪ بحلول ديسمبر", "ar", "3.5 %", None),
        ("زيادة معدل التفاعل إلى 3,5% بحلول ديسمبر", "ar", "3.5 %", None),
        ("زيادة المشاهدات إلى ٢،٥ مليون مشاهدة", "ar", "2500000 view", None),
        ("زيادة المتابعين إلى ١٠،٠٠٠ متابع", "ar", "10000 follower", None),
    ],
)  # fmt: skip
def test_a_decimal_comma_is_read(
    statement: str, lang: str, target: str, baseline: str | None
) -> None:
    goal = read(statement, lang).goal
    assert str(goal.target) == target
    assert (str(goal.baseline) if goal.baseline is not None else None) == baseline


@pytest.mark.parametrize(
    ("statement", "lang"),
    [("Capai 12,50 pengikut Instagram", "ms"), ("زيادة المتابعين إلى ١٢،٥ متابع", "ar")],
)
def test_a_count_with_a_comma_is_still_said(statement: str, lang: str) -> None:
    reading = read(statement, lang)
    assert reading.goal.target is None
    assert any("no number as English writes one" in note for note in reading.notes)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 99), st.integers(1, 9), st.sampled_from(["ms", "ar"]))
def test_a_comma_and_a_dot_read_alike(whole: int, tenth: int, lang: str) -> None:
    """A percent written with a decimal comma reads as with a decimal point."""
    said = {
        "ms": "Naikkan kadar penglibatan kepada {n}% menjelang Disember",
        "ar": "زيادة معدل التفاعل إلى {n}% بحلول ديسمبر",
    }[lang]
    comma = read(said.format(n=f"{whole},{tenth}"), lang).goal.target
    dot = read(said.format(n=f"{whole}.{tenth}"), lang).goal.target
    assert comma is not None and str(comma) == str(dot) == f"{whole}.{tenth} %"
