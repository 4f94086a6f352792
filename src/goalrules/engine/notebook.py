"""Results in notebooks: compact HTML tables with the outcome badges of the HTML report
(``_repr_html_``), and DataFrames (``to_frame``) where a result is a table.

Jupyter, VS Code and other notebook front ends call ``_repr_html_`` to show a
:class:`~goalrules.engine.results.Report`, a SMART report, an achievability judgment or a
channel decision; the helpers here build the markup (escaped, self-contained styles).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

__all__ = ["OneRow", "badge", "frame", "report_html", "table"]

_COLOURS = {
    "pass": ("#dcfce7", "#166534"), "fail": ("#fee2e2", "#991b1b"),
    "unknown": ("#f1f5f9", "#475569"), "skipped": ("#f8fafc", "#94a3b8"),
    "keep": ("#dcfce7", "#166534"), "optimize": ("#dbeafe", "#1e40af"),
    "experiment": ("#f1f5f9", "#475569"), "reduce": ("#fef3c7", "#92400e"),
    "cut": ("#fee2e2", "#991b1b"), "achievable": ("#dcfce7", "#166534"),
    "achieved": ("#dcfce7", "#166534"), "stretch": ("#fef3c7", "#92400e"),
    "unrealistic": ("#fee2e2", "#991b1b"), "expired": ("#fee2e2", "#991b1b"),
    "insufficient_data": ("#f1f5f9", "#475569"), "passed": ("#dcfce7", "#166534"),
    "missed": ("#fee2e2", "#991b1b"),
}  # fmt: skip
_STYLE = "border-collapse:collapse;font:13px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;"
_CELL = "text-align:left;padding:4px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top"


def badge(word: str | None) -> str:
    """An outcome, verdict or decision as a coloured badge."""
    if word is None:
        return "-"
    from goalrules.numbers import words

    bg, fg = _COLOURS.get(str(word), ("#f1f5f9", "#334155"))
    return (f'<span style="background:{bg};color:{fg};padding:1px 7px;border-radius:9px;'
            f'font-weight:600;font-size:12px">{html.escape(words(word))}</span>')  # fmt: skip


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    caption: str | None = None,
    raw: Sequence[int] = (),
) -> str:
    """An HTML table; the columns in ``raw`` hold markup (badges), the others are escaped."""
    head = "".join(f'<th style="{_CELL};background:#f3f4f6">{html.escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, v in enumerate(row):
            text = str(v) if i in raw else html.escape("" if v is None else str(v))
            cells.append(f'<td style="{_CELL}">{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = (f'<caption style="text-align:left;font-weight:600;padding:4px 0">'
           f"{html.escape(caption)}</caption>") if caption else ""  # fmt: skip
    return f'<table style="{_STYLE}">{cap}<tr>{head}</tr>{"".join(body)}</table>'


def report_html(report: Any) -> str:
    """A report: its decision and criteria, then each rule's outcome and message."""
    name = report.ruleset.name
    parts = []
    if report.decision is not None:
        parts.append(f"decision {badge(report.decision)}")
    for c, r in report.criteria.items():
        parts.append(f"{html.escape(c)} {r.score:.0%} {badge('passed' if r.passed else 'missed')}")
    rows = [(f.rule_id, badge(f.outcome.value), f.message) for f in report.findings
            if f.outcome.value != "skipped"]  # fmt: skip
    summary = "<p>" + " &middot; ".join(parts) + "</p>" if parts else ""
    return (f"<div>{summary}"
            + table(["rule", "outcome", "message"], rows, caption=f"ruleset {name}", raw=(1,))
            + "</div>")  # fmt: skip


def frame(rows: Sequence[dict[str, Any]], kind: str = "pandas") -> Any:
    """Rows as a pandas (or ``"polars"``) DataFrame."""
    if kind == "polars":
        import polars as pl

        return pl.DataFrame(list(rows))
    import pandas as pd

    return pd.DataFrame(list(rows))


class _HasDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class OneRow:
    """``to_frame()`` for a result that is one row: its ``to_dict()`` as a one-row
    DataFrame (pandas, or ``kind="polars"``)."""

    __slots__ = ()

    def to_frame(self: _HasDict, kind: str = "pandas") -> Any:
        """This result as a one-row DataFrame, its columns the keys of ``to_dict()``."""
        return frame([self.to_dict()], kind)
