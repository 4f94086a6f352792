"""The review loop: judge a workspace's goals as ``check`` does, keep the review in a
store, and compare it with the last earlier review (``goalrules review``).

>>> import datetime as dt, goalrules as gr
>>> paths = gr.demo_paths()
>>> result = gr.review(paths["workspace"], paths["history"], store=":memory:",
...                    today=dt.date(2026, 1, 10))
>>> result.number, result.goals[0].previous is None
(1, True)
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import attrs

from goalrules.check import CheckResult, GoalResult, run_check
from goalrules.io import Workspace, load_workspace
from goalrules.io.exports import read_history_file, read_performance_file
from goalrules.io.store import ReviewStore, open_store
from goalrules.judgments.review import GoalReview, previous_from, review_goal
from goalrules.model import MetricSeries

__all__ = ["ReviewResult", "review", "reviews_of"]

Date = _dt.date


@attrs.frozen
class ReviewResult:
    """One review of a workspace: its date, its number among the workspace's reviews
    (1 for the first), each goal's review, and the check it rests on."""

    workspace: str
    date: Date
    number: int
    goals: tuple[GoalReview, ...]
    check: CheckResult = attrs.field(repr=False)
    history: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict, repr=False)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"review": {"date", "number"}, "goals": [...]}`` (see docs/reviews.md)."""
        return {
            "review": {"date": self.date.isoformat(), "number": self.number},
            "goals": [g.to_dict() for g in self.goals],
        }


def _histories(
    items: Any, today: Date
) -> tuple[dict[tuple[str | None, str], MetricSeries], list[str]]:
    """One mapping of series from several history files (goalrules' own or exports)."""
    if items is None:
        return {}, []
    if isinstance(items, (str, Path)):
        items = [items]
    if isinstance(items, dict):
        return items, []
    merged: dict[tuple[str | None, str], MetricSeries] = {}
    notes: list[str] = []
    for item in items:
        if isinstance(item, (str, Path)):
            found, said = read_history_file(item, today=today)
            notes += said
        else:
            from goalrules.io import load_history

            found = load_history(item)
        for key, series in found.items():
            if key in merged:  # the same metric in two files: their points together
                old = merged[key]
                series = attrs.evolve(old, points=(*old.points, *series.points))
            merged[key] = series
    return merged, notes


def _performance(items: Any, today: Date) -> tuple[list[Any] | None, list[str]]:
    if items is None:
        return None, []
    if isinstance(items, (str, Path)):
        items = [items]
    rows: list[Any] = []
    notes: list[str] = []
    for item in items:
        found, said = read_performance_file(item, today=today)
        rows += found
        notes += said
    return rows, notes


def _findings(g: GoalResult) -> tuple[str, ...]:
    out = list(g.smart.suggestions)
    ach = g.smart.achievability
    if ach is not None and ach.explanation:
        out.insert(0, ach.explanation)
    return tuple(out)


def review(
    workspace: Workspace | str | Path,
    history: Any = None,
    *,
    store: ReviewStore | str | Path,
    performance: Any = None,
    today: Date | None = None,
    name: str | None = None,
    keep: bool = True,
) -> ReviewResult:
    """Review every goal of ``workspace`` on ``today`` and keep the review in ``store``
    (a :class:`~goalrules.io.store.ReviewStore`, a file path, ``":memory:"`` or a
    ``postgresql://`` URL).

    ``history`` and ``performance`` are files (goalrules' own or exports), lists of them,
    or tables. Each goal's review compares with the last earlier review of the same
    workspace (``name``, default the workspace's name, else its file's stem); reviewing
    a date again replaces that review. ``keep=False`` computes without saving.
    """
    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    key = (
        name
        or ws.name
        or (Path(workspace).stem if isinstance(workspace, (str, Path)) else "workspace")
    )
    from goalrules.dates import as_date

    day = as_date(today) or ws.today or Date.today()
    histories, notes = _histories(history, day)
    # a review sees the history up to its date, so reviewing an earlier date with a
    # later file gives what that review would have seen
    histories = {
        k: attrs.evolve(s, points=tuple(p for p in s.points if p.date <= day))
        for k, s in histories.items()
    }
    histories = {k: s for k, s in histories.items() if s.points}
    rows, more = _performance(performance, day)
    notes += more
    check = run_check(ws, history=histories, performance=rows, today=day)
    db = store if isinstance(store, ReviewStore) else open_store(store)
    try:
        earlier = db.previous(key, day)
        previous_rows = earlier[1] if earlier else {}
        reviews = tuple(
            review_goal(
                g.smart.goal,
                g.history,
                g.smart.achievability,
                day,
                previous_from(previous_rows.get(g.id)),
                smart_score=g.smart.score,
                findings=_findings(g),
            )
            for g in check.goals
        )
        if keep:
            number = db.save(key, day, [_row(r) for r in reviews])
        else:
            number = db.number(key, day) + (
                0 if any(r["date"] == day.isoformat() for r in db.reviews(key)) else 1
            )
        past = {g.goal.id: db.history(key, g.goal.id, until=day) for g in reviews}
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
    return ReviewResult(key, day, number, reviews, check, past, tuple(notes))


def _row(r: GoalReview) -> dict[str, Any]:
    goal = {
        "id": r.goal.id, "statement": r.goal.statement, "metric": r.goal.metric,
        "channel": r.goal.channel, "target": str(r.goal.target) if r.goal.target else None,
        "baseline": str(r.goal.baseline) if r.goal.baseline is not None else None,
        "start": r.goal.start.isoformat() if r.goal.start else None,
        "deadline": r.goal.deadline.isoformat() if r.goal.deadline else None,
    }  # fmt: skip
    return {
        "goal_id": r.goal.id, "goal": goal, "verdict": r.verdict, "probability": r.probability,
        "progress": r.progress, "elapsed": r.elapsed, "pace": r.pace, "value": r.value,
        "baseline": r.baseline, "target": r.target, "unit": r.unit,
        "flags": [f.name for f in r.flags],
        "findings": [f.message for f in r.flags] + list(r.findings),
        "smart_score": r.smart_score, "streak": r.streak, "path": r.path,
    }  # fmt: skip


def reviews_of(
    store: ReviewStore | str | Path, workspace: str | None = None
) -> list[dict[str, Any]]:
    """The reviews kept in ``store`` (``goalrules review --store DB --list``)."""
    db = store if isinstance(store, ReviewStore) else open_store(store, create=False)
    try:
        return db.reviews(workspace)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
