"""Goals -> tactics -> plan: prioritisation, schedules, owners' load and the plan lint.

* :func:`prioritize` puts each tactic on the value vs complexity 2x2 (quick wins, big
  bets, fill-ins, time sinks) and ranks them: quick wins first, then big bets by value
  per unit of complexity, then fill-ins, then time sinks (to question);
* :func:`schedule` lists every due date in a window (90 days by default), recurring
  tactics expanded with dateutil rrules ("monthly on the 30th" is due in February too);
* :func:`owner_load` counts each owner's tactics due per week (each once);
* :func:`lint_plan` evaluates the shipped ``plan`` ruleset on every goal, tactic,
  company objective and owner, and lists the problems with how to fix them.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from goalrules.dates import as_date
from goalrules.engine import Outcome, RuleSet, shipped_ruleset
from goalrules.errors import GoalRulesError
from goalrules.judgments.smart import goal_facts
from goalrules.model import Goal, Plan, Tactic
from goalrules.numbers import format_score
from goalrules.recurring import Recurrence

__all__ = [
    "Due",
    "GoalLinter",
    "LintFinding",
    "Quadrant",
    "RankedTactic",
    "lint_plan",
    "owner_load",
    "prioritize",
    "quadrant",
    "schedule",
]

Date = _dt.date


class Quadrant(enum.StrEnum):
    """Where a tactic sits on the value vs complexity 2x2."""

    QUICK_WIN = "quick_win"  # high value, low complexity: do first
    BIG_BET = "big_bet"  # high value, high complexity: plan for
    FILL_IN = "fill_in"  # low value, low complexity: when there is time
    TIME_SINK = "time_sink"  # low value, high complexity: question


_ORDER = {Quadrant.QUICK_WIN: 0, Quadrant.BIG_BET: 1, Quadrant.FILL_IN: 2, Quadrant.TIME_SINK: 3}
_ADVICE = {
    Quadrant.QUICK_WIN: "a quick win: high value for low complexity; do it first",
    Quadrant.BIG_BET: "a big bet: high value but complex; plan it and give it time",
    Quadrant.FILL_IN: "a fill-in: low value, low complexity; do it when there is slack",
    Quadrant.TIME_SINK: "a time sink: low value for high complexity; question it",
}


def quadrant(value: int, complexity: int, *, split: float = 3) -> Quadrant:
    """The 2x2 quadrant: a score at or above ``split`` (1..5 scales) is high."""
    high_value = value >= split
    high_complexity = complexity >= split
    if high_value:
        return Quadrant.BIG_BET if high_complexity else Quadrant.QUICK_WIN
    return Quadrant.TIME_SINK if high_complexity else Quadrant.FILL_IN


@attrs.frozen
class RankedTactic:
    """A tactic with its quadrant, its rank (1 = do first) and why."""

    tactic: Tactic
    quadrant: Quadrant
    rank: int
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.tactic.id


def prioritize(plan: Plan, *, split: float = 3) -> list[RankedTactic]:
    """Rank the plan's tactics: quick wins, big bets, fill-ins, time sinks; within a
    quadrant by value per unit of complexity, then value, then id."""
    keyed = []
    for t in plan.tactics:
        q = quadrant(t.value, t.complexity, split=split)
        keyed.append(((_ORDER[q], -t.value / t.complexity, -t.value, t.id), t, q))
    keyed.sort(key=lambda k: k[0])
    out = []
    for rank, (_, t, q) in enumerate(keyed, start=1):
        reasons = (
            f"value {t.value}/5, complexity {t.complexity}/5: {_ADVICE[q]}",
            f"value per unit of complexity {t.value / t.complexity:.2f}",
        )
        out.append(RankedTactic(t, q, rank, reasons))
    return out


@attrs.frozen
class Due:
    """One due date of a tactic."""

    date: Date
    tactic: str
    goal: str | None
    owners: tuple[str, ...]
    recurring: bool


def schedule(plan: Plan, *, start: Date | None = None, days: int = 90) -> list[Due]:
    """Every due date from ``start`` (default today) for ``days`` days, sorted."""
    if days < 0:
        raise GoalRulesError("the schedule window cannot be negative", field="days")
    first = as_date(start, field="start") or Date.today()
    try:
        last = first + _dt.timedelta(days=days)
    except OverflowError:
        raise GoalRulesError(
            f"a schedule window of {days:,} days from {first.isoformat()} runs past the "
            "last date a calendar holds (9999-12-31)",
            field="days",
        ) from None
    out: list[Due] = []
    for t in plan.tactics:
        if isinstance(t.eta, Recurrence):
            dates = t.eta.between(first, last)
        elif t.eta is not None and first <= t.eta <= last:
            dates = [t.eta]
        else:
            dates = []
        out += [Due(d, t.id, t.goal, t.owners, isinstance(t.eta, Recurrence)) for d in dates]
    out.sort(key=lambda d: (d.date, d.tactic))
    return out


def owner_load(due: list[Due]) -> dict[str, dict[Date, int]]:
    """Per owner, the tactics due per week (keyed by the week's Monday): each tactic
    once, however many times it is due that week (a daily tactic is one tactic, not
    seven: "Sam has 8 tactics due" was said of a daily and a weekly one)."""
    load: dict[str, dict[Date, set[str]]] = defaultdict(lambda: defaultdict(set))
    for d in due:
        monday = d.date - _dt.timedelta(days=d.date.weekday())
        for owner in d.owners:
            load[owner][monday].add(d.tactic)
    return {
        o: {week: len(tactics) for week, tactics in sorted(w.items())}
        for o, w in sorted(load.items())
    }


@attrs.frozen
class LintFinding:
    """A problem of one item of the plan."""

    rule: str
    item: str
    message: str
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"rule": self.rule, "item": self.item, "message": self.message}
        if self.fix:
            d["fix"] = self.fix
        return d


@functools.lru_cache(maxsize=16)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("plan", params=dict(params) if params else None)


def _next_due(t: Tactic, today: Date) -> Date | None:
    if isinstance(t.eta, Recurrence):
        return t.eta.after(today)
    return t.eta


@attrs.frozen
class GoalLinter:
    """The plan's lint of one goal at a time: what :func:`lint_plan` finds about a goal,
    given its SMART score. Built once for a plan (the tactics a goal has and the
    objectives are counted then); a check calls it as each goal is judged, in the process
    that judged it, and hands the findings to :func:`lint_plan` (``goal_lint``), so that
    a large workspace's lint is not a second pass over every goal."""

    ruleset: RuleSet
    today: Date
    tactics: Mapping[str, int]
    objectives: tuple[str, ...]

    @classmethod
    def for_plan(
        cls, plan: Plan, *, today: Date, rules: RuleSet | None = None, **params: Any
    ) -> GoalLinter:
        tactics: dict[str, int] = defaultdict(int)
        for t in plan.tactics:
            if t.goal:
                tactics[t.goal] += 1
        ruleset = rules or _ruleset(tuple(sorted(params.items())))
        return cls(ruleset, today, dict(tactics), tuple(o.id for o in plan.objectives))

    def __call__(self, goal: Goal, score: float | None = None) -> list[LintFinding]:
        """The lint's findings about ``goal`` (``score``: its SMART score, if known)."""
        facts: dict[str, Any] = {
            "kind": "goal",
            "goal": goal_facts(goal, today=self.today, objectives=self.objectives),
            "goal_tactics": self.tactics.get(goal.id, 0),
        }
        if score is not None:
            facts["smart_score"] = float(score)
            facts["smart_score_text"] = format_score(score)  # (as the reports show it)
        return self.failing(f"goal {goal.id}", facts)

    def failing(self, item: str, facts: Mapping[str, Any]) -> list[LintFinding]:
        """The findings of every rule that fails on ``facts`` (about ``item``)."""
        report = self.ruleset.evaluate(facts, today=self.today).with_outcome(Outcome.FAIL)
        return [LintFinding(f.rule_id, item, f.message, f.fix) for f in report]


def lint_plan(
    plan: Plan,
    *,
    today: Date | None = None,
    smart_scores: Mapping[str, float] | None = None,
    days: int = 90,
    split: float = 3,
    rules: RuleSet | None = None,
    goal_lint: Mapping[str, Sequence[LintFinding]] | None = None,
    **params: Any,
) -> list[LintFinding]:
    """Lint the plan: every failing rule of the ``plan`` ruleset, per item.

    ``smart_scores`` (goal id -> SMART score) enables the "not SMART enough" check;
    owners' load is measured over the schedule of the next ``days`` days. The result is
    sorted by item and rule, so it does not depend on the order of the plan's items.
    ``goal_lint`` holds the findings of goals already linted one at a time (by a
    :class:`GoalLinter` of this plan, with the scores of ``smart_scores``); the other
    goals are linted here.
    """
    today = as_date(today) or Date.today()
    linter = GoalLinter.for_plan(plan, today=today, rules=rules, **params)
    goals = {g.id: g for g in plan.goals}
    out: list[LintFinding] = []
    done = goal_lint or {}
    for g in plan.goals:
        found = done.get(g.id)
        if found is None:
            found = linter(g, smart_scores.get(g.id) if smart_scores is not None else None)
        out.extend(found)
    facts_list: list[tuple[str, Mapping[str, Any]]] = []
    for t in plan.tactics:
        goal = goals.get(t.goal) if t.goal else None
        facts_list.append(
            (
                f"tactic {t.id}",
                {
                    "kind": "tactic",
                    "tactic": {
                        "id": t.id,
                        "goal": t.goal,
                        "text": t.text,
                        "value": t.value,
                        "complexity": t.complexity,
                        "owners": list(t.owners),
                        "eta": _next_due(t, today),
                        "recurring": t.recurring,
                        "quadrant": quadrant(t.value, t.complexity, split=split).value,
                        "goal_deadline": goal.deadline if goal else None,
                        "goal_known": goal is not None,
                    },
                },
            )
        )
    for o in plan.objectives:
        supporting = sum(1 for g in plan.goals if o.id in g.supports)
        facts_list.append(
            (
                f"objective {o.id}",
                {"kind": "objective", "objective_id": o.id, "objective_goals": supporting},
            )
        )
    load = owner_load(schedule(plan, start=today, days=days))
    for owner, weeks in load.items():
        week, peak = max(weeks.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))
        facts_list.append(
            (
                f"owner {owner}",
                {"kind": "owner", "owner": owner, "owner_peak": peak, "owner_week": week},
            )
        )
    for item, facts in facts_list:
        out.extend(linter.failing(item, facts))
    out.sort(key=lambda f: (f.item, f.rule))
    return out
