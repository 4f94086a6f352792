"""A goal's target as a number in its history's unit.

:meth:`Goal.resolved_target <goalrules.model.Goal.resolved_target>` builds the absolute
target as a pint quantity (a multiple or a percentage of the baseline: ``baseline x
factor``), and the judgment reads it in the history's unit, a per-time target ("50 leads
a month") as a monthly level. Here the same numbers are worked out on magnitudes: a
multiple's magnitude is the baseline's times the factor (the product pint forms, in the
baseline's units), and a quantity's value in another unit is its magnitude times the
ratio of the units' factors (:func:`goalrules.units.unit_info`), pint finding the units
of ``x 1 month`` once per pair of units. Targets and baselines pint would not multiply
plainly (another registry, an offset unit, a magnitude that is not a float or an int)
take pint's path, and :func:`_per_month_reference` is the reference the tests hold the
quick path to.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import operator
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from goalrules import plugins
from goalrules.dates import month_end
from goalrules.errors import GoalRulesError, UnitError
from goalrules.judgments.achievability_text import _month_name, format_value
from goalrules.judgments.weekly_flows import rows_stop
from goalrules.model import Goal, Point, Target, TargetKind
from goalrules.units import UnitInfo, dimension_key, info_of, quantity, registry, unit_info
from goalrules.vocabulary import MetricKind

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

__all__ = [
    "baseline_from",
    "baseline_number",
    "infer_cumulative",
    "months_until",
    "plain_product",
    "relative_factor",
    "rows_stop_note",
    "start_outside",
    "start_point",
    "starts_after_history",
    "target_from_start",
    "target_in_unit",
]

Date = _dt.date


def _to_series_unit(q: Quantity, unit: str, field: str) -> float:
    """``q`` as a number in ``unit`` (a bare number is taken as already in it)."""
    return _number_in_unit(q.magnitude, info_of(q), q, unit, field)


def _number_in_unit(magnitude: Any, qinfo: UnitInfo, q: Quantity, unit: str, field: str) -> float:
    """A quantity of ``magnitude`` in units of ``qinfo`` (those of ``q``, named in the
    error) as a number in ``unit`` (a bare number is taken as already in it)."""
    info = unit_info(unit)
    if qinfo.key == () and info.key != () and qinfo.text == "dimensionless":
        return float(magnitude)
    if qinfo.key != info.key:
        raise UnitError(
            f"the {field} is in {str(q.units)!r}, which does not fit the metric's unit {unit!r}",
            field=f"goal.{field}",
        )
    return float(magnitude) * qinfo.factor / info.factor


def target_in_unit(goal: Goal, baseline: Any, unit: str) -> tuple[float, bool] | None:
    """The goal's target as a number in ``unit`` and whether it is a monthly level
    ("50 leads a month"); ``None`` when it is relative and ``baseline`` is unknown.

    The number is :meth:`Goal.resolved_target`'s quantity converted as
    :func:`_to_series_unit` and :func:`_per_month_value` convert it; a multiple or a
    percentage of a baseline is worked out on the magnitude (``baseline x factor``, the
    product pint forms) without building the quantity (the reference path is the
    quantity's, taken for any other target)."""
    target = goal.target
    if target is None:
        return None
    if baseline is None and goal.baseline is not None:
        baseline = goal.baseline
    factor = relative_factor(target)
    if factor is not None and baseline is not None and plain_product(baseline):
        magnitude = baseline.magnitude * factor  # pint's magnitude of `baseline * factor`
        qinfo = info_of(baseline)
        if ("[time]", -1) in qinfo.key:
            return _per_month_number(magnitude, baseline, unit), True
        return _number_in_unit(magnitude, qinfo, baseline, unit, "target"), False
    target_q = goal.resolved_target(baseline)
    if target_q is None:
        return None
    if ("[time]", -1) in info_of(target_q).key:  # "50 leads a month": a monthly level
        return _per_month_value(target_q, unit), True
    return _to_series_unit(target_q, unit, "target"), False


def relative_factor(target: Target) -> float | None:
    """The factor a multiple (``x2``) or a percentage (``+50 %``) applies to its baseline,
    as :meth:`Target.resolve` works it out (``None`` for other targets)."""
    if target.kind is TargetKind.MULTIPLE:
        return float(target.amount)
    if target.kind is TargetKind.PERCENT:
        return 1.0 + float(target.amount) / 100.0
    return None


def target_from_start(target: Target, at_start: float, unit: str) -> tuple[float, bool] | None:
    """:func:`target_in_unit` of a multiple or a percentage of the history's value at
    the start, ``quantity(at_start, unit)``, without that quantity: its magnitude is
    ``at_start`` and its units those of ``unit``'s quantities (``None``: other targets,
    and values pint would not multiply plainly)."""
    factor = relative_factor(target)
    if factor is None or type(at_start) not in (float, int):
        return None
    sample = _unit_sample(unit)
    if not plain_product(sample):
        return None
    magnitude = at_start * factor  # pint's magnitude of `quantity(at_start, unit) * factor`
    if ("[time]", -1) in info_of(sample).key:
        return _per_month_number(magnitude, sample, unit), True
    return _number_in_unit(magnitude, info_of(sample), sample, unit, "target"), False


def _unit_sample(unit: str) -> Quantity:
    """A quantity in ``unit`` (its units are those of every ``quantity(x, unit)``)."""
    sample = _SAMPLES.get(unit)
    if sample is None:
        if len(_SAMPLES) >= 1024:
            _SAMPLES.clear()
        sample = _SAMPLES[unit] = quantity(1.0, unit)
    return sample


_SAMPLES: dict[str, Quantity] = {}


def plain_product(q: Any) -> bool:
    """Whether pint multiplies ``q`` by a float as its magnitude times the float in the
    same units: a pint quantity of float or int magnitude (not a bool) in units without
    an offset, of a registry that does not reduce dimensions."""
    units = getattr(q, "_units", None)
    if units is None or type(getattr(q, "_magnitude", None)) not in (float, int):
        return False
    ok = _PLAIN_UNITS.get(units)
    if ok is None:
        ureg = getattr(q, "_REGISTRY", None)
        ok = (
            ureg is registry()
            and not ureg.auto_reduce_dimensions
            and not q._get_non_multiplicative_units()
        )
        _PLAIN_UNITS[units] = ok
    return ok


_PLAIN_UNITS: dict[Any, bool] = {}


def _per_month_value(target_q: Quantity, unit: str) -> float:
    """A per-time target (``50 leads / month``) as a monthly count in ``unit``."""
    return _per_month_number(target_q.magnitude, target_q, unit)


def _per_month_number(magnitude: Any, q: Quantity, unit: str) -> float:
    """A per-time quantity of ``magnitude`` in ``q``'s units as a monthly count in
    ``unit``: ``magnitude x 1 month`` in base units over ``unit``'s factor, as
    :func:`_per_month_reference` works it out (pint finds the units of the product once
    per pair of units)."""
    factor = _monthly_factor(q, unit)
    if factor is _BY_PINT:
        return _per_month_reference(registry().Quantity(magnitude, q.units), unit)
    if factor is None:
        raise UnitError(
            f"the target is in {str(q.units)!r}, which does not fit the unit {unit!r}",
            field="goal.target",
        )
    return float(magnitude) * factor / unit_info(unit).factor


def _per_month_reference(target_q: Quantity, unit: str) -> float:
    """:func:`_per_month_value` with pint's arithmetic on every call (the reference the
    tests hold the fast path to)."""
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


_BY_PINT = -1.0  # a product whose magnitude pint changes: no factor stands for it


def _monthly_factor(q: Quantity, unit: str) -> float | None:
    """The base-unit factor of ``q``'s units times a month (``None``: the product does
    not fit ``unit``; ``_BY_PINT``: pint converts on the way), kept per pair of units."""
    key = (q._units, unit)
    if key in _MONTHLY:
        return _MONTHLY[key]
    ureg = registry()
    monthly = ureg.Quantity(1, q.units) * ureg.Quantity(1, "month")
    info = unit_info(unit)
    minfo = unit_info(str(monthly.units))
    fits = dimension_key(dict(monthly.dimensionality)) == info.key or minfo.key == info.key
    found = (minfo.factor if fits else None) if monthly.magnitude == 1 else _BY_PINT
    if len(_MONTHLY) >= 1024:
        _MONTHLY.clear()
    _MONTHLY[key] = found
    return found


_MONTHLY: dict[tuple[Any, str], float | None] = {}


@plugins.on_reset
def _forget_units() -> None:
    """Plugins add units: the factors and units kept here are read again."""
    _MONTHLY.clear()
    _PLAIN_UNITS.clear()
    _SAMPLES.clear()


def start_point(
    seen: Sequence[Point], points: Sequence[Point], stock: bool, start: Date | None
) -> Point | None:
    """The value a goal starts from, with the day it was seen: for a stock, the last
    observation on or before the start (``seen``, the history's own points up to the
    judgment's date), the first when the history begins after it; for a flow, the
    complete month (``points``) holding the start, else the latest before it, else the
    first. No start: the history's first value.

    A stock's monthly point holds the month's *last* value, dated on its first day:
    read at a start on the 1st, it would give the value at the month's end (a "+300
    followers" from January 1 counted from January 31's value)."""
    if not points:
        return None
    if stock and seen:
        if start is None:
            return seen[0]
        i = bisect.bisect_right(seen, start, key=_DATE_OF)
        return seen[i - 1] if i else seen[0]
    if start is None:
        return points[0]
    i = bisect.bisect_right(points, start, key=_DATE_OF)
    return points[i - 1] if i else points[0]


def start_outside(
    start: Date | None,
    points: Sequence[Point],
    at: Point,
    unit: str,
    *,
    stock: bool = True,
    seen: Sequence[Point] = (),
) -> str:
    """A note when a relative target ("+20 %") is counted from a value that is not the
    one at the goal's start, because the history does not reach the start: a start more
    than a month after the last observation (the latest value stands in) or more than a
    month before the first (the first value does), or no start at all (the first value);
    nothing when the history covers the start, or ends less than a month from it
    ("double our followers" from today, the last count a fortnight old: that is the
    value now). ``at`` is the value counted from (:func:`start_point`), named by the day
    a stock was seen on (``seen``: its observations), or a flow's month."""
    if not points:
        return ""
    shown = format_value(at.value, unit)
    when = at.date.isoformat() if stock else _month_name(at.date)
    if start is None:
        return (
            "The goal names no start and no baseline: its target is counted from the "
            f"history's first value, {shown} ({when})."
        )
    first, _ = _history_days(points, stock, seen)
    month = _dt.timedelta(days=_MONTH_DAYS)
    if starts_after_history(start, points, stock=stock, seen=seen):
        return (
            f"The goal starts on {start.isoformat()}, more than a month after the history "
            f"ends: its target is counted from the latest value, {shown} ({when}), not the "
            "value at the start."
        )
    if start < first - month:
        return (
            f"The goal starts on {start.isoformat()}, more than a month before the history "
            f"begins: its target is counted from the first value, {shown} ({when}), not "
            "the value at the start."
        )
    return ""


#: how far from a history's ends its first or latest value stands for the value at a
#: goal's start
_MONTH_DAYS = 31


def starts_after_history(
    start: Date | None, points: Sequence[Point], *, stock: bool, seen: Sequence[Point] = ()
) -> bool:
    """Whether a goal starts more than a month after the history's latest value (a
    stock's last observation, a flow's last complete month): the value at its start is
    not known, and no value of the history stands in for it."""
    if start is None or not points:
        return False
    return start > _history_days(points, stock, seen)[1] + _dt.timedelta(days=_MONTH_DAYS)


def _history_days(points: Sequence[Point], stock: bool, seen: Sequence[Point]) -> tuple[Date, Date]:
    """The days the history's first and latest values stand for: a stock's
    observations (``seen``), a flow's months."""
    observed = stock and bool(seen)
    first = seen[0].date if observed else points[0].date
    last = seen[-1].date if observed else month_end(points[-1].date)
    return first, last


#: a stock goal's own baseline this far from the history's value at its start (as a share
#: of that value) is said: one of the two is not the account's level then
_BASELINE_GAP = 0.10


def baseline_unlike_history(
    goal: Goal,
    points: Sequence[Point],
    at: Point | None,
    unit: str,
    *,
    stock: bool,
    seen: Sequence[Point] = (),
) -> str:
    """A note when a stock goal gives its own baseline and the history, which covers the
    goal's start, shows a level more than a tenth away from it there ("from 900 to 1,300
    followers" beside a history at 1,221): the forecast starts from the history, a relative
    target from the baseline given, and neither number may pass unsaid."""
    if not stock or at is None or goal.baseline is None or goal.start is None or at.value <= 0:
        return ""
    if start_outside(goal.start, points, at, unit, stock=stock, seen=seen):
        return ""  # the history does not show the level at the start
    given = baseline_number(goal, unit)
    if given is None or abs(given / at.value - 1) <= _BASELINE_GAP:
        return ""
    counted = (
        " The target is counted from the baseline given."
        if goal.target is not None and goal.target.is_relative
        else ""
    )
    return (
        f"The baseline given, {format_value(given, unit)}, is not the history's level at "
        f"the start: {format_value(at.value, unit)} on {at.date.isoformat()}; the forecast "
        f"starts from the history.{counted}"
    )


def baseline_number(goal: Goal, unit: str) -> float | None:
    """The goal's own baseline as a number in ``unit`` (a per-time baseline, "30 leads a
    month", as a monthly count); ``None`` when it gives none or one that does not fit."""
    if goal.baseline is None:
        return None
    try:
        if ("[time]", -1) in info_of(goal.baseline).key:
            return _per_month_value(goal.baseline, unit)
        return _to_series_unit(goal.baseline, unit, "baseline")
    except GoalRulesError:
        return None


def baseline_from(goal: Goal, unit: str, at_start: Point | None) -> float | None:
    """What a goal's target is counted from, in ``unit``: its own baseline, else the
    history's value at its start (:func:`start_point`)."""
    given = baseline_number(goal, unit)
    return given if given is not None or at_start is None else at_start.value


def months_until(monthly: Sequence[Point], kind: MetricKind, today: Date) -> list[Point]:
    """The complete months of ``monthly`` (a series' points resampled to months, dated
    on their first day) as of ``today``: a flow's current month, not over yet, is left
    out, and so is every month after it, however far the history runs."""
    last = today.year * 12 + today.month
    if kind is MetricKind.FLOW and today != month_end(today):
        last -= 1  # the current month is not over: its sum is partial
    points = list(monthly)
    if points and points[-1].date.year * 12 + points[-1].date.month <= last:
        return points  # sorted: nothing lies after the last complete month
    return [p for p in points if p.date.year * 12 + p.date.month <= last]


def rows_stop_note(points: Sequence[Point], kind: MetricKind, today: Date, unit: str) -> str:
    """What a judgment says of a flow's month the rows stop inside (:func:`rows_stop`)
    once that month is over on ``today``: its rows' sum is not the month's total, so the
    month is not read as a whole one; nothing for a month still under way, or rows that
    run on."""
    if kind is not MetricKind.FLOW:
        return ""
    stop = rows_stop(points, today)
    if stop is None or month_end(stop) > today:
        return ""
    first = Date(stop.year, stop.month, 1)
    counted = sum(p.value for p in points if first <= p.date <= stop)
    month, days = _month_name(stop), month_end(stop).day
    return (
        f"The history's rows count the days up to {stop.isoformat()}, before {month} is "
        "over: its "
        f"{format_value(counted, unit)} count {stop.day} of its {days} days and are not the "
        f"month's total (a day with no row is no day of none), so {month} is not read as "
        "a whole month."
    )


_DATE_OF = operator.attrgetter("date")


#: the words that call a target a total ("10,000 in total")
_TOTAL_WORDS = r"\bin total\b|\btotal\b|\bcumulative\b|\boverall\b"
_CUMULATIVE = re.compile(
    r"\b(this|per|a|each|every)?\s*(year|quarter|half)\b"
    rf"|{_TOTAL_WORDS}"
    # a period named by its year, quarter or half: "600 leads in 2026", "in Q3 2026"
    r"|\b(?:in|during|over|across)\s+(?:fy\s*)?(?:19|20)\d\d\b"
    r"|\b(?:in|during|over|across)\s+(?:q[1-4]|h[12])\b",
    re.I,
)
_LEVEL = re.compile(r"\b(a|per|each|every)\s+month\b|\bmonthly\b|/\s*month", re.I)
#: a flow grown *to* a number is the level it grows to ("grow visits to 10,000 in
#: 2026"), not a sum of the year's months, unless the statement says it is a total
_GROWN_TO = re.compile(
    r"\b(?:grow|increase|raise|boost|lift|take|bring|scale|push)\w*\b[^.;]*?\bto\s+\W?\d", re.I
)
_SAID_TOTAL = re.compile(_TOTAL_WORDS, re.I)


def infer_cumulative(goal: Goal) -> bool:
    """Whether a flow goal's statement reads as a total over its period ("1,000 leads
    this year", "in 2026", "in total"), not a monthly level ("50 leads a month"). A
    relative target ("increase leads by 20 % this year") is a level's change: a total
    has no baseline to be 20 % above (read as one, the year's first two months "met" it)."""
    if goal.target is not None and goal.target.is_relative:
        return False
    text = goal.statement or ""
    if _LEVEL.search(text) or (_GROWN_TO.search(text) and not _SAID_TOTAL.search(text)):
        return False
    m = _CUMULATIVE.search(text)
    if m is None:
        return False
    return (m.group(1) or "").lower() not in ("per", "a", "each", "every")
