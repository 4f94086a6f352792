"""A workspace as the review reads it: its goals may say ``recurs`` ("month", "every
quarter") and ``tiers`` (``{base = ..., target = ..., stretch = ...}``), read by the
model (:attr:`goalrules.model.Goal.recurs`, :attr:`~goalrules.model.Goal.tiers`), and
it may have a ``[notify.smtp]`` table (the mail server of ``--notify mailto:``); a goal
without ``recurs`` recurs when its statement says so ("every month", or "50 leads a
month" with no deadline). See :mod:`goalrules.model.recurrence`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from goalrules.io import Workspace
from goalrules.io.files import _format_of, read_text
from goalrules.io.workspace import _parse_document, workspace_from_dict
from goalrules.model.recurrence import Recurrence, Tier, read_recurrence

__all__ = ["Targets", "load_with_targets", "targets_of"]

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
