"""When the recent rate reaches the target and the chance is under one half, the
explanation says why the forecast doubts it. "Over the last 29 months it grew 5.6 % a
month, and the forecast weighs that too" says the forecast lies between the two rates
carried forward; the demo's leads goal read so beside a forecast of 35 leads a month,
short of the 47 the longer rate gives (and of the 71 the recent one gives): what brings it
lower is that growth seldom lasts in full, which the explanation now says."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

WEIGHS = "and the forecast weighs that too"
FADING = "the forecast allows for it fading"


def _history(
    slow: float, fast: float, months: tuple[int, int], start: float
) -> list[tuple[dt.date, float]]:
    out, value = [], start
    for i in range(sum(months)):
        value *= 1 + (slow if i < months[0] else fast)
        year, month = divmod(i, 12)
        out.append((dt.date(2023 + year, month + 1, 28), float(round(value))))
    return out


def _longer_carried(a: gr.Achievability) -> float:
    """The longer history's rate carried forward as far as the recent one is."""
    assert a.longer_rate is not None and a.historical_rate is not None
    assert a.current_value is not None and a.carried_value is not None
    months = math.log(a.carried_value / a.current_value) / math.log1p(a.historical_rate)
    return a.current_value * (1 + a.longer_rate[1]) ** months


def test_the_demos_leads_goal_says_growth_fades() -> None:
    leads = [6, 6, 7, 7, 7, 7, 8, 12, 9, 10, 11, 13, 12, 13, 11, 11, 15, 15, 15, 13, 15, 19, 19,
             16, 20, 21, 22, 24, 26, 29]  # fmt: skip
    history = [
        (dt.date(2023 + (6 + i) // 12, (6 + i) % 12 + 1, 28), float(v)) for i, v in enumerate(leads)
    ]
    goal = gr.Goal("feature-awareness", metric="leads", channel="linkedin",
                   target="50 leads per month", start="2026-01-10", deadline="2026-09-30")  # fmt: skip
    a = gr.assess_achievability(goal, history, today=dt.date(2026, 1, 10))
    text = a.explanation
    assert a.projected_value is not None and a.projected_value < _longer_carried(a)
    assert WEIGHS not in text
    assert "over the last 29 months it grew 5.6 % a month" in text and FADING in text


@settings(max_examples=40)
@given(
    st.floats(0.0, 0.04),
    st.floats(0.06, 0.15),
    st.sampled_from(["followers", "leads", "visits"]),
    st.floats(1.2, 2.5),
)
def test_weighs_that_too_only_when_the_forecast_lies_between_the_rates(
    slow: float, fast: float, metric: str, factor: float
) -> None:
    history = _history(slow, fast, (24, 6), 200.0)
    target = round(history[-1][1] * factor)
    goal = gr.Goal("g", metric=metric, target=f"{target} {metric}", start="2025-07-01",
                   deadline="2026-03-31")  # fmt: skip
    a = gr.assess_achievability(goal, history, today=dt.date(2025, 7, 1))
    text = a.explanation
    if WEIGHS in text:
        assert a.projected_value is not None
        assert a.projected_value >= _longer_carried(a) * (1 - 1e-9)
    if "over the last" in text and FADING in text:
        assert a.projected_value is not None
        assert a.projected_value < _longer_carried(a)
