"""Reports of a check: text for the terminal (80 columns), markdown, JSON and a single
self-contained HTML file (tables always; charts as inline SVG when matplotlib is
installed: ``pip install 'goalrules[report]'``).

The renderers: :mod:`~goalrules.report.text`, :mod:`~goalrules.report.markdown`,
:mod:`~goalrules.report.html` (with :mod:`~goalrules.report.charts`); JSON is each
result's ``to_dict()``. The functions here pick one by format.
"""

from __future__ import annotations

import json
from typing import Any

from goalrules.check import CheckResult, PlanResult
from goalrules.judgments.channels import ChannelDecision
from goalrules.report.html import html, html_book, html_channels, html_plan
from goalrules.report.json_text import dumps
from goalrules.report.markdown import _md_channel, _md_escape, markdown
from goalrules.report.text import _text_channels, _text_plan, _wrap, text

__all__ = ["render", "render_book", "render_channels", "render_plan"]

# -- entry points ------------------------------------------------------------------------


def render(result: CheckResult, fmt: str = "text") -> str:
    """Render a check in ``text``, ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        return dumps(result.to_dict()) + "\n"
    if fmt == "markdown":
        return markdown(result)
    if fmt == "html":
        return html(result)
    return text(result)


def render_channels(decisions: list[ChannelDecision], fmt: str = "text") -> str:
    context = getattr(decisions, "context", ())
    if fmt == "json":
        items = [d.to_dict() for d in decisions]
        items += [{"channel": None, "decision": "context", **c.to_dict()} for c in context]
        return json.dumps(items, indent=2, default=str) + "\n"
    if fmt == "markdown":
        rows = ["| channel | decision | why |", "|---|---|---|"]
        rows += [_md_channel(d) for d in decisions]
        rows += [
            f"| {_md_escape(c.group)} | context | {_md_escape(c.describe())} |" for c in context
        ]
        return "# Channels\n\n" + "\n".join(rows) + "\n"
    if fmt == "html":
        return html_channels(decisions)
    return "\n".join(_text_channels(decisions)).lstrip("\n") + "\n"


def render_book(decided: Any, fmt: str = "text", *, today: Any = None) -> str:
    """Channel decisions of many accounts (the polars table of
    :func:`goalrules.scale.batch.decide_channels_table`) as text, JSON, markdown or HTML,
    each decision in the words it has for one account."""
    from goalrules.scale.batch import book_decisions

    pairs = book_decisions(decided, today=today)
    rows: list[dict[str, Any]] = [
        {"account": account, "channel": d.channel, "decision": d.decision.value,
         "rule": d.rule, "reasons": list(d.reasons)}
        for account, d in pairs
    ]  # fmt: skip
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["decision"]] = counts.get(r["decision"], 0) + 1
    accounts = len({r["account"] for r in rows})
    summary = (
        f"{accounts:,} account{'s' if accounts != 1 else ''}, {len(rows):,} channels: "
        + ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
        + "; each account's judged channels are its portfolio"
    )
    if fmt == "markdown":
        table = ["| account | channel | decision | why |", "|---|---|---|---|"]
        table += [
            f"| {_md_escape(str(r['account']))} | {_md_escape(r['channel'])} | "
            f"**{r['decision']}** | {_md_escape('; '.join(r['reasons']))} |"
            for r in rows
        ]
        return f"# Channels by account\n\n{summary}\n\n" + "\n".join(table) + "\n"
    if fmt == "html":
        return html_book(decided, rows, summary)
    lines = [summary, ""]
    for r in rows:
        lines.append(f"{r['account']!s:<16} {r['channel']:<12} {r['decision'].upper()}")
        for reason in r["reasons"]:
            lines += _wrap(reason, "      ", "  - ")
    return "\n".join(lines) + "\n"


def render_plan(plan: PlanResult, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(plan.to_dict(), indent=2) + "\n"
    if fmt == "markdown":
        fake = CheckResult(None, plan.start, (), (), plan)
        md = markdown(fake)
        return md[md.index("## Plan") :]
    if fmt == "html":
        return html_plan(plan)
    return "\n".join(_text_plan(plan)).lstrip("\n") + "\n"
