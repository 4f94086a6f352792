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

import attrs
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
    "SHAPES",
    "Portfolio",
    "Scenario",
    "channel_months",
    "channels",
    "deadlines",
    "goals",
    "metric_keys",
    "metric_series",
    "objectives",
    "plans",
    "portfolios",
    "quantities",
    "scenarios",
    "tactics",
    "workspace_texts",
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
    """Consistent monthly rows: leads <= visits, customers <= leads; customers are
    sometimes not measured (``None``: unknown, as in an export without them)."""
    if max_visits < 0:
        raise InvalidArgument("max_visits must be >= 0")

    @st.composite
    def build(draw: st.DrawFn) -> ChannelMonth:
        visits = draw(st.integers(0, max_visits))
        leads = draw(st.integers(0, visits))
        customers = draw(st.one_of(st.integers(0, leads), st.none()))
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
            st.sampled_from(
                [
                    "monthly on the 30th",
                    "every Monday",
                    "every 2 weeks from 2026-01-05",
                    "weekly on Friday",
                ]
            ),
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


# -- scenarios: a goal with the history that judges it -----------------------------------

#: the shapes of real accounts' histories that :func:`scenarios` draws
SHAPES = ("growth", "decline", "seasonal", "plateau", "jump", "gaps", "zeros", "short")


@attrs.frozen
class Scenario:
    """A goal and a history of the same metric, unit and channel, judged as of ``today``
    (the last observation's month end). ``shape`` says how the history was drawn."""

    goal: Goal
    history: MetricSeries
    today: Date
    shape: str


def _shape_values(draw: st.DrawFn, shape: str, n: int, start: float) -> list[float | None]:
    """``n`` monthly values of ``shape`` (``None``: a month the account did not record)."""
    drift = draw(st.floats(0.005, 0.08))
    noise = draw(st.floats(0.0, 0.06))
    zs = draw(st.lists(st.floats(-2, 2), min_size=n, max_size=n))
    values: list[float | None] = []
    v = start
    jump_at = draw(st.integers(1, max(1, n - 1)))
    for i in range(n):
        step = noise * zs[i]
        if shape == "decline":
            step -= drift
        elif shape == "plateau":
            step += drift if i < n // 2 else 0.0
        elif shape == "seasonal":
            step += drift / 4 + 0.25 * (math.cos(2 * math.pi * (i + 1) / 12) - math.cos(
                2 * math.pi * i / 12))  # fmt: skip
        elif shape == "jump" and i == jump_at:
            step += draw(st.floats(0.3, 1.5))
        elif shape != "zeros":
            step += drift
        v = v * math.exp(step) if i else v
        values.append(round(v, 6))
    if shape == "gaps":
        holes = draw(st.sets(st.integers(1, max(1, n - 2)), max_size=max(0, n // 3)))
        values = [None if i in holes else x for i, x in enumerate(values)]
    if shape == "zeros":
        zeros = draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=max(1, n // 2)))
        values = [0.0 if i in zeros else x for i, x in enumerate(values)]
    return values


def scenarios(
    *,
    shapes: Sequence[str] = SHAPES,
    metrics: Sequence[str] = ("followers", "visits", "leads", "engagements"),
    months: tuple[int, int] = (3, 36),
    horizon: tuple[int, int] = (1, 18),
    target_multiple: tuple[float, float] = (0.5, 3.0),
) -> st.SearchStrategy[Scenario]:
    """A goal together with a consistent history (same metric, unit and channel), shaped
    as real accounts are: ``growth``, ``decline``, ``seasonal`` (a yearly cycle), a
    ``plateau`` (growth that stops halfway), a ``jump`` (a viral month), ``gaps`` (months
    not recorded), ``zeros`` and ``short`` (2-5 months).

    Guarantees: the history has at least two points, ends on ``today``'s month, and is in
    the catalog unit of the goal's metric; the target is an absolute quantity at
    ``target_multiple`` times the last value (or, after zeros, of the largest); the
    deadline is ``horizon`` months after ``today``. Aim it with ``shapes``, ``metrics``,
    ``months``, ``horizon`` and ``target_multiple``.

    >>> import goalrules as gr
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(scenarios(shapes=["growth", "seasonal"]))
    ... def test_in_range(s):
    ...     a = gr.assess_achievability(s.goal, s.history, today=s.today)
    ...     assert a.probability is None or 0 <= a.probability <= 1
    >>> test_in_range()
    """
    unknown = sorted(set(shapes) - set(SHAPES))
    if unknown or not shapes:
        raise InvalidArgument(f"shapes must be among {SHAPES}, got {list(shapes)}")
    if months[0] < 2 or months[0] > months[1]:
        raise InvalidArgument(f"months must be a range of at least 2, got {months}")

    @st.composite
    def build(draw: st.DrawFn) -> Scenario:
        shape = draw(st.sampled_from(list(shapes)))
        metric = draw(st.sampled_from(list(metrics)))
        defn = catalog[metric]
        lo, hi = (2, 5) if shape == "short" else months
        n = draw(st.integers(max(lo, 2), max(hi, 2)))
        first = draw(_dates(Date(2018, 1, 1), Date(2030, 1, 1))).replace(day=1)
        values = _shape_values(draw, shape, n, draw(st.floats(50.0, 50_000.0)))
        days = [first]
        for _ in range(n - 1):
            days.append(_add_month(days[-1]))
        ends = [_month_end(d) for d in days]
        points = tuple(Point(d, v) for d, v in zip(ends, values, strict=True) if v is not None)
        kind = defn.kind if defn.kind is not MetricKind.RATIO else MetricKind.STOCK
        channel = draw(st.sampled_from(sorted(k for k in PLATFORM_FIT if k != "all")))
        history = MetricSeries(
            metric=metric, points=points, unit=defn.unit, kind=kind, channel=channel
        )
        today = ends[-1]
        reference = max(p.value for p in points) if shape == "zeros" else points[-1].value
        target = max(reference, 1.0) * draw(st.floats(*target_multiple))
        months_ahead = draw(st.integers(*horizon))
        deadline = _month_end(_add_months_first(today.replace(day=1), months_ahead))
        goal = Goal(
            id="scenario",
            metric=metric,
            channel=channel,
            objective=sorted(o.value for o in defn.objectives)[0],
            target=quantity(round(target, 6), defn.unit),
            start=today,
            deadline=deadline,
        )
        return Scenario(goal, history, today, shape)

    return build()


def _month_end(d: Date) -> Date:
    return _add_month(d.replace(day=1)) - _dt.timedelta(days=1)


def _add_months_first(d: Date, n: int) -> Date:
    for _ in range(n):
        d = _add_month(d)
    return d


@attrs.frozen
class Portfolio:
    """Monthly rows of several channels where one is plainly the best (the most visits,
    the best lead rate, growing) and one plainly the worst (few visits, no leads,
    falling), judged as of ``today``."""

    rows: tuple[ChannelMonth, ...]
    best: str
    worst: str
    today: Date


def portfolios(
    *,
    channels: Sequence[str] = ("linkedin", "facebook", "x", "instagram", "youtube"),
    months: tuple[int, int] = (4, 12),
) -> st.SearchStrategy[Portfolio]:
    """Channel months of 2 to 5 channels with a known best and worst channel.

    Guarantees: every channel has the same months (``months`` of them, past any trial);
    the best channel's visits and lead rate are the highest in every month and rise; the
    worst's visits are the lowest, fall, and bring no lead; the others lie in between.
    """
    if len(channels) < 2:
        raise InvalidArgument("a portfolio needs at least two channel names")

    @st.composite
    def build(draw: st.DrawFn) -> Portfolio:
        names = draw(st.lists(st.sampled_from(list(channels)), min_size=2, max_size=len(channels),
                              unique=True))  # fmt: skip
        best, worst, middle = names[0], names[1], names[2:]
        n = draw(st.integers(*months))
        first = draw(_dates(Date(2018, 1, 1), Date(2030, 1, 1))).replace(day=1)
        # customers measured (a CRM) or not (analytics alone): unknown, never drawn as 0
        measured = draw(st.booleans(), label="customers measured")

        def cust(n: int) -> int | None:
            return n if measured else None

        rows: list[ChannelMonth] = []
        day = first
        for i in range(n):
            base = draw(st.integers(2_000, 5_000))
            top = base * 4 + 200 * i
            rows.append(ChannelMonth(channel=best, month=day, visits=top, leads=top // 20,
                                     customers=cust(base // 50)))  # fmt: skip
            rows.append(ChannelMonth(channel=worst, month=day, visits=max(10, 400 - 30 * i),
                                     leads=0, customers=cust(0)))  # fmt: skip
            for name in middle:
                visits = draw(st.integers(500, base * 3))
                rows.append(ChannelMonth(channel=name, month=day, visits=visits, leads=visits // 80,
                                         customers=cust(visits // 4000)))  # fmt: skip
            day = _add_month(day)
        return Portfolio(tuple(rows), best, worst, _month_end(rows[-1].month))

    return build()


def workspace_texts(*, max_goals: int = 3) -> st.SearchStrategy[str]:
    """The TOML text of a valid workspace file: objectives, goals, tactics and channels
    that reference each other correctly (what :func:`goalrules.load_workspace` reads)."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        plan = draw(plans(max_goals=max_goals, max_tactics=4))
        lines = ["[workspace]", 'name = "Generated"', ""]
        for o in plan.objectives:
            lines += ["[[objective]]", f'id = "{o.id}"', f'text = "{o.text}"', ""]
        for g in plan.goals:
            lines += [
                "[[goal]]", f'id = "{g.id}"', f'statement = "{g.statement}"',
                f'objective = "{g.objective}"', f'metric = "{g.metric}"',
                f'channel = "{g.channel}"', f'baseline = "{g.baseline}"',
                f'target = "{g.target}"', f"start = {g.start.isoformat() if g.start else ''}",
                f"deadline = {g.deadline.isoformat() if g.deadline else ''}",
                "supports = [" + ", ".join(f'"{x}"' for x in g.supports) + "]", "",
            ]  # fmt: skip
        for t in plan.tactics:
            if isinstance(t.eta, Date):
                eta = t.eta.isoformat()
            else:
                eta = f'"{t.eta.text}"' if t.eta is not None else '""'
            lines += [
                "[[tactic]]", f'id = "{t.id}"', f'goal = "{t.goal}"', f'text = "{t.text}"',
                f"value = {t.value}", f"complexity = {t.complexity}",
                "owners = [" + ", ".join(f'"{o}"' for o in t.owners) + "]", f"eta = {eta}", "",
            ]  # fmt: skip
        return "\n".join(lines)

    return build()


def _targets() -> st.SearchStrategy[Target]:
    return st.one_of(
        st.sampled_from(["x2", "x1.5", "+20%", "+50%", "+500 followers"]).map(Target.parse),
        quantities("follower", min_value=1, max_value=1e6, integer=True).map(
            lambda q: Target.parse(q)
        ),
    )
