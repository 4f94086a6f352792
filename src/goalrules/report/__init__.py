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
from goalrules.judgments.channel_text import portfolio_line
from goalrules.judgments.channels import ChannelDecision
from goalrules.report.html import html, html_book, html_channels, html_plan
from goalrules.report.json_text import dumps
from goalrules.report.markdown import _md_channel, _md_escape, markdown
from goalrules.report.text import _text_channels, _text_plan, text
from goalrules.visible import shown_as_written

__all__ = ["render", "render_book", "render_channels", "render_plan"]

# -- entry points ------------------------------------------------------------------------


@shown_as_written
def render(result: CheckResult, fmt: str = "text") -> str:
    """Render a check in ``text``, ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        return dumps(result.to_dict()) + "\n"
    if fmt == "markdown":
        return markdown(result)
    if fmt == "html":
        return html(result)
    return text(result)


@shown_as_written
def render_channels(
    decisions: list[ChannelDecision], fmt: str = "text", *, today: Any = None
) -> str:
    """Channel decisions in ``text``, ``markdown``, ``json`` or ``html`` (the page says
    it is as of ``today``, the date they were judged as of; default the real date)."""
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
        portfolio = getattr(decisions, "portfolio", None)
        said = f"{_md_escape(portfolio_line(portfolio))}\n\n" if portfolio is not None else ""
        return "# Channels\n\n" + said + "\n".join(rows) + "\n"
    if fmt == "html":
        return html_channels(decisions, today=today)
    return "\n".join(_text_channels(decisions)).lstrip("\n") + "\n"


@shown_as_written
def render_book(
    decided: Any,
    fmt: str = "text",
    *,
    today: Any = None,
    jobs: int = 1,
    currency: str | None = None,
) -> str:
    """Channel decisions of many accounts (the polars table of
    :func:`goalrules.scale.batch.decide_channels_table`) as text, JSON, markdown or HTML,
    each decision in the words it has for one account, costs in ``currency`` (the table's:
    it need not be given; to write a
    large book to a file, :func:`goalrules.report.book.write_book` streams it)."""
    import io

    from goalrules.report.book import book_rows, book_summary, write_book

    if fmt == "html":
        rows = list(book_rows(decided, today=today, currency=currency))
        return html_book(decided, rows, book_summary(decided), today=today)
    out = io.StringIO()
    kind = fmt if fmt in ("json", "markdown") else "text"
    write_book(decided, kind, out, today=today, jobs=jobs, currency=currency)
    return out.getvalue()


@shown_as_written
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
