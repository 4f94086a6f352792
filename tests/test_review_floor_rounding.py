"""A floor is never rounded up past what is known, and a miss is never written as the
target met: a total of at least 39.6 % of the way read "at least 40 %", a month of at
least 38.6 leads "at least 39", and a month missed with 39.6 leads of 40 "missed (40 of
40)"; an ahead month with 4.3 leads of 3.9 due "ahead (4 of 4 due so far)"."""

from __future__ import annotations

import datetime as dt
import re

import attrs
from hypothesis import given
from hypothesis import strategies as st

from goalrules.judgments.review import review_goal
from goalrules.judgments.review_periods import PeriodReview
from goalrules.model import Goal

D = dt.date
GOAL = Goal("g", metric="leads", channel="linkedin", target="50 leads per month")
BASE = review_goal(GOAL, None, None, D(2026, 5, 3))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@given(st.floats(min_value=0.0, max_value=0.9999))
def test_a_floor_of_the_way_is_rounded_down(share: float) -> None:
    g = attrs.evolve(BASE, progress=share, gaps=("2026-03",))
    shown = re.fullmatch(r"at least (\d+) %", g.way())
    assert shown is not None and int(shown[1]) <= 100 * share + 1e-9


@given(
    actual=st.floats(min_value=0.0, max_value=500.0),
    target=st.floats(min_value=1.0, max_value=500.0),
    status=st.sampled_from(["partial", "missed", "ahead", "behind"]),
)
def test_a_periods_numbers_say_what_its_status_says(
    actual: float, target: float, status: str
) -> None:
    due = target if status in ("partial", "missed") else target / 2
    period = PeriodReview(D(2026, 3, 1), D(2026, 3, 31), target, due, actual, status)
    g = attrs.evolve(BASE, recurs="month", periods=(period,))
    (line,) = g.targets_lines()
    numbers = re.search(r"\((at least |just under |just over )?([\d,.]+) of ([\d,.]+)", line)
    assert numbers is not None, line
    got, of = _number(numbers[2]), _number(numbers[3])
    if status == "partial":
        assert got <= actual + 1e-9  # a floor: never above what is known
    elif actual != due:  # a miss, a lead or a lag is never written as the target met
        assert got != of or numbers[1] in ("just under ", "just over "), line
