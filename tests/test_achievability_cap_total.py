"""A cap on a total ("Spend at most 20,000 USD in 2026") read as a target to reach: "Reaching
40,000 USD in total ... needs about 2,942 USD a month", and a cap broken already (22,350
USD spent by June) read "needs about -392 USD a month ... Chance of reaching the target:
under 1 %" beside "This chance is rough". A cap now leaves an amount a month; a broken
cap on a total that only grows is settled: it cannot be met, its chance 0."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 7, 5)


def spend(level: float = 3000.0, step: float = 50.0) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2025, 1, 31), i)), level + step * i) for i in range(18)]


def cap(amount: str) -> gr.Goal:
    return gr.Goal.from_statement(f"Spend at most {amount} USD in 2026", start=D(2026, 1, 1))


def test_a_cap_leaves_an_amount_a_month() -> None:
    a = gr.assess_achievability(cap("40,000"), spend(), today=TODAY)
    assert "Keeping within 40,000 USD in total by 2026-12-31 leaves about 2,942 USD a month" in (
        a.explanation
    )
    assert "Reaching" not in a.explanation


def test_a_broken_cap_cannot_be_met() -> None:
    a = gr.assess_achievability(cap("20,000"), spend(), today=TODAY)
    assert a.verdict is gr.Verdict.UNREALISTIC and a.probability == 0.0
    assert a.to_dict()["probability"] == 0.0
    text = a.explanation
    assert "past the cap of 20,000 USD already" in text and "cannot be met" in text
    assert "needs" not in text and "a level at or below zero" not in text
    assert "rough" not in text and "Chance of reaching the target: 0 %" in text


@settings(max_examples=25, deadline=None)
@given(level=st.floats(100.0, 50_000.0), amount=st.integers(1_000, 400_000))
def test_a_cap_under_the_spend_so_far_is_never_given_a_chance(level: float, amount: int) -> None:
    """Whatever the spend, a cap under what is spent so far has no chance, and one above
    it is judged on the forecast."""
    history = spend(level, 0.0)
    a = gr.assess_achievability(cap(f"{amount:,}"), history, today=TODAY)
    so_far = 6 * level
    if so_far > amount:
        assert a.probability == 0.0
    elif a.probability is not None:
        assert a.probability > 0.0
