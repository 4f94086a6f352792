"""With a season found, the growth a target needs is read as the historical rate is,
the season taken out. A flow whose December runs a third low, judged in January for a
June target, read "grew 0.4 % a month once the season is taken out ... needs growth of
7 % a month" beside a 53 % chance (achievable): the rate it needed was counted from the
December dip, the rate it grew without it. Now it "needs growth of 0.7 % a month once
the season is taken out", and the required rate is at most the historical rate exactly
when the recent rate carried forward reaches the target."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
# visits from social, January 2025 to December 2026: about 1.5 % a month of growth, each
# December about a third below its neighbours (the holidays)
VISITS = [1004, 1067, 993, 1088, 1050, 1066, 1180, 1117, 1125, 1177, 1214, 765,
          1224, 1167, 1214, 1229, 1203, 1213, 1225, 1314, 1338, 1350, 1391, 868]  # fmt: skip
FIRST = D(2025, 1, 1)


def history(values: list[int], first: D = FIRST) -> list[tuple[D, float]]:
    return [(month_end(add_months(first, i)), float(v)) for i, v in enumerate(values)]


def judge(target: float, values: list[int] = VISITS, first: D = FIRST,
          metric: str = "visits") -> gr.Achievability:  # fmt: skip
    last = month_end(add_months(first, len(values) - 1))
    goal = gr.Goal("v", metric=metric, target=f"{target:.0f} {metric}",
                   deadline=month_end(add_months(last, 6)).isoformat())  # fmt: skip
    return gr.assess_achievability(goal, history(values, first), today=last + dt.timedelta(10))


def test_a_december_dip_needs_no_more_growth_than_the_season_gives() -> None:
    a = judge(1300)
    assert a.seasonal and a.verdict is gr.Verdict.ACHIEVABLE
    assert a.required_rate is not None and a.historical_rate is not None
    # it read "needs growth of 7 % a month": 868 to 1,300 from the December dip
    assert a.required_rate < 0.02
    assert "needs growth of 0.7 % a month once the season is taken out" in a.explanation
    assert "needs growth of 7 % a month" not in a.explanation
    assert a.to_dict()["required_rate"] == pytest.approx(a.required_rate, abs=1e-4)


def test_without_a_season_the_rate_needed_is_counted_from_the_latest_month() -> None:
    a = judge(1300, VISITS[12:], first=D(2026, 1, 1))  # a year: no season to find
    assert not a.seasonal and a.required_rate is not None
    assert a.required_rate == pytest.approx((1300 / 868) ** (1 / 6) - 1)
    assert "needs growth of 7 % a month." in a.explanation


@settings(max_examples=30, deadline=None)
@given(
    st.floats(-0.01, 0.03),
    st.floats(0.5, 0.8),
    st.floats(0.7, 1.8),
    st.lists(st.floats(-0.04, 0.04), min_size=24, max_size=24),
)
def test_the_rate_needed_agrees_with_the_rate_carried_forward(
    growth: float, december: float, ratio: float, noise: list[float]
) -> None:
    # two years of a flow with a December dip, judged in January for a June target
    values = [round(1000 * (1 + growth) ** i * (december if i % 12 == 11 else 1.0) * (1 + e))
              for i, e in enumerate(noise)]  # fmt: skip
    a = judge(values[-1] * ratio, values)
    assert a.required_rate is not None and a.historical_rate is not None
    assert a.carried_value is not None and a.target_value is not None
    if abs(a.carried_value / a.target_value - 1) < 1e-6:
        return  # (on the edge)
    # the historical rate carried forward reaches the target exactly when it is at
    # least the rate the target needs (both read with the season taken out, or neither)
    reaches = a.carried_value >= a.target_value
    assert (a.historical_rate >= a.required_rate) is reaches
