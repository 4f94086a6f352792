"""A share of a whole (CSAT, the bounce rate, share of voice) cannot pass 100 %, and no
number shown for it does. Before, a CSAT that rose from 80 % to 97 % in a year read "The
forecast puts it at about 106 % by then (80 % range 101 % to 112 %). Chance of reaching
the target: 95 % (achievable)" for a target of 99 %, and a target of 105 % read a 58 %
chance with "consider 105 %". The growth model does not know the ceiling: a forecast
whose median runs past it is no forecast (``insufficient_data``, with the reason), a
target past it is no target, and a range that only reaches past it is censored there."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

TODAY = dt.date(2026, 1, 31)
JUDGED = {gr.Verdict.ACHIEVABLE, gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC}


def monthly(values: list[float]) -> list[tuple[dt.date, float]]:
    first = add_months(TODAY, 1 - len(values))
    return [(month_end(add_months(first, i)), v) for i, v in enumerate(values)]


def goal(metric: str, target: str, start: object = TODAY) -> gr.Goal:
    return gr.Goal("g", metric=metric, target=target, start=start, deadline="2026-12-31")  # type: ignore[arg-type]


RISING_CSAT = monthly([80, 82, 84, 86, 88, 90, 91, 92, 93, 94, 95, 96, 97])


def test_a_forecast_past_100_percent_gives_no_chance() -> None:
    a = gr.assess_achievability(goal("csat", "99 %"), RISING_CSAT, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert a.probability is None and a.forecast is None and a.suggested_target is None
    assert "runs past 100 % by the deadline" in a.explanation
    assert "customer satisfaction (csat) cannot pass it" in a.explanation
    assert a.target_value == 99.0  # the goal's progress is still read from it
    assert a.remedy.startswith("Judge the target by hand")  # (not "give more history")


def test_a_target_past_100_percent_is_no_target() -> None:
    a = gr.assess_achievability(goal("csat", "105 %"), RISING_CSAT, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "The target, 105 %, is past 100 %" in a.explanation
    assert a.remedy == "Set a target of at most 100 %."


def test_a_change_from_a_later_start_that_runs_past_100_percent() -> None:
    a = gr.assess_achievability(goal("csat", "+5 %", start="2026-06-30"), RISING_CSAT,
                                today=TODAY)  # fmt: skip
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "runs past 100 %" in a.explanation


def test_a_range_that_reaches_past_100_percent_is_censored_there() -> None:
    history = monthly([88, 93, 86, 91, 95, 87, 90, 94, 89, 92, 96, 90, 93])
    a = gr.assess_achievability(goal("csat", "95 %"), history, today=TODAY)
    assert a.verdict in JUDGED and a.forecast is not None
    assert a.forecast["high"] == 100.0 and a.forecast["low"] < a.forecast["median"] < 100
    assert "80 % range 85.79 % to 100 %" in a.explanation
    band = a.band(11)
    assert band is not None and max(band) <= 100.0


def test_a_rate_that_may_pass_100_percent_is_judged_as_before() -> None:
    """Engagements by reach can outnumber the people reached: no ceiling."""
    history = monthly([40, 50, 60, 70, 75, 80, 85, 88, 90, 92, 94, 95, 96])
    a = gr.assess_achievability(goal("engagement_rate_by_reach", "99 %"), history, today=TODAY)
    assert a.verdict in JUDGED and a.forecast is not None and a.forecast["median"] > 100


_PERCENTS = re.compile(r"(\d[\d,]*(?:\.\d+)?) %")


@settings(max_examples=60, deadline=None)
@given(
    metric=st.sampled_from(["csat", "bounce_rate", "share_of_voice", "share_of_traffic"]),
    start=st.floats(5, 95),
    steps=st.lists(st.floats(-0.15, 0.15), min_size=5, max_size=18),
    target=st.floats(1, 100),
)
def test_no_number_shown_for_a_share_passes_100_percent(
    metric: str, start: float, steps: list[float], target: float
) -> None:
    values = [start]
    for step in steps:
        values.append(min(99.9, max(0.1, values[-1] * (1 + step))))
    a = gr.assess_achievability(goal(metric, f"{target:.1f} %"), monthly(values), today=TODAY)
    shown = [a.projected_value, a.suggested_value, a.carried_value]
    if a.forecast is not None:
        shown += [a.forecast["low"], a.forecast["median"], a.forecast["high"]]
    assert all(v is None or v <= 100.0 for v in shown)
    said = [float(x.replace(",", "")) for x in _PERCENTS.findall(a.explanation)]
    rates = a.explanation.count("a month")  # (monthly growth rates may pass 100 %)
    assert rates or all(x <= 100.0 for x in said)
    if a.verdict in JUDGED:
        assert a.probability is not None
