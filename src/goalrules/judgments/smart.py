"""SMART scoring of a goal: a front over the shipped ``smart`` ruleset.

:func:`goal_facts` turns a :class:`~goalrules.model.Goal` into the ``goal`` fact the
rules read; :func:`score_smart` evaluates the rubric (with the achievability judgment
as the ``history`` fact when a history is given) and gathers a score per criterion,
an overall score (20 x the sum of the five criterion scores) and one suggestion per
miss.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from goalrules import plugins
from goalrules.dates import as_date
from goalrules.dsl.runtime import DQ
from goalrules.engine import CriterionResult, Finding, Outcome, Report, RuleSet, shipped_ruleset
from goalrules.engine.results import finding_dicts
from goalrules.judgments.achievability import Achievability, assess_achievability
from goalrules.judgments.achievability_start import advice_from_start
from goalrules.judgments.achievability_text import (
    advice,
    chance_percent,
    format_value,
    level_period,
)
from goalrules.judgments.achievability_units import plain_product, relative_factor
from goalrules.metrics import catalog
from goalrules.model import CompanyObjective, Goal, Objective, Plan, Target, TargetKind
from goalrules.model.recurrence import read_recurrence
from goalrules.numbers import format_score, format_whole_percent
from goalrules.units import quantity, registry, unit_info

__all__ = [
    "CRITERIA",
    "CriterionScore",
    "SmartReport",
    "criterion_dict",
    "goal_facts",
    "score_smart",
]

Date = _dt.date
T = TypeVar("T")
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")

VAGUE_WORDS = (
    "grow", "increase", "improve", "boost", "more", "better", "enhance", "maximize",
    "maximise", "expand", "raise", "lift", "strengthen", "build", "drive", "optimize",
    "optimise", "engage", "get",
)  # fmt: skip
_NUMBER = re.compile(
    r"\d|\b(double|triple|quadruple|halve|half|twice|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|fifty|hundred|thousand|million)\b",
    re.I,
)


@attrs.frozen
class CriterionScore(CriterionResult):
    """One SMART criterion: passed, score 0..1, the findings behind it, and the fixes
    its failing rules suggest."""

    @property
    def suggestions(self) -> tuple[str, ...]:
        out: list[str] = []
        for f in self.findings:
            outcome = f.outcome
            if outcome is Outcome.FAIL or outcome is Outcome.UNKNOWN:
                fix = f.fix
                if fix:
                    out.append(fix)
        return tuple(out)


@attrs.frozen
class SmartReport:
    """The SMART judgment of one goal."""

    goal: Goal
    score: float
    criteria: Mapping[str, CriterionScore]
    report: Report = attrs.field(repr=False)
    achievability: Achievability | None = None
    advice: tuple[Finding, ...] = ()  # the unscored ``advice`` rules (a review cadence)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.criteria.values())

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.report.findings

    @property
    def suggestions(self) -> tuple[str, ...]:
        """One fix per miss, in criterion order (without repeats)."""
        out: list[str] = []
        for c in self.criteria.values():
            fixes = c.suggestions
            for s in fixes:
                if s not in out:
                    out.append(s)
            if c.name == "achievable" and self.achievability is None and not fixes:
                metric = self.goal.metric or "the metric"
                out.append(
                    f"Add the last few months of {metric} (a history) to judge whether the "
                    "target is realistic."
                )
        for f in self.advice:  # good practice the goal misses: a suggestion, not a miss
            if f.outcome is Outcome.FAIL and f.fix and f.fix not in out:
                out.append(f.fix)
        return tuple(out)

    def explain(self) -> str:
        return self.report.explain()

    def _repr_html_(self) -> str:
        from goalrules.engine.notebook import badge, table

        rows = [(name, badge("passed" if c.passed else "missed"), format_whole_percent(c.score),
                 "; ".join(c.suggestions)) for name, c in self.criteria.items()]  # fmt: skip
        caption = f"{self.goal.id}: SMART {format_score(self.score)}/100"
        out = table(["criterion", "", "score", "to fix"], rows, caption=caption, raw=(1,))
        if self.achievability is not None:
            out += self.achievability._repr_html_()
        return f"<div>{out}</div>"

    def to_frame(self, kind: str = "pandas") -> Any:
        """One row per criterion: passed, score, the fixes."""
        from goalrules.engine.notebook import frame

        rows = [{"goal": self.goal.id, "criterion": n, "passed": c.passed, "score": c.score,
                 "fixes": "; ".join(c.suggestions)} for n, c in self.criteria.items()]  # fmt: skip
        return frame(rows, kind)

    def to_dict(
        self, *, criterion: Callable[[CriterionScore], Any] | None = None
    ) -> dict[str, Any]:
        """The report as JSON data; ``criterion`` writes each criterion (by default,
        :func:`criterion_dict`: a JSON report may stand a part it writes once for it)."""
        write = criterion_dict if criterion is None else criterion
        return {
            "score": round(self.score, 2),
            "passed": self.passed,
            "criteria": {name: write(c) for name, c in self.criteria.items()},
            "suggestions": list(self.suggestions),
        }


def criterion_dict(c: CriterionResult) -> dict[str, Any]:
    """A criterion of a SMART report as JSON data (its skipped rules left out)."""
    return {"passed": c.passed, "score": round(c.score, 4), "findings": finding_dicts(c.findings)}


_DATES = re.compile(
    r"\b\d{4}-\d\d(?:-\d\d)?\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b|\b(?:19|20)\d\d\b"
    r"|\b(?:fy|q[1-4]|h[12])\s?\d*\b",
    re.I,
)


def _without_dates(statement: str | None) -> str:
    """The statement without its dates, years and quarters: "in 2026" is not a number a
    goal can be measured against."""
    return _DATES.sub(" ", statement or "")


def _vague_words(text: str) -> list[str]:
    """The vague verbs of ``text``, in ``VAGUE_WORDS`` order (each once)."""
    found = _VAGUE.intersection(_WORD.findall(text.lower()))
    if len(found) < 2:
        return list(found)
    return sorted(found, key=_VAGUE_ORDER.__getitem__)


_OBJECTIVE_VALUES = frozenset(o.value for o in Objective)
_WORD = re.compile(r"[a-z]+")
_VAGUE = frozenset(VAGUE_WORDS)
_VAGUE_ORDER = {w: i for i, w in enumerate(VAGUE_WORDS)}


def _objective_ids(context: Any, objectives: Iterable[Any] | None) -> list[str] | None:
    source: Any = objectives
    if source is None and isinstance(context, Plan):
        source = context.objectives
    elif source is None and isinstance(context, Mapping):
        source = context.get("objectives")
    elif source is None and context is not None and hasattr(context, "objectives"):
        source = context.objectives
    if source is None:
        return None
    return [o.id if isinstance(o, CompanyObjective) else str(o) for o in source]


def goal_facts(
    goal: Goal,
    *,
    today: Date | None = None,
    objectives: Iterable[str] | None = None,
    baseline: Any = None,
) -> dict[str, Any]:
    """The ``goal`` fact of the rule language for ``goal`` (see ``dsl.schemas``)."""
    global _LAST
    today = as_date(today) or Date.today()
    known = tuple(objectives) if objectives is not None else None
    if baseline is not None and goal.baseline is not None:  # the goal's own is shown
        return _goal_facts(goal, today, known, baseline)
    # the facts without a baseline from elsewhere are a pure function of the (frozen)
    # goal, the day and the objectives: a check asks them of each goal twice in a row
    # (its SMART score, then the plan's lint), so the last goal's are kept, and copied
    last = _LAST
    if last is not None and last[0] is goal and last[1] == today and last[2] == known:
        kept = last[3]
    else:
        kept = _goal_facts(goal, today, known, None)
        _LAST = (goal, today, known, kept)
    facts = dict(kept)
    for name in _LISTS:
        if name in facts:
            facts[name] = list(facts[name])
    if baseline is not None:  # the baseline the judgment resolved a relative target on
        facts["baseline"] = baseline
        facts["target"] = _TARGET_FACTS.get((_target_of(goal), baseline), _resolved_fact)
    return facts


#: the last goal's facts (see goal_facts): the goal, the day, the objectives, its facts
_LAST: tuple[Goal, Date, tuple[str, ...] | None, dict[str, Any]] | None = None
_LISTS = ("tiers", "supports", "vague_words", "objectives_known", "supports_known")


@plugins.on_reset
def _forget_last() -> None:  # plugins add metrics: a metric's key may read otherwise
    global _LAST
    _LAST = None


def _target_of(goal: Goal) -> Target | None:
    """The target a goal is measured against: its own, else its ``target`` tier."""
    return goal.target if goal.target is not None else goal.target_tier


def _target_fact(goal: Goal, baseline: Any) -> Any:
    """The ``target`` fact: the target resolved against ``baseline``, a change's amount
    when it does not resolve."""
    return _resolved_fact(_target_of(goal), baseline)


def _resolved_fact(target: Target | None, baseline: Any) -> Any:
    """:func:`_target_fact` of a goal whose target is ``target``."""
    if target is None:
        return None
    target_q = _resolve(target, baseline)
    if target_q is None and target.kind is TargetKind.DELTA:
        target_q = target.amount
    return target_q


def _goal_facts(
    goal: Goal, today: Date, known: tuple[str, ...] | None, baseline: Any
) -> dict[str, Any]:
    """:func:`goal_facts`, made."""
    metric = goal.metric
    if metric is not None and metric in catalog:
        metric = catalog[metric].key
    # a goal with tiers and no target of its own is measured against its target tier
    target = _target_of(goal)
    target_q = _target_fact(goal, baseline if baseline is not None else goal.baseline)
    # a recurring goal ("50 leads a month") is bound by its period, not one deadline
    recurs = goal.recurs or read_recurrence(goal.statement, deadline=goal.deadline is not None)
    statement = goal.statement
    facts: dict[str, Any] = {
        "id": goal.id,
        "statement": statement,
        "objective": goal.objective.value if goal.objective else None,
        "metric": metric,
        "channel": goal.channel,
        "baseline": goal.baseline if goal.baseline is not None else baseline,
        "target": target_q,
        "target_text": str(target) if target is not None else None,
        "target_kind": target.kind.value if target is not None else None,
        "target_is_relative": target.is_relative if target is not None else False,
        "start": goal.start or today,
        "deadline": goal.deadline,
        "recurs": recurs.period if recurs is not None else None,
        "tiers": [t.name for t in goal.tiers],
        "supports": list(goal.supports),
        "owner": goal.owner,
        "review": goal.review,
        "has_number": bool(target is not None or _NUMBER.search(_without_dates(statement))),
        "vague_words": _vague_words(statement or ""),
    }
    if known is not None:
        facts["objectives_known"] = list(known)
        facts["supports_known"] = [s for s in goal.supports if s in known or s in _OBJECTIVE_VALUES]
    return facts


def _resolve(target: Target, baseline: Any) -> Any:
    """``target.resolve(baseline)``: a multiple or a percentage of a baseline is the
    quantity pint's ``baseline * factor`` builds (its magnitude times the factor, in the
    baseline's units), built without pint's arithmetic."""
    factor = relative_factor(target)
    if factor is not None and baseline is not None and plain_product(baseline):
        return registry().Quantity(baseline.magnitude * factor, baseline._units)
    return target.resolve(baseline)


def history_facts(a: Achievability) -> dict[str, Any]:
    """The ``history`` fact for the achievability judgment ``a`` (quantities go in as
    run-time pairs, not pint objects: rules compare floats)."""
    info = unit_info(a.unit)

    def dq(value: float | None) -> DQ | None:
        return None if value is None else DQ(value * info.factor, info.key)

    period = level_period(a)  # "35 leads a month", as the explanation words it

    def words(value: float | None) -> str | None:
        return None if value is None else format_value(value, a.unit) + period

    return {
        "verdict": a.verdict.value,
        # why it cannot be judged ("Only 2 monthly observations ...", "The history ends
        # on 2023-12-01, 36 months before ..."), in the achievability's own words
        "reason": (a.note or next(iter(a.reasons), None))
        if a.verdict.value == "insufficient_data"
        else None,
        # what to do about it when more history is not the answer (dates to correct, a
        # history in thousands); else empty, and the rule gives its own advice
        "remedy_text": a.remedy or None,  # (set only on an insufficient_data verdict)
        "observations": a.observations,
        "months_observed": a.observations,
        # durations as run-time pairs in seconds (a plain number in a duration field is
        # read in days, the unit the schema declares)
        "span": DQ(a.span_months * _MONTH_SECONDS, _TIME),
        "current": dq(a.current_value),
        "target": dq(a.target_value),
        "probability": a.probability,
        # the chance in the explanation's words, for a message to say it as it does
        "probability_text": None
        if a.probability is None
        else chance_percent(a.probability, a.chance_edges),
        "required_rate": a.required_rate,
        "historical_rate": a.historical_rate,
        "projected": dq(a.projected_value),
        "suggested_target": dq(a.suggested_value),
        "projected_text": words(a.projected_value),
        "suggested_text": words(a.suggested_value),
        # a relative target counted from a start after the history: a change is advised
        "advice_text": (
            advice_from_start(a) if a.from_start is not None else advice(a, a.projected_value)
        )
        or None,
        "suggested_deadline": a.suggested_deadline,
        "method": a.method,
        "months_left": None
        if a.months_to_go is None
        else DQ(a.months_to_go * _MONTH_SECONDS, _TIME),
        # a relative target counted from the value on a start after the history ends:
        # that value is the baseline, forecast now and measured on the day
        "change_from": a.from_start.start if a.from_start is not None else None,
    }


class _MadeOf:
    """Values made of a few objects (compared by identity), each made once: goals of a
    check that ask the same question share one judgment (see
    :meth:`goalrules.check.CheckRun.judgment`) and one target, and what a score reads of
    them is the same for each. An entry holds the objects it was made of, so that no
    other object takes their ids while it is kept; at most 1,024 entries are kept
    (forgotten all at once, and when plugins change: a unit may read otherwise)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, ...], tuple[tuple[Any, ...], Any]] = {}
        plugins.on_reset(self._known.clear)

    def get(self, of: tuple[Any, ...], make: Callable[..., T]) -> T:
        """``make(*of)``, made once for these objects."""
        key = tuple(map(id, of))
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= 1024:
                self._known.clear()
            known = self._known[key] = (of, make(*of))
        made: T = known[1]
        return made


_HISTORY_FACTS = _MadeOf()  # a judgment's ``history`` facts (each score given a copy)
_BASELINES = _MadeOf()  # the baseline a judgment resolved a target on
_TARGET_FACTS = _MadeOf()  # a target resolved on a baseline

_MONTH_SECONDS = 365.25 * 86400 / 12
_TIME = (("[time]", 1),)


@functools.lru_cache(maxsize=32)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("smart", params=dict(params) if params else None)


#: rules of this criterion give advice: their fixes are suggestions, never a miss
ADVICE = "advice"


def score_smart(
    goal: Goal,
    history: Any = None,
    today: Date | str | None = None,
    *,
    context: Any = None,
    objectives: Iterable[Any] | None = None,
    params: Mapping[str, Any] | None = None,
    achievability: Achievability | None = None,
    rules: RuleSet | None = None,
    **achievability_options: Any,
) -> SmartReport:
    """Score ``goal`` against the SMART rubric.

    ``history`` (a :class:`~goalrules.model.MetricSeries` or ``(date, value)`` pairs)
    feeds the *achievable* criterion; without it that criterion is unknown, never a
    pass. ``context`` (a :class:`~goalrules.model.Plan`, or a mapping with
    ``objectives``) or ``objectives`` lists the company objectives for *relevant*.
    ``params`` overrides the rubric's params; ``rules`` replaces the rubric; other
    keyword arguments go to :func:`assess_achievability`.
    """
    if not isinstance(goal, Goal):  # a statement, say: the fix is one call away
        _not_a_goal(goal)  # type: ignore[unreachable]
    today = as_date(today) or Date.today()
    ids = _objective_ids(context, objectives)
    ach = achievability
    if ach is None and history is not None:
        if params and "achievable" in params and "params" not in achievability_options:
            # the rubric's chance is the judgment's: what its fix suggests meets it
            achievability_options["params"] = {"achievable": params["achievable"]}
        ach = assess_achievability(goal, history, today=today, **achievability_options)
    baseline = None
    relative = goal.target is not None and goal.target.is_relative
    if goal.baseline is None and ach is not None and relative and ach.target_value is not None:
        # the value at the start resolves x2 or +50 % (the judgment did the same)
        baseline = _BASELINES.get((goal.target, ach), _baseline_from)
    facts: dict[str, Any] = {
        "goal": goal_facts(goal, today=today, objectives=ids, baseline=baseline)
    }
    if ach is not None:
        facts["history"] = dict(_HISTORY_FACTS.get((ach,), history_facts))
    ruleset = rules or _ruleset(tuple(sorted((params or {}).items())))
    report = ruleset.evaluate(facts, today=today)
    scored = report.scored(CriterionScore)
    criteria: dict[str, CriterionScore] = {}
    for name in CRITERIA:
        c = scored.get(name)
        if c is None:
            c = CriterionScore(name, score=0.0, passed=False, findings=())
        criteria[name] = c
    advice: tuple[Finding, ...] = ()
    for name, c in scored.items():  # extra criteria of a custom rubric
        if name == ADVICE:
            advice = c.findings
        elif name not in criteria:
            criteria[name] = c
    score = 20.0 * sum(criteria[n].score for n in CRITERIA)
    return SmartReport(
        goal=goal, score=score, criteria=criteria, report=report, achievability=ach, advice=advice
    )


def _baseline_from(t: Target | None, ach: Achievability) -> Any:
    """The baseline a relative target ``t`` was resolved against: the judgment's own
    (the history's value at the start), else target / factor."""
    if t is None or ach.target_value is None:
        return None
    if ach.baseline_value is not None:
        return quantity(ach.baseline_value, ach.unit)
    if t.kind is TargetKind.MULTIPLE:
        factor = float(t.amount)
    elif t.kind is TargetKind.PERCENT:
        factor = 1 + float(t.amount) / 100
    else:
        return None
    return quantity(ach.target_value / factor, ach.unit)  # one quantity, not two operations


def _not_a_goal(value: Any) -> None:
    """``score_smart("Double our followers")``: say how to build the Goal it needs."""
    from goalrules.errors import ValidationError

    if isinstance(value, str):
        raise ValidationError(
            f"score_smart needs a Goal, not text: build one with "
            f"Goal.from_statement({value!r}) (read_statement also says what it understood)",
            field="goal",
        )
    raise ValidationError(
        f"score_smart needs a Goal (goalrules.Goal), got {type(value).__name__}", field="goal"
    )
