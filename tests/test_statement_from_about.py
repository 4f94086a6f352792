"""The level now said roughly: "from about 1,200 to 2,000", "from ~1,200", Malay
"daripada kira-kira", Arabic "من حوالي", Greek "από περίπου", Tagalog "mula sa
humigit-kumulang", Welsh "o tua".

Before, each was read as a range "1,200 to 2,000" whose lower bound, the level now, was the
target (a goal met on its first day); "from just over 1,200 to 2,000" read 1,200 too. Now
the target is where the goal leads; a level now said roughly is its baseline, one said as a
bound ("just over", "under") is set aside with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)

ROUGHLY = ["about ", "around ", "~", "≈", "approx. ", "roughly ", "c. ", "nearly ", "just "]
BOUNDS = ["just over ", "over ", "under ", "more than ", "less than ", "a little over "]


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@pytest.mark.parametrize(
    "statement",
    [
        "Grow Instagram followers from about 1,200 to 2,000 by June",
        "Grow Instagram followers from ~1,200 to 2,000 by June",
        "Naikkan pengikut Instagram daripada kira-kira 1,200 kepada 2,000 menjelang Jun",
        "زيادة المتابعين على إنستغرام من حوالي 1,200 إلى 2,000 بحلول يونيو",
        "Αύξηση ακολούθων στο Instagram από περίπου 1.200 σε 2.000 έως τον Ιούνιο",
        "Itaas ang followers sa Instagram mula sa humigit-kumulang 1,200 hanggang 2,000 sa Hunyo",
        "Cynyddu dilynwyr Instagram o tua 1,200 i 2,000 erbyn Mehefin",
    ],
)
def test_a_level_now_said_roughly_is_the_baseline(statement: str) -> None:
    goal = read(statement).goal
    assert goal.target is not None and goal.target.means("2000 followers")
    assert goal.baseline is not None and goal.baseline.magnitude == 1200
    assert goal.deadline == dt.date(2026, 6, 30)


@given(
    now=st.integers(100, 50_000),
    more=st.integers(1, 50_000),
    rough=st.sampled_from(ROUGHLY),
    cost=st.booleans(),
)
def test_the_level_now_is_never_the_target(now: int, more: int, rough: str, cost: bool) -> None:
    """Whatever word says the level now roughly, the target is the level it leads to."""
    if cost:  # a cut of a cost, in dollars
        high, low = now + more, now
        statement = f"Cut CPL from {rough}${high:,} to ${low:,}"
        want, base = f"{low} USD / lead", high
    else:
        statement = f"Grow followers from {rough}{now:,} to {now + more:,}"
        want, base = f"{now + more} followers", now
    goal = read(statement).goal
    assert goal.target is not None and goal.target.means(want), (statement, goal.target)
    assert goal.baseline is not None and goal.baseline.magnitude == base


@given(now=st.integers(100, 50_000), more=st.integers(1, 50_000), bound=st.sampled_from(BOUNDS))
def test_a_bound_of_the_level_now_is_said(now: int, more: int, bound: str) -> None:
    """ "from just over 1,200": the level now is not known, and never the target."""
    reading = read(f"Grow followers from {bound}{now:,} to {now + more:,}")
    goal = reading.goal
    assert goal.target is not None and goal.target.means(f"{now + more} followers")
    assert goal.baseline is None
    assert any(f"{now:,}" in note for note in reading.notes), reading.notes
