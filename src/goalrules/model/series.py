"""Metric histories and channel performance: dated observations and channel months."""

from __future__ import annotations

import datetime as _dt
import math
import operator
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from goalrules.dates import _MONTHS  # (English month names, 'sept' too)
from goalrules.errors import GoalRulesError, ValidationError, listed
from goalrules.model.fields import _date, _guard, _non_negative, _number, _opt, _strings, _text
from goalrules.model.goals import _metric_key, _objective
from goalrules.model.tables import is_table, records
from goalrules.patterns import LazyPattern
from goalrules.units import quantity
from goalrules.vocabulary import MetricKind, Objective, normalize_channel, paid_network

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

Date = _dt.date
T = TypeVar("T")

# -- metric series -----------------------------------------------------------------------


@attrs.frozen
class Point:
    """One dated observation of a metric."""

    date: Date
    value: float


_DATE_COLUMNS = ("date", "day", "month", "ds", "timestamp")
_VALUE_COLUMNS = ("value", "y", "values")


def _table_pairs(value: Any) -> list[tuple[Any, Any]]:
    """A table's (date, value) pairs: its ``date`` (or ``day``, ``month``, ``ds``) and
    ``value`` (or ``y``) columns; a row with a missing value is a missing observation,
    not a zero."""
    rows = records(value)
    if not rows:
        return []
    names = {k.lower(): k for k in rows[0]}
    date_col = next((names[c] for c in _DATE_COLUMNS if c in names), None)
    value_col = next((names[c] for c in _VALUE_COLUMNS if c in names), None)
    if value_col is None and len(names) == 2 and date_col is not None:
        value_col = next(k for k in rows[0] if k != date_col)
    if date_col is None or value_col is None:
        raise ValidationError(
            f"a history table needs a date and a value column (the columns are: {listed(rows[0])})"
        )
    return [(r[date_col], r[value_col]) for r in rows if r[value_col] is not None]


def _points(value: Any) -> tuple[Point, ...]:
    if is_table(value) or (type(value).__module__.startswith("pandas") and hasattr(value, "items")):
        value = _table_pairs(value)
    elif isinstance(value, Mapping):
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
    pts.sort(key=_DATE_OF)
    return tuple(pts)


_DATE_OF = operator.attrgetter("date")


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


#: a month as reports and spreadsheets write it, without a day: 2026-01, 2026/01,
#: 2026.01; 01/2026, 1-2026; Jan 2026, January 2026, Sept. 2026 (a four-digit year: never
#: a day, as "Jan-26" could be)
_MONTH_SPELLINGS = (
    (LazyPattern(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})"), False),
    (LazyPattern(r"(?P<m>\d{1,2})[-/.](?P<y>\d{4})"), False),
    (LazyPattern(r"(?P<m>[A-Za-z]{3,9})\.?,?[\s-]+(?P<y>\d{4})"), True),
)


def _month(value: Any) -> Date:
    if isinstance(value, str):
        text = value.strip()
        for pattern, named in _MONTH_SPELLINGS:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            month = _MONTHS.get(found["m"].lower()) if named else int(found["m"])
            try:
                return Date(int(found["y"]), month or 0, 1)
            except ValueError:
                raise ValidationError(f"{value!r} is not a valid month") from None
    return _date(value).replace(day=1)


PAID_MEDIUMS = frozenset(
    {"cpc", "ppc", "paid", "paid_social", "paidsocial", "social_paid", "paid-social", "display",
     "cpm", "cpv", "paid_search", "paidsearch", "ads", "sponsored", "paid social", "paid search",
     "social paid"}
)  # fmt: skip


def _medium(value: Any) -> str:
    """``organic`` or ``paid``: a ``utm_medium`` such as ``cpc`` or ``paid_social``, or
    a HubSpot source such as ``Paid social``, is paid; other mediums are organic."""
    text = _text(value).strip().lower()
    if text in ("organic", "paid"):
        return text
    return "paid" if text in PAID_MEDIUMS or text.startswith("paid") else "organic"


def organic_or_paid(medium: str | None) -> str:
    """The half of a network a row's ``medium`` belongs to: ``paid`` or ``organic`` (a
    medium kept as given, such as ``referral``, is no paid medium)."""
    return "organic" if medium is None else _medium(medium)


def _given_medium(value: Any) -> str:
    """A row's medium as given (stripped, lower-cased), read as ``organic`` or ``paid``
    (:func:`_medium`) once the row's channel is known, but for a medium that alone puts
    a site in a group not judged (``partnerblog.com / referral``): kept as given."""
    return _text(value).strip().lower()


def _count(value: Any) -> float:
    """A count as a float; a count of ``-0.0`` is 0 (``0.0``), so that sums and the
    columns made from one row are the same float, and no count reads as "-0"."""
    return _number(value) + 0.0


@attrs.frozen
class ChannelMonth:
    """One month of one channel's performance (optionally one campaign's)."""

    channel: str = attrs.field(converter=_guard("channel", normalize_channel))
    month: Date = attrs.field(converter=_guard("month", _month))
    # None: not measured (a CRM export without analytics has no visits), unknown, never 0
    visits: float | None = attrs.field(
        default=0, converter=_guard("visits", _opt(_count)), validator=_non_negative
    )
    leads: float | None = attrs.field(
        default=0, converter=_guard("leads", _opt(_count)), validator=_non_negative
    )
    # not given: unknown (an export without a customers column), never read as 0
    customers: float | None = attrs.field(
        default=None, converter=_guard("customers", _opt(_count)), validator=_non_negative
    )
    campaign: str | None = attrs.field(default=None, converter=_guard("campaign", _opt(_text)))
    medium: str | None = attrs.field(default=None, converter=_guard("medium", _opt(_given_medium)))
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

    def __attrs_post_init__(self) -> None:
        # "Facebook Ads", "fb_ads", "LinkedIn Ads": the network's paid half, not a
        # channel of its own judged beside the network (nor "Google Ads" a social channel)
        network = paid_network(self.channel)
        if network is not None:
            object.__setattr__(self, "channel", network)
            if self.medium is None:
                object.__setattr__(self, "medium", "paid")
        medium = self.medium
        if medium is not None and medium != "organic" and medium != "paid":
            # a medium as given is read as organic or paid, but for a site it alone puts
            # in a group not judged (partnerblog.com / referral, awin / affiliate): that
            # medium is kept, so that the site is shown in its group (context), never
            # judged as a channel beside the networks
            from goalrules.judgments.sources import medium_group_channel

            if medium_group_channel(self.channel, medium) is None:
                object.__setattr__(self, "medium", _medium(medium))
