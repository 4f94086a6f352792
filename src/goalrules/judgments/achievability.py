"""Achievability: does the account's recent growth support the target by the deadline?

The guides' advice is to "look at the last few months' growth". This module does the
maths of DOMAIN.md's *Growth maths*:

* resample the history to calendar months (stocks take the month's last value, flows
  the month's sum, ratios the mean; a flow's unfinished current month is left out);
* the required compound monthly rate ``(target / current) ** (1 / n) - 1`` over the
  ``n`` calendar months from the last observation to the deadline, and its linear twin;
* the historical compound monthly growth rate over the recent window (default six
  months) and the projection ``current * (1 + cmgr) ** n``;
* the probability of reaching the target: the log-changes ``r_i = ln(v_i / v_{i-1})``
  as a random walk with mean ``m`` and deviation ``s`` over ``k`` changes; over ``n``
  months ``ln(v_T / v_k)`` is predicted as ``m n + s sqrt(n + n^2 / k) T_{k-1}``
  (Student t; the ``n^2 / k`` term is the uncertainty in ``m``), in closed form, or by
  a seeded bootstrap of the changes;
* lower-is-better metrics reverse every inequality; zero or negative values make logs
  undefined, so the model falls back to absolute monthly changes (and says so).

The verdict comes from the shipped ``achievability`` ruleset, whose thresholds are
params (``params={"achievable": "60 %"}``).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import itertools
import math
import operator
import random
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from goalrules.dates import add_months, month_end, months_between
from goalrules.dsl.display import format_number
from goalrules.dsl.runtime import DQ
from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.engine.notebook import OneRow
from goalrules.errors import DataError, GoalRulesError, UnitError
from goalrules.judgments.growth import GrowthFit, GrowthPrior
from goalrules.judgments.growth import fit as growth_fit
from goalrules.judgments.stats import student_t_cdf, student_t_quantile, student_t_sf
from goalrules.metrics import MetricDefinition, catalog
from goalrules.model import Direction, Goal, MetricKind, MetricSeries, Point
from goalrules.units import dimension_key, info_of, quantity, registry, unit_info

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

__all__ = ["Achievability", "Verdict", "assess_achievability"]

Date = _dt.date


class Verdict(enum.StrEnum):
    """How achievable a goal is, judged against its metric's history."""

    ACHIEVED = "achieved"
    ACHIEVABLE = "achievable"
    STRETCH = "stretch"
    UNREALISTIC = "unrealistic"
    INSUFFICIENT_DATA = "insufficient_data"
    EXPIRED = "expired"


@attrs.frozen
class Achievability(OneRow):
    """The achievability judgment of one goal.

    Rates are per calendar month: ``required_rate`` and ``historical_rate`` are
    compound (0.122 is 12.2 % a month), ``required_linear`` and ``historical_linear``
    are in the metric's unit per month. ``probability`` is the chance of reaching the
    target by the deadline (``None`` when it cannot be computed). ``current``,
    ``target``, ``projected`` and ``suggested_target`` are pint quantities in the
    history's unit; ``explanation`` and ``reasons`` are written on first use.
    """

    verdict: Verdict
    probability: float | None = None
    required_rate: float | None = None
    historical_rate: float | None = None
    required_linear: float | None = None
    historical_linear: float | None = None
    months_left: float | None = None
    method: str = "none"
    suggested_deadline: Date | None = None
    observations: int = 0
    span_months: float = 0.0
    direction: Direction = Direction.HIGHER
    cumulative: bool = False
    unit: str = "dimensionless"
    current_value: float | None = None
    target_value: float | None = None
    projected_value: float | None = None
    suggested_value: float | None = None
    per_month: bool = False
    drift: float | None = None
    volatility: float | None = None
    changes: int = 0
    last_date: Date | None = None
    model: tuple[GrowthFit, bool] | None = attrs.field(default=None, eq=False, repr=False)
    note: str = attrs.field(default="", repr=False)
    _context: Any = attrs.field(default=None, eq=False, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)

    def band(
        self, months: float, *, low: float = 0.1, high: float = 0.9
    ) -> tuple[float, float, float] | None:
        """(low, median, high) predicted values ``months`` after the last observation,
        in the history's unit (the model's Student t predictive; ``None`` without a
        model)."""
        if self.model is None or self.cumulative or self.changes < 2:
            return None
        fitted, logs = self.model
        loc, spread = fitted.location(months), fitted.scale(months)
        df = fitted.changes - 1
        q_lo, q_hi = student_t_quantile(low, df), student_t_quantile(high, df)
        values = (loc + q_lo * spread, loc, loc + q_hi * spread)
        if logs:
            return (_grow(1.0, values[0]), _grow(1.0, values[1]), _grow(1.0, values[2]))
        return values

    def _q(self, value: float | None) -> Quantity | None:
        return None if value is None else quantity(value, self.unit)

    @property
    def current(self) -> Quantity | None:
        """The latest value (or, for a cumulative flow target, the total so far)."""
        return self._q(self.current_value)

    @property
    def target(self) -> Quantity | None:
        """The target in the history's unit (a monthly level for flows)."""
        return self._q(self.target_value)

    @property
    def projected(self) -> Quantity | None:
        """The value at the deadline at the historical rate."""
        return self._q(self.projected_value)

    @property
    def suggested_target(self) -> Quantity | None:
        """A round target the history supports by the deadline (probability 0.5)."""
        return self._q(self.suggested_value)

    @property
    def explanation(self) -> str:
        """The judgment in plain language, with the numbers behind it."""
        if "explanation" not in self._cache:
            said = _explain(self, *self._context) if self._context is not None else self.note
            if self.note and said != self.note:
                said = f"{self.note} {said}"
            self._cache["explanation"] = said
        text: str = self._cache["explanation"]
        return text

    @property
    def reasons(self) -> tuple[str, ...]:
        """The messages of the verdict rules that hold."""
        if self._context is None:
            return (self.note,) if self.note else ()
        rules, facts, today = self._context[-1]
        report = rules.evaluate({"history": facts}, today=today)
        return tuple(f.message for f in report.findings if f.outcome.value == "pass")

    def _repr_html_(self) -> str:
        from goalrules.judgments.channels import _card

        return _card("achievability", self.verdict.value, self.to_dict(), self.explanation)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: numbers as floats, quantities as text, dates as ISO text."""

        def q(x: float | None) -> str | None:
            return None if x is None else _format_value(x, self.unit)

        return {
            "verdict": self.verdict.value,
            "probability": _round(self.probability),
            "required_rate": _round(self.required_rate),
            "historical_rate": _round(self.historical_rate),
            "required_linear": _round(self.required_linear),
            "historical_linear": _round(self.historical_linear),
            "projected": q(self.projected_value),
            "current": q(self.current_value),
            "target": q(self.target_value),
            "months_left": _round(self.months_left),
            "method": self.method,
            "observations": self.observations,
            "suggested_target": q(self.suggested_value),
            "suggested_deadline": self.suggested_deadline.isoformat()
            if self.suggested_deadline
            else None,
            "explanation": self.explanation,
        }


def _round(x: float | None, digits: int = 6) -> float | None:
    return None if x is None else round(x, digits)


# ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("achievability", params=dict(params) if params else None)


def _as_series(history: Any, goal: Goal) -> MetricSeries | None:
    if history is None:
        return None
    if isinstance(history, MetricSeries):
        return history
    try:
        return MetricSeries(metric=goal.metric, points=history)
    except GoalRulesError as exc:
        raise exc.with_location(field="history") from None


def _metric(goal: Goal, series: MetricSeries | None) -> MetricDefinition | None:
    name = goal.metric or (series.metric if series is not None else None)
    if not name:
        return None
    try:
        return catalog[name]
    except KeyError:
        return None


_CUMULATIVE = re.compile(
    r"\b(this|per|a|each|every)?\s*(year|quarter)\b"
    r"|\bin total\b|\btotal\b|\bcumulative\b|\boverall\b",
    re.I,
)
_LEVEL = re.compile(r"\b(a|per|each|every)\s+month\b|\bmonthly\b|/\s*month", re.I)


def _infer_cumulative(goal: Goal) -> bool:
    text = goal.statement or ""
    if _LEVEL.search(text):
        return False
    m = _CUMULATIVE.search(text)
    if m is None:
        return False
    return (m.group(1) or "").lower() not in ("per", "a", "each", "every")


def _metric_key(name: str) -> str:
    defn = catalog.get(name)
    return defn.key if defn is not None else name


def _check_same_metric(goal: Goal, series: MetricSeries) -> None:
    """A history of another metric (or another kind of unit) cannot judge the goal."""
    if goal.metric and series.metric and catalog.get(goal.metric) is not catalog.get(series.metric):
        raise DataError(
            f"the history measures {series.metric}; the goal is about {goal.metric}",
            field="history",
        )
    if series.unit:
        key = unit_info(series.unit).key
        amounts: list[tuple[str, Any]] = [("baseline", goal.baseline)]
        if goal.target is not None:
            amounts.append(("target", goal.target.amount))
        for name, q in amounts:
            if q is None or not hasattr(q, "units"):
                continue
            qkey = info_of(q).key
            if qkey and key and qkey != key and ("[time]", -1) not in qkey:
                raise UnitError(
                    f"the history is in {series.unit}; the goal's {name} is in {q.units}",
                    field=f"goal.{name}",
                )


def _series_unit(series: MetricSeries, defn: MetricDefinition | None) -> str:
    return series.unit or (defn.unit if defn else "dimensionless")


def _to_series_unit(q: Quantity, unit: str, field: str) -> float:
    """``q`` as a number in ``unit`` (a bare number is taken as already in it)."""
    info = unit_info(unit)
    qinfo = info_of(q)
    if qinfo.key == () and info.key != () and qinfo.text == "dimensionless":
        return float(q.magnitude)
    if qinfo.key != info.key:
        raise UnitError(
            f"the {field} is in {str(q.units)!r}, which does not fit the metric's unit {unit!r}",
            field=f"goal.{field}",
        )
    return float(q.magnitude) * qinfo.factor / info.factor


def _clean_points(series: MetricSeries, kind: MetricKind, today: Date) -> list[Point]:
    points = list(series.monthly(kind))
    if kind is MetricKind.FLOW and points:
        last = points[-1].date
        if last.year == today.year and last.month == today.month and today != month_end(today):
            points.pop()  # the current month is not over: its sum is partial
    if points and points[-1].date <= today:  # sorted: nothing lies after today
        return points
    return [p for p in points if p.date <= today]


def _value_at(points: list[Point], day: Date) -> float | None:
    before = [p for p in points if p.date <= day]
    if before:
        return before[-1].value
    return points[0].value if points else None


def _format_q(q: Quantity) -> str:
    return _format_value(float(q.magnitude), str(q.units))


def _format_value(x: float, unit: str) -> str:
    unit = str(unit_info(unit).text) if unit not in ("percent", "dimensionless") else unit
    if unit == "percent":
        return f"{format_number(x)}%"
    if unit == "dimensionless":
        return format_number(x)
    return f"{format_number(x)} {_plural(unit, x)}"


def _plural(unit: str, value: float) -> str:
    if unit in ("percent", "dimensionless") or " " in unit or abs(value) == 1:
        return unit
    if unit == "person":
        return "people"
    if unit.isupper():
        return unit
    return unit + "s"


def _nice(x: float, *, down: bool = True) -> float:
    """Round to two significant figures (a target a person would say), towards the
    easier side (``down`` for a metric where higher is better), so that the round target
    is still one the history supports."""
    if x == 0 or not math.isfinite(x):
        return x
    mag = 10.0 ** (math.floor(math.log10(abs(x))) - 1)
    if mag == 0 or not math.isfinite(mag):
        return x
    steps = x / mag
    rounded = math.floor(steps + 1e-9) if down else math.ceil(steps - 1e-9)
    return float(rounded * mag)


def assess_achievability(
    goal: Goal,
    history: MetricSeries | Iterable[tuple[Date | str, float]] | Mapping[Any, float] | None,
    today: Date | None = None,
    *,
    window: int | None = 6,
    method: str = "closed_form",
    seed: int = 0,
    samples: int = 4000,
    cumulative: bool | None = None,
    params: Mapping[str, Any] | None = None,
    prior: GrowthPrior | Mapping[str, Any] | float | str | None = None,
) -> Achievability:
    """Judge whether ``history`` supports ``goal``'s target by its deadline.

    ``window`` is the number of recent months the growth is measured over (``None``:
    all); ``method`` is ``"closed_form"`` (Student t) or ``"bootstrap"`` (``samples``
    resamples of the monthly changes, seeded by ``seed``); ``cumulative`` says whether
    a flow target is a total over the goal's period rather than a monthly level
    (default: read from the statement, "this year" or "in total"); ``params``
    overrides the verdict thresholds of the ``achievability`` ruleset.

    ``prior`` is the growth model's :class:`~goalrules.judgments.growth.GrowthPrior`
    (default: the one fitted on public monthly series; :func:`goalrules.fit_prior` fits
    one on your accounts; ``"flat"`` is the plain random walk with drift). See
    :mod:`goalrules.judgments.growth` for the model.
    """
    if method not in ("closed_form", "bootstrap"):
        raise GoalRulesError(f"unknown method {method!r}; use 'closed_form' or 'bootstrap'")
    today = today or Date.today()
    try:
        growth = _DEFAULT_PRIOR if prior is None else GrowthPrior.parse(prior)
    except GoalRulesError as exc:
        raise exc.with_location(field="prior") from None
    rules = _ruleset(tuple(sorted((params or {}).items())) if params else ())
    series = _as_series(history, goal)
    defn = _metric(goal, series)
    direction = defn.direction if defn else Direction.HIGHER

    def insufficient(note: str, observations: int = 0) -> Achievability:
        return Achievability(
            Verdict.INSUFFICIENT_DATA, direction=direction, observations=observations, note=note
        )

    if series is None or not series.points:
        return insufficient("No history: track the metric for a few months to judge achievability.")
    _check_same_metric(goal, series)
    if defn is not None and not defn.can_be_negative and min(map(_VALUE, series.points)) < 0:
        bad = next(p for p in series.points if p.value < 0)
        raise DataError(
            f"a negative count ({bad.value:g}) on {bad.date.isoformat()}", field="history"
        )
    kind = series.kind or (defn.kind if defn else MetricKind.STOCK)
    unit = _series_unit(series, defn)
    points = _clean_points(series, kind, today)
    if goal.target is None or goal.deadline is None:
        missing = "target" if goal.target is None else "deadline"
        return insufficient(
            f"The goal has no {missing}, so achievability cannot be judged.", len(points)
        )
    if not points:
        return insufficient("No complete month observed yet.")

    # -- the target, in the series' unit ---------------------------------------------------
    baseline = goal.baseline
    if baseline is None and goal.target.is_relative:
        at_start = _value_at(points, goal.start or points[0].date)
        if at_start is not None:
            baseline = quantity(at_start, unit)
    target_q = goal.resolved_target(baseline)
    if target_q is None:
        return insufficient("The target is relative but no baseline is known.", len(points))
    level_per_month = ("[time]", -1) in info_of(target_q).key
    if level_per_month:  # "50 leads a month": a monthly level
        target = _per_month_value(target_q, unit)
    else:
        target = _to_series_unit(target_q, unit, "target")
    is_cumulative = (
        kind is MetricKind.FLOW
        and not level_per_month
        and (cumulative if cumulative is not None else _infer_cumulative(goal))
    )

    last = points[-1]
    if kind is MetricKind.STOCK:
        last_date = min(series.points[-1].date, today)
    else:
        last_date = month_end(last.date)
    n_total = months_between(last_date, goal.deadline)
    current = last.value
    higher = direction is Direction.HIGHER
    so_far = 0.0
    if is_cumulative:
        first_month = (goal.start or points[0].date).replace(day=1)
        so_far = sum(p.value for p in points if p.date >= first_month)
        met = so_far >= target if higher else so_far <= target
    else:
        met = current >= target if higher else current <= target
    span = _month_index(last.date) - _month_index(points[0].date)
    observations = len(points)
    info = unit_info(unit)
    shown_current = so_far if is_cumulative else current
    facts: dict[str, Any] = {
        "met": met,
        "deadline_passed": today > goal.deadline,
        "observations": observations,
        "span": span * _MONTH_SECONDS,
        "current": DQ(shown_current * info.factor, info.key),
        "target": DQ(target * info.factor, info.key),
    }
    fields: dict[str, Any] = {}
    level = target
    supported: float | None = None
    if observations >= 2 and n_total > 0:
        # the level the future must reach, and the horizon it is judged at
        horizon = n_total
        if is_cumulative:
            level = (target - so_far) / n_total
            horizon = (n_total + 1) / 2
        model = _fit(points, window, current, level, horizon, higher, method, seed, samples, growth)
        supported = model.pop("_suggest_level")
        months_needed = model.pop("_months_needed", None)
        fields.update(model)
        fields["projected_value"] = fields.pop("_projected")
        if supported is not None and is_cumulative:
            supported = so_far + supported * n_total
        if supported is not None:
            fields["suggested_value"] = _nice(supported, down=higher)
        if months_needed is not None and not is_cumulative and months_needed < 1200:
            fields["suggested_deadline"] = add_months(last_date, math.ceil(months_needed))
        facts["probability"] = model["probability"]
        facts["required_rate"] = model.get("required_rate")
        facts["historical_rate"] = model.get("historical_rate")

    decided = rules.decide({"history": facts}, today=today)
    verdict = Verdict(
        decided.decision if decided is not None and decided.decision else "insufficient_data"
    )
    metric_name = (defn.name.lower() if defn else None) or goal.metric or "the metric"
    return Achievability(
        verdict=verdict,
        observations=observations,
        span_months=float(span),
        direction=direction,
        cumulative=is_cumulative,
        months_left=n_total,
        unit=unit,
        current_value=shown_current,
        target_value=target,
        per_month=level_per_month,
        last_date=last_date,
        context=(goal, metric_name, last_date, level, supported, (rules, facts, today)),
        **fields,
    )


_MONTH_SECONDS = 365.25 * 86400 / 12
_DEFAULT_PRIOR = GrowthPrior()
_VALUE = operator.attrgetter("value")


def _month_index(d: Date) -> int:
    return d.year * 12 + d.month - 1


def _per_month_value(target_q: Quantity, unit: str) -> float:
    """A per-time target (``50 leads / month``) as a monthly count in ``unit``."""
    ureg = registry()
    monthly = target_q * ureg.Quantity(1, "month")
    info = unit_info(unit)
    minfo = unit_info(str(monthly.units))
    base = float(monthly.magnitude) * minfo.factor
    if dimension_key(dict(monthly.dimensionality)) != info.key and minfo.key != info.key:
        raise UnitError(
            f"the target is in {str(target_q.units)!r}, which does not fit the unit {unit!r}",
            field="goal.target",
        )
    return base / info.factor


def _fit(
    points: list[Point],
    window: int | None,
    current: float,
    level: float,
    horizon: float,
    higher: bool,
    method: str,
    seed: int,
    samples: int,
    prior: GrowthPrior,
) -> dict[str, Any]:
    """Fit the growth model on the history (the prior's ``months``) and judge the target
    level; the historical rate and projection are read over the last ``window`` months."""
    recent = _window(points, prior.months)
    shown = _window(recent, window)  # the historical rate is read over `window` months
    values = [p.value for p in recent]
    idx = [p.date.year * 12 + p.date.month - 1 for p in recent]
    span_w = _month_index(shown[-1].date) - _month_index(shown[0].date)
    first_shown, last_value = shown[0].value, shown[-1].value
    logs = min(values) > 0 and level > 0 and current > 0
    out: dict[str, Any] = {}
    n = horizon
    if logs:
        y = [math.log(v) for v in values]
        goal_y = math.log(level)
        model = growth_fit(y, idx, prior)
        out["method"] = "compound" if method == "closed_form" else "bootstrap"
        per_month = (math.log(last_value) - math.log(first_shown)) / span_w
        out["historical_rate"] = math.expm1(min(per_month, 700.0))
        out["required_rate"] = math.expm1(min((goal_y - math.log(current)) / n, 700.0))
        out["_projected"] = _grow(current, per_month * n)
    else:
        y = values
        goal_y = level
        size = sum(abs(v) for v in values) / len(values)
        model = growth_fit(y, idx, prior, scale=size if size > 0 else 1.0)
        out["method"] = "linear" if method == "closed_form" else "bootstrap-linear"
        out["historical_rate"] = None
        out["required_rate"] = None
        out["_projected"] = current + (last_value - first_shown) / span_w * n
    out["historical_linear"] = (last_value - first_shown) / span_w
    out["required_linear"] = (level - current) / n
    k = model.changes
    loc, spread = model.location(n), model.scale(n)
    if method == "bootstrap" and k >= 1:
        # resample the history's own changes about their mean, around the model's median
        gaps = [b - a for a, b in itertools.pairwise(idx)]
        centred = [(b - a) / g - model.raw_drift for a, b, g in zip(y, y[1:], gaps, strict=False)]
        rng = random.Random(seed)
        whole = max(1, math.ceil(n))
        step = n / whole
        hits = 0
        for _ in range(samples):
            total = loc + sum(rng.choice(centred) for _ in range(whole)) * step
            hits += (total >= goal_y) if higher else (total <= goal_y)
        p = hits / samples
    elif spread > 1e-12 and k >= 2:
        t = (goal_y - loc) / spread
        p = student_t_sf(t, k - 1) if higher else student_t_cdf(t, k - 1)
    else:
        p = 1.0 if (loc >= goal_y - 1e-12 if higher else loc <= goal_y + 1e-12) else 0.0
    out["probability"] = min(1.0, max(0.0, p))
    out["drift"], out["volatility"], out["changes"] = model.drift, model.volatility, k
    out["model"] = (model, logs)
    # the target reachable with probability one half: the median forecast
    out["_suggest_level"] = _grow(1.0, loc) if logs else loc
    needed = model.months_to(goal_y - model.level)
    if needed is not None:
        out["_months_needed"] = needed
    return out


def _window(points: list[Point], months: int | None) -> list[Point]:
    """The points at most ``months`` months before the last (at least two; all: None)."""
    if months is None:
        return points
    last = points[-1].date
    since = last.year * 12 + last.month - months  # the earliest month index in it
    first = len(points) - 1
    while first > 0 and (d := points[first - 1].date).year * 12 + d.month >= since:
        first -= 1
    return points[min(first, len(points) - 2) :]


def _grow(value: float, log_change: float) -> float:
    """``value * exp(log_change)``, saturating instead of overflowing."""
    return value * math.exp(min(log_change, 700.0))


def _explain(
    a: Achievability,
    goal: Goal,
    metric: str,
    last_date: Date,
    level: float | None,
    supported: float | None,
    evaluation: Any,
) -> str:
    if a.current is None or a.target is None:
        return a.note
    unit = a.unit
    cur, tgt = _format_q(a.current), _format_q(a.target)
    if a.per_month:
        tgt += " a month"
    deadline = goal.deadline.isoformat() if goal.deadline else "the deadline"
    parts: list[str] = []
    if a.cumulative:
        parts.append(f"{metric.capitalize()} so far: {cur} (to {last_date.isoformat()}).")
    else:
        parts.append(f"{metric.capitalize()}: {cur} on {last_date.isoformat()}.")
    if a.verdict is Verdict.ACHIEVED:
        parts.append(f"That already meets the target of {tgt}.")
        return " ".join(parts)
    if a.verdict is Verdict.EXPIRED:
        parts.append(f"The deadline ({deadline}) has passed, short of {tgt}.")
        return " ".join(parts)
    if a.verdict is Verdict.INSUFFICIENT_DATA:
        parts.append(
            f"Only {a.observations} monthly observations over {a.span_months:.1f} months: "
            "too little history to judge."
        )
        return " ".join(parts)
    if a.historical_rate is not None:
        verb = "grew" if a.historical_rate >= 0 else "fell"
        parts.append(f"Over the recent months it {verb} {abs(a.historical_rate):.1%} a month.")
    elif a.historical_linear is not None:
        parts.append(
            "Values at or below zero rule out growth rates, so a linear model is used: "
            f"{format_number(a.historical_linear)} a month."
        )
    months = a.months_left or 0.0
    if a.cumulative and level is not None:
        parts.append(
            f"Reaching {tgt} in total by {deadline} needs about "
            f"{_format_q(quantity(level, unit))} a month for the remaining {months:.1f} months."
        )
    elif a.required_rate is not None:
        verb = "growth" if a.required_rate >= 0 else "a fall"
        parts.append(
            f"Reaching {tgt} by {deadline} ({months:.1f} months) needs {verb} of "
            f"{abs(a.required_rate):.1%} a month."
        )
    elif a.required_linear is not None:
        parts.append(
            f"Reaching {tgt} by {deadline} needs {format_number(a.required_linear)} a month."
        )
    if a.projected is not None and not a.cumulative:
        parts.append(f"At the historical rate it would be about {_format_q(a.projected)} by then.")
    if a.probability is not None:
        parts.append(f"Chance of reaching the target: {a.probability:.0%} ({a.verdict.value}).")
    if a.verdict in (Verdict.STRETCH, Verdict.UNREALISTIC) and a.suggested_target is not None:
        about = _format_q(quantity(supported, unit)) if supported is not None else ""
        tip = (
            f"Your history supports about {about} by then; consider {_format_q(a.suggested_target)}"
        )
        if a.suggested_deadline is not None:
            tip += (
                f", or keep the target and move the deadline to {a.suggested_deadline.isoformat()}"
            )
        else:
            tip += " or a later deadline"
        parts.append(tip + ".")
    return " ".join(parts)
