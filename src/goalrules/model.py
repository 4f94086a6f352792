"""The domain model: goals, objectives, metric histories, channels, tactics and plans.

Every class is a frozen, slotted attrs class. Fields accept the forms people write
(``"1,200 followers"``, ``"within 6 months"``, ``"x2"``, ``"fb"``) and convert them on
the way in; bad values raise a :class:`~goalrules.errors.ValidationError` (or another
``GoalRulesError``) whose ``field`` names the culprit. Only ``Goal.id`` is required, so
that vague goals can be represented and judged.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from goalrules import plugins
from goalrules.dates import Recurrence, deadline, parse_date, recurrence
from goalrules.errors import GoalRulesError, GoalRulesErrors, UnknownNameError, ValidationError
from goalrules.units import quantity

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

__all__ = [
    "Channel",
    "ChannelMonth",
    "CompanyObjective",
    "Direction",
    "Goal",
    "MetricKind",
    "MetricSeries",
    "Objective",
    "Plan",
    "Tactic",
    "Target",
    "TargetKind",
    "normalize_channel",
]

Date = _dt.date
T = TypeVar("T")


# -- enums ---------------------------------------------------------------------------


class Objective(enum.StrEnum):
    """What a social goal is for (the guides' eleven objectives)."""

    BRAND_AWARENESS = "brand_awareness"
    REPUTATION = "reputation"
    TRAFFIC = "traffic"
    ENGAGEMENT = "engagement"
    COMMUNITY = "community"
    CONVERSIONS = "conversions"
    LEADS = "leads"
    CUSTOMER_SERVICE = "customer_service"
    SOCIAL_LISTENING = "social_listening"
    PRESS_MENTIONS = "press_mentions"
    RECRUITING = "recruiting"

    @classmethod
    def parse(cls, text: str | Objective) -> Objective:
        """Read an objective from its value or a common phrasing ("awareness", "sales").

        >>> Objective.parse("Brand awareness")
        <Objective.BRAND_AWARENESS: 'brand_awareness'>
        """
        if isinstance(text, Objective):
            return text
        if not isinstance(text, str):
            raise ValidationError(f"expected an objective name, got {text!r}")
        key = re.sub(r"[\s-]+", "_", text.strip().lower())
        key = _OBJECTIVE_ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise UnknownNameError("objective", text, [o.value for o in cls]) from None


_OBJECTIVE_ALIASES = {
    "awareness": "brand_awareness", "brand": "brand_awareness", "reach": "brand_awareness",
    "brand_health": "reputation", "sentiment": "reputation",
    "website_traffic": "traffic", "visits": "traffic",
    "community_building": "community", "audience": "community",
    "sales": "conversions", "revenue": "conversions", "conversion": "conversions",
    "lead_generation": "leads", "lead_gen": "leads", "lead": "leads",
    "support": "customer_service", "customer_support": "customer_service",
    "listening": "social_listening", "press": "press_mentions", "pr": "press_mentions",
    "hiring": "recruiting", "recruitment": "recruiting", "talent": "recruiting",
}  # fmt: skip


class Direction(enum.StrEnum):
    """Whether more of a metric is better (followers) or less (bounce rate)."""

    HIGHER = "higher"
    LOWER = "lower"


class MetricKind(enum.StrEnum):
    """A *stock* is measured at a point in time (followers), a *flow* is counted per
    period (visits per month), a *ratio* divides two flows (click-through rate)."""

    STOCK = "stock"
    FLOW = "flow"
    RATIO = "ratio"


# -- field helpers ---------------------------------------------------------------------


def _guard(name: str, fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """Wrap a converter so that any failure is a GoalRulesError naming the field."""

    @functools.wraps(fn)
    def convert(value: Any) -> T:
        try:
            return fn(value)
        except GoalRulesError as exc:
            raise exc.with_location(field=name) from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ValidationError(f"invalid value {value!r}: {exc}", field=name) from None

    return convert


def _opt(fn: Callable[[Any], T]) -> Callable[[Any], T | None]:
    def convert(value: Any) -> T | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return fn(value)

    return convert


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"expected text, got {value!r}")
    return value.strip()


def _ident(value: Any) -> str:
    text = _text(value)
    if not text:
        raise ValidationError("an id cannot be empty")
    return text


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in re.split(r"\s*[,;]\s*|\s+and\s+", value) if v]
    if not isinstance(value, Iterable):
        raise ValidationError(f"expected a list of names, got {value!r}")
    return tuple(_text(v) for v in value)


def _date(value: Any) -> Date:
    if isinstance(value, (Date, str)):
        return parse_date(value)
    raise ValidationError(f"expected a date, got {value!r}")


def _quantity(value: Any) -> Quantity:
    return quantity(value)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"expected a number, got {value!r}")
    if isinstance(value, str):
        value = value.replace(",", "").strip()
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"expected a number, got {value!r}") from None
    if not math.isfinite(x):
        raise ValidationError(f"expected a finite number, got {value!r}")
    return x


def _non_negative(inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(f"cannot be negative (got {value:g})", field=attribute.name)


def _scale_1_5(inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 5:
        raise ValidationError(f"must be between 1 and 5 (got {value})", field=attribute.name)


def _int_1_5(value: Any) -> int:
    x = _number(value)
    if not x.is_integer():
        raise ValidationError(f"expected a whole number from 1 to 5, got {value!r}")
    return int(x)


# -- channels ----------------------------------------------------------------------------

_CHANNEL_ALIASES: dict[str, str] = {
    "twitter": "x", "x": "x", "t.co": "x", "x.com": "x", "twitter.com": "x",
    "mobile.twitter.com": "x", "tw": "x",
    "facebook": "facebook", "fb": "facebook", "fb.com": "facebook", "fb.me": "facebook",
    "facebook.com": "facebook", "m.facebook.com": "facebook", "l.facebook.com": "facebook",
    "lm.facebook.com": "facebook", "meta": "facebook",
    "linkedin": "linkedin", "lnkd.in": "linkedin", "linkedin.com": "linkedin", "li": "linkedin",
    "instagram": "instagram", "ig": "instagram", "instagram.com": "instagram",
    "l.instagram.com": "instagram", "insta": "instagram",
    "youtube": "youtube", "yt": "youtube", "youtube.com": "youtube", "youtu.be": "youtube",
    "m.youtube.com": "youtube",
    "tiktok": "tiktok", "tiktok.com": "tiktok", "tik tok": "tiktok",
    "pinterest": "pinterest", "pin.it": "pinterest", "pinterest.com": "pinterest",
    "threads": "threads", "threads.net": "threads",
    "reddit": "reddit", "reddit.com": "reddit", "out.reddit.com": "reddit",
    "snapchat": "snapchat", "snap": "snapchat",
    "bluesky": "bluesky", "bsky": "bluesky", "bsky.app": "bluesky",
    "mastodon": "mastodon", "whatsapp": "whatsapp", "wa.me": "whatsapp",
    "all": "all", "all channels": "all", "social": "all",
}  # fmt: skip


@functools.cache
def _channel_aliases() -> dict[str, str]:
    table = dict(_CHANNEL_ALIASES)
    for alias, channel in plugins.collect("goalrules_channel_aliases"):
        table[str(alias).strip().lower()] = str(channel).strip().lower()
    return table


plugins.on_reset(_channel_aliases.cache_clear)

KNOWN_CHANNELS: tuple[str, ...] = tuple(sorted(set(_CHANNEL_ALIASES.values())))


def normalize_channel(name: str) -> str:
    """The canonical name of a channel: ``"Twitter"`` -> ``"x"``, ``"fb"`` -> ``"facebook"``.

    Unknown names are kept (lower-cased): a team may use a network this table does not
    know yet. Domains lose ``www.`` and a path.

    >>> normalize_channel("m.facebook.com"), normalize_channel("Twitter")
    ('facebook', 'x')
    """
    if not isinstance(name, str):
        raise ValidationError(f"expected a channel name, got {name!r}")
    key = name.strip().lower()
    key = re.sub(r"^https?://", "", key)
    key = key.split("/", 1)[0] if "." in key.split("/", 1)[0] else key
    key = key.removeprefix("www.")
    if not key:
        raise ValidationError("a channel name cannot be empty")
    return _channel_aliases().get(key, key)


# -- targets -------------------------------------------------------------------------------


class TargetKind(enum.StrEnum):
    """How a target is stated: an absolute value, or relative to the baseline."""

    ABSOLUTE = "absolute"  # "2400 followers", "30 %"
    MULTIPLE = "multiple"  # "x2", "double"
    PERCENT = "percent"  # "+50%", "-20%"
    DELTA = "delta"  # "+500 followers"


_MULTIPLE_WORDS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}


def _target(value: Any) -> Target:
    return value if isinstance(value, Target) else Target.parse(value)


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
            q = quantity(t.replace("−", "-"))
            if q.dimensionless and str(q.units) in ("percent", "dimensionless") and "%" in t:
                return cls(TargetKind.PERCENT, float(q.to("percent").magnitude), t)
            return cls(TargetKind.DELTA, q, t)
        return cls(TargetKind.ABSOLUTE, quantity(t), t)

    @property
    def is_relative(self) -> bool:
        return self.kind is not TargetKind.ABSOLUTE

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
        return cast("Quantity", baseline + amount.to(baseline.units))

    def __str__(self) -> str:
        return self.text or str(self.amount)


# -- goal ------------------------------------------------------------------------------------


def _deadline_converter(value: Any, self_: Any) -> Date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return deadline(value, start=self_.start)
    except GoalRulesError as exc:
        raise exc.with_location(field="deadline") from None


def _objective(value: Any) -> Objective:
    return Objective.parse(value)


def _metric_key(value: Any) -> str:
    return re.sub(r"[\s-]+", "_", _text(value).lower())


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
    channel: str | None = attrs.field(
        default=None, converter=_guard("channel", _opt(normalize_channel))
    )
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

    def resolved_target(self, baseline: Quantity | None = None) -> Quantity | None:
        """The absolute target: relative targets resolve against ``baseline`` (default
        the goal's own baseline)."""
        if self.target is None:
            return None
        return self.target.resolve(baseline if baseline is not None else self.baseline)

    @classmethod
    def from_statement(cls, statement: str, *, start: Date | None = None, **fields: Any) -> Goal:
        """Read a goal from a plain statement ("Double our LinkedIn followers within six
        months"): metric, channel, target and deadline are filled from the words;
        ``fields`` override them. :func:`goalrules.read_statement` also says what was
        understood and what was not.
        """
        from goalrules.judgments.statements import read_statement  # a layer above

        return read_statement(statement, start=start, **fields).goal

    def evolve(self, **changes: Any) -> Goal:
        """A copy with ``changes`` applied (``attrs.evolve``)."""
        return attrs.evolve(self, **changes)


# -- metric series -----------------------------------------------------------------------


@attrs.frozen
class Point:
    """One dated observation of a metric."""

    date: Date
    value: float


def _points(value: Any) -> tuple[Point, ...]:
    if isinstance(value, Mapping):
        value = value.items()
    pts: list[Point] = []
    for i, item in enumerate(value):
        if type(item) is tuple and len(item) == 2:  # fast path: (date, number)
            d, v = item
            if type(d) is Date and type(v) in (int, float) and math.isfinite(v):
                pts.append(Point(d, float(v)))
                continue
        try:
            if isinstance(item, Point):
                pts.append(item)
                continue
            d, v = item
            pts.append(Point(_date(d), _number(v)))
        except GoalRulesError as exc:
            raise exc.with_location(field=f"[{i}]") from None
        except (TypeError, ValueError):
            raise ValidationError(
                f"expected a (date, value) pair, got {item!r}", field=f"[{i}]"
            ) from None
    pts.sort(key=lambda p: p.date)
    return tuple(pts)


def _month_point(key: Any, values: list[float], how: MetricKind) -> Point:
    if how is MetricKind.FLOW:
        v = math.fsum(values)
    elif how is MetricKind.RATIO:
        v = math.fsum(values) / len(values)
    else:
        v = values[-1]
    return Point(Date(key[0], key[1], 1), v)


@attrs.frozen
class MetricSeries:
    """Dated values of one metric, sorted by date.

    ``monthly()`` resamples to calendar months: a *stock* takes each month's last value,
    a *flow* the month's sum (a ratio, the month's mean).
    """

    metric: str | None = attrs.field(default=None, converter=_guard("metric", _opt(_metric_key)))
    points: tuple[Point, ...] = attrs.field(default=(), converter=_guard("points", _points))
    unit: str | None = attrs.field(default=None, converter=_guard("unit", _opt(_text)))
    channel: str | None = attrs.field(
        default=None, converter=_guard("channel", _opt(normalize_channel))
    )
    kind: MetricKind | None = attrs.field(default=None, converter=_guard("kind", _opt(MetricKind)))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[Date | str, float]], **kwargs: Any) -> MetricSeries:
        return cls(points=tuple(pairs), **kwargs)

    def __len__(self) -> int:
        return len(self.points)

    @property
    def dates(self) -> tuple[Date, ...]:
        return tuple(p.date for p in self.points)

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(p.value for p in self.points)

    def monthly(self, kind: MetricKind | None = None) -> tuple[Point, ...]:
        """One point per calendar month observed, dated on the month's first day."""
        how = kind or self.kind or MetricKind.STOCK
        pts = self.points
        previous = -1
        for p in pts:  # sorted by date: a month seen twice comes twice in a row
            d = p.date
            month = d.year * 12 + d.month
            if d.day != 1 or month == previous:
                break
            previous = month
        else:
            return pts  # already one point per month, on the first: nothing to resample
        out: list[Point] = []
        key = None
        bucket: list[float] = []
        for p in self.points:  # sorted by date: months come in order
            d = p.date
            k = (d.year, d.month)
            if k != key:
                if bucket:
                    out.append(_month_point(key, bucket, how))
                key, bucket = k, []
            bucket.append(p.value)
        if bucket:
            out.append(_month_point(key, bucket, how))
        return tuple(out)

    def quantity(self, value: float) -> Quantity:
        """``value`` in the series' unit (dimensionless when no unit is set)."""
        return quantity(value, self.unit or "dimensionless")


# -- channels and performance ---------------------------------------------------------------


@attrs.frozen
class Channel:
    """A social network as the team uses it: its role and the formats tried on it."""

    id: str = attrs.field(converter=_guard("id", normalize_channel))
    role: Objective | None = attrs.field(default=None, converter=_guard("role", _opt(_objective)))
    formats_tried: tuple[str, ...] = attrs.field(
        default=(), converter=_guard("formats_tried", _strings)
    )
    name: str | None = attrs.field(default=None, converter=_guard("name", _opt(_text)))


def _month(value: Any) -> Date:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", value):
        y, m = (int(x) for x in value.strip().split("-"))
        try:
            return Date(y, m, 1)
        except ValueError:
            raise ValidationError(f"{value!r} is not a valid month") from None
    return _date(value).replace(day=1)


def _count(value: Any) -> float:
    return _number(value)


@attrs.frozen
class ChannelMonth:
    """One month of one channel's performance (optionally one campaign's)."""

    channel: str = attrs.field(converter=_guard("channel", normalize_channel))
    month: Date = attrs.field(converter=_guard("month", _month))
    visits: float = attrs.field(
        default=0, converter=_guard("visits", _count), validator=_non_negative
    )
    leads: float = attrs.field(
        default=0, converter=_guard("leads", _count), validator=_non_negative
    )
    customers: float = attrs.field(
        default=0, converter=_guard("customers", _count), validator=_non_negative
    )
    campaign: str | None = attrs.field(default=None, converter=_guard("campaign", _opt(_text)))
    spend: float | None = attrs.field(
        default=None, converter=_guard("spend", _opt(_number)), validator=_non_negative
    )
    hours: float | None = attrs.field(
        default=None, converter=_guard("hours", _opt(_number)), validator=_non_negative
    )
    followers: float | None = attrs.field(
        default=None, converter=_guard("followers", _opt(_number)), validator=_non_negative
    )
    engagements: float | None = attrs.field(
        default=None, converter=_guard("engagements", _opt(_number)), validator=_non_negative
    )
    reach: float | None = attrs.field(
        default=None, converter=_guard("reach", _opt(_number)), validator=_non_negative
    )


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
