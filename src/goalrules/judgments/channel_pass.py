"""The pass over a book's rows that channel evidence is measured from: each channel's
months in order, each month's sums (visits, leads, customers, spend, hours, the social
metric) as columns, and what the rows say besides (the months spend, hours or the
social metric were recorded in, the campaigns, the rows of more leads than visits or
more customers than leads, the months whose customers were not measured).

One loop reads each row once and files its month, visits, leads and customers
(customers not measured: NaN) in its channel's columns, a list each: a month's sums
when it is that one row (a ``ChannelMonth``'s counts are floats, never ``-0.0``: the sum
``0.0 + x`` is ``x``). A channel whose rows give each month once and set no optional
column (the usual book) keeps those columns (sorted by month only when the rows were not
in order); any other channel (several rows of a month, campaigns, spend, hours,
followers...) is summed month by month from its rows, in their order (gathered by a
second loop, for those channels only): ``0.0 + x + y ...``.

:func:`plain_row_pass` is that loop over a book given as rows already read, telling on
the way whether it is the usual book (every row a ``ChannelMonth``, none of a medium,
every month over by a date): deciding such a book reads its rows once, for the checks
and the sums alike.
"""

from __future__ import annotations

import datetime as _dt
import math
import operator
from collections.abc import Sequence, Set
from typing import Any

from goalrules.dates import first_open_month
from goalrules.model import ChannelMonth

__all__ = ["Columns", "RowPass", "plain_row_pass", "row_pass"]

Date = _dt.date

#: one channel's months in order and, a month each, its visits, leads and customers
#: (NaN: not measured), then its spend, hours and social metric (those three: empty
#: when no row of the channel records them)
Columns = tuple[Sequence[Date], tuple[Sequence[float], ...]]

_LT = operator.lt
_NO_COLUMN: tuple[float, ...] = ()
_NAN = math.nan


class RowPass:
    """What one pass over the rows found, channel by channel (names sorted)."""

    __slots__ = (
        "camp",
        "hours_known",
        "met",
        "ordered",
        "over",
        "quality",
        "repeated",
        "social_known",
        "social_stock",
        "spend_known",
        "spend_partial",
        "unknown",
        "unmeasured",
    )

    def __init__(self) -> None:
        #: each channel's months in order and its columns (:data:`Columns`)
        self.ordered: dict[str, Columns] = {}
        #: the months each channel's spend (hours, social metric) was recorded in
        self.spend_known: dict[str, set[Date]] = {}
        #: how many months of each channel had spend in some of their rows only (left
        #: out of its ``spend_known``: a row without spend is not a row of 0 spend)
        self.spend_partial: dict[str, int] = {}
        self.hours_known: dict[str, set[Date]] = {}
        self.social_known: dict[str, dict[Date, float]] = {}
        #: the channels whose social metric is a stock in some row (followers, a count
        #: at a date); the others' (engagements, reach) is a flow: a month's count is its
        #: days' counts, and a month's length is no trend
        self.social_stock: set[str] = set()
        #: each (channel, campaign)'s visits, leads and customers (NaN: not measured)
        self.camp: dict[tuple[str, str], list[float]] = {}
        #: each channel's rows of more leads than visits or more customers than leads,
        #: ``(month, visits, leads, customers)`` in the order of the rows (customers NaN
        #: when not measured); notes written later are appended as text
        self.quality: dict[str, list[tuple[Date, float, float, float] | str]] = {}
        #: how many months of each channel had customers not measured (in some row)
        self.unknown: dict[str, int] = {}
        #: how many months of each channel had visits (``"visits"``) or leads
        #: (``"leads"``) not measured in some row (NaN in their columns: unknown, not 0)
        self.unmeasured: dict[str, dict[str, int]] = {}
        #: the channels with a month of more leads than visits (its sums)
        self.over: set[str] = set()
        #: whether some channel's month was given by several rows
        self.repeated = False
        #: the channels in the order their rows were first met
        self.met: list[str] = []

    def of_channels(self, names: Set[str]) -> RowPass:
        """What the pass found of the channels ``names`` alone: what a pass over their
        rows alone finds (a channel's columns, notes and counts are of its own rows)."""
        out = RowPass()
        out.ordered = {name: got for name, got in self.ordered.items() if name in names}
        for field in ("spend_known", "spend_partial", "hours_known", "social_known",
                      "quality", "unknown", "unmeasured"):  # fmt: skip
            got = getattr(self, field)
            setattr(out, field, {name: got[name] for name in got if name in names})
        out.camp = {key: counts for key, counts in self.camp.items() if key[0] in names}
        out.over = self.over & names
        out.social_stock = self.social_stock & names
        out.repeated = self.repeated
        out.met = [name for name in self.met if name in names]
        return out


def row_pass(rows: Sequence[ChannelMonth]) -> RowPass:
    """The columns of each channel of ``rows``, in the order of the channels' names (a
    channel named elsewhere without rows has no data: it is not one of them)."""
    found = _row_pass(rows, None)
    assert found is not None  # (no cut: every row is taken)
    return found


def plain_row_pass(performance: Any, today: Date | None) -> RowPass | None:
    """:func:`row_pass` of the usual book: rows already read (a list or tuple of
    :class:`~goalrules.model.ChannelMonth`) of which none gives a medium and none a
    month not over by ``today`` (when given), rows :func:`~goalrules.judgments.
    channel_rows.read_rows` and :func:`~goalrules.judgments.channel_rows.done_by` give
    back as they are; ``None`` for any other book (found at its first row that is not:
    the pass stops there)."""
    if performance.__class__ not in (list, tuple):
        return None
    return _row_pass(performance, _dt.date.max if today is None else first_open_month(today))


def _row_pass(rows: Sequence[ChannelMonth], cut: Date | None) -> RowPass | None:
    """:func:`row_pass`; with ``cut`` (the first month not over), ``None`` as soon as a
    row is not of the usual book (:func:`plain_row_pass`)."""
    out = RowPass()
    per: dict[str, tuple[list[Date], list[float], list[float], list[float]]] = {}
    summed: set[str] = set()  # channels with an optional column: summed month by month
    quality = out.quality
    unknown = out.unknown  # (rows, not months, until a channel is summed month by month)
    last: str | None = None  # the channel of the row before (rows come a channel at a time)
    months: list[Date] = []
    visits_of: list[float] = []
    leads_of: list[float] = []
    customers_of: list[float] = []
    for r in rows:
        if (r.__class__ is not ChannelMonth or r.medium is not None) and cut is not None:
            return None  # not the usual book (a month not over: told by each channel's last)
        name = r.channel
        if name is not last:  # (the same str object: the same channel; else looked up)
            filed = per.get(name)
            if filed is None:
                filed = per[name] = ([], [], [], [])
            months, visits_of, leads_of, customers_of = filed
            last = name
        visits, leads, customers = r.visits, r.leads, r.customers
        if customers is None:  # not measured: NaN makes every sum it enters unknown
            customers = _NAN
            unknown[name] = unknown.get(name, 0) + 1
        if visits is None or leads is None:  # not measured: NaN, as customers
            visits, leads = _unmeasured(out, name, visits, leads)
        # (x: the sum 0.0 + x a month of one row has, as for many; counts are floats and
        # never -0.0, see ChannelMonth)
        months.append(r.month)
        visits_of.append(visits)
        leads_of.append(leads)
        customers_of.append(customers)
        if (
            r.spend is not None
            or r.hours is not None
            or r.followers is not None
            or r.engagements is not None
            or r.reach is not None
            or r.campaign
        ):  # the optional columns, read only for a row that has one
            summed.add(name)
        if leads > visits or customers > leads:  # (NaN customers: never more than leads)
            notes = quality.get(name)
            if notes is None:
                notes = quality[name] = []
            notes.append((r.month, visits, leads, customers))
            if leads > visits:  # a month of this row alone: its sums say the same
                out.over.add(name)
    out.met = list(per)
    ordered = out.ordered
    in_order_seen: Sequence[Date] = ()  # the months of the channel before, in order
    for name in sorted(per):
        months, *columns = per[name]
        if name in summed:
            if cut is not None and max(months) >= cut:
                return None  # a month not over: not the usual book
            continue
        # the channels of a book mostly share their months: months equal to those of the
        # channel before, found in order, are in order (an equality a month, no order test)
        if months != in_order_seen and not all(map(_LT, months, months[1:])):
            # not in order, or a month twice: each row's entry sorted by its month (stable:
            # rows of a month in order)
            in_order = sorted(zip(months, *columns, strict=True), key=_month_of)
            months, *columns = map(list, zip(*in_order, strict=True))
            if not all(map(_LT, months, months[1:])):
                summed.add(name)  # a month of several rows
        if cut is not None and months[-1] >= cut:  # (its months in order: the last)
            return None  # a month not over: not the usual book
        if name in summed:
            continue
        in_order_seen = months
        ordered[name] = (months, (*columns, _NO_COLUMN, _NO_COLUMN, _NO_COLUMN))
    if summed:  # each channel summed month by month from its rows, in their order
        rows_of: dict[str, list[ChannelMonth]] = {name: [] for name in summed}
        for r in rows:
            got = rows_of.get(r.channel)
            if got is not None:
                got.append(r)
        for name in sorted(summed):
            ordered[name] = summed_up = _summed(name, rows_of[name], out)
            out.over.discard(name)  # (a month's sums, not its rows)
            if any(map(operator.gt, summed_up[1][1], summed_up[1][0])):
                out.over.add(name)
        out.ordered = {name: ordered[name] for name in sorted(ordered)}
    return out


def _unmeasured(
    out: RowPass, name: str, visits: float | None, leads: float | None
) -> tuple[float, float]:
    """A row's visits and leads, NaN for one not measured (``None``), counted in
    ``out.unmeasured`` (rows, not months, until a channel is summed month by month)."""
    counts = out.unmeasured.setdefault(name, {})
    if visits is None:
        counts["visits"] = counts.get("visits", 0) + 1
    if leads is None:
        counts["leads"] = counts.get("leads", 0) + 1
    return _NAN if visits is None else visits, _NAN if leads is None else leads


def _month_of(entry: tuple[Any, ...]) -> Date:
    """An entry's month."""
    return entry[0]  # type: ignore[no-any-return]


def _summed(name: str, rows: list[ChannelMonth], out: RowPass) -> Columns:
    """The months in order and the columns of a channel whose rows are summed month by
    month (several rows of a month, or optional columns), in the order of the rows."""
    by_month: dict[Date, list[float]] = {}
    unknown: set[Date] = set()
    no_spend: set[Date] = set()  # months with a row without spend (hours)
    no_hours: set[Date] = set()
    unmeasured: dict[str, set[Date]] = {"visits": set(), "leads": set()}
    for r in rows:
        month = r.month
        customers = r.customers
        if customers is None:  # not measured: NaN makes every sum it enters unknown
            customers = math.nan
            unknown.add(month)
        visits, leads = r.visits, r.leads
        if visits is None or leads is None:  # not measured: NaN, as customers
            for what, value in (("visits", visits), ("leads", leads)):
                if value is None:
                    unmeasured[what].add(month)
            visits = math.nan if visits is None else visits
            leads = math.nan if leads is None else leads
        m = by_month.get(month)
        if m is None:  # (0.0 + x: the sum a month of one row has, as for many)
            m = by_month[month] = [0.0 + visits, 0.0 + leads, 0.0 + customers, 0.0, 0.0, 0.0]
        else:
            out.repeated = True
            m[0] += visits
            m[1] += leads
            m[2] += customers
        if r.spend is not None:
            m[3] += r.spend
            out.spend_known.setdefault(name, set()).add(month)
        else:
            no_spend.add(month)
        if r.hours is not None:
            m[4] += r.hours
            out.hours_known.setdefault(name, set()).add(month)
        else:
            no_hours.add(month)
        social = (
            r.followers
            if r.followers is not None
            else r.engagements
            if r.engagements is not None
            else r.reach
        )
        if social is not None:
            if r.followers is not None:
                out.social_stock.add(name)
            m[5] += social
            known = out.social_known.setdefault(name, {})
            known[month] = known.get(month, 0.0) + social
        if r.campaign:
            c = out.camp.get((name, r.campaign))
            if c is None:
                c = out.camp[(name, r.campaign)] = [0.0, 0.0, 0.0]
            c[0] += visits
            c[1] += leads
            c[2] += customers  # unknown: NaN, as the month
    # a month whose spend (hours) some rows gave and others not: its spend is unknown,
    # not the sum of the rows that gave it (an organic row beside a paid one is not 0)
    spent = out.spend_known.get(name)
    if spent is not None and no_spend and not spent.isdisjoint(no_spend):
        out.spend_partial[name] = len(spent & no_spend)
        spent -= no_spend
    worked = out.hours_known.get(name)
    if worked is not None and no_hours:
        worked -= no_hours
    if unknown:
        out.unknown[name] = len(unknown)  # months, not rows
    else:
        out.unknown.pop(name, None)
    counted = {what: len(months) for what, months in unmeasured.items() if months}
    if counted:
        out.unmeasured[name] = counted  # months, not rows
    else:
        out.unmeasured.pop(name, None)
    months = sorted(by_month)
    # (every month's sums are six: strict=False spares zip's check of their lengths)
    columns = tuple(zip(*map(by_month.__getitem__, months), strict=False))
    return tuple(months), columns
