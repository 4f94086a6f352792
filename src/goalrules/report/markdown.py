"""The markdown report: tables and headings for a wiki page or a pull request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from datetime import timedelta

from goalrules.check import CheckResult
from goalrules.judgments.channel_text import portfolio_line, summary_why
from goalrules.judgments.channels import ChannelDecision
from goalrules.judgments.planning import LintFinding, RankedTactic
from goalrules.judgments.smart import CriterionScore
from goalrules.numbers import format_score, words

# -- markdown -----------------------------------------------------------------------------


_MARKDOWN = {
    ord("\\"): "\\\\",
    ord("|"): "\\|",  # would end a table cell
    ord("\n"): " ",
    ord("<"): "&lt;",  # no tag opens; a lone ">" ("P 5 % -> 9 %") reads as itself
    ord("&"): "&amp;",  # "&lt;" written in data is shown as written, not as "<"
    ord("["): "\\[",  # no link, no image: "[x](javascript:...)", "![](https://...)"
    ord("]"): "\\]",
    ord("`"): "\\`",  # no code span
    ord("*"): "\\*",  # no emphasis
    ord("_"): "\\_",
    ord("~"): "\\~",  # no strikethrough
}


def _md_escape(text: str) -> str:
    """User text as markdown shows it, not as markdown reads it: a ``|`` would end a
    table cell, ``<b>`` or ``<script>`` would be read as HTML by a renderer,
    ``[here](javascript:...)`` as a link and ``![](https://...)`` as an image fetched
    when the page is viewed, ``**`` as emphasis (a goal named ``<script>`` or a
    statement with ``<b>now</b>`` or ``[x](y)`` is shown as written)."""
    return text.translate(_MARKDOWN)


CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def _mark(c: CriterionScore) -> str:
    if c.passed:
        return "yes"
    return "?" if c.unknown and c.score == 0 else "no"


def _md_channel(d: ChannelDecision) -> str:
    why = _md_escape(summary_why(d.why, d.evidence.quality))
    return f"| {_md_escape(d.channel)} | **{d.decision.value}** | {why} |"


def _md_tactic(r: RankedTactic, due: Sequence[Date], none: str = "-") -> str:
    """A tactic's row: its first three due dates, and how many more the window holds
    (as the text report's "(+12)"), so three dates are never read as all of them;
    ``none`` when the window holds none ("- (next 2027-06-30)")."""
    shown = ", ".join(d.isoformat() for d in due[:3]) or none
    if len(due) > 3:
        shown += f" (+{len(due) - 3} more)"
    vc = f"{r.tactic.value}/{r.tactic.complexity}"
    owners = _md_escape(", ".join(r.tactic.owners))
    return f"| {r.rank} | {_md_escape(r.id)} | {words(r.quadrant)} | {vc} | {owners} | {shown} |"


def _md_lint(f: LintFinding) -> str:
    """A lint problem with its fix, as the text and HTML reports give it."""
    line = f"- **{_md_escape(f.item)}**: {_md_escape(f.message)}"
    return f"{line} Fix: {_md_escape(f.fix)}" if f.fix else line


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
        out.append(f"| {_md_escape(g.id)} | {format_score(g.smart.score)} | {marks} | {verdict} |")
    for g in result.goals:
        out += ["", f"### {_md_escape(g.id)}", ""]
        if g.smart.goal.statement:
            out += [f"> {_md_escape(g.smart.goal.statement)}", ""]
        if g.smart.achievability is not None:
            out += [_md_escape(g.smart.achievability.explanation), ""]
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
            out.append(_md_tactic(r, result.plan.due_dates(r.id), result.plan.beyond(r.id)))
        plan, end = result.plan, result.plan.start + timedelta(days=result.plan.days)
        out += ["", f"Due: the dates from {plan.start.isoformat()} to {end.isoformat()}."]
        out += ["", "### Lint", ""]
        out += [_md_lint(f) for f in result.plan.lint] or ["- No problems."]
    if result.notes:  # what reading the workspace and data assumed, as the JSON's notes
        out += ["", "## Notes", ""]
        out += [f"- {_md_escape(note)}" for note in result.notes]
    return "\n".join(out) + "\n"
