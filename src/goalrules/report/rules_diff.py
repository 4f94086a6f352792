"""``goalrules rules diff`` reports: text, markdown, JSON and HTML, each judgment that
changes with its explanation before and after, side by side."""

from __future__ import annotations

import html as _escape
import json
import textwrap

from goalrules.diff import RulesDiff, SubjectDiff
from goalrules.report.markdown import _md_escape
from goalrules.visible import shown_as_written

__all__ = ["render_diff"]

_KINDS = (("goals", "Goals"), ("channels", "Channels"), ("plan", "Plan"))


def _items(d: RulesDiff, key: str) -> tuple[SubjectDiff, ...]:
    items: tuple[SubjectDiff, ...] = getattr(d, key)
    return items


def _text(d: RulesDiff) -> str:
    out = [f"rules diff: {d.old} -> {d.new}", d.summary(), ""]
    width = 38
    for key, title in _KINDS:
        items = _items(d, key)
        if not items:
            continue
        out.append(f"{title}")
        for s in items:
            out.append(f"  {s.kind} {s.subject}: {s.headline}")
            for c in s.changes[1:]:
                out.append(f"    {c.what}: {_short(c.before)} -> {_short(c.after)}")
            if s.rules:
                out.append(f"    rules: {', '.join(s.rules)}")
            left = _wrapped(s.before, width)
            right = _wrapped(s.after, width)
            out.append(f"    {'before':<{width}} | after")
            for i in range(max(len(left), len(right))):
                a = left[i] if i < len(left) else ""
                b = right[i] if i < len(right) else ""
                out.append(f"    {a:<{width}} | {b}".rstrip())
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        lines += textwrap.wrap(line, width) or [""]
    return lines


def _short(value: object, limit: int = 70) -> str:
    text = "none" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _md(text: str) -> str:
    """A cell of the markdown table: text from rules and data shown as written (no
    tag, link or emphasis of its own), its lines kept apart."""
    return "<br>".join(_md_escape(line) for line in text.split("\n"))


def _markdown(d: RulesDiff) -> str:
    out = [f"# Rules diff: {_md(d.old)} -> {_md(d.new)}", "", d.summary(), ""]
    for key, title in _KINDS:
        items = _items(d, key)
        if not items:
            continue
        out += [f"## {title}", "", "| | change | rules | before | after |", "|---|---|---|---|---|"]
        for s in items:
            changes = "<br>".join(
                f"{c.what}: {_md(_short(c.before))} -> {_md(_short(c.after))}" for c in s.changes
            )
            out.append(f"| {_md(s.subject)} | {changes} | {', '.join(s.rules)} | "
                       f"{_md(s.before)} | {_md(s.after)} |")  # fmt: skip
        out.append("")
    return "\n".join(out)


def _html(d: RulesDiff) -> str:
    e = _escape.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Rules diff: {e(d.old)} -> {e(d.new)}</title>",
        "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:"
        "collapse}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:"
        "left}pre{white-space:pre-wrap;margin:0}</style></head><body>",
        f"<h1>Rules diff</h1><p>{e(d.old)} &rarr; {e(d.new)}</p><p>{e(d.summary())}</p>",
    ]
    for key, title in _KINDS:
        items = _items(d, key)
        if not items:
            continue
        parts.append(f"<h2>{title}</h2><table><tr><th></th><th>change</th><th>rules</th>"
                     "<th>before</th><th>after</th></tr>")  # fmt: skip
        for s in items:
            changes = "<br>".join(
                f"{e(c.what)}: {e(_short(c.before))} &rarr; {e(_short(c.after))}" for c in s.changes
            )
            parts.append(f"<tr><td>{e(s.subject)}</td><td>{changes}</td>"
                         f"<td>{e(', '.join(s.rules))}</td><td><pre>{e(s.before)}</pre></td>"
                         f"<td><pre>{e(s.after)}</pre></td></tr>")  # fmt: skip
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


@shown_as_written
def render_diff(d: RulesDiff, fmt: str = "text") -> str:
    """A rules diff in ``text``, ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        return json.dumps(d.to_dict(), indent=2, default=str) + "\n"
    if fmt == "markdown":
        return _markdown(d)
    if fmt == "html":
        return _html(d)
    return _text(d)
