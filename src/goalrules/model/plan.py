"""Plans: company objectives, tactics with owners and dates, and the plan that ties them."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from goalrules.dates import parse_date
from goalrules.errors import GoalRulesError, GoalRulesErrors, UnknownNameError, ValidationError
from goalrules.model.fields import _guard, _ident, _int_1_5, _opt, _scale_1_5, _strings, _text
from goalrules.model.goals import Goal
from goalrules.model.series import Channel
from goalrules.recurring import Recurrence, recurrence
from goalrules.vocabulary import Objective

if TYPE_CHECKING:  # pragma: no cover
    pass

Date = _dt.date
T = TypeVar("T")

# -- planning ------------------------------------------------------------------------------


@attrs.frozen
class CompanyObjective:
    """A company objective a social goal can support ("Expand into a new segment")."""

    id: str = attrs.field(converter=_guard("id", _ident))
    text: str = attrs.field(default="", converter=_guard("text", _text))


def _eta(value: Any) -> Date | Recurrence:
    if isinstance(value, (Date, Recurrence)):
        return value if isinstance(value, Recurrence) else parse_date(value)
    if isinstance(value, str):
        try:
            return parse_date(value)
        except GoalRulesError:
            return recurrence(value)
    raise ValidationError(
        f"expected a date or a recurrence such as 'monthly on the 30th', got {value!r}"
    )


@attrs.frozen
class Tactic:
    """A piece of work that moves a goal, with value and complexity on 1..5 scales."""

    id: str = attrs.field(converter=_guard("id", _ident))
    goal: str | None = attrs.field(default=None, converter=_guard("goal", _opt(_text)))
    text: str = attrs.field(default="", converter=_guard("text", _text))
    value: int = attrs.field(default=3, converter=_guard("value", _int_1_5), validator=_scale_1_5)
    complexity: int = attrs.field(
        default=3, converter=_guard("complexity", _int_1_5), validator=_scale_1_5
    )
    owners: tuple[str, ...] = attrs.field(default=(), converter=_guard("owners", _strings))
    eta: Date | Recurrence | None = attrs.field(default=None, converter=_guard("eta", _opt(_eta)))

    @property
    def recurring(self) -> bool:
        return isinstance(self.eta, Recurrence)


def _tuple_of(cls: type[T]) -> Callable[[Any], tuple[T, ...]]:
    def convert(value: Any) -> tuple[T, ...]:
        if value is None:
            return ()
        items = list(value)
        for i, item in enumerate(items):
            if not isinstance(item, cls):
                raise ValidationError(
                    f"expected {cls.__name__} objects, got {type(item).__name__}", field=f"[{i}]"
                )
        return tuple(items)

    return convert


def _unique(items: Sequence[Any], kind: str) -> list[GoalRulesError]:
    seen: set[str] = set()
    errs: list[GoalRulesError] = []
    for i, item in enumerate(items):
        if item.id in seen:
            errs.append(
                ValidationError(f"duplicate {kind} id {item.id!r}", field=f"{kind}[{i}].id")
            )
        seen.add(item.id)
    return errs


@attrs.frozen
class Plan:
    """Company objectives -> the social goals that support them -> tactics per goal.

    References are checked when the plan is built: a tactic pointing at an unknown goal
    or a goal supporting an unknown objective raises, naming the item and field with
    close matches; every problem is reported at once (:class:`GoalRulesErrors`).
    """

    objectives: tuple[CompanyObjective, ...] = attrs.field(
        default=(), converter=_guard("objectives", _tuple_of(CompanyObjective))
    )
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_guard("goals", _tuple_of(Goal)))
    tactics: tuple[Tactic, ...] = attrs.field(
        default=(), converter=_guard("tactics", _tuple_of(Tactic))
    )
    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=_guard("channels", _tuple_of(Channel))
    )
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        errs = _unique(self.objectives, "objective") + _unique(self.goals, "goal")
        errs += _unique(self.tactics, "tactic")
        objective_ids = [o.id for o in self.objectives]
        goal_ids = [g.id for g in self.goals]
        for i, g in enumerate(self.goals):
            for j, ref in enumerate(g.supports):
                if ref not in objective_ids and not _is_objective_value(ref):
                    errs.append(
                        UnknownNameError(
                            "company objective",
                            ref,
                            objective_ids,
                            field=f"goal[{i}].supports[{j}]",
                        )
                    )
        for i, t in enumerate(self.tactics):
            if t.goal is not None and t.goal not in goal_ids:
                errs.append(UnknownNameError("goal", t.goal, goal_ids, field=f"tactic[{i}].goal"))
        if len(errs) == 1:
            raise errs[0]
        if errs:
            raise GoalRulesErrors(errs)

    def goal(self, goal_id: str) -> Goal:
        for g in self.goals:
            if g.id == goal_id:
                return g
        raise UnknownNameError("goal", goal_id, [g.id for g in self.goals])

    def tactics_for(self, goal_id: str) -> tuple[Tactic, ...]:
        return tuple(t for t in self.tactics if t.goal == goal_id)


def _is_objective_value(ref: str) -> bool:
    try:
        Objective.parse(ref)
    except GoalRulesError:
        return False
    return True
