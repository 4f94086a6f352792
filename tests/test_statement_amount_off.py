"""A cut written as an amount taken off: "Shave $5 off CPA", "Knock 20% off CPL", "Shave
30 minutes off response time".

Before: "Shave $5 off CPA" and "Take $5 off our CPA" read a CPA of $5 (a level, the cut
lost), "Shave 30 minutes off response time" a response time of 30 minutes, "Knock 20% off
CPL" no target with a note that took "off" for a noun. Now each is the cut."""

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
        ("Shave $5 off CPA", "-5 USD / conversion"),
        ("Take $5 off our CPA by Q3", "-5 USD / conversion"),
        ("Knock 20% off CPL", "-20%"),
        ("Cut 20% off our cost per lead by June", "-20%"),
        ("Shave 30 minutes off response time", "-30 minute"),
    ],
)
def test_an_amount_taken_off(statement: str, means: str) -> None:
    got = target(statement)
    assert got is not None and got.means(means), got


@given(
    dollars=st.integers(1, 500),
    verb=st.sampled_from(["Shave", "Take", "Knock", "Trim", "Cut"]),
    metric=st.sampled_from([("CPL", "lead"), ("CPC", "click"), ("CPA", "conversion")]),
)
def test_an_amount_off_a_cost_is_never_its_level(
    dollars: int, verb: str, metric: tuple[str, str]
) -> None:
    """ "$5 off CPA" is the CPA less $5, whatever the verb: never a CPA of $5."""
    got = target(f"{verb} ${dollars} off our {metric[0]} by Q3")
    assert got is not None and got.means(f"-{dollars} USD / {metric[1]}"), got
