"""A rate's history given as plain numbers: per cent, or shares of one?

A metric measured in per cent (bounce rate, engagement rate) may come with a history of
plain numbers: ``3.2`` (per cent) or ``0.032`` (a share of one, what most exports and
spreadsheets hold). Read in the metric's unit, a share history is a hundred times too
small: a bounce rate of 0.47 read as 0.47 % "already meets" a target of 45 %, and an
engagement rate of 0.032 read as 0.032 % "needs 96 % growth a month" to reach 3.5 %.

When every value lies between 0 and 1 and the history names no unit, the absolute
target decides: the reading that puts the target within a factor of ten of the latest
value is taken, and a share reading is said in a note (give the history's unit to be
sure). When the target does not decide (a relative target, or a factor of ten either
way), the metric's unit stands, as before.

A goal's own amounts may be plain numbers too: ``target = 4`` for an engagement rate.
Converted as a plain number is (a share of one), 4 is 400 %, and "+0.5" adds 50 points:
the goal read "needs growth of 940 % a month". A plain target (absolute or a change) or
baseline of a metric in per cent is read the way that puts the level it sets within a
factor of ten of the history's latest value: per cent (4 for 4 %, said in a note) or a
share of one (0.04 for 4 %, the plain number's own reading). When both readings, or
neither, fit the history, the number is ambiguous and the goal is not judged: the reason
asks for its unit (:func:`read_plain_amounts`).

A count's history given in thousands ("followers (k)": ``12.1``, ``12.5``... for 12,100
and 12,500 followers) is the same mistake a thousand times over: read as followers, 14.1
followers "needs 217 % a month" to reach 15,000, and the goal read as unrealistic under
1 %. A count is whole by nature, so a history of a count with values that are not whole
numbers, under a target at least a hundred times its latest value, is not judged: the
reason says so and asks for the history in the metric's unit (:func:`scale_doubt`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from goalrules.errors import GoalRulesError
from goalrules.judgments.achievability_text import format_value, is_count
from goalrules.judgments.achievability_units import target_in_unit
from goalrules.model import Goal, MetricSeries, Point, Target, TargetKind
from goalrules.units import quantity, unit_info

__all__ = [
    "in_percent",
    "is_money",
    "read_percent",
    "read_plain_amounts",
    "read_shares",
    "scale_doubt",
]

#: how far from the latest value a target may lie for its reading to be plausible
PLAUSIBLE = 10.0
#: a target this many times a count's latest value, when its values are not whole: a
#: history in thousands (or millions), not the metric's unit
SCALED = 100.0


def read_percent(
    goal: Goal, series: MetricSeries, unit: str, today: _dt.date
) -> tuple[Goal, MetricSeries, str, str]:
    """A goal on a metric in per cent (``unit``) and its history, as they are meant:
    the goal's plain numbers read as :func:`read_plain_amounts` reads them, then the
    history's plain values as :func:`read_shares` does beside the absolute target;
    with the notes that say so, and the reason a plain number cannot be placed (then
    nothing is judged). Other goals and histories come back as they are."""
    if not in_percent(unit):
        return in_points(goal, unit), series, "", ""
    goal, note, ambiguous = read_plain_amounts(goal, series, unit, today)
    if ambiguous:
        return goal, series, "", ambiguous
    if series.unit is None and goal.target is not None and not goal.target.is_relative:
        absolute = target_in_unit(goal, goal.baseline, unit)
        shares = read_shares(series, unit, goal, absolute and absolute[0], today)
        if shares is not None:
            series, said = shares
            note = " ".join(filter(None, (note, said)))
    return goal, series, note, ""


def read_shares(
    series: MetricSeries, unit: str, goal: Goal, target: float | None, today: _dt.date
) -> tuple[MetricSeries, str] | None:
    """``series`` in per cent with a note, when its plain values are shares of one
    (``target`` is the goal's absolute target in ``unit``); ``None`` when the metric's
    unit stands."""
    if series.unit is not None or target is None or target <= 0 or not in_percent(unit):
        return None
    if goal.target is None or goal.target.is_relative:
        return None
    values = [p.value for p in series.points]
    if not values or min(values) < 0 or max(values) > 1:
        return None
    known = [p.value for p in series.points if p.date <= today] or values
    latest = known[-1]
    if latest <= 0:
        return None
    as_percent, as_share = target / latest, target / (100 * latest)
    if 1 / PLAUSIBLE <= as_percent <= PLAUSIBLE or not (1 / PLAUSIBLE <= as_share <= PLAUSIBLE):
        return None
    shares = MetricSeries(
        metric=series.metric,
        points=tuple(Point(p.date, p.value * 100) for p in series.points),
        unit="percent",
        channel=series.channel,
        kind=series.kind,
    )
    note = (
        f"The history gives plain numbers ({latest:g} last), read as shares of one "
        f"({latest:g} is {latest * 100:g} %) beside a target of {target:g} %; give the "
        "history's unit to be sure."
    )
    return shares, note


def read_plain_amounts(
    goal: Goal, series: MetricSeries, unit: str, today: _dt.date
) -> tuple[Goal, str, str]:
    """``goal`` with its plain-number target and baseline read against the history of a
    metric in per cent (``unit``), a note for those read as per cent, and the reason
    the goal cannot be judged when a plain number fits the history both ways or neither
    (empty when it can). Other goals come back as they are."""
    if not in_percent(unit) or not series.points:
        return goal, "", ""
    known = [p.value for p in series.points if p.date <= today] or [p.value for p in series.points]
    latest = known[-1]
    if latest <= 0:
        return goal, "", ""
    levels = [latest]  # the history's latest value, in each reading it may have
    values = [p.value for p in series.points]
    if series.unit is None and min(values) >= 0 and max(values) <= 1:
        levels.append(latest * 100)
    changes: dict[str, Any] = {}
    notes: list[str] = []
    base: Any = goal.baseline
    if _plain(base):
        read = _reading(float(base.magnitude), levels, lambda v, h: v, "baseline")
        if isinstance(read, str):
            return goal, "", read
        if read is not None:
            base = changes["baseline"] = quantity(read[0], "percent")
            notes.append(read[1])
    target = goal.target
    kinds = (TargetKind.ABSOLUTE, TargetKind.DELTA)
    amount: Any = target.amount if target is not None else None
    if target is not None and target.kind in kinds and _plain(amount):
        magnitude = float(amount.magnitude)
        if target.kind is TargetKind.ABSOLUTE:
            read = _reading(magnitude, levels, lambda v, h: v, "target")
        else:  # a change: the level it sets, from the baseline (else the latest value)
            given = float(base.to("percent").magnitude) if _percent(base) else None
            read = _reading(  # (the history in the metric's unit: no shares then)
                magnitude, levels[:1], lambda v, h: (h if given is None else given) + v,
                "change", signed=True,
            )  # fmt: skip
        if isinstance(read, str):
            return goal, "", read
        if read is not None:
            changes["target"] = Target(target.kind, quantity(read[0], "percent"), target.text)
            notes.append(read[1])
    return (goal.evolve(**changes) if changes else goal), " ".join(notes), ""


def in_points(goal: Goal, unit: str) -> Goal:
    """``goal`` with its plain numbers (target, change, baseline) in points, when its
    metric is counted in percentage points (NPS, -100 to 100): "NPS 90" is 90 points, as
    its history's plain values are. Read as a plain number, 90 was 9,000 points ("needs
    497 percentage points a month ... under 1 %"). Other goals come back as they are."""
    try:
        if unit_info(unit).text != "percentage_point":
            return goal
    except GoalRulesError:
        return goal
    changes: dict[str, Any] = {}
    base: Any = goal.baseline
    if _plain(base):
        changes["baseline"] = quantity(float(base.magnitude), unit)
    target = goal.target
    kinds = (TargetKind.ABSOLUTE, TargetKind.DELTA)
    plain: Any = target.amount if target is not None else None
    if target is not None and target.kind in kinds and _plain(plain):
        amount = quantity(float(plain.magnitude), unit)
        changes["target"] = Target(target.kind, amount, target.text)
    return goal.evolve(**changes) if changes else goal


def _plain(q: Any) -> bool:
    """Whether ``q`` is a plain number (no unit, not even %)."""
    return hasattr(q, "units") and str(q.units) == "dimensionless"


def _percent(q: Any) -> bool:
    return hasattr(q, "units") and str(q.units) in ("percent", "dimensionless")


def _reading(
    number: float,
    levels: Sequence[float],
    level_of: Any,
    what: str,
    *,
    signed: bool = False,
) -> tuple[float, str] | str | None:
    """How a plain ``number`` of a metric in per cent is meant: ``(number, note)`` read
    as per cent; ``None`` read as a share of one (its reading as a plain number); a
    reason, when the level it sets (``level_of(number in per cent, history level)``)
    lies within a factor of :data:`PLAUSIBLE` of the history's latest value both ways
    with different ratios, or neither way (a share reading past 100 % never fits)."""
    fits: dict[float, set[float]] = {1.0: set(), 100.0: set()}
    for scale in fits:
        for level in levels:
            sets = level_of(number * scale, level)
            ratio = sets / level
            if scale > 1 and sets > 100:  # a share of one past the whole: no reading
                continue
            if 1 / PLAUSIBLE <= ratio <= PLAUSIBLE:
                fits[scale].add(round(ratio, 9))
    as_percent, as_share = fits[1.0], fits[100.0]
    if as_share and (not as_percent or as_percent <= as_share):  # (the same ratio both
        return None  # ways: a plain history read as shares, a plain target alike)
    shown = f"{number:+g}" if signed else f"{number:g}"
    if as_percent and not as_share:
        return number, (
            f"The {what} is a plain number, {shown}, read as {shown} % beside the "
            f"history's latest value ({levels[0]:g}); write it with its unit to be sure."
        )
    share = f"{number * 100:+g}" if signed else f"{number * 100:g}"
    return (
        f"The {what}, {shown}, is a plain number for a metric in per cent: {shown} % or, "
        f"as a share of one, {share} %? The history's latest value ({levels[0]:g}) does "
        f"not tell; write it with its unit ('{shown} %') to judge the goal."
    )


def in_percent(unit: str) -> bool:
    """Whether ``unit`` is per cent: only then may plain numbers be shares of one."""
    try:
        return unit_info(unit).text == "percent"
    except GoalRulesError:
        return False


def scale_doubt(
    series: MetricSeries,
    months: Sequence[Point],
    unit: str,
    target: float | None,
    today: _dt.date,
) -> str | None:
    """Why a count's or an amount of money's history cannot be judged against ``target``
    (in ``unit``) as it stands: its values are not whole and the target is at least
    :data:`SCALED` times the latest monthly value (``months``: a stock's month-end values,
    a flow's monthly totals), so the history is most likely in thousands (a spreadsheet's
    revenue in k USD: 6.5 for 6,500 USD read "needs growth of 227 % a month" for 8,000 USD
    a month); ``None`` otherwise."""
    if target is None or target <= 0 or not months or unit in ("percent", "dimensionless"):
        return None
    try:
        if not (is_count(unit) or is_money(unit)):
            return None
    except GoalRulesError:
        return None
    latest = months[-1]
    if latest.value <= 0 or target < SCALED * latest.value:
        return None
    if is_money(unit) and latest.value >= 1000:  # (cents are no sign of thousands: an
        return None  # amount of 5,230.10 a month is in the unit, its far target as written)
    known = [p for p in series.points if p.date <= today] or list(series.points)
    part = next((p for p in known if abs(p.value - round(p.value)) > 1e-9), None)
    if part is None:  # whole counts: a small account's far target, judged as written
        return None
    whole = "amounts" if is_money(unit) else "counts"
    return (
        f"The history's values are not whole {whole} ({part.value:g} on "
        f"{part.date.isoformat()}), and the target, {format_value(target, unit)}, is "
        f"{target / latest.value:,.0f} times the latest month's ({latest.value:g} in "
        f"{latest.date:%Y-%m}): a history in thousands ({latest.value:g} for "
        f"{format_value(latest.value * 1000, unit)})? Give it in the metric's unit to judge "
        "the target."
    )


def is_money(unit: str) -> bool:
    """A unit that is an amount of money alone (USD, EUR), not money per something."""
    key = unit_info(unit).key
    return len(key) == 1 and key[0][1] == 1 and key[0][0].startswith("[currency_")
