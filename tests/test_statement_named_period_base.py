"""A change counted from a period the statement names: "Increase sales by 20% compared to
Q1 by Q4", "vs Q1", "Get 20% more leads than in 2025", "15% over the 2025 baseline", "20%
over 2025 by Q4" (and Malay "berbanding S1", Greek "σε σύγκριση με το Α' τρίμηνο", Arabic
"مقارنة بالربع الأول") read +20 % of today's level, without a word; the base is that
period's level, which the statement does not give. It is no target now, with a note, as
"20% vs last year" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
NAMED = "counted from the level of a period the statement names"


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Increase sales by 20% compared to Q1 by Q4", None),
        ("Increase sales by 20% vs Q1 2026 by Q4", None),
        ("Increase followers 20% over 2025 by Q4", None),
        ("Get 20% more leads than in 2025 by Q4", None),
        ("Grow revenue 15% over the 2025 baseline by Q4", None),
        ("Compared to Q1, grow leads 20% by Q4", None),
        ("Double leads vs Q1 by December", None),
        ("Tingkatkan jualan 20% berbanding S1 menjelang S4", "ms"),
        ("Αύξηση πωλήσεων κατά 20% σε σύγκριση με το Α' τρίμηνο έως το Δ' τρίμηνο", "el"),
        ("زيادة المبيعات بنسبة 20% مقارنة بالربع الأول بحلول الربع الرابع", "ar"),
    ],
)
def test_a_change_from_a_named_period_is_said_not_read(statement: str, lang: str | None) -> None:
    reading = _read(statement, lang)
    assert reading.goal.target is None
    assert reading.goal.deadline == dt.date(2026, 12, 31)
    assert any(NAMED in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Grow followers by 20% by Q4", "+20%"),
        ("Get more than 2000 followers by June", "2000 follower"),
        ("Reach 10,000 followers by Q4, compared to 8,000 in Q1", "10000 follower"),
    ],
)
def test_no_named_period_where_none_is_compared(statement: str, target: str) -> None:
    reading = _read(statement)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert not any(NAMED in note for note in reading.notes)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Grow leads {n}%", "Increase Instagram followers by {n}%", "Cut CPA by {n}%"]),
    st.integers(1, 90),
    st.sampled_from(["compared to", "compared with", "vs", "versus", "against"]),
    st.sampled_from(["Q1", "Q2 2026", "H1", "March", "2025", "FY25"]),
)
def test_any_change_against_a_named_period_is_no_target(
    shape: str, n: int, compared: str, period: str
) -> None:
    reading = _read(f"{shape.format(n=n)} {compared} {period} by December")
    assert reading.goal.target is None
    assert reading.goal.deadline == dt.date(2026, 12, 31)
    # (a year by its number, "vs 2025", is said as year over year)
    said = (NAMED, "is year over year")
    assert any(s in note for note in reading.notes for s in said), reading.notes
