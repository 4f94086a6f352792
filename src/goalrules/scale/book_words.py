"""A book's decided table read back as decisions: each row of
:func:`goalrules.scale.batch.decide_channels_table` as ``(account, ChannelDecision)``,
its evidence and portfolio rebuilt from the row and its reasons written by the rule
that decided it, as the same decision reads for one account."""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Mapping
from typing import Any

from goalrules.engine import Rule, RuleSet
from goalrules.judgments.channel_evidence import ChannelEvidence, Portfolio, customers_note
from goalrules.judgments.channel_measures import social_note, spend_note, unmeasured_notes
from goalrules.judgments.channel_ruling import Ruling
from goalrules.judgments.channels import ChannelDecision, Decision
from goalrules.model import Objective
from goalrules.scale.book_rules import book_currency, book_ruleset

__all__ = ["book_decisions"]

#: the columns of a decided table that a book's decision is rebuilt from, in order
_BOOK_FIELDS = (
    "role", "channel", "months", "visits", "leads", "customers", "spend", "visits_share",
    "leads_share", "lead_rate", "lead_rate_low", "lead_rate_high", "customer_rate",
    "customer_rate_low", "cost_per_lead", "visits_trend", "leads_trend", "fulfils_role",
    "cost_per_customer", "account", "decision", "customers_months",
)  # fmt: skip


def book_decisions(
    decided: Any,
    *,
    rules: RuleSet | None = None,
    today: _dt.date | None = None,
    currency: str | None = None,
    **params: Any,
) -> list[tuple[str, ChannelDecision]]:
    """The rows of :func:`decide_channels_table` (the table, or its columns as lists in a
    mapping by name) as ``(account, ChannelDecision)`` pairs, so that a book's decision
    reads as the same decision does for one account:
    the evidence is rebuilt from the row, and the deciding rule (the table's ``rule``)
    writes its message when the reasons are read; each decision's full report is
    evaluated when it is first read. The rules, params and currency (the spend's) are
    those the table was decided with (its ``ruleset`` and ``currency`` columns): ``rules``,
    ``params`` or ``currency`` given that are not those are a DataError."""
    if isinstance(decided, Mapping):  # the table's columns as lists, by name
        names, columns = list(decided), list(decided.values())
    else:
        names = decided.columns
        columns = [decided.get_column(name).to_list() for name in names]
    at = {name: i for i, name in enumerate(names)}
    ruleset = book_ruleset(columns[at["ruleset"]] if "ruleset" in at else None, rules, dict(params))
    currency = book_currency(columns[at["currency"]] if "currency" in at else None, currency)
    rules_by_id: dict[Any, Rule] = {rule.id: rule for rule in ruleset.rules}
    out: list[tuple[str, ChannelDecision]] = []
    last_account: str | None = None
    portfolio: Portfolio | None = None
    pfacts: dict[str, Any] = {}
    roles: dict[str, Objective] = {}  # each role read once
    formats_of: dict[float, tuple[str, ...]] = {}
    i_formats, i_rule, i_quality = at.get("formats"), at.get("rule"), at.get("quality")
    i_spend_months, i_spend_partial = at.get("spend_months"), at.get("spend_partial")
    i_social_trend, i_social_months = at.get("role_metric_trend"), at.get("social_months")
    i_hierarchy, i_channels = at.get("hierarchy"), at["p_channels"]
    i_unmeasured = tuple(at.get(name) for name in ("visits_unmeasured", "leads_unmeasured"))
    last_channels: Any = None
    pick = operator.itemgetter(*(at[name] for name in _BOOK_FIELDS))
    # the table's columns as lists, read a row at a time as tuples (a dict a row costs
    # more than the rest of a decision's evidence)
    for r in zip(*columns, strict=True):
        (role_text, channel, months, visits, leads, customers, spend, visits_share,
         leads_share, lead_rate, lead_rate_low, lead_rate_high, customer_rate,
         customer_rate_low, cost_per_lead, visits_trend, leads_trend, fulfils_role,
         cost_per_customer, account, decision, customers_months) = pick(r)  # fmt: skip
        row_notes = () if i_quality is None else (r[i_quality] or ())
        spend_months = 0 if i_spend_months is None else r[i_spend_months]
        spend_partial = 0 if i_spend_partial is None else r[i_spend_partial]
        social_months = 0 if i_social_months is None else r[i_social_months]
        role = None
        if role_text:
            role = roles.get(role_text)
            if role is None:
                role = roles[role_text] = Objective.parse(role_text)
        formats = None if i_formats is None else r[i_formats]
        tried = None
        if formats is not None:
            tried = formats_of.get(formats)
            if tried is None:
                tried = formats_of[formats] = tuple(map(str, range(int(formats))))
        ev = ChannelEvidence(
            channel=channel,
            role=role,
            months=int(months),
            formats_tried=tried,
            visits=visits,
            leads=leads,
            customers=customers,
            spend=spend,
            hours=None,
            visits_share=visits_share,
            leads_share=leads_share,
            lead_rate=lead_rate,
            lead_rate_low=lead_rate_low,
            lead_rate_high=lead_rate_high,
            customer_rate=customer_rate,
            customer_rate_low=customer_rate_low,
            cost_per_lead=cost_per_lead,
            visits_trend=visits_trend,
            leads_trend=leads_trend,
            role_metric_trend=None if i_social_trend is None else r[i_social_trend],
            fulfils_role=fulfils_role,
            cost_per_customer=cost_per_customer,
            currency=currency,
            quality=(
                *row_notes,
                *_months_notes(
                    int(months),
                    customers_months,
                    spend_months,
                    spend_partial,
                    social_months,
                    {
                        what: r[i]
                        for what, i in zip(("visits", "leads"), i_unmeasured, strict=True)
                        if i is not None and r[i]
                    },
                ),
            ),
        )
        account = str(account)
        # an account's rows are together: one portfolio each (and one more where a network
        # is split in two halves: its halves' rows, of more channels)
        if account != last_account or r[i_channels] != last_channels:
            last_account, last_channels = account, r[i_channels]
            portfolio = Portfolio(
                channels=int(r[i_channels]),
                visits=r[at["p_visits"]],
                leads=r[at["p_leads"]],
                customers=r[at["p_customers"]],
                spend=r[at["p_spend"]],
                lead_rate=r[at["portfolio_lead_rate"]],
                customer_rate=r[at["p_customer_rate"]],
                cost_per_lead=r[at["p_cost_per_lead"]],
                cost_per_customer=r[at["p_cost_per_customer"]],
                left_out=int(r[at["p_left_out"]] or 0) if "p_left_out" in at else 0,
                unmeasured=int(r[at["p_unmeasured"]] or 0) if "p_unmeasured" in at else 0,
                currency=currency,
            )
            pfacts = portfolio.facts()
        facts = ruleset._numbers({"channel": ev.facts(), "portfolio": pfacts})
        rule = None if i_rule is None else r[i_rule]
        if i_rule is not None and (rule is None or rule in rules_by_id):
            ruling = Ruling(rules_by_id.get(rule), ruleset, facts, today)  # the table's
        else:  # a table without the deciding rule, or decided by other rules: decided again
            ruling = Ruling.of(ruleset, facts, today)
        out.append(
            (
                account,
                ChannelDecision(
                    channel,
                    Decision(decision),
                    None,
                    ev,
                    None,
                    portfolio=portfolio,
                    hierarchy=None if i_hierarchy is None else r[i_hierarchy],
                    ruling=ruling,
                ),
            )
        )
    return out  # fmt: skip


def _months_notes(
    months: int,
    customers_months: int,
    spend_months: int,
    spend_partial: int = 0,
    social_months: int = 0,
    unmeasured: Mapping[str, int] | None = None,
) -> tuple[str, ...]:
    """The notes of a channel whose customers, spend, or followers (engagements, reach)
    were recorded in some of its months and not others (their totals unknown, the trend
    of the months recorded), as the row path writes them (``spend_partial``: months whose
    spend some of their rows gave, others not)."""
    out = []
    if 0 < customers_months < months:
        out.append(customers_note(months, customers_months))
    if unmeasured:  # visits or leads not measured in some months (``unmeasured``)
        out.extend(unmeasured_notes(months, unmeasured))
    if (spend_months or spend_partial) and spend_months < months:
        out.append(spend_note(months, spend_months, spend_partial))
    if 0 < social_months < months:
        out.append(social_note(months, social_months))
    return tuple(out)
