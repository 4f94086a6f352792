"""What a goal's way is counted from at a review, and since when: its baseline (the
goal's, else the history's value at its start, else its first), the day of a baseline
read from the history's first value, whether a flow has a month measured since the
start, and a total's months with no data (see :mod:`goalrules.judgments.review`)."""

from __future__ import annotations

import datetime as _dt
import math

from goalrules.judgments.achievability import Achievability
from goalrules.model import Goal, MetricSeries

__all__ = ["baseline_day", "baseline_of", "month_measured_since_start", "total_gaps"]

Date = _dt.date


def baseline_of(goal: Goal, series: MetricSeries | None, ach: Achievability) -> float | None:
    """The value at the start, as the achievability judgment counted the target from it
    (:attr:`Achievability.baseline_value`: the goal's baseline, else the history's value
    at the goal's start; 0 for a total); else the goal's baseline in the history's unit,
    else the history's last value on or before the start (its first when none is). A
    relative target counted from a start the history does not reach has none yet: the
    value on that day is a forecast (the latest value is not it)."""
    if ach.baseline_value is not None:
        return ach.baseline_value
    if ach.from_start is not None:
        return None
    if goal.baseline is not None and ach.unit:
        try:
            return float(goal.baseline.to(ach.unit).magnitude)
        except Exception:
            pass
    if series is None or not series.points:
        return None
    start = goal.start
    points = series.points
    if start is None:
        return points[0].value
    before = [p for p in points if p.date <= start]
    return before[-1].value if before else points[0].value


def baseline_day(
    goal: Goal, series: MetricSeries | None, ach: Achievability, baseline: float | None
) -> Date | None:
    """The day of the history's value a goal's way is counted from when the goal does not
    say it: no baseline given, and no start, or a start more than a month before the
    history's first value (which stands in for the value at the start); else ``None``
    (a baseline given, a value seen at the start, a total counted from nothing)."""
    if goal.baseline is not None or baseline is None or ach.cumulative:
        return None
    if series is None or not series.points:
        return None
    first = series.points[0]
    if not math.isclose(first.value, baseline, rel_tol=1e-9, abs_tol=1e-12):
        return None  # counted from another value (the one at the start)
    if goal.start is None:
        return first.date
    if first.date - goal.start > _dt.timedelta(days=31):
        return first.date
    return None


def month_measured_since_start(
    goal: Goal, series: MetricSeries | None, ach: Achievability, data_date: Date
) -> bool:
    """Whether a flow's latest complete month (the one ending on ``data_date``) was
    produced since the goal's start: it began on or after the start, and it is not the
    month the baseline was read from (the month holding the start, else the history's
    first). A stock, a total counted from nothing, a goal without a start: always."""
    start = goal.start
    if not ach.flow or ach.cumulative or start is None:
        return True
    last = data_date.replace(day=1)
    if last < start:  # a month begun before the start holds days before it
        return False
    if goal.baseline is not None or series is None or not series.points:
        return True  # the baseline is the goal's own: no month of the history is it
    first = series.points[0].date.replace(day=1)
    held = start.replace(day=1)
    return last > (held if first <= held else first)


def total_gaps(
    goal: Goal, series: MetricSeries | None, ach: Achievability | None, today: Date
) -> tuple[str, ...]:
    """The months with no data in a total's sum so far ("2026-02"), from its start's month
    to the day its data stands for: its total is a floor (a month with no data is not a
    month of nothing)."""
    if ach is None or not ach.cumulative or series is None or ach.last_date is None:
        return ()
    first = (goal.start or series.points[0].date).replace(day=1)
    seen = {(p.date.year, p.date.month) for p in series.points if p.date <= today}
    out, day = [], first
    while day <= min(ach.last_date, today):
        if (day.year, day.month) not in seen:
            out.append(f"{day.year}-{day.month:02d}")
        day = (day + _dt.timedelta(days=32)).replace(day=1)
    return tuple(out)
