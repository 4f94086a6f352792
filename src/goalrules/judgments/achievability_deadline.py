"""A deadline that has passed: the goal is judged on the value it had by then.

"1,300 followers by January" is met or missed in January. A history that runs on past
the deadline must not turn a missed goal into an achieved one (1,275 in January, 1,390
in April: the deadline was missed, the target reached three months late), nor a goal met
in time into an expired one because the metric fell since. So once the deadline has
passed, the value shown and judged is the last one known on or before it (a stock's
last observation, a flow's month, a total's months up to the deadline's month), and when
the latest value tells another story the explanation says so. Without an observation on
or before the deadline the latest value is judged, as before.

A history that stops *before* a deadline that has passed (the last count in November, the
deadline on December 31, judged in February) does not say whether the target was met:
the value by the deadline was never seen. Such a goal is not ``expired`` (nor
``achieved``, unless the value seen before the deadline already met the target): it is
judged on the forecast at the deadline, and the explanation says that the deadline has
passed, that the history ends before it and that the chance is the chance it was met
(:func:`reaches_deadline`, :func:`unseen_note`).

Nor is a goal judged on a value from after its deadline: a deadline not after the goal's
start (:func:`wrong_dates`), or one that passed before the history's first observation
(:func:`before_history`), is ``insufficient_data`` with the reason, never "short of"
beside a value counted later.

A stock's counts that straddle the deadline (1,352 followers on 28 February, 1,400 on
31 March, the deadline on 15 March, the target 1,380) do not say when the target was
crossed: between them, perhaps by the deadline. The goal is judged on the count before
the deadline, as above, and the explanation says that the next count meets the target
and what a straight line between the two reads on the deadline (:func:`between_note`),
never "the target was met only later" as a fact.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from goalrules.dates import month_end
from goalrules.judgments.achievability_text import format_value
from goalrules.model import MetricKind, Point

__all__ = [
    "BEFORE_HISTORY_REMEDY",
    "WRONG_DATES_REMEDY",
    "at_deadline",
    "before_history",
    "between_note",
    "late_note",
    "month_under_way",
    "reaches_deadline",
    "unseen_note",
    "wrong_dates",
]

Date = _dt.date


def at_deadline(
    raw: Sequence[Point],
    monthly: Sequence[Point],
    kind: MetricKind,
    deadline: Date,
    since: Date | None,
) -> tuple[float, Date] | None:
    """The value judged at ``deadline`` and the day it stands for: a stock's last raw
    observation on or before it, a flow's month (the deadline's own month counts), or
    with ``since`` (the first month of a total) the months from ``since`` to the
    deadline's month summed; ``None`` when nothing was observed by the deadline."""
    if kind is MetricKind.STOCK and since is None:
        before = [p for p in raw if p.date <= deadline]
        return (before[-1].value, before[-1].date) if before else None
    last_month = deadline.replace(day=1)
    months = [p for p in monthly if p.date <= last_month]
    if not months:
        return None
    when = month_end(months[-1].date)
    if since is not None:
        return sum(p.value for p in months if p.date >= since), when
    return months[-1].value, when


def late_note(
    deadline: Date, met_then: bool, met_now: bool, latest: float, latest_day: Date, unit: str
) -> str:
    """What the latest value says beside the one judged at the deadline, or nothing."""
    if met_then == met_now:
        return ""
    now = f"{format_value(latest, unit)} on {latest_day.isoformat()}"
    said = f"Judged at the deadline ({deadline.isoformat()}): "
    if met_now:
        return f"{said}the target was met only later ({now})."
    return f"{said}the latest value, {now}, is short of the target again."


def reaches_deadline(kind: MetricKind, last_day: Date, last_month: Date, deadline: Date) -> bool:
    """Whether the history shows the value at ``deadline``: a stock's last observation
    (``last_day``) on or after it, a flow's (or a total's) last complete month
    (``last_month``, its first day) the deadline's month or later."""
    if kind is MetricKind.STOCK:
        return last_day >= deadline
    return last_month >= deadline.replace(day=1)


def unseen_note(deadline: Date, last_day: Date) -> str:
    """What a judgment says when its deadline has passed before the history's end."""
    return (
        f"The deadline ({deadline.isoformat()}) has passed, but the history ends on "
        f"{last_day.isoformat()}, before it: whether the target was met is not known, and "
        "the forecast and the chance below are for the deadline."
    )


def gap_at_deadline(
    points: Sequence[Point], since: Date, deadline: Date, total: float, target: float,
    higher: bool, unit: str,
) -> str:  # fmt: skip
    """Why a total ("300 leads in the first half of 2026") whose deadline has passed is
    not known met or missed, or nothing: a month of its period has no data (not a month
    of nothing), and the months known do not settle it: their sum short of a target to
    reach (the missing month may make up the rest), or within a cap (it may break it)."""
    seen = {(p.date.year, p.date.month) for p in points}
    missing, day = [], since.replace(day=1)
    while day <= deadline:
        if (day.year, day.month) not in seen:
            missing.append(f"{day.year}-{day.month:02d}")
        day = (day + _dt.timedelta(days=32)).replace(day=1)
    met = total >= target if higher else total <= target
    if not missing or met != (not higher):
        return ""
    return (
        f"The deadline ({deadline.isoformat()}) has passed, and {', '.join(missing)} "
        f"{'has' if len(missing) == 1 else 'have'} no data: the months known sum to "
        f"{format_value(total, unit)} of the {format_value(target, unit)} targeted, so "
        "whether the target was met is not known."
    )


#: what to do about a total's month with no data past its deadline
GAP_REMEDY = "Give the missing months' values to judge the goal by its deadline."


def wrong_dates(start: Date | None, deadline: Date) -> str:
    """Why a goal whose deadline is not after its start is not judged, or nothing."""
    if start is None or deadline > start:
        return ""
    return (
        f"The deadline ({deadline.isoformat()}) is not after the start "
        f"({start.isoformat()}): correct the goal's dates to judge it."
    )


#: what to do about each, for the SMART rubric's advice (more history is not it)
WRONG_DATES_REMEDY = "Correct the goal's dates: its deadline must come after its start."
BEFORE_HISTORY_REMEDY = (
    "Give a history that reaches back to the deadline, or reset the goal with a new one."
)


def before_history(deadline: Date, first: Date) -> str:
    """Why a deadline that passed before the history's first value is not judged."""
    return (
        f"The deadline ({deadline.isoformat()}) passed before the history begins "
        f"({first.isoformat()}): the value by then is not known."
    )


def month_under_way(
    raw: Sequence[Point], monthly: Sequence[Point], kind: MetricKind, today: Date, deadline: Date
) -> tuple[float, Date] | None:
    """A flow's total so far in the month under way on ``today`` and the last day it
    was seen on, when the deadline falls in that month: its complete months
    (``monthly``) end before it, and its rows (``raw``, dated up to ``today``) hold
    the days seen so far ("11,250 visits to 15 January" beside a target for January).
    ``None`` for a stock, a deadline in another month, or no row in the month yet."""
    if kind is not MetricKind.FLOW or not raw or not monthly or deadline < today:
        return None
    if (deadline.year, deadline.month) != (today.year, today.month):
        return None
    if (monthly[-1].date.year, monthly[-1].date.month) >= (today.year, today.month):
        return None  # the month is over (or complete in the history): nothing under way
    first = today.replace(day=1)
    rows = [p for p in raw if first <= p.date <= today]
    if not rows:
        return None
    return sum(p.value for p in rows), rows[-1].date


def between_note(
    raw: Sequence[Point], deadline: Date, judged: Date, target: float, higher: bool, unit: str
) -> str:
    """What a stock's first count after ``deadline`` says when it meets ``target`` and the
    count judged (on ``judged``, before the deadline) does not: the target was crossed
    between the two, and a straight line between them reads a value on the deadline;
    nothing otherwise."""
    if judged >= deadline:
        return ""
    after = next((p for p in raw if p.date > deadline), None)
    before = next((p for p in reversed(raw) if p.date <= judged), None)
    if after is None or before is None or before.date != judged:
        return ""
    if not (after.value >= target if higher else after.value <= target):
        return ""
    share = (deadline - before.date).days / (after.date - before.date).days
    line = before.value + share * (after.value - before.value)
    crossed = line >= target if higher else line <= target
    return (
        f"The deadline ({deadline.isoformat()}) falls between two counts: "
        f"{format_value(before.value, unit)} on {before.date.isoformat()}, short of the "
        f"target, and {format_value(after.value, unit)} on {after.date.isoformat()}, which "
        "meets it: when it was crossed is not known (a straight line between them reads "
        f"{format_value(line, unit)} on the deadline, "
        f"{'past the target' if crossed else 'short of it'}). The goal is judged on the "
        "count before the deadline."
    )


def total_months(last_month: Date, first_month: Date, deadline: Date) -> tuple[int, float]:
    """The months a flow's total is still to come from, after its history's last month
    (``last_month``) to ``deadline``: ``(gap, months)``, the whole months before the
    total's first month (``first_month``: they are forecast to reach it, never counted
    in it) and the months counted, calendar months with the deadline's own counted by
    its share of days up to the deadline ("1,000 leads in Q1" judged on a history to
    November: one month between, three counted)."""
    last = last_month.year * 12 + last_month.month - 1
    after = max(last + 1, first_month.year * 12 + first_month.month - 1)
    counted = deadline.year * 12 + deadline.month - 1 - after
    return after - last - 1, counted + deadline.day / month_end(deadline).day
