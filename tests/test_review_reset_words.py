"""A goal to reset says which way to move its target: an easier target is lower where
higher is better (followers) and higher where lower is better (a bounce rate, a cost per
lead). Before, a bounce-rate goal of 40 % was told to "lower the target to about 45 %"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.review import Previous, review_goal
from goalrules.model import MetricSeries

D = dt.date
MONTHS = [D(2025, m, 28) for m in range(1, 13)]


def _reset(metric: str, target: str, values: list[float], unit: str | None) -> str:
    goal = gr.Goal("g", metric=metric, target=target, start="2025-12-01",
                   deadline="2026-06-30")  # fmt: skip
    series = MetricSeries(metric, list(zip(MONTHS, values, strict=True)), unit=unit)
    today = D(2026, 1, 5)
    ach = gr.assess_achievability(goal, series, today=today)
    assert ach.verdict.value == "unrealistic"
    before = Previous(D(2025, 12, 5), "unrealistic", 0.01)
    r = review_goal(goal, series, ach, today, before)
    (flag,) = [f for f in r.flags if f.name == "reset_candidate"]
    return flag.message


@pytest.mark.parametrize(
    ("metric", "target", "values", "unit", "word"),
    [
        ("bounce_rate", "40 %", [0.6 - 0.005 * i for i in range(12)], None, "raise"),
        ("cost_per_lead", "20 USD", [60 - 0.8 * i for i in range(12)], "USD", "raise"),
        ("followers", "3000 followers", [1000 + 10 * i for i in range(12)], None, "lower"),
    ],
)
def test_the_easier_target_is_named_the_way_it_moves(
    metric: str, target: str, values: list[float], unit: str | None, word: str
) -> None:
    said = _reset(metric, target, values, unit)
    assert f"{word} the target to about" in said, said


@settings(max_examples=30, deadline=None)
@given(st.floats(0.3, 0.7), st.floats(0.001, 0.01), st.floats(0.05, 0.25))
def test_the_word_agrees_with_the_numbers(start: float, fall: float, gap: float) -> None:
    values = [start - fall * i for i in range(12)]
    target = max(0.01, values[-1] - gap)
    try:
        said = _reset("bounce_rate", f"{100 * target:.1f} %", values, None)
    except AssertionError:
        return  # judged other than unrealistic: no reset to word
    m = re.search(r"(raise|lower) the target to about ([\d.,]+) %", said)
    if m is None:  # no target the history supports: a later deadline or a new goal
        assert " the target to about" not in said, said
        return
    suggested = float(m.group(2).replace(",", "")) / 100
    assert (m.group(1) == "raise") == (suggested > round(target, 3)), said


def test_no_target_by_a_deadline_already_past() -> None:
    """Reviewed after its deadline from a history that ends before it, a goal judged
    unrealistic twice was told to "lower the target to about 1,300 followers by
    2026-07-10" on 2026-09-10."""
    goal = gr.Goal("g", metric="followers", target="3000 followers", start="2025-12-01",
                   deadline="2026-03-31")  # fmt: skip
    series = MetricSeries("followers", [(d, 1000 + 10 * i) for i, d in enumerate(MONTHS)])
    today = D(2026, 6, 10)
    ach = gr.assess_achievability(goal, series, today=today)
    assert ach.verdict.value == "unrealistic" and ach.deadline_unseen
    r = review_goal(goal, series, ach, today, Previous(D(2026, 5, 10), "unrealistic", 0.01))
    (flag,) = [f for f in r.flags if f.name == "reset_candidate"]
    assert "2026-03-31" in flag.message and "has passed" in flag.message
    assert "the target to about" not in flag.message
