"""A total over a period that begins after the history ends counted the months between
as part of it: 200 leads a month to November, judged on 5 January for "1,000 leads in Q1
2026", read "needs about 248 leads a month for the remaining 4.0 months. The forecast
puts the total at about 806 leads", a 16 % chance; Q1 holds three months, about 600
leads. The months before the period's first are forecast to reach it, never counted."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date


def flat(level: float, first: D, months: int) -> list[tuple[D, float]]:
    return [(month_end(add_months(first, i)), level) for i in range(months)]


def q1() -> gr.Goal:
    return gr.Goal.from_statement("Get 1,000 leads from LinkedIn in Q1 2026", start=D(2026, 1, 1))


def test_q1s_total_counts_q1s_three_months_not_december() -> None:
    a = gr.assess_achievability(q1(), flat(200.0, D(2025, 5, 31), 7), today=D(2026, 1, 5))
    assert a.projected_value is not None and abs(a.projected_value - 600.0) < 1.0
    assert "remaining 3.0 months" in a.explanation and "about 600 leads" in a.explanation
    assert a.verdict is gr.Verdict.UNREALISTIC
    # the same as with December in the history
    b = gr.assess_achievability(q1(), flat(200.0, D(2025, 6, 30), 7), today=D(2026, 1, 5))
    assert b.projected_value is not None and abs(a.projected_value - b.projected_value) < 1.0
    assert a.probability is not None and b.probability is not None
    assert abs(a.probability - b.probability) < 0.05


@settings(max_examples=30, deadline=None)
@given(
    level=st.integers(5, 5_000),
    gap=st.integers(0, 5),
    length=st.integers(1, 12),
    target=st.floats(0.2, 3.0),
)
def test_a_total_after_the_history_is_its_own_months(
    level: int, gap: int, length: int, target: float
) -> None:
    """A flat flow's total over a period starting ``gap`` months after the history's
    last month is about ``length`` months of it, however long the gap."""
    history = flat(float(level), D(2025, 1, 31), 9)  # to September 2025
    start = add_months(D(2025, 10, 1), gap)
    deadline = month_end(add_months(start, length - 1))
    amount = max(1, round(level * length * target))
    g = gr.Goal("t", metric="leads", target=f"{amount} leads", start=start, deadline=deadline)
    a = gr.assess_achievability(g, history, today=start, cumulative=True)
    assert a.projected_value is not None
    assert abs(a.projected_value - level * length) <= 0.01 * level * length
