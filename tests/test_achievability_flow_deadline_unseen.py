"""A flow's monthly level whose deadline had passed, judged on a history that ends the
month before the deadline's, read "Leads: 161 leads in November 2025. That met the
target of 150 leads a month by the deadline (2025-12-31)" (achieved, beside a chance of
0.72): December, the month the target is set for, was never seen. Whether it was met is
not known now; the forecast and the chance are for the deadline's month, as for a target
the last month fell short of."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end

D = dt.date


def months(first: int, last: int, level: float, step: float = 0.0) -> list[tuple[D, float]]:
    return [(month_end(D(2025, m, 1)), level + step * (m - first)) for m in range(first, last + 1)]


def leads(target: str, deadline: str = "2025-12-31") -> gr.Goal:
    return gr.Goal("l", metric="leads", target=target, start=D(2025, 7, 1), deadline=deadline)


def test_november_past_the_target_does_not_settle_decembers_level() -> None:
    a = gr.assess_achievability(
        leads("150 leads a month"), months(6, 11, 156, 1), today=D(2026, 1, 5)
    )
    assert a.verdict is not gr.Verdict.ACHIEVED
    assert a.deadline_unseen and "not known" in a.explanation
    assert a.probability is not None and 0.5 < a.probability < 1.0
    assert "That met the target" not in a.explanation


def test_the_deadlines_month_seen_past_the_target_is_achieved() -> None:
    a = gr.assess_achievability(
        leads("150 leads a month"), months(6, 12, 156, 1), today=D(2026, 1, 5)
    )
    assert a.verdict is gr.Verdict.ACHIEVED and not a.deadline_unseen


def test_a_stock_past_its_target_before_an_unseen_deadline_reached_it() -> None:
    followers = months(6, 11, 1000, 2)
    g = gr.Goal("f", metric="followers", target="1005 followers", start=D(2025, 7, 1),
                deadline="2025-12-31")  # fmt: skip
    a = gr.assess_achievability(g, followers, today=D(2026, 1, 5))
    assert a.verdict is gr.Verdict.ACHIEVED  # a count reached by the deadline was reached


@settings(max_examples=30, deadline=None)
@given(level=st.integers(20, 400), target=st.integers(20, 400), late=st.integers(1, 40))
def test_an_unseen_deadline_month_is_never_settled_by_the_month_before(
    level: int, target: int, late: int
) -> None:
    """Whatever November's level and the target, judged after a deadline in December
    the history does not reach, the goal is neither achieved nor expired."""
    history = months(5, 11, float(level))
    a = gr.assess_achievability(leads(f"{target} leads a month"), history,
                                today=D(2025, 12, 31) + dt.timedelta(days=late))  # fmt: skip
    assert a.verdict not in (gr.Verdict.ACHIEVED, gr.Verdict.EXPIRED)
