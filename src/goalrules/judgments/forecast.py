"""The predictive distribution behind every number achievability shows.

The growth model (:mod:`goalrules.judgments.growth`) predicts a history's value some
months ahead as a *mixture*: a few Student t (or normal) components, each a location, a
scale, degrees of freedom and a weight. The chance of reaching a target is the mixture's
tail beyond the target; its median, its central 80 % range, the level the history
supports and the projection shown beside the chance are the mixture's quantiles, found
numerically on the same distribution function. So the chance is at least one half exactly
when the median reaches the target: the page cannot contradict itself.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import attrs

from goalrules.judgments.stats import student_t_pdf, t_cdf, t_quantile

__all__ = ["Component", "Predictive", "Sampled"]


@attrs.frozen
class Component:
    """One part of a predictive mixture: ``loc + scale * T_df`` with weight ``weight``
    (``scale = 0``: a point mass; ``df = inf``: normal)."""

    weight: float
    loc: float
    scale: float
    df: float

    def cdf(self, y: float) -> float:
        if self.scale <= 1e-12:
            return 1.0 if y >= self.loc - 1e-12 else 0.0
        return t_cdf((y - self.loc) / self.scale, self.df)

    def below(self, y: float) -> float:
        """P(value < y) (a point mass at ``y`` is not below it)."""
        if self.scale <= 1e-12:
            return 1.0 if y > self.loc + 1e-12 else 0.0
        return t_cdf((y - self.loc) / self.scale, self.df)

    def pdf(self, y: float) -> float:
        if self.scale <= 1e-12:
            return 0.0
        return student_t_pdf((y - self.loc) / self.scale, self.df) / self.scale

    def quantile(self, p: float) -> float:
        if self.scale <= 1e-12:
            return self.loc
        return self.loc + self.scale * t_quantile(p, self.df)


@attrs.frozen
class Predictive:
    """A mixture predictive of the model's value ``y`` (a log when ``logs``) at one
    horizon. :meth:`cdf` and :meth:`sf` give chances; :meth:`quantile` inverts the
    mixture's distribution function by a safeguarded Newton search inside the bracket the
    components' own quantiles make (a mixture's quantile lies between theirs)."""

    components: tuple[Component, ...]
    logs: bool = True

    def cdf(self, y: float) -> float:
        total = sum([c.weight * c.cdf(y) for c in self.components if c.weight > 0])
        return min(1.0, max(0.0, total))

    def sf(self, y: float) -> float:
        """P(value >= y): the chance of reaching ``y`` from below."""
        below = sum([c.weight * c.below(y) for c in self.components if c.weight > 0])
        return min(1.0, max(0.0, 1.0 - below))

    def pdf(self, y: float) -> float:
        return sum([c.weight * c.pdf(y) for c in self.components if c.weight > 0])

    def quantile(self, p: float, *, tol: float = 1e-10) -> float:
        """The smallest ``y`` with ``cdf(y) >= p`` (to ``tol`` of the components' spread):
        Newton steps inside the bracket the components' own quantiles make (a mixture's
        quantile lies between theirs), false position (Illinois) when a step leaves it."""
        live = [c for c in self.components if c.weight > 0]
        qs = [c.quantile(p) for c in live]
        lo, hi = min(qs), max(qs)
        if hi - lo <= 1e-12:
            return hi
        tol = tol * max(1.0, hi - lo)
        f_lo = f_hi = math.nan  # read only when a false-position step needs them
        y = sum(c.weight * q for c, q in zip(live, qs, strict=True)) / sum(c.weight for c in live)
        side = 0
        for _ in range(100):
            f = self.cdf(y) - p
            if abs(f) <= 1e-14:
                return y
            if f > 0:
                hi, f_hi = y, f
                f_lo = f_lo / 2 if side == 1 else f_lo  # Illinois: a kept end weighs less
                side = 1
            else:
                lo, f_lo = y, f
                f_hi = f_hi / 2 if side == -1 else f_hi
                side = -1
            if hi - lo <= tol:
                break
            d = self.pdf(y)
            step = y - f / d if d > 0 else math.nan
            if not lo < step < hi:
                if math.isnan(f_lo):
                    f_lo = self.cdf(lo) - p
                if math.isnan(f_hi):
                    f_hi = self.cdf(hi) - p
                step = lo - f_lo * (hi - lo) / (f_hi - f_lo) if f_hi != f_lo else math.nan
            if not lo < step < hi:
                step = 0.5 * (lo + hi)
            y = step
        return hi

    def value(self, y: float) -> float:
        """``y`` back in the history's scale."""
        return math.exp(min(y, 700.0)) if self.logs else y

    def values(self, levels: Sequence[float]) -> tuple[float, ...]:
        return tuple(self.value(self.quantile(q)) for q in levels)


@attrs.frozen
class Sampled:
    """A predictive read from draws (the bootstrap): the same questions as
    :class:`Predictive`, answered by the sorted draws."""

    draws: tuple[float, ...]  # sorted
    logs: bool = True

    def cdf(self, y: float) -> float:
        return bisect.bisect_right(self.draws, y + 1e-12) / len(self.draws)

    def sf(self, y: float) -> float:
        return 1.0 - bisect.bisect_left(self.draws, y - 1e-12) / len(self.draws)

    def quantile(self, p: float, *, tol: float = 0.0) -> float:
        i = min(max(math.ceil(p * len(self.draws)) - 1, 0), len(self.draws) - 1)
        return self.draws[i]

    def value(self, y: float) -> float:
        return math.exp(min(y, 700.0)) if self.logs else y
