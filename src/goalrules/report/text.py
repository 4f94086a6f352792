"""The text report: 80 columns for the terminal."""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Sequence

from goalrules.check import CheckResult, GoalResult, PlanResult
from goalrules.judgments.channel_text import portfolio_line
from goalrules.judgments.channels import ChannelDecision
from goalrules.numbers import format_count, format_percent, format_score, words

WIDTH = 80


_GLUE = "\ue000"  # holds a number to its " %" while a line is filled: "3.3 %", never "3.3" | "%"


def _wrap(text: str, indent: str = "    ", first: str | None = None) -> list[str]:
    glued = _GLUE not in text and " %" in text
    lines = textwrap.wrap(
        text.replace(" %", _GLUE + "%") if glued else text,
        width=WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first or indent]
    return [line.replace(_GLUE, " ") for line in lines] if glued else lines


def _count(n: float | None, unit: str) -> str:
    """``12 visits``, or ``visits unknown`` (not measured: never shown as 0)."""
    return f"{unit}s unknown" if n is None else format_count(n, unit)


def _rule(title: str, char: str = "=") -> list[str]:
    return ["", title, char * min(len(title), WIDTH)]


# -- text -------------------------------------------------------------------------------


def _text_goals(result: CheckResult) -> list[str]:
    lines = _rule(f"Goals: SMART and achievability ({len(result.goals)})")
    for g in result.goals:
        lines += _text_goal(g)
    return lines


def _text_goal(g: GoalResult) -> list[str]:
    """One goal's section: its SMART score and criteria, achievability, the fixes."""
    smart = g.smart
    lines = ["", f"{g.id}  SMART {format_score(smart.score)}/100"]
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


def _text_title(name: str | None, today: _dt.date) -> list[str]:
    title = f"goalrules check: {name or 'workspace'} (as of {today.isoformat()})"
    return [title, "=" * min(len(title), WIDTH)]


def _text_summary(count: int, mean: float, low: float) -> str:
    goals, mean_score, lowest = format_count(count, "goal"), format_score(mean), format_score(low)
    return f"{goals}, mean SMART score {mean_score}/100, lowest {lowest}"


def _text_channels(decisions: tuple[ChannelDecision, ...] | list[ChannelDecision]) -> list[str]:
    lines = _rule(f"Channels: keep, optimize or cut ({len(decisions)})")
    portfolio = getattr(decisions, "portfolio", None)
    if portfolio is not None:
        lines += _wrap(portfolio_line(portfolio), "  ", "")
    for d in decisions:
        lines.append("")
        lines.append(f"{d.channel:<12} {d.decision.value.upper()}")
        for reason in d.reasons:
            lines += _wrap(reason, "      ", "  - ")
        for c in d.evidence.campaigns:
            rate = format_percent(c.lead_rate)
            lines += _wrap(
                f"campaign {c.campaign}: {_count(c.visits, 'visit')}, "
                f"{_count(c.leads, 'lead')} ({rate})",
                "      ",
                "  * ",
            )
    context = getattr(decisions, "context", ())
    if context:
        lines += ["", "Not judged (context: not social channels; --all-sources judges them):"]
        for share in context:
            lines += _wrap(share.describe(), "      ", "  - ")
    return lines


def _cut(text: str, width: int) -> str:
    """``text`` in ``width`` columns, a cut one ending in "…" (an owner "Jordan" cut to
    "Jor" read as a name of its own; two tactics' ids alike in their first 24 letters
    as one tactic)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_plan(plan: PlanResult) -> list[str]:
    lines = _rule("Plan: tactics by priority")
    lines.append(
        f"{'#':>2}  {'tactic':<24} {'quadrant':<13} {'v/c':<4} {'owners':<14} next due (+ more)"
    )
    for r in plan.ranked:
        due = plan.due_dates(r.id)
        after = plan.next_due(r.id)  # (past the window: its next date, not "-")
        nxt = after.isoformat() if after is not None else "-"
        more = f" (+{len(due) - 1})" if len(due) > 1 else ""  # (the header says what)
        owners = ", ".join(r.tactic.owners) or "(nobody)"
        lines.append(
            f"{r.rank:>2}  {_cut(r.id, 24):<24} {words(r.quadrant):<13} "
            f"{r.tactic.value}/{r.tactic.complexity}  {_cut(owners, 14):<14} {nxt}{more}"
        )
    if any(len(plan.due_dates(r.id)) > 1 for r in plan.ranked):  # what "(+12)" counts
        end = plan.start + _dt.timedelta(days=plan.days)  # (schedule's window, both ends)
        lines.append(
            f"    (+N: due N more times from {plan.start.isoformat()} to {end.isoformat()})"
        )
    lines += _rule(f"Plan lint ({format_count(len(plan.lint), 'problem')})", "-")
    for f in plan.lint:
        lines += _wrap(f"{f.item}: {f.message}", "      ", "  - ")
        if f.fix:
            lines += _wrap(f"fix: {f.fix}", "      ", "      ")
    return lines


def _text_notes(notes: Sequence[str]) -> list[str]:
    """What reading the workspace and data assumed or could not tell ("1.500" could be
    1.5 or 1,500), as the JSON's ``notes`` say it: in the report, not only on stderr."""
    if not notes:
        return []
    lines = _rule(f"Notes ({len(notes)})")
    for note in notes:
        lines += _wrap(note, "      ", "  - ")
    return lines


def text(result: CheckResult) -> str:
    lines = _text_title(result.name, result.today)
    if result.goals:
        low = result.lowest_score or 0
        mean = sum(g.smart.score for g in result.goals) / len(result.goals)
        lines.append(_text_summary(len(result.goals), mean, low))
    lines += _text_goals(result)
    if result.channels:
        lines += _text_channels(result.channels)
    if result.plan is not None:
        lines += _text_plan(result.plan)
    lines += _text_notes(result.notes)
    return "\n".join(lines) + "\n"
