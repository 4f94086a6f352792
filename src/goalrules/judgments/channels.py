"""Keep, optimize or cut a channel: evidence per channel, UTM attribution and the
decision, a front over the shipped ``channels`` ruleset.

:func:`attribute_sessions` turns raw session rows (a landing URL with ``utm_*``
parameters, or ``utm_*`` columns, and a referrer) into monthly
:class:`~goalrules.model.ChannelMonth` rows; :func:`channel_evidence` measures each
channel (months observed, formats tried, volume share, lead and customer rates with
Wilson intervals, cost per lead, Theil-Sen trends, whether it fulfils its role) and the
portfolio; :func:`decide_channels` evaluates the ruleset on that evidence.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from goalrules.dates import as_date
from goalrules.dsl.runtime import DQ
from goalrules.engine import Report, RuleSet, shipped_ruleset
from goalrules.errors import DataError, GoalRulesError
from goalrules.judgments.stats import theil_sen, wilson_interval
from goalrules.model import Channel, ChannelMonth, Goal, Objective
from goalrules.model.tables import is_table, missing, records
from goalrules.numbers import format_count, format_money, format_percent
from goalrules.units import unit_info
from goalrules.vocabulary import UNATTRIBUTED

__all__ = [
    "ChannelDecision",
    "ChannelEvidence",
    "Decision",
    "Portfolio",
    "channel_evidence",
    "decide_channels",
]

Date = _dt.date


class Decision(enum.StrEnum):
    """What to do with a channel."""

    EXPERIMENT = "experiment"
    KEEP = "keep"
    OPTIMIZE = "optimize"
    REDUCE = "reduce"
    CUT = "cut"


#: How close to ``cut`` a decision is: keep, optimize and experiment all invest in the
#: channel; reduce is a step towards cutting it.
DECISION_RANK = {
    Decision.KEEP: 0,
    Decision.OPTIMIZE: 0,
    Decision.EXPERIMENT: 0,
    Decision.REDUCE: 1,
    Decision.CUT: 2,
}


# ------------------------------------------------------------------------------------
# evidence
# ------------------------------------------------------------------------------------


@attrs.frozen
class CampaignEvidence:
    """One campaign of a channel over the period."""

    campaign: str
    visits: float
    leads: float
    customers: float
    lead_rate: float | None
    lead_rate_low: float | None
    lead_rate_high: float | None


@attrs.frozen
class Portfolio:
    """All channels together."""

    channels: int
    visits: float
    leads: float
    customers: float
    spend: float | None
    lead_rate: float | None
    customer_rate: float | None
    cost_per_lead: float | None
    currency: str = "USD"

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
        }


@attrs.frozen
class ChannelEvidence:
    """What the decision looks at for one channel (totals over the months observed)."""

    channel: str
    role: Objective | None
    months: int
    formats_tried: tuple[str, ...] | None
    visits: float
    leads: float
    customers: float
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
    visits_trend: float | None
    leads_trend: float | None
    role_metric_trend: float | None
    fulfils_role: bool | None
    campaigns: tuple[CampaignEvidence, ...] = ()
    quality: tuple[str, ...] = ()
    currency: str = "USD"

    @property
    def formats(self) -> int | None:
        return None if self.formats_tried is None else len(self.formats_tried)

    def facts(self) -> dict[str, Any]:
        cur = unit_info(self.currency)
        return {
            "id": self.channel,
            "role": self.role.value if self.role else None,
            "formats_tried": list(self.formats_tried) if self.formats_tried is not None else None,
            "formats": self.formats,
            "months": self.months,
            "visits": self.visits,
            "leads": self.leads,
            "customers": self.customers,
            "spend": None if self.spend is None else DQ(self.spend, cur.key),
            "hours": self.hours,
            "lead_rate": self.lead_rate,
            "lead_rate_low": self.lead_rate_low,
            "lead_rate_high": self.lead_rate_high,
            "customer_rate": self.customer_rate,
            "customer_rate_low": self.customer_rate_low,
            "cost_per_lead": None
            if self.cost_per_lead is None
            else DQ(self.cost_per_lead, (*cur.key, ("[lead]", -1))),
            "visits_trend": self.visits_trend,
            "leads_trend": self.leads_trend,
            "visits_share": self.visits_share,
            "leads_share": self.leads_share,
            "fulfils_role": self.fulfils_role,
            "role_metric_trend": self.role_metric_trend,
        }


def _campaign(name: str, counts: list[float]) -> CampaignEvidence:
    visits, leads, customers = counts
    rate, lo, hi = _rate(leads, visits)
    return CampaignEvidence(name, visits, leads, customers, rate, lo, hi)


def _rate(x: float, n: float) -> tuple[float | None, float | None, float | None]:
    if n <= 0:
        return None, None, None
    lo, hi = wilson_interval(min(x, n), n)
    return min(x, n) / n, lo, hi


def _trend(months: Sequence[Date], values: Sequence[float]) -> float | None:
    """Theil-Sen slope per month relative to the mean (``None`` under 2 months)."""
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    if mean == 0:
        return 0.0
    xs = [d.year * 12 + d.month for d in months]
    return theil_sen(xs, values) / mean


_REQUIRED = ("channel", "month", "visits", "leads", "customers")


def _as_rows(performance: Any) -> list[ChannelMonth]:
    """ChannelMonth rows from rows, mappings (missing cells: NaN, None, blank, left to
    their defaults) or a pandas, polars or Arrow table."""
    if is_table(performance) or (
        isinstance(performance, Mapping)
        and all(isinstance(v, (list, tuple)) for v in performance.values())
    ):
        performance = records(performance)
    elif isinstance(performance, Mapping):
        raise DataError("expected rows of performance (a table or a list of rows), got one mapping")
    rows: list[ChannelMonth] = []
    for i, row in enumerate(performance, start=1):
        if isinstance(row, ChannelMonth):
            rows.append(row)
            continue
        if not isinstance(row, Mapping):
            raise DataError(
                f"row {i}: expected a mapping of column to value, got {type(row).__name__}",
                field=f"[{i}]",
            )
        empty = [k for k in _REQUIRED if k in row and missing(row[k])]
        if empty:
            raise DataError(
                f"row {i}: {', '.join(empty)} empty (write 0 if there were none): a missing "
                "count is not read as 0",
                field=f"[{i}].{empty[0]}",
            )
        try:
            rows.append(ChannelMonth(**{k: v for k, v in row.items() if not missing(v)}))
        except GoalRulesError as exc:
            raise exc.with_location(field=f"[{i}]") from None
        except TypeError as exc:
            raise DataError(f"row {i}: {exc}", field=f"[{i}]") from None
    return rows


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

    Rows of the same channel and month (campaigns) are added up; a month after
    ``today`` is left out. Leads above visits, or customers above leads, are reported
    as data-quality notes (``ChannelEvidence.quality``), not dropped.
    """
    rows = _as_rows(performance)
    info = _roles(channels, goals)
    today = as_date(today)
    if today is not None:
        rows = [r for r in rows if r.month <= today]
    per: dict[str, dict[Date, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0] * 7))
    spend_known: dict[str, bool] = defaultdict(bool)
    hours_known: dict[str, bool] = defaultdict(bool)
    social_known: dict[str, bool] = defaultdict(bool)
    camp: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    quality: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        m = per[r.channel][r.month]
        m[0] += r.visits
        m[1] += r.leads
        m[2] += r.customers
        if r.spend is not None:
            m[3] += r.spend
            spend_known[r.channel] = True
        if r.hours is not None:
            m[4] += r.hours
            hours_known[r.channel] = True
        social = (
            r.followers
            if r.followers is not None
            else r.engagements
            if r.engagements is not None
            else r.reach
        )
        if social is not None:
            m[5] += social
            social_known[r.channel] = True
        if r.campaign:
            c = camp[(r.channel, r.campaign)]
            c[0] += r.visits
            c[1] += r.leads
            c[2] += r.customers
        if r.leads > r.visits:
            quality[r.channel].append(
                f"{r.month:%Y-%m}: {r.leads:g} leads from {r.visits:g} visits "
                "(more leads than visits)"
            )
        if r.customers > r.leads:
            quality[r.channel].append(
                f"{r.month:%Y-%m}: {r.customers:g} customers from {r.leads:g} leads"
            )
    for name in info:
        per.setdefault(name, defaultdict(lambda: [0.0] * 7))
    total_visits = sum(v[0] for months in per.values() for v in months.values())
    total_leads = sum(v[1] for months in per.values() for v in months.values())
    total_customers = sum(v[2] for months in per.values() for v in months.values())
    spend_total = sum(
        v[3] for ch, months in per.items() if spend_known[ch] for v in months.values()
    )
    leads_with_spend = sum(
        v[1] for ch, months in per.items() if spend_known[ch] for v in months.values()
    )
    any_spend = any(spend_known.values())
    p_rate = total_leads / total_visits if total_visits else None
    portfolio = Portfolio(
        channels=len(per),
        visits=total_visits,
        leads=total_leads,
        customers=total_customers,
        spend=spend_total if any_spend else None,
        lead_rate=min(p_rate, 1.0) if p_rate is not None else None,
        customer_rate=total_customers / total_leads if total_leads else None,
        cost_per_lead=spend_total / leads_with_spend if spend_total and leads_with_spend else None,
        currency=currency,
    )
    evidence: dict[str, ChannelEvidence] = {}
    for name in sorted(per):
        months = sorted(per[name])
        vals = [per[name][d] for d in months]
        visits = sum(v[0] for v in vals)
        leads = sum(v[1] for v in vals)
        customers = sum(v[2] for v in vals)
        spend = sum(v[3] for v in vals) if spend_known[name] else None
        hours = sum(v[4] for v in vals) if hours_known[name] else None
        lead_rate, lo, hi = _rate(leads, visits)
        cust_rate, clo, _ = _rate(customers, leads)
        ch = info.get(name)
        role = ch.role if ch else None
        visits_share = visits / total_visits if total_visits else None
        leads_share = leads / total_leads if total_leads else None
        visits_trend = _trend(months, [v[0] for v in vals])
        leads_trend = _trend(months, [v[1] for v in vals])
        social_trend = _trend(months, [v[5] for v in vals]) if social_known[name] else None
        ev = ChannelEvidence(
            channel=name,
            role=role,
            months=len(months),
            formats_tried=ch.formats_tried
            if ch is not None and ch.formats_tried
            else (() if ch is not None else None),
            visits=visits,
            leads=leads,
            customers=customers,
            spend=spend,
            hours=hours,
            visits_share=visits_share,
            leads_share=leads_share,
            lead_rate=lead_rate,
            lead_rate_low=lo,
            lead_rate_high=hi,
            customer_rate=cust_rate,
            customer_rate_low=clo,
            # no paid spend (none recorded, or zero): cost per lead does not apply
            cost_per_lead=(spend / leads) if spend and leads else None,
            visits_trend=visits_trend,
            leads_trend=leads_trend,
            role_metric_trend=social_trend,
            fulfils_role=None,
            campaigns=tuple(_campaign(c, camp[(n, c)]) for (n, c) in sorted(camp) if n == name),
            quality=tuple(quality.get(name, ())),
            currency=currency,
        )
        evidence[name] = attrs.evolve(ev, fulfils_role=_fulfils(ev, portfolio, role_share))
    return evidence, portfolio


def _fulfils(ev: ChannelEvidence, portfolio: Portfolio, role_share: float) -> bool | None:
    """Whether the channel does the job of its role (``None``: cannot tell)."""
    role = ev.role
    if role is None:
        return False  # no role: it fulfils none
    if role is Objective.TRAFFIC:
        return (
            ev.visits_share is not None
            and ev.visits_share >= role_share
            and (ev.visits_trend or 0) >= -0.02
        )
    if role is Objective.LEADS:
        credible = (
            ev.lead_rate_low is not None
            and portfolio.lead_rate is not None
            and ev.lead_rate_low >= portfolio.lead_rate
        )
        return credible or (ev.leads_share is not None and ev.leads_share >= role_share)
    if role is Objective.CONVERSIONS:
        share = ev.customers / portfolio.customers if portfolio.customers else None
        credible = (
            ev.customer_rate_low is not None
            and portfolio.customer_rate is not None
            and ev.customer_rate_low >= portfolio.customer_rate
        )
        return credible or (share is not None and share >= role_share)
    # awareness, engagement, community...: judged by their own metric when it is tracked
    if ev.role_metric_trend is None:
        return None
    return ev.role_metric_trend > 0


# ------------------------------------------------------------------------------------
# decisions
# ------------------------------------------------------------------------------------


@attrs.frozen
class ChannelDecision:
    """The decision for one channel, with its reasons and evidence."""

    channel: str
    decision: Decision
    given_reasons: tuple[str, ...] | None = attrs.field(alias="reasons")
    evidence: ChannelEvidence
    report: Report = attrs.field(repr=False, eq=False)
    medium: str | None = None  # "organic" or "paid" for one medium of a network
    network: str | None = None  # the network of a (network, medium) decision
    portfolio: Any = attrs.field(default=None, repr=False, eq=False)

    @functools.cached_property
    def reasons(self) -> tuple[str, ...]:
        """The deciding rule's message, then the evidence in numbers (written on first
        use: deciding many channels does not render messages nobody reads)."""
        if self.given_reasons is not None:
            return self.given_reasons
        decided = self.report.decided_by
        out = [decided.message] if decided is not None else []
        if self.portfolio is not None:
            out += _evidence_lines(self.evidence, self.portfolio)
        return tuple(out)

    def _repr_html_(self) -> str:
        return _card(self.channel, self.decision.value, self.to_dict()["evidence"],
                     " ".join(self.reasons))  # fmt: skip

    def to_frame(self, kind: str = "pandas") -> Any:
        """One row: the channel, its decision and its evidence."""
        return decisions_frame([self], kind)

    def to_dict(self) -> dict[str, Any]:
        ev = self.evidence
        return {
            "channel": self.channel,
            "network": self.network or self.channel,
            "medium": self.medium,
            "decision": self.decision.value,
            "reasons": list(self.reasons),
            "evidence": {
                "months": ev.months,
                "formats_tried": list(ev.formats_tried) if ev.formats_tried is not None else None,
                "visits": ev.visits,
                "leads": ev.leads,
                "customers": ev.customers,
                "spend": ev.spend,
                "lead_rate": _r(ev.lead_rate),
                "lead_rate_ci": [_r(ev.lead_rate_low), _r(ev.lead_rate_high)],
                "customer_rate": _r(ev.customer_rate),
                "cost_per_lead": _r(ev.cost_per_lead),
                "visits_share": _r(ev.visits_share),
                "visits_trend": _r(ev.visits_trend),
                "leads_trend": _r(ev.leads_trend),
                "role": ev.role.value if ev.role else None,
                "fulfils_role": ev.fulfils_role,
                "data_quality": list(ev.quality),
            },
            "campaigns": [
                {
                    "campaign": c.campaign,
                    "visits": c.visits,
                    "leads": c.leads,
                    "customers": c.customers,
                    "lead_rate": _r(c.lead_rate),
                    "lead_rate_ci": [_r(c.lead_rate_low), _r(c.lead_rate_high)],
                }
                for c in ev.campaigns
            ],
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _pct(x: float | None) -> str:
    return format_percent(x)


def _evidence_lines(ev: ChannelEvidence, p: Portfolio) -> list[str]:
    lines = []
    if ev.lead_rate is not None:
        ci = f"{_pct(ev.lead_rate_low)}-{_pct(ev.lead_rate_high)}"
        lines.append(
            f"lead rate {_pct(ev.lead_rate)} (95 % CI {ci}) vs portfolio {_pct(p.lead_rate)}"
        )
    lines.append(
        f"{format_count(ev.visits, 'visit')} ({_pct(ev.visits_share)} of all), "
        f"{format_count(ev.leads, 'lead')}, {format_count(ev.customers, 'customer')} "
        f"over {format_count(ev.months, 'month')}"
    )
    if ev.visits_trend is not None:
        visits, leads = (
            format_percent(t or 0, signed=True) for t in (ev.visits_trend, ev.leads_trend)
        )
        lines.append(f"trend a month: visits {visits}, leads {leads}")
    if ev.cost_per_lead is not None:
        money = p.cost_per_lead
        tail = f" vs portfolio {format_money(money, ev.currency)}" if money is not None else ""
        lines.append(f"cost per lead {format_money(ev.cost_per_lead, ev.currency)}{tail}")
    lines.extend(f"data quality: {q}" for q in ev.quality)
    return lines


@functools.lru_cache(maxsize=32)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("channels", params=dict(params) if params else None)


def decide_channels(
    performance: Iterable[ChannelMonth | Mapping[str, Any]] | Any,
    goals: Iterable[Goal] = (),
    channels: Iterable[Channel | str] = (),
    today: Date | None = None,
    *,
    rules: RuleSet | None = None,
    currency: str = "USD",
    **params: Any,
) -> list[ChannelDecision]:
    """Decide experiment / keep / optimize / reduce / cut for every channel.

    ``performance`` holds monthly rows (:class:`~goalrules.model.ChannelMonth` or
    mappings with ``channel, month, visits, leads, customers`` and optional ``spend,
    hours, followers, engagements, reach, campaign, medium``), or a pandas, polars or
    Arrow table of them. ``channels`` gives roles and formats tried; a goal on a channel
    gives it a role too. Keyword ``params`` override the ruleset's (``trial_months=4``,
    ``low_volume="10 %"``); ``rules`` replaces it.

    A network with both ``organic`` and ``paid`` rows (``medium``) is also judged per
    medium, in the portfolio where it is split in two: its total decision comes first,
    then one per medium (``ChannelDecision.medium``).
    """
    rows = [r for r in _as_rows(performance) if r.channel != UNATTRIBUTED]
    today = as_date(today)
    totals = ChannelDecisions(_decide(rows, goals, channels, today, rules, currency, params))
    mediums: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.medium:
            mediums[r.channel].add(r.medium)
    paired = {ch for ch, ms in mediums.items() if len(ms) > 1}
    if not paired:
        return totals
    # a network with both organic and paid rows: each pair judged in the portfolio where
    # that network is split in two (the others whole), the network's total beside
    pairs = [
        attrs.evolve(r, channel=f"{r.channel} ({r.medium or 'organic'})", medium=None)
        if r.channel in paired
        else r
        for r in rows
    ]
    roles = _roles(channels, goals)
    pair_channels = [
        Channel(f"{c.id} ({m})", role=c.role, formats_tried=c.formats_tried)
        if c.id in paired
        else c
        for c in roles.values()
        for m in ("organic", "paid")
    ]
    by_pair = {
        d.channel: d for d in _decide(pairs, (), pair_channels, today, rules, currency, params)
    }
    out = ChannelDecisions()
    for d in totals:
        out.append(d)
        for medium in ("organic", "paid"):
            p = by_pair.get(f"{d.channel} ({medium})")
            if p is not None:
                out.append(attrs.evolve(p, medium=medium, network=d.channel))
    return out


def _decide(
    rows: list[ChannelMonth],
    goals: Iterable[Goal],
    channels: Iterable[Channel | str],
    today: Date | None,
    rules: RuleSet | None,
    currency: str,
    params: Mapping[str, Any],
) -> list[ChannelDecision]:
    share = params.get("role_share", 0.15)
    role_share = float(share) if not isinstance(share, str) else float(share.strip(" %")) / 100
    evidence, portfolio = channel_evidence(
        rows, channels=channels, goals=goals, today=today, role_share=role_share, currency=currency
    )
    ruleset = rules or _ruleset(tuple(sorted(params.items())))
    pfacts = portfolio.facts()
    out: list[ChannelDecision] = []
    for name, ev in evidence.items():
        report = ruleset.evaluate({"channel": ev.facts(), "portfolio": pfacts}, today=today)
        decision = Decision(report.decision) if report.decision else Decision.REDUCE
        out.append(ChannelDecision(name, decision, None, ev, report, portfolio=portfolio))
    return out


def rank(decision: Decision) -> int:
    """How close to ``cut`` a decision is (0 keep, optimize or experiment; 1 reduce;
    2 cut)."""
    return DECISION_RANK[decision]


def _card(title: str, word: str, fields: Mapping[str, Any], text: str) -> str:
    """A judgment as a small HTML card: a badge, the explanation, the numbers."""
    import html

    from goalrules.engine.notebook import badge, table

    rows = [(k, v) for k, v in fields.items() if v is not None and not isinstance(v, (list, dict))]
    return (f"<div><p><b>{html.escape(title)}</b> {badge(word)}</p>"
            f"<p>{html.escape(text)}</p>{table(['', ''], rows)}</div>")  # fmt: skip


def decisions_frame(decisions: Iterable[ChannelDecision], kind: str = "pandas") -> Any:
    """Channel decisions as a DataFrame: one row per channel (and medium)."""
    from goalrules.engine.notebook import frame

    rows = []
    for d in decisions:
        row: dict[str, Any] = {"channel": d.channel, "network": d.network or d.channel,
                               "medium": d.medium, "decision": d.decision.value}  # fmt: skip
        row.update({k: v for k, v in d.to_dict()["evidence"].items()
                    if not isinstance(v, (list, dict))})  # fmt: skip
        rows.append(row)
    return frame(rows, kind)


def decisions_html(decisions: Iterable[ChannelDecision]) -> str:
    """Channel decisions as one HTML table (for a notebook cell)."""
    from goalrules.engine.notebook import badge, table

    rows = [
        (d.channel, badge(d.decision.value), f"{d.evidence.visits:,.0f}",
         f"{d.evidence.leads:,.0f}", d.reasons[0] if d.reasons else "")
        for d in decisions
    ]  # fmt: skip
    return table(["channel", "decision", "visits", "leads", "why"], rows, raw=(1,))


class ChannelDecisions(list[ChannelDecision]):
    """The decisions of :func:`decide_channels`: a list that shows as one table in a
    notebook and turns into a DataFrame with :meth:`to_frame`."""

    def _repr_html_(self) -> str:
        return decisions_html(self)

    def to_frame(self, kind: str = "pandas") -> Any:
        return decisions_frame(self, kind)
