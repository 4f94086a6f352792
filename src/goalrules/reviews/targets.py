"""A workspace as the review reads it: its goals may say ``recurs`` ("month", "every
quarter") and ``tiers`` (``{base = ..., target = ..., stretch = ...}``), and it may have
a ``[notify.smtp]`` table (the mail server of ``--notify mailto:``); a goal without
``recurs`` recurs when its statement says so ("every month", or "50 leads a month"
with no deadline). See :mod:`goalrules.model.recurrence`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goalrules.errors import GoalRulesError, GoalRulesErrors
from goalrules.io import Workspace
from goalrules.io.files import _format_of, read_text
from goalrules.io.workspace import _parse_document, workspace_from_dict
from goalrules.model.recurrence import Recurrence, Tier, read_recurrence, read_tiers

__all__ = ["Targets", "load_with_targets", "targets_of"]

Targets = dict[str, tuple[Recurrence | None, tuple[Tier, ...]]]


def load_with_targets(path: str | Path) -> tuple[Workspace, Targets]:
    """The workspace at ``path`` and each goal's recurrence and tiers."""
    source = str(path)
    data = dict(_parse_document(read_text(path), source, _format_of(source)))
    data.pop("notify", None)  # where alerts go ([notify.smtp]): read by goalrules.reviews.notify
    tables = data.get("goal", [])
    if isinstance(tables, Mapping):
        tables = [tables]
    said: list[tuple[Any, Any]] = []
    errors: list[GoalRulesError] = []
    if isinstance(tables, list):
        cleaned = []
        for i, table in enumerate(tables):
            if not isinstance(table, Mapping):
                cleaned.append(table)
                said.append((None, None))
                continue
            table = dict(table)
            recurs, tiers = table.pop("recurs", None), table.pop("tiers", None)
            cleaned.append(table)
            try:
                said.append((Recurrence.parse(recurs) if recurs else None, read_tiers(tiers)))
            except GoalRulesError as exc:
                errors.append(exc.with_location(source=source, field=f"goal[{i}]"))
                said.append((None, ()))
        data["goal"] = cleaned
    try:
        ws = workspace_from_dict(data, source=source)
    except GoalRulesErrors as group:
        raise GoalRulesErrors([*errors, *group.errors], source=source) from None
    except GoalRulesError as exc:
        if not errors:
            raise
        raise GoalRulesErrors([*errors, exc], source=source) from None
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return ws, targets_of(ws, said)


def targets_of(ws: Workspace, said: list[tuple[Any, Any]] | None = None) -> Targets:
    """Each goal's recurrence (the workspace's ``recurs``, else its statement's) and tiers."""
    out: Targets = {}
    for i, goal in enumerate(ws.goals):
        recurs, tiers = said[i] if said is not None and i < len(said) else (None, ())
        if recurs is None:
            recurs = read_recurrence(goal.statement, deadline=goal.deadline is not None)
        if recurs is not None or tiers:
            out[goal.id] = (recurs, tuple(tiers or ()))
    return out
