"""An amount *in* sales is money: "Make 10,000 in sales from Instagram by December", "10
grand in sales", "50,000 kr in sales" read 10,000 conversions (a count of sales), with
no note. The metric is revenue, and an amount with no currency it can name is no
target, with the note that says to write one; a count of sales ("500 sales") is still
conversions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 999),
    st.sampled_from(["{n},000", "{n}k", "{n} grand", "{n},000 kr", "{n} thousand"]),
    st.sampled_from(["Make", "Bring in", "Hit", "Do"]),
    st.sampled_from(["sales", "revenue", "online sales"]),
)
def test_an_amount_in_sales_with_no_currency_is_no_target(
    n: int, amount: str, verb: str, what: str
) -> None:
    said = amount.format(n=n)
    reading = read(f"{verb} {said} in {what} from Instagram by December")
    assert reading.goal.metric == "revenue"
    assert reading.goal.target is None
    assert any("gives no currency" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "metric", "target"),
    [
        ("Make $10,000 in sales from Instagram by December", "revenue", "10000 USD"),
        ("Make 500 sales from Instagram by December", "conversions", "500 conversion"),
        ("Get 200 orders in sales from Instagram by December", "conversions", "200 conversion"),
    ],
)
def test_money_and_counts_of_sales_read_as_before(statement: str, metric: str, target: str) -> None:
    reading = read(statement)
    assert reading.goal.metric == metric
    assert str(reading.goal.target) == target
