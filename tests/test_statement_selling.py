"""To sell, in the packs' languages: Tagalog "makabenta", "magbenta", Malay "menjual",
Welsh "gwerthu", Greek "να πουλήσουμε", Arabic "بيع" were words no pack knew, so "sell
200 units on Shopee" read no metric, and the things sold ("unit", "unedau", "προϊόντα",
"منتج") left the number unread. They read as English reads "sell 200 units": sales
counted (conversions), or in money when a currency is written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

SELLING = [
    "Makabenta ng {n} units sa Shopee sa loob ng 3 buwan",
    "Magbenta ng {n} produkto sa TikTok Shop sa loob ng 3 buwan",
    "Menjual {n} unit di Shopee dalam masa 3 bulan",
    "Gwerthu {n} o unedau ar Instagram o fewn 3 mis",
    "Να πουλήσουμε {n} προϊόντα στο Instagram μέσα σε 3 μήνες",
    "بيع {n} منتج عبر إنستغرام خلال 3 أشهر",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SELLING), st.integers(2, 999))
def test_things_sold_are_counted_as_english_counts_them(shape: str, n: int) -> None:
    reading = gr.read_statement(shape.format(n=n), start=START)
    english = gr.read_statement(f"Sell {n} units on Instagram within 3 months", start=START)
    assert reading.goal.metric == english.goal.metric == "conversions"
    assert reading.goal.target == english.goal.target
    assert reading.goal.deadline == dt.date(2026, 8, 1)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Makabenta ng ₱500,000 sa Lazada bago matapos ang taon", "500000 PHP"),
        ("Menjual RM50,000 di TikTok Shop menjelang Disember", "50000 MYR"),
    ],
)
def test_selling_money_is_revenue(statement: str, target: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.metric == "revenue"
    assert str(reading.goal.target) == target


def test_a_thing_not_sold_is_still_no_target() -> None:
    # "3 produk" launched, not sold: its number is not the goal's, with a note
    reading = gr.read_statement(
        "Lancarkan 3 produk dan capai 10 ribu pengikut Instagram menjelang Jun", start=START
    )
    assert str(reading.goal.target) == "10000 follower"
    assert any('"3 products" counts a word' in note for note in reading.notes)
