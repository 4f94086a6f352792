"""A relative target ("+25 %", "x2", "+500 followers") whose goal starts after the
history ends.

The target is counted from the value on the start day, which nobody has seen yet: it is
a forecast, not the latest value. The goal is met when the value at the deadline is the
target's factor times the value at the start (a multiple or a percentage, read on the
growth model's logs) or the value at the start plus the target's amount (a change in
the metric's unit, read on the same logs as the factor it makes of the start's forecast
median; on the model of the values themselves when the history has values at or below
zero), so everything shown is
read from one distribution, that of the change between the two days
(:func:`goalrules.judgments.growth_between.growth_between`): the chance is its tail
beyond the target, the change the forecast expects is its median (so the chance is at
least one half exactly when the median reaches the target), the change suggested is the
one reached with the verdict's chance, and the deadline suggested the first month at
which the target's chance is that. The value at the start is shown as the forecast it
is (median and central 80 % range), never as the baseline.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import Any

import attrs

from goalrules.judgments.achievability_model import (
    FARTHEST,
    _model,
    _view,
    first_likely,
    history_rates,
    open_chance,
    predictive_at,
    quantile_of,
)
from goalrules.judgments.achievability_text import (
    _month_name,
    chance_percent,
    format_value,
    history_rate,
    is_count,
    months_after,
    nice_beyond,
    number_text,
    too_little_history,
    why_doubted,
)
from goalrules.judgments.forecast import Predictive
from goalrules.judgments.growth import GrowthPrior
from goalrules.judgments.growth_between import growth_between
from goalrules.model import Point
from goalrules.numbers import format_decimal, format_percent

__all__ = ["FromStart", "advice_from_start", "explain_from_start", "judge_from_start"]

Date = _dt.date


@attrs.frozen
class FromStart:
    """What a relative target counted from a start after the history ends is judged on:
    the start day, the target's change from the value then (a growth factor, 1.25 for
    "+25 %", when ``factor``; else an amount in the metric's unit, 500 for "+500
    followers"), the months from the start to the deadline and from the last observation
    to the start, the value at the start (forecast: median, low, high of the central
    80 %), the change between the start and the deadline (forecast likewise), the change
    suggested (``None``: no gain is likely) and the one the recent rate, carried forward,
    gives."""

    start: Date
    target: float
    months: float
    ahead: float
    value: tuple[float, float, float]
    growth: tuple[float, float, float]
    suggested: float | None = None
    carried: float | None = None
    flow: bool = False
    factor: bool = True
    unit: str = "dimensionless"
    # False: too little history to judge; the forecasts above are not shown
    judged: bool = True

    def change(self, x: float) -> str:
        """A change as the words write it: "+25 %" for a factor of 1.25, "+500
        followers" for an amount."""
        if self.factor:
            return format_percent(x - 1, signed=True)
        text = format_value(x, self.unit)
        return text if text.startswith(("-", "\u200e-", "−")) else f"+{text}"

    def grows(self) -> bool:
        """Whether the target is a rise (else a fall)."""
        return self.target >= 1 if self.factor else self.target >= 0

    @property
    def when(self) -> str:
        """The start as the words name it: a day, or a flow's month."""
        return _month_name(self.start) if self.flow else self.start.isoformat()


def judge_from_start(
    points: Sequence[Point],
    window: int | None,
    start_h: float,
    end_h: float,
    target: float,
    higher: bool,
    prior: GrowthPrior,
    *,
    factor: bool,
    flow: bool,
    start: Date,
    last_date: Date,
    unit: str,
    threshold: float = 0.5,
) -> dict[str, Any] | None:
    """The fields of a judgment of the value ``start_h`` months after the last point
    times ``target`` (``factor``; else plus ``target``), reached (or, lower being
    better, kept under) ``end_h`` months after it; ``None`` for a factor when the
    history has values at or below zero (no growth factor can be read from it) or the
    factor is not above zero."""
    view = _view(points, prior.months, window)
    if factor and (not view.positive or target <= 0):
        return None
    # a change in the unit on a history above zero is read on the growth model's logs, as
    # a factor of the start's forecast median (on the model of the values themselves, the
    # trend of 100 followers a month faded to +311 over four months: +400 read 11 %
    # beside 64 % for the level it makes); a history at or below zero keeps that model
    logs, base = factor or view.positive, None
    model = _model(view, prior, logs, flow)
    at_start = predictive_at(model, start_h, logs)
    value = tuple(at_start.value(quantile_of(at_start, q, 1e-7)) for q in (0.5, 0.1, 0.9))
    if logs and not factor:
        base = value[0]
        if base <= 0 or 1.0 + target / base <= 0:  # (a fall past the start's value)
            logs, base = False, None
            model = _model(view, prior, False, flow)
            at_start = predictive_at(model, start_h, False)
            value = tuple(at_start.value(quantile_of(at_start, q, 1e-7)) for q in (0.5, 0.1, 0.9))
    months = end_h - start_h
    pred = growth_between(model, start_h, end_h, logs=logs)
    # the target on the model's scale: a factor's log, an amount's (on the logs: the
    # factor it makes of the start's median)
    amount = target if base is None else math.log1p(target / base)
    goal_y = math.log(target) if factor else amount
    p = open_chance(pred.sf(goal_y) if higher else pred.cdf(goal_y))
    median = quantile_of(pred, 0.5)
    if (median >= goal_y if higher else median <= goal_y) != (p >= 0.5):  # the numbers' edge
        median = goal_y + (1e-9 if (p >= 0.5) == higher else -1e-9) * max(1.0, abs(goal_y))
    low, high = (quantile_of(pred, q, 1e-7) for q in (0.1, 0.9))

    def shown(y: float) -> float:  # a change as the target is written
        return pred.value(y) if base is None else base * math.expm1(min(y, 700.0))

    suggest = shown(
        median if threshold == 0.5 else quantile_of(pred, 1 - threshold if higher else threshold)
    )
    none = 1.0 if factor else 0.0  # no change
    gain = nice_beyond(suggest - none, 0.0, down=higher, whole=not factor and is_count(unit))
    suggested = None if gain is None else gain + none
    linear = (view.last_value - view.first_shown) / view.span_w
    season = model.seasonal_shift(end_h) - model.seasonal_shift(start_h) if factor else 0.0
    per_month, rates = history_rates(view, model) if factor else (0.0, {})
    out: dict[str, Any] = {
        **rates,
        "method": "compound" if logs else "linear",
        "required_rate": math.expm1(min(goal_y / months, 700.0)) if factor and months > 0 else None,
        "required_linear": None if factor or months <= 0 else target / months,
        "historical_linear": linear,
        "probability": p,
        "drift": model.drift,
        "volatility": model.volatility,
        "changes": model.changes,
        "model": (model, logs),
        "predictive": pred,
        "from_start": FromStart(
            start=start,
            target=target,
            months=months,
            ahead=start_h,
            value=(value[0], min(value[1], value[0]), max(value[2], value[0])),
            growth=(shown(median), shown(min(low, median)), shown(max(high, median))),
            suggested=suggested,
            carried=(
                math.exp(min(per_month * months + season, 700.0)) if factor else linear * months
            ),
            flow=flow,
            factor=factor,
            unit=unit,
        ),
    }

    def likely(h: int) -> bool:  # the target's chance at `h` months after the last point
        drawn = growth_between(model, start_h, h, logs=logs)
        return (drawn.sf(goal_y) if higher else drawn.cdf(goal_y)) >= threshold

    lo = max(math.floor(end_h), math.ceil(start_h))
    if p < threshold and lo < FARTHEST and model.season is not None:
        # a season: the chance rises and falls with the months, each read in turn
        found = next((h for h in range(lo + 1, FARTHEST + 1) if likely(h)), None)
        if found is not None:
            out["suggested_deadline"] = months_after(last_date, found)
    elif p < threshold and lo < FARTHEST and likely(FARTHEST):
        out["suggested_deadline"] = months_after(last_date, first_likely(likely, lo, FARTHEST))
    return out


def explain_from_start(a: Any, metric: str, deadline: Date) -> str:
    """The judgment in words: the start's value as the forecast it is, the change the
    target needs from it, the change the forecast expects, and the chance."""
    fs: FromStart = a.from_start
    unit, period = a.unit, (" a month" if a.flow else "")
    cur = format_value(a.current_value, unit)
    parts = [
        f"{metric.capitalize()}: {cur} in {_month_name(a.last_date)}."
        if a.flow
        else f"{metric.capitalize()}: {cur} on {a.last_date.isoformat()}."
    ]
    value = fs.value
    forecast = (
        f" (the forecast puts it at about {format_value(value[0], unit)}{period}, 80 % "
        f"range {number_text(value[1], unit)} to {format_value(value[2], unit)}{period})"
        if fs.judged
        else ""
    )
    parts.append(
        f"The goal starts on {fs.start.isoformat()}, after the history ends: its target, "
        f"{fs.change(fs.target)}, is counted from the value "
        f"{'in ' + fs.when if fs.flow else 'on that day'}, which is not known yet{forecast}."
    )
    if not fs.judged or a.verdict.value == "insufficient_data":
        parts.append(too_little_history(a))
        return " ".join(parts)
    parts.append(history_rate(a))
    if a.required_rate is not None:
        verb = "growth" if a.required_rate >= 0 else "a fall"
        needs = f"{verb} of {format_percent(abs(a.required_rate))} a month"
    elif a.required_linear is not None:
        needs = f"{format_value(a.required_linear, unit)}{period} a month"
    else:
        needs = "that change"
    span = f"from {fs.start.isoformat()} to {deadline.isoformat()}"
    parts.append(
        f"A change of {fs.change(fs.target)} {span} ({format_decimal(fs.months, 1)} months) "
        f"needs {needs}."
    )
    growth = fs.growth
    parts.append(
        f"The forecast puts the change over that time at about {fs.change(growth[0])} "
        f"(80 % range {fs.change(growth[1])} to {fs.change(growth[2])})."
    )
    higher = a.direction.value != "lower"
    if fs.carried is not None and a.probability is not None:
        reaches = fs.carried >= fs.target if higher else fs.carried <= fs.target
        if reaches and a.probability < 0.5:
            parts.append(
                f"At the recent rate it would change by about {fs.change(fs.carried)}, "
                f"but {why_doubted(a)}."
            )
    if a.probability is not None:
        parts.append(
            f"Chance of reaching the target ({fs.change(fs.target)} from "
            f"{fs.start.isoformat()}): "
            f"{chance_percent(a.probability, a.chance_edges)} ({a.verdict.value})."
        )
    if a.verdict.value in ("stretch", "unrealistic") and not a.deadline_unseen:
        parts.append(advice_from_start(a))
    return " ".join(part for part in parts if part)


def advice_from_start(a: Any) -> str:
    """What the history supports instead: a change it supports from the start, and the
    deadline that makes the target itself as likely as the verdict calls achievable."""
    fs: FromStart | None = a.from_start
    if fs is None:
        return ""
    about = (
        f"Your history supports about {fs.change(fs.growth[0])} from {fs.start.isoformat()} "
        "to the deadline"
    )
    if fs.suggested is not None:
        said = f"{about}; consider {fs.change(fs.suggested)}"
        keep = ", or keep the target and move"
    else:
        gain = "rise" if a.direction.value != "lower" else "fall"
        said = f"{about}, and no {gain} is likely by this deadline"
        keep = "; keep the target and move"
    if a.suggested_deadline is not None:
        return f"{said}{keep} the deadline to {a.suggested_deadline.isoformat()}."
    if a.last_date is None or (a.months_left or 0.0) >= FARTHEST:
        return f"{said}."
    farthest = months_after(a.last_date, FARTHEST).isoformat()
    return f"{said}; the target itself is not likely even by {farthest}."


def forecast_from_start(a: Any) -> dict[str, Any] | None:
    """The forecast of the change from the start to the deadline: in per cent for a
    factor, else in the metric's unit."""
    fs: FromStart | None = a.from_start
    pred: Predictive | None = a.predictive
    if fs is None or pred is None:
        return None
    median, low, high = ((g - 1) * 100 if fs.factor else g for g in fs.growth)
    return {
        "unit": "percent" if fs.factor else a.forecast_unit,
        "target": (fs.target - 1) * 100 if fs.factor else fs.target,
        "median": median,
        "low": low,
        "high": high,
        "level": 0.8,
        "change_from": fs.start.isoformat(),
    }
