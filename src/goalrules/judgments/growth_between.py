"""The growth model's forecast of the change between two future horizons: what a
relative target ("+25 %", "x2") counted from a start after the history ends needs.

The value at such a start is not known: it is itself a forecast. The target is met when
the value at the deadline is the factor times the value at the start, so the chance is
that of the change ``y(end) - y(start)`` (in logs: the growth between the two days)
reaching the factor's log. Each component of :meth:`GrowthFit.predictive
<goalrules.judgments.growth.GrowthFit.predictive>` is the same model read at two
horizons ``a < b``; the change between them has

* the difference of the locations as its location (the drift's effect between ``a``
  and ``b``, and the season's);
* as its variance, ``var(b) + var(a) - 2 cov(a, b)`` of each part: the month-to-month
  noise of the local level (an ARIMA(0,1,1) of weight ``alpha``: ``cov = sigma^2
  (alpha^2 (a - 1) + alpha)``, so the change's noise is ``sigma^2 (2 - 2 alpha +
  (b - a) alpha^2)``, the value at the start being noisy too; the random walk's
  ``sigma^2 (b - a)`` at ``alpha = 1``), the drift's uncertainty (``(eff(b) -
  eff(a))^2 v*``, or the persistence spread for the persistence components) and the
  drift's wandering (an AR(1)'s effects summed over each horizon).

At ``a = 0`` it is the model's own predictive less the level: the two agree.
"""

from __future__ import annotations

import math

from goalrules.judgments.forecast import Component, Predictive
from goalrules.judgments.growth import GrowthFit, _effective, _levels

__all__ = ["growth_between"]


def growth_between(model: GrowthFit, start: float, end: float, *, logs: bool = True) -> Predictive:
    """The predictive mixture of ``y(end) - y(start)``, ``start`` and ``end`` in months
    after the history's last point (``0 <= start <= end``); on logs, the log of the
    growth factor between the two days."""
    a = max(start, 0.0)
    b = max(end, a)
    df = float(model.changes - 1) if model.changes >= 2 else math.inf
    w = model.steady_weight
    noise = _noise_between(model, a, b)
    season = model.seasonal_shift(b) - model.seasonal_shift(a)
    parts: list[Component] = []
    if w < 1.0:
        moved = model.location(b) - model.location(a)
        eff = model.effective(b) - model.effective(a)
        var = noise + eff * eff * model.drift_var + _wandering_between(model, a, b)
        parts.append(Component(1.0 - w, moved, math.sqrt(max(var, 0.0)), df))
    if w > 0.0:
        gap = model.recent_drift - model.prior_mean
        for phi, share in _levels(model.persist):
            if share <= 0.0:
                continue
            eff = _effective(phi, b) - _effective(phi, a)
            var = noise + eff * eff * (model.sampling + (model.spread * gap) ** 2)
            loc = model.prior_mean * (b - a) + gap * eff + season
            parts.append(Component(w * share, loc, math.sqrt(max(var, 0.0)), df))
    return Predictive(tuple(parts), logs=logs)


def _noise_between(model: GrowthFit, a: float, b: float) -> float:
    """The local level's noise in ``y(b) - y(a)``: ``noise(b) + noise(a) - 2 cov``."""
    if a >= 1.0:
        shared = model.sigma2 * (model.alpha**2 * (a - 1.0) + model.alpha)
    else:  # within the first month, as the model's own noise is read there: linearly
        shared = model.sigma2 * model.alpha * a
    shared += model.extra * a  # a flow's level wanders as a random walk
    return max(model._noise(b) + model._noise(a) - 2.0 * shared, 0.0)


def _wandering_between(model: GrowthFit, a: float, b: float) -> float:
    """The drift's wandering in ``y(b) - y(a)``: the AR(1) drift's moves after the last
    point, summed over each horizon as :meth:`GrowthFit._wandering` sums them."""
    phi = model.damping
    if phi >= 1.0 or model.wander <= 0.0 or not math.isfinite(model.wander):
        return 0.0
    g = b - a
    whole = math.floor(a)
    # sum over m = 1..whole of (1 - phi^m)(1 - phi^(m + g)), in closed form
    s1 = phi * (1.0 - phi**whole) / (1.0 - phi)
    s2 = phi * phi * (1.0 - phi ** (2 * whole)) / (1.0 - phi * phi)
    total = whole - (1.0 + phi**g) * s1 + phi**g * s2
    total += (a - whole) * (1.0 - phi ** (whole + 1)) * (1.0 - phi ** (whole + 1 + g))
    shared = float(model.wander**2 * (1.0 - phi * phi) / (1.0 - phi) ** 2 * total)
    return max(model._wandering(b) + model._wandering(a) - 2.0 * shared, 0.0)
