"""Achievability: does the account's recent growth support the target by the deadline?

The guides' advice is to "look at the last few months' growth". This module does the
growth maths (docs/judgments.md gives the model and its figures):

* resample the history to calendar months (stocks take the month's last value, flows
  the month's sum, ratios the mean; a flow's unfinished current month is left out);
* the required compound monthly rate ``(target / current) ** (1 / n) - 1`` over the
  ``n`` calendar months from the last observation to the deadline, and its linear twin;
* the historical compound monthly growth rate over the recent window (default six
  months), and the value it would reach if carried forward (``carried_value``);
* one predictive distribution of the value at the deadline
  (:meth:`goalrules.judgments.growth.GrowthFit.predictive`), a mixture of Student t
  components on the log values:

  - weight ``1 - w``: the shrunk, damped model calibrated on noisy series (the drift
    ``m`` of ``k`` log-changes shrunk towards the prior, damped by ``phi = 0.9``, a
    spread from the month-to-month noise, the drift's uncertainty and its wandering);
  - weight ``w = t^2 / (t^2 + steady^2) x rough^2 / (rough^2 + s^2)``, with ``t`` the
    recent drift over its standard error (the history's evidence of steady growth) and
    ``s`` the deviation of the monthly changes (months that move by several per cent
    keep the shrunk model, however long the drift has lasted): the recent drift
    carried forward at persistence ``phi`` 0.9, 0.95 and 1 (weights ``0.3 (1 - persist)``,
    ``0.7 (1 - persist)``, ``persist``), each with a persistence spread of ``spread x
    drift effect``. On a smooth history the noise says nothing about whether growth
    lasts: this part says it fades, sometimes, as it did on real star counts;
  - a flow reads a smoothed level (exponential smoothing, weight at most
    ``flow_alpha``) and a spread that grows by ``flow_spread^2`` a month of horizon;

  defaults (``GrowthPrior``: ``tau=0.015``, ``steady=1``, ``rough=0.03``,
  ``persist=0.2``, ``spread=0.13``, ``flow_spread=0.12``, ``flow_alpha=0.5``) were tuned
  on the tuning halves of the M3 and social-like public series (docs/judgments.md gives
  the held-out figures); a flow's centre differs by the kind of flow more than any one
  history shows, so a check learns it across the history file's histories of a flow
  metric (:mod:`goalrules.judgments.pooled`, four or more of them, no prior given), and
  a prior fitted on the workspace's own histories (``goalrules check --prior fit``,
  ``run_check(..., prior="fit")`` or :func:`goalrules.fit_prior`) is the calibrated
  choice for flows;
* every number shown comes from that one distribution: the chance of reaching the
  target is its tail beyond the target; the projection, the level "the history
  supports" and the suggested target are its median (found numerically on the mixture's
  distribution function, so the chance is at least one half exactly when the median
  reaches the target); the suggested deadline is the first month at which it does;
  ``forecast`` gives the median and the central 80 % range at the deadline;
* when the recent rate carried forward tells another story than the chance, the
  explanation says why the model doubts it (growth that has slowed, a longer history
  that grew slower, little history, noisy months);
* lower-is-better metrics reverse every inequality; zero or negative values make logs
  undefined, so the model falls back to absolute monthly changes (and says so).

The verdict comes from the shipped ``achievability`` ruleset, whose thresholds are
params (``params={"achievable": "60 %"}``); the judgment is an
:class:`~goalrules.judgments.achievability_result.Achievability` record, which writes
its words and its JSON.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import math
import operator
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from goalrules.dates import month_end, months_between
from goalrules.dsl.runtime import DQ
from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.errors import DataError, GoalRulesError, UnitError
from goalrules.judgments.achievability_deadline import (
    BEFORE_HISTORY_REMEDY,
    GAP_REMEDY,
    WRONG_DATES_REMEDY,
    at_deadline,
    before_history,
    between_note,
    gap_at_deadline,
    late_note,
    month_under_way,
    reaches_deadline,
    total_months,
    unseen_note,
    wrong_dates,
)
from goalrules.judgments.achievability_history import (
    complete_months,
    history_series,
    lowest_value,
)
from goalrules.judgments.achievability_limits import (
    ceiling_remedy,
    floored_at_zero,
    forecast_past_ceiling,
    linear_unknown,
    lone_zeros,
    past_ceiling,
    share_ceiling,
    stale,
    too_wide,
    total_gaps,
    whole_months,
)
from goalrules.judgments.achievability_model import fit_and_judge, month_index
from goalrules.judgments.achievability_result import (
    Achievability,
    Verdict,
    chance_edges_of,
    shipped_chance_edges,
)
from goalrules.judgments.achievability_shares import is_money, read_percent, scale_doubt
from goalrules.judgments.achievability_start import FromStart, judge_from_start
from goalrules.judgments.achievability_text import (
    format_q,
    is_count,
    months_after,
    nice,
    nice_beyond,
)
from goalrules.judgments.achievability_units import (
    baseline_from,
    baseline_unlike_history,
    infer_cumulative,
    relative_factor,
    rows_stop_note,
    start_outside,
    start_point,
    starts_after_history,
    target_from_start,
    target_in_unit,
)
from goalrules.judgments.growth import GrowthPrior
from goalrules.judgments.weekly_flows import by_day
from goalrules.metrics import MetricDefinition, catalog
from goalrules.model import Direction, Goal, MetricKind, MetricSeries, Point
from goalrules.units import in_currency_of, info_of, quantity, unit_info

__all__ = [
    "Achievability",
    "Verdict",
    "assess_achievability",
    "chance_edges_of",
    "shipped_chance_edges",
]

Date = _dt.date


@functools.lru_cache(maxsize=32)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("achievability", params=dict(params) if params else None)


def _metric(goal: Goal, series: MetricSeries | None) -> MetricDefinition | None:
    name = goal.metric or (series.metric if series is not None else None)
    if not name:
        return None
    try:
        return catalog[name]
    except KeyError:
        return None


def _metric_name(defn: MetricDefinition | None, goal: Goal) -> str:
    """The metric as the explanation names it ("followers"; the goal's own word else)."""
    return (defn.words if defn else None) or goal.metric or "the metric"


def _metric_key(name: str) -> str:
    defn = catalog.get(name)
    return defn.key if defn is not None else name


def _check_same_metric(goal: Goal, series: MetricSeries) -> None:
    """A history of another metric (or another kind of unit) cannot judge the goal."""
    if goal.metric and series.metric and catalog.get(goal.metric) is not catalog.get(series.metric):
        raise DataError(
            f"the history measures {series.metric}; the goal is about {goal.metric}",
            field="history",
        )
    if series.unit:
        key = unit_info(series.unit).key
        amounts: list[tuple[str, Any]] = [("baseline", goal.baseline)]
        if goal.target is not None:
            amounts.append(("target", goal.target.amount))
        for name, q in amounts:
            if q is None or not hasattr(q, "units"):
                continue
            qkey = info_of(q).key
            if qkey and key and qkey != key and ("[time]", -1) not in qkey:
                raise UnitError(
                    f"the history is in {series.unit}; the goal's {name} is in {q.units}",
                    field=f"goal.{name}",
                )


def _series_unit(series: MetricSeries, defn: MetricDefinition | None, goal: Goal) -> str:
    """The unit of the series' values: its own, else the metric's, in the goal's currency
    (revenue counted in USD by the catalog is in EUR for a goal of 50,000 EUR)."""
    if series.unit:
        return series.unit
    if defn is None:
        return "dimensionless"
    money = goal.target.amount if goal.target is not None else None
    return in_currency_of(defn.unit, money if hasattr(money, "units") else goal.baseline)


def assess_achievability(
    goal: Goal,
    history: MetricSeries | Iterable[tuple[Date | str, float]] | Mapping[Any, float] | None,
    today: Date | None = None,
    *,
    window: int | None = 6,
    method: str = "closed_form",
    seed: int = 0,
    samples: int = 4000,
    cumulative: bool | None = None,
    params: Mapping[str, Any] | None = None,
    prior: GrowthPrior | Mapping[str, Any] | float | str | None = None,
) -> Achievability:
    """Judge whether ``history`` supports ``goal``'s target by its deadline.

    ``window`` is the number of recent months the growth is measured over (``None``:
    all); ``method`` is ``"closed_form"`` (Student t) or ``"bootstrap"`` (``samples``
    resamples of the monthly changes, seeded by ``seed``); ``cumulative`` says whether
    a flow target is a total over the goal's period rather than a monthly level
    (default: read from the statement, "this year" or "in total"); ``params``
    overrides the verdict thresholds of the ``achievability`` ruleset.

    ``prior`` is the growth model's :class:`~goalrules.judgments.growth.GrowthPrior`
    (default: the one fitted on public monthly series; :func:`goalrules.fit_prior` fits
    one on your accounts; ``"flat"`` is the plain random walk with drift). See
    :mod:`goalrules.judgments.growth` for the model.
    """
    if method not in ("closed_form", "bootstrap"):
        raise GoalRulesError(f"unknown method {method!r}; use 'closed_form' or 'bootstrap'")
    today = today or Date.today()
    try:
        growth = _DEFAULT_PRIOR if prior is None else GrowthPrior.parse(prior)
    except GoalRulesError as exc:
        raise exc.with_location(field="prior") from None
    rules = _ruleset(tuple(sorted((params or {}).items())) if params else ())
    series = history_series(history, goal)
    defn = _metric(goal, series)
    direction = defn.direction if defn else Direction.HIGHER

    def insufficient(note: str, observations: int = 0) -> Achievability:
        return Achievability(
            Verdict.INSUFFICIENT_DATA, direction=direction, observations=observations, note=note
        )

    if series is None or not series.points:
        return insufficient("No history: track the metric for a few months to judge achievability.")
    _check_same_metric(goal, series)
    if defn is not None and not defn.can_be_negative and lowest_value(series) < 0:
        bad = next(p for p in series.points if p.value < 0)
        raise DataError(
            f"a negative count ({bad.value:g}) on {bad.date.isoformat()}", field="history"
        )
    kind = series.kind or (defn.kind if defn else MetricKind.STOCK)
    if kind is MetricKind.FLOW:  # one total a week: its days, not four weeks or five a month
        series = by_day(series, today)
    unit = _series_unit(series, defn, goal)
    read_note = ""
    if kind is MetricKind.STOCK:  # a lone 0 among counts of followers: a missing count
        series, read_note = lone_zeros(series, unit)
    # a metric in per cent: the goal's plain numbers (4 for 4 %?) and the history's
    goal, series, said, ambiguous = read_percent(goal, series, unit, today)  # (shares?)
    if ambiguous:
        return insufficient(ambiguous)
    read_note = " ".join(filter(None, (read_note, said)))
    points = complete_months(series, kind, today)  # (a month the rows stop inside: out)
    stopped = rows_stop_note(series.points, kind, today, unit)
    read_note = " ".join(filter(None, (read_note, stopped)))
    if goal.target is None or goal.deadline is None:
        missing = "target" if goal.target is None else "deadline"
        return insufficient(
            f"The goal has no {missing}, so achievability cannot be judged.", len(points)
        )
    if not points:
        return insufficient("No complete month observed yet.")

    # -- the target, in the series' unit ---------------------------------------------------
    baseline = goal.baseline
    resolved: tuple[float, bool] | None = None
    stock = kind is MetricKind.STOCK
    seen = series.points  # the observations known on `today`
    if seen[-1].date > today:
        seen = seen[: bisect.bisect_right(seen, today, key=_DATE)]
    at_start = start_point(seen, points, stock, goal.start)
    # a relative target whose start comes after the history: counted from a forecast
    after = (
        baseline is None
        and goal.target.is_relative
        and starts_after_history(goal.start, points, stock=stock, seen=seen)
    )
    if baseline is None and goal.target.is_relative and at_start is not None:
        if not after:
            said = start_outside(goal.start, points, at_start, unit, stock=stock, seen=seen)
            read_note = " ".join(filter(None, (read_note, said)))
        resolved = target_from_start(goal.target, at_start.value, unit)
        if resolved is None:
            baseline = quantity(at_start.value, unit)
    if resolved is None:
        resolved = target_in_unit(goal, baseline, unit)
    if resolved is None:
        return insufficient("The target is relative but no baseline is known.", len(points))
    if goal.baseline is not None:  # (a stock's baseline the history does not show)
        said = baseline_unlike_history(goal, points, at_start, unit, stock=stock, seen=seen)
        read_note = " ".join(filter(None, (read_note, said)))
    target, level_per_month = resolved
    is_cumulative = (
        kind is MetricKind.FLOW
        and not level_per_month
        and (cumulative if cumulative is not None else infer_cumulative(goal))
    )

    def unjudged(note: str, remedy: str) -> Achievability:  # the target known, not judged
        base = 0.0 if is_cumulative else baseline_from(goal, unit, at_start)
        return attrs.evolve(insufficient(note, len(points)), unit=unit, target_value=target,
                            baseline_value=base, remedy=remedy)  # fmt: skip

    if wrong_dates(goal.start, goal.deadline):  # no value is judged against such a deadline
        return unjudged(wrong_dates(goal.start, goal.deadline), WRONG_DATES_REMEDY)
    if not goal.target.is_relative and (doubt := scale_doubt(series, points, unit, target, today)):
        # a count's (or money's) history in thousands, not in its unit
        name, what = _metric_name(defn, goal), "amounts" if is_money(unit) else "counts"
        return unjudged(doubt, f"Give the history of {name} in whole {what}, not thousands.")
    ceiling = share_ceiling(defn, unit)  # a share of a whole: never past 100 %
    # (a change from a start after the history is counted from a value not known yet)
    if not after and (beyond := past_ceiling(target, ceiling, _metric_name(defn, goal), unit)):
        return unjudged(*beyond)
    last = points[-1]
    # the day of the last value known on `today` (a flow's: its month's end)
    last_date = (seen[-1].date if seen else today) if stock else month_end(last.date)
    n_total = months_between(last_date, goal.deadline)
    deadline_seen = reaches_deadline(kind, last_date, last.date, goal.deadline)
    too_old = stale(last_date, min(today, goal.deadline), rules.params.get("max_gap"))
    if too_old:
        return insufficient(too_old, len(points))
    if after and not is_cumulative and goal.start is not None:
        return _judged_from_start(
            goal, series.points, points, last_date, unit, direction, defn, rules, today, growth,
            window=window, flow=kind is MetricKind.FLOW, note=read_note,
            default_prior=prior is None,
        )  # fmt: skip
    current = last.value
    higher = direction is Direction.HIGHER
    so_far = 0.0
    first_month = None
    # a flow's month under way holding the deadline: its days so far are counted, and
    # the rest of the month forecast (its level is the month's total, judged as one)
    underway = month_under_way(seen, points, kind, today, goal.deadline)
    if underway is not None and underway[1] >= goal.deadline:
        underway = None  # seen to its deadline day: judged as before, on the month
    ahead = n_total
    if underway is not None:
        if not is_cumulative:  # the month's level: its total, from its first day
            first_month = today.replace(day=1)
        is_cumulative, last_date = True, underway[1]
        ahead = float(month_index(goal.deadline) - month_index(last.date))
        n_total = months_between(last_date, goal.deadline)
    # on the deadline's day with its value in the history (a count that day, its month's
    # total) the outcome is known, as on any later day: nothing is left to forecast
    over = today > goal.deadline or (today == goal.deadline and deadline_seen)
    if is_cumulative:
        first_month = first_month or (goal.start or points[0].date).replace(day=1)
        so_far = sum(p.value for p in points if p.date >= first_month)
        so_far += underway[0] if underway is not None else 0.0
        gaps = total_gaps(points, first_month, min(last.date, goal.deadline))
        read_note = " ".join(filter(None, (read_note, gaps)))
        # a total under a lower-is-better target is met only once its period is over:
        # the months (or days) to come add to it
        met = so_far >= target if higher else so_far <= target and over
    else:  # a month's level past the target before the deadline's month is no goal
        # met, even once the deadline has passed: the months to come, or the deadline's
        # month the history never shows, may fall short (its chance says how likely)
        met = (current >= target if higher else current <= target) and (
            stock or (over and deadline_seen)
        )
    span = (last.date.year - points[0].date.year) * 12 + last.date.month - points[0].date.month
    observations = len(points)
    info = unit_info(unit)
    shown_current = so_far if is_cumulative else current
    if today > goal.deadline:  # judged on the value by the deadline, not after it
        since = first_month if is_cumulative else None
        then = at_deadline(series.points, points, kind, goal.deadline, since)
        if then is None:  # nothing seen by the deadline: the later values cannot say
            return unjudged(before_history(goal.deadline, series.points[0].date),
                            BEFORE_HISTORY_REMEDY)  # fmt: skip
        if then is not None and then != (shown_current, last_date):
            latest, met_now = (shown_current, last_date), met
            shown_current, last_date = then
            met = shown_current >= target if higher else shown_current <= target
            # a stock's counts that straddle the deadline: when it was crossed is not known
            between = stock and not met
            said = (
                between_note(series.points, goal.deadline, last_date, target, higher, unit)
                if between
                else ""
            ) or late_note(goal.deadline, met, met_now, *latest, unit)
            read_note = " ".join(filter(None, (read_note, said)))
    if is_cumulative and deadline_seen and over and first_month is not None:
        # a total's month with no data by its deadline: met or missed is not known
        gap = gap_at_deadline(points, first_month, goal.deadline, shown_current, target,
                              higher, unit)  # fmt: skip
        if gap:
            not_known = unjudged(gap, GAP_REMEDY)
            return attrs.evolve(not_known, current_value=shown_current, cumulative=True,
                                deadline_unseen=True, last_date=last_date)  # fmt: skip
    facts: dict[str, Any] = {
        "met": met,
        "deadline_passed": over,
        "deadline_today": today == goal.deadline,
        "deadline_seen": deadline_seen,
        "observations": observations,
        # a run-time pair in seconds: a plain number in a duration field is read in days
        "span": DQ(span * _MONTH_SECONDS, _TIME),
        "current": DQ(shown_current * info.factor, info.key),
        "target": DQ(target * info.factor, info.key),
    }
    fields: dict[str, Any] = {}
    level = target
    supported: float | None = None
    if observations >= 2 and n_total > 0:
        # the level the future must reach, and the horizon it is judged at
        horizon = n_total
        if is_cumulative and underway is None and first_month is not None:
            # the total's months to come, none before its first (a gap is forecast over)
            before, n_total = total_months(last.date, first_month, goal.deadline)
            level = (target - so_far) / n_total
            horizon = before + (n_total + 1) / 2
        elif is_cumulative:
            level = (target - so_far) / n_total
            horizon = ahead
        whole = whole_months(series.points, points, kind is MetricKind.FLOW)
        model = fit_and_judge(
            whole, window, current, level, horizon, higher, method, seed, samples, growth,
            flow=kind is MetricKind.FLOW, threshold=float(rules.params.get("achievable", 0.5)),
        )  # fmt: skip
        supported = model.pop("_median")
        suggest = model.pop("_suggest")
        months_needed = model.pop("_months_needed", None)
        fields.update(model)
        if is_cumulative:
            supported = so_far + supported * n_total
            suggest = so_far + suggest * n_total
            fields["total_of"] = (so_far, n_total)
            fields["carried_value"] = None
        fields["projected_value"] = supported
        fields["suggested_value"] = suggest  # rounded below, once the current value is known
        if months_needed is not None and not is_cumulative:
            fields["suggested_deadline"] = months_after(last_date, months_needed)
        if is_cumulative and not higher and so_far > target and floored_at_zero(defn):
            # a cap on a total that only grows, broken already: no month can undo it
            fields["probability"] = model["probability"] = 0.0
        facts["probability"] = model["probability"]
        facts["required_rate"] = model.get("required_rate")
        facts["historical_rate"] = model.get("historical_rate")

    decided = rules._decided({"history": facts}, today)  # (facts of its own)
    verdict = Verdict(
        decided.decision if decided is not None and decided.decision else "insufficient_data"
    )
    metric_name = _metric_name(defn, goal)
    nonnegative = floored_at_zero(defn)
    if verdict is Verdict.INSUFFICIENT_DATA:  # too little to judge: no chance, no forecast
        fields, supported = {}, None
    unseen = today > goal.deadline and not deadline_seen and verdict in _JUDGED
    if verdict is Verdict.ACHIEVED or unseen:  # no later deadline for a target met (or
        fields.pop("suggested_deadline", None)  # for one whose deadline has passed)
    if unseen:  # the history stops before the deadline: the outcome was never seen
        read_note = " ".join(filter(None, (unseen_note(goal.deadline, last_date), read_note)))
    if verdict in _JUDGED and str(fields.get("method", "")).endswith("linear"):
        unknown = linear_unknown(points, supported, so_far, is_cumulative, nonnegative)
        if unknown:
            return insufficient(unknown.format(metric=metric_name), observations)
    if nonnegative and supported is not None and supported < 0:  # censored at zero
        supported = fields["projected_value"] = 0.0
        fields["suggested_value"] = max(fields["suggested_value"], 0.0)
    if nonnegative and (fields.get("carried_value") or 0.0) < 0:  # a straight line, too
        fields["carried_value"] = 0.0
    if verdict in _JUDGED and (
        past := forecast_past_ceiling(supported, ceiling, metric_name, unit)
    ):
        return unjudged(past, ceiling_remedy(metric_name))
    if ceiling is not None and fields.get("carried_value") is not None:  # a share at its whole
        fields["carried_value"] = min(fields["carried_value"], ceiling)
    if ceiling is not None and fields.get("suggested_value") is not None:
        fields["suggested_value"] = min(fields["suggested_value"], ceiling)
    if fields.get("suggested_value") is not None and is_cumulative and not higher:
        # a cap on a total that only grows: any round cap above what is spent so far
        cap = nice(fields["suggested_value"], down=False)
        fields["suggested_value"] = cap if cap > shown_current else None
    elif fields.get("suggested_value") is not None:  # a round target beyond today's value:
        # one met already is no target to suggest (none: the history supports no gain)
        fields["suggested_value"] = nice_beyond(
            fields["suggested_value"], shown_current, down=higher, whole=is_count(unit)
        )
    judged = Achievability(
        verdict=verdict,
        observations=observations,
        span_months=float(span),
        direction=direction,
        cumulative=is_cumulative,
        months_left=n_total,
        unit=unit,
        current_value=shown_current,
        target_value=target,
        baseline_value=0.0 if is_cumulative else baseline_from(goal, unit, at_start),
        per_month=level_per_month,
        last_date=last_date,
        flow=kind is MetricKind.FLOW,
        default_prior=prior is None,
        nonnegative=nonnegative,
        ceiling=ceiling,
        deadline_unseen=unseen,
        note=read_note,
        context=(goal, metric_name, last_date, level, supported, (rules, facts, today)),
        **fields,
    )
    too_far = too_wide(judged, metric_name, goal.deadline) if verdict in _JUDGED else None
    return too_far or judged  # (a forecast a hundredfold wide: no chance is given)


def _judged_from_start(
    goal: Goal,
    raw: tuple[Point, ...],
    points: tuple[Point, ...],
    last_date: Date,
    unit: str,
    direction: Direction,
    defn: MetricDefinition | None,
    rules: RuleSet,
    today: Date,
    growth: GrowthPrior,
    *,
    window: int | None,
    flow: bool,
    note: str,
    default_prior: bool,
) -> Achievability:
    """A relative target counted from a start after the history ends: the value at the
    start is a forecast, and the chance is that of the change from it by the deadline
    (:mod:`goalrules.judgments.achievability_start`)."""
    assert goal.target is not None and goal.start is not None and goal.deadline is not None
    last = points[-1]
    n_total = months_between(last_date, goal.deadline)
    # a flow's value at the start is its month's, some whole months after the last one
    ahead = (
        float(month_index(goal.start) - month_index(last.date))
        if flow
        else months_between(last_date, goal.start)
    )
    factor = relative_factor(goal.target)
    amount = factor
    if factor is None:  # a change in the metric's unit ("+500 followers"), from nothing
        resolved = target_in_unit(goal, quantity(0.0, unit), unit)
        amount = None if resolved is None else resolved[0]
    span = month_index(last.date) - month_index(points[0].date)
    higher = direction is Direction.HIGHER
    facts: dict[str, Any] = {
        "met": False,  # the goal has not started: nothing is met yet
        "deadline_passed": today > goal.deadline,
        "deadline_seen": False,  # the history ends before the start, the start before it
        "observations": len(points),
        "span": DQ(span * _MONTH_SECONDS, _TIME),
        "current": DQ(last.value * unit_info(unit).factor, unit_info(unit).key),
    }
    fields: dict[str, Any] = {}
    model = None
    if len(points) >= 2 and amount is not None and n_total > ahead:
        model = judge_from_start(
            whole_months(raw, points, flow), window, ahead, n_total,
            amount, higher, growth, factor=factor is not None, flow=flow, start=goal.start,
            last_date=last_date, unit=unit, threshold=float(rules.params.get("achievable", 0.5)),
        )  # fmt: skip
    if model is None and amount is not None and n_total > ahead and len(points) < 2:
        nothing = (math.nan, math.nan, math.nan)  # too little history: the target only
        fields["from_start"] = FromStart(
            start=goal.start, target=amount, months=n_total - ahead, ahead=ahead, value=nothing,
            growth=nothing, flow=flow, factor=factor is not None, unit=unit, judged=False,
        )  # fmt: skip
    elif model is None:
        if amount is None:
            why = "its change cannot be read in the history's unit"
        elif n_total <= ahead:
            why = "its start and its deadline fall in one month of a monthly total"
        else:
            why = "values at or below zero rule out a growth factor"
        return Achievability(
            Verdict.INSUFFICIENT_DATA, direction=direction, observations=len(points),
            unit=unit, current_value=last.value, last_date=last_date, flow=flow,
            note=" ".join(filter(None, (note, (
                f"The goal starts on {goal.start.isoformat()}, after the history ends, and "
                f"{why}: its relative target cannot be judged before the start."
            ))))
        )  # fmt: skip
    if model is not None:
        fields.update(model)
        facts.update({k: model.get(k) for k in ("probability", "required_rate", "historical_rate")})
    decided = rules._decided({"history": facts}, today)  # (facts of its own)
    verdict = Verdict(
        decided.decision if decided is not None and decided.decision else "insufficient_data"
    )
    if verdict is Verdict.INSUFFICIENT_DATA:  # too little to judge: no chance, forecast or
        # suggestion, the target still said as the change from the start it is
        fields = {"from_start": attrs.evolve(fields["from_start"], judged=False)} if fields else {}
    unseen = today > goal.deadline and verdict in _JUDGED
    if unseen:
        fields.pop("suggested_deadline", None)
        note = " ".join(filter(None, (unseen_note(goal.deadline, last_date), note)))
    metric_name = _metric_name(defn, goal)
    start_at = fields.get("from_start")
    ceiling = share_ceiling(defn, unit)  # a share of a whole: never past 100 %
    if ceiling is not None and verdict in _JUDGED and start_at is not None:
        (then, *_), (change, *_) = start_at.value, start_at.growth  # (medians)
        ends = then * change if start_at.factor else then + change
        if past := forecast_past_ceiling(max(then, ends), ceiling, metric_name, unit):
            return Achievability(
                Verdict.INSUFFICIENT_DATA, direction=direction, observations=len(points),
                unit=unit, current_value=last.value, last_date=last_date, flow=flow,
                note=" ".join(filter(None, (note, past))), remedy=ceiling_remedy(metric_name),
            )  # fmt: skip
        fields["from_start"] = attrs.evolve(
            start_at, value=tuple(min(v, ceiling) for v in start_at.value)
        )
    judged = Achievability(
        verdict=verdict,
        observations=len(points),
        span_months=float(span),
        direction=direction,
        months_left=n_total,
        unit=unit,
        current_value=last.value,
        last_date=last_date,
        flow=flow,
        default_prior=default_prior,
        nonnegative=floored_at_zero(defn),
        deadline_unseen=unseen,
        note=note,
        context=(goal, metric_name, last_date, None, None, (rules, facts, today)),
        **fields,
    )
    too_far = too_wide(judged, metric_name, goal.deadline) if verdict in _JUDGED else None
    return too_far or judged


_JUDGED = frozenset({Verdict.ACHIEVABLE, Verdict.STRETCH, Verdict.UNREALISTIC})
_format_q = format_q  # the name other judgments know it by
_MONTH_SECONDS = 365.25 * 86400 / 12
_TIME = (("[time]", 1),)
_DEFAULT_PRIOR = GrowthPrior()
_DATE = operator.attrgetter("date")
