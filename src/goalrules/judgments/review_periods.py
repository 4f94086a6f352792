"""Recurring and tiered targets at a review (see :mod:`goalrules.model.recurrence`).

- A **recurring** goal ("50 leads a month") is judged period by period, each on its own:
  a past period is ``hit`` or ``missed`` (its total for a flow, its gain for a stock,
  against the period's target), the current one is ``ahead``, ``on_track`` or ``behind``
  the target pro-rated to the review's date (linear in days), and a period without data
  says so (never 0), as does one shorter than the history's spacing (a week of a
  monthly export: its total is not known). A flow's period with days no row counts (a
  weekly export with a week missing, a history that begins inside the period) is
  ``partial``: its total so far is a floor, "hit" only when the floor meets the target
  already (a week with no row is not a week of nothing).
- A **tiered** goal (``base``, ``target``, ``stretch``) gets, per tier, the chance of
  reaching it (achievability's, with the tier as the target), its progress and its pace
  against the path that tier requires.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Sequence
from typing import Any

import attrs

from goalrules.dates import month_end
from goalrules.errors import GoalRulesError
from goalrules.judgments.achievability import assess_achievability
from goalrules.judgments.review import _r, _rc, pace_of, required_path
from goalrules.judgments.weekly_flows import by_day, week_days, weekly
from goalrules.metrics import catalog
from goalrules.model import Goal, MetricSeries
from goalrules.model.goals import TargetKind
from goalrules.model.recurrence import MONTHS, Recurrence, Tier, periods_between, prorated
from goalrules.vocabulary import Direction, MetricKind

__all__ = ["PeriodReview", "TierReview", "review_periods", "review_tiers"]

Date = _dt.date


@attrs.frozen
class PeriodReview:
    """One period of a recurring goal."""

    start: Date
    end: Date
    target: float  # the period's target, in the metric's unit
    due: float  # the target pro-rated to the day the data reaches (the target, once past)
    actual: float | None  # the period's total (flow) or gain (stock) so far
    status: str  # hit, missed, ahead, on_track, behind, no_data, partial

    @property
    def progress(self) -> float | None:
        return None if self.actual is None or not self.target else self.actual / self.target

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "target": _r(self.target), "due": _r(self.due), "actual": _r(self.actual),
                "status": self.status}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Any) -> PeriodReview:
        return cls(Date.fromisoformat(data["start"]), Date.fromisoformat(data["end"]),
                   float(data["target"]), float(data["due"]),
                   None if data.get("actual") is None else float(data["actual"]),
                   str(data["status"]))  # fmt: skip


@attrs.frozen
class TierReview:
    """One tier of a goal's target: its chance, progress and pace."""

    name: str
    target: float | None
    probability: float | None
    verdict: str | None
    progress: float | None
    pace: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "target": _r(self.target),
                "probability": _rc(self.probability), "verdict": self.verdict,
                "progress": _r(self.progress), "pace": self.pace}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Any) -> TierReview:
        return cls(str(data["name"]), data.get("target"), data.get("probability"),
                   data.get("verdict"), data.get("progress"), data.get("pace"))  # fmt: skip


def _lower(goal: Goal) -> bool:
    defn = catalog.get(goal.metric or "")
    return defn is not None and defn.direction is Direction.LOWER


def period_target(goal: Goal, unit: str, recurrence: Recurrence) -> float | None:
    """The target of one period in ``unit``: "50 leads a month" is 150 a quarter; a
    target without a time ("50 leads", with ``recurs = "month"``) is per period."""
    if goal.target is None or goal.target.kind is not TargetKind.ABSOLUTE:
        return None
    amount: Any = goal.target.amount
    try:  # straight to the period ("10 leads a week" is 10 a week, not 10.0002 by way
        # of a month of 365.25 / 12 days and a year of 52.1775 weeks)
        return float(amount.to(f"{unit} / {recurrence.period}").magnitude)
    except Exception:
        pass
    try:
        return float(amount.to(f"{unit} / month").magnitude) * MONTHS[recurrence.period]
    except Exception:
        pass
    try:
        return float(amount.to(unit).magnitude)
    except Exception:
        return None


def covered_to(series: MetricSeries, today: Date) -> Date | None:
    """The last day the history stands for on ``today``: its last point's day, or, when
    its points are a month or more apart (a monthly export dates a month's value on one
    of its days), that month's end; ``None`` before its first point."""
    seen = [p.date for p in series.points if p.date <= today]
    if not seen:
        return None
    last = seen[-1]
    if len(seen) >= 2 and min((b - a).days for a, b in itertools.pairwise(seen)) >= 28:
        last = month_end(last)
    return min(last, today)


def too_coarse(series: MetricSeries, first: Date, last: Date) -> bool:
    """Whether the history's points are too far apart to tell a period's total or gain:
    a week from a monthly export would get a whole month's leads (or gain) if its
    count fell inside it, and nothing otherwise. Points at least twice the period's
    length apart (their closest pair) say nothing of one period."""
    days = [p.date for p in series.points]
    if len(days) < 2:
        return False
    spacing = min((b - a).days for a, b in itertools.pairwise(days))
    return spacing >= 2 * ((last - first).days + 1)


def _actual(series: MetricSeries, first: Date, last: Date, flow: bool) -> float | None:
    if too_coarse(series, first, last):  # unknown, never a month's count in one week
        return None
    inside = [p for p in series.points if first <= p.date <= last]
    if flow:
        return sum(p.value for p in inside) if inside else None
    before = [p for p in series.points if p.date < first]
    if not inside or not before:
        return None
    return inside[-1].value - before[-1].value


def _counted(series: MetricSeries, first: Date, last: Date) -> bool:
    """Whether a flow's rows count every day from ``first`` to ``last``: each weekly
    row its week (:func:`~goalrules.judgments.weekly_flows.week_days`), each monthly row
    its calendar month. Rows a day or a few apart are taken as they come (an export may
    leave out its days of none)."""
    points = series.points
    if len(points) < 2 or first > last:
        return True
    spacing = min((b.date - a.date).days for a, b in itertools.pairwise(points))
    if spacing >= 28:  # one row a month: each month of the period has its row
        months = {(p.date.year, p.date.month) for p in points}
        day = first.replace(day=1)
        while day <= last:
            if (day.year, day.month) not in months:
                return False
            day = (day + _dt.timedelta(days=32)).replace(day=1)
        return True
    if not weekly(points):
        return True
    reach = first - _dt.timedelta(days=1)  # counted through this day
    for p in points:
        begins, ends = week_days(p.date)
        if ends < first:
            continue
        if begins > reach + _dt.timedelta(days=1):
            return False  # days from reach + 1 to begins - 1: no row counts them
        reach = max(reach, ends)
        if reach >= last:
            return True
    return reach >= last


def _meets(actual: float, target: float, lower: bool) -> bool:
    """Whether a period's total meets its target, never missed by a float's last digit
    (a week's total spread over its days sums to 39.99999 of a target of 40)."""
    slack = 1e-9 * max(1.0, abs(target))
    return actual <= target + slack if lower else actual >= target - slack


def review_periods(
    goal: Goal,
    series: MetricSeries | None,
    recurrence: Recurrence,
    today: Date,
    *,
    tolerance: float = 0.05,
) -> tuple[PeriodReview, ...]:
    """Each period of a recurring goal from its start (else the history's first point)
    to the review's date (or its deadline, when earlier), judged on its own."""
    if series is None or not series.points:
        return ()
    defn = catalog.get(goal.metric or "")
    unit = series.unit or (defn.unit if defn is not None else None)
    if unit is None:
        return ()
    target = period_target(goal, unit, recurrence)
    if target is None:
        return ()
    kind = series.kind or (defn.kind if defn is not None else None)
    flow = kind is MetricKind.FLOW
    rows = series  # the rows as they came (which days they count)
    if flow:  # one total a week: each period gets the days it holds (see weekly_flows)
        series = by_day(series, today)
    start = goal.start or series.points[0].date
    end = min(today, goal.deadline) if goal.deadline is not None else today
    lower = _lower(goal)
    upto = covered_to(series, today) or today  # the day the data reaches
    out = []
    for first, last in periods_between(start, end, recurrence.period):
        actual = _actual(series, first, min(last, today), flow)
        # a flow's days no row counts: its total so far is a floor, not a total
        floor = flow and actual is not None and not _counted(rows, first, min(last, upto))
        if last < today and upto >= last:  # over, and the data runs to its end
            due = target
            if actual is None:
                status = "no_data"
            else:
                status = "hit" if _meets(actual, target, lower) else "missed"
                # a floor proves only what more could not undo: a hit where higher is
                # better, a miss where lower is
                if floor and status != ("missed" if lower else "hit"):
                    status = "partial"
        else:
            # under way, or its data stops inside it (not known missed): the share due
            # by the day the data reaches, not by the review's date
            due = prorated(target, first, last, min(today, upto))
            if actual is None:
                status = "no_data"
            else:
                status = pace_of(actual, due, lower_is_better=lower, tolerance=tolerance)[0]
                if floor and status != ("behind" if lower else "ahead"):
                    status = "partial"  # only a floor already past the path is sure
        out.append(PeriodReview(first, last, target, due, actual, status))
    return tuple(out)


def review_tiers(
    goal: Goal,
    series: MetricSeries | None,
    tiers: Sequence[Tier],
    today: Date,
    *,
    value: float | None,
    baseline: float | None,
    elapsed: float | None,
    tolerance: float = 0.05,
    prior: Any = None,
    by_deadline: bool = False,
) -> tuple[TierReview, ...]:
    """Each tier's chance (achievability with the tier as the target), progress and pace
    against the path the tier requires (``by_deadline``: the value is the one by the
    passed deadline, and the path has ended at the tier's target: short of it is
    behind, never on the path within the tolerance)."""
    out = []
    for tier in tiers:
        try:
            tiered = goal.evolve(target=tier.target)
        except GoalRulesError:
            out.append(TierReview(tier.name, None, None, None, None, None))
            continue
        try:
            ach = assess_achievability(tiered, series, today=today, prior=prior)
        except GoalRulesError:
            out.append(TierReview(tier.name, None, None, None, None, None))
            continue
        target = ach.target_value
        progress = pace = None
        # before the goal's start no way is made and no path is due yet (as for the goal)
        started = goal.start is None or today >= goal.start
        if started and target is not None and value is not None and baseline is not None:
            span = target - baseline
            lower = _lower(goal)
            if (-span if lower else span) > 0:
                progress = (value - baseline) / span
            else:  # a tier the baseline met already: all of no way, or short of it
                progress = 1.0 if (value <= target if lower else value >= target) else None
            if elapsed is not None and by_deadline:
                pace = pace_of(value, target, lower_is_better=_lower(goal), tolerance=0.0)[0]
            elif elapsed is not None:
                compound = tiered.target is None or tiered.target.kind is not TargetKind.DELTA
                path = required_path(baseline, target, elapsed, compound=compound)
                pace = pace_of(value, path, lower_is_better=_lower(goal), tolerance=tolerance)[0]
        out.append(TierReview(tier.name, target, ach.probability, ach.verdict.value, progress,
                              pace))  # fmt: skip
    return tuple(out)


def period_tiers(
    goal: Goal,
    series: MetricSeries | None,
    recurrence: Recurrence,
    tiers: Sequence[Tier],
    judged: Sequence[TierReview],
    today: Date,
    *,
    tolerance: float = 0.05,
) -> tuple[TierReview, ...]:
    """A recurring goal's tiers (``judged`` by :func:`review_tiers`), each as its periods
    are judged: its target the tier's for one period ("40 leads" of a goal of 50 leads a
    month is 40 a month), its pace the current period's against the tier's share due by
    the day the data reaches. A recurring goal has no single way to go, so no progress
    (its tiers read "(?)" and no pace: no deadline to judge a chance by)."""
    out = []
    for tier, said in zip(tiers, judged, strict=True):
        try:
            tiered = goal.evolve(target=tier.target)
        except GoalRulesError:
            out.append(said)
            continue
        periods = review_periods(tiered, series, recurrence, today, tolerance=tolerance)
        now = periods[-1] if periods else None
        pace = now.status if now is not None and now.status in _PACES else None
        target = now.target if now is not None else said.target
        out.append(attrs.evolve(said, target=target, progress=None, pace=pace))
    return tuple(out)


_PACES = ("ahead", "on_track", "behind")
