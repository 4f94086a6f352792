"""The evidence behind a channel decision, in words: one function writes it for the
single-account path and the many-accounts (book) path alike, so the same decision reads
the same.

Every line states a fact that holds in the evidence it is given: a comparison with the
portfolio says "credibly above" only when the interval's lower bound is above the
portfolio's rate, a trend is shown with its sign, and a missing input (no role, no
formats, no spend) is said as missing, never used as a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goalrules.judgments.channel_evidence import ChannelEvidence, Portfolio
from goalrules.judgments.channel_measures import SHARE_ROLES
from goalrules.model import Objective
from goalrules.numbers import (
    format_amount,
    format_count,
    format_number,
    format_percent,
    same_but_for_rounding,
)

__all__ = [
    "compare_with_portfolio",
    "distinct_digits",
    "distinct_pcts",
    "evidence_lines",
    "pct",
    "portfolio_line",
    "signed_pct",
    "summary_why",
]


def pct(x: float | None) -> str:
    """``0.0291`` -> ``2.9 %`` (``n/a`` when missing)."""
    return format_percent(x)


def signed_pct(x: float) -> str:
    """``-0.0177`` -> ``-1.8 %``, ``0.0174`` -> ``+1.7 %``."""
    return format_percent(x, signed=True)


def distinct_pcts(a: float, b: float) -> tuple[str, str]:
    """Two rates shown with one decimal, or more when one would show them equal
    (``1.339 %`` and ``1.341 %``, never ``1.3 %`` and ``1.3 %`` for two values)."""
    for digits in (1, 2, 3):
        x, y = format_percent(a, digits=digits), format_percent(b, digits=digits)
        if x != y or same_but_for_rounding(a, b):
            return x, y
    return format_percent(a, digits=4), format_percent(b, digits=4)


def distinct_digits(*values: float | None) -> int:
    """The decimals (one to eight) at which no two different ``values`` read the same
    (values the same but for rounding are the same, :func:`~goalrules.numbers.
    same_but_for_rounding`):
    the numbers of one sentence are shown with these, so that their order shows too (the
    same decimals for all: a bound never reads above the rate it bounds)."""
    known = [v for v in values if v is not None]
    for digits in range(1, _MOST_DIGITS):
        seen: dict[str, float] = {}
        if all(
            (x := seen.setdefault(format_percent(v, digits=digits), v)) == v
            or same_but_for_rounding(x, v)
            for v in known
        ):
            return digits
    return _MOST_DIGITS


_MOST_DIGITS = 8


def compare_with_portfolio(low: float | None, high: float | None, rate: float | None) -> str:
    """How a rate's 95 % interval stands against the portfolio's rate."""
    if low is None or high is None or rate is None:
        return "cannot be compared with"
    if low > rate:
        return "credibly above"
    if high < rate:
        return "credibly below"
    return "not credibly different from"


def _money(value: float, currency: str) -> str:
    """An amount with two decimals (:func:`~goalrules.numbers.format_amount`); one that is
    not 0 but would read 0.00 with its significant digits, as the rules' messages write
    it (a cost per lead of 0.003 USD, spend recorded in thousands: never "0.00 USD")."""
    if value and abs(round(value, 9)) < 0.005:
        return f"{format_number(value)} {currency}"
    return format_amount(value, currency)


#: the counts a role judged by shares and rates is judged by: not measured (the channel's,
#: or another judged channel's, which leaves the portfolio's unknown), it cannot be checked
_ROLE_COUNTS = {
    Objective.TRAFFIC: ("visits",),
    Objective.LEADS: ("visits", "leads"),
    Objective.CONVERSIONS: ("leads", "customers"),
}


def _role_line(ev: ChannelEvidence, p: Portfolio) -> str:
    if ev.role is None:
        return (
            "no role given: the decision does not use one (give the channel a role, such as "
            "traffic or leads, to judge it by the job it does)"
        )
    role = ev.role.value.replace("_", " ")  # in words: "brand awareness", not the key
    if ev.fulfils_role is None and ev.role in _ROLE_COUNTS:
        return f"its role ({role}) cannot be checked: {_not_measured(ev, p)}"
    if ev.fulfils_role is None:
        return (
            f"its role ({role}) cannot be checked: followers, engagements or "
            "reach not recorded in two months or more"
        )
    verb = "fulfils" if ev.fulfils_role else "does not fulfil"
    if ev.role not in SHARE_ROLES and ev.role_metric_trend is not None:
        # judged by its own metric's trend: said, as the shares shown elsewhere are not it
        return (
            f"it {verb} its role ({role}): followers, engagements or reach "
            f"{signed_pct(ev.role_metric_trend)} a month"
        )
    return f"it {verb} its role ({role})"


def _not_measured(ev: ChannelEvidence, p: Portfolio) -> str:
    """What was not measured of the counts ``ev``'s role is judged by (its own, else
    another judged channel's, the portfolio's total then unknown)."""
    counts = _ROLE_COUNTS[ev.role] if ev.role is not None else ()
    own = [what for what in counts if getattr(ev, what) is None]
    if own:
        return f"this channel's {' and '.join(own)} were not measured (unknown, not 0)"
    theirs = [what for what in counts if getattr(p, what) is None]
    said = " and ".join(theirs or counts)
    return f"another judged channel's {said} were not measured (unknown, not 0)"


def _cost_lines(ev: ChannelEvidence, p: Portfolio) -> list[str]:
    if ev.spend is None and any(q.startswith("spend recorded in ") for q in ev.quality):
        return ["spend not recorded in every month: cost per lead unknown (see data quality)"]
    if p.spend is None:
        return ["no spend recorded: the decision ignores cost"]
    if ev.spend is None:
        return ["no spend recorded for this channel: cost per lead does not apply"]
    if not ev.spend:
        return [
            f"no spend ({_money(0.0, ev.currency)}) on this channel: cost per lead does not apply"
        ]
    parts = [f"spend {_money(ev.spend, ev.currency)}"]
    if ev.cost_per_lead is not None:
        tail = (
            f" (portfolio {_money(p.cost_per_lead, p.currency)})"
            if p.cost_per_lead is not None
            else ""
        )
        parts.append(f"cost per lead {_money(ev.cost_per_lead, ev.currency)}{tail}")
    else:
        parts.append("no leads to cost")
    if ev.cost_per_customer is not None:
        tail = (
            f" (portfolio {_money(p.cost_per_customer, p.currency)})"
            if p.cost_per_customer is not None
            else ""
        )
        parts.append(f"per customer {_money(ev.cost_per_customer, ev.currency)}{tail}")
    elif ev.customers is None:
        parts.append("per customer: unknown (customers not measured)")
    elif ev.customers == 0:
        parts.append("no customers to cost")
    if ev.cost_per_lead is not None and p.cost_per_lead is None:  # its cost alone known
        parts.append(
            "no other channel's spend recorded to compare its cost with (a spend of 0 has no "
            "cost per lead): the decision does not use cost"
        )
    elif ev.cost_per_lead is None and ev.leads == 0 and p.cost_per_lead is None:
        parts.append(
            "the portfolio's leads have no cost to compare its spend with (that takes two "
            "channels with spend, and leads bought with it): the decision does not use cost"
        )
    return [", ".join(parts)]


def evidence_lines(ev: ChannelEvidence, p: Portfolio) -> list[str]:
    """The numbers behind a decision, one fact a line."""
    lines = []
    if ev.lead_rate is not None:
        low, high, rate = ev.lead_rate_low, ev.lead_rate_high, p.lead_rate
        where = compare_with_portfolio(low, high, rate)
        # one number of decimals for the four: two different values never read the same,
        # nor a bound above its rate ("3 % (95 % CI 3.04 %-3 %)")
        digits = distinct_digits(ev.lead_rate, low, high, rate)
        own, lo, hi, ref = (
            format_percent(v, digits=digits) for v in (ev.lead_rate, low, high, rate)
        )
        lines.append(f"lead rate {own} (95 % CI {lo}-{hi}), {where} the portfolio's {ref}")
    elif ev.visits is None or ev.leads is None:  # not measured: unknown, never 0
        lines.append(
            f"no lead rate: its {'visits' if ev.visits is None else 'leads'} were not measured "
            "(unknown, not 0: see data quality); left out of the portfolio's lead rate"
        )
    elif ev.visits > 0:  # a month of more leads than visits: leads are no share of visits
        lines.append(
            "no lead rate: more leads than visits in some month (see data quality), so its "
            "leads are not a share of its visits (leads from elsewhere, such as lead ads, or "
            "visits and leads in different units); left out of the portfolio's lead rate"
        )
    elif ev.leads > 0:  # leads with no visits (lead forms, offline): judged on its leads
        lines.append(
            "no visits recorded, but leads (from elsewhere, such as lead forms or offline): no "
            "lead rate; judged on its leads, and left out of the portfolio's lead rate"
        )
    else:
        lines.append("no visits recorded: no lead rate")
    months = f"{ev.months} month{'s' if ev.months != 1 else ''}"
    share = (
        ""
        if ev.visits_share is None  # (a share of 0.05 % is not "0 %")
        else f" ({format_percent(ev.visits_share, digits=distinct_digits(ev.visits_share, 0.0))}"
        " of the channels judged)"
    )
    counts = f"{counted(ev.visits, 'visits')}{share}, {counted(ev.leads, 'leads')}"
    if ev.customers is None:  # not measured: said so, never shown as 0
        lines.append(f"{counts} over {months}; customers not measured (unknown, not 0)")
    else:
        lines.append(f"{counts}, {_customers(ev.customers)} over {months}")
    if ev.visits_trend is not None or ev.leads_trend is not None:  # (one: the other unknown)
        visits_trend, leads_trend = (
            "unknown" if t is None else signed_pct(t) for t in (ev.visits_trend, ev.leads_trend)
        )
        lines.append(f"trend a month: visits {visits_trend}, leads {leads_trend}")
    lines.append(_role_line(ev, p))
    if ev.formats_tried is None:
        lines.append("formats tried: not given (the trial counts months only)")
    lines += _cost_lines(ev, p)
    lines.extend(f"data quality: {q}" for q in ev.quality)
    return lines


def summary_why(why: str, quality: Sequence[str]) -> str:
    """A decision's one-line summary (``ChannelDecision.why``) with its data-quality
    notes, as a summary table writes it: a decision read without them ("Converts
    credibly above the portfolio" of a channel with no rows for its last three months,
    or of one month in six) says more than its evidence holds."""
    if not quality:
        return why
    return f"{why} Data quality: {'; '.join(quality)}."


def counted(n: float | None, what: str) -> str:
    """``1,200 visits``, or ``visits unknown (not measured)``: never 0."""
    return f"{what} unknown (not measured)" if n is None else f"{format_count(n)} {what}"


def count_cell(n: float | None) -> str:
    """A count in a table's cell: ``1,200``, or ``unknown`` (not measured: never 0)."""
    return "unknown" if n is None else format_count(n)


def _customers(n: float | None) -> str:
    """``12 customers``, ``1 customer``, or ``customers not measured`` (unknown, not 0)."""
    if n is None:
        return "customers not measured"
    return format_count(n, "customer")


def portfolio_line(p: Portfolio) -> str:
    """What the decisions compare each channel with."""
    s = "" if p.channels == 1 else "s"
    customers = (
        "customers unknown (not measured for every channel)"
        if p.customers is None
        else format_count(p.customers, "customer")
    )
    left_out = (
        ""
        if not p.left_out
        else f"; {p.left_out} channel{'' if p.left_out == 1 else 's'} with more leads than "
        "visits in some month left out"
    )
    if p.unmeasured:
        left_out += (
            f"; {p.unmeasured} channel{'' if p.unmeasured == 1 else 's'} whose visits or leads "
            "were not measured left out"
        )
    visits, leads = (
        f"{what} unknown (not measured for every channel)"
        if n is None
        else f"{format_count(n)} {what}"
        for n, what in ((p.visits, "visits"), (p.leads, "leads"))
    )
    return (
        f"Portfolio: the {p.channels} channel{s} judged, together: "
        f"{visits}, {leads}, {customers}; lead rate "
        f"{pct(p.lead_rate)} "
        f"(their leads over their visits: each channel's rate weighted by its visits{left_out})"
    )


#: the facts whose absence the evidence already says the decision does not use (formats
#: not given: "the trial counts months only"; no role, or a role that cannot be checked;
#: no cost, or none to compare with: "the decision ignores cost"): a rule unknown for want
#: of them is the ruleset's deliberate reading, not a decision that could not be told
SAID_MISSING = frozenset({
    "channel.formats", "channel.role", "channel.fulfils_role", "channel.cost_per_lead",
    "portfolio.cost_per_lead", "channel.cost_per_customer", "portfolio.cost_per_customer",
})  # fmt: skip

#: the facts the words name
_FACT_WORDS = {
    "channel.lead_rate": "its lead rate",
    "channel.lead_rate_low": "its lead rate",
    "channel.lead_rate_high": "its lead rate",
    "portfolio.lead_rate": "the portfolio's lead rate",
    "channel.customer_rate": "its customer rate",
    "channel.customer_rate_low": "its customer rate",
    "portfolio.customer_rate": "the portfolio's customer rate",
    "channel.visits_trend": "its visits trend",
    "channel.leads_trend": "its leads trend",
    "channel.visits_share": "its share of visits",
    "channel.leads_share": "its share of leads",
}


def untold_note(untold: Sequence[Any], *, below: bool = True) -> str:
    """The note on a decision that rules ranked above it could not be told (their
    findings, unknown): which decisions, by which rules, for want of what (``below``: a
    rule ranked below them decided; else none did)."""
    decisions = list(dict.fromkeys(f.decision for f in untold))
    wanting = list(dict.fromkeys(
        _FACT_WORDS.get(m, m) for f in untold for m in (f.missing or (f.reason or "a fact",))
    ))  # fmt: skip
    rules = [f.rule_id for f in untold]
    return (
        f"Could not tell whether to {_either(decisions)}: {_and(wanting)} "
        f"{'is' if len(wanting) == 1 else 'are'} unknown, so "
        f"{'rule' if len(rules) == 1 else 'rules'} {_and(rules)}"
        + (", ranked above, cannot be told; this decision comes from a rule ranked below."
           if below else " cannot be told.")
    )  # fmt: skip


def _either(words: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _and(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
