"""The evidence a channel decision looks at: per channel and for the portfolio.

:func:`channel_evidence` measures each channel from monthly rows (months observed,
formats tried, volume shares, lead and customer rates with Wilson intervals, cost per
lead and per customer, Theil-Sen trends, whether it fulfils its role) and the
portfolio: the channels judged together, whose lead rate is their leads over their
visits (the visit-weighted mean of their lead rates).
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import attrs

from goalrules.dsl.runtime import DQ
from goalrules.engine.lazy_facts import LazyFields
from goalrules.judgments.built_by_slots import built_by_slots
from goalrules.judgments.channel_measures import (
    MonthDays,
    MonthTotals,
    customers_note,
    ended_note,
    flow_trend,
    known_count,
    known_total,
    month_days,
    month_totals,
    months_apart,
    numbered,
    rate_interval,
    share_of,
    share_param,
    shares_note,
    shares_of,
    social_note,
    spend_note,
    trend,
    unmeasured_notes,
)
from goalrules.judgments.channel_on_read import on_read
from goalrules.judgments.channel_pass import RowPass, row_pass
from goalrules.judgments.channel_rows import as_rows, done_by, no_duplicates
from goalrules.judgments.stats import theil_sen_at, wilson_interval
from goalrules.model import Channel, ChannelMonth, Goal, Objective
from goalrules.units import known_currency, unit_info

__all__ = [
    "CampaignEvidence",
    "ChannelEvidence",
    "Portfolio",
    "channel_evidence",
    "customers_note",
    "decision_facts",
]

Date = _dt.date


@attrs.frozen
class CampaignEvidence:
    """One campaign of a channel over the period."""

    campaign: str
    visits: float | None  # None: not measured in some month of the campaign
    leads: float | None
    customers: float | None  # None: not measured in some month of the campaign
    lead_rate: float | None
    lead_rate_low: float | None
    lead_rate_high: float | None


@attrs.frozen
class Portfolio:
    """All channels together."""

    channels: int
    visits: float | None  # None: some channel's visits were not measured
    leads: float | None  # None: some channel's leads were not measured
    customers: float | None  # None: some channel's customers were not measured
    spend: float | None
    lead_rate: float | None
    customer_rate: float | None
    cost_per_lead: float | None
    currency: str = "USD"
    cost_per_customer: float | None = None
    #: the channels left out of the lead rate (a month of more leads than visits)
    left_out: int = 0
    #: the channels left out of the lead rate for visits or leads not measured
    unmeasured: int = 0

    def facts(self) -> dict[str, Any]:
        cur = unit_info(self.currency)
        return {
            "channels": self.channels,
            "visits": self.visits,
            "leads": self.leads,
            "customers": self.customers,
            "lead_rate": self.lead_rate,
            "customer_rate": self.customer_rate,
            "cost_per_lead": None
            if self.cost_per_lead is None
            else DQ(self.cost_per_lead, (*cur.key, ("[lead]", -1))),
            "cost_per_customer": None
            if self.cost_per_customer is None
            else DQ(self.cost_per_customer, (*cur.key, ("[customer]", -1))),
        }


#: ``Portfolio(...)`` with every field given positionally, in order
_new_portfolio = built_by_slots(Portfolio)


@attrs.frozen
class ChannelEvidence:
    """What the decision looks at for one channel (totals over the months observed)."""

    channel: str
    role: Objective | None
    months: int
    formats_tried: tuple[str, ...] | None
    visits: float | None  # None: not measured in every month observed (unknown, not 0)
    leads: float | None  # None: not measured in every month observed
    customers: float | None  # None: not measured in every month observed
    spend: float | None
    hours: float | None
    visits_share: float | None
    leads_share: float | None
    lead_rate: float | None
    lead_rate_low: float | None
    lead_rate_high: float | None
    customer_rate: float | None
    customer_rate_low: float | None
    cost_per_lead: float | None
    # the Theil-Sen slope a month of the visits (leads) a day of each month, over their
    # mean a day (a month's length is no trend); None under two months or not measured
    visits_trend: float | None
    leads_trend: float | None
    role_metric_trend: float | None
    fulfils_role: bool | None
    campaigns: tuple[CampaignEvidence, ...] = ()
    quality: tuple[str, ...] = ()
    currency: str = "USD"
    cost_per_customer: float | None = None

    @property
    def formats(self) -> int | None:
        return None if self.formats_tried is None else len(self.formats_tried)

    def facts(self) -> dict[str, Any]:
        return _channel_facts(*map(self.__getattribute__, _FIELD_NAMES))


def _channel_facts(
    channel: str,
    role: Objective | None,
    months: int,
    formats_tried: tuple[str, ...] | None,
    visits: float | None,
    leads: float | None,
    customers: float | None,
    spend: float | None,
    hours: float | None,
    visits_share: float | None,
    leads_share: float | None,
    lead_rate: float | None,
    lead_rate_low: float | None,
    lead_rate_high: float | None,
    customer_rate: float | None,
    customer_rate_low: Any,
    cost_per_lead: float | None,
    visits_trend: Any,
    leads_trend: Any,
    role_metric_trend: Any,
    fulfils_role: Any,
    campaigns: Any,
    quality: Any,
    currency: str,
    cost_per_customer: float | None,
) -> dict[str, Any]:
    """``ChannelEvidence.facts`` of these field values (in the order of its fields)."""
    cur = unit_info(currency)
    return {
        "id": channel,
        "role": role.value if role else None,
        "formats_tried": list(formats_tried) if formats_tried is not None else None,
        "formats": None if formats_tried is None else len(formats_tried),
        "months": months,
        "visits": visits,
        "leads": leads,
        "customers": customers,
        "spend": None if spend is None else DQ(spend, cur.key),
        "hours": hours,
        "lead_rate": lead_rate,
        "lead_rate_low": lead_rate_low,
        "lead_rate_high": lead_rate_high,
        "customer_rate": customer_rate,
        "customer_rate_low": customer_rate_low,
        "cost_per_lead": None
        if cost_per_lead is None
        else DQ(cost_per_lead, (*cur.key, ("[lead]", -1))),
        "visits_trend": visits_trend,
        "leads_trend": leads_trend,
        "visits_share": visits_share,
        "leads_share": leads_share,
        "fulfils_role": fulfils_role,
        "role_metric_trend": role_metric_trend,
        "cost_per_customer": None
        if cost_per_customer is None
        else DQ(cost_per_customer, (*cur.key, ("[customer]", -1))),
    }


#: the fields of a channel's evidence computed when first read: its trends (the
#: decision reads them only when no rule of higher priority decides), whether it
#: fulfils its role (which may read a trend) and the customer rate's Wilson bound
#: (the facts a decision may leave pending), then its data-quality notes
ON_READ = (
    "visits_trend",
    "leads_trend",
    "role_metric_trend",
    "fulfils_role",
    "customer_rate_low",
    "quality",
)
FACTS_ON_READ = ON_READ[:5]


class _Pending(partial[Any]):
    """A channel's fields not computed yet: ``pending(name)`` computes field ``name`` (a
    ``functools.partial`` of :func:`~goalrules.judgments.channel_on_read.on_read` over
    the channel's numbers, made in C; one a channel, in each of its slots still to
    compute, and the fill of its decision's facts)."""

    __slots__ = ()


def _computed_on_read(name: str, slot: Any) -> property:
    """The field of ``slot`` (its member descriptor) as a property whose value, when it
    is a :class:`_Pending`, is computed on first read and stored in the slot, so that
    every reader (the attrs ``__eq__``, ``__hash__``, ``__repr__``, ``asdict``,
    ``evolve``, pickling) sees the value, never the pending. Setting goes straight to the
    slot (as attrs' ``__init__`` sets it)."""
    read, store = slot.__get__, slot.__set__

    def value(ev: ChannelEvidence) -> Any:
        got = read(ev, ChannelEvidence)
        if got.__class__ is _Pending:
            got = got(name)
            store(ev, got)
        return got

    return property(value, store, slot.__delete__, slot.__doc__)


_SLOTS = {name: ChannelEvidence.__dict__[name] for name in ON_READ}
for _name, _slot in _SLOTS.items():
    setattr(ChannelEvidence, _name, _computed_on_read(_name, _slot))
#: ChannelEvidence's fields in order, and a reader of each that computes nothing (a field
#: computed on read is read from its slot, as it stands)
_FIELD_NAMES = tuple(a.name for a in attrs.fields(ChannelEvidence))
_RAW_READERS = tuple(
    _SLOTS[name].__get__ if name in _SLOTS else operator.attrgetter(name) for name in _FIELD_NAMES
)
_FACTS_ON_READ = frozenset(FACTS_ON_READ)
#: the order of a channel's facts (``ChannelEvidence.facts``)
_FACT_ORDER = tuple(
    ChannelEvidence("", None, 0, None, 0.0, 0.0, None, None, None, None, None, None, None,
                    None, None, None, None, None, None, None, None).facts()
)  # fmt: skip


def decision_facts(ev: ChannelEvidence) -> dict[str, Any]:
    """``ev.facts()``, with the fields not computed yet left to compute when a rule
    first reads them (a :class:`~goalrules.engine.lazy_facts.LazyFields`)."""
    raw = [read(ev) for read in _RAW_READERS]
    facts = _channel_facts(*raw)
    pending = [
        name
        for name, value in zip(_FIELD_NAMES, raw, strict=True)
        if value.__class__ is _Pending and name in _FACTS_ON_READ
    ]
    if not pending:
        return facts
    for name in pending:
        del facts[name]
    return LazyFields(facts, _FACTS_ON_READ, partial(getattr, ev), _FACT_ORDER)


#: a column of every channel's months, one after the other (for its exactly rounded sum)
_chain = itertools.chain.from_iterable
_COLUMN = tuple(map(operator.itemgetter, range(6)))


def _campaign(name: str, counts: list[float]) -> CampaignEvidence:
    visits, leads, customers = map(known_total, counts)  # (not measured: unknown)
    # more leads than visits: leads are no share of visits, there is no rate to give
    lead_rate, lo, hi = (
        (None, None, None)
        if visits is None or (leads is not None and leads > visits)
        else rate_interval(leads, visits)
    )
    return CampaignEvidence(name, visits, leads, customers, lead_rate, lo, hi)


def _roles(channels: Iterable[Channel | str], goals: Iterable[Goal]) -> dict[str, Channel]:
    out: dict[str, Channel] = {}
    for g in goals:  # a goal on a channel gives it a role unless the channel says one
        if g.channel and g.objective and g.channel != "all":
            out.setdefault(g.channel, Channel(g.channel, role=g.objective))
    for c in channels:
        ch = c if isinstance(c, Channel) else Channel(c)
        if ch.role is None and ch.id in out:
            ch = attrs.evolve(ch, role=out[ch.id].role)
        out[ch.id] = ch
    return out


def channel_evidence(
    performance: Iterable[ChannelMonth | Mapping[str, Any]],
    *,
    channels: Iterable[Channel | str] = (),
    goals: Iterable[Goal] = (),
    today: Date | None = None,
    role_share: float = 0.15,
    currency: str = "USD",
) -> tuple[dict[str, ChannelEvidence], Portfolio]:
    """Measure every channel and the portfolio from monthly rows.

    Rows of the same channel and month (campaigns) are added up; a month not over by
    ``today`` (the month under way, and any after it) is left out. Leads above visits,
    or customers above leads, are reported as data-quality notes
    (``ChannelEvidence.quality``), not dropped. Customers not measured (``None``) in any
    month make the channel's total unknown (``None``, with a note when some months were
    measured), and the portfolio's with it; visits or leads not measured likewise, and
    what is taken from them (rates, shares, trends), with a note; the portfolio's lead
    rate is then that of the channels measured.
    """
    currency = known_currency(currency)  # (any ISO 4217 code, or an error naming it)
    rows = as_rows(performance)
    if today is not None:  # the months over by today (one under way reads as a fall)
        rows = done_by(rows, today)[0]
    return measure(rows, _roles(channels, goals), role_share, currency)


def measure(
    rows: Sequence[ChannelMonth], info: Mapping[str, Channel], role_share: float, currency: str
) -> tuple[dict[str, ChannelEvidence], Portfolio]:
    """:func:`channel_evidence` of rows already read and filtered, with each channel's
    role and formats (``info``): one pass over the rows, then each channel measured
    once (its months in order, its trends from one list of months)."""
    fields, portfolio = _measured(rows, info, role_share, currency, None)
    return {name: ChannelEvidence(*values) for name, values in fields.items()}, portfolio


def measure_for_decisions(
    rows: Sequence[ChannelMonth],
    info: Mapping[str, Channel],
    role_share: Any,
    currency: str,
    *,
    unchecked: list[ChannelMonth] | None = None,
    flat: float = 0.02,
    found: RowPass | None = None,
) -> tuple[dict[str, tuple[EvidenceToBuild, dict[str, Any]]], Portfolio]:
    """:func:`measure` for deciding: each channel's evidence still to build (on first
    read, by ``ChannelDecision.evidence``) and its :func:`decision_facts`, made from the
    same values (the fields computed on read computed once, by whichever reads them
    first). ``role_share`` is read as the ruleset's param (a share, or text such as
    ``"15 %"``) after the pass over the rows; ``unchecked``, the rows as read when
    ``rows`` are all of them, not yet checked for duplicates: checked
    (:func:`~goalrules.judgments.channel_rows.no_duplicates`) when the pass finds a
    channel's month given by several rows, before anything else is read. ``flat``: the
    ruleset's param (a trend within +/- it a month is steady), which a traffic driver's
    role reads. ``found``: the pass over ``rows`` when it is made already
    (:func:`~goalrules.judgments.channel_pass.plain_row_pass`)."""
    facts: dict[str, dict[str, Any]] = {}
    fields, portfolio = _measured(rows, info, role_share, currency, facts, unchecked, flat, found)
    return {
        name: (EvidenceToBuild(_evidence_of, values), facts[name])
        for name, values in fields.items()
    }, portfolio


class EvidenceToBuild(partial[ChannelEvidence]):
    """A channel's evidence not built yet: :func:`_evidence_of` and the tuple of its
    field values (one argument: the partial made without the fields copied one by
    one)."""

    __slots__ = ()


def _evidence_of(values: tuple[Any, ...]) -> ChannelEvidence:
    """``ChannelEvidence`` of its field values, in order."""
    return ChannelEvidence(*values)


def _measured(
    rows: Sequence[ChannelMonth],
    info: Mapping[str, Channel],
    share: Any,
    currency: str,
    facts: dict[str, dict[str, Any]] | None,
    unchecked: list[ChannelMonth] | None = None,
    flat: float = 0.02,
    found: RowPass | None = None,
) -> tuple[dict[str, tuple[Any, ...]], Portfolio]:
    """Each channel's evidence as its field values, in order, and the portfolio; with
    ``facts``, each channel's :func:`decision_facts` are put in it (``share``,
    ``unchecked`` and ``found``: as :func:`measure_for_decisions` reads them)."""
    if found is None:  # (a channel of info without rows: no data, not measured)
        found = row_pass(rows)
    if found.repeated and unchecked is not None:  # rows of a month: are two the same?
        no_duplicates(unchecked)
    role_share = share_param(share)
    ordered, quality, unknown = found.ordered, found.quality, found.unknown
    spend_known, hours_known, social_known, social_stock = (
        found.spend_known,
        found.hours_known,
        found.social_known,
        found.social_stock,
    )
    # exactly rounded sums: the portfolio is the same whatever the channels' order or names
    every = [c for _, c in ordered.values()]
    total_visits = math.fsum(_chain(map(_COLUMN[0], every)))
    total_leads = math.fsum(_chain(map(_COLUMN[1], every)))
    total_customers = math.fsum(_chain(map(_COLUMN[2], every)))
    # spend recorded in some months of a channel and not others: its total is unknown
    # (not the sum of the months recorded), and it is left out of the portfolio's cost
    spend_partly = {ch for ch, ms in spend_known.items() if len(ms) < len(ordered[ch][0])}
    paid = [ordered[ch][1] for ch in spend_known if ch not in spend_partly]
    spend_total = math.fsum(_chain(map(_COLUMN[3], paid)))
    # the portfolio's cost per lead (customer) is that of the channels with a cost: spend
    # recorded and not 0 (a channel of 0 spend has no cost per lead, and its free leads
    # are no part of what a lead costs: they made a paid channel read 'over 2 times the
    # portfolio's')
    costed = [c for c in paid if math.fsum(c[3]) > 0]
    leads_with_spend = math.fsum(_chain(map(_COLUMN[1], costed)))
    customers_with_spend = math.fsum(_chain(map(_COLUMN[2], costed)))
    # one channel's spend alone is no benchmark for its own cost: the portfolio's cost per
    # lead (customer) is that of two channels or more, else unknown (not the channel's
    # own cost, against which it would always read as "in line")
    benchmark = len(costed) >= 2
    # a channel with a month of more leads than visits (leads not all from its visits, or
    # visits and leads in different units): its leads are no share of its visits, so it
    # has no lead rate, and the portfolio's rate is that of the other channels
    over = found.over
    # a channel whose visits or leads were not measured in some month: no lead rate, and
    # the portfolio's is that of the other channels (its total visits and leads unknown)
    unmeasured = found.unmeasured
    if over or unmeasured:
        rated = [
            c for name, (_, c) in ordered.items() if name not in over and name not in unmeasured
        ]
        rate_visits = math.fsum(_chain(map(_COLUMN[0], rated)))
        rate_leads = math.fsum(_chain(map(_COLUMN[1], rated)))
    else:
        rate_visits, rate_leads = total_visits, total_leads
    p_rate = rate_leads / rate_visits if rate_visits else None
    # one channel's customers unknown: the portfolio's total, rate and cost are unknown
    known_customers = known_total(total_customers)
    if known_customers is None:
        customers_with_spend = 0.0
    # (visits, leads: the same, a channel's not measured makes the portfolio's unknown)
    known_visits, known_leads = known_total(total_visits), known_total(total_leads)
    if math.isnan(leads_with_spend):
        leads_with_spend = 0.0
    # (Portfolio(...), its fields in order: made by its slots, see built_by_slots)
    portfolio = _new_portfolio(
        len(ordered),  # channels
        known_visits,
        known_leads,
        known_customers,
        spend_total if paid else None,  # spend
        min(p_rate, 1.0) if p_rate is not None else None,  # lead_rate
        known_customers / known_leads  # customer_rate
        if known_customers is not None and known_leads
        else None,
        spend_total / leads_with_spend  # cost_per_lead
        if benchmark and spend_total and leads_with_spend
        else None,
        currency,
        spend_total / customers_with_spend  # cost_per_customer
        if benchmark and spend_total and customers_with_spend
        else None,
        len(over),  # left_out
        len(unmeasured.keys() - over),  # unmeasured
    )
    evidence: dict[str, tuple[Any, ...]] = {}
    campaigns: dict[str, list[str]] = {}
    camp = found.camp
    for channel_name, campaign in sorted(camp):
        campaigns.setdefault(channel_name, []).append(campaign)
    isnan = math.isnan
    # each shape of months' slope function and days a month (consecutive months from one
    # start: mostly one shape for the book)
    slopes: dict[tuple[int, int], tuple[Callable[[Sequence[float]], float], MonthDays]] = {}
    cur_key = unit_info(currency).key
    # the channels' last month: a channel whose rows end before it has its months since
    # unknown (not 0), said in a note
    latest = max([ms[-1] for ms, _ in ordered.values() if ms], default=None)
    # and their first: a channel of fewer months than theirs has its shares of visits and
    # leads taken over its own months (a channel started in September is not "few visits"
    # for the months before it), said in a note
    earliest = min([ms[0] for ms, _ in ordered.values() if ms], default=None)
    span = 0 if latest is None or earliest is None else months_apart(earliest, latest) + 1
    by_month: MonthTotals | None = None  # made when needed
    totals = (known_visits, known_leads)
    for name, (months, columns) in ordered.items():
        n = len(months)
        visits_by_month, leads_by_month, customers_by_month, spends, hours_by_month = columns[:5]
        visits: float | None = sum(visits_by_month)  # months in order: the same sum whatever
        leads: float | None = sum(leads_by_month)  # the rows' order
        # no month observed (a channel named without rows): its customers were not measured
        customers = sum(customers_by_month) if n else None
        if customers is not None and isnan(customers):  # (known_total)
            customers = None
        notes = quality.get(name)
        if n and latest is not None and months[-1] < latest:
            if notes is None:
                notes = quality[name] = []
            notes.append(ended_note(months[-1], latest))
        own = totals  # what its shares are of: the channels' visits and leads (in its months)
        customers_of = known_customers  # and customers
        if n and (n != span or months[0] != earliest):  # not every month from first to last
            if by_month is None:
                by_month = month_totals(ordered)
            if n < len(by_month):  # not every month of the channels judged: its own months
                of_visits, of_leads, of_customers = shares_of(months, by_month)
                own, customers_of = (of_visits, of_leads), known_total(of_customers)
                if notes is None:
                    notes = quality[name] = []
                notes.append(shares_note(n, len(by_month)))
        if name in unknown and unknown[name] < n:
            if notes is None:
                notes = quality[name] = []
            notes.append(customers_note(n, n - unknown[name]))
        if name in unmeasured:  # visits or leads not measured: unknown, never 0
            visits, leads = known_count(visits), known_count(leads)
            if notes is None:
                notes = quality[name] = []
            notes.extend(unmeasured_notes(n, unmeasured[name]))
        spend = hours = None
        if name in spend_known:
            if name in spend_partly:
                if notes is None:
                    notes = quality[name] = []
                notes.append(
                    spend_note(n, len(spend_known[name]), found.spend_partial.get(name, 0))
                )
            else:
                spend = sum(spends)
        if name in hours_known and len(hours_known[name]) == n:
            hours = sum(hours_by_month)
        # (rate_interval, written out)
        lead_rate = lo = hi = None
        if name not in over and visits is not None and leads is not None and not visits <= 0:
            k = visits if visits < leads else leads
            lo, hi = wilson_interval(k, visits)
            lead_rate = k / visits
        ch = info.get(name)
        role = ch.role if ch else None
        visits_share = share_of(visits, own[0])
        leads_share = share_of(leads, own[1])
        # the fields computed on first read (ON_READ), one pending for them all: the
        # trends (two months or more), whether the channel fulfils its role (with no role
        # there is no job to check: it stays None), the customer rate's Wilson bound and
        # the data-quality notes (when there are any)
        slope: Any = None
        days: MonthDays | None = None
        if n >= 2:  # the months numbered (numbered, written out): consecutive, mostly
            first, last = months[0], months[-1]
            start = first.year * 12 + first.month
            shape = (start, n) if last.year * 12 + last.month - start == n - 1 else None
            known = slopes.get(shape) if shape is not None else None
            if known is None:  # the months' slope function and days, once for channels of
                # the same consecutive months, mostly; the columns' sums are floats (0.0 + x)
                known = (theil_sen_at(numbered(months), floats=True), month_days(months))
                if shape is not None:
                    slopes[shape] = known
            slope, days = known
        social_by_month = columns[5] if name in social_known else None
        # engagements or reach (not followers, a count at a date): read a day, as visits
        social_flow = social_by_month is not None and name not in social_stock
        memo: dict[str, Any] = {}
        if social_by_month is not None and len(social_known[name]) < n:
            # followers, engagements or reach recorded in some months: the trend of those
            # months (a month not recorded is not a month of 0 followers)
            recorded = social_known[name]
            if notes is None:
                notes = quality[name] = []
            notes.append(social_note(n, len(recorded)))
            if len(recorded) < 2:
                social_by_month = None
            else:
                shown = sorted(recorded)
                memo["role_metric_trend"] = (flow_trend if social_flow else trend)(
                    shown, [recorded[d] for d in shown]
                )
        pending = _Pending(
            on_read,
            (slope, visits_by_month, leads_by_month, social_by_month, visits, leads, customers,
             role, visits_share, lo, leads_share, portfolio, role_share, flat, notes,
             customers_of, days, social_flow),
            memo,
        )  # fmt: skip
        trends: Any = None if slope is None else pending
        social_trend: Any = trends if social_by_month is not None else None
        fulfils: Any = None if role is None else pending
        cust_rate: float | None = None  # as rate_interval gives it
        clo: Any = None
        if customers is not None and leads is not None and not leads <= 0:
            cust_rate = (leads if leads < customers else customers) / leads
            clo = pending
        # no formats listed: not given (the trial counts months only), not "none tried"
        formats = ch.formats_tried if ch is not None and ch.formats_tried else None
        # no paid spend (none recorded, or zero): cost per lead does not apply
        cost_per_lead = (spend / leads) if spend and leads else None
        cost_per_customer = (spend / customers) if spend and customers else None
        # the evidence's fields, in order (ChannelEvidence's)
        evidence[name] = (
            name, role, n, formats, visits, leads, customers, spend, hours, visits_share,
            leads_share, lead_rate, lo, hi, cust_rate, clo, cost_per_lead, trends, trends,
            social_trend, fulfils,
            tuple(_campaign(c, camp[(name, c)]) for c in campaigns[name])
            if name in campaigns
            else (),
            () if notes is None else pending, currency, cost_per_customer,
        )  # fmt: skip
        if facts is None:
            continue
        # decision_facts: the fields that may be pending (the trends, whether it fulfils
        # its role, the customer rate's Wilson bound) put in only when known (None): a
        # pending one is left to the LazyFields' fill (no entry made to be deleted). At
        # most 15 pairs in the literal: CPython builds a larger one a pair at a time,
        # growing the dict twice (about 3.5 times the work); the rest are put in after
        mine = {
            "id": name,
            "role": role.value if role else None,
            "formats_tried": list(formats) if formats is not None else None,
            "formats": None if formats is None else len(formats),
            "months": n,
            "visits": visits,
            "leads": leads,
            "customers": customers,
            "spend": None if spend is None else DQ(spend, cur_key),
            "hours": hours,
            "lead_rate": lead_rate,
            "lead_rate_low": lo,
            "lead_rate_high": hi,
            "customer_rate": cust_rate,
            "cost_per_lead": None
            if cost_per_lead is None
            else DQ(cost_per_lead, (*cur_key, ("[lead]", -1))),
        }
        mine["visits_share"] = visits_share
        mine["leads_share"] = leads_share
        mine["cost_per_customer"] = (
            None
            if cost_per_customer is None
            else DQ(cost_per_customer, (*cur_key, ("[customer]", -1)))
        )
        if slope is None:
            mine["visits_trend"] = mine["leads_trend"] = None
        if social_trend is None:
            mine["role_metric_trend"] = None
        if fulfils is None:
            mine["fulfils_role"] = None
        if clo is None:
            mine["customer_rate_low"] = None
        if slope is None and fulfils is None and clo is None:  # nothing pending: a dict
            facts[name] = {key: mine[key] for key in _FACT_ORDER}  # (in the facts' order)
            continue
        facts[name] = LazyFields(mine, _FACTS_ON_READ, pending, _FACT_ORDER)
    return evidence, portfolio
