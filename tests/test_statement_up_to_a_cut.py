"""A cut or a change bounded by "up to" or "as much as".

Before: "Reduce CPC by up to 30% by June" read +30 % (the "up" of "up to" taken for a
rise), "Cut CPL by up to $10" +$10, "Reduce bounce rate by up to 5 points" +5 points,
Arabic "خفض ... بنسبة تصل إلى 30%" (cut by up to 30 %) +30 % (it said the words were a
deadline it did not know); "Grow revenue by as much as $10k" read a level of $10,000 and
"by as many as 2,000" a level of 2,000 followers. Now the change, its way the verb's."""

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
        ("Reduce CPC by up to 30% by June", "-30%"),
        ("Cut CPL by up to $10", "-10 USD / lead"),
        ("Reduce bounce rate by up to 5 points", "-5 percentage_point"),
        ("Lower CPA by as much as 30%", "-30%"),
        ("Increase followers by up to 20%", "+20%"),
        ("Grow revenue by as much as $10k", "+10000 USD"),
        ("Grow followers by as many as 2,000", "+2000 followers"),
        ("خفض تكلفة النقرة بنسبة تصل إلى 30% بحلول يونيو", "-30%"),
        ("زيادة المتابعين بنسبة تصل إلى 20%", "+20%"),
    ],
)
def test_a_bounded_change(statement: str, means: str) -> None:
    got = target(statement)
    assert got is not None and got.means(means), got


@given(
    n=st.integers(1, 90),
    verb=st.sampled_from(["Reduce", "Cut", "Lower", "Decrease"]),
    bound=st.sampled_from(["", "up to ", "as much as ", "at least ", "about "]),
)
def test_a_bound_never_turns_a_cut_into_a_rise(n: int, verb: str, bound: str) -> None:
    """Whatever bounds the number, a cut of CPC reads as the cut without the bound."""
    bounded = target(f"{verb} CPC by {bound}{n}% by June")
    plain = target(f"{verb} CPC by {n}% by June")
    assert bounded is not None and plain is not None
    assert bounded.means(f"-{n}%") and plain.means(f"-{n}%")
