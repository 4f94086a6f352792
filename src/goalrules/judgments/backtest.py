"""Backtesting the chance of reaching a target: how far to trust it on your own history.

A probability is a promise, checked the way forecasters check theirs: replay the past
with rolling origins. At each cutoff, goalrules sees only the history up to it (the last
6 to 24 months), is asked about targets at several multiples of the value at the cutoff
with deadlines 3, 6 and 12 months later, and the history that followed says whether each
target was met. Goals given 70 % should come true about 70 % of the time:

* the **reliability table** groups the goals in ten bins of predicted probability and
  sets the mean prediction of each beside the share that came true;
* the **expected calibration error** (ECE) is the bins' gaps weighted by their size; the
  **largest bin error** the worst gap among bins holding enough goals to say;
* the **Brier score** is the mean squared difference between prediction and outcome
  (0 is perfect; always saying 50 % scores 0.25);
* and each verdict's **hit rate**: how often ACHIEVABLE, STRETCH and UNREALISTIC goals
  came true.

>>> import datetime as dt
>>> from goalrules.dates import add_months
>>> months = [add_months(dt.date(2020, 1, 31), i) for i in range(48)]
>>> history = [(d, 1000 * 1.01**i) for i, d in enumerate(months)]
>>> result = backtest(history, metric="followers")
>>> result.goals > 0, 0 <= result.brier <= 1
(True, True)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from goalrules.dates import add_months, month_end
from goalrules.errors import GoalRulesError
from goalrules.judgments.achievability import Verdict, assess_achievability
from goalrules.judgments.growth import GrowthPrior
from goalrules.judgments.pooled import centres_at, flow_groups
from goalrules.judgments.weekly_flows import monthly_of
from goalrules.model import Goal, MetricKind, MetricSeries, Point
from goalrules.numbers import format_count, format_percent
from goalrules.units import quantity

__all__ = [
    "Backtest",
    "BacktestCase",
    "ReliabilityBin",
    "backtest",
    "backtest_cases",
    "origins",
    "summarize",
]

Date = _dt.date

DEFAULT_MULTIPLES = (0.9, 1.0, 1.1, 1.25, 1.5, 2.0)
DEFAULT_HISTORIES = (6, 12, 18, 24)


@attrs.frozen
class BacktestCase:
    """One replayed goal: what was predicted at the cutoff and what happened."""

    series: str
    cutoff: Date
    horizon: int
    multiple: float
    history_months: int
    probability: float
    verdict: Verdict
    met: bool
    lower_is_better: bool = False

    @property
    def above(self) -> bool:
        """The target lay beyond the value at the cutoff in the metric's better direction
        (growth was needed; for a lower-is-better metric, a fall)."""
        return self.multiple < 1.0 if self.lower_is_better else self.multiple > 1.0


@attrs.frozen
class ReliabilityBin:
    """Goals whose predicted probability fell in ``[low, high)``."""

    low: float
    high: float
    goals: int
    predicted: float | None  # the mean prediction
    observed: float | None  # the share that came true

    @property
    def error(self) -> float | None:
        if self.predicted is None or self.observed is None:
            return None
        return abs(self.predicted - self.observed)


@attrs.frozen
class Backtest:
    """A backtest's figures (see the module docstring)."""

    goals: int
    bins: tuple[ReliabilityBin, ...]
    ece: float | None  # None: no goal replayed
    max_bin_error: float | None  # among bins of at least ``min_bin`` goals
    brier: float | None
    verdicts: Mapping[str, tuple[int, float]]  # verdict -> (goals, share met), targets above
    horizons: Mapping[int, Backtest] = attrs.field(factory=dict)
    min_bin: int = 100
    series: int = 0
    skipped: int = 0  # series too short to replay

    def to_dict(self) -> dict[str, Any]:
        return {
            "goals": self.goals,
            "series": self.series,
            "skipped_series": self.skipped,
            "ece": _round(self.ece),
            "max_bin_error": _round(self.max_bin_error),
            "brier": _round(self.brier),
            "min_bin": self.min_bin,
            "reliability": [
                {
                    "low": b.low,
                    "high": b.high,
                    "goals": b.goals,
                    "predicted": _round(b.predicted),
                    "observed": _round(b.observed),
                }
                for b in self.bins
            ],
            "verdicts": {
                name: {"goals": n, "met": round(share, 6)}
                for name, (n, share) in self.verdicts.items()
            },
            "horizons": {str(h): sub.to_dict() for h, sub in self.horizons.items()},
        }

    @property
    def bias(self) -> float | None:
        """The share met less the mean prediction, over all goals (above zero: goals came
        true more often than predicted, the chance was cautious)."""
        if not self.goals:
            return None
        total = sum(
            b.goals * ((b.observed or 0.0) - (b.predicted or 0.0)) for b in self.bins if b.goals
        )
        return total / self.goals

    def trust(self) -> str:
        """A sentence on how far to trust the probability on this history, and which way
        it leans when it is off."""
        if self.goals == 0 or self.ece is None:
            return (
                "Too little history to replay: each series needs at least 9 months "
                "(6 seen, 3 to check)."
            )
        worst = self.max_bin_error
        lean = self._lean()
        if self.goals < 200:
            return (
                f"Only {format_count(self.goals, 'goal')} could be replayed: read the "
                f"figures as a rough guide.{lean}"
            )
        if self.ece <= 0.03 and (worst is None or worst <= 0.08):
            return "The probability is well calibrated on this history: trust it as stated."
        if self.ece <= 0.06:
            return f"The probability is roughly calibrated here: read it to within 10 points.{lean}"
        return f"The probability is poorly calibrated on this history.{lean}"

    def _lean(self) -> str:
        bias = self.bias
        if bias is None or abs(bias) < 0.03:
            return ""
        by = format_percent(abs(bias), digits=0)
        if bias > 0:
            return (
                f" Here goals came true more often than predicted (by {by} on average):"
                " these accounts grew more steadily than the public series behind the"
                " defaults, so read the chance as a floor, or fit a prior on them"
                " (--prior fit)."
            )
        return (
            f" Here goals came true less often than predicted (by {by} on average):"
            " read the chance as a ceiling (structural breaks, short or irregular series?),"
            " or fit a prior on these accounts (--prior fit)."
        )


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _monthly(history: Any, metric: str | None, kind: MetricKind | None) -> list[Point]:
    series = history if isinstance(history, MetricSeries) else MetricSeries(metric, points=history)
    how = kind or series.kind or MetricKind.STOCK
    return list(monthly_of(series, how))  # a weekly flow's months from its days


def backtest_cases(
    history: MetricSeries | Iterable[tuple[Date | str, float]] | Mapping[Any, float],
    *,
    metric: str | None = None,
    kind: MetricKind | str | None = None,
    name: str = "history",
    horizons: Sequence[int] = (3, 6, 12),
    multiples: Sequence[float] = DEFAULT_MULTIPLES,
    histories: Sequence[int] = DEFAULT_HISTORIES,
    step: int = 3,
    prior_at: Callable[[Date], GrowthPrior | None] | None = None,
    **options: Any,
) -> Iterator[BacktestCase]:
    """Replay rolling origins over one history (see the module docstring).

    Every ``step`` months a cutoff is taken; the history the judgment sees is the last
    ``histories[i]`` months before it (cycling through ``histories``), and targets at
    each of ``multiples`` times the value at the cutoff are judged for each horizon whose
    truth the history holds (for a lower-is-better metric, such as a response time, the
    targets lie below it: ``1 / multiple`` times the value, met when the value falls to
    them). ``options`` go to :func:`assess_achievability` (``prior``,
    ``window``...). Monthly values (a stock's last of the month, a flow's total) are what
    is judged and what is checked. ``prior_at(cutoff)``, when given, gives the prior of
    each cutoff (``None``: ``options``' own), as :func:`backtest` does for flows whose
    centre a check learns across histories.
    """
    how = MetricKind(kind) if isinstance(kind, str) else kind
    points = _monthly(history, metric, how)
    if how is None:
        how = (
            history.kind if isinstance(history, MetricSeries) and history.kind else MetricKind.STOCK
        )
    metric_key = metric or (history.metric if isinstance(history, MetricSeries) else None)
    unit = _unit_of(history, metric_key)
    if not points:
        return
    by_month = {_index(p.date): p.value for p in points}
    lower = _lower_is_better(metric_key)
    if lower:  # a goal on a lower-is-better metric aims below the current value
        multiples = tuple(sorted({round(1.0 / m, 6) for m in multiples if m > 0}))
    for cutoff, months, seen in origins(points, horizons, histories, step):
        cutoff_day = month_end(_day(cutoff))
        current = by_month[cutoff]
        judge = options
        if prior_at is not None and (learnt := prior_at(cutoff_day)) is not None:
            judge = {**options, "prior": learnt}
        hist = MetricSeries(
            metric_key,
            kind=how,
            unit=unit,
            points=[(month_end(p.date), p.value) for p in seen],
        )
        for h in horizons:
            truth = by_month.get(cutoff + h)
            if truth is None:
                continue
            deadline = month_end(add_months(cutoff_day.replace(day=1), h))
            for mult in multiples:
                target = current * mult
                if target <= 0 or (mult == 1.0 and current <= 0):
                    continue
                goal = Goal(
                    "backtest",
                    metric=metric_key,
                    target=quantity(target, unit),
                    start=cutoff_day,
                    deadline=deadline,
                )
                a = assess_achievability(goal, hist, today=cutoff_day, **judge)
                if a.probability is None:
                    continue
                yield BacktestCase(
                    series=name,
                    cutoff=cutoff_day,
                    horizon=h,
                    multiple=mult,
                    history_months=months,
                    probability=a.probability,
                    verdict=a.verdict,
                    met=truth <= target if lower else truth >= target,
                    lower_is_better=lower,
                )


def origins(
    points: Sequence[Point], horizons: Sequence[int], histories: Sequence[int], step: int
) -> Iterator[tuple[int, int, list[Point]]]:
    """The rolling origins over monthly ``points``: ``(cutoff month number, months of
    history, the points seen)``, every ``step`` months, the history length cycling through
    ``histories`` (shorter where the data begins), while some horizon's truth is known."""
    if not points:
        return
    first, last = _index(points[0].date), _index(points[-1].date)
    present = {_index(p.date) for p in points}
    turn = 0
    for cutoff in range(first + min(histories) - 1, last - min(horizons) + 1, step):
        months = histories[turn % len(histories)]
        turn += 1
        if cutoff not in present:
            continue
        months = min(months, cutoff - first + 1)
        seen = [p for p in points if cutoff - months < _index(p.date) <= cutoff]
        if len(seen) >= 3:
            yield cutoff, months, seen


def _index(d: Date) -> int:
    return d.year * 12 + d.month - 1


def _day(index: int) -> Date:
    return Date(index // 12, index % 12 + 1, 1)


def _lower_is_better(metric: str | None) -> bool:
    if not metric:
        return False
    from goalrules.metrics import catalog
    from goalrules.vocabulary import Direction

    defn = catalog.get(metric)
    return defn is not None and defn.direction is Direction.LOWER


def _unit_of(history: Any, metric: str | None) -> str:
    if isinstance(history, MetricSeries) and history.unit:
        return history.unit
    if metric:
        from goalrules.metrics import catalog

        try:
            return catalog[metric].unit
        except KeyError:
            pass
    return "dimensionless"


def summarize(
    cases: Iterable[BacktestCase],
    *,
    bins: int = 10,
    min_bin: int = 100,
    by_horizon: bool = True,
    series: int = 0,
    skipped: int = 0,
) -> Backtest:
    """The reliability table, ECE, largest bin error, Brier score and verdict hit rates
    of replayed goals."""
    cases = list(cases)
    counts = [0] * bins
    p_sum = [0.0] * bins
    met_sum = [0] * bins
    brier = 0.0
    verdicts: dict[str, list[int]] = {}
    for c in cases:
        b = min(int(c.probability * bins), bins - 1)
        counts[b] += 1
        p_sum[b] += c.probability
        met_sum[b] += c.met
        brier += (c.probability - c.met) ** 2
        if c.above:
            tally = verdicts.setdefault(c.verdict.value, [0, 0])
            tally[0] += 1
            tally[1] += c.met
    n = len(cases)
    table = tuple(
        ReliabilityBin(
            low=i / bins,
            high=(i + 1) / bins,
            goals=counts[i],
            predicted=p_sum[i] / counts[i] if counts[i] else None,
            observed=met_sum[i] / counts[i] if counts[i] else None,
        )
        for i in range(bins)
    )
    ece = sum(b.goals * (b.error or 0.0) for b in table) / n if n else None
    big = [b.error for b in table if b.goals >= min_bin and b.error is not None]
    per_horizon: dict[int, Backtest] = {}
    if by_horizon:
        for h in sorted({c.horizon for c in cases}):
            per_horizon[h] = summarize(
                [c for c in cases if c.horizon == h], bins=bins, min_bin=min_bin, by_horizon=False
            )
    return Backtest(
        goals=n,
        bins=table,
        ece=ece,
        max_bin_error=max(big) if big else None,
        brier=brier / n if n else None,
        verdicts={k: (v[0], v[1] / v[0]) for k, v in sorted(verdicts.items())},
        horizons=per_horizon,
        min_bin=min_bin,
        series=series,
        skipped=skipped,
    )


def backtest(
    history: Any,
    *,
    metric: str | None = None,
    kind: MetricKind | str | None = None,
    horizons: Sequence[int] = (3, 6, 12),
    multiples: Sequence[float] = DEFAULT_MULTIPLES,
    histories: Sequence[int] = DEFAULT_HISTORIES,
    step: int = 3,
    min_bin: int | None = None,
    **options: Any,
) -> Backtest:
    """Backtest the chance of reaching a target on ``history``: one series (a
    :class:`~goalrules.MetricSeries` or ``(date, value)`` pairs), or a mapping of names to
    series (the histories of :func:`goalrules.load_history`, keyed by channel and metric).

    Returns a :class:`Backtest`; ``options`` go to :func:`assess_achievability`
    (``prior=``, ``window=``...). Bins need ``min_bin`` goals to count towards the largest
    bin error (default: 100, or a tenth of the goals when there are fewer than 1,000).
    Without a ``prior``, the histories of a flow metric judged together learn their
    centre as ``goalrules check`` does (:mod:`goalrules.judgments.pooled`), from each
    history as it stood at the cutoff: nothing later.
    """
    if not horizons or any(int(h) != h or h < 1 for h in horizons):
        raise GoalRulesError("horizons must be whole months of at least 1", field="horizons")
    many = _named_histories(history)
    cases: list[BacktestCase] = []
    skipped = 0
    keys: list[Any] = [None] * len(many)
    learnt: dict[str, Callable[[Date], GrowthPrior | None] | None] = {}
    if options.get("prior") is None and isinstance(history, Mapping) and len(history) == len(many):
        keys = [k if isinstance(k, tuple) and len(k) == 2 else None for k in history]
        for key in filter(None, keys):
            if key[1] not in learnt:
                learnt[key[1]] = _centre_at(history, key[1])
    for (name, series), key in zip(many, keys, strict=True):
        found = list(
            backtest_cases(
                series,
                metric=metric,
                kind=kind,
                name=name,
                horizons=horizons,
                multiples=multiples,
                histories=histories,
                step=step,
                prior_at=learnt.get(key[1]) if key is not None else None,
                **options,
            )
        )
        skipped += not found
        cases.extend(found)
    if min_bin is None:
        min_bin = 100 if len(cases) >= 1000 else max(10, len(cases) // 10)
    return summarize(cases, min_bin=min_bin, series=len(many), skipped=skipped)


def _centre_at(
    pool: Mapping[tuple[str | None, str], MetricSeries], metric: str
) -> Callable[[Date], GrowthPrior | None] | None:
    """The prior a check would judge ``metric`` with at each cutoff: its flow centre
    learnt from ``pool``'s histories of it as they stood then (``None`` where it is not a
    flow with enough of them)."""
    groups = flow_groups({k: s for k, s in pool.items() if k[1] == metric})
    if metric not in groups:
        return None
    base = GrowthPrior()

    def at(day: Date) -> GrowthPrior | None:
        found = centres_at(groups, base, day).get(metric)
        return found.prior if found is not None else None

    return functools.lru_cache(maxsize=None)(at)


def _named_histories(history: Any) -> list[tuple[str, Any]]:
    if isinstance(history, MetricSeries):
        return [(history.metric or "history", history)]
    if isinstance(history, Mapping):
        if not history:  # a history file of no rows: no series, not one too short
            return []
        values = list(history.values())
        if values and all(isinstance(v, MetricSeries) for v in values):
            out = []
            for key, series in history.items():
                label = " ".join(str(k) for k in key if k) if isinstance(key, tuple) else str(key)
                out.append((label or "history", series))
            return out
    return [("history", history)]
