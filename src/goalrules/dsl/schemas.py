"""The fact schemas rules may read without declaring them: ``goal``, ``history``,
``channel``, ``portfolio``, ``month``, ``tactic`` and ``plan``.

The judgments build these facts as plain mappings from the model (see
:mod:`goalrules.judgments`); a rule file may add its own with ``fact name: type``.
"""

from __future__ import annotations

from collections.abc import Mapping

from goalrules.dsl.types import Schema

__all__ = ["BUILTIN_SCHEMAS"]

GOAL = Schema.build(
    "goal",
    {
        "id": "text",
        "statement": "text",
        "objective": "text",
        "metric": "text",
        "channel": "text",
        "baseline": "quantity",
        "target": "quantity",
        "target_text": "text",
        "target_kind": "text",
        "target_is_relative": "bool",
        "start": "date",
        "deadline": "date",
        "recurs": "text",
        "tiers": "list of text",
        "supports": "list of text",
        "supports_known": "list of text",
        "objectives_known": "list of text",
        "owner": "text",
        "review": "text",
        "has_number": "bool",
        "vague_words": "list of text",
        "understood": "list of text",
    },
    doc="A social-media goal; quantities carry the metric's unit.",
)

HISTORY = Schema.build(
    "history",
    {
        "metric": "text",
        "observations": "number",
        "months_observed": "number",
        "span": "duration",
        "first": "date",
        "last": "date",
        "current": "quantity",
        "target": "quantity",
        "met": "bool",
        "deadline_passed": "bool",
        "deadline_seen": "bool",
        "historical_rate": "%",
        "required_rate": "%",
        "probability": "%",
        # the chance as the explanation says it ("34 %", "under 1 %"): never rounded
        # across one half or a verdict's threshold, nor to a certainty it is not
        "probability_text": "text",
        "projected": "quantity",
        "suggested_target": "quantity",
        "projected_text": "text",
        "suggested_text": "text",
        "advice_text": "text",
        "suggested_deadline": "date",
        "verdict": "text",
        "reason": "text",
        "remedy_text": "text",
        "method": "text",
        "months_left": "duration",
        "change_from": "date",
    },
    doc="The goal's metric history and the achievability judgment on it.",
)

CHANNEL = Schema.build(
    "channel",
    {
        "id": "text",
        "role": "text",
        "formats_tried": "list of text",
        "formats": "number",
        "months": "number",
        "visits": "visit",
        "leads": "lead",
        "customers": "customer",
        "spend": "quantity",
        "hours": "hour",
        "lead_rate": "%",
        "lead_rate_low": "%",
        "lead_rate_high": "%",
        "customer_rate": "%",
        "customer_rate_low": "%",
        "cost_per_lead": "quantity",
        "visits_trend": "%",
        "leads_trend": "%",
        "visits_share": "%",
        "leads_share": "%",
        "fulfils_role": "bool",
        "role_metric_trend": "%",
    },
    doc="One channel's evidence over the period judged (monthly averages and totals).",
)

PORTFOLIO = Schema.build(
    "portfolio",
    {
        "channels": "number",
        "visits": "visit",
        "leads": "lead",
        "customers": "customer",
        "lead_rate": "%",
        "customer_rate": "%",
        "cost_per_lead": "quantity",
    },
    doc="All channels together.",
)

MONTH = Schema.build(
    "month",
    {
        "channel": "text",
        "campaign": "text",
        "month": "date",
        "visits": "visit",
        "leads": "lead",
        "customers": "customer",
        "spend": "quantity",
        "hours": "hour",
        "followers": "follower",
        "engagements": "engagement",
        "reach": "person",
    },
    doc="One channel-month of performance.",
)

TACTIC = Schema.build(
    "tactic",
    {
        "id": "text",
        "goal": "text",
        "text": "text",
        "value": "number",
        "complexity": "number",
        "owners": "list of text",
        "eta": "date",
        "recurring": "bool",
        "quadrant": "text",
        "goal_deadline": "date",
        "goal_known": "bool",
    },
    doc="A tactic of the plan.",
)

PLAN = Schema.build(
    "plan",
    {
        "objectives": "list of text",
        "goals": "list of text",
        "tactics": "list of text",
        "owners": "list of text",
    },
    doc="The plan as a whole.",
)

BUILTIN_SCHEMAS: Mapping[str, Schema] = {
    s.name: s for s in (GOAL, HISTORY, CHANNEL, PORTFOLIO, MONTH, TACTIC, PLAN)
}
