"""The last quarter of the year, and Welsh "ymhen" (in a length's time).

Before: "by the final quarter", "by the last quarter of the year" and Arabic "في الربع
الأخير من العام" gave no deadline and no note (Arabic "قبل نهاية الربع الأخير" was said as
a word not known); Welsh "ymhen 6 mis" (in 6 months' time) gave no deadline, "6 months" set
aside as a second number. Now Q4 and 6 months on; "by last quarter" alone (the quarter
before this one?) is still not read."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 15)


def due(statement: str) -> dt.date | None:
    return gr.read_statement(statement, start=START).goal.deadline


@pytest.mark.parametrize(
    ("statement", "day"),
    [
        ("Reach 5,000 followers by the final quarter", dt.date(2026, 12, 31)),
        ("Reach 5,000 followers in the final quarter of 2027", dt.date(2027, 12, 31)),
        ("Reach 5,000 followers by the last quarter of the year", dt.date(2026, 12, 31)),
        ("الوصول إلى ٥٠٠٠ متابع في الربع الأخير من العام", dt.date(2026, 12, 31)),
        ("الوصول إلى ٥٠٠٠ متابع قبل نهاية الربع الأخير", dt.date(2026, 12, 31)),
        ("الوصول إلى ٥٠٠٠ متابع بحلول الربع الأخير من ٢٠٢٧", dt.date(2027, 12, 31)),
        ("Cyrraedd 5,000 o ddilynwyr ymhen 6 mis", dt.date(2026, 11, 15)),
        ("Dyblu dilynwyr ymhen chwe mis", dt.date(2026, 11, 15)),
    ],
)
def test_the_deadline(statement: str, day: dt.date) -> None:
    assert due(statement) == day


def test_last_quarter_alone_is_not_read() -> None:
    """ "last quarter" is the quarter before this one as often as the year's last."""
    assert due("Reach 5,000 followers by last quarter") is None
