"""The chance is at least one half exactly when the median reaches the target, at the
target itself too: a flat history of 145 followers aiming at 145 read a chance of 0.5
beside a median of 144.99999999999997 (the log of the target and its exponential)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

TODAY = dt.date(2026, 1, 31)


def monthly(values: list[float]) -> list[tuple[dt.date, float]]:
    first = add_months(TODAY, 1 - len(values))
    return [(month_end(add_months(first, i)), v) for i, v in enumerate(values)]


def goal(target: str) -> gr.Goal:
    return gr.Goal("g", metric="followers", target=target, start=TODAY, deadline="2026-07-31")


@settings(max_examples=40, deadline=None)
@given(level=st.integers(1, 100_000), months=st.integers(3, 12))
def test_a_flat_history_at_its_target_has_its_median_at_the_target(level: int, months: int) -> None:
    """145 followers, flat, aiming at 145: the JSON read a chance of 0.5 beside a median of
    144.99999999999997, under the target (the log and its exponential)."""
    a = gr.assess_achievability(
        goal(f"{level} followers"), monthly([float(level)] * months), today=TODAY
    )
    assert a.forecast is not None and a.probability is not None
    assert (a.probability >= 0.5) == (a.forecast["median"] >= level)
