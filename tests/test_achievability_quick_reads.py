"""What achievability reads the quick way is what it reads the long way.

A history given as (date, number) pairs is read once for the goals that share it: the
series is kept by the pairs' values (and with it the model of its months), so a judgment
from the kept series is the judgment read anew, a changed list is read again, and what the
reader refuses (a bool for a number) is refused every time. Whether a forecast's range
spans more than a factor is settled by the mixture's components where they can, as its
quantiles settle it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months
from goalrules.errors import GoalRulesError
from goalrules.judgments import achievability_history as ach
from goalrules.judgments.achievability_limits import WIDEST
from goalrules.model import MetricSeries

TODAY = dt.date(2026, 1, 10)
GOAL = gr.Goal("g", metric="followers", target="2000 followers", start="2026-01-01",
               deadline="2026-12-31")  # fmt: skip


def _judged(history: Any, goal: gr.Goal = GOAL) -> tuple[Any, ...]:
    a = gr.assess_achievability(goal, history, today=TODAY)
    return (a, a.probability, a.explanation, a.forecast)


values = st.lists(
    st.one_of(st.integers(1, 10**6), st.floats(1.0, 1e6, allow_nan=False)), min_size=1,
    max_size=14,
)  # fmt: skip


@given(values, st.sampled_from(("followers", "leads", None)))
def test_pairs_judged_twice_are_judged_as_their_series(vs: list[float], metric: str | None) -> None:
    goal = gr.Goal("g", metric=metric, target="2000 followers" if metric != "leads" else
                   "40 leads per month", start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    start = add_months(dt.date(2025, 12, 1), -len(vs) + 1)
    pairs = [(add_months(start, i), v) for i, v in enumerate(vs)]
    want = _given(lambda: _judged(MetricSeries(metric=metric, points=list(pairs)), goal))
    for given_pairs in (pairs, pairs, list(pairs), tuple(pairs)):
        assert _given(lambda: _judged(given_pairs, goal)) == want  # noqa: B023


def test_a_changed_list_is_read_again() -> None:
    pairs = [(dt.date(2025, m, 1), 1000.0 * 1.03**m) for m in range(1, 13)]
    before = _judged(pairs)
    pairs[-1] = (dt.date(2025, 12, 1), 1900.0)
    after = _judged(pairs)
    assert after != before
    assert after == _judged(MetricSeries(metric="followers", points=list(pairs)))


def test_a_bool_is_refused_after_the_number_it_equals() -> None:
    pairs = [(dt.date(2025, m, 1), 1) for m in range(1, 13)]
    _judged(pairs)  # kept
    with pytest.raises(GoalRulesError, match="expected a number, got True"):
        _judged([(d, True) for d, _ in pairs])


@pytest.mark.parametrize(
    "pairs",
    [
        [[dt.date(2025, m, 1), 1000.0 + m] for m in range(1, 13)],  # pairs as lists
        [(dt.date(2025, m, 1).isoformat(), str(1000 + m)) for m in range(1, 13)],  # text
        [(dt.date(2025, m, 1), {"v": 1}) for m in range(1, 13)],  # unhashable: refused
    ],
)
def test_other_pairs_are_read_as_given(pairs: list[Any]) -> None:
    first, second = (_given(lambda: _judged(pairs)) for _ in range(2))
    assert first == second
    assert all(type(k[1][0]) is tuple for k in ach._SERIES)  # (only tuples kept)


def _given(call: Any) -> tuple[str, Any]:
    try:
        return "value", call()
    except GoalRulesError as exc:
        return type(exc).__name__, str(exc)


@given(
    st.lists(st.floats(1.0, 1e5, allow_nan=False), min_size=2, max_size=14),
    st.floats(10.0, 1e6, allow_nan=False),
    st.integers(1, 36),
    st.sampled_from(("followers", "leads")),
)
def test_the_ranges_factor_is_read_as_its_quantiles_read_it(
    vs: list[float], target: float, months: int, metric: str
) -> None:
    unit = "followers" if metric == "followers" else "leads per month"
    goal = gr.Goal("g", metric=metric, target=f"{target:.0f} {unit}", start="2026-01-01",
                   deadline=add_months(dt.date(2026, 1, 1), months).isoformat())  # fmt: skip
    start = add_months(dt.date(2025, 12, 1), -len(vs) + 1)
    a = gr.assess_achievability(goal, [(add_months(start, i), v) for i, v in enumerate(vs)],
                                today=TODAY)  # fmt: skip
    f = a.forecast
    if f is None or a.from_start is not None:
        return
    for factor in (1.5, 3.0, 10.0, WIDEST):
        assert a.forecast_range_within(factor) == (
            f["low"] > 0 and f["high"] <= factor * f["low"]
        ), factor
