"""The review store: every review of a workspace's goals, kept per (workspace, goal,
review date), in SQLite (one file, the standard library's ``sqlite3``) or PostgreSQL
(``pip install 'goalrules[postgres]'``, through psycopg).

- The schema is versioned (``meta.schema_version``) and migrated step by step when an
  older store is opened; a store made by a newer goalrules is refused, not touched.
- SQLite runs in WAL mode with a busy timeout, and each review is written in one
  transaction (``BEGIN IMMEDIATE``): two reviews running at once both land, a process
  killed mid-write leaves the earlier reviews intact.
- Saving a review for a date the workspace already has replaces it (never a duplicate).
- A file that is not a goalrules store (damaged, or another program's database) is an
  error that names it, and is never written to.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from goalrules.errors import WorkspaceError

Date = _dt.date

SCHEMA_VERSION = 2
APP = "goalrules review store"

# Each version's statements, applied in order to reach it. Version 1 kept the review's
# numbers; version 2 added the SMART score, the verdict's streak and the path's value.
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
)


class StoreError(WorkspaceError):
    """The review store cannot be opened or written."""


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


class ReviewStore:
    """Reviews kept in SQLite or PostgreSQL; open one with :func:`open_store`."""

    def __init__(self, connection: Any, *, dialect: str, location: str) -> None:
        self._db = connection
        self.dialect = dialect
        self.location = location
        self._mark = "?" if dialect == "sqlite" else "%s"

    # -- plumbing --------------------------------------------------------------------------

    def _sql(self, text: str) -> str:
        text = text.format(
            serial="INTEGER PRIMARY KEY" if self.dialect == "sqlite" else "SERIAL PRIMARY KEY",
            real="REAL" if self.dialect == "sqlite" else "DOUBLE PRECISION",
        )
        return text.replace("?", self._mark)

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._db.cursor()
        try:
            cur.execute(self._sql(query), tuple(params))
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            cur.close()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        """One write transaction (SQLite: ``BEGIN IMMEDIATE``, so writers queue)."""
        cur = self._db.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            with suppress(Exception):  # the connection may be gone already
                cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()

    def _version(self) -> int | None:
        """The schema version, ``None`` for an empty database; an error for another
        program's database."""
        if self.dialect == "sqlite":
            tables = {
                r["name"] for r in self._rows("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        else:
            tables = {
                r["table_name"]
                for r in self._rows(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "current_schema()"
                )
            }
        if not tables:
            return None
        if "meta" not in tables:
            raise StoreError(
                "not a goalrules review store (a database with other tables); it was left "
                "as it was",
                source=self.location,
            )
        meta = {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM meta")}
        if meta.get("app") != APP:
            raise StoreError(
                "not a goalrules review store; it was left as it was", source=self.location
            )
        return int(meta.get("schema_version", "0"))

    def migrate(self, to: int = SCHEMA_VERSION) -> int:
        """Bring the schema to version ``to`` (from nothing, or from an older version),
        one transaction per step; returns the version reached."""
        version = self._version() or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"made by a newer goalrules (schema {version}; this one knows up to "
                f"{SCHEMA_VERSION}); it was left as it was",
                source=self.location,
            )
        while version < to:
            step = version + 1
            with self._transaction() as cur:
                for statement in MIGRATIONS[step]:
                    cur.execute(self._sql(statement))
                if step == 1:
                    cur.execute(
                        self._sql("INSERT INTO meta (key, value) VALUES (?, ?)"), ("app", APP)
                    )
                    cur.execute(
                        self._sql("INSERT INTO meta (key, value) VALUES (?, ?)"),
                        ("schema_version", "1"),
                    )
                else:
                    cur.execute(
                        self._sql("UPDATE meta SET value = ? WHERE key = ?"),
                        (str(step), "schema_version"),
                    )
            version = step
        return version

    @property
    def version(self) -> int:
        return self._version() or 0

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reviews -----------------------------------------------------------------------------

    def save(self, workspace: str, day: Date, goals: Sequence[Mapping[str, Any]]) -> int:
        """Save one review (its goal rows: :data:`COLUMNS`), replacing the workspace's
        review of the same date, in one transaction; returns the review's number (its
        position among the workspace's reviews by date)."""
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as cur:
            cur.execute(
                self._sql(
                    "DELETE FROM goal_reviews WHERE review_id IN "
                    "(SELECT id FROM reviews WHERE workspace = ? AND date = ?)"
                ),
                (workspace, day.isoformat()),
            )
            cur.execute(
                self._sql("DELETE FROM reviews WHERE workspace = ? AND date = ?"),
                (workspace, day.isoformat()),
            )
            if self.dialect == "sqlite":
                cur.execute(
                    self._sql("INSERT INTO reviews (workspace, date, created_at) VALUES (?, ?, ?)"),
                    (workspace, day.isoformat(), now),
                )
                review_id = cur.lastrowid
            else:
                cur.execute(
                    self._sql(
                        "INSERT INTO reviews (workspace, date, created_at) "
                        "VALUES (?, ?, ?) RETURNING id"
                    ),
                    (workspace, day.isoformat(), now),
                )
                review_id = cur.fetchone()[0]
            marks = ", ".join(["?"] * (len(COLUMNS) + 1))
            insert = self._sql(
                f"INSERT INTO goal_reviews (review_id, {', '.join(COLUMNS)}) VALUES ({marks})"
            )
            for g in goals:
                cur.execute(insert, (review_id, *(_cell(c, g.get(c)) for c in COLUMNS)))
        return self.number(workspace, day)

    def number(self, workspace: str, day: Date) -> int:
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM reviews WHERE workspace = ? AND date <= ?",
            (workspace, day.isoformat()),
        )
        return int(rows[0]["n"])

    def previous(self, workspace: str, day: Date) -> tuple[Date, dict[str, dict[str, Any]]] | None:
        """The last review of ``workspace`` before ``day``: its date and its goal rows."""
        rows = self._rows(
            "SELECT id, date FROM reviews WHERE workspace = ? AND date < ? "
            "ORDER BY date DESC LIMIT 1",
            (workspace, day.isoformat()),
        )
        if not rows:
            return None
        goals = self._rows("SELECT * FROM goal_reviews WHERE review_id = ?", (rows[0]["id"],))
        when = Date.fromisoformat(rows[0]["date"])
        return when, {g["goal_id"]: {**_decoded(g), "date": when} for g in goals}

    def reviews(self, workspace: str | None = None) -> list[dict[str, Any]]:
        """Every review kept: workspace, date, number, goals."""
        query = (
            "SELECT r.workspace, r.date, r.created_at, COUNT(g.goal_id) AS goals FROM reviews r "
            "LEFT JOIN goal_reviews g ON g.review_id = r.id "
        )
        params: tuple[Any, ...] = ()
        if workspace is not None:
            query += "WHERE r.workspace = ? "
            params = (workspace,)
        query += "GROUP BY r.id, r.workspace, r.date, r.created_at ORDER BY r.workspace, r.date"
        out = []
        counts: dict[str, int] = {}
        for r in self._rows(query, params):
            counts[r["workspace"]] = counts.get(r["workspace"], 0) + 1
            out.append(
                {
                    "workspace": r["workspace"],
                    "date": r["date"],
                    "number": counts[r["workspace"]],
                    "goals": int(r["goals"]),
                    "created_at": r["created_at"],
                }
            )
        return out

    def goal_reviews(self, workspace: str | None = None) -> list[dict[str, Any]]:
        """Every goal's reviews, one row per (workspace, goal, date), oldest first."""
        query = (
            "SELECT r.workspace, r.date, g.* FROM goal_reviews g JOIN reviews r "
            "ON r.id = g.review_id "
        )
        params: tuple[Any, ...] = ()
        if workspace is not None:
            query += "WHERE r.workspace = ? "
            params = (workspace,)
        query += "ORDER BY r.workspace, g.goal_id, r.date"
        rows = []
        for r in self._rows(query, params):
            row = _decoded(r)
            row.pop("review_id", None)
            row["date"] = Date.fromisoformat(row["date"])
            rows.append(row)
        return rows

    def history(
        self, workspace: str, goal_id: str, until: Date | None = None
    ) -> list[dict[str, Any]]:
        """One goal's reviews, oldest first (up to ``until``)."""
        rows = [r for r in self.goal_reviews(workspace) if r["goal_id"] == goal_id]
        return [r for r in rows if until is None or r["date"] <= until]

    def frame(self, kind: str = "pandas", workspace: str | None = None) -> Any:
        """Every goal's reviews as a pandas (or ``"polars"``) DataFrame."""
        rows = self.goal_reviews(workspace)
        for r in rows:
            r["flags"] = ",".join(r["flags"])
            r["findings"] = " | ".join(r["findings"])
            r.pop("goal", None)
        if kind == "polars":
            import polars as pl

            return pl.DataFrame(rows)
        import pandas as pd

        return pd.DataFrame(rows)


def _cell(column: str, value: Any) -> Any:
    if column in ("flags", "findings", "goal"):
        return json.dumps(value if value is not None else [], default=str)
    if isinstance(value, float) and value != value:
        return None
    return value


def _decoded(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for column in ("flags", "findings", "goal"):
        if column in out and isinstance(out[column], str):
            out[column] = json.loads(out[column])
    return out


def _sqlite(path: Path) -> ReviewStore:
    location = str(path)
    if path.exists():
        if path.is_dir():
            raise StoreError("is a directory, not a store file", source=location)
        if path.stat().st_size and not _is_sqlite(path):
            raise StoreError(
                "not a goalrules review store (not an SQLite database); it was left as it was",
                source=location,
            )
    elif not path.parent.exists():
        raise StoreError("its folder does not exist", source=location)
    try:
        db = sqlite3.connect(location, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        check = db.execute("PRAGMA quick_check").fetchone()
        if check and check[0] != "ok":
            db.close()
            raise StoreError(
                f"the store is damaged ({check[0]}); it was left as it was", source=location
            )
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"not readable as a store: {exc}; it was left as it was", source=location
        ) from None
    return ReviewStore(db, dialect="sqlite", location=location)


def _postgres(url: str) -> ReviewStore:
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "a PostgreSQL store needs psycopg: pip install 'goalrules[postgres]'", source=url
        ) from None
    try:
        db = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise StoreError(
            f"cannot connect: {str(exc).strip().splitlines()[0]}", source=url
        ) from None
    return ReviewStore(db, dialect="postgres", location=url)


def open_store(location: str | Path, *, create: bool = True) -> ReviewStore:
    """The review store at ``location``: a file path (SQLite, created when missing) or a
    ``postgresql://`` URL. Its schema is brought to the current version."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        store = _postgres(text)
    else:
        path = Path(location)
        if not create and not path.exists():
            raise StoreError("no such store", source=text)
        store = _sqlite(path)
    try:
        store._version()  # another program's database is refused before anything is written
        if store.dialect == "sqlite":
            store._db.execute("PRAGMA journal_mode = WAL")
        store.migrate()
    except StoreError:
        store.close()
        raise
    except Exception as exc:  # the database's own errors: locked, read-only, damaged
        store.close()
        raise StoreError(f"cannot prepare the store: {exc}", source=text) from None
    return store
