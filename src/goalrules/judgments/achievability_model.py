"""The model side of an achievability judgment: fit the growth model on a history, form
its predictive mixture at the deadline and read every number from it (the chance, the
median, the first month the median reaches the target), by closed form or by a seeded
bootstrap of the history's own changes. See :mod:`goalrules.judgments.achievability`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
import math
import operator
import random
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from goalrules.judgments.forecast import Predictive, Sampled
from goalrules.judgments.growth import GrowthFit, GrowthPrior
from goalrules.judgments.growth import fit as growth_fit
from goalrules.model import Point

__all__ = [
    "FARTHEST",
    "fit_and_judge",
    "grow",
    "history_rates",
    "month_index",
    "predictive_at",
    "quantile_of",
    "recent_points",
]

#: no deadline is suggested further out than this (months after the last observation):
#: a forecast years ahead is too uncertain to plan on
FARTHEST = 36


# -- memos: a book of goals shares a few histories -----------------------------------------
# Every goal on one history fits the same model, and goals with one deadline read the same
# predictive mixture and the same quantiles. The fit, the mixtures and their quantiles
# are pure functions of frozen, hashable values, so they are kept (bounded, least
# recently used first out): a check of 100,000 goals on a few hundred histories fits each
# history once, and each goal pays only for its own target.


@functools.lru_cache(maxsize=1024)
def _fitted(
    y: tuple[float, ...], idx: tuple[int, ...], prior: GrowthPrior, scale: float, flow: bool
) -> GrowthFit:
    return growth_fit(list(y), list(idx), prior, scale=scale, flow=flow)


@functools.lru_cache(maxsize=8192)
def predictive_at(model: GrowthFit, horizon: float, logs: bool) -> Predictive:
    """``model.predictive(horizon, logs=logs)``, kept: the mixture is immutable."""
    return model.predictive(horizon, logs=logs)


def quantile_of(pred: Predictive | Sampled, p: float, tol: float = 1e-10) -> float:
    """``pred.quantile(p, tol=tol)``, kept for the mixtures of :func:`predictive_at` (a
    bootstrap's draws are read directly: they are many, and asked once)."""
    if isinstance(pred, Predictive):
        kept = _QUANTILES.get(id(pred))  # by identity first: a mixture's hash is not cheap
        if kept is None or kept[0] is not pred:
            if len(_QUANTILES) >= 4096:
                _QUANTILES.clear()
            kept = _QUANTILES[id(pred)] = (pred, {})
        found = kept[1].get((p, tol))
        if found is None:
            found = kept[1][p, tol] = _mixture_quantile(pred, p, tol)
        return found
    return pred.quantile(p, tol=tol)


_QUANTILES: dict[int, tuple[Predictive, dict[tuple[float, float], float]]] = {}


@functools.lru_cache(maxsize=16384)
def _mixture_quantile(pred: Predictive, p: float, tol: float) -> float:
    return pred.quantile(p, tol=tol)


# Each goal reads the mixtures of its history's model at its deadline and, for a suggested
# deadline, at a few more horizons: the model is one object for every goal of a history,
# so what is read of it is kept by the model's identity (the model kept alongside, so that
# the identity stays its own), sparing the hash of the model and its mixtures a reading.


def _readings(model: GrowthFit) -> dict[Any, Any]:
    """What has been read of ``model`` (its mixtures and their medians by horizon)."""
    kept = _READ.get(id(model))
    if kept is None or kept[0] is not model:
        if len(_READ) >= 2048:
            _READ.clear()
        kept = _READ[id(model)] = (model, {})
    return kept[1]


_READ: dict[int, tuple[GrowthFit, dict[Any, Any]]] = {}


def _predictive(model: GrowthFit, horizon: float, logs: bool) -> Predictive:
    """:func:`predictive_at`, read once per model and horizon."""
    read = _readings(model)
    key = (horizon, logs)
    pred: Predictive | None = read.get(key)
    if pred is None:
        pred = read[key] = predictive_at(model, horizon, logs)
    return pred


def _median(model: GrowthFit, horizon: float, logs: bool) -> float:
    """The median of the model's mixture ``horizon`` months ahead, read once."""
    read = _readings(model)
    key = ("median", horizon, logs)
    median: float | None = read.get(key)
    if median is None:
        median = read[key] = quantile_of(_predictive(model, horizon, logs), 0.5)
    return median


def month_index(d: _dt.date) -> int:
    return d.year * 12 + d.month - 1


class _View(NamedTuple):
    """What :func:`fit_and_judge` reads of a history, whatever the goal: the recent
    points, their values and month indices, and the historical rate's figures."""

    recent: Sequence[Point]
    values: tuple[float, ...]
    idx: tuple[int, ...]
    span_w: int
    first_shown: float
    last_value: float
    positive: bool  # every recent value above zero
    logs: tuple[float, ...]  # their logs (empty unless positive)
    per_month: float  # the recent log rate (0 unless positive)
    recent_rates: tuple[float, float] | None
    longer_rate: tuple[int, float] | None
    size: float  # the mean absolute value
    models: dict[Any, tuple[GrowthPrior, GrowthFit]]  # fitted, by prior, scale and flow


def _view(points: Sequence[Point], months: int | None, window: int | None) -> _View:
    """:class:`_View` of ``points``, kept by the identity of a tuple of points (the
    judgment's kept months of a history, the same tuple for each goal on it)."""
    key = (id(points), months, window)
    kept = _VIEWS.get(key) if type(points) is tuple else None
    if kept is not None and kept[0] is points:
        return kept[1]
    recent = recent_points(points, months)
    shown = recent_points(recent, window)  # the historical rate is read over `window` months
    values = tuple([p.value for p in recent])
    idx = tuple([p.date.year * 12 + p.date.month - 1 for p in recent])
    span_w = month_index(shown[-1].date) - month_index(shown[0].date)
    first_shown, last_value = shown[0].value, shown[-1].value
    positive = min(values) > 0
    logs: tuple[float, ...] = ()
    per_month = 0.0
    longer_rate: tuple[int, float] | None = None
    if positive:
        logs = tuple(map(math.log, values))
        per_month = (math.log(last_value) - math.log(first_shown)) / span_w
        longer = month_index(recent[-1].date) - month_index(recent[0].date)
        if longer >= 12 and longer > span_w:
            rate = (math.log(last_value) - math.log(recent[0].value)) / longer
            longer_rate = (longer, math.expm1(rate))
    view = _View(
        recent, values, idx, span_w, first_shown, last_value, positive, logs, per_month,
        _recent_rates(recent) if positive else None, longer_rate,
        sum(map(abs, values)) / len(values), {},
    )  # fmt: skip
    if type(points) is tuple:
        if len(_VIEWS) >= 1024:
            _VIEWS.clear()
        _VIEWS[key] = (points, view)
    return view


_VIEWS: dict[tuple[int, int | None, int | None], tuple[Sequence[Point], _View]] = {}


def _model(view: _View, prior: GrowthPrior, logs: bool, flow: bool) -> GrowthFit:
    """The growth model of the view's history (its logs, or its values at their mean
    size), fitted once per prior."""
    scale = 1.0 if logs else (view.size if view.size > 0 else 1.0)
    key = (id(prior), logs, scale, flow)
    kept = view.models.get(key)
    if kept is not None and kept[0] is prior:
        return kept[1]
    y = view.logs if logs else view.values
    model = _fitted(y, view.idx, prior, scale, flow)
    view.models[key] = (prior, model)
    return model


def history_rates(view: _View, model: GrowthFit) -> tuple[float, dict[str, Any]]:
    """The history's recent log rate a month and the fields that show it: the
    historical rate over the window, the last 3 months' against the 3 before, the
    longer history's, and whether the season was taken out (the model's calendar-month
    indices on the logs: a December dip is no decline). Positive histories only."""
    per_month = view.per_month
    out: dict[str, Any] = {"recent_rates": view.recent_rates}
    if view.longer_rate is not None:
        out["longer_rate"] = view.longer_rate
    season = model.season
    if season is not None:
        last_i = view.idx[-1]
        per_month += (season[(last_i - view.span_w) % 12] - season[last_i % 12]) / view.span_w
        out["recent_rates"] = _recent_rates(view.recent, season)
        out["seasonal"] = True
        if view.longer_rate is not None:
            longer = view.longer_rate[0]
            shift = (season[(last_i - longer) % 12] - season[last_i % 12]) / longer
            out["longer_rate"] = (longer, math.expm1(math.log1p(view.longer_rate[1]) + shift))
    out["historical_rate"] = math.expm1(min(per_month, 700.0))
    return per_month, out


def fit_and_judge(
    points: Sequence[Point],
    window: int | None,
    current: float,
    level: float,
    horizon: float,
    higher: bool,
    method: str,
    seed: int,
    samples: int,
    prior: GrowthPrior,
    flow: bool = False,
    threshold: float = 0.5,
) -> dict[str, Any]:
    """Fit the growth model on the history (the prior's ``months``) and judge the target
    level on its predictive mixture at ``horizon``; the historical rate (and the value it
    would reach if carried forward) is read over the last ``window`` months.

    ``threshold`` is the chance the verdict calls achievable: the suggested level
    (``_suggest``) is the level reached with that chance, and the suggested horizon
    (``_months_needed``) the first month at which the target's chance is at least that,
    so that what is suggested is itself judged achievable."""
    view = _view(points, prior.months, window)
    span_w, first_shown, last_value = view.span_w, view.first_shown, view.last_value
    logs = view.positive and level > 0 and current > 0
    out: dict[str, Any] = {}
    n = horizon
    model = _model(view, prior, logs, flow)
    if logs:
        y = list(view.logs)
        goal_y = math.log(level)
        out["method"] = "compound" if method == "closed_form" else "bootstrap"
        per_month, rates = history_rates(view, model)
        out.update(rates)
        carried = per_month * n
        needs = (goal_y - math.log(current)) / n  # a month, on the logs
        if model.season is not None:  # carried forward on the adjusted level, re-seasoned;
            # the growth needed read as the historical rate is, the season taken out
            shift = model.seasonal_shift(n) - model.season[view.idx[-1] % 12]
            carried += shift
            needs -= shift / n
        out["required_rate"] = math.expm1(min(needs, 700.0))
        out["carried_value"] = grow(current, carried)
    else:
        y = list(view.values)
        goal_y = level
        out["method"] = "linear" if method == "closed_form" else "bootstrap-linear"
        out["linear_for_target"] = view.positive  # (the level asked is at or below zero)
        out["historical_rate"] = None
        out["required_rate"] = None
        out["carried_value"] = current + (last_value - first_shown) / span_w * n
    out["historical_linear"] = (last_value - first_shown) / span_w
    out["required_linear"] = (level - current) / n
    idx = list(view.idx)
    k = model.changes
    pred: Predictive | Sampled = _predictive(model, n, logs)
    if method == "bootstrap" and k >= 1 and isinstance(pred, Predictive):
        pred = _bootstrap(model, pred, y, idx, n, seed, samples, logs)
    p = pred.sf(goal_y) if higher else pred.cdf(goal_y)
    out["probability"] = p = open_chance(p)
    out["drift"], out["volatility"], out["changes"] = model.drift, model.volatility, k
    out["model"] = (model, logs)
    out["predictive"] = pred
    # the median: the projection and the level the history supports; the chance is at
    # least one half exactly when it reaches the target (kept so at the numbers' edge)
    median = _median(model, n, logs) if isinstance(pred, Predictive) else quantile_of(pred, 0.5)
    reaches = median >= goal_y if higher else median <= goal_y
    if reaches != (p >= 0.5):
        edge = 1e-9 * max(1.0, abs(goal_y))
        median = goal_y + (edge if (p >= 0.5) == higher else -edge)
    # (at the target itself, the target: exp(log(145)) is 144.99999999999997)
    out["_median"] = level if median == goal_y else pred.value(median)
    if threshold == 0.5:
        suggest = median
    else:  # the level reached with the verdict's chance, a hair to the easier side
        suggest = quantile_of(pred, 1.0 - threshold if higher else threshold)
        suggest -= (1e-9 if higher else -1e-9) * max(1.0, abs(suggest))
    out["_suggest"] = pred.value(suggest)
    chance_at = None
    if method == "bootstrap" and k >= 1:  # the suggested deadline's chance is the one
        # its own judgment reads: the same seeded draws at that horizon

        def chance_at(h: float) -> float:
            drawn = _bootstrap(model, _predictive(model, h, logs), y, idx, h, seed, samples, logs)
            return drawn.sf(goal_y) if higher else drawn.cdf(goal_y)

    needed = _months_needed(model, goal_y, higher, logs, n, p >= threshold, threshold, chance_at)
    if needed is not None:
        out["_months_needed"] = needed
    return out


def _months_needed(
    model: GrowthFit,
    goal_y: float,
    higher: bool,
    logs: bool,
    horizon: float,
    likely_now: bool,
    threshold: float = 0.5,
    chance_at: Callable[[float], float] | None = None,
) -> int | None:
    """The first whole month after the last point at which the chance of reaching
    ``goal_y`` is at least ``threshold`` (at one half: the forecast's median reaches it),
    by bisection between the deadline and :data:`FARTHEST` months (before the deadline
    when the chance is that already there); ``None`` when not within them.
    ``chance_at`` reads the chance at a horizon (a bootstrap's) instead of the mixture.

    Each month asked reads the mixture's chance at the target, as the goal's own
    judgment at that deadline would (one distribution function, no quantile search): a
    suggested deadline is one its judgment calls likely. The answer is kept with the
    model's readings for the goals that ask the same question of one history."""
    read = _readings(model) if chance_at is None else None
    key = ("needed", goal_y, higher, logs, horizon, likely_now, threshold)
    if read is not None and key in read:
        kept: int | None = read[key]
        return kept

    def likely(h: int) -> bool:
        if chance_at is not None:
            return chance_at(h) >= threshold
        pred = _predictive(model, h, logs)
        return (pred.sf(goal_y) if higher else pred.cdf(goal_y)) >= threshold

    needed: int | None
    if model.season is not None:  # a season: the chance rises and falls with the months
        # (a December peak's target is likely in December, not in the 36th month's
        # trough), so each month is read in turn
        lo, hi = (0, max(1, math.ceil(horizon))) if likely_now else (math.floor(horizon), FARTHEST)
        needed = next((h for h in range(max(0, lo) + 1, hi + 1) if likely(h)), None)
    elif likely_now:
        needed = first_likely(likely, 0, max(1, math.ceil(horizon)))
    else:
        lo, hi = max(0, math.floor(horizon)), FARTHEST
        needed = None if hi <= lo or not likely(hi) else first_likely(likely, lo, hi)
    if read is not None and len(read) < _MOST_READINGS:
        read[key] = needed
    return needed


#: the most readings kept of one model (a book whose goals set every target there is on
#: one history keeps the first ones)
_MOST_READINGS = 4096


#: the least chance a forecast gives of an outcome not seen yet: one that underflows to 0
#: (a target thousands of standard deviations away) is the least float above it, which
#: reads "under 1 %" and keeps two significant digits in the JSON, never "0 %", a
#: certainty the forecast does not have
_LEAST_CHANCE = math.ulp(0.0)


def open_chance(p: float) -> float:
    """A forecast's chance of an outcome not seen yet, in (0, 1]."""
    return min(1.0, max(_LEAST_CHANCE, p))


def first_likely(likely: Callable[[int], bool], lo: int, hi: int) -> int:
    """The first month in ``(lo, hi]`` at which ``likely`` holds, by bisection, where it
    holds at ``hi`` and holds from there on (a chance that grows with the months)."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if likely(mid):
            hi = mid
        else:
            lo = mid
    return hi


def _recent_rates(
    points: Sequence[Point], season: tuple[float, ...] | None = None
) -> tuple[float, float] | None:
    """The compound monthly rate over the last 3 months and over the 3 before (with
    ``season``, the model's calendar-month indices on the logs, seasonally adjusted)."""
    if len(points) < 7 or min([p.value for p in points[-7:]]) <= 0:
        return None
    if month_index(points[-1].date) - month_index(points[-7].date) != 6:
        return None
    y = [math.log(p.value) for p in points[-7:]]
    if season is not None:
        y = [v - season[month_index(p.date) % 12] for v, p in zip(y, points[-7:], strict=True)]
    return (math.expm1((y[6] - y[3]) / 3), math.expm1((y[3] - y[0]) / 3))


def _bootstrap(
    model: GrowthFit,
    pred: Predictive,
    y: list[float],
    idx: list[int],
    n: float,
    seed: int,
    samples: int,
    logs: bool,
) -> Sampled:
    """Draws of the mixture with the history's own changes as its noise: a component
    by weight, its location, the sum of resampled (centred) monthly changes, and the rest
    of the component's spread (drift and persistence) as a normal draw."""
    gaps = [b - a for a, b in itertools.pairwise(idx)]
    centred = [(b - a) / g - model.raw_drift for a, b, g in zip(y, y[1:], gaps, strict=False)]
    rng = random.Random(seed)
    whole = max(1, math.ceil(n))
    step = n / whole
    noise = model.sigma2 * n
    weights = [c.weight for c in pred.components]
    draws = []
    for c in rng.choices(pred.components, weights=weights, k=samples):
        extra = math.sqrt(max(c.scale * c.scale - noise, 0.0))
        total = c.loc + sum(rng.choice(centred) for _ in range(whole)) * step
        draws.append(total + (rng.gauss(0.0, extra) if extra > 0 else 0.0))
    draws.sort()
    return Sampled(tuple(draws), logs=logs)


def recent_points(points: Sequence[Point], months: int | None) -> Sequence[Point]:
    """The points at most ``months`` months before the last (at least two; all: None)."""
    if months is None:
        return points
    last = points[-1].date
    since = last.year * 12 + last.month - 1 - months  # the earliest month index in it
    if since < 12:  # before the year 1: every point
        first = 0
    elif months < 0:  # after the last: none (but two)
        first = len(points)
    else:  # sorted: the first point on or after the earliest month's first day
        first = bisect.bisect_left(points, _dt.date(since // 12, since % 12 + 1, 1), key=_DATE)
    return points[min(first, len(points) - 2) :]


_DATE = operator.attrgetter("date")


def grow(value: float, log_change: float) -> float:
    """``value * exp(log_change)``, saturating instead of overflowing."""
    return value * math.exp(min(log_change, 700.0))
