"""Customers who may buy are leads, in every language goalrules reads.

"Get 500 potential customers from Facebook" read 500 customers: a goal twenty or fifty
times as hard as the one meant, since few leads become customers. The same in Malay
("pelanggan berpotensi"), Tagalog ("potensyal na customer": customers, and no target),
Welsh ("cwsmeriaid posib"), Greek ("υποψήφιοι πελάτες") and Arabic ("عميل مرتقب", not
read at all). Greek "έως τα τέλη Μαρτίου" (by the end of March) read no deadline.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 12, 5)

LEADS = [
    "Get 500 potential customers from Facebook by March 2027",
    "Get 500 new prospective customers from Facebook by March 2027",
    "Win 500 potential clients on Facebook by March 2027",
    "Dapatkan 500 pelanggan berpotensi dari Facebook menjelang Mac 2027",
    "Makakuha ng 500 potensyal na customer mula sa Facebook bago matapos ang Marso 2027",
    "Cael 500 o gwsmeriaid posib o Facebook erbyn diwedd Mawrth 2027",
    "500 νέοι υποψήφιοι πελάτες από το Facebook έως τις 31 Μαρτίου 2027",
    "Απόκτηση 500 δυνητικών πελατών από το Facebook έως τα τέλη Μαρτίου 2027",
    "الحصول على 500 عميل مرتقب من فيسبوك بحلول نهاية مارس 2027",
]

CUSTOMERS = [
    "Get 500 new customers from Facebook by March 2027",
    "Dapatkan 500 pelanggan baharu dari Facebook menjelang Mac 2027",
    "Makakuha ng 500 bagong kliyente mula sa Facebook bago matapos ang Marso 2027",
    "Cael 500 o gwsmeriaid newydd o Facebook erbyn diwedd Mawrth 2027",
    "500 νέοι πελάτες από το Facebook έως τις 31 Μαρτίου 2027",
    "الحصول على 500 عميل جديد من فيسبوك بحلول نهاية مارس 2027",
]


@pytest.mark.parametrize("text", LEADS)
def test_customers_who_may_buy_are_leads(text: str) -> None:
    goal = gr.read_statement(text, start=START).goal
    assert goal.metric == "leads"
    assert goal.target is not None and str(goal.target.amount) == "500 lead"
    assert goal.deadline == dt.date(2027, 3, 31)
    assert goal.channels == ("facebook",)


@pytest.mark.parametrize("text", CUSTOMERS)
def test_customers_stay_customers(text: str) -> None:
    goal = gr.read_statement(text, start=START).goal
    assert goal.metric == "customers"
    assert goal.target is not None and goal.target.amount.magnitude == 500


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 90_000),
    st.sampled_from(["potential", "prospective"]),
    st.sampled_from(["customers", "clients"]),
)
def test_any_count_of_prospective_customers_is_that_many_leads(
    n: int, adjective: str, noun: str
) -> None:
    text = f"Get {n:,} {adjective} {noun} from LinkedIn within six months"
    goal = gr.read_statement(text, start=START).goal
    assert goal.metric == "leads"
    assert goal.target is not None and goal.target.amount.magnitude == n
