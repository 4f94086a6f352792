"""A share of one unit of money or time: "half a dollar", "half an hour", "a quarter of an
hour", as each language writes it.

Before: "Cut CPC to half a dollar" and "Reduce response time to half an hour" read no
target and said nothing; Arabic "إلى نصف ساعة" (to half an hour), "إلى نصف دولار", Greek
"σε μισή ώρα", "στο μισό ευρώ", Tagalog "sa kalahating dolyar", Welsh "i hanner punt" and
Malay "kepada setengah ringgit" read x0.5 (halve it), Malay "kepada separuh ringgit" -MYR
0.50. Each is now the amount, 0.5 of the unit; "to half" alone is still x0.5."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)


def target(statement: str) -> gr.Target | None:
    return gr.read_statement(statement, start=START).goal.target


@pytest.mark.parametrize(
    ("statement", "means"),
    [
        ("Cut CPC to half a dollar by June", "0.5 USD / click"),
        ("Reduce response time to half an hour", "0.5 hour"),
        ("Reduce response time to a quarter of an hour", "0.25 hour"),
        ("Reduce CPC by half a dollar by June", "-0.5 USD / click"),
        ("خفض وقت الاستجابة إلى نصف ساعة", "0.5 hour"),
        ("خفض تكلفة النقرة إلى نصف دولار", "0.5 USD / click"),
        ("Μείωση του χρόνου απάντησης σε μισή ώρα", "0.5 hour"),
        ("Μείωση του κόστους ανά κλικ στο μισό ευρώ", "0.5 EUR / click"),
        ("Bawasan ang CPC sa kalahating dolyar", "0.5 USD / click"),
        ("Lleihau'r gost fesul clic i hanner punt", "0.5 GBP / click"),
        ("Kurangkan kos setiap klik kepada setengah ringgit", "0.5 MYR / click"),
        ("Kurangkan kos setiap klik kepada separuh ringgit", "0.5 MYR / click"),
        ("Kurangkan masa respons kepada separuh jam", "0.5 hour"),
    ],
)
def test_a_share_of_one_unit(statement: str, means: str) -> None:
    got = target(statement)
    assert got is not None and got.means(means), got


@pytest.mark.parametrize(
    "statement",
    [
        "Reduce CPC to half",
        "Μείωση του κόστους ανά κλικ στο μισό",
        "Kurangkan kos setiap klik kepada separuh",
        "Cut CPL in half within 6 months",
    ],
)
def test_half_alone_still_halves(statement: str) -> None:
    got = target(statement)
    assert got is not None and got.means("x0.5"), got


@given(
    share=st.sampled_from(
        [("half a", 0.5), ("a quarter of a", 0.25), ("three quarters of a", 0.75)]
    ),
    unit=st.sampled_from([("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP")]),
)
def test_a_share_of_one_unit_is_that_amount(
    share: tuple[str, float], unit: tuple[str, str]
) -> None:
    """ "to half a dollar" is $0.50 whatever the share and the money: never a multiple."""
    words, value = share
    got = target(f"Lower CPC to {words} {unit[0]} by Q3")
    assert got is not None and got.means(f"{value} {unit[1]} / click"), got
