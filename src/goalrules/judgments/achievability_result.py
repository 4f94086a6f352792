"""The achievability judgment of one goal as a record: its verdict, the chance and every
figure read from the one predictive distribution (the forecast's median and central 80 %
range at the deadline, the rates, the suggested target and deadline), written out as
words (:attr:`Achievability.explanation`) and as JSON (:meth:`Achievability.to_dict`).
:func:`goalrules.judgments.achievability.assess_achievability` makes it.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from typing import TYPE_CHECKING, Any

import attrs

from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.engine.notebook import OneRow
from goalrules.judgments.achievability_model import predictive_at, quantile_of
from goalrules.judgments.achievability_start import (
    FromStart,
    explain_from_start,
    forecast_from_start,
)
from goalrules.judgments.achievability_text import (
    chance_percent,
    explain,
    format_value,
    number_text,
    shown_chance,
)
from goalrules.judgments.forecast import Predictive, Sampled
from goalrules.judgments.growth import GrowthFit
from goalrules.model import Direction
from goalrules.numbers import format_decimal, format_percent
from goalrules.units import quantity, unit_info

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

__all__ = ["Achievability", "Verdict", "chance_edges_of", "shipped_chance_edges"]

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
    # what the target is counted from: the goal's baseline, else the history's value at
    # its start (start_point); 0 for a total ("600 leads in 2026"), counted from nothing
    baseline_value: float | None = None
    projected_value: float | None = None
    suggested_value: float | None = None
    per_month: bool = False
    drift: float | None = None
    volatility: float | None = None
    changes: int = 0
    last_date: Date | None = None
    flow: bool = False
    carried_value: float | None = None
    recent_rates: tuple[float, float] | None = None
    longer_rate: tuple[int, float] | None = None
    # the rates above are read with the model's calendar-month indices taken out
    seasonal: bool = False
    # a relative target counted from a start after the history ends: the value then is
    # a forecast, and the chance is that of the change from it (target_value is None)
    from_start: FromStart | None = None
    model: tuple[GrowthFit, bool] | None = attrs.field(default=None, eq=False, repr=False)
    predictive: Predictive | Sampled | None = attrs.field(default=None, eq=False, repr=False)
    total_of: tuple[float, float] | None = attrs.field(default=None, eq=False, repr=False)
    note: str = attrs.field(default="", repr=False)
    # what to do about a goal the history cannot judge, when more history is not it (its
    # dates wrong, a history in thousands, a deadline before the history): "" otherwise
    remedy: str = attrs.field(default="", repr=False)
    # judged with goalrules' own prior (no centre given or learnt across histories)
    default_prior: bool = attrs.field(default=False, eq=False, repr=False)
    # a metric that cannot be negative: the forecast is censored at zero
    nonnegative: bool = attrs.field(default=False, eq=False, repr=False)
    # read on a straight line for a level at or below zero the target asks (a cost per
    # lead of 0 USD), the history's values all above zero
    linear_for_target: bool = attrs.field(default=False, eq=False, repr=False)
    # a share of a whole (bounce rate, CSAT): the forecast is censored at 100 %
    ceiling: float | None = attrs.field(default=None, eq=False, repr=False)
    # the deadline has passed and the history ends before it: whether it was met is unknown
    deadline_unseen: bool = attrs.field(default=False, eq=False, repr=False)
    _context: Any = attrs.field(default=None, eq=False, repr=False)
    _cache: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False)

    def band(
        self, months: float, *, low: float = 0.1, high: float = 0.9
    ) -> tuple[float, float, float] | None:
        """(low, median, high) predicted values ``months`` after the last observation,
        in the history's unit: quantiles of the model's predictive mixture (``None``
        without a model)."""
        if self.model is None or self.cumulative or self.changes < 2:
            return None
        fitted, logs = self.model
        pred = predictive_at(fitted, months, logs)
        lo, mid, hi = (pred.value(quantile_of(pred, q)) for q in (low, 0.5, high))
        if self.nonnegative:  # censored at zero: a count below zero is zero
            lo, mid, hi = max(lo, 0.0), max(mid, 0.0), max(hi, 0.0)
        if self.ceiling is not None:  # and a share at its whole
            lo, mid, hi = (min(x, self.ceiling) for x in (lo, mid, hi))
        return (lo, mid, hi)

    @property
    def forecast(self) -> dict[str, Any] | None:
        """The predictive distribution at the deadline, in the target's unit:
        ``{"unit", "target", "median", "low", "high", "level": 0.8}`` (``low`` and
        ``high`` bound the central 80 %; the median is the projection, and the chance is
        at least one half exactly when it reaches the target). ``None`` when the goal was
        not judged on a model."""
        if self.from_start is not None:
            return forecast_from_start(self)
        if self.predictive is None or self.target_value is None or self.projected_value is None:
            return None
        if "forecast" not in self._cache:
            pred = self.predictive
            low, high = self._range_of(*(quantile_of(pred, q, 1e-7) for q in (0.1, 0.9)))
            self._cache["forecast"] = {
                "unit": self.forecast_unit,
                "target": self.target_value,
                "median": self.projected_value,
                "low": low,
                "high": high,
                "level": 0.8,
            }
        found: dict[str, Any] = self._cache["forecast"]
        return found

    def _range_of(self, low: float, high: float) -> tuple[float, float]:
        """The forecast's range from the mixture's ``low`` and ``high`` (its scale): in
        the history's unit, as a total when the target is one, censored at zero, and
        holding the median (monotone in each bound)."""
        pred, median = self.predictive, self.projected_value
        assert pred is not None and median is not None
        low, high = pred.value(low), pred.value(high)
        if self.total_of is not None:
            so_far, months = self.total_of
            low, high = so_far + low * months, so_far + high * months
        if self.nonnegative:  # censored at zero: a count below zero is zero
            low, high = max(low, 0.0), max(high, 0.0)
        if self.ceiling is not None:  # and a share at its whole
            low, high = min(low, self.ceiling), min(high, self.ceiling)
        return min(low, median), max(high, median)

    def forecast_range_within(self, factor: float) -> bool:
        """Whether :attr:`forecast`'s central 80 % range is positive and its high at most
        ``factor`` times its low, read without the quantile search where it can be: a
        mixture's quantile lies between its components' own, so the components' lowest
        10 % point and highest 90 % point bound the range from outside."""
        pred = self.predictive
        if isinstance(pred, Predictive) and self.projected_value is not None:
            live = [c for c in pred.components if c.weight > 0]
            outer = self._range_of(
                min(c.quantile(0.1) for c in live), max(c.quantile(0.9) for c in live)
            )
            if outer[0] > 0 and outer[1] <= factor * outer[0]:
                return True
        f = self.forecast
        return f is not None and f["low"] > 0 and f["high"] <= factor * f["low"]

    @property
    def forecast_unit(self) -> str:
        """The unit the forecast is written in: the history's ("follower"), a month's
        for a monthly target ("lead / month")."""
        unit = str(unit_info(self.unit).text) if self.unit else "dimensionless"
        return f"{unit} / month" if self.per_month else unit

    @property
    def chance_edges(self) -> tuple[float, ...]:
        """The chances no shown figure rounds across: one half (the median reaching the
        target) and the verdict's thresholds (the ruleset's ``achievable`` and
        ``stretch``)."""
        if self._context is None:
            return shipped_chance_edges()
        return chance_edges_of(self._context[-1][0])

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
        """The forecast's median at the deadline (the chance is at least one half
        exactly when it reaches the target)."""
        return self._q(self.projected_value)

    @property
    def suggested_target(self) -> Quantity | None:
        """A round target the history supports by the deadline: the forecast's median,
        rounded to two figures towards the easier side."""
        return self._q(self.suggested_value)

    @property
    def explanation(self) -> str:
        """The judgment in plain language, with the numbers behind it."""
        if "explanation" not in self._cache:
            if self._context is None:
                said = self.note
            elif self.from_start is not None and self._context[0].deadline is not None:
                said = explain_from_start(self, self._context[1], self._context[0].deadline)
            else:
                said = explain(self, *self._context)
            if self.note and said != self.note:
                said = f"{self.note} {said}"
            self._cache["explanation"] = said
        text: str = self._cache["explanation"]
        return text

    @property
    def reasons(self) -> tuple[str, ...]:
        """The messages of the rules that hold and give the verdict (a lower rule that
        also holds, "Unrealistic (0.002 %)" under too little history, is no reason: its
        chance is not shown)."""
        if self._context is None:
            return (self.note,) if self.note else ()
        rules, facts, today = self._context[-1]
        report = rules.evaluate({"history": facts}, today=today)
        return tuple(
            f.message
            for f in report.findings
            if f.outcome.value == "pass" and f.definition.decision in (None, self.verdict.value)
        )

    def _repr_html_(self) -> str:
        from goalrules.judgments.channels import _card

        return _card("achievability", self.verdict.value, self.explanation, self.shown_rows())

    def shown_rows(self) -> list[tuple[str, str]]:
        """The judgment's numbers as its explanation writes them, each with its label (a
        notebook's card): the chance in whole percent, never across a verdict's
        threshold ("9 %", "under 1 %"), rates in percent a month, values in their unit.
        The JSON (:meth:`to_dict`) keeps the numbers unrounded for programs."""
        d = self.to_dict()
        f = self.forecast if self.from_start is None else None
        a_month = " a month"
        rows: list[tuple[str, str | None]] = [
            ("chance", None if self.probability is None
             else chance_percent(self.probability, self.chance_edges)),
            ("forecast by the deadline", d["projected"]),
            ("its 80 % range", None if f is None else
             f"{number_text(f['low'], self.unit)} to {format_value(f['high'], self.unit)}"),
            ("now", d["current"]),
            ("target", d["target"]),
            ("growth needed", None if self.required_rate is None
             else format_percent(self.required_rate) + a_month),
            ("growth over the recent months", None if self.historical_rate is None
             else format_percent(self.historical_rate) + a_month),
            ("months to the deadline", None if self.months_to_go is None
             else format_decimal(self.months_to_go, 1)),
            ("suggested target", d["suggested_target"]),
            ("suggested deadline", d["suggested_deadline"]),
            ("months of history", str(self.observations)),
            ("method", d["method"]),
        ]  # fmt: skip
        return [(label, text) for label, text in rows if text is not None]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: numbers as floats, quantities as text, dates as ISO text."""

        def q(x: float | None) -> str | None:
            return None if x is None else format_value(x, self.unit)

        fs = self.from_start
        if fs is not None:  # the target and the forecast are changes from the start

            def q(x: float | None) -> str | None:
                return None if x is None else f"{fs.change(x)} from {fs.start.isoformat()}"

        shown = None
        if fs is not None:  # too little history: the target only
            shown = (
                (fs.target, fs.growth[0], fs.suggested) if fs.judged else (fs.target, None, None)
            )
        return {
            "verdict": self.verdict.value,
            "probability": None
            if self.probability is None
            else shown_chance(self.probability, self.chance_edges),
            "required_rate": _round(self.required_rate),
            "historical_rate": _round(self.historical_rate),
            "required_linear": _round(self.required_linear),
            "historical_linear": _round(self.historical_linear),
            "projected": q(shown[1] if shown else self.projected_value),
            "current": None
            if self.current_value is None
            else format_value(self.current_value, self.unit),
            "target": q(shown[0] if shown else self.target_value),
            "months_left": _round(self.months_to_go),
            "method": self.method,
            "observations": self.observations,
            "suggested_target": q(shown[2] if shown else self.suggested_value),
            "suggested_deadline": self.suggested_deadline.isoformat()
            if self.suggested_deadline
            else None,
            "explanation": self.explanation,
            "forecast": self.forecast_json(),
            **({"start_value": self._start_value()} if fs is not None and fs.judged else {}),
        }

    @property
    def months_to_go(self) -> float | None:
        """The months the target is asked over, as ``months_left`` in the JSON and the
        rules give it: from the last observation (from the start, for a relative target
        counted from a start after the history ends) to the deadline, the months
        ``required_rate`` is spread over; 0 once the history reaches the deadline (never
        a negative count)."""
        fs = self.from_start
        months = fs.months if fs is not None else self.months_left
        return None if months is None else max(0.0, months)

    def _start_value(self) -> dict[str, Any] | None:
        """The value at a start after the history ends, as the forecast it is."""
        if self.from_start is None:
            return None
        median, low, high = self.from_start.value
        return {
            "date": self.from_start.start.isoformat(),
            "unit": self.forecast_unit,
            "median": median,
            "low": low,
            "high": high,
            "level": 0.8,
        }

    def forecast_json(self) -> dict[str, Any] | None:
        """:attr:`forecast` as JSON (plain numbers, unrounded: the chance and the median
        agree however they are read)."""
        f = self.forecast
        return None if f is None else dict(f)


@functools.lru_cache(maxsize=32)
def chance_edges_of(rules: RuleSet) -> tuple[float, ...]:
    """One half and a ruleset's verdict thresholds (``achievable``, ``stretch``): the
    chances no shown figure rounds across (kept per ruleset, whose params do not
    change: every judgment of a check reads them twice)."""
    params = rules.params
    thresholds = (params.get(k) for k in ("achievable", "stretch"))
    return (0.5, *(float(t) for t in thresholds if isinstance(t, (int, float))))


@functools.cache
def shipped_chance_edges() -> tuple[float, ...]:
    """:func:`chance_edges_of` the shipped achievability rules (a judgment whose
    ruleset is not known, a stored review's)."""
    return chance_edges_of(shipped_ruleset("achievability"))


def _round(x: float | None, digits: int = 6) -> float | None:
    return None if x is None else round(x, digits)
