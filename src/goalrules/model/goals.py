"""Goals and their targets."""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from goalrules import plugins
from goalrules.dates import deadline
from goalrules.errors import GoalRulesError, UnitError, ValidationError
from goalrules.metrics import catalog
from goalrules.model.fields import _date, _guard, _ident, _opt, _quantity, _strings, _text
from goalrules.model.recurrence import Recurrence, Tier, read_tiers
from goalrules.model.statements import read_fields
from goalrules.units import format_quantity, quantity
from goalrules.vocabulary import Objective, normalize_channel

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

Date = _dt.date
T = TypeVar("T")

# -- targets -------------------------------------------------------------------------------


class TargetKind(enum.StrEnum):
    """How a target is stated: an absolute value, or relative to the baseline."""

    ABSOLUTE = "absolute"  # "2400 followers", "30 %"
    MULTIPLE = "multiple"  # "x2", "double"
    PERCENT = "percent"  # "+50%", "-20%"
    DELTA = "delta"  # "+500 followers"


_MULTIPLE_WORDS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}


def _target(value: Any) -> Target:
    if type(value) is str and (known := _TARGETS.get(value)) is not None:
        return known  # a text read before (as Target.parse remembers it)
    return value if isinstance(value, Target) else Target.parse(value)


_TARGETS: dict[str, Target] = {}
plugins.on_reset(_TARGETS.clear)  # a new unit registry: targets are read again in it


@attrs.frozen
class Target:
    """A goal's target: ``"2400 followers"``, ``"x2"``, ``"+50%"``, ``"+500 followers"``.

    A relative target resolves against a baseline with :meth:`resolve`.
    """

    kind: TargetKind = attrs.field(converter=TargetKind)
    amount: Quantity | float
    text: str = ""

    @classmethod
    def parse(cls, text: Any) -> Target:
        """Read a target text (or a number, or a pint quantity).

        >>> tuple(Target.parse(t).kind.value for t in ("x2", "+50%", "2,400 followers"))
        ('multiple', 'percent', 'absolute')
        """
        if isinstance(text, Target):
            return text
        if not isinstance(text, str):
            q = quantity(text)
            return cls(TargetKind.ABSOLUTE, q, str(text))
        if cls is Target:  # a book of goals repeats its targets: each text is read once
            known = _TARGETS.get(text)
            if known is None:
                if len(_TARGETS) >= 4096:
                    _TARGETS.clear()
                known = _TARGETS[text] = cls._read(text)
            return known
        return cls._read(text)

    @classmethod
    def _read(cls, text: str) -> Target:
        t = text.strip()
        low = t.lower()
        if low in _MULTIPLE_WORDS:
            return cls(TargetKind.MULTIPLE, _MULTIPLE_WORDS[low], t)
        m = re.fullmatch(r"(?:x|×|\*)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:x|×|times)", low)
        if m:
            factor = float(m[1] or m[2])
            if factor <= 0:
                raise ValidationError(f"a multiple must be positive, got {t!r}")
            return cls(TargetKind.MULTIPLE, factor, t)
        if t[:1] in "+-" or t[:1] == "−":
            q = _quantity(t.replace("−", "-"))
            if q.dimensionless and str(q.units) in ("percent", "dimensionless") and "%" in t:
                return cls(TargetKind.PERCENT, float(q.to("percent").magnitude), t)
            return cls(TargetKind.DELTA, q, t)
        return cls(TargetKind.ABSOLUTE, _quantity(t), t)

    @property
    def is_relative(self) -> bool:
        return self.kind is not TargetKind.ABSOLUTE

    def means(self, other: Target | str | Any) -> bool:
        """Whether ``other`` is the same target however it is written: the same kind and
        the same amount in the same dimension ("10k followers" means "10000 follower").

        >>> Target.parse("10k followers").means("10,000 follower")
        True
        """
        o = Target.parse(other)
        if self.kind is not o.kind:
            return False
        a: Any = self.amount
        b: Any = o.amount
        if self.kind in (TargetKind.MULTIPLE, TargetKind.PERCENT):
            return abs(float(a) - float(b)) < 1e-9
        if a.dimensionality != b.dimensionality:
            return False
        return bool(abs(a.to(b.units).magnitude - b.magnitude) <= 1e-9 * max(1, abs(b.magnitude)))

    def resolve(self, baseline: Quantity | None) -> Quantity | None:
        """The absolute target, or ``None`` when it is relative and no baseline is known."""
        amount: Any = self.amount
        if self.kind is TargetKind.ABSOLUTE:
            return cast("Quantity", amount)
        if baseline is None:
            return None
        if self.kind is TargetKind.MULTIPLE:
            return cast("Quantity", baseline * float(amount))
        if self.kind is TargetKind.PERCENT:
            return cast("Quantity", baseline * (1.0 + float(amount) / 100.0))
        if amount.dimensionless and not baseline.dimensionless:
            return cast("Quantity", baseline + amount.magnitude * baseline.units)
        if amount.dimensionality != baseline.dimensionality:
            per_period = _same_count_per_period(amount, baseline)
            if per_period is not None:
                return cast("Quantity", baseline + per_period)
            raise UnitError(
                f"the target adds {format_quantity(amount)} to a baseline of "
                f"{format_quantity(baseline)}: the units do not fit",
                field="target",
            )
        return cast("Quantity", baseline + amount.to(baseline.units))

    def __str__(self) -> str:
        return self.text or str(self.amount)


def _same_count_per_period(amount: Any, baseline: Any) -> Any:
    """``amount`` ("+5,000 visits") read in the period of a per-period baseline ("3,000
    visits / month"), or the reverse; ``None`` when their units differ otherwise."""
    per = 1.0 * (baseline.units / amount.units)
    dims = dict(per.dimensionality)
    if dims not in ({"[time]": -1}, {"[time]": 1}):
        return None
    return amount * per


# -- goal ------------------------------------------------------------------------------------


def _deadline_converter(value: Any, self_: Any) -> Date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    start = self_.start
    key = (value, start) if isinstance(value, str) and start is not None else None
    if key is not None and (known := _DEADLINES.get(key)) is not None:
        return known  # the same words from the same start name the same day
    try:
        day = deadline(value, start=start)
    except GoalRulesError as exc:
        raise exc.with_location(field="deadline") from None
    if key is not None:
        if len(_DEADLINES) >= 4096:
            _DEADLINES.clear()
        _DEADLINES[key] = day
    return day


#: deadlines and targets already read (bounded): reading words costs more than a lookup
_DEADLINES: dict[tuple[str, Date], Date] = {}


def _remembered(read: Callable[[Any], T]) -> Callable[[Any], T]:
    """``read`` of a text, remembered (at most 4,096 texts, forgotten when plugins are
    reset): a book of goals names the same few channels, metrics and objectives again
    and again. Other values, and texts that fail, are read each time."""
    known: dict[str, T] = {}
    plugins.on_reset(known.clear)

    @functools.wraps(read)
    def remembered(value: Any) -> T:
        if type(value) is not str:
            return read(value)
        value_read = known.get(value, _UNREAD)
        if value_read is _UNREAD:
            if len(known) >= 4096:
                known.clear()
            value_read = known[value] = read(value)
        return cast("T", value_read)

    return remembered


_UNREAD: Any = object()


@_remembered
def _channel(value: Any) -> str:
    """One channel, or several joined by ", " in the order given ("LinkedIn and
    Instagram", ``["li", "ig"]``); "all" for every channel."""
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    elif isinstance(value, str):
        parts = re.split(r"\s*(?:,|;|&|\+|\band\b)\s*", value)
    else:
        raise ValidationError(f"expected a channel name or a list of them, got {value!r}")
    names = list(dict.fromkeys(normalize_channel(p) for p in parts if p.strip()))
    if len(names) > 1 and "all" in names:
        names.remove("all")
    if not names:
        raise ValidationError("a channel name cannot be empty")
    return ", ".join(names)


def _recurrence(value: Any) -> Recurrence:
    """A ``recurs`` value: a :class:`Recurrence`, or words ("month", "every quarter");
    an error names the field ``recurs``."""
    return value if isinstance(value, Recurrence) else Recurrence.parse(value)


def _tiers(value: Any) -> tuple[Tier, ...]:
    """A ``tiers`` table (``{base = "40 leads", target = "50 leads"}``), or tiers; each
    tier's target must read as a target ("40 leads", "x2", "+50%")."""
    if value is None:
        return ()
    if isinstance(value, (tuple, list)) and all(isinstance(t, Tier) for t in value):
        tiers = tuple(value)
    else:
        tiers = read_tiers(value)
    for tier in tiers:
        try:
            Target.parse(tier.target)
        except GoalRulesError as exc:
            exc.field = None  # named below: the tier, not the goal's own target
            raise exc.with_location(field=f"tiers.{tier.name}") from None
    return tiers


@_remembered
def _objective(value: Any) -> Objective:
    return Objective.parse(value)


@_remembered
def _metric_key(value: Any) -> str:
    """A metric of the catalog, by key or alias ("folowers" is an error that suggests
    "followers", as a workspace file's is)."""
    key = re.sub(r"[\s-]+", "_", _text(value).lower())
    return catalog[key].key


@attrs.frozen
class Goal:
    """A social-media goal. Every field but ``id`` may be missing: vague goals are
    representable so that they can be judged (and told how to improve).

    >>> g = Goal("li", metric="followers", channel="LinkedIn", baseline="1200 followers",
    ...          target="x2", start="2026-05-01", deadline="within 6 months")
    >>> g.channel, str(g.resolved_target()), g.deadline
    ('linkedin', '2400.0 follower', datetime.date(2026, 11, 1))
    """

    id: str = attrs.field(converter=_guard("id", _ident))
    statement: str | None = attrs.field(default=None, converter=_guard("statement", _opt(_text)))
    objective: Objective | None = attrs.field(
        default=None, converter=_guard("objective", _opt(_objective))
    )
    metric: str | None = attrs.field(default=None, converter=_guard("metric", _opt(_metric_key)))
    channel: str | None = attrs.field(default=None, converter=_guard("channel", _opt(_channel)))
    baseline: Quantity | None = attrs.field(
        default=None, converter=_guard("baseline", _opt(_quantity))
    )
    target: Target | None = attrs.field(default=None, converter=_guard("target", _opt(_target)))
    start: Date | None = attrs.field(default=None, converter=_guard("start", _opt(_date)))
    deadline: Date | None = attrs.field(
        default=None, converter=attrs.Converter(_deadline_converter, takes_self=True)
    )
    supports: tuple[str, ...] = attrs.field(default=(), converter=_guard("supports", _strings))
    owner: str | None = attrs.field(default=None, converter=_guard("owner", _opt(_text)))
    review: str | None = attrs.field(default=None, converter=_guard("review", _opt(_text)))
    #: the period the target is set for, every period ("50 leads a month")
    recurs: Recurrence | None = attrs.field(default=None, converter=_opt(_recurrence))
    #: the target's tiers (``base``, ``target``, ``stretch``), each a target of its own
    tiers: tuple[Tier, ...] = attrs.field(default=(), converter=_tiers)

    @property
    def target_tier(self) -> Target | None:
        """The ``target`` tier as a :class:`Target`, or ``None`` when there is none."""
        for tier in self.tiers:
            if tier.name == "target":
                return Target.parse(tier.target)
        return None

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels the goal is about: one, several (``channel="linkedin,
        instagram"``), ``("all",)``, or none."""
        return tuple(self.channel.split(", ")) if self.channel else ()

    def resolved_target(self, baseline: Quantity | None = None) -> Quantity | None:
        """The absolute target: relative targets resolve against ``baseline`` (default
        the goal's own baseline)."""
        if self.target is None:
            return None
        return self.target.resolve(baseline if baseline is not None else self.baseline)

    @classmethod
    def from_statement(
        cls, statement: str, *, start: Date | None = None, lang: str | None = None, **fields: Any
    ) -> Goal:
        """Read a goal from a plain statement ("Double our LinkedIn followers within six
        months"): metric, channel, target and deadline are filled from the words;
        ``fields`` override them. ``lang`` forces a language ("cy", "ms", "el", "tl",
        "ar"; detected by default). :func:`goalrules.read_statement` also says what was
        understood and what was not.
        """
        return read_statement(statement, start=start, lang=lang, **fields).goal

    def evolve(self, **changes: Any) -> Goal:
        """A copy with ``changes`` applied (``attrs.evolve``)."""
        return attrs.evolve(self, **changes)


# -- reading goals from statements ---------------------------------------------------


@attrs.frozen
class StatementReading:
    """What :func:`read_statement` understood: the goal, the fields it filled with
    the words they came from, and what it could not read."""

    goal: Goal
    understood: dict[str, str]
    not_understood: tuple[str, ...]
    #: what the reading assumed or flagged ("this deadline has passed", a typo read)
    notes: tuple[str, ...] = ()
    #: the language the statement was read in ("en", "cy", ...)
    language: str = "en"


def read_statement(
    text: str,
    *,
    start: Date | None = None,
    id: str | None = None,
    lang: str | None = None,
    fiscal_year_start: int = 1,
    retail_days: Any = (),
    **fields: Any,
) -> StatementReading:
    """Read a goal from a plain statement; ``fields`` override what is read.

    ``lang`` forces a language (detected by default); ``fiscal_year_start`` (the month
    a fiscal year starts in, 1 for the calendar year) and ``retail_days`` (``{"prime
    day": date}``) are the team's calendar, from the workspace."""
    from goalrules.dates import DateSettings, as_date, parse_date

    start = as_date(start, field="start") or Date.today()
    pairs = retail_days.items() if isinstance(retail_days, dict) else retail_days
    settings = DateSettings(
        fiscal_year_start, tuple((str(k).lower(), parse_date(v)) for k, v in pairs)
    )
    values, understood, missing = read_fields(text, start, lang=lang, settings=settings)
    notes = values.pop("notes", ())
    language = values.pop("language", "en")
    values.update(fields)
    goal_id = id or re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "goal"
    try:
        goal = Goal(goal_id, **values)
    except GoalRulesError:
        values["target"] = None
        missing.append("target")
        understood.pop("target", None)
        goal = Goal(goal_id, **values)
    return StatementReading(goal, understood, tuple(dict.fromkeys(missing)), notes, language)


_READABLE = ("metric", "channel", "target", "deadline", "objective")
#: read too when a statement is read: "grow followers from 1,000 by 25%" is counted from
#: 1,000 (a goal given every field of _READABLE is not read for it alone)
_ALSO_READ = ("baseline",)


def complete_from_statement(goal: Goal, *, today: Date | None = None, **calendar: Any) -> Goal:
    """Fill a goal's missing metric, channel, target, deadline, objective and baseline
    from its statement (fields already given are kept); ``calendar`` holds the
    workspace's ``fiscal_year_start`` and ``retail_days``."""
    return complete_with_notes(goal, today=today, **calendar)[0]


def complete_with_notes(
    goal: Goal, *, today: Date | None = None, **calendar: Any
) -> tuple[Goal, tuple[str, ...]]:
    """:func:`complete_from_statement`, with what the reading of the statement noted
    (a number or date it did not read, and why; an assumption it made), when it was read
    at all: the words a user needs to see beside the fields left empty."""
    if not goal.statement or (
        goal.metric is not None
        and goal.channel is not None
        and goal.target is not None
        and goal.deadline is not None
        and goal.objective is not None
    ):  # every field _READABLE is given
        return goal, ()
    reading = read_statement(goal.statement, start=goal.start or today, id=goal.id, **calendar)
    changes = {
        f: getattr(reading.goal, f)
        for f in _READABLE + _ALSO_READ
        if getattr(goal, f) is None and getattr(reading.goal, f) is not None
    }
    if changes and goal.start is None and "deadline" in changes:
        changes["start"] = reading.goal.start
    said = tuple(n for n in reading.notes if not n.startswith("read as "))
    return (goal.evolve(**changes) if changes else goal), said
