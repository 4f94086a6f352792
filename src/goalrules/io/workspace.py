"""Workspace files (TOML, YAML, JSON): company objectives, goals, tactics and channels.

Every problem names the file and the place: ``workspace.toml:12:5`` for a syntax error,
``workspace.toml: goal[2].deadline`` for a bad field. Loading collects every problem it
finds and raises them together (:class:`~goalrules.errors.GoalRulesErrors`).

Structuring is done by the model's own converters (they read ``"1,200 followers"``,
``"within 6 months"``, ``"monthly on the 30th"``), item by item, so that each error
carries its ``$.path``.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    UnknownNameError,
    WorkspaceError,
)
from goalrules.io.files import _format_of, read_text
from goalrules.judgments.growth import GrowthPrior
from goalrules.metrics import catalog
from goalrules.model import (
    Channel,
    CompanyObjective,
    Goal,
    Plan,
    Tactic,
    complete_from_statement,
)

Date = _dt.date


_SECTIONS: dict[str, tuple[type[Any], str]] = {
    "objective": (CompanyObjective, "objectives"),
    "goal": (Goal, "goals"),
    "tactic": (Tactic, "tactics"),
    "channel": (Channel, "channels"),
}


@attrs.frozen
class Workspace:
    """A team's workspace: company objectives, goals, tactics and channels."""

    name: str | None
    today: Date | None
    plan: Plan
    source: str | None = None
    prior: GrowthPrior | None = None  # the growth model's prior (``[workspace] prior``)

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self.plan.channels

    def __repr__(self) -> str:
        from goalrules.numbers import format_count

        p = self.plan
        counts = ", ".join(
            format_count(len(items), word)
            for items, word in ((p.objectives, "objective"), (p.goals, "goal"),
                                (p.tactics, "tactic"), (p.channels, "channel"))
        )  # fmt: skip
        today = f", today={self.today.isoformat()}" if self.today else ""
        return f"<Workspace {self.name or '(no name)'!r}{today}: {counts}>"


def _parse_document(text: str, source: str, fmt: str) -> dict[str, Any]:
    if fmt == "toml":
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc)
            m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
            line, col = (int(m[1]), int(m[2])) if m else (None, None)
            msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
            raise WorkspaceError(
                f"TOML syntax: {msg}", source=source, line=line, column=col, text=text
            ) from None
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise WorkspaceError(
                f"JSON syntax: {exc.msg}",
                source=source,
                line=exc.lineno,
                column=exc.colno,
                text=text,
            ) from None
    else:
        try:
            import yaml
        except ImportError:
            raise WorkspaceError(
                "reading YAML needs PyYAML: pip install 'goalrules[yaml]'", source=source
            ) from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise WorkspaceError(
                f"YAML syntax: {getattr(exc, 'problem', None) or exc}",
                source=source,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                text=text,
            ) from None
    if not isinstance(data, dict):
        raise WorkspaceError("the top level must be a table of sections", source=source)
    return data


def load_workspace(
    path: str | Path, *, text: str | None = None, fmt: str | None = None
) -> Workspace:
    """Load a workspace file (TOML, YAML or JSON by its suffix)."""
    source = str(path)
    body = text if text is not None else read_text(path)
    data = _parse_document(body, source, fmt or _format_of(source))
    return workspace_from_dict(data, source=source)


def workspace_from_dict(data: Mapping[str, Any], *, source: str = "<workspace>") -> Workspace:
    """Structure a workspace document; every problem is collected with its path."""
    errors: list[GoalRulesError] = []
    known = {"workspace", *_SECTIONS}
    for key in data:
        if key not in known:
            errors.append(UnknownNameError("section", key, sorted(known), source=source))
    head = data.get("workspace", {}) or {}
    if not isinstance(head, Mapping):
        errors.append(
            WorkspaceError(
                "[workspace] must be a table of settings", source=source, field="workspace"
            )
        )
        head = {}
    name = head.get("name")
    if name is not None and not isinstance(name, str):
        errors.append(
            WorkspaceError(
                f"the name must be text, got {name!r}", source=source, field="workspace.name"
            )
        )
        name = None
    today: Date | None = None
    if isinstance(head, Mapping) and head.get("today") is not None:
        try:
            from goalrules.dates import parse_date

            today = parse_date(head["today"])
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.today", source=source))
    prior: GrowthPrior | None = None
    if isinstance(head, Mapping) and head.get("prior") is not None:
        try:
            prior = GrowthPrior.parse(head["prior"])
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.prior", source=source))
    items: dict[str, list[Any]] = {attr: [] for _, attr in _SECTIONS.values()}
    for section, (cls, attr) in _SECTIONS.items():
        tables = data.get(section, [])
        if isinstance(tables, Mapping):
            tables = [tables]
        if not isinstance(tables, list):
            errors.append(WorkspaceError(f"[[{section}]] must be a list of tables", source=source))
            continue
        fields = [f.name for f in attrs.fields(cls)]
        for i, table in enumerate(tables):
            where = f"{section}[{i}]"
            if not isinstance(table, Mapping):
                errors.append(WorkspaceError("must be a table", source=source, field=where))
                continue
            bad = [k for k in table if k not in fields]
            for k in bad:
                errors.append(
                    UnknownNameError("field", k, fields, source=source, field=f"{where}.{k}")
                )
            values = {k: v for k, v in table.items() if k in fields}
            if section == "goal" and values.get("metric"):
                try:
                    values["metric"] = catalog[str(values["metric"])].key
                except UnknownNameError as exc:
                    errors.append(exc.with_location(field=f"{where}.metric", source=source))
                    values.pop("metric")
            try:
                item = cls(**values)
                if section == "goal":
                    item = complete_from_statement(item, today=today)
                items[attr].append(item)
            except GoalRulesError as exc:
                errors.append(exc.with_location(field=where, source=source))
            except TypeError as exc:  # a required field is missing
                errors.append(WorkspaceError(str(exc), source=source, field=where))
    if not errors:
        try:
            plan = Plan(
                objectives=tuple(items["objectives"]),
                goals=tuple(items["goals"]),
                tactics=tuple(items["tactics"]),
                channels=tuple(items["channels"]),
                name=name,
            )
        except GoalRulesErrors as group:
            errors.extend(e.with_location(source=source) for e in group.errors)
        except GoalRulesError as exc:
            errors.append(exc.with_location(source=source))
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return Workspace(name=name, today=today, plan=plan, source=source, prior=prior)


# ------------------------------------------------------------------------------------
