"""A target of zero on a history above zero ("cut the cost per lead to 0 USD", a
response time of 0 hours) is read on a straight line, as no growth rate reaches zero;
the explanation said "Values at or below zero rule out growth rates" of a history with
none. It now names the target as the reason, and keeps the history's words for a history
that does hold such values."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 1, 5)


def months(values: list[float]) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2025, 1, 31), i)), v) for i, v in enumerate(values)]


def cpl(target: str) -> gr.Goal:
    return gr.Goal("c", metric="cost_per_lead", target=target, start=TODAY, deadline="2026-06-30")


def test_a_cost_per_lead_of_zero_names_the_target_not_the_history() -> None:
    a = gr.assess_achievability(cpl("0 USD/lead"), months([50, 48, 47, 45, 44, 43, 41, 40]),
                                today=TODAY)  # fmt: skip
    assert a.method == "linear"
    assert "The target asks for a level at or below zero" in a.explanation
    assert "Values at or below zero" not in a.explanation


def test_a_history_with_zeros_keeps_its_reason() -> None:
    g = gr.Goal("l", metric="leads", target="5 leads a month", start=TODAY, deadline="2026-06-30")
    a = gr.assess_achievability(g, months([5, 0, 3, 0, 0, 4, 2, 0, 6, 0, 1, 3]), today=TODAY)
    assert "Values at or below zero rule out growth rates" in a.explanation


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.5, 500.0), min_size=4, max_size=12))
def test_the_reason_for_a_straight_line_is_true(values: list[float]) -> None:
    """Whatever the history above zero, a target of zero is the reason said."""
    a = gr.assess_achievability(cpl("0 USD/lead"), months(values), today=TODAY)
    if a.method == "linear":
        assert "Values at or below zero" not in a.explanation
