"""The markdown report: tables and headings for a wiki page or a pull request."""

from __future__ import annotations

from goalrules.check import CheckResult
from goalrules.judgments.channel_text import portfolio_line, summary_why
from goalrules.judgments.channels import ChannelDecision
from goalrules.judgments.smart import CriterionScore
from goalrules.numbers import words

# -- markdown -----------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def _mark(c: CriterionScore) -> str:
    if c.passed:
        return "yes"
    return "?" if c.unknown and c.score == 0 else "no"


def _md_channel(d: ChannelDecision) -> str:
    why = _md_escape(summary_why(d.why, d.evidence.quality))
    return f"| {d.channel} | **{d.decision.value}** | {why} |"


def markdown(result: CheckResult) -> str:
    out = [
        f"# goalrules check: {_md_escape(result.name or 'workspace')}",
        "",
        f"As of {result.today.isoformat()}.",
        "",
        "## Goals",
        "",
        "| goal | SMART | S | M | A | R | T | achievability |",
        "|---|---:|---|---|---|---|---|---|",
    ]
    for g in result.goals:
        c = g.smart.criteria
        marks = " | ".join(_mark(c[n]) for n in CRITERIA)
        ach = g.smart.achievability
        verdict = words(ach.verdict) if ach is not None else "no history"
        out.append(f"| {g.id} | {g.smart.score:.0f} | {marks} | {verdict} |")
    for g in result.goals:
        out += ["", f"### {g.id}", ""]
        if g.smart.goal.statement:
            out += [f"> {_md_escape(g.smart.goal.statement)}", ""]
        if g.smart.achievability is not None:
            out += [g.smart.achievability.explanation, ""]
        out += [f"- {_md_escape(tip)}" for tip in g.smart.suggestions] or ["- SMART as written."]
    if result.channels:
        out += ["", "## Channels", ""]
        portfolio = getattr(result.channels, "portfolio", None)
        if portfolio is not None:  # what "vs 1.3 %" in the reasons compares with
            out += [_md_escape(portfolio_line(portfolio)), ""]
        out += ["| channel | decision | why |", "|---|---|---|"]
        out += [_md_channel(d) for d in result.channels]
    if result.plan is not None:
        out += [
            "",
            "## Plan",
            "",
            "| # | tactic | quadrant | value/complexity | owners | due |",
            "|---:|---|---|---|---|---|",
        ]
        for r in result.plan.ranked:
            due = ", ".join(d.isoformat() for d in result.plan.due_dates(r.id)[:3])
            vc = f"{r.tactic.value}/{r.tactic.complexity}"
            owners = ", ".join(r.tactic.owners)
            out.append(f"| {r.rank} | {r.id} | {words(r.quadrant)} | {vc} | {owners} | {due} |")
        out += ["", "### Lint", ""]
        out += [f"- **{f.item}**: {_md_escape(f.message)}" for f in result.plan.lint] or [
            "- No problems."
        ]
    return "\n".join(out) + "\n"
