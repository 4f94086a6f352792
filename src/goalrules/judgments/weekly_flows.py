"""A flow given one total a week, read day by day.

A week's total (leads, visits, new followers) summed into the calendar month its row is
dated in gives a month four weeks or five: a flat "12 leads a week" reads 60, 48, 48,
60, 48, 48 leads a month, which the growth model reads as a fall of 4.4 % a month, and a
recurring goal of 50 leads a month reads "hit" in a month of five Mondays and "missed"
in the next. So a flow whose rows are one a week (on one weekday, seven days apart) is
spread over the seven days each row counts, a seventh of it a day, before its months
are summed: the month's total is the days it holds (53 leads in March, 48 in February).

Which seven days? Export tools date a week's row on its first day, and a row dated on
a Monday (the ISO week's first day) counts the week from that day; a row dated on any
other weekday counts the week that ends on it (a point's date is the last day it
counts, as elsewhere in goalrules). The week under way on ``today`` counts its days so
far: its row's total is spread over the days up to ``today``. The last week's days in a
month that is over by ``today`` (a last row dated 30 March, judged in May) are left out:
no later row counts that month's other days, and a few days are no month's total.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import operator
from collections.abc import Sequence

from goalrules.dates import month_end
from goalrules.model import MetricKind, MetricSeries, Point

__all__ = ["by_day", "monthly_of", "rows_stop", "week_days", "weekly"]

Date = _dt.date
_DAY = _dt.timedelta(days=1)
_DATE = operator.attrgetter("date")


def weekly(points: Sequence[Point]) -> bool:
    """Whether ``points`` are one total a week: three or more, on one weekday, seven
    days apart (a missing week aside: any multiple of seven, the closest pair seven)."""
    if len(points) < 3:
        return False
    gaps = [(b.date - a.date).days for a, b in itertools.pairwise(points)]
    return min(gaps) == 7 and all(g % 7 == 0 for g in gaps)


def _not_weekly(points: Sequence[Point], today: Date) -> bool:
    """Whether the first three points tell that the points up to ``today`` are not
    weekly (a gap that is not whole weeks), without reading the rest."""
    if len(points) < 3 or points[2].date > today:
        return False  # (too few to tell here)
    first, second, third = points[0].date, points[1].date, points[2].date
    return (second - first).days % 7 != 0 or (third - second).days % 7 != 0


def week_days(day: Date) -> tuple[Date, Date]:
    """The first and last day a week's row dated ``day`` counts."""
    if day.weekday() == 0:  # a Monday: the ISO week from it
        return day, day + 6 * _DAY
    return day - 6 * _DAY, day


def by_day(series: MetricSeries, today: Date) -> MetricSeries:
    """``series`` day by day when it is a weekly flow's (see the module), else as it is:
    each week's total spread evenly over the days it counts, up to ``today``."""
    if _not_weekly(series.points, today):
        return series
    points = [p for p in series.points if p.date <= today]
    if not weekly(points):
        return series
    days: list[Point] = []
    for i, p in enumerate(points):
        first, last = week_days(p.date)
        last = min(last, today)  # the week under way: its total so far, over its days so far
        if last < first:
            continue
        each = p.value / ((last - first).days + 1)
        if i == len(points) - 1 and month_end(p.date) < last and month_end(last) <= today:
            # the last week runs into a month that is over by today, and no later row
            # counts its other days: those few days would read as that month's total
            last = month_end(p.date)
        days.extend(Point(first + k * _DAY, each) for k in range((last - first).days + 1))
    merged: dict[Date, float] = {}
    for d in days:  # weeks never overlap; a stray overlap adds up rather than drops
        merged[d.date] = merged.get(d.date, 0.0) + d.value
    return MetricSeries(
        metric=series.metric,
        points=tuple(Point(d, v) for d, v in sorted(merged.items())),
        unit=series.unit,
        channel=series.channel,
        kind=series.kind,
    )


def rows_stop(points: Sequence[Point], today: Date) -> Date | None:
    """The day a flow's rows stop on (the last on or before ``today``) when they are
    days (or weeks spread over their days: rows a week apart or closer) and stop before
    their month's last day: the rest of that month has no row, and no row is no day of
    none, so the month's total is not known. ``None`` when the rows run to a month's
    end, come one a month (a month's figure wherever in the month it is dated), or
    further apart than a week (what a row dated the 15th counts is not known)."""
    end = bisect.bisect_right(points, today, key=_DATE)
    if end < 2:
        return None
    last = points[end - 1].date
    if last == month_end(last):
        return None
    previous = points[0].date
    for p in points[1:end]:  # sorted: the closest rows tell days from months
        if (p.date - previous).days <= _WEEK_DAYS:
            return last
        previous = p.date
    return None


#: rows this many days apart or closer are days (or weeks spread over their days)
_WEEK_DAYS = 7


def monthly_of(series: MetricSeries, kind: MetricKind, today: Date = Date.max) -> tuple[Point, ...]:
    """``series.monthly(kind)``, a weekly flow's months from its days (:func:`by_day`),
    less a last month a flow's rows stop inside (:func:`rows_stop`) once it is over on
    ``today`` (the month under way keeps its days so far)."""
    if kind is not MetricKind.FLOW:
        return series.monthly(kind)
    series = by_day(series, today)
    months = series.monthly(kind)
    stop = rows_stop(series.points, today)
    if stop is None or month_end(stop) > today:
        return months
    cut = Date(stop.year, stop.month, 1)
    return tuple(p for p in months if p.date < cut)
