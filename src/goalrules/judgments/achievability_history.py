"""The history a goal is judged on, read once for the goals that share it.

A book's goals on one history pass the same history: the series read from (date, number)
pairs is kept by their values, and what is read of a series (its lowest value, its
complete months up to a day) by its identity, so each goal on it pays only for its own
target (the model of those months is kept by the months' identity in
:mod:`goalrules.judgments.achievability_model`).
"""

from __future__ import annotations

import datetime as _dt
import math
import operator
from typing import Any

from goalrules.errors import GoalRulesError
from goalrules.judgments.achievability_units import months_until
from goalrules.judgments.stock_months import months_to_latest
from goalrules.judgments.weekly_flows import rows_stop
from goalrules.model import Goal, MetricKind, MetricSeries, Point
from goalrules.model.tables import is_table, table_history

__all__ = ["complete_months", "history_series", "lowest_value"]

Date = _dt.date
_VALUE = operator.attrgetter("value")


def history_series(history: Any, goal: Goal) -> MetricSeries | None:
    if history is None:
        return None
    if isinstance(history, MetricSeries):
        return history
    key = _pairs_key(history, goal)
    if key is not None and (kept := _SERIES.get(key)) is not None:
        return kept
    try:
        if is_table(history):  # only the goal's metric, however many the table holds
            history = table_history(history, goal.metric)
        series = MetricSeries(metric=goal.metric, points=history)
    except GoalRulesError as exc:
        raise exc.with_location(field="history") from None
    if key is not None:
        if len(_SERIES) >= 256:
            _SERIES.clear()
        _SERIES[key] = series
    return series


# A book's goals on one history pass the same (date, number) pairs: the series read from
# them is kept by their values, and with it what is kept by the series' identity (its
# complete months, their model view and fit). Kept only for pairs of a date and a plain
# number, the pairs read without conversion; a bool equals 1 or 0 but is no number.
_SERIES: dict[tuple[Any, ...], MetricSeries] = {}


def _pairs_key(history: Any, goal: Goal) -> tuple[Any, ...] | None:
    """``(metric, pairs)`` for a list or tuple of pairs of a date and a plain number (an
    int or a float, finite: a bool equals 1 or 0 but is no number), the pairs read
    without conversion; ``None`` for any other history (read each time)."""
    if type(history) is not list and type(history) is not tuple:
        return None
    pairs = tuple(history)
    for p in pairs:
        if not (
            type(p) is tuple
            and len(p) == 2
            and type(p[0]) is Date
            and type(p[1]) in (int, float)
            and math.isfinite(p[1])
        ):
            return None
    return (goal.metric, pairs)


def lowest_value(series: MetricSeries) -> float:
    """The lowest value of the series (kept for the last series read)."""
    kept = _LOWEST.get(id(series))
    if kept is None or kept[0] is not series:
        if len(_LOWEST) >= 256:
            _LOWEST.clear()
        kept = _LOWEST[id(series)] = (series, min(map(_VALUE, series.points)))
    return kept[1]


_LOWEST: dict[int, tuple[MetricSeries, float]] = {}


def complete_months(series: MetricSeries, kind: MetricKind, today: Date) -> tuple[Point, ...]:
    """The series' complete months up to ``today`` (kept for the last few series: the
    goals of a book judged on one history read it once, and its model's figures are
    kept by this tuple's identity)."""
    key = (id(series), kind, today)
    kept = _CLEAN.get(key)
    if kept is None or kept[0] is not series:
        if len(_CLEAN) >= 256:
            _CLEAN.clear()
        kept = _CLEAN[key] = (series, tuple(_monthly_until(series, kind, today)))
    return kept[1]


_CLEAN: dict[tuple[int, MetricKind, Date], tuple[MetricSeries, tuple[Point, ...]]] = {}


def _monthly_until(series: MetricSeries, kind: MetricKind, today: Date) -> list[Point]:
    if series.points and series.points[-1].date > today:  # a history that runs on: what
        # was known on `today` (a stock's month is its last value by then, not after)
        series = MetricSeries(
            metric=series.metric,
            points=tuple(p for p in series.points if p.date <= today),
            unit=series.unit,
            channel=series.channel,
            kind=series.kind,
        )
    months = months_until(series.monthly(kind), kind, today)
    if kind is MetricKind.FLOW and (stop := rows_stop(series.points, today)) is not None:
        # a month the rows stop inside (its other days have no row) is no month's total
        cut = Date(stop.year, stop.month, 1)
        return [p for p in months if p.date < cut]
    if kind is MetricKind.STOCK:  # daily counts judged mid-month: whole months to the latest
        return months_to_latest(series.points, months)
    return months
