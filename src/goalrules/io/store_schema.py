"""The review store's schema, its migrations, the checks a stored row passes before
it is used, and the one-line messages of the database's faults.

Version 1 kept the review's numbers; version 2 added the SMART score, the verdict's
streak and the path's value; version 3 keeps every revision of a review (re-running a
date appends one, never replaces), each with its audit trail (goalrules' version, the
hashes of the rulesets, params and prior, the digests of the input files), each goal's
per-rule outcomes, what it was compared with, and the alerts already delivered.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goalrules.errors import WorkspaceError

Date = _dt.date

SCHEMA_VERSION = 3
APP = "goalrules review store"

_V2_COLUMNS = (
    "goal_id, goal, verdict, probability, progress, elapsed, pace, value, baseline, target, "
    "unit, flags, findings, smart_score, streak, path"
)

# Each version's statements, applied in order to reach it ({serial} and {real} are
# spelled per database).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE reviews (id {serial}, workspace TEXT NOT NULL, date TEXT NOT NULL, "
        "created_at TEXT NOT NULL, UNIQUE (workspace, date))",
        "CREATE TABLE goal_reviews (review_id INTEGER NOT NULL REFERENCES reviews (id) "
        "ON DELETE CASCADE, goal_id TEXT NOT NULL, goal TEXT NOT NULL, verdict TEXT, "
        "probability {real}, progress {real}, elapsed {real}, pace TEXT, value {real}, "
        "baseline {real}, target {real}, unit TEXT, flags TEXT NOT NULL, "
        "findings TEXT NOT NULL, PRIMARY KEY (review_id, goal_id))",
    ),
    2: (
        "ALTER TABLE goal_reviews ADD COLUMN smart_score {real}",
        "ALTER TABLE goal_reviews ADD COLUMN streak INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE goal_reviews ADD COLUMN path {real}",
    ),
    3: (
        "CREATE TABLE revisions (review_id INTEGER NOT NULL REFERENCES reviews (id) "
        "ON DELETE CASCADE, revision INTEGER NOT NULL, created_at TEXT NOT NULL, "
        "audit TEXT NOT NULL, PRIMARY KEY (review_id, revision))",
        "INSERT INTO revisions (review_id, revision, created_at, audit) "
        "SELECT id, 1, created_at, '{{}}' FROM reviews",
        "CREATE TABLE goal_revisions (review_id INTEGER NOT NULL, revision INTEGER NOT NULL, "
        "goal_id TEXT NOT NULL, goal TEXT NOT NULL, verdict TEXT, probability {real}, "
        "progress {real}, elapsed {real}, pace TEXT, value {real}, baseline {real}, "
        "target {real}, unit TEXT, flags TEXT NOT NULL, findings TEXT NOT NULL, "
        "smart_score {real}, streak INTEGER NOT NULL DEFAULT 1, path {real}, "
        "behind_by {real}, previous TEXT, outcomes TEXT NOT NULL DEFAULT '{{}}', "
        "position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (review_id, revision, goal_id), "
        "FOREIGN KEY (review_id, revision) "
        "REFERENCES revisions (review_id, revision) ON DELETE CASCADE)",
        f"INSERT INTO goal_revisions (review_id, revision, {_V2_COLUMNS}) "
        f"SELECT review_id, 1, {_V2_COLUMNS} FROM goal_reviews",
        "DROP TABLE goal_reviews",
        "CREATE TABLE deliveries (workspace TEXT NOT NULL, date TEXT NOT NULL, "
        "target TEXT NOT NULL, alert TEXT NOT NULL, sent_at TEXT NOT NULL, "
        "PRIMARY KEY (workspace, date, target, alert))",
    ),
}

COLUMNS = (
    "goal_id",
    "goal",
    "verdict",
    "probability",
    "progress",
    "elapsed",
    "pace",
    "value",
    "baseline",
    "target",
    "unit",
    "flags",
    "findings",
    "smart_score",
    "streak",
    "path",
    "behind_by",
    "previous",
    "outcomes",
)

JSON_COLUMNS: dict[str, type] = {
    "flags": list,
    "findings": list,
    "goal": dict,
    "previous": dict,
    "outcomes": dict,
}
NUMBER_COLUMNS = (
    "probability",
    "progress",
    "elapsed",
    "value",
    "baseline",
    "target",
    "smart_score",
    "path",
    "behind_by",
)
TEXT_COLUMNS = ("verdict", "pace", "unit")


class StoreError(WorkspaceError):
    """The review store cannot be opened, read or written."""


class EditedRowError(StoreError):
    """A stored row holds what goalrules never writes (edited by another tool)."""


def cell(column: str, value: Any) -> Any:
    """A value as it is stored in ``column``."""
    if column in JSON_COLUMNS:
        if value is None and column == "previous":
            return None
        empty: Any = {} if JSON_COLUMNS[column] is dict else []
        return json.dumps(value if value is not None else empty, default=str)
    if column == "streak" and value is None:
        return 1
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def decoded(row: Mapping[str, Any], *, location: str) -> dict[str, Any]:
    """A stored row as goalrules wrote it, or an :class:`EditedRowError` naming the row and
    the cell (flags that are not JSON, text in a number column, a date that is not one)."""
    out = dict(row)
    where = f"the review of {out.get('date', '?')}"
    if out.get("goal_id") is not None:
        where += f", goal {out['goal_id']}"

    def bad(what: str) -> EditedRowError:
        return EditedRowError(
            f"a row was edited by another tool ({where}: {what}); nothing was written and "
            "no review was lost",
            source=location,
        )

    if "date" in out and not isinstance(out["date"], Date):
        try:
            out["date"] = Date.fromisoformat(str(out["date"]))
        except ValueError:
            raise bad(f"date is {_short(out['date'])}, not YYYY-MM-DD") from None
    for column, kind in JSON_COLUMNS.items():
        if column not in out:
            continue
        value = out[column]
        if value is None and column == "previous":
            continue
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise bad(f"{column} is {_short(out[column])}, not JSON") from None
        if not isinstance(value, kind):
            raise bad(f"{column} is {_short(out[column])}, not a JSON {kind.__name__}")
        out[column] = value
    for column in NUMBER_COLUMNS:
        value = out.get(column)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad(f"{column} is {_short(value)}, not a number")
        out[column] = float(value)
    for column in TEXT_COLUMNS:
        value = out.get(column)
        if value is not None and not isinstance(value, str):
            raise bad(f"{column} is {_short(value)}, not text")
    if "streak" in out:
        value = out["streak"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad(f"streak is {_short(value)}, not a whole number")
    if "flags" in out and not all(isinstance(f, str) for f in out["flags"]):
        raise bad(f"flags is {_short(out['flags'])}, not a list of names")
    return out


def _disk(path: Path | None) -> str | None:
    """What the file system says of a store file: read-only, full, folder not writable."""
    if path is None:
        return None
    folder = path.parent if path.parent.exists() else None
    try:
        stat = os.statvfs(folder or ".")
    except OSError:
        return None
    if stat.f_flag & os.ST_RDONLY:
        return "read-only"
    if stat.f_bavail * stat.f_frsize < 64 * 1024:
        return "full"
    if path.exists() and not os.access(path, os.W_OK):
        return "read-only"
    if folder is not None and not os.access(folder, os.W_OK):
        return "folder"
    return None


def fault(
    exc: BaseException, location: str, doing: str, kept: int | None, path: Path | None = None
) -> StoreError:
    """One line for a database error while ``doing`` something (``"save the review of
    2026-03-10"``): what happened, and that no review was lost. ``path``: the store's
    file, whose file system is asked what went wrong when the database cannot say."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    disk = _disk(path) if path is not None else None
    if disk == "full" and ("disk" in low or "full" in low or "i/o" in low or "open" in low):
        low = "disk is full"
    elif disk == "read-only" and ("open" in low or "i/o" in low or "readonly" in low):
        low = "readonly"
    elif disk == "folder" and ("open" in low or "i/o" in low):
        what = f"its folder {path.parent if path else ''} is not writable ({text})"
        return StoreError(f"could not {doing}: {what}; nothing was changed, no review was lost",
                          source=location)  # fmt: skip
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        what = f"the store is read-only ({text})"
    elif "disk is full" in low or "no space" in low or "disk full" in low:
        what = f"the disk is full ({text})"
    elif "locked" in low or "busy" in low:
        what = f"the store is busy: another process holds it ({text})"
    elif "malformed" in low or "not a database" in low or "corrupt" in low:
        what = f"the store is damaged ({text})"
    else:
        what = f"the database said: {text}"
    if kept is None:
        safe = "nothing was changed, no review was lost"
    else:
        safe = (
            f"it was rolled back: the {kept} review{'s' if kept != 1 else ''} already in "
            f"the store {'are' if kept != 1 else 'is'} intact, no review was lost"
        )
    return StoreError(f"could not {doing}: {what}; {safe}", source=location)
