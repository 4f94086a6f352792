"""A spreadsheet's revenue in thousands (6.5 for 6,500 USD) beside a target of 8,000 USD
a month read "needs growth of 227.4 % a month ... under 1 % (unrealistic)": a count's
history in thousands was caught, an amount of money's was not. It is now the same
question, with no chance given; an amount with cents in the unit (5,230.10 USD a month)
is judged as written, however far its target."""

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


def revenue(target: str) -> gr.Goal:
    return gr.Goal("r", metric="revenue", target=target, start=TODAY, deadline="2026-06-30")


def test_revenue_in_thousands_is_asked_about_not_judged() -> None:
    history = months([5.0, 5.2, 5.1, 5.4, 5.6, 5.5, 5.8, 6.0, 6.1, 6.3, 6.2, 6.5])
    a = gr.assess_achievability(revenue("8000 USD per month"), history, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "6.5 for 6,500 USD" in a.explanation
    assert "whole amounts, not thousands" in a.remedy


def test_revenue_with_cents_in_the_unit_is_judged() -> None:
    history = months([5000.25 + 100.5 * i for i in range(12)])
    a = gr.assess_achievability(revenue("1,000,000 USD per month"), history, today=TODAY)
    assert a.verdict is gr.Verdict.UNREALISTIC


@settings(max_examples=30, deadline=None)
@given(scale=st.sampled_from([1.0, 1000.0]), level=st.floats(1.5, 900.0))
def test_the_same_revenue_in_thousands_never_gets_a_confident_miss(
    scale: float, level: float
) -> None:
    """Written in thousands (with decimals) the history is asked about; written in USD
    it is judged: never 'unrealistic' from a history a thousand times too small."""
    values = [(round(level * (1.0 + 0.01 * i), 1) + 0.05) * scale for i in range(12)]
    a = gr.assess_achievability(revenue(f"{round(level * 1200)} USD per month"), months(values),
                                today=TODAY)  # fmt: skip
    if scale == 1.0:
        assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    else:
        assert a.verdict is not gr.Verdict.INSUFFICIENT_DATA
