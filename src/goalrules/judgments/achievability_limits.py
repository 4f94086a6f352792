"""What a history cannot say, and so when achievability answers "we don't know" rather
than show a chance: a history that ends too long before today, a straight line (the
fallback for zeros and negatives) that runs below zero for a metric that cannot, a
history of zeros only, or one whose forecast spans more than a hundredfold."""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Sequence
from typing import Any

import attrs

from goalrules.dates import add_months, months_between
from goalrules.judgments.achievability_result import Achievability, Verdict
from goalrules.judgments.achievability_text import format_value, is_count, number_text
from goalrules.metrics import MetricDefinition
from goalrules.model import Direction, MetricSeries, Point
from goalrules.units import unit_info

__all__ = [
    "WIDEST", "ceiling_remedy", "floored_at_zero", "forecast_past_ceiling", "linear_unknown",
    "lone_zeros", "past_ceiling", "share_ceiling", "stale", "too_wide", "total_gaps",
    "whole_months",
]  # fmt: skip

Date = _dt.date
_MONTH_SECONDS = 365.25 * 86400 / 12
_VALUE = operator.attrgetter("value")


def stale(last: Date, until: Date, max_gap: Any) -> str:
    """Why a history that ends more than ``max_gap`` (seconds, the ruleset's param)
    before ``until`` (today, or the deadline when it is earlier) is not judged from, or
    nothing: a forecast from data that old says nothing of where the account is now,
    however wide its range."""
    if max_gap is None:
        return ""
    gap = round(months_between(last, until))  # in whole months, as the limit is written
    if gap * _MONTH_SECONDS <= float(max_gap) + 1e-6:
        return ""
    return (
        f"The history ends on {last.isoformat()}, {gap:.0f} months before "
        f"{until.isoformat()}: too long ago to judge the goal from (the limit is "
        f"{float(max_gap) / _MONTH_SECONDS:g} months). Bring the history up to date."
    )


def floored_at_zero(defn: MetricDefinition | None) -> bool:
    """Whether the metric's values cannot be below zero: counts, and what a goal aims
    to lower (a cost, a time, a share such as the bounce rate: none is below zero, though
    costs and rates in general may be), and durations."""
    if defn is None:
        return False
    if defn.never_negative or defn.direction is Direction.LOWER:
        return True
    return ("[time]", 1) in unit_info(defn.unit).key


def share_ceiling(defn: MetricDefinition | None, unit: str) -> float | None:
    """The most a value of the metric can be, in ``unit``: 100 % for a share of a whole
    (the bounce rate, CSAT) judged in per cent, 100 points for NPS, else ``None``."""
    if defn is None:
        return None
    text = unit_info(unit).text
    if defn.share_of_a_whole and text == "percent":
        return 100.0
    if defn.key == "nps" and text == "percentage_point":  # promoters less detractors
        return 100.0
    return None


def past_ceiling(
    target: float, ceiling: float | None, metric: str, unit: str
) -> tuple[str, str] | None:
    """Why a target past the most a share can be (a CSAT of 105 %) is not judged, and
    what to do about it; ``None`` for a target within it."""
    if ceiling is None or target <= ceiling:
        return None
    most = format_value(ceiling, unit)
    return (
        f"The target, {format_value(target, unit)}, is past {most}, and {metric} cannot pass it.",
        f"Set a target of at most {most}.",
    )


def forecast_past_ceiling(
    supported: float | None, ceiling: float | None, metric: str, unit: str
) -> str:
    """Why a forecast whose median runs past the most a share can be says nothing of
    where it will be, or nothing: the growth model does not know the ceiling, so growth
    carried that far (a CSAT from 80 % to 97 % in a year, "about 106 % by then") cannot
    say how near to it the share gets, nor the chance of a target close to it."""
    if ceiling is None or supported is None or supported <= ceiling:
        return ""
    most = format_value(ceiling, unit)
    return (
        f"The forecast runs past {most} by the deadline, and {metric} cannot pass it: the "
        f"growth carried forward cannot say how near to {most} it gets, so no chance is "
        "given."
    )


def ceiling_remedy(metric: str) -> str:
    """What to do about a share whose forecast runs past 100 %: more history will not
    help (the model does not know the ceiling), a judgment by hand does."""
    return (
        f"Judge the target by hand: the growth model does not know where {metric} stops, "
        "so more history will not let it."
    )


def linear_unknown(
    points: Sequence[Point],
    supported: float | None,
    so_far: float,
    cumulative: bool,
    nonnegative: bool,
) -> str:
    """Why the linear fallback (zeros or negatives in the history, or a target at or
    below zero) cannot support a chance, or nothing: a history of zeros shows no change
    and no spread (a spread in the unit's own size would change with the unit), and a
    straight line whose median runs below zero for a metric that cannot be negative
    says nothing of where the metric levels off."""
    if all(p.value == 0 for p in points):
        return (
            "Every month of the history is zero: it shows neither growth nor how much the "
            "months vary, so the chance of reaching the target cannot be judged yet."
        )
    if nonnegative and supported is not None and supported < (so_far if cumulative else 0.0):
        return (
            "A straight line through the history (its values at or near zero rule out "
            "growth rates) runs below zero by the deadline, and {metric} cannot be "
            "negative: the history cannot say where it levels off, so the chance cannot "
            "be judged."
        )
    return ""


#: a forecast whose central 80 % range spans more than this factor (its high over its
#: low) says nothing of where the metric will be: on the held-out half of the public
#: social-like series (3 to 6 months of history, 3 and 6 months ahead), the chance of
#: the goals whose range spanned more was off by 0.16 (expected calibration error, 0.03
#: on the others) and no better than a coin (Brier score 0.21 against 0.25)
WIDEST = 100.0


def too_wide(a: Achievability, metric: str, deadline: Date) -> Achievability | None:
    """Judgment ``a`` as ``insufficient_data`` when its forecast's central 80 % range
    spans more than :data:`WIDEST` times (three months of leads, 10, 50 and 20, read
    "80 % range 0 to 14,537,936 leads a month" beside a 45 % chance), with the reason;
    ``None`` when the range is narrower. What the goal's progress is read from (the
    latest value, the target, the baseline) is kept."""
    start = a.from_start  # a change from a start after the history: its factor's range
    if start is not None and (not start.factor or a.predictive is None):
        return None  # (a change in the unit, "+500 followers", may hold zero)
    if str(a.method).endswith("linear"):  # (a straight line's range is in the unit,
        return None  # and may hold zero)
    if start is None and a.forecast_range_within(WIDEST):  # (read from the mixture's
        return None  # components where they settle it, without its quantiles)
    f = a.forecast
    if f is None:
        return None
    low, high = (start.growth[1], start.growth[2]) if start is not None else (f["low"], f["high"])
    if low > 0 and high <= WIDEST * low:
        return None
    if start is not None:
        what = f"of the change from {start.start.isoformat()} "
        shown = f"{start.change(low)} to {start.change(high)}"
    else:
        period = " a month" if a.flow and not a.cumulative else ""
        what, shown = "", f"{number_text(low, a.unit)} to {format_value(high, a.unit)}{period}"
    reason = (
        f"{a.observations} months of history that vary this much cannot tell where {metric} "
        f"will be by {deadline.isoformat()}: the forecast's central 80 % range {what}runs "
        f"from {shown}, more than a hundredfold, so no chance is given. A few more months "
        "will narrow it."
    )
    kept: dict[str, Any] = {name: getattr(a, name) for name in _KEPT}
    if start is not None:  # (the target said as the change from the start it is)
        kept["from_start"] = attrs.evolve(start, judged=False)
    return Achievability(
        Verdict.INSUFFICIENT_DATA, direction=a.direction, observations=a.observations,
        note=" ".join(filter(None, (a.note, reason))), **kept,
        remedy=f"Track {metric} a few more months: its forecast narrows as they come in.",
    )  # fmt: skip


#: what an unjudged goal keeps of its judgment: the goal's progress is read from them
_KEPT = (
    "span_months", "cumulative", "months_left", "unit", "current_value", "target_value",
    "baseline_value", "per_month", "last_date", "flow",
)  # fmt: skip


def total_gaps(points: Sequence[Point], since: Date, until: Date) -> str:
    """A note when a total ("1,000 leads this year") sums months with gaps between
    ``since`` and ``until`` (the first and last months it counts): a month with no data
    is not a month of nothing, so the total so far, and the chance, may be too low."""
    seen = {(p.date.year, p.date.month) for p in points}
    missing: list[str] = []
    day = since.replace(day=1)
    while day <= until:
        if (day.year, day.month) not in seen:
            missing.append(f"{day.year}-{day.month:02d}")
        day = add_months(day, 1)
    if not missing:
        return ""
    months = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
    return (
        f"The total counts only the months observed: {months} "
        f"{'has' if len(missing) == 1 else 'have'} no data, so the total so far and the "
        "chance may be too low."
    )


def whole_months(raw: Sequence[Point], points: Sequence[Point], flow: bool) -> Sequence[Point]:
    """The months a flow's growth is read from: its monthly sums, less a first month
    the history only partly covers. Daily or weekly points that begin after a month's
    first day ("10 leads a week" from 26 January) sum to a fraction of it, and read as a
    whole month they make a flat flow grow: "grow 59 % a month" from the 26th, and "2.1 %
    a month" from the 4th (12 leads a week from Monday 4 August: 48 in August, 53 in
    January); a history of one point a month is a month's figure wherever in the month
    it is dated."""
    if not flow or len(points) < 3 or not raw or raw[0].date.day == 1:
        return points
    first = (raw[0].date.year, raw[0].date.month)
    months = [(p.date.year, p.date.month) for p in raw]
    if len(months) == len(set(months)) or (points[0].date.year, points[0].date.month) != first:
        return points  # one point a month (or none of the first month kept)
    return points[1:]


#: the least count on each side of a zero for it to read as a missing count
LONE_ZERO_NEIGHBOURS = 10.0


def lone_zeros(series: MetricSeries, unit: str) -> tuple[MetricSeries, str]:
    """A stock's count history without its lone zeros, and the note that says so: a count
    of 0 between two counts of ten or more (followers 1,085, 0, 1,170) is a count missing
    from the export, not an account emptied and filled again within a month; read as a
    value it turned the model to a straight line ("233 followers a month"). Nothing
    changes for other histories (``unit``: the series' unit, a count's or not)."""
    pts = series.points
    if len(pts) < 3 or not is_count(unit) or 0.0 not in map(_VALUE, pts):
        return series, ""
    lone = [
        i for i in range(1, len(pts) - 1)
        if pts[i].value == 0
        and min(pts[i - 1].value, pts[i + 1].value) >= LONE_ZERO_NEIGHBOURS
    ]  # fmt: skip
    if not lone:
        return series, ""
    kept = tuple(p for i, p in enumerate(pts) if i not in set(lone))
    days = ", ".join(pts[i].date.isoformat() for i in lone)
    note = (
        f"The count of 0 on {days}, between {format_value(pts[lone[0] - 1].value, unit)} "
        f"and {format_value(pts[lone[0] + 1].value, unit)}, is read as a count missing "
        "from the history, not a value."
    )
    return MetricSeries(metric=series.metric, points=kept, unit=series.unit,
                        channel=series.channel, kind=series.kind), note  # fmt: skip
