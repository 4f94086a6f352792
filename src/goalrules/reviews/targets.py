"""A workspace as the review reads it: its goals may say ``recurs`` ("month", "every
quarter") and ``tiers`` (``{base = ..., target = ..., stretch = ...}``), read by the
model (:attr:`goalrules.model.Goal.recurs`, :attr:`~goalrules.model.Goal.tiers`), and
it may have a ``[notify.smtp]`` table (the mail server of ``--notify mailto:``); a goal
without ``recurs`` recurs when its statement says so ("every month", or "50 leads a
month" with no deadline). See :mod:`goalrules.model.recurrence`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from goalrules.io import Workspace
from goalrules.io.files import _format_of, read_text
from goalrules.io.workspace import _parse_document, workspace_from_dict
from goalrules.model.recurrence import Recurrence, Tier, read_recurrence

__all__ = ["Targets", "load_with_targets", "started_at_first_review", "targets_of"]

Targets = dict[str, tuple[Recurrence | None, tuple[Tier, ...]]]


def load_with_targets(
    path: str | Path, *, today: _dt.date | None = None
) -> tuple[Workspace, Targets]:
    """The workspace at ``path`` (its statements read on ``today``, as
    :func:`~goalrules.io.workspace.load_workspace` reads them) and each goal's recurrence
    and tiers."""
    source = str(path)
    data = dict(_parse_document(read_text(path), source, _format_of(source)))
    data.pop("notify", None)  # where alerts go ([notify.smtp]): read by goalrules.reviews.notify
    ws = workspace_from_dict(data, source=source, today=today)
    return ws, targets_of(ws)


def targets_of(ws: Workspace) -> Targets:
    """Each goal's recurrence (the workspace's ``recurs``, else its statement's) and tiers."""
    out: Targets = {}
    for goal in ws.goals:
        recurs = goal.recurs
        if recurs is None:
            recurs = read_recurrence(goal.statement, deadline=goal.deadline is not None)
        if recurs is not None or goal.tiers:
            out[goal.id] = (recurs, goal.tiers)
    return out


def started_at_first_review(
    ws: Workspace,
    targets: Targets,
    path: str | Path | None,
    first: Mapping[str, _dt.date],
    day: _dt.date,
) -> tuple[Workspace, Targets, list[str]]:
    """The workspace with each goal that gives no start (:attr:`Workspace.undated`)
    started on its first review (``first``: the day of each goal's first review as made,
    its statement read on that day: "within six months" of it; a review of an earlier
    date made since finds it not started), so that
    an unchanged goal is the same goal at every review (it started on each review's day,
    and each review said "the goal changed since the last review"); and the notes saying
    so. A goal never reviewed before starts on ``day``. ``path``: the workspace's file,
    read again on each first day (``None``, a workspace given as an object: its goals
    stay as they were read)."""
    notes: list[str] = []
    goals = {g.id: g for g in ws.goals}
    again: dict[_dt.date, tuple[Workspace, Targets]] = {}
    for gid in sorted(ws.undated):
        began = first.get(gid)
        if began is not None and began != day and path is not None:
            if began not in again:
                again[began] = load_with_targets(path, today=began)
            then, then_targets = again[began]
            goal = next((g for g in then.goals if g.id == gid), None)
            if goal is not None and gid in then.undated:
                goals[gid] = goal
                targets = _with(targets, gid, then_targets.get(gid))
        goal = goals[gid]
        since = "its first review" if began is not None and began != day else "this review"
        deadline = f", its deadline {goal.deadline.isoformat()}" if goal.deadline else ""
        notes.append(
            f"goal {gid} gives no start: it starts on {since}, "
            f"{goal.start.isoformat() if goal.start else day.isoformat()}{deadline} "
            "(later reviews keep it; give it a start to change it)"
        )
    if not notes or all(goals[g.id] is g for g in ws.goals):
        return ws, targets, notes
    plan = attrs.evolve(ws.plan, goals=tuple(goals[g.id] for g in ws.goals))
    return attrs.evolve(ws, plan=plan), targets, notes


def _with(targets: Targets, gid: str, said: Any) -> Targets:
    out = {k: v for k, v in targets.items() if k != gid}
    if said is not None:
        out[gid] = said
    return out
