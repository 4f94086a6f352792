"""Reports written as the goals are judged: a check of 100,000 goals holds one goal's
result at a time, not the whole report.

- ``json``: the same document as :func:`goalrules.report.render` (byte for byte),
  written goal by goal;
- ``jsonl``: JSON lines, one object a line: ``{"kind": "check", ...}`` first, then a
  ``"goal"`` line per goal (the ``goals`` entries of the JSON report), a ``"channel"``
  line per channel decision, a ``"plan"`` line and a ``"notes"`` line;
- ``csv``: a row per goal (``id, statement, smart_score, smart_passed, verdict,
  probability``);
- ``text``: the text report; the goals' sections are spooled to a temporary file
  (in memory up to a few megabytes, on disk past that) because the summary above them
  needs every score;
- ``html``: the same page as :func:`goalrules.report.render` (byte for byte): each
  goal's row is written to the goals' table as it is judged and its card is spooled,
  then copied below the table.

Markdown is built from the whole :class:`~goalrules.check.CheckResult`
(:func:`goalrules.report.render`).
"""

from __future__ import annotations

import csv
import json
import tempfile
from typing import Any, TextIO

from goalrules.check import CheckRun, GoalResult
from goalrules.report.json_text import dumps
from goalrules.report.text import (
    _rule,
    _text_channels,
    _text_goal,
    _text_plan,
    _text_summary,
    _text_title,
)

__all__ = ["STREAM_FORMATS", "StreamSummary", "stream_check"]

STREAM_FORMATS = ("text", "json", "jsonl", "csv", "html")
_SPOOL = 4 * 1024 * 1024  # bytes of text kept in memory before the spool goes to disk


class StreamSummary:
    """What a streamed check leaves behind: how many goals, their scores' mean and
    lowest, and the notes (the CLI's ``--fail-under`` and stderr notes use them)."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0.0
        self.lowest: float | None = None
        self.notes: list[str] = []

    def add(self, g: GoalResult) -> None:
        score = g.smart.score
        self.count += 1
        self.total += score
        self.lowest = score if self.lowest is None else min(self.lowest, score)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None


def stream_check(run: CheckRun, fmt: str, out: TextIO) -> StreamSummary:
    """Judge ``run``'s goals one at a time and write the report in ``fmt`` (one of
    :data:`STREAM_FORMATS`) to ``out`` as they are judged."""
    if fmt not in STREAM_FORMATS:
        raise ValueError(f"not a streamed format: {fmt!r} (one of {', '.join(STREAM_FORMATS)})")
    summary = StreamSummary()
    writer = {"json": _json, "jsonl": _jsonl, "csv": _csv, "text": _text, "html": _html}[fmt]
    writer(run, out, summary)
    summary.notes = list(run.notes)
    return summary


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels down."""
    return dumps(value, depth)


def _json(run: CheckRun, out: TextIO, summary: StreamSummary) -> None:
    out.write("{\n")
    out.write(f'  "workspace": {_dumps(run.name, 1)},\n')
    out.write(f'  "today": {_dumps(run.today.isoformat(), 1)},\n')
    out.write('  "goals": [')
    first = True
    for g in run.goals():
        summary.add(g)
        out.write("\n    " if first else ",\n    ")
        out.write(_dumps(g.to_dict(), 2))
        first = False
    out.write("]" if first else "\n  ]")
    channels = [c.to_dict() for c in run.channels()]
    out.write(f',\n  "channels": {_dumps(channels, 1)},\n')
    plan = run.plan()
    out.write(f'  "plan": {_dumps(plan.to_dict() if plan is not None else None, 1)},\n')
    out.write(f'  "notes": {_dumps(list(run.notes), 1)}\n}}\n')


def _jsonl(run: CheckRun, out: TextIO, summary: StreamSummary) -> None:
    def line(kind: str, body: dict[str, Any]) -> None:
        out.write(json.dumps({"kind": kind, **body}, default=str) + "\n")

    line("check", {"workspace": run.name, "today": run.today.isoformat()})
    for g in run.goals():
        summary.add(g)
        line("goal", g.to_dict())
    for c in run.channels():
        line("channel", c.to_dict())
    plan = run.plan()
    if plan is not None:
        line("plan", plan.to_dict())
    line("notes", {"notes": list(run.notes)})


CSV_COLUMNS = ("id", "statement", "smart_score", "smart_passed", "verdict", "probability")


def _csv(run: CheckRun, out: TextIO, summary: StreamSummary) -> None:
    rows = csv.writer(out, lineterminator="\n")
    rows.writerow(CSV_COLUMNS)
    for g in run.goals():
        summary.add(g)
        ach = g.smart.achievability
        rows.writerow(
            [
                g.id,
                g.smart.goal.statement or "",
                f"{g.smart.score:.2f}",
                "true" if g.smart.passed else "false",
                ach.verdict.value if ach is not None else "",
                "" if ach is None or ach.probability is None else f"{ach.probability:.4f}",
            ]
        )


def _text(run: CheckRun, out: TextIO, summary: StreamSummary) -> None:
    with tempfile.SpooledTemporaryFile(_SPOOL, mode="w+", encoding="utf-8") as spool:
        for g in run.goals():
            summary.add(g)
            spool.write("\n".join(_text_goal(g)) + "\n")
        lines = _text_title(run.name, run.today)
        if summary.count:
            lines.append(_text_summary(summary.count, summary.mean or 0.0, summary.lowest or 0))
        lines += _rule(f"Goals: SMART and achievability ({summary.count})")
        out.write("\n".join(lines) + "\n")
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            out.write(chunk)
    tail: list[str] = []
    channels = run.channels()
    if channels:
        tail += _text_channels(channels)
    plan = run.plan()
    if plan is not None:
        tail += _text_plan(plan)
    if tail:
        out.write("\n".join(tail) + "\n")


#: a goal no workspace holds: its row and card mark where the page's goals go
_MARK = "\x00goalrules-goal\x00"
_MARK_VIEW: dict[str, Any] = {"id": _MARK, "statement": _MARK, "score": _MARK, "criteria": [],
                              "verdict": _MARK, "explanation": _MARK, "suggestions": [],
                              "chart": None}  # fmt: skip


def _html(run: CheckRun, out: TextIO, summary: StreamSummary) -> None:
    from goalrules.report.html import check_page, goal_parts, goal_view

    name, today = run.name, run.today.isoformat()
    if not run.workspace.goals:  # no goals section: the page as a whole
        out.write(check_page(name, today, [], run.channels(), run.plan()))
        return
    parts = goal_parts()
    row, card = str(parts.row(_MARK_VIEW)), str(parts.card(_MARK_VIEW))
    page = check_page(name, today, [_MARK_VIEW])  # the page around one marked goal
    head, rest = page.split(row, 1)
    between = rest.split(card, 1)[0]
    out.write(head)
    with tempfile.SpooledTemporaryFile(_SPOOL, mode="w+", encoding="utf-8") as spool:
        for g in run.goals():
            summary.add(g)
            view = goal_view(g)
            out.write(str(parts.row(view)))
            spool.write(str(parts.card(view)))
        out.write(between)
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            out.write(chunk)
    # channels and the plan come after the goals (the plan's lint reads their scores)
    page = check_page(name, today, [_MARK_VIEW], run.channels(), run.plan())
    out.write(page.split(card, 1)[1])
