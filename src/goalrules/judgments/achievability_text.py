"""The words of an achievability judgment: numbers as the reports write them, and the
explanation, whose every figure comes from the one predictive distribution.

Counts are whole numbers ("57 leads", not "56.61 leads"), a flow's value carries its
period ("57 leads a month"), and the forecast at the deadline is its median with a
central 80 % range. When the history's own rate, carried forward, tells another story
than the chance (it reaches the target while the chance is under one half, or the other
way round), the text says why the model doubts the rate: growth that has slowed, a short
history, noisy months, or growth that seldom lasts in full.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from goalrules import plugins
from goalrules.dates import add_months, month_end
from goalrules.dsl.display import format_number
from goalrules.judgments.achievability_model import FARTHEST
from goalrules.metrics import catalog
from goalrules.numbers import current_locale, format_count, format_decimal, format_percent
from goalrules.units import is_count_dimension, unit_info, unit_text
from goalrules.vocabulary import Direction, MetricKind

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.model import Goal
    from goalrules.units import Quantity

Date = _dt.date

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_q(q: Quantity) -> str:
    return format_value(float(q.magnitude), unit_text(q))


@functools.lru_cache(maxsize=512)
def is_count(unit: str) -> bool:
    """A unit that counts things (followers, leads): shown as whole numbers (kept: a
    judgment asks it of its unit several times)."""
    key = unit_info(unit).key
    return len(key) == 1 and key[0][1] == 1 and is_count_dimension(key[0][0])


plugins.on_reset(is_count.cache_clear)  # plugins add units


@functools.lru_cache(maxsize=512)
def _shape(unit: str) -> tuple[bool, str]:
    """Whether ``unit`` counts things, and the unit's name as values are written in it
    (``percent`` and ``dimensionless`` as they are)."""
    if unit in ("percent", "dimensionless"):
        return False, unit
    name = str(unit_info(unit).text)
    return is_count(unit), ("point" if name == "percentage_point" else name)  # (NPS 55 points)


plugins.on_reset(_shape.cache_clear)  # plugins add units


def format_value(x: float, unit: str) -> str:
    """``x`` in ``unit`` as the reports write it ("1,234 followers", "2.5 %"). A float's
    text is kept (bounded): it is a pure function of the value, the unit and the locale,
    and one judgment writes its figures three or four times (the facts its rules read,
    the explanation, the report), a book's goals on one history the same current value."""
    if x.__class__ is not float:
        return _format_value(x, unit)
    key = (x, unit, current_locale())
    text = _VALUES.get(key)
    if text is None:
        if len(_VALUES) >= 8192:
            _VALUES.clear()
        text = _VALUES[key] = _format_value(x, unit)
    return text


#: the text of each (float, unit, locale) :func:`format_value` wrote (``-0.0`` shares
#: ``0.0``'s entry: both read "0")
_VALUES: dict[tuple[float, str, str], str] = {}
plugins.on_reset(_VALUES.clear)  # plugins add units


def _format_value(x: float, unit: str) -> str:
    count, unit = _shape(unit)
    if count and math.isfinite(x) and abs(x) < 1e15:
        x = float(round(x))
    if unit == "percent":
        return f"{format_number(x)} %"
    if unit == "dimensionless":
        return format_number(x)
    return f"{format_number(x)} {plural(unit, x)}"


def number_text(x: float, unit: str) -> str:
    """``x`` as :func:`format_value` writes it, without the unit: a count in whole
    numbers, so a review's value and its path are written alike ("29" beside "31", not
    "30.92")."""
    if _shape(unit)[0] and math.isfinite(x):
        x = float(round(x))
    return format_number(x) + (" %" if unit == "percent" else "")


_number = number_text  # the name the tests of the fast paths know it by


def plural(unit: str, value: float) -> str:
    if unit in ("percent", "dimensionless") or " " in unit or abs(value) == 1:
        return unit
    if unit == "person":
        return "people"
    if unit.isupper():
        return unit
    return unit + "s"


def nice(x: float, *, down: bool = True) -> float:
    """A round number a person would say for ``x`` (a multiple of 1, 2 or 5 times a
    power of ten), towards the easier side (``down`` for a metric where higher is
    better) so that the round target is still one the history supports: the roundest
    within 5 % of ``x`` (1,301 is 1,300; 1,499 is 1,450, not 1,400, a target 7 % under
    what the history supports)."""
    if x == 0 or not math.isfinite(x):
        return x
    top = 10.0 ** math.floor(math.log10(abs(x)))
    if top == 0 or not math.isfinite(top):
        return x
    # (the last step, a twentieth of the leading power of ten, is within 5 % of any x)
    for step in (top, top / 2, top / 5, top / 10, top / 20):
        steps = x / step
        rounded = (math.floor(steps + 1e-9) if down else math.ceil(steps - 1e-9)) * step
        if rounded != 0 and abs(rounded - x) <= _NEAR * abs(x):
            break
    return float(rounded)


#: how far from the value a round suggestion may lie
_NEAR = 0.05


def nice_beyond(x: float, beyond: float, *, down: bool = True, whole: bool = False) -> float | None:
    """:func:`nice` of ``x`` that still beats ``beyond`` (today's value: above it when
    higher is better, ``down``; below it when lower is): when the roundest number within
    5 % falls back to today's value or behind it (8,911 supported, 8,536 today: 8,500),
    finer steps are tried (8,900), down to a thousandth of ``x``'s leading power of ten
    (``whole``: a count, written in whole numbers, never below a step of one). ``None``
    when no such number beats ``beyond``: the history supports no gain worth naming."""

    def beats(v: float) -> bool:
        return v > beyond if down else v < beyond

    if not math.isfinite(x) or not beats(x):
        return None
    shown = nice(x, down=down)
    if beats(shown):
        return shown
    top = 10.0 ** math.floor(math.log10(abs(x))) if x != 0 else 1.0
    for divisor in (50, 100, 200, 500, 1000):
        step = max(top / divisor, 1.0) if whole else top / divisor
        steps = x / step
        rounded = (math.floor(steps + 1e-9) if down else math.ceil(steps - 1e-9)) * step
        if beats(rounded):
            return float(rounded)
    return None


def months_after(day: Date, months: int) -> Date:
    """The day ``months`` calendar months after ``day``, a month's end when ``day`` is
    one (a flow's last month, a count made on the 31st): a deadline suggested for a
    monthly total falls on its month's last day, not on the 30th of May."""
    later = add_months(day, months)
    return month_end(later) if day == month_end(day) else later


def _month_name(day: Date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _monthly_ratio(goal: Goal, last_date: Date) -> bool:
    """Whether the latest value is a ratio's month (the mean of its month: a cost per
    lead, an engagement rate), dated by the month's end, not a reading on that day."""
    defn = catalog.get(goal.metric) if goal.metric else None
    return defn is not None and defn.kind is MetricKind.RATIO and last_date == month_end(last_date)


def level_period(a: Any) -> str:
    """What follows a level of judgment ``a`` in words: " a month" for a flow's level
    or a monthly target ("35 leads a month"), nothing for a stock or a total."""
    return " a month" if (a.flow and not a.cumulative) or a.per_month else ""


def explain(
    a: Any,
    goal: Goal,
    metric: str,
    last_date: Date,
    level: float | None,
    supported: float | None,
    evaluation: Any,
) -> str:
    """The judgment in plain language (see the module docstring)."""
    if a.current_value is None or a.target_value is None:
        return str(a.note)
    unit = a.unit
    flow = a.flow and not a.cumulative
    period = level_period(a)
    # the values are written in the judgment's unit as they are, no quantity made of them
    cur = format_value(a.current_value, unit)
    # a flow's target is a month's level, as its forecast ("5,512 engagements a month")
    tgt = format_value(a.target_value, unit) + period
    deadline = goal.deadline.isoformat() if goal.deadline else "the deadline"
    parts: list[str] = []
    if a.cumulative:
        parts.append(f"{metric.capitalize()} so far: {cur} (to {last_date.isoformat()}).")
    elif flow or _monthly_ratio(goal, last_date):
        parts.append(f"{metric.capitalize()}: {cur} in {_month_name(last_date)}.")
    else:
        parts.append(f"{metric.capitalize()}: {cur} on {last_date.isoformat()}.")
    if a.verdict.value == "achieved" and evaluation[1].get("deadline_passed"):
        parts.append(f"That met the target of {tgt} by the deadline ({deadline}).")
        return " ".join(parts)
    if a.verdict.value == "achieved":
        parts.append(f"That already meets the target of {tgt}.")
        return " ".join(parts)
    if a.verdict.value == "expired" and evaluation[1].get("deadline_today"):
        parts.append(f"The deadline ({deadline}) is today, and that is short of {tgt}.")
        return " ".join(parts)
    if a.verdict.value == "expired":
        parts.append(f"The deadline ({deadline}) has passed, short of {tgt}.")
        return " ".join(parts)
    if a.verdict.value == "insufficient_data":
        parts.append(too_little_history(a))
        return " ".join(parts)
    cap = a.direction is Direction.LOWER and a.cumulative and level is not None
    # a cap on a total that only grows, broken already: settled, whatever the months do
    broken = cap and a.nonnegative and a.current_value > a.target_value
    if not broken:
        parts.append(history_rate(a))
    months = a.months_left or 0.0
    if broken:
        parts.append(
            f"That is past the cap of {tgt} already, and the months to come can only add to "
            "it: the target cannot be met."
        )
    elif cap and level is not None:
        parts.append(
            f"Keeping within {tgt} in total by {deadline} leaves about "
            f"{format_value(level, unit)} a month for the remaining "
            f"{format_decimal(months, 1)} months."
        )
    elif a.cumulative and level is not None and months < 1 and goal.deadline is not None:
        days = (goal.deadline - last_date).days  # (a month's days to come: "0.0 months")
        left = format_value(max(a.target_value - a.current_value, 0.0), unit)
        parts.append(
            f"Reaching {tgt} in total by {deadline} needs about {left} more in the "
            f"remaining {days} day{'s' if days != 1 else ''}."
        )
    elif a.cumulative and level is not None:
        parts.append(
            f"Reaching {tgt} in total by {deadline} needs about "
            f"{format_value(level, unit)} a month for the remaining "
            f"{format_decimal(months, 1)} months."
        )
    elif a.required_rate is not None:
        parts.append(_needed(a, tgt, deadline, months))
    elif a.required_linear is not None:
        parts.append(_needed_linear(a, tgt, deadline))
    forecast = a.forecast
    if forecast is not None:
        what = "the total" if a.cumulative else "it"
        parts.append(
            f"The forecast puts {what} at about "
            f"{format_value(forecast['median'], unit)}{period} by then (80 % range "
            f"{number_text(forecast['low'], unit)} to "
            f"{format_value(forecast['high'], unit)}{period})."
        )
    doubt = "" if broken else _doubt(a)
    if doubt:
        parts.append(doubt)
    if a.probability is not None:
        parts.append(
            f"Chance of reaching the target: {chance_percent(a.probability, a.chance_edges)} "
            f"({a.verdict.value})."
        )
        parts.append("" if broken else _rough_centre(a, metric))
    if a.verdict.value in ("stretch", "unrealistic") and not a.deadline_unseen:
        parts.append(advice(a, supported))  # (no advice for a deadline gone by)
    return " ".join(part for part in parts if part)


def _needed(a: Any, tgt: str, deadline: str, months: float) -> str:
    """The move the target needs a month, in words: the growth (or the fall) needed, or,
    past the target already (a month's level, before its deadline), how far it may move
    back and still be there. With a season found, the rate is read with the season taken
    out, as the historical rate is: 868 visits in a December that runs a third low need
    no growth to reach 1,300 in June, not "7 % a month"."""
    higher = a.direction is Direction.HIGHER
    rate = a.required_rate
    seasonal = getattr(a, "seasonal", False)
    season = " once the season is taken out" if seasonal else ""
    past = a.current_value >= a.target_value if higher else a.current_value <= a.target_value
    back = (rate < 0) is higher  # it may move back by this much and still meet it
    moved = format_percent(abs(rate))
    verb = "fell" if rate < 0 else "rose"
    if past and back:
        return (
            f"That is past the target of {tgt} already: it would still meet it by {deadline} "
            f"if it {verb} by up to {moved} a month{season}."
        )
    if past and not seasonal:  # (at the target itself: no move is needed)
        return (
            f"That is at the target of {tgt} already: it meets it by {deadline} if it "
            "holds where it is."
        )
    if past:  # (a season only: the deadline's month runs lower than the latest)
        need = "growth" if higher else "a fall"
        return (
            f"That is past the target of {tgt} already, but not in the deadline's season: "
            f"keeping it by {deadline} needs {need} of {moved} a month{season}."
        )
    reaching = f"Reaching {tgt} by {deadline} ({format_decimal(months, 1)} months)"
    if back:  # (a season only: the deadline's month runs higher than the latest)
        need = "growth" if higher else "fall"
        return (
            f"{reaching} needs no {need}{season}: it would still reach it if it {verb} by up "
            f"to {moved} a month."
        )
    need = "growth" if rate >= 0 else "a fall"
    return f"{reaching} needs {need} of {moved} a month{season}."


def _needed_linear(a: Any, tgt: str, deadline: str) -> str:
    """The change the target needs a month on a straight line (values at or below zero),
    in words: past the target already, how far it may move back and still meet it (it
    read "Reaching 1 % by 2026-07-31 needs -0.875 % a month" for a rate of 6.25 %);
    else the rise (or, lower being better, the fall) needed."""
    higher = a.direction is Direction.HIGHER
    step = a.required_linear
    amount = format_value(abs(step), a.unit)
    past = a.current_value >= a.target_value if higher else a.current_value <= a.target_value
    if past:
        verb = "fell" if higher else "rose"
        return (
            f"That is past the target of {tgt} already: it would still meet it by {deadline} "
            f"if it {verb} by up to {amount} a month."
        )
    if step >= 0:
        return f"Reaching {tgt} by {deadline} needs {amount} a month."
    return f"Reaching {tgt} by {deadline} needs a fall of {amount} a month."


def advice(a: Any, supported: float | None) -> str:
    """What the history supports instead, in one sentence: a target it supports (one
    that beats today's value, with the chance the verdict calls achievable), and the
    deadline that makes the target itself that likely (within :data:`FARTHEST` months
    of the last observation), or that none does."""
    if supported is None:
        return ""
    cache = getattr(a, "_cache", None)  # a judgment's rules read it, and its explanation
    if cache is None:
        return _advice(a, supported)
    key = ("advice", supported)
    said: str | None = cache.get(key)
    if said is None:
        said = cache[key] = _advice(a, supported)
    return said


def _advice(a: Any, supported: float) -> str:
    unit, period = a.unit, level_period(a)
    about = f"Your history supports about {format_value(supported, unit)}{period} by then"
    if a.suggested_value is not None:
        said = f"{about}; consider {format_value(a.suggested_value, unit)}{period}"
        keep = ", or keep the target and move"
    else:  # a target met already is no target: no gain is likely by this deadline
        gain = "more" if a.direction.value != "lower" else "less"
        said = (
            f"{about}, and no target {gain} than today's "
            f"{format_value(a.current_value, unit)}{period} is likely by this deadline"
        )
        keep = "; keep the target and move"
    if a.suggested_deadline is not None:
        return f"{said}{keep} the deadline to {a.suggested_deadline.isoformat()}."
    # a total aimed higher gains with every month (a cap on one is no easier later:
    # more time adds to it); a level's later deadline is only said once it is found
    later = a.cumulative and a.suggested_value is not None and a.direction.value != "lower"
    if a.cumulative or a.last_date is None or (a.months_left or 0.0) >= FARTHEST:
        # (a deadline three years out or more: no later one is looked for)
        return f"{said}, or a later deadline." if later else f"{said}."
    farthest = months_after(a.last_date, FARTHEST).isoformat()
    return f"{said}; the target itself is not likely even by {farthest}."


#: the horizon (months) from which a lone flow's chance is said to be rough
ROUGH_FROM = 6


def _rough_centre(a: Any, metric: str) -> str:
    """For a flow judged alone with goalrules' own prior (no centre given, none learnt
    across histories) six months or more ahead: where flows head differs by kind more
    than one history shows (held-out public flows: 6 to 12 months ahead the chance was
    off by 0.07 to 0.20 on average, one way for downloads and the other for new stars),
    so the chance is said to be rough, and what would firm it up (docs/judgments.md,
    "Flows judged together")."""
    if not (a.flow and a.default_prior and a.model is not None):
        return ""
    if (a.months_left or 0.0) < ROUGH_FROM:
        return ""
    return (
        f"This chance is rough: a flow's course over {a.months_left:.0f} months varies by "
        f"kind more than one history shows (with four or more histories of {metric}, "
        "goalrules learns it)."
    )


def round_chance(p: float, digits: int, edges: Iterable[float] = (0.5,)) -> float:
    """``p`` rounded to ``digits`` decimals, never across an edge: one half (the median
    reaching the target) and the verdict's thresholds, so that "10 %" is never read
    beside "unrealistic" (a chance of 0.0997 under a threshold of 10 %); and never to a
    certainty: a chance above 0 that rounds to 0 keeps two significant digits (3.1e-08),
    and one below 1 that rounds to 1 keeps two of its distance from 1."""
    step = 10.0**-digits
    shown = round(p, digits)
    for edge in edges:
        if p < edge <= shown:
            shown = round((_first_step(edge, step) - 1) * step, digits)
        elif p >= edge > shown:
            shown = round(_first_step(edge, step) * step, digits)
    if shown <= 0.0 < p:
        return float(f"{p:.2g}")
    if shown >= 1.0 > p:
        return 1.0 - float(f"{1.0 - p:.2g}")
    return shown


def _first_step(edge: float, step: float) -> int:
    """The first multiple of ``step`` at or above ``edge`` (in steps)."""
    return math.ceil(edge / step - 1e-9)


#: decimals a chance is written with wherever it is a number: the check's JSON and CSV,
#: the review's JSON, its store and its audit (as a percent with two decimals)
CHANCE_DIGITS = 4


def shown_chance(p: float, edges: Iterable[float] = (0.5,)) -> float:
    """A chance as every output writes it as a number (:data:`CHANCE_DIGITS` decimals,
    rounded by :func:`round_chance`: never across one half, a verdict's threshold or to
    a certainty): the one place that rounds it, so the CSV and the JSON agree."""
    return round_chance(p, CHANCE_DIGITS, edges)


def whole_percent(p: float, edges: Iterable[float] = (0.5,)) -> tuple[int, int]:
    """A chance in whole percent, never rounded across one half or a verdict's threshold,
    and which side of it the chance lies when that number would be a certainty it is
    not: ``(1, -1)`` for under 1 %, ``(99, 1)`` for over 99 %, else ``(shown, 0)``."""
    shown = round(round_chance(p, 2, edges) * 100)
    if shown == 0 and p > 0:
        return 1, -1
    if shown == 100 and p < 1:
        return 99, 1
    return shown, 0


def chance_percent(p: float, edges: Iterable[float] = (0.5,)) -> str:
    """A chance in whole percent that never rounds across one half, a verdict's
    threshold or to a certainty ("under 1 %", "over 99 %")."""
    shown, side = whole_percent(p, edges)
    return f"{('under ', '', 'over ')[side + 1]}{shown} %"


def _spread(a: Any) -> str:
    """How much the months vary, when more than 5 %, in words ("about 12 %"); a straight
    line's changes (the linear fallback) are in the unit ("537 followers"), not in per
    cent. Empty when the months vary less."""
    if a.volatility is None:
        return ""
    if str(a.method).endswith("linear"):
        if a.volatility <= 0.05 * abs(a.current_value or 0.0):
            return ""
        return format_value(a.volatility, a.unit)
    return format_percent(a.volatility, digits=0) if a.volatility > 0.05 else ""


def _doubt(a: Any) -> str:
    """Why the forecast and the history's own rate, carried forward, disagree (empty
    when they agree)."""
    if a.probability is None or a.cumulative or a.target_value is None:
        return ""
    carried = a.carried_value
    if carried is None:
        return ""
    higher = a.direction.value != "lower"
    carried_reaches = carried >= a.target_value if higher else carried <= a.target_value
    likely = a.probability >= 0.5
    if carried_reaches == likely:
        return ""
    unit = a.unit
    shown = format_value(carried, unit) + (" a month" if a.flow else "")
    if carried_reaches:
        return f"At the recent rate it would reach about {shown}, but {why_doubted(a)}."
    way = "higher" if higher else "lower"
    return (
        f"At the recent rate it would be about {shown}, short of the target; the forecast "
        f"also reads the longer history (its trend, level and season), which points {way}."
    )


def why_doubted(a: Any) -> str:
    """Why the forecast doubts the history's recent rate, carried forward (it reaches the
    target while the chance is under one half): a change that has slowed, a longer
    history that moved less, little history, noisy months, or a change that seldom lasts
    in full. A lower-is-better metric's target needs a fall: its rates are read as falls
    (a fall of 3 % a month after one of 1 % has not slowed)."""
    sign = -1.0 if a.direction.value == "lower" else 1.0
    change = "growth" if sign > 0 else "the fall"
    slowed = a.recent_rates
    longer = a.longer_rate
    rate = a.historical_rate
    if slowed is not None and sign * slowed[0] < 0.8 * sign * slowed[1]:
        return (
            f"{change} has slowed: the last 3 months {format_percent(slowed[0])} a month, "
            f"the 3 before {format_percent(slowed[1])}"
        )
    if longer is not None and rate is not None and sign * longer[1] < 0.7 * sign * rate:
        verb = "grew" if longer[1] >= 0 else "fell"
        said = (
            f"over the last {longer[0]} months it {verb} {format_percent(abs(longer[1]))} a month"
        )
        if _below_the_longer_rate(a, sign):  # the forecast short of that rate too
            return (
                f"{said}, and {'growth' if sign > 0 else 'a fall'} like this seldom lasts in "
                "full on real accounts: the forecast allows for it fading"
            )
        return f"{said}, and the forecast weighs that too"
    if a.observations < 9:
        return f"{a.observations} months of history are little evidence that the rate will last"
    if spread := _spread(a):
        return f"the months vary a lot (about {spread} from one to the next)"
    return (
        f"{'growth' if sign > 0 else 'a fall'} like this seldom lasts in full on real "
        "accounts, and the forecast allows for it fading"
    )


def _below_the_longer_rate(a: Any, sign: float) -> bool:
    """Whether the forecast's median falls short of the longer history's rate carried
    forward as far as the recent rate is (``carried_value``): then the longer history
    alone does not say why it is lower. Read on the logs: the recent rate's months
    carried are ``log(carried / current) / log(1 + rate)``."""
    rate, longer = a.historical_rate, a.longer_rate
    now, carried, median = a.current_value, a.carried_value, a.projected_value
    if None in (rate, longer, now, carried, median) or min(now, carried, median) <= 0:
        return False
    if rate <= -1 or longer[1] <= -1 or rate == 0:
        return False
    months = math.log(carried / now) / math.log1p(rate)
    if months <= 0:
        return False
    at_longer = months * math.log1p(longer[1])
    return bool(sign * math.log(median / now) < sign * at_longer)


def too_little_history(a: Any) -> str:
    """Why a history is too short to judge: ``Only 2 monthly observations over 1.0
    months``, ``Only 1 monthly observation`` (one count spans no time)."""
    seen = format_count(a.observations, "monthly observation")
    if not a.span_months:
        return f"Only {seen}: too little history to judge."
    span = format_decimal(a.span_months, 1)
    return f"Only {seen} over {span} months: too little history to judge."


def history_rate(a: Any) -> str:
    """How the metric moved over the recent months, in one sentence: its compound rate
    (the season taken out, when the model found one: a December dip is no decline), or
    the straight line's change when values at or below zero (the history's, or the
    level the target asks) rule out rates."""
    if a.historical_rate is not None:
        verb = "grew" if a.historical_rate >= 0 else "fell"
        season = " once the season is taken out" if getattr(a, "seasonal", False) else ""
        return (
            f"Over the recent months it {verb} {format_percent(abs(a.historical_rate))} a "
            f"month{season}."
        )
    if a.historical_linear is None:
        return ""
    start = getattr(a, "from_start", None)
    if start is not None and not start.factor:  # a change in the unit, read on the values
        verb = "grew" if a.historical_linear >= 0 else "fell"
        return (
            f"Over the recent months it {verb} by "
            f"{format_value(abs(a.historical_linear), a.unit)} a month."
        )
    why = (
        "The target asks for a level at or below zero, which no growth rate reaches"
        if getattr(a, "linear_for_target", False)
        else "Values at or below zero rule out growth rates"
    )
    return f"{why}, so a linear model is used: {format_value(a.historical_linear, a.unit)} a month."
