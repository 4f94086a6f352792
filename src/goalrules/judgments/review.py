"""One review of a goal: where it stands against the path its target requires, and what
changed since the last review (docs/reviews.md, "What a review says").

At a review on ``today`` with the value ``V`` (the history's latest), the baseline ``B``
(the goal's, else the history's value at the goal's start) and the target ``T``:

- ``progress`` = (V - B) / (T - B): the share of the way from baseline to target;
- ``elapsed`` = (day - start) / (deadline - start): the share of the time at the
  **day the data stands for** (``data_date``: the last value's day, a flow's last complete
  month's end; the review's date when that is later), so that the value and the path
  are compared at one date (a total reviewed on 04-15 with its months to 03-31 is not
  held to the path of 04-15); data older than a month is said in the trend ("data to
  2025-12-31, 2 months old");
- the **required path** at ``elapsed``: compound for a growth target (a level, a
  multiple or a percent of a positive baseline: ``B * (T / B) ** elapsed``, as in the
  growth maths), linear for a target reached by adding (``+500 followers``:
  ``B + (T - B) * elapsed``);
- ``pace``: ``on_track`` when V is within the ``on_track`` tolerance of the path (a
  share of the path's value; a param of the ``review`` ruleset, 5 % by default),
  ``ahead`` or ``behind`` otherwise (for a metric where lower is better, below the path
  is ahead);
- the verdict's ``streak``: how many reviews in a row it has held;
- ``flags``: the failing rules of the shipped ``review`` ruleset (``reset_candidate``,
  ``achieved``, ``expired``, ``slipping``), with their messages.

Every measure is a ratio of values in the metric's own unit, so scaling the history and
the target (or changing the unit) changes no pace and no flag.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from typing import Any

import attrs

from goalrules.dates import months_between
from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.judgments.achievability import Achievability, _format_q, shipped_chance_edges
from goalrules.judgments.achievability_text import (
    chance_percent,
    format_value,
    number_text,
    shown_chance,
)
from goalrules.judgments.review_previous import (  # (re-exported: where they were)
    GOAL_FIELDS as GOAL_FIELDS,
)
from goalrules.judgments.review_previous import Previous as Previous
from goalrules.judgments.review_previous import goal_changes as goal_changes
from goalrules.judgments.review_previous import previous_from as previous_from
from goalrules.judgments.review_start import (
    baseline_day,
    baseline_of,
    month_measured_since_start,
    total_gaps,
)
from goalrules.metrics import catalog
from goalrules.model import Goal, MetricSeries
from goalrules.model.goals import TargetKind
from goalrules.numbers import format_decimal, words
from goalrules.vocabulary import Direction, MetricKind

Date = _dt.date

PACES = ("ahead", "on_track", "behind")
# a pace in the trend's words
_PATH_WORDS = {"ahead": "ahead of the path", "on_track": "on the path", "behind": "behind the path"}


@attrs.frozen
class Flag:
    """A flag a review raises, with the message of its rule."""

    name: str
    message: str


@attrs.frozen
class GoalReview:
    """One goal at one review."""

    goal: Goal
    date: Date
    verdict: str | None
    probability: float | None
    progress: float | None
    elapsed: float | None
    pace: str | None
    behind_by: float | None  # how far under the path (a share of its value; < 0: ahead)
    value: float | None  # the history's latest value, in its unit
    baseline: float | None
    target: float | None
    path: float | None  # the required path's value today
    unit: str | None
    streak: int
    previous: Previous | None
    flags: tuple[Flag, ...]
    smart_score: float | None = None
    findings: tuple[str, ...] = ()  # what SMART and achievability said (fixes included)
    outcomes: tuple[tuple[str, str], ...] = ()  # each review rule and its outcome
    recurs: str | None = None  # the period of a recurring target (week, month, ...)
    periods: tuple[Any, ...] = ()  # review_periods.PeriodReview, one per period
    tiers: tuple[Any, ...] = ()  # review_periods.TierReview, one per tier
    data_date: Date | None = None  # the day the value stands for (the path is read there)
    tolerance: float = 0.05  # within this share of the path: on track (the ruleset's param)
    # the deadline has passed and the value is the one by then, from a history that runs
    # past it (its age is told against the deadline, not the review's date)
    by_deadline: bool = False
    # the baseline met the target already: no share of a way is said (-150 % read as one)
    met_at_start: bool = False
    # a total's months with no data ("2026-02"): its total so far is a floor, not a value
    gaps: tuple[str, ...] = ()
    # the goal's start, when it has started but its data ends before it: no way made,
    # time gone or pace is known yet
    unseen_since: Date | None = None
    # a flow's start (leads a month), when no complete month after the one its baseline
    # was read from is measured yet: the latest month is the baseline itself, and "0 % of
    # the way" beside a path a month on would be said of no month at all
    no_month_since: Date | None = None
    # the day of the history's value the way is counted from, when the goal gives no
    # baseline and the history does not reach its start (or it names none): the first
    # value stands in, and the required path runs from that day, not from the start
    baseline_from: Date | None = None

    def way(self) -> str:
        """The share of the way as every table shows it ("17 %"; a total with months
        of no data: "at least 17 %"; unknown: "-")."""
        if self.gaps and self.progress is not None:  # a floor: never rounded up past it
            return f"at least {share_percent(floor_share(self.progress))}"
        return share_percent(self.progress, "-")

    def targets_lines(self) -> list[str]:
        """The periods of a recurring target and the tiers, one line each."""
        out = []
        unit = self.unit or "dimensionless"
        if unit == "dimensionless":  # a goal judged on too little: the metric's own unit
            defn = catalog.get(self.goal.metric or "")
            unit = defn.unit if defn is not None else unit

        def n(x: float) -> str:  # written as the judgment writes the metric's values
            return number_text(x, unit)

        def two(actual: float, due: float) -> tuple[str, str]:
            """Both, told apart when they differ (39.6 missed of 40 is not "40 of 40")."""
            a, b = n(actual), n(due)
            for places in (1, 2):
                if a != b or actual == due:
                    return a, b
                a, b = format_decimal(actual, places), format_decimal(due, places)
            if a == b and actual != due:  # apart by less than the last digit shown
                a = f"{'just under' if actual < due else 'just over'} {b}"
            return a, b

        for p in self.periods:
            label = p.start.strftime("%Y-%m-%d")
            if p.actual is None:
                out.append(f"{self.recurs or 'period'} from {label}: no data")
            elif p.status == "partial":  # days no row counts: a floor, never rounded up
                low = n(p.actual)
                if n(float(round(p.actual))) == low and round(p.actual) > p.actual + 1e-9:
                    low = n(float(math.floor(p.actual)))
                so_far = "" if p.due == p.target else f" due so far, {n(p.target)} for the period"
                out.append(f"{self.recurs} from {label}: days with no data (at least "
                           f"{low} of {n(p.due)}{so_far})")  # fmt: skip
            elif p.status in ("hit", "missed"):
                got, due = (
                    two(p.actual, p.target) if p.status == "missed" else (n(p.actual), n(p.target))
                )
                out.append(f"{self.recurs} from {label}: {p.status} ({got} of {due})")
            else:
                got, due = (
                    (n(p.actual), n(p.due)) if p.status == "on_track" else two(p.actual, p.due)
                )
                out.append(f"{self.recurs} from {label}: {p.status.replace('_', ' ')} "
                           f"({got} of {due} due so far, {n(p.target)} "
                           "for the period)")  # fmt: skip
        for t in self.tiers:
            target = "?" if t.target is None else n(t.target)
            if self.recurs is not None:  # a target for every period: its pace is the
                # current period's (no single way to go, no chance without a deadline)
                out.append(f"tier {t.name} ({target} a {self.recurs}): this {self.recurs}: "
                           f"{_PATH_WORDS.get(t.pace or '', 'pace unknown')}")  # fmt: skip
                continue
            # a tier with no chance (its deadline passed: met or not) says its verdict
            said = (f"P {_chance(t.probability)}" if t.probability is not None or not t.verdict
                    else words(t.verdict))  # fmt: skip
            out.append(f"tier {t.name} ({target}): {said}, "
                       f"{_PATH_WORDS.get(t.pace or '', 'pace unknown')}, {_pct(t.progress)} "
                       "of the way")  # fmt: skip
        return out

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.goal.id,
            "verdict": self.verdict,
            "probability": _rc(self.probability),
            "progress": None if self.gaps else _r(self.progress),  # a floor is no value
            "elapsed": _r(self.elapsed),
            "pace": self.pace,
            "previous": self.previous.to_dict() if self.previous is not None else None,
            "flags": [{"name": f.name, "message": f.message} for f in self.flags],
            # why ``progress`` is null (else null): a floor, no data since the start, ...
            "progress_reason": self.progress_reason(),
            # what the numbers rest on that the goal does not say (a baseline read from
            # the history's first value)
            "notes": self.notes(),
        }
        if self.recurs is not None:
            out["recurs"] = self.recurs
            out["periods"] = [p.to_dict() for p in self.periods]
        if self.tiers:
            out["tiers"] = [t.to_dict() for t in self.tiers]
        return out

    def baseline_words(self) -> str:
        """What the way is counted from when the goal does not say it ("the way counted
        from the history's first value, 1,000 followers on 2026-06-28 (the goal gives no
        baseline, and its start, 2026-01-01, is before the history)"); else nothing."""
        if self.baseline_from is None or self.baseline is None:
            return ""
        from goalrules.numbers import format_month

        shown = format_value(float(self.baseline), self.unit or "dimensionless")
        defn = catalog.get(self.goal.metric or "")
        flow = defn is not None and defn.kind is MetricKind.FLOW  # a month's, not a day's
        when = f"in {format_month(self.baseline_from)}" if flow else f"on {self.baseline_from}"
        said = f"the way counted from the history's first value, {shown} {when}"
        start = self.goal.start
        if start is None:
            return f"{said} (the goal gives no start and no baseline)"
        return f"{said} (the goal gives no baseline, and its start, {start}, is before the history)"

    def path_elapsed(self) -> float | None:
        """The share of the required path gone (:func:`path_share`)."""
        if self.elapsed is None:
            return None
        at = min(self.data_date or self.date, self.date)
        return path_share(self.elapsed, self.baseline_from, self.goal.deadline, at)

    def notes(self) -> list[str]:
        """What the review's numbers rest on that the goal itself does not say."""
        said = self.baseline_words()
        return [said[0].upper() + said[1:] + "."] if said else []

    @property
    def relative(self) -> bool:
        """Whether the goal's target is counted from its baseline ("+25 %", "x2")."""
        target = self.goal.target
        return target is not None and target.kind is not TargetKind.ABSOLUTE

    def progress_reason(self) -> str | None:
        """Why no share of the way is known (``None`` when one is): the JSON's
        ``progress_reason`` beside its ``progress: null``."""
        if self.progress is not None and not self.gaps:
            return None
        start = self.goal.start
        if self.gaps:
            return (f"a total with no data for {', '.join(self.gaps)}: its total so far is "
                    f"a floor, {self.way()} of the way")  # fmt: skip
        if start is not None and self.date < start:
            return f"not started: it starts on {start.isoformat()}"
        if self.verdict is None:
            return self._unjudged()
        if self.verdict == "insufficient_data" and self.value is None:
            why = next(iter(self.findings), "")
            return "not enough data to judge" + (f": {why}" if why else "")
        if self.unseen_since is not None:
            return f"no data since its start ({self.unseen_since.isoformat()})"
        if self.no_month_since is not None:
            return f"no month measured since the start ({self.no_month_since.isoformat()})"
        if self.met_at_start:
            return "the target was met at the start, and the value is short of it now"
        if self.value is None:
            return "no value in the history up to the review"
        if self.baseline is None and self.relative:  # (its target then is not known either)
            return ("no baseline: the goal gives none and its relative target is counted "
                    "from a start the history does not reach")  # fmt: skip
        if self.target is None:
            return "no target in the metric's unit"
        if self.baseline is None:
            return ("no baseline: the goal gives none and its relative target is counted "
                    "from a start the history does not reach")  # fmt: skip
        return "the goal's start or deadline is not known"

    def trend(self) -> str:
        """One line: "P 62 % -> 41 %, behind the path by 8 %"."""
        parts = []
        now = _chance(self.probability)
        prev = self.previous
        if prev is not None and prev.changed:  # a chance of another goal: not a move
            if self.probability is not None:
                parts.append(f"P {now}")
            then = f", P {_chance(prev.probability)} then" if prev.probability is not None else ""
            parts.append(f"the goal changed since the last review ({'; '.join(prev.changed)}"
                         f"{then})")  # fmt: skip
        elif prev is not None and prev.probability is not None and self.probability is None:
            parts.append(f"P {_chance(prev.probability)} at the last review, none now")
        elif prev is not None and prev.probability is not None:
            parts.append(f"P {_chance(prev.probability)} -> {now}")
        elif self.probability is not None:
            parts.append(f"P {now}")
        if self.pace == "on_track":
            parts.append("on the path")
        elif self.pace is not None:
            side = "behind" if self.pace == "behind" else "ahead of"
            # past the deadline, the target met or not: no band of "on track" around it
            edge = 0.0 if self.by_deadline else self.tolerance
            by = "" if self.behind_by is None else f" by {off_path(self.behind_by, edge)}"
            parts.append(f"{side} the path{by}")  # (a recurring goal's: its period's)
        elif self.unseen_since is not None:
            parts.append(f"no data since its start ({self.unseen_since.isoformat()})")
        elif self.no_month_since is not None:
            parts.append(f"no month measured since the start ({self.no_month_since.isoformat()})")
        elif (
            self.baseline is None and self.relative and self.value is not None and self.goal.start
        ):  # "+25 %" of a value on a day the history does not reach: no way, no path
            parts.append(f"no baseline: the history does not reach its start "
                         f"({self.goal.start.isoformat()})")  # fmt: skip
        elif self.periods and self.periods[-1].actual is None:  # its current period's pace
            now = self.periods[-1].start.isoformat()
            parts.append(f"no data yet for its {self.recurs or 'period'} from {now}")
        elif self.periods and self.periods[-1].status == "partial":
            now = self.periods[-1].start.isoformat()
            parts.append(f"its {self.recurs or 'period'} from {now} has days with no data")
        if self.met_at_start:
            parts.append(
                "the target was met at the start"
                + ("" if self.progress is not None else ", and the value is short of it now")
            )
            if self.elapsed is not None:
                parts.append(f"{_pct(self.elapsed)} of the time")
        elif self.progress is not None and self.elapsed is not None:
            parts.append(f"{self.way()} of the way, {_pct(self.elapsed)} of the time")
        elif self.progress is not None:  # no share of the time (a deadline not after the start)
            parts.append(f"{self.way()} of the way")
        if self.gaps and self.progress is not None:
            parts.append(f"no data for {', '.join(self.gaps)}")
        if self.baseline_from is not None and self.progress is not None:
            parts.append(self.baseline_words())
        start = self.goal.start
        if start is not None and self.date < start:
            parts.append(f"not started: it starts on {start.isoformat()}")
        deadline = self.goal.deadline
        if deadline is not None and self.date > deadline and not self.by_deadline:
            # its chance is of a day gone by: the value then is a forecast, not a result
            parts.append(f"its deadline, {deadline.isoformat()}, has passed: the history does "
                         "not reach it, so whether it was met is not known")  # fmt: skip
        if self.by_deadline and self.goal.deadline is not None:
            age = data_age(self.data_date, self.goal.deadline, "before the deadline")
        else:
            age = data_age(self.data_date, self.date)
        if age:
            parts.append(age)
        if self.streak > 1 and self.verdict:
            parts.append(f"{words(self.verdict)} {self.streak} reviews running")
        if parts:
            return ", ".join(parts)
        if self.verdict is None:
            return self._unjudged()
        return "no chance, progress or pace known"  # judged, but on too little to say more

    def _unjudged(self) -> str:
        """Why a goal has no verdict: no target (a goal of tiers only: each is judged),
        no metric, or no history of its metric (it said "no history to judge" of a goal
        with a history and tiers but no target of its own)."""
        if self.goal.target is None and self.tiers:
            return "no target of its own (its tiers are judged one by one)"
        if self.goal.target is None:
            return "no target to judge"
        if self.goal.metric is None:
            return "no metric to judge"
        return "no history to judge"


def off_path(under: float, tolerance: float) -> str:
    """How far off the path a goal ahead or behind is, in percent, never rounded onto
    the ``on_track`` tolerance or inside it: 5.3 % behind with 5 % on track is "5.3 %",
    not "5 %" (which reads as on track)."""
    x, edge = 100 * abs(under), 100 * tolerance
    for digits in (0, 1, 2):
        shown = round(x, digits)
        if shown > edge + 1e-9:
            return f"{format_decimal(shown, digits)} %"  # (in the locale's signs)
    written = f"{edge:g}"  # (the band as written, to 6 figures)
    places = len(written.partition(".")[2]) if "e" not in written else 2
    return f"just over {format_decimal(edge, places)} %"


def data_age(data_date: Date | None, day: Date, old: str = "old") -> str:
    """ "data to 2025-12-31, 2 months old" when the data a review stands on ends more
    than a month before the review's ``day`` (a flow's last complete month is up to a
    month old by nature), else nothing; after the deadline, against the deadline
    (``old``: "before the deadline")."""
    if data_date is None or months_between(data_date, day) <= 1.0:
        return ""
    months = int(months_between(data_date, day))
    return f"data to {data_date.isoformat()}, {months} month{'s' if months > 1 else ''} {old}"


def _r(x: float | None) -> float | None:
    """A share to four decimals, never rounded up to the whole way (or time) it is not."""
    if x is None or not math.isfinite(x):
        return None
    shown = round(x, 4)
    return 0.9999 if shown == 1.0 and x < 1.0 else shown


def _rc(x: float | None) -> float | None:
    """A chance as the check's JSON writes it (shown_chance: four decimals, never rounded
    across one half, a verdict's threshold or to a certainty)."""
    return None if x is None or not math.isfinite(x) else shown_chance(x, shipped_chance_edges())


def share_percent(x: float | None, missing: str = "?") -> str:
    """A share of the way or of the time in whole percent, as every output of a review
    shows it (its trend, its flags, the markdown and HTML tables): never "100 %" short
    of the whole (99.6 % is "99 %"), never "-0 %"; ``missing`` when unknown."""
    if x is None or not math.isfinite(x):
        return missing
    shown = round(100 * x)
    if shown >= 100 and x < 1.0:
        shown = 99
    return f"{format_decimal(shown, 0)} %"  # (in the locale's signs: "1.250 %" in German)


_pct = share_percent


def floor_share(x: float) -> float:
    """A floor's share as it may be shown in whole percent: rounded down, never up past
    what is known (a total of at least 39.6 % of the way is "at least 39 %")."""
    return math.floor(100 * x + 1e-9) / 100


def _chance(x: float | None) -> str:
    """A chance as the achievability text gives it: never "0 %" or "100 %" for one that
    is neither, never rounded across a verdict's threshold."""
    return "?" if x is None else chance_percent(x, shipped_chance_edges())


@functools.cache
def review_rules() -> RuleSet:
    return shipped_ruleset("review")


def path_share(elapsed: float, base_day: Date | None, deadline: Date | None, at: Date) -> float:
    """The share of the required path gone at ``at``: the share of the time
    (``elapsed``), or, when the way is counted from a value first seen after the start
    (on ``base_day``), the share of the time from that day to the deadline (the way from
    the start to it is not known, so no part of the path is due before it)."""
    if base_day is None or deadline is None:
        return elapsed
    return (max(at, base_day) - base_day).days / max((deadline - base_day).days, 1)


def compounds(goal: Goal, ach: Achievability | None) -> bool:
    """Whether the path a goal's target requires compounds (a level, a multiple, a
    percent) or is a straight line (a target reached by adding, ``+500 followers``, or
    a total counted from nothing, ``600 leads in 2026``)."""
    if ach is not None and ach.cumulative:
        return False
    return goal.target is None or goal.target.kind is not TargetKind.DELTA


def required_path(baseline: float, target: float, elapsed: float, *, compound: bool) -> float:
    """The value the target requires after ``elapsed`` of the time (0..1)."""
    share = min(max(elapsed, 0.0), 1.0)
    if compound and baseline > 0 and target > 0:
        return float(baseline * (target / baseline) ** share)
    return baseline + (target - baseline) * share


def pace_of(
    value: float, path: float, *, lower_is_better: bool, tolerance: float
) -> tuple[str, float]:
    """``ahead``, ``on_track`` or ``behind``, and how far under the path the value is (a
    share of the path's value; negative when above it)."""
    scale = abs(path) if path else 1.0
    under = (path - value) / scale
    if lower_is_better:
        under = -under
    if abs(under) <= tolerance + 1e-12:
        return "on_track", under
    return ("behind" if under > 0 else "ahead"), under


def review_goal(
    goal: Goal,
    series: MetricSeries | None,
    ach: Achievability | None,
    today: Date,
    previous: Previous | None = None,
    *,
    rules: RuleSet | None = None,
    smart_score: float | None = None,
    findings: tuple[str, ...] = (),
) -> GoalReview:
    """Review one goal on ``today`` from its achievability judgment and the last review."""
    ruleset = rules or review_rules()
    tolerance = float(ruleset.params.get("on_track", 0.05))
    verdict = ach.verdict.value if ach is not None else None
    probability = ach.probability if ach is not None else None
    value = ach.current_value if ach is not None else None
    target = ach.target_value if ach is not None else None
    baseline = baseline_of(goal, series, ach) if ach is not None else None
    elapsed = None
    # before its start a goal has no way made and no path to be on: neither is said
    started = goal.start is None or today >= goal.start
    start, deadline = goal.start, goal.deadline
    # the day the value stands for: the path is read there, not at the review's date
    data_date = min(ach.last_date, today) if ach is not None and ach.last_date else None
    # data that ends before the start says nothing of the way made since (on the start
    # day itself, none is made yet): a value from before it read "0 % of the way, 0 % of
    # the time, on the path" a month on
    unseen = start is not None and data_date is not None and data_date < start < today
    # a flow whose latest complete month is the one its baseline was read from (or one
    # that began before the start) has produced nothing measured since the start yet
    no_month = (
        not unseen
        and start is not None
        and start < today
        and ach is not None
        and data_date is not None
        and not month_measured_since_start(goal, series, ach, data_date)
    )
    measured = started and not unseen and not no_month  # a way and a path can be said
    base_day = baseline_day(goal, series, ach, baseline) if ach is not None else None
    # the deadline has passed and the history shows the value by then: the goal is over
    # (on the deadline's day too, the value on it in the history: its verdict says so)
    by_deadline = (value is not None and ach is not None and not ach.deadline_unseen
                   and deadline is not None
                   and (today > deadline or (today == deadline and settled(ach))))  # fmt: skip
    if measured and start is not None and deadline is not None and deadline > start:
        at = max(min(data_date or today, today), start)
        elapsed = (at - start).days / (deadline - start).days
    progress = path = under = None
    pace = None
    met_at_start = False
    gaps: tuple[str, ...] = ()
    rule_progress = None  # what the flags read: a target met at the start is all the way
    if measured and value is not None and target is not None and baseline is not None:
        defn = catalog.get(goal.metric or "")
        lower = defn is not None and defn.direction is Direction.LOWER
        span = target - baseline
        if (-span if lower else span) > 0:
            progress = rule_progress = (value - baseline) / span
        else:  # the baseline meets the target already: there is no way to make a share of
            met_at_start = True
            meets = value <= target if lower else value >= target
            progress = 1.0 if meets else None
            rule_progress = 1.0 if meets else 0.0
        if by_deadline and elapsed is not None:  # the value by the deadline against the
            # target itself: a value short of it is behind, never "on the path" within
            # the tolerance
            path = target
            pace, under = pace_of(value, path, lower_is_better=lower, tolerance=0.0)
        elif elapsed is not None:
            # a baseline first seen after the start stands for its own day: the path
            # runs from there (the way from the start to it is not known)
            share = path_share(elapsed, base_day, deadline, min(data_date or today, today))
            path = required_path(baseline, target, share, compound=compounds(goal, ach))
            pace, under = pace_of(value, path, lower_is_better=lower, tolerance=tolerance)
        gaps = total_gaps(goal, series, ach, today)
        if gaps and pace != ("behind" if lower else "ahead"):  # a floor: only ahead is sure
            pace = under = None
    flow_level = ach is not None and ach.flow and not ach.cumulative
    past_deadline = deadline is not None and today > deadline
    # the last review of this goal as it is now (one of a goal since changed compares not)
    compared = previous if previous is not None and not previous.changed else None
    streak = 1
    if compared is not None and compared.verdict == verdict and verdict is not None:
        streak = compared.streak + 1
    facts: dict[str, Any] = {
        "verdict": verdict,
        "previous_verdict": compared.verdict if compared is not None else None,
        "probability": probability,
        "previous_probability": compared.probability if compared is not None else None,
        "progress": rule_progress,
        # a flow's month at the target before the deadline is no goal reached (the
        # months to come may fall short: achievability says achieved only by then)
        "reached": (
            None
            if rule_progress is None
            else rule_progress >= 1.0 and not (flow_level and not past_deadline)
        ),
        # the numbers the flags' messages show, worded as the trend words them
        "progress_text": share_percent(progress) if progress is not None else None,
        "way_text": _way_text(progress, met_at_start),
        "probability_text": _chance(probability) if probability is not None else None,
        "previous_probability_text": (
            _chance(compared.probability)
            if compared is not None and compared.probability is not None
            else None
        ),
        "deadline_passed": goal.deadline is not None and today > goal.deadline,
        # whether the history shows the value by the deadline (else it is not known missed)
        "deadline_seen": ach is not None and not ach.deadline_unseen,
        "reset_to": _reset_to(goal, ach, today),
    }
    report = ruleset.evaluate(facts, today=today)
    flags = tuple(Flag(f.rule, f.message) for f in report.findings if f.outcome.value == "fail")
    outcomes = tuple((f.rule, f.outcome.value) for f in report.findings)
    return GoalReview(
        goal=goal, date=today, verdict=verdict, probability=probability, progress=progress,
        elapsed=elapsed, pace=pace, behind_by=under, value=value, baseline=baseline,
        target=target, path=path, unit=ach.unit if ach is not None else None, streak=streak,
        previous=previous, flags=flags, smart_score=smart_score, findings=findings,
        outcomes=outcomes, data_date=data_date if value is not None else None,
        tolerance=tolerance, met_at_start=met_at_start, gaps=gaps,
        unseen_since=start if unseen else None,
        no_month_since=start if no_month else None,
        by_deadline=by_deadline, baseline_from=base_day if progress is not None else None,
    )  # fmt: skip


def settled(ach: Achievability) -> bool:
    """Whether a judgment on its deadline's day read the outcome from the history (the
    value on the deadline seen): achieved or expired with no months left."""
    return ach.verdict.value in ("achieved", "expired") and not ach.months_left


def _way_text(progress: float | None, met_at_start: bool) -> str | None:
    """How far along the way a goal is, as the flags' messages say it."""
    if met_at_start:
        return ("the target, met already at the start" if progress is not None
                else "a value short of the target it met at the start")  # fmt: skip
    return None if progress is None else f"{share_percent(progress)} of the way to the target"


def _reset_to(goal: Goal, ach: Achievability | None, today: Date) -> str:
    """What to reset an unrealistic goal to, in the marketer's words (never a target by
    a deadline already past)."""
    if ach is None:
        return "set a target the history supports"
    if goal.deadline is not None and today > goal.deadline:
        return (f"its deadline ({goal.deadline.isoformat()}) has passed: set a new goal, "
                "with a deadline ahead")  # fmt: skip
    options = []
    if ach.suggested_target is not None:
        deadline = f" by {goal.deadline.isoformat()}" if goal.deadline else ""
        # an easier target: a lower one where higher is better, a higher bounce rate or
        # cost per lead where lower is
        easier = "raise" if ach.direction is Direction.LOWER else "lower"
        options.append(f"{easier} the target to about {_format_q(ach.suggested_target)}"
                       f"{deadline}")  # fmt: skip
    if ach.suggested_deadline is not None:
        options.append(f"keep it and move the deadline to {ach.suggested_deadline.isoformat()}")
    if not options:
        return "the history supports neither this target nor a near deadline: set a new one"
    return ", or ".join(options)
