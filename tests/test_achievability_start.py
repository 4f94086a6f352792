"""A relative target ("+25 %", "x2", "+500 followers") whose goal starts after the
history ends is counted from the value on the start day, which is a forecast: the chance
is that of the change from the start to the deadline, and the words, the numbers and
the JSON say so."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months
from goalrules.judgments.growth import GrowthPrior, fit
from goalrules.judgments.growth_between import growth_between
from goalrules.judgments.stats import student_t_cdf

D = dt.date
TODAY = D(2026, 5, 2)
# a follower count growing 3 % a month, May 2025 to April 2026 (the last count 1,384)
GROWING = [(add_months(D(2025, 5, 1), i), 1000 * 1.03**i) for i in range(12)]


def goal(target: str = "+25%", start: str = "2026-09-01", **kw: str) -> gr.Goal:
    fields = {"metric": "followers", "target": target, "start": start, "deadline": "2026-12-31"}
    fields.update(kw)
    return gr.Goal("g", **fields)  # type: ignore[arg-type]


def test_a_growth_from_a_later_start_is_not_counted_from_the_latest_value() -> None:
    """ "+25 % from September to December": the old judgment counted the target from the
    latest count (1,384, so 1,730 followers: "needs growth of 2.5 % a month", chance
    33 %, stretch); the growth the target asks for is 25 % in the four months from the
    start, 5.7 % a month, where the history grew 3 %."""
    a = gr.assess_achievability(goal(), GROWING, today=TODAY)
    assert a.target_value is None and a.baseline_value is None
    assert a.required_rate == pytest.approx(1.25 ** (1 / 4) - 1, rel=0.01)
    assert a.probability is not None and a.probability < 0.01
    assert a.verdict is gr.Verdict.UNREALISTIC
    text = a.explanation
    assert "1,384 followers on 2026-04-01" in text
    assert "its target, +25 %, is counted from the value on that day, which is not known" in text
    assert "needs growth of 5.8 % a month" in text
    assert "1,730" not in text
    data = a.to_dict()
    assert data["target"] == "+25 % from 2026-09-01"
    assert data["forecast"]["target"] == pytest.approx(25)
    assert data["forecast"]["change_from"] == "2026-09-01"
    start = data["start_value"]
    assert start["date"] == "2026-09-01" and start["low"] < start["median"] < start["high"]
    # the value expected at the start is the history's own forecast for that day
    assert start["median"] == pytest.approx(a.band(a.from_start.ahead)[1])  # type: ignore[index,union-attr]


def test_the_chance_numbers_and_words_agree() -> None:
    for target in ("+5%", "+8%", "+10%", "+25%", "x2"):
        a = gr.assess_achievability(goal(target), GROWING, today=TODAY)
        f = a.forecast
        assert f is not None and a.probability is not None
        assert (a.probability >= 0.5) == (f["median"] >= f["target"]), target
        assert f["low"] <= f["median"] <= f["high"]
        assert f"about {a.from_start.change(a.from_start.growth[0])}" in a.explanation  # type: ignore[union-attr]


def test_a_lower_is_better_target_from_a_later_start_falls_from_the_value_then() -> None:
    # cost per lead falling 2 % a month; "-20 %" from September by December
    history = [(add_months(D(2025, 5, 1), i), 40 * 0.98**i) for i in range(12)]
    g = gr.Goal("c", metric="cost_per_lead", target="-20%", start="2026-09-01",
                deadline="2026-12-31")  # fmt: skip
    a = gr.assess_achievability(g, history, today=TODAY)
    assert a.from_start is not None and a.from_start.target == pytest.approx(0.8)
    assert a.required_rate == pytest.approx(0.8 ** (1 / 4) - 1, rel=0.01)
    assert a.probability is not None and a.probability < 0.1
    easier = gr.assess_achievability(g.evolve(target="-5%"), history, today=TODAY)
    assert easier.probability is not None and easier.probability > a.probability
    f = a.forecast
    assert f is not None and (a.probability >= 0.5) == (f["median"] <= f["target"])


def test_a_change_in_the_unit_from_a_later_start_is_judged_on_the_values() -> None:
    a = gr.assess_achievability(goal("+300 followers"), GROWING, today=TODAY)
    assert a.from_start is not None and not a.from_start.factor
    assert a.target_value is None
    assert a.to_dict()["target"] == "+300 followers from 2026-09-01"
    assert a.required_linear == pytest.approx(300 / a.from_start.months)
    # read on the values because the target is a change in followers, not for want of logs
    assert "rule out growth rates" not in a.explanation
    assert f"grew by {a.historical_linear:,.0f} followers a month" in a.explanation
    f = a.forecast
    assert f is not None and f["unit"] == "follower"
    assert (a.probability >= 0.5) == (f["median"] >= 300)  # type: ignore[operator]


@settings(max_examples=30, deadline=None)
@given(
    rate=st.floats(-0.02, 0.06),
    noise=st.floats(0.0, 0.05),
    seed=st.integers(0, 1000),
    start_month=st.integers(7, 11),
    low=st.integers(1, 60),
    more=st.integers(1, 60),
)
def test_raising_a_relative_target_never_raises_its_chance(
    rate: float, noise: float, seed: int, start_month: int, low: int, more: int
) -> None:
    import random

    rng = random.Random(seed)
    values = [1000.0]
    for _ in range(11):
        values.append(values[-1] * math.exp(rate + rng.gauss(0, noise)))
    history = [(add_months(D(2025, 5, 1), i), v) for i, v in enumerate(values)]
    start = D(2026, start_month, 1).isoformat()
    lower = gr.assess_achievability(goal(f"+{low}%", start), history, today=TODAY)
    higher = gr.assess_achievability(goal(f"+{low + more}%", start), history, today=TODAY)
    assert lower.probability is not None and higher.probability is not None
    assert higher.probability <= lower.probability + 1e-12


def test_the_same_goal_in_minutes_or_hours_has_the_same_chance() -> None:
    hours = [(add_months(D(2025, 5, 1), i), 6.0 * 0.97**i * (1 + 0.05 * (-1) ** i))
             for i in range(12)]  # fmt: skip
    g = gr.Goal("r", metric="first_response_time", target="-30%", start="2026-08-01",
                deadline="2026-12-31")  # fmt: skip
    a = gr.assess_achievability(g, gr.MetricSeries("first_response_time", hours, unit="hour"),
                                today=TODAY)  # fmt: skip
    minutes = [(d, v * 60) for d, v in hours]
    b = gr.assess_achievability(
        g, gr.MetricSeries("first_response_time", minutes, unit="minute"), today=TODAY
    )
    assert a.from_start is not None and b.from_start is not None
    assert b.probability == pytest.approx(a.probability, rel=1e-9, abs=1e-12)
    assert b.verdict is a.verdict
    assert b.from_start.value[0] == pytest.approx(60 * a.from_start.value[0], rel=1e-9)


def test_a_relative_target_on_a_history_with_a_zero_is_not_judged_before_its_start() -> None:
    history = [(add_months(D(2025, 5, 1), i), float(v)) for i, v in
               enumerate([0, 5, 9, 14, 20, 26, 31, 37, 44, 50, 55, 61])]  # fmt: skip
    a = gr.assess_achievability(goal("x2"), history, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "cannot be judged before the start" in a.explanation


def test_the_change_between_two_horizons_of_a_flat_prior_walk_is_the_student_t() -> None:
    """On the plain random walk with drift (flat prior, no smoothing or damping) the log
    change from ``a`` to ``b`` months ahead is ``m (b - a) + T_{k-1} sqrt(s^2 (b - a) +
    (b - a)^2 s^2 / k)``: the value at the start is as uncertain as the model says, and
    only the months between count."""
    y = [math.log(v) for _, v in GROWING]
    y = [v + 0.01 * (-1) ** i for i, v in enumerate(y)]
    months = list(range(len(y)))
    prior = GrowthPrior(tau=math.inf, damping=1.0, wander=0.0, seasonal=False,
                        smoothing=False, steady=math.inf, months=None)  # fmt: skip
    model = fit(y, months, prior)
    changes = [b - a for a, b in itertools.pairwise(y)]
    k = len(changes)
    m = sum(changes) / k
    s2 = sum((c - m) ** 2 for c in changes) / (k - 1)
    for a, b in ((0.0, 4.0), (2.5, 6.0), (5.0, 9.0)):
        pred = growth_between(model, a, b)
        g = b - a
        scale = math.sqrt(s2 * g + g * g * s2 / k)
        for x in (0.0, 0.1, 0.2):
            expected = 1 - student_t_cdf((x - m * g) / scale, k - 1)
            assert pred.sf(x) == pytest.approx(expected, abs=1e-9)


def test_the_change_from_now_is_the_models_own_forecast() -> None:
    y = [math.log(v) * (1 + 0.002 * (i % 3)) for i, (_, v) in enumerate(GROWING * 2)]
    months = list(range(len(y)))
    for flow in (False, True):
        model = fit(y, months, GrowthPrior(), flow=flow)
        shift = model.level + model.seasonal_shift(0)
        for h in (1.0, 3.5, 9.0):
            own = model.predictive(h)
            between = growth_between(model, 0.0, h)
            for c, d in zip(own.components, between.components, strict=True):
                assert d.loc == pytest.approx(c.loc - shift, abs=1e-12)
                assert d.scale == pytest.approx(c.scale, rel=1e-12)


@pytest.mark.parametrize("values", [[5000.0], [5000.0, 5100.0]])
def test_too_little_history_shows_the_target_and_no_forecast(values: list[float]) -> None:
    """With one or two months of history a goal starting after it is not judged: its
    target is said as the change from the start it is, and no forecast of the start,
    no projection and no suggestion are shown (two months showed "projected": "+0 %"
    and a forecast of the value at the start; one month gave no words at all)."""
    history = [(add_months(D(2025, 12, 1), i - len(values) + 1), v) for i, v in enumerate(values)]
    a = gr.assess_achievability(goal("+5%", "2026-03-01"), history, today=D(2026, 1, 5))
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    data = a.to_dict()
    assert data["target"] == "+5 % from 2026-03-01"
    assert data["projected"] is None and data["suggested_target"] is None
    assert data["forecast"] is None and "start_value" not in data
    assert "counted from the value on that day, which is not known yet." in a.explanation
    assert "forecast" not in a.explanation and "too little history to judge" in a.explanation


def test_a_flows_start_and_deadline_in_one_month_say_why_they_are_not_judged() -> None:
    history = [(add_months(D(2025, 9, 1), i), v) for i, v in enumerate([3000.0, 3100, 3200, 3300])]
    g = gr.Goal("v", metric="visits", target="+10%", start="2026-03-05", deadline="2026-03-25")
    a = gr.assess_achievability(g, history, today=D(2026, 1, 5))
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert "fall in one month of a monthly total" in a.explanation
    assert "values at or below zero" not in a.explanation


def _baseline_finding(report: gr.SmartReport) -> gr.Finding:
    return next(
        f
        for c in report.criteria.values()
        for f in c.findings
        if f.definition.id == "measurable.baseline-for-relative-target"
    )


@pytest.mark.parametrize("target", ["+25%", "x2", "+500 followers"])
@pytest.mark.parametrize("start", ["2026-02-01", "2026-09-01"])
def test_a_relative_target_with_a_history_has_a_baseline(target: str, start: str) -> None:
    """A history gives a relative target its baseline: the value at the start when the
    history covers it, the forecast of the start day's value when the goal starts after
    the history ends. The rubric said "no baseline says where it starts ... give a
    history" for a later start (any target) and for "+500 followers" (any start)."""
    report = gr.score_smart(goal(target, start=start), history=GROWING, today=TODAY)
    assert _baseline_finding(report).outcome is gr.Outcome.PASS
    # without a history (or a baseline) it is still a miss
    alone = gr.score_smart(goal(target, start=start), today=TODAY)
    assert _baseline_finding(alone).outcome is gr.Outcome.FAIL


def test_months_left_counts_the_months_the_target_is_asked_over() -> None:
    """JSON months_left is the span required_rate is spread over: from the start for a
    later start (it was 9.0, from the last observation, where the rate is counted over
    4.0), and 0 once the history reaches the deadline (it was -2.0)."""
    a = gr.assess_achievability(goal(), GROWING, today=TODAY)
    data = a.to_dict()
    months = data["months_left"]
    assert months == pytest.approx(3.97, abs=0.01)
    assert (1 + data["required_rate"]) ** months == pytest.approx(1.25, rel=1e-3)
    for target, verdict in (("2000 followers", gr.Verdict.EXPIRED), ("1100", gr.Verdict.ACHIEVED)):
        old = gr.Goal("g", metric="followers", target=target, start="2025-05-01",
                      deadline="2026-02-01")  # fmt: skip
        a = gr.assess_achievability(old, GROWING, today=TODAY)
        assert a.verdict is verdict and a.to_dict()["months_left"] == 0


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=-14, max_value=14), st.sampled_from(["x2", "+10%", "2000"]))
def test_months_left_is_never_negative(shift: int, target: str) -> None:
    deadline = add_months(D(2026, 3, 31), shift)
    start = add_months(D(2025, 5, 1), 0 if shift < 0 else shift // 2)
    g = gr.Goal("g", metric="followers", target=target, start=start, deadline=deadline)
    months = gr.assess_achievability(g, GROWING, today=TODAY).to_dict()["months_left"]
    assert months is None or months >= 0
