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
import datetime as _dt
import functools
import io
import json
import tempfile
from typing import Any, TextIO

from goalrules.check import CheckRun, GoalResult
from goalrules.engine import Outcome
from goalrules.judgments.achievability import Achievability
from goalrules.judgments.achievability_text import CHANCE_DIGITS, shown_chance
from goalrules.judgments.smart import CriterionScore, criterion_dict
from goalrules.report.json_text import Encoded, dumps
from goalrules.report.text import (
    _rule,
    _text_channels,
    _text_goal,
    _text_notes,
    _text_plan,
    _text_summary,
    _text_title,
)
from goalrules.report.workers import judged, write_judged
from goalrules.visible import inert_cell, visible

__all__ = ["STREAM_FORMATS", "StreamSummary", "stream_check"]

STREAM_FORMATS = ("text", "json", "jsonl", "csv", "html")
_PASS, _SKIPPED = Outcome.PASS, Outcome.SKIPPED
_SPOOL = 4 * 1024 * 1024  # bytes of text kept in memory before the spool goes to disk


class StreamSummary:
    """What a streamed check leaves behind: how many goals, their scores' mean and
    lowest, and the notes (the CLI's ``--fail-under`` and stderr notes use them)."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0.0
        self.lowest: float | None = None
        self.notes: list[str] = []

    def add(self, g: GoalResult | float) -> None:
        """Count a judged goal (or its SMART score)."""
        score = float(g) if isinstance(g, (int, float)) else g.smart.score
        self.count += 1
        self.total += score
        self.lowest = score if self.lowest is None else min(self.lowest, score)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None


def stream_check(run: CheckRun, fmt: str, out: TextIO, *, jobs: int | None = 1) -> StreamSummary:
    """Judge ``run``'s goals one at a time and write the report in ``fmt`` (one of
    :data:`STREAM_FORMATS`) to ``out`` as they are judged.

    ``jobs`` above 1 judges the goals in that many worker processes (``0``: one a
    core), slices of goals side by side, written in the workspace's order: the same
    report, byte for byte (see :func:`goalrules.report.workers.judged`)."""
    if fmt not in STREAM_FORMATS:
        raise ValueError(f"not a streamed format: {fmt!r} (one of {', '.join(STREAM_FORMATS)})")
    summary = StreamSummary()
    writer = {"json": _json, "jsonl": _jsonl, "csv": _csv, "text": _text, "html": _html}[fmt]
    writer(run, out, summary, jobs)
    summary.notes = list(run.notes)
    return summary


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels down."""
    return dumps(value, depth)


def _goal_json(g: GoalResult) -> str:
    return _dumps(g.to_dict(criterion=_criterion, judgment=_judgment), 2)


class _Same:
    """A key equal only to a key of the same object (which it holds, so that no other
    object takes its id while the key is kept)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _judgment(ach: Achievability) -> tuple[Encoded, Encoded]:
    """An achievability judgment and its forecast as :class:`Encoded` values keyed by
    the judgment itself: the goals of a check that ask the same question share one
    judgment (:meth:`~goalrules.check.CheckRun.judgment`), whose JSON is then written
    once."""
    same = _Same(ach)
    return Encoded((same, "achievability"), ach.to_dict), Encoded(
        (same, "forecast"), ach.forecast_json
    )


def _criterion(c: CriterionScore) -> Any:
    """A SMART criterion as :func:`criterion_dict` makes it, as an :class:`Encoded`
    keyed by what it writes, so that a criterion many goals of a check meet (or miss)
    in the same words is written once: when every rule of it passes (or is skipped) in
    words that name no value, keyed by those words (no message is rendered); else by
    its findings' texts."""
    said: list[tuple[str, str]] = []
    for f in c.findings:
        outcome = f.outcome
        if outcome is _SKIPPED:
            continue
        text = f.definition.pass_text() if outcome is _PASS else None
        if text is None:  # a miss, or a pass in words of its own
            return _criterion_written(c)
        said.append((f.definition.id, text))
    return Encoded((c.passed, round(c.score, 4), tuple(said)), lambda: criterion_dict(c))


def _criterion_written(c: CriterionScore) -> Encoded:
    """:func:`criterion_dict` of ``c`` as an :class:`Encoded` keyed by all it writes:
    each finding's rule and message, a pass's outcome by the pair's length, a miss's
    outcome, fix and reason (``reason`` is ``None`` but for an unknown)."""
    key: list[Any] = [c.passed, round(c.score, 4)]
    put = key.append
    for f in c.findings:
        outcome = f.outcome
        if outcome is _PASS:
            put((f.definition.id, f.message))
        elif outcome is not _SKIPPED:  # a fail or an unknown: its fix, an unknown's reason
            put((f.definition.id, outcome, f.message, f.fix, f.reason))
    return Encoded(tuple(key), lambda: criterion_dict(c))


def _json(run: CheckRun, out: TextIO, summary: StreamSummary, jobs: int | None) -> None:
    out.write("{\n")
    out.write(f'  "workspace": {_dumps(run.name, 1)},\n')
    out.write(f'  "today": {_dumps(run.today.isoformat(), 1)},\n')
    out.write('  "goals": [')
    for score in write_judged(run, _goal_json, out, jobs, _json_lead):
        summary.add(score)
    out.write("\n  ]" if summary.count else "]")
    channels = [c.to_dict() for c in run.channels()]
    out.write(f',\n  "channels": {_dumps(channels, 1)},\n')
    plan = run.plan()
    out.write(f'  "plan": {_dumps(plan.to_dict() if plan is not None else None, 1)},\n')
    out.write(f'  "notes": {_dumps(list(run.notes), 1)}\n}}\n')


def _json_lead(i: int) -> str:
    """What comes before the ``i``-th goal of the JSON report's ``goals``."""
    return ",\n    " if i else "\n    "


def _line(kind: str, body: dict[str, Any]) -> str:
    return json.dumps({"kind": kind, **body}, default=str) + "\n"


def _goal_line(g: GoalResult) -> str:
    return _line("goal", g.to_dict())


def _jsonl(run: CheckRun, out: TextIO, summary: StreamSummary, jobs: int | None) -> None:
    out.write(_line("check", {"workspace": run.name, "today": run.today.isoformat()}))
    for score in write_judged(run, _goal_line, out, jobs):
        summary.add(score)
    for c in run.channels():
        out.write(_line("channel", c.to_dict()))
    plan = run.plan()
    if plan is not None:
        out.write(_line("plan", plan.to_dict()))
    out.write(_line("notes", {"notes": list(run.notes)}))


CSV_COLUMNS = ("id", "statement", "smart_score", "smart_passed", "verdict", "probability")


def _goal_row(g: GoalResult) -> str:
    return visible(_goal_cells(g), keep="\n")


def _goal_cells(g: GoalResult) -> str:
    ach = g.smart.achievability
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(
        [
            inert_cell(g.id),
            inert_cell(g.smart.goal.statement or ""),
            f"{g.smart.score:.2f}",
            "true" if g.smart.passed else "false",
            ach.verdict.value if ach is not None else "",
            ""
            if ach is None or ach.probability is None
            else _chance_cell(shown_chance(ach.probability, ach.chance_edges)),
        ]
    )
    return buf.getvalue()


def _csv(run: CheckRun, out: TextIO, summary: StreamSummary, jobs: int | None) -> None:
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    for score in write_judged(run, _goal_row, out, jobs):
        summary.add(score)


def _goal_text(g: GoalResult) -> str:
    return visible("\n".join(_text_goal(g)) + "\n", keep="\n")


def _text(run: CheckRun, out: TextIO, summary: StreamSummary, jobs: int | None) -> None:
    with tempfile.SpooledTemporaryFile(_SPOOL, mode="w+", encoding="utf-8") as spool:
        for score, text in judged(run, _goal_text, jobs):
            summary.add(score)
            spool.write(text)
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
    tail += _text_notes(run.notes)
    if tail:
        out.write("\n".join(tail) + "\n")


#: a goal no workspace holds: its row and card mark where the page's goals go
_MARK = "\x00goalrules-goal\x00"
_MARK_VIEW: dict[str, Any] = {"id": _MARK, "statement": _MARK, "score": _MARK, "criteria": [],
                              "verdict": _MARK, "explanation": _MARK, "suggestions": [],
                              "chart": None}  # fmt: skip


def _goal_html(g: GoalResult, today: _dt.date | None = None) -> tuple[str, str]:
    from goalrules.report.html import goal_parts, goal_view

    parts, view = goal_parts(), goal_view(g, today)
    return visible(str(parts.row(view)), keep="\n\t"), visible(str(parts.card(view)), keep="\n\t")


def _html(run: CheckRun, out: TextIO, summary: StreamSummary, jobs: int | None) -> None:
    from goalrules.report.html import check_page, goal_parts

    name, today = run.name, run.today.isoformat()
    if not run.workspace.goals:  # no goals section: the page as a whole
        out.write(check_page(name, today, [], run.channels(), run.plan(), run.notes))
        return
    parts = goal_parts()
    row, card = str(parts.row(_MARK_VIEW)), str(parts.card(_MARK_VIEW))
    page = check_page(name, today, [_MARK_VIEW])  # the page around one marked goal
    head, rest = page.split(row, 1)
    between = rest.split(card, 1)[0]
    out.write(head)
    with tempfile.SpooledTemporaryFile(_SPOOL, mode="w+", encoding="utf-8") as spool:
        for score, (goal_row, goal_card) in judged(
            run, functools.partial(_goal_html, today=run.today), jobs
        ):
            summary.add(score)
            out.write(goal_row)
            spool.write(goal_card)
        out.write(between)
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            out.write(chunk)
    # channels and the plan come after the goals (the plan's lint reads their scores)
    page = check_page(name, today, [_MARK_VIEW], run.channels(), run.plan(), run.notes)
    out.write(page.split(card, 1)[1])


def _chance_cell(shown: float) -> str:
    """A chance in the CSV: its decimals (as the JSON's), or its two significant digits
    when it is too near 0 or 1 for them (``3.1e-08``: never written as a certainty)."""
    digits = CHANCE_DIGITS
    return f"{shown:.{digits}f}" if shown == round(shown, digits) else repr(shown)
