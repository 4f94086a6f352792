"""The HTML report: one self-contained file, from a Jinja2 template (autoescaped, so
a goal statement holding ``<script>`` shows as text), with charts as inline SVG drawn
by matplotlib when it is installed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Sequence
from typing import Any

from goalrules.check import CheckResult, GoalResult, PlanResult
from goalrules.judgments.channel_text import (
    compare_with_portfolio,
    distinct_digits,
    portfolio_line,
    summary_why,
)
from goalrules.judgments.channels import ChannelDecision
from goalrules.numbers import (
    format_count,
    format_percent,
    format_score,
    format_whole_percent,
    words,
)
from goalrules.report.charts import _channel_charts, _goal_chart, _plan_chart, charts_available

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


@functools.cache
def _environment() -> Any:
    """The Jinja2 environment of the HTML pages (autoescaped), over ``templates/``."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("goalrules.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _template() -> Any:
    return _environment().get_template("report.html.j2")


def _portfolio_rate(decisions: list[ChannelDecision] | tuple[ChannelDecision, ...]) -> float | None:
    portfolio = getattr(decisions, "portfolio", None)
    if portfolio is not None:
        return portfolio.lead_rate  # type: ignore[no-any-return]
    counts = [(d.evidence.visits, d.evidence.leads) for d in decisions]
    if any(v is None or le is None for v, le in counts):  # not measured: no rate
        return None
    visits = math.fsum(v or 0.0 for v, _ in counts)
    return math.fsum(le or 0.0 for _, le in counts) / visits if visits else None


def _channels(
    decisions: list[ChannelDecision] | tuple[ChannelDecision, ...],
) -> list[dict[str, Any]]:
    portfolio = getattr(decisions, "portfolio", None)
    reference = portfolio.lead_rate if portfolio is not None else None
    rows = []
    for d in decisions:
        ev = d.evidence
        rows.append(
            {
                "channel": d.channel,
                "decision": d.decision.value,
                "visits": _customers(ev.visits),
                "leads": _customers(ev.leads),
                "customers": _customers(ev.customers),
                "rate": _rate(ev.lead_rate, ev.lead_rate_low, ev.lead_rate_high, reference),
                "why": summary_why(d.why, ev.quality),
            }
        )
    return rows


def _rate(
    rate: float | None, low: float | None, high: float | None, reference: float | None
) -> str:
    """A lead-rate cell, with the decimals the text's evidence writes: an interval
    credibly below the portfolio's 1.342 % reads 1.075 %-1.336 %, never 1.1 %-1.3 %,
    and a rate of 3.04 % with its bound of 2.997 % never "3 % (3 %-3.1 %)"."""
    if rate is None:
        return "n/a"
    digits = distinct_digits(rate, low, high, reference)
    own, lo, hi = (format_percent(v, digits=digits) for v in (rate, low, high))
    cell = f"{own} ({lo}-{hi})"
    if reference is not None:
        where = compare_with_portfolio(low, high, reference)
        cell += f", {where} the portfolio's {format_percent(reference, digits=digits)}"
    return cell


def _portfolio_line(decisions: list[ChannelDecision] | tuple[ChannelDecision, ...]) -> str | None:
    """What the decisions compare each channel with, as the text report says it."""
    portfolio = getattr(decisions, "portfolio", None)
    return portfolio_line(portfolio) if portfolio is not None else None


def _customers(n: float | None) -> str:
    """Customers (visits, leads) as a count, or "not measured" (unknown: never 0)."""
    return "not measured" if n is None else format_count(n)


def _plan(plan: PlanResult) -> dict[str, Any]:
    return {
        "days": plan.days,
        "tactics": [
            {
                "rank": r.rank,
                "id": r.id,
                "text": r.tactic.text,
                "quadrant": words(r.quadrant),
                "value": r.tactic.value,
                "complexity": r.tactic.complexity,
                "owners": ", ".join(r.tactic.owners) or "(nobody)",
                "due": ", ".join(d.isoformat() for d in plan.due_dates(r.id)) or plan.beyond(r.id),
            }
            for r in plan.ranked
        ],
        "lint": [f.to_dict() for f in plan.lint],
        "chart": _plan_chart(plan),
    }


def _goals(result: CheckResult) -> list[dict[str, Any]]:
    return [goal_view(g, result.today) for g in result.goals]


def goal_view(g: GoalResult, today: _dt.date | None = None) -> dict[str, Any]:
    """What the page shows of one goal (its row and its card; its chart as of
    ``today``, the check's date)."""
    crit = []
    for name in CRITERIA:
        c = g.smart.criteria[name]
        if c.passed:
            crit.append({"css": "ok", "label": "met"})
        elif c.unknown and c.score == 0:
            crit.append({"css": "unk", "label": "unknown"})
        else:
            crit.append({"css": "miss", "label": format_whole_percent(c.score)})
    ach = g.smart.achievability
    return {
        "id": g.id, "statement": g.smart.goal.statement, "score": format_score(g.smart.score),
        "criteria": crit, "verdict": words(ach.verdict) if ach else "no history",
        "explanation": ach.explanation if ach else "", "suggestions": list(g.smart.suggestions),
        "chart": _goal_chart(g, today),
    }  # fmt: skip


@functools.cache
def goal_parts() -> Any:
    """The macros that write one goal: ``row(view)`` and ``card(view)`` (looked up once:
    a streamed page asks for them a goal at a time)."""
    return _environment().get_template("goal.html.j2").module


def check_page(
    name: str | None,
    today: str,
    goals: list[dict[str, Any]],
    channels: list[ChannelDecision] | tuple[ChannelDecision, ...] = (),
    plan: PlanResult | None = None,
    notes: Sequence[str] = (),
) -> str:
    """The check page of these goals' views (:func:`goal_view`), channels and plan, and
    the notes of what reading the workspace and data assumed (the JSON's ``notes``)."""
    return _page(
        f"goalrules check: {name or 'workspace'}",
        today,
        goals=goals,
        channels=_channels(channels),
        portfolio=_portfolio_line(channels),
        channel_charts=_channel_charts(channels, _portfolio_rate(channels)),
        plan=_plan(plan) if plan else None,
        notes=list(notes),
    )


def _page(title: str, today: str, **parts: Any) -> str:
    import goalrules

    return str(
        _template().render(
            title=title,
            today=today,
            version=goalrules.__version__,
            charts_available=charts_available(),
            criteria=[c.replace("_", "-") for c in CRITERIA],
            goals=parts.get("goals"),
            channels=parts.get("channels"),
            channel_charts=parts.get("channel_charts"),
            plan=parts.get("plan"),
            summary=parts.get("summary"),
            portfolio=parts.get("portfolio"),
            context=parts.get("context"),
            notes=parts.get("notes") or [],
        )
    )


def html(result: CheckResult) -> str:
    """The whole check as one HTML page."""
    return check_page(
        result.name,
        result.today.isoformat(),
        _goals(result),
        result.channels,
        result.plan,
        result.notes,
    )


def html_channels(decisions: list[ChannelDecision], today: _dt.date | None = None) -> str:
    """Channel decisions as one HTML page, as of ``today`` (the date they were judged as
    of; default the real date)."""
    return _page(
        "goalrules channels",
        (today or _dt.date.today()).isoformat(),
        channels=_channels(decisions),
        portfolio=_portfolio_line(decisions),
        channel_charts=_channel_charts(decisions, _portfolio_rate(decisions)),
        context=[c.describe() for c in getattr(decisions, "context", ())],
    )


def html_book(
    decided: Any, rows: list[dict[str, Any]], summary: str, today: _dt.date | None = None
) -> str:
    """Channel decisions of many accounts as one HTML page, as of ``today`` (default the
    real date)."""
    book = []
    for r, row in zip(decided.iter_rows(named=True), rows, strict=True):
        # the rate as one account's page writes it; the reasons all, as the markdown's
        rate = _rate(r["lead_rate"], r["lead_rate_low"], r["lead_rate_high"],
                     r["portfolio_lead_rate"])  # fmt: skip
        book.append({
            "account": r["account"], "channel": r["channel"], "decision": r["decision"],
            "visits": _customers(r["visits"]), "leads": _customers(r["leads"]),
            "customers": _customers(r["customers"]), "rate": rate,
            "why": "; ".join(row["reasons"]),
        })  # fmt: skip
    return _page("goalrules channels by account", (today or _dt.date.today()).isoformat(),
                 channels=book, summary=summary)  # fmt: skip


def html_plan(plan: PlanResult) -> str:
    return _page("goalrules plan", plan.start.isoformat(), plan=_plan(plan))
