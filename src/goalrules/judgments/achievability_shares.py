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

from goalrules.errors import GoalRulesError
from goalrules.judgments.achievability_text import format_value, is_count
from goalrules.model import Goal, MetricSeries, Point
from goalrules.units import unit_info

__all__ = ["in_percent", "read_shares", "scale_doubt"]

#: how far from the latest value a target may lie for its reading to be plausible
PLAUSIBLE = 10.0
#: a target this many times a count's latest value, when its values are not whole: a
#: history in thousands (or millions), not the metric's unit
SCALED = 100.0


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
    """Why a count's history cannot be judged against ``target`` (in ``unit``) as it
    stands: its values are not whole counts and the target is at least :data:`SCALED`
    times the latest monthly value (``months``: a stock's month-end values, a flow's
    monthly totals), so the history is most likely in thousands; ``None`` otherwise."""
    if target is None or target <= 0 or not months or unit in ("percent", "dimensionless"):
        return None
    try:
        if not is_count(unit):
            return None
    except GoalRulesError:
        return None
    latest = months[-1]
    if latest.value <= 0 or target < SCALED * latest.value:
        return None
    known = [p for p in series.points if p.date <= today] or list(series.points)
    part = next((p for p in known if abs(p.value - round(p.value)) > 1e-9), None)
    if part is None:  # whole counts: a small account's far target, judged as written
        return None
    return (
        f"The history's values are not whole counts ({part.value:g} on "
        f"{part.date.isoformat()}), and the target, {format_value(target, unit)}, is "
        f"{target / latest.value:,.0f} times the latest month's ({latest.value:g} in "
        f"{latest.date:%Y-%m}): a history in thousands ({latest.value:g} for "
        f"{format_value(latest.value * 1000, unit)})? Give it in the metric's unit to judge "
        "the target."
    )
