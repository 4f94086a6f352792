"""Hypothesis strategies for goalrules objects, so users can property-test their own
goal logic.

>>> from hypothesis import given
>>> from goalrules import strategies as grs
>>> @given(grs.goals(valid=True))
... def test_every_valid_goal_has_a_deadline(goal):
...     assert goal.deadline is not None

Installed with goalrules, these are also registered with Hypothesis through its
``hypothesis`` entry point, so ``st.from_type(goalrules.Goal)`` works in any project.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from goalrules.metrics import PLATFORM_FIT, catalog
from goalrules.model import (
    Channel,
    ChannelMonth,
    CompanyObjective,
    Goal,
    MetricKind,
    MetricSeries,
    Objective,
    Plan,
    Point,
    Tactic,
    Target,
)
from goalrules.units import quantity

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

__all__ = [
    "channel_months",
    "channels",
    "deadlines",
    "goals",
    "metric_keys",
    "metric_series",
    "objectives",
    "plans",
    "quantities",
    "tactics",
]

Date = _dt.date

_COUNT_UNITS = ("follower", "visit", "lead", "click", "impression", "engagement", "mention")
_MIN_DATE = Date(2015, 1, 1)
_MAX_DATE = Date(2035, 12, 31)


def objectives() -> st.SearchStrategy[Objective]:
    """Any :class:`~goalrules.model.Objective`."""
    return st.sampled_from(list(Objective))


def metric_keys(*, objective: Objective | str | None = None) -> st.SearchStrategy[str]:
    """Catalog metric keys (those measuring ``objective`` when it is given)."""
    if objective is None:
        keys = sorted(catalog)
    else:
        keys = sorted(m.key for m in catalog.for_objective(objective))
    if not keys:
        raise InvalidArgument(f"no catalog metric measures {objective!r}")
    return st.sampled_from(keys)


def quantities(
    unit: str | None = None,
    *,
    min_value: float = 0.0,
    max_value: float = 1e9,
    integer: bool = False,
) -> st.SearchStrategy[Quantity]:
    """pint quantities of ``unit`` (default: one of the count units) between the bounds."""
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is above max_value={max_value}")
    units = st.just(unit) if unit is not None else st.sampled_from(_COUNT_UNITS)
    if integer:
        mags: st.SearchStrategy[float] = st.integers(
            math.ceil(min_value), math.floor(max_value)
        ).map(float)
    else:
        mags = st.floats(min_value, max_value, allow_nan=False, allow_infinity=False)
    return st.builds(lambda m, u: quantity(m, u), mags, units)


def deadlines(
    *, start: Date | None = None, min_months: int = 1, max_months: int = 24
) -> st.SearchStrategy[str]:
    """Deadline texts ("within 6 months", "by 2027-06-30", "end of Q3 2027") that
    :func:`goalrules.deadline` resolves to a date after ``start``."""
    if not 1 <= min_months <= max_months:
        raise InvalidArgument("need 1 <= min_months <= max_months")
    ref = start or Date(2026, 1, 1)
    within = st.integers(min_months, max_months).map(lambda n: f"within {n} months")
    dated = st.integers(min_months, max_months).map(
        lambda n: f"by {(ref + _dt.timedelta(days=int(30.44 * n))).isoformat()}"
    )
    return st.one_of(within, dated)


_LO, _HI = Date(2020, 1, 1), Date(2030, 12, 31)


def _dates(lo: Date = _LO, hi: Date = _HI) -> st.SearchStrategy[Date]:
    return st.dates(min_value=lo, max_value=hi)


@st.composite
def _valid_goal(draw: st.DrawFn) -> Goal:
    metric = draw(st.sampled_from(["followers", "visits", "leads", "engagements", "mentions"]))
    unit = catalog[metric].unit
    channel = draw(st.sampled_from(sorted(k for k in PLATFORM_FIT if k != "all")))
    fitting = sorted(o.value for o in catalog[metric].objectives)
    objective = draw(st.sampled_from(fitting))
    baseline = draw(st.integers(100, 100_000))
    target: str = draw(
        st.one_of(
            st.integers(baseline + 1, baseline * 5).map(lambda t: f"{t} {unit}"),
            st.sampled_from(["x2", "x1.5", "+20%", "+50%"]),
            st.integers(1, baseline * 2).map(lambda d: f"+{d} {unit}"),
        )
    )
    start = draw(_dates())
    months = draw(st.integers(1, 24))
    return Goal(
        id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)),
        statement=f"Grow {metric} on {channel}",
        objective=objective,
        metric=metric,
        channel=channel,
        baseline=f"{baseline} {unit}",
        target=target,
        start=start,
        deadline=f"within {months} months",
        supports=("company-goal",),
        owner=draw(st.sampled_from(["Brian", "Hailley", "Sam"])),
        review="monthly",
    )


@st.composite
def _any_goal(draw: st.DrawFn) -> Goal:
    full = draw(_valid_goal())
    fields = ["statement", "objective", "metric", "channel", "baseline", "target",
              "start", "deadline", "supports", "owner", "review"]  # fmt: skip
    dropped = draw(st.lists(st.sampled_from(fields), unique=True))
    changes: dict[str, Any] = {f: (() if f == "supports" else None) for f in dropped}
    return full.evolve(**changes)


def goals(*, valid: bool | None = None) -> st.SearchStrategy[Goal]:
    """Goals. ``valid=True``: every field set and consistent; ``valid=False``: at least
    one field missing (a vague goal); ``None``: either."""
    if valid is True:
        return _valid_goal()
    if valid is False:
        return _any_goal().filter(_is_vague)
    return _any_goal()


def _is_vague(g: Goal) -> bool:
    return any(
        v is None or v == ()
        for v in (g.metric, g.channel, g.target, g.deadline, g.objective, g.start, g.supports)
    )


def metric_series(
    *,
    metric: str = "followers",
    months: int | tuple[int, int] = (3, 24),
    start: Date | None = None,
    growth: float | tuple[float, float] = (-0.05, 0.2),
    noise: float | tuple[float, float] = (0.0, 0.1),
    initial: tuple[float, float] = (100.0, 100_000.0),
) -> st.SearchStrategy[MetricSeries]:
    """Monthly histories of ``metric`` following a geometric random walk: each month
    multiplies the value by ``exp(growth + noise * z)`` with ``z`` in [-2, 2].

    Each of ``months``, ``growth`` and ``noise`` is a fixed value or a ``(lo, hi)`` range.
    """
    defn = catalog[metric]

    def rng(x: float | tuple[float, float], *, ints: bool = False) -> st.SearchStrategy[Any]:
        lo, hi = x if isinstance(x, tuple) else (x, x)
        if lo > hi:
            raise InvalidArgument(f"empty range {x!r}")
        if ints:
            return st.integers(int(lo), int(hi))
        return st.floats(lo, hi, allow_nan=False)

    @st.composite
    def build(draw: st.DrawFn) -> MetricSeries:
        n = draw(rng(months, ints=True))
        g = draw(rng(growth))
        s = draw(rng(noise))
        first = start if start is not None else draw(_dates(Date(2018, 1, 1), Date(2030, 1, 1)))
        first = first.replace(day=1)
        v = draw(st.floats(*initial))
        zs = draw(st.lists(st.floats(-2, 2), min_size=n, max_size=n))
        pts = []
        day = first
        for i in range(n):
            if i:
                v = v * math.exp(g + s * zs[i])
            pts.append(Point(day, round(v, 6)))
            day = _add_month(day)
        kind = defn.kind if defn.kind is not MetricKind.RATIO else MetricKind.STOCK
        return MetricSeries(metric=metric, points=tuple(pts), unit=defn.unit, kind=kind)

    return build()


def _add_month(d: Date) -> Date:
    return Date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def channels(
    *, names: Sequence[str] = ("linkedin", "facebook", "x", "instagram", "youtube")
) -> st.SearchStrategy[Channel]:
    """Channels with a role and some formats tried."""
    return st.builds(
        Channel,
        id=st.sampled_from(list(names)),
        role=st.one_of(st.none(), objectives()),
        formats_tried=st.lists(
            st.sampled_from(["video", "carousel", "live", "stories", "article", "image"]),
            unique=True,
            max_size=4,
        ).map(tuple),
    )


def channel_months(
    *,
    channel: str | None = None,
    month: Date | None = None,
    max_visits: int = 50_000,
) -> st.SearchStrategy[ChannelMonth]:
    """Consistent monthly rows: leads <= visits, customers <= leads."""
    if max_visits < 0:
        raise InvalidArgument("max_visits must be >= 0")

    @st.composite
    def build(draw: st.DrawFn) -> ChannelMonth:
        visits = draw(st.integers(0, max_visits))
        leads = draw(st.integers(0, visits))
        customers = draw(st.integers(0, leads))
        spend = draw(st.one_of(st.none(), st.integers(0, 10_000).map(float)))
        return ChannelMonth(
            channel=channel or draw(st.sampled_from(["linkedin", "facebook", "x", "instagram"])),
            month=month or draw(_dates()).replace(day=1),
            visits=visits,
            leads=leads,
            customers=customers,
            spend=spend,
        )

    return build()


@st.composite
def tactics(draw: st.DrawFn, *, goal_ids: Sequence[str] = ("g1",)) -> Tactic:
    """Tactics for one of ``goal_ids`` with an owner and a date or a recurrence."""
    eta: Any = draw(
        st.one_of(
            _dates(),
            st.sampled_from(["monthly on the 30th", "every Monday", "every 2 weeks", "weekly"]),
        )
    )
    return Tactic(
        id=draw(st.from_regex(r"t-[a-z0-9]{1,8}", fullmatch=True)),
        goal=draw(st.sampled_from(list(goal_ids))),
        text="A tactic",
        value=draw(st.integers(1, 5)),
        complexity=draw(st.integers(1, 5)),
        owners=tuple(
            draw(
                st.lists(
                    st.sampled_from(["Brian", "Hailley", "Sam"]),
                    unique=True,
                    min_size=1,
                    max_size=2,
                )
            )
        ),
        eta=eta,
    )


@st.composite
def plans(draw: st.DrawFn, *, max_goals: int = 4, max_tactics: int = 8) -> Plan:
    """Consistent plans: unique ids, every reference resolves."""
    objs = [
        CompanyObjective(f"obj-{i}", f"Company objective {i}")
        for i in range(draw(st.integers(1, 3)))
    ]
    n_goals = draw(st.integers(1, max_goals))
    goal_list = []
    for i in range(n_goals):
        g = draw(_valid_goal())
        goal_list.append(g.evolve(id=f"g{i}", supports=(draw(st.sampled_from(objs)).id,)))
    ids = [g.id for g in goal_list]
    tac = draw(st.lists(tactics(goal_ids=ids), max_size=max_tactics, unique_by=lambda t: t.id))
    return Plan(objectives=tuple(objs), goals=tuple(goal_list), tactics=tuple(tac))


def _targets() -> st.SearchStrategy[Target]:
    return st.one_of(
        st.sampled_from(["x2", "x1.5", "+20%", "+50%", "+500 followers"]).map(Target.parse),
        quantities("follower", min_value=1, max_value=1e6, integer=True).map(
            lambda q: Target.parse(q)
        ),
    )


def _hypothesis_setup_hook() -> None:
    """Entry point for Hypothesis: lets ``st.from_type`` build goalrules objects."""
    st.register_type_strategy(Goal, goals())
    st.register_type_strategy(MetricSeries, metric_series())
    st.register_type_strategy(Channel, channels())
    st.register_type_strategy(ChannelMonth, channel_months())
    st.register_type_strategy(Tactic, tactics())
    st.register_type_strategy(Plan, plans())
    st.register_type_strategy(Objective, objectives())
    st.register_type_strategy(Target, _targets())
