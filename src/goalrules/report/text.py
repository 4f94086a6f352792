"""The text report: 80 columns for the terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from goalrules.check import CheckResult, PlanResult
from goalrules.judgments.channels import ChannelDecision
from goalrules.numbers import format_count, format_number, format_percent, words

WIDTH = 80


def _wrap(text: str, indent: str = "    ", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first or indent]


def _rule(title: str, char: str = "=") -> list[str]:
    return ["", title, char * min(len(title), WIDTH)]


# -- text -------------------------------------------------------------------------------


def _text_goals(result: CheckResult) -> list[str]:
    lines = _rule(f"Goals: SMART and achievability ({len(result.goals)})")
    for g in result.goals:
        smart = g.smart
        lines.append("")
        lines.append(f"{g.id}  SMART {smart.score:.0f}/100")
        if smart.goal.statement:
            lines += _wrap(f'"{smart.goal.statement}"', "  ")
        marks = "  ".join(
            f"{name[0].upper()}{'+' if c.passed else ('?' if c.unknown and c.score == 0 else '-')}"
            for name, c in smart.criteria.items()
        )
        lines.append(f"  criteria: {marks}   (+ met, - missed, ? unknown)")
        ach = smart.achievability
        if ach is not None:
            lines += _wrap(f"achievability: {words(ach.verdict)}. {ach.explanation}", "    ", "  ")
        for tip in smart.suggestions:
            lines += _wrap(tip, "      ", "  - ")
    return lines


def _text_channels(decisions: tuple[ChannelDecision, ...] | list[ChannelDecision]) -> list[str]:
    lines = _rule(f"Channels: keep, optimize or cut ({len(decisions)})")
    for d in decisions:
        lines.append("")
        lines.append(f"{d.channel:<12} {d.decision.value.upper()}")
        for reason in d.reasons:
            lines += _wrap(reason, "      ", "  - ")
        for c in d.evidence.campaigns:
            rate = format_percent(c.lead_rate)
            lines += _wrap(
                f"campaign {c.campaign}: {format_count(c.visits, 'visit')}, "
                f"{format_count(c.leads, 'lead')} ({rate})",
                "      ",
                "  * ",
            )
    return lines


def _text_plan(plan: PlanResult) -> list[str]:
    lines = _rule("Plan: tactics by priority")
    lines.append(f"{'#':>2}  {'tactic':<24} {'quadrant':<13} {'v/c':<4} {'owners':<14} next due")
    for r in plan.ranked:
        due = plan.due_dates(r.id)
        nxt = due[0].isoformat() if due else "-"
        more = f" (+{len(due) - 1})" if len(due) > 1 else ""
        owners = ", ".join(r.tactic.owners) or "(nobody)"
        lines.append(
            f"{r.rank:>2}  {r.id[:24]:<24} {words(r.quadrant):<13} "
            f"{r.tactic.value}/{r.tactic.complexity}  {owners[:14]:<14} {nxt}{more}"
        )
    lines += _rule(f"Plan lint ({format_count(len(plan.lint), 'problem')})", "-")
    for f in plan.lint:
        lines += _wrap(f"{f.item}: {f.message}", "      ", "  - ")
        if f.fix:
            lines += _wrap(f"fix: {f.fix}", "      ", "      ")
    return lines


def text(result: CheckResult) -> str:
    title = f"goalrules check: {result.name or 'workspace'} (as of {result.today.isoformat()})"
    lines = [title, "=" * min(len(title), WIDTH)]
    if result.goals:
        low = result.lowest_score or 0
        mean = sum(g.smart.score for g in result.goals) / len(result.goals)
        lines.append(
            f"{format_count(len(result.goals), 'goal')}, mean SMART score {mean:.0f}/100, "
            f"lowest {low:.0f}"
        )
    lines += _text_goals(result)
    if result.channels:
        lines += _text_channels(result.channels)
    if result.plan is not None:
        lines += _text_plan(result.plan)
    return "\n".join(lines) + "\n"


def _book_reasons(r: dict[str, Any]) -> list[str]:
    """The numbers behind one (account, channel) decision of the table path."""
    out = []
    if r["lead_rate"] is not None:
        rate = f"lead rate {format_percent(r['lead_rate'])}"
        if r["lead_rate_low"] is not None:
            low, high = format_percent(r["lead_rate_low"]), format_percent(r["lead_rate_high"])
            rate += f" (95 % CI {low}-{high})"
        if r.get("portfolio_lead_rate") is not None:
            rate += f" vs the account's {format_percent(r['portfolio_lead_rate'])}"
        out.append(rate)
    else:
        out.append("no visits recorded")
    months = format_count(r["months"], "month")
    share = r.get("visits_share")
    out.append(
        f"{format_count(r['visits'], 'visit')} over {months}"
        + (f", {format_percent(share)} of the account's" if share is not None else "")
    )
    trends = [
        f"{name} {format_percent(r[col], signed=True)} a month"
        for name, col in (("visits", "visits_trend"), ("leads", "leads_trend"))
        if r.get(col) is not None
    ]
    if trends:
        out.append("trend: " + ", ".join(trends))
    if r.get("role") is None:
        out.append("no role set: give the channel one (leads, traffic...) to judge it by")
    elif r.get("fulfils_role") is not None:
        verb = "fulfils" if r["fulfils_role"] else "does not fulfil"
        out.append(f"{verb} its role ({r['role']})")
    if r.get("spend") is not None and r["leads"]:
        out.append(f"cost per lead {format_number(r['spend'] / r['leads'])}")
    return out
