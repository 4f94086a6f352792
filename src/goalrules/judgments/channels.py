"""Keep, optimize or cut a channel: the decision, a front over the shipped ``channels``
ruleset.

:func:`decide_channels` sorts the sources into the social channels it judges and the
context it shows (search, direct, email, referral, AI assistants: GA4's default channel
grouping, see :mod:`goalrules.judgments.sources`), measures each judged channel and
the portfolio they make (:func:`~goalrules.judgments.channel_evidence.channel_evidence`),
evaluates the ruleset, and keeps a network's decision coherent with those of its
organic and paid halves.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from goalrules.dates import as_date
from goalrules.engine import Finding, Report, RuleSet, shipped_ruleset
from goalrules.judgments.built_by_slots import built_by_slots
from goalrules.judgments.channel_evidence import (
    CampaignEvidence,
    ChannelEvidence,
    EvidenceToBuild,
    Portfolio,
    _roles,
    channel_evidence,
    measure_for_decisions,
)
from goalrules.judgments.channel_measures import flat_of, role_share_of
from goalrules.judgments.channel_pass import RowPass, plain_row_pass
from goalrules.judgments.channel_rows import done_by, no_duplicates, no_rows_note, read_rows
from goalrules.judgments.channel_ruling import Ruling
from goalrules.judgments.channel_text import (
    SAID_MISSING,
    count_cell,
    evidence_lines,
    summary_why,
    untold_note,
)
from goalrules.judgments.sources import (
    SourceGroup,
    SourceShare,
    classify_source,
    context_shares,
    known_sum,
)
from goalrules.model import Channel, ChannelMonth, Goal
from goalrules.model.series import organic_or_paid
from goalrules.units import known_currency
from goalrules.vocabulary import UNATTRIBUTED

__all__ = [
    "CampaignEvidence",
    "ChannelDecision",
    "ChannelDecisions",
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


_DECISIONS = {d.value: d for d in Decision}  # (Decision(word) goes through the enum's call)

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
    given_report: Report | None = attrs.field(alias="report", repr=False, eq=False)
    medium: str | None = None  # "organic" or "paid" for one medium of a network
    network: str | None = None  # the network of a (network, medium) decision
    portfolio: Any = attrs.field(default=None, repr=False, eq=False)
    #: what the network's halves say, for a network judged whole and per medium
    hierarchy: str | None = None
    #: the source group(s) the channel belongs to ("Organic Social", "Paid Social")
    group: str | None = None
    #: the ruleset's answer before its report is built: the deciding rule (or ``None``),
    #: the ruleset, the facts it read and the day (the report is built on first use)
    ruling: Ruling | None = attrs.field(default=None, repr=False, eq=False)

    @functools.cached_property
    def report(self) -> Report:
        """Every rule's outcome on this channel's facts (evaluated on first use when the
        decision was made from the deciding rule alone)."""
        if self.given_report is not None:
            return self.given_report
        assert self.ruling is not None, "a decision needs a report or a ruling"
        return self.ruling.report()

    @functools.cached_property
    def decided_by(self) -> Finding | None:
        """The finding of the rule that decided (``None`` when none did)."""
        if self.given_report is None and self.ruling is not None:
            return self.ruling.finding()
        return self.report.decided_by

    @functools.cached_property
    def untold(self) -> str | None:
        """The note that decision rules ranked above the deciding one could not be told
        (a fact they need is unknown, one the words do not already say the decision does
        not use), naming them; ``None`` when none was left untold. A decision never
        passes silently over a rule that might have overruled it."""
        if self.ruling is None or self.given_report is not None:
            return None
        rule = self.ruling.rule
        decision = rule.decision if rule is not None and rule.decision else Decision.KEEP.value
        found = self.ruling.untold(decision, SAID_MISSING)
        return untold_note(found, below=rule is not None) if found else None

    @property
    def why(self) -> str:
        """The first reason, with the note of the rules ranked above that could not be
        told (:attr:`untold`) when there is one: what a one-line summary shows."""
        if not self.reasons:
            return ""
        first, *more = self.reasons
        untold = self.untold
        return f"{first} {untold}" if untold is not None and untold in more else first

    @functools.cached_property
    def reasons(self) -> tuple[str, ...]:
        """The deciding rule's message, then the evidence in numbers (written on first
        use: deciding many channels does not render messages nobody reads)."""
        if self.given_reasons is not None:
            return self.given_reasons
        out = [self.hierarchy] if self.hierarchy else []
        decided = self.decided_by
        alone = (
            Decision.KEEP
            if decided is None or not decided.decision
            else _DECISIONS.get(decided.decision) or Decision(decided.decision)
        )
        if self.hierarchy and alone is not self.decision:
            pass  # made coherent with its halves: what the rules said of it whole is quoted
            # in the note, never given beside the decision as advice (to reduce an optimize)
        else:
            if decided is not None:
                out.append(decided.message)
            else:
                out.append(
                    "No rule of the ruleset decided (the evidence it needs is missing): kept, "
                    "the neutral default."
                )
            if self.untold is not None:
                out.append(self.untold)
        if self.portfolio is not None:
            out += evidence_lines(self.evidence, self.portfolio)
        return tuple(out)

    @property
    def rule(self) -> str | None:
        """The id of the rule that decided (``None`` when none did)."""
        if self.given_report is None and self.ruling is not None:
            return None if self.ruling.rule is None else self.ruling.rule.id
        decided = self.report.decided_by
        return None if decided is None else decided.rule_id

    def _repr_html_(self) -> str:
        # the evidence as the reports write it ("lead rate 1.2 % (95 % CI ...)"), never
        # the JSON's unrounded fractions
        lines = evidence_lines(self.evidence, self.portfolio) if self.portfolio else []
        rows = [
            ("data quality", line.removeprefix("data quality: "))
            if line.startswith("data quality: ")
            else ("evidence", line)
            for line in lines
        ]
        said = list(self.reasons)  # (the deciding message, then the lines in the table)
        if lines and said[-len(lines) :] == lines:
            said = said[: -len(lines)]
        return _card(self.channel, self.decision.value, " ".join(said), rows)

    def to_frame(self, kind: str = "pandas") -> Any:
        """One row: the channel, its decision and its evidence."""
        return decisions_frame([self], kind)

    def to_dict(self) -> dict[str, Any]:
        ev = self.evidence
        return {
            "channel": self.channel,
            "network": self.network or self.channel,
            "medium": self.medium,
            "group": self.group,
            "decision": self.decision.value,
            "rule": self.rule,
            "reasons": list(self.reasons),
            "evidence": {
                "months": ev.months,
                "formats_tried": list(ev.formats_tried) if ev.formats_tried is not None else None,
                "visits": ev.visits,
                "leads": ev.leads,
                "customers": ev.customers,
                "spend": ev.spend,
                # the spend's and costs' currency (USD unless one was named: a note says so)
                "currency": ev.currency if ev.spend is not None else None,
                "lead_rate": _r(ev.lead_rate),
                "lead_rate_ci": [_r(ev.lead_rate_low), _r(ev.lead_rate_high)],
                "customer_rate": _r(ev.customer_rate),
                "cost_per_lead": _r(ev.cost_per_lead),
                "cost_per_customer": _r(ev.cost_per_customer),
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


def _evidence_built_on_read(slot: Any) -> property:
    """``ChannelDecision.evidence`` as a property over its slot (``slot``, its member
    descriptor): evidence given still to build (an ``EvidenceToBuild``, as
    :func:`decide_channels` gives it) is built on first read and kept, so that every
    reader (attrs' ``__eq__``, ``__repr__``, ``evolve``, pickling) sees the evidence."""
    read, store = slot.__get__, slot.__set__

    def evidence(decision: ChannelDecision) -> ChannelEvidence:
        got = read(decision, ChannelDecision)
        if got.__class__ is EvidenceToBuild:
            got = got()
            store(decision, got)
        return got  # type: ignore[no-any-return]

    return property(evidence, store, slot.__delete__, slot.__doc__)


_EVIDENCE_SLOT = ChannelDecision.__dict__["evidence"]
setattr(ChannelDecision, "evidence", _evidence_built_on_read(_EVIDENCE_SLOT))  # noqa: B010


#: ``ChannelDecision(...)`` with every field given positionally (the evidence's slot
#: set as it is: an ``EvidenceToBuild`` is built on first read)
_new_decision = built_by_slots(ChannelDecision)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


@functools.lru_cache(maxsize=32)
def _ruleset(params: tuple[tuple[str, Any], ...]) -> RuleSet:
    return shipped_ruleset("channels", params=dict(params) if params else None)


#: the fields of the facts a channel's decision reads that hold something else than a
#: plain number (int, float, bool) or None: money (a DQ in the channel's currency) and
#: the formats tried (a list); the others hold plain numbers (computed when first read,
#: for the fields computed on read)
_NOT_PLAIN = {
    "channel": frozenset({"spend", "cost_per_lead", "cost_per_customer", "formats_tried"}),
    "portfolio": frozenset({"cost_per_lead", "cost_per_customer"}),
}


@functools.lru_cache(maxsize=32)
def _converts(ruleset: RuleSet) -> bool:
    """Whether ``ruleset._numbers`` may convert the facts ``_decide`` gives it (a
    channel's and the portfolio's, dicts): whether the ruleset declares a quantity
    field with a unit where they hold something else than a plain number. It converts
    only such values, and gives the facts back as they are when there are none."""
    for name, want in ruleset._quantities.items():
        not_plain = _NOT_PLAIN.get(name)
        if not_plain is not None and (not isinstance(want, dict) or not not_plain.isdisjoint(want)):
            return True
    return False


_KEY = operator.attrgetter("channel", "medium")
_CHANNEL = operator.attrgetter("channel")
_MEDIUM = operator.attrgetter("medium")


def _judged(
    rows: list[ChannelMonth],
    explicit: set[str],
    all_sources: bool,
    plain: Iterable[str] | None = None,
) -> tuple[list[ChannelMonth], tuple[SourceShare, ...], dict[str, str], dict[str, set[str]]]:
    """The rows of the channels to judge, the context (the other sources' shares of all
    visits, leads and customers), each judged channel's source group(s) (named, `` +
    `` between two) and the mediums of its rows. Each (channel, medium) is classified
    once; when every one is judged as it is named, the rows are judged as they are,
    without a pass of their own. ``plain``: the channels of rows known to give no
    medium, in the order first met (``RowPass.met`` of :func:`~goalrules.judgments.
    channel_pass.plain_row_pass`)."""
    if plain is None and set(map(_MEDIUM, rows)) <= {None}:  # no medium: a key a channel
        plain = dict.fromkeys(map(_CHANNEL, rows))
    if plain is not None:
        named: dict[str, str] = {}
        for channel in plain:  # in the order first met
            group = classify_source(channel)
            if channel == UNATTRIBUTED or not (all_sources or group.judged or channel in explicit):
                break
            named[channel] = group.name
        else:
            return rows, (), named, {}  # the usual book: social channels only
    seen: dict[tuple[str, str | None], tuple[SourceGroup, bool]] = {}
    for key in dict.fromkeys(map(_KEY, rows)):  # in the order first met
        group = classify_source(*key)
        seen[key] = (group, all_sources or group.judged or key[0] in explicit)
    groups: dict[str, set[str]] = defaultdict(set)
    mediums: dict[str, set[str]] = defaultdict(set)
    for (channel, medium), (group, judge) in seen.items():
        if judge:
            name = "direct" if channel == UNATTRIBUTED else channel
            groups[name].add(group.name)
            if medium:  # (a medium kept as given, a referral's: the organic half)
                mediums[name].add(organic_or_paid(medium))
    named = {ch: " + ".join(sorted(gs)) for ch, gs in groups.items()}
    if all(judge for _, judge in seen.values()) and all(c != UNATTRIBUTED for c, _ in seen):
        return rows, (), named, mediums
    judged: list[ChannelMonth] = []
    context: list[tuple[str, str, float | None, float | None, float | None]] = []
    for r in rows:
        group, judge = seen[(r.channel, r.medium)]
        if judge:
            if r.channel == UNATTRIBUTED:  # (direct) / (none): the direct visits
                r = attrs.evolve(r, channel="direct")
            judged.append(r)
        else:
            name = "direct" if r.channel == UNATTRIBUTED else r.channel
            context.append((group.name, name, r.visits, r.leads, r.customers))
    if not context:
        return judged, (), named, mediums
    totals = (
        known_sum(r.visits for r in rows),  # None when one was not measured
        known_sum(r.leads for r in rows),
        known_sum(r.customers for r in rows),
    )
    return judged, context_shares(context, totals), named, mediums


def decide_channels(
    performance: Iterable[ChannelMonth | Mapping[str, Any]] | Any,
    goals: Iterable[Goal] = (),
    channels: Iterable[Channel | str] = (),
    today: Date | None = None,
    *,
    rules: RuleSet | None = None,
    currency: str = "USD",
    all_sources: bool = False,
    **params: Any,
) -> ChannelDecisions:
    """Decide experiment / keep / optimize / reduce / cut for every social channel.

    ``performance`` holds monthly rows (:class:`~goalrules.model.ChannelMonth` or
    mappings with ``channel, month, visits, leads`` and optional ``customers`` (absent or
    blank: not measured, unknown, never 0), ``spend, hours, followers, engagements,
    reach, campaign, medium``), or a pandas, polars or Arrow table of them.
    ``channels`` gives roles and formats tried; a goal on a channel gives it a role too.
    Keyword ``params`` override the ruleset's (``trial_months=4``, ``low_volume="10 %"``);
    ``rules`` replaces it.

    Sources that are not social channels (search, direct, email, referral, AI
    assistants: :func:`~goalrules.judgments.sources.classify_source`) are not judged but
    summed into ``ChannelDecisions.context``, unless ``all_sources`` is true or the
    channel is named in ``channels``. The portfolio is the channels judged.

    A network with both ``organic`` and ``paid`` rows (``medium``) is also judged per
    medium, in the portfolio where it is split in two: its total decision comes first,
    then one per medium (``ChannelDecision.medium``). When both halves are worth
    investing in, the whole is not told to shrink (and the other way round); when the
    halves disagree, the whole's reasons say so.
    """
    today = as_date(today)
    currency = known_currency(currency)  # (any ISO 4217 code, or an error naming it)
    roles = _roles(channels, goals)
    left_out: list[str] = []
    # the usual book (read, over, no medium): its rows checked and summed in one pass
    found = plain_row_pass(performance, today)
    if found is not None:
        read = rows = list(performance)
        rows, context, named, mediums = _judged(rows, set(roles), all_sources, found.met)
        if rows is not read:  # some sources not judged: the pass of those judged
            found = found.of_channels(set(named)) if "direct" not in named else None
    else:
        read = rows = read_rows(performance)
        if today is not None:  # the months over by today (one under way reads as a fall)
            rows, left_out = done_by(rows, today)
        rows, context, named, mediums = _judged(rows, set(roles), all_sources)
    if rows is not read:  # some rows are not measured: all are checked here
        no_duplicates(read)
    # (all rows measured: checked by the pass over them when a month has several rows)
    totals = _decide(rows, goals, channels, today, rules, currency, params, named,
                     None if rows is not read else read, found)  # fmt: skip
    out = ChannelDecisions(totals)
    out.context = context
    out.portfolio = totals[0].portfolio if totals else None
    decided = {d.channel for d in totals}
    no_rows = [name for name in roles if name not in decided]
    out.notes = (*left_out, no_rows_note(no_rows)) if no_rows else tuple(left_out)
    paired = {ch for ch, ms in mediums.items() if len(ms) > 1}
    if not paired:
        return out
    # a network with both organic and paid rows: each pair judged in the portfolio where
    # that network is split in two (the others whole), the network's total beside
    pairs = [
        attrs.evolve(r, channel=f"{r.channel} ({organic_or_paid(r.medium)})", medium=None)
        if r.channel in paired
        else r
        for r in rows
    ]
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
    whole = ChannelDecisions()
    whole.context, whole.portfolio, whole.notes = out.context, out.portfolio, out.notes
    for d in out:
        halves = []
        for medium in ("organic", "paid"):
            p = by_pair.get(f"{d.channel} ({medium})")
            if p is not None:
                group = classify_source(d.channel, medium).name
                halves.append(attrs.evolve(p, medium=medium, network=d.channel, group=group))
        whole.append(_coherent(d, halves) if len(halves) == 2 else d)
        whole.extend(halves)
    return whole


def _first(d: ChannelDecision) -> str:
    decided = d.decided_by
    return decided.message.rstrip(".") if decided is not None else "no rule decided"


def _coherent(whole: ChannelDecision, halves: list[ChannelDecision]) -> ChannelDecision:
    """The network's decision made coherent with its halves': when both halves invest
    (keep, optimize, experiment), the whole does not shrink; when both shrink (reduce,
    cut), the whole is not kept; when they disagree, the whole's reasons say so and why."""
    said = ", ".join(f"{h.medium} {h.decision.value}" for h in halves)
    if all(rank(h.decision) == 0 for h in halves) and rank(whole.decision) > 0:
        agreed = {h.decision for h in halves}
        decision = (
            agreed.pop()
            if len(agreed) == 1
            else max(halves, key=lambda h: h.evidence.visits or 0.0).decision
        )
        note = (
            f"Both its halves are worth investing in ({said}): the network is not told to "
            f"{whole.decision.value} as a whole; act on each half. Taken whole, the rules "
            f"would say {whole.decision.value}: {_first(whole)}"
        )
        return attrs.evolve(whole, decision=decision, hierarchy=note)
    if all(rank(h.decision) > 0 for h in halves) and rank(whole.decision) == 0:
        decision = min((h.decision for h in halves), key=rank)  # the milder: reduce
        note = (
            f"Both its halves are told to shrink ({said}): the network is not told to "
            f"{whole.decision.value} as a whole, but to {decision.value}; act on each half. "
            f"Taken whole, the rules would say {whole.decision.value}: {_first(whole)}"
        )
        return attrs.evolve(whole, decision=decision, hierarchy=note)
    if len({h.decision for h in halves}) > 1:
        why = " ".join(
            f"{(h.medium or '').capitalize()}: {h.decision.value} ({_first(h)})." for h in halves
        )
        note = (
            f"Its halves disagree ({said}), so act on each half rather than on the network "
            f"as a whole. {why}"
        )
        return attrs.evolve(whole, hierarchy=note)
    return whole


def _decide(
    rows: list[ChannelMonth],
    goals: Iterable[Goal],
    channels: Iterable[Channel | str],
    today: Date | None,
    rules: RuleSet | None,
    currency: str,
    params: Mapping[str, Any],
    groups: Mapping[str, str] | None = None,
    unchecked: list[ChannelMonth] | None = None,
    found: RowPass | None = None,
) -> list[ChannelDecision]:
    ruleset = rules or _ruleset(tuple(sorted(params.items())))
    measured, portfolio = measure_for_decisions(
        rows, _roles(channels, goals), params.get("role_share", role_share_of(ruleset)), currency,
        unchecked=unchecked, flat=flat_of(ruleset), found=found,
    )  # fmt: skip
    pfacts = portfolio.facts()
    # Ruling.of, each step looked up once: the facts' quantities as numbers (ruleset.
    # _numbers, when it may convert these facts) and the deciding rule (ruleset.decide:
    # one generated function, when the decision rules are in order of priority)
    numbers = ruleset._numbers_check if _converts(ruleset) else None
    in_order = ruleset._decide_in_order
    out: list[ChannelDecision] = []
    for name, (ev, facts) in measured.items():  # (the evidence is built when first read)
        env: Mapping[str, Any] = {"channel": facts, "portfolio": pfacts}
        if numbers is not None:
            env = numbers(env)
        rule = in_order(env, today) if in_order is not None else ruleset.decide(env, today=today)
        decision = (
            _DECISIONS.get(rule.decision) or Decision(rule.decision)
            if rule is not None and rule.decision
            else Decision.KEEP
        )
        # (positional, in the order of the fields: reasons, report, medium, network,
        # hierarchy not given; the evidence an EvidenceToBuild, built on first read)
        out.append(_new_decision(
            name, decision, None, ev, None, None, None, portfolio, None,
            groups.get(name) if groups else None, Ruling(rule, ruleset, env, today),
        ))  # fmt: skip
    return out


def rank(decision: Decision) -> int:
    """How close to ``cut`` a decision is (0 keep, optimize or experiment; 1 reduce;
    2 cut)."""
    return DECISION_RANK[decision]


def _card(title: str, word: str, text: str, rows: Sequence[tuple[str, str]]) -> str:
    """A judgment as a small HTML card: a badge, the explanation and its numbers, each
    as the explanation writes it (a label and its text: ``("chance", "9 %")``)."""
    import html

    from goalrules.engine.notebook import badge, table

    return (f"<div><p><b>{html.escape(title)}</b> {badge(word)}</p>"
            f"<p>{html.escape(text)}</p>{table(['', ''], list(rows))}</div>")  # fmt: skip


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
        (d.channel, badge(d.decision.value), count_cell(d.evidence.visits),
         count_cell(d.evidence.leads), summary_why(d.why, d.evidence.quality))
        for d in decisions
    ]  # fmt: skip
    return table(["channel", "decision", "visits", "leads", "why"], rows, raw=(1,))


class ChannelDecisions(list[ChannelDecision]):
    """The decisions of :func:`decide_channels`: a list that shows as one table in a
    notebook and turns into a DataFrame with :meth:`to_frame`. ``context`` holds the
    sources not judged (search, direct, email...) with their shares of all visits,
    leads and customers; ``portfolio`` the channels judged, together; ``notes`` what
    was left out of the rows, and why (a month not over by ``today``)."""

    context: tuple[SourceShare, ...] = ()
    portfolio: Portfolio | None = None
    notes: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        return decisions_html(self)

    def to_frame(self, kind: str = "pandas") -> Any:
        return decisions_frame(self, kind)
