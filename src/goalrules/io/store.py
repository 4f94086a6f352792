"""The review store: every review of a workspace's goals, kept per (workspace, goal,
review date), in SQLite (one file, the standard library's ``sqlite3``) or PostgreSQL
(``pip install 'goalrules[postgres]'``, through psycopg).

- The schema is versioned (``meta.schema_version``) and migrated step by step when an
  older store is opened; a store made by a newer goalrules is refused, not touched.
- SQLite runs in WAL mode with a busy timeout, and each review is written in one
  transaction (``BEGIN IMMEDIATE``): two reviews running at once both land, a process
  killed mid-write leaves the earlier reviews intact.
- Reviews are appended, never replaced: saving a date the workspace already has adds a
  revision beside the earlier ones (the review keeps its number), each with its audit
  trail (see :mod:`goalrules.io.store_schema`).
- A file that is not a goalrules store (damaged, or another program's database) is an
  error that names it, and is never written to. Every fault of the database (a read-only
  file, a full disk, a folder that cannot be written, a row edited by another tool) is
  one line saying what happened and that no review was lost.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from goalrules.io.store_schema import (
    APP,
    COLUMNS,
    MIGRATIONS,
    SCHEMA_VERSION,
    EditedRowError,
    StoreError,
    cell,
    decoded,
    fault,
)

__all__ = [
    "COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "EditedRowError",
    "ReviewStore",
    "StoreError",
    "open_store",
]

Date = _dt.date


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
        self.path: Path | None = None  # the SQLite file (to ask its file system on a fault)

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

    def _errors(self) -> tuple[type[BaseException], ...]:
        """The database's own error classes."""
        if self.dialect == "sqlite":
            return (sqlite3.Error,)
        import psycopg

        return (psycopg.Error,)

    def _kept(self) -> int | None:
        """How many reviews the store holds (``None`` when it cannot be read)."""
        try:
            return int(self._rows("SELECT COUNT(*) AS n FROM reviews")[0]["n"])
        except Exception:
            return None

    def _read(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """:meth:`_rows`, with the database's faults as one line."""
        try:
            return self._rows(query, params)
        except self._errors() as exc:
            raise fault(exc, self.location, "read the store", None, self.path) from None

    def save(
        self,
        workspace: str,
        day: Date,
        goals: Sequence[Mapping[str, Any]],
        audit: Mapping[str, Any] | None = None,
    ) -> int:
        """Append one review (its goal rows: :data:`COLUMNS`) in one transaction: a new
        review, or, for a date the workspace already has, a new revision of it beside
        the earlier ones (never a replacement). Returns the review's number (its position
        among the workspace's reviews by date); :attr:`last_revision` holds the
        revision's number."""
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")
        trail = json.dumps(dict(audit or {}), sort_keys=True, default=str)
        try:
            with self._transaction() as cur:
                if self.dialect == "postgres":  # writers queue, as BEGIN IMMEDIATE in SQLite
                    cur.execute("LOCK TABLE reviews IN SHARE ROW EXCLUSIVE MODE")
                cur.execute(
                    self._sql("SELECT id FROM reviews WHERE workspace = ? AND date = ?"),
                    (workspace, day.isoformat()),
                )
                found = cur.fetchone()
                if found is not None:
                    review_id = found[0]
                elif self.dialect == "sqlite":
                    cur.execute(
                        self._sql(
                            "INSERT INTO reviews (workspace, date, created_at) VALUES (?, ?, ?)"
                        ),
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
                cur.execute(
                    self._sql("SELECT MAX(revision) FROM revisions WHERE review_id = ?"),
                    (review_id,),
                )
                last = cur.fetchone()
                revision = int(last[0] or 0) + 1 if last else 1
                cur.execute(
                    self._sql(
                        "INSERT INTO revisions (review_id, revision, created_at, audit) "
                        "VALUES (?, ?, ?, ?)"
                    ),
                    (review_id, revision, now, trail),
                )
                marks = ", ".join(["?"] * (len(COLUMNS) + 3))
                insert = self._sql(
                    "INSERT INTO goal_revisions (review_id, revision, position, "
                    f"{', '.join(COLUMNS)}) VALUES ({marks})"
                )
                for i, g in enumerate(goals):
                    cur.execute(
                        insert,
                        (review_id, revision, i, *(cell(c, g.get(c)) for c in COLUMNS)),
                    )
        except self._errors() as exc:
            raise fault(
                exc,
                self.location,
                f"save the review of {day.isoformat()}",
                self._kept(),
                self.path,
            ) from None
        self.last_revision = revision
        return self.number(workspace, day)

    last_revision: int = 0

    def number(self, workspace: str, day: Date) -> int:
        rows = self._read(
            "SELECT COUNT(*) AS n FROM reviews WHERE workspace = ? AND date <= ?",
            (workspace, day.isoformat()),
        )
        return int(rows[0]["n"])

    def _goal_rows(self, where: str, params: Sequence[Any], latest: bool = True) -> list[Any]:
        query = (
            "SELECT r.workspace, r.date, g.* FROM goal_revisions g JOIN reviews r "
            "ON r.id = g.review_id "
        )
        if latest:
            query += _LATEST
        rows = []
        for r in self._read(query + where, params):
            row = decoded(r, location=self.location)
            row.pop("review_id", None)
            rows.append(row)
        return rows

    def previous(self, workspace: str, day: Date) -> tuple[Date, dict[str, dict[str, Any]]] | None:
        """The last review of ``workspace`` before ``day`` (its latest revision): its date
        and its goal rows."""
        rows = self._read(
            "SELECT id, date FROM reviews WHERE workspace = ? AND date < ? "
            "ORDER BY date DESC LIMIT 1",
            (workspace, day.isoformat()),
        )
        if not rows:
            return None
        goals = self._goal_rows("WHERE r.id = ? ORDER BY g.position", (rows[0]["id"],))
        when = decoded({"date": rows[0]["date"]}, location=self.location)["date"]
        return when, {g["goal_id"]: g for g in goals}

    def reviews(self, workspace: str | None = None) -> list[dict[str, Any]]:
        """Every review kept: workspace, date, number, goals, revisions."""
        query = (
            "SELECT r.workspace, r.date, r.created_at, "
            "(SELECT COUNT(*) FROM revisions v WHERE v.review_id = r.id) AS revisions, "
            "(SELECT COUNT(*) FROM goal_revisions g " + _LATEST + "WHERE g.review_id = r.id) "
            "AS goals FROM reviews r "
        )
        params: tuple[Any, ...] = ()
        if workspace is not None:
            query += "WHERE r.workspace = ? "
            params = (workspace,)
        query += "ORDER BY r.workspace, r.date"
        out = []
        counts: dict[str, int] = {}
        for r in self._read(query, params):
            counts[r["workspace"]] = counts.get(r["workspace"], 0) + 1
            out.append(
                {
                    "workspace": r["workspace"],
                    "date": r["date"],
                    "number": counts[r["workspace"]],
                    "goals": int(r["goals"]),
                    "revisions": int(r["revisions"]),
                    "created_at": r["created_at"],
                }
            )
        return out

    def review_at(
        self, day: Date, workspace: str | None = None, revision: int | None = None
    ) -> dict[str, Any] | None:
        """The review of ``day`` as it was stored (its latest revision, or ``revision``):
        workspace, date, number, revision, revisions, created_at, audit and goal rows;
        ``None`` when there is none. Without ``workspace``, the one workspace reviewed on
        that date."""
        query = "SELECT id, workspace FROM reviews WHERE date = ?"
        params: tuple[Any, ...] = (day.isoformat(),)
        if workspace is not None:
            query += " AND workspace = ?"
            params += (workspace,)
        found = self._read(query, params)
        if not found:
            return None
        if len(found) > 1:
            names = ", ".join(sorted(str(r["workspace"]) for r in found))
            raise StoreError(
                f"{len(found)} workspaces were reviewed on {day.isoformat()} ({names}): "
                "name one with --name",
                source=self.location,
            )
        review_id, name = found[0]["id"], found[0]["workspace"]
        revisions = self._read(
            "SELECT revision, created_at, audit FROM revisions WHERE review_id = ? "
            "ORDER BY revision",
            (review_id,),
        )
        if revision is None:
            chosen = revisions[-1] if revisions else None
        else:
            chosen = next((v for v in revisions if v["revision"] == revision), None)
        if chosen is None:
            return None
        audit = chosen["audit"]
        try:
            trail = json.loads(audit) if isinstance(audit, str) else dict(audit)
        except (TypeError, ValueError):
            raise EditedRowError(
                f"a row was edited by another tool (the review of {day.isoformat()}: its audit "
                "is not JSON); nothing was written and no review was lost",
                source=self.location,
            ) from None
        goals = self._goal_rows(
            "WHERE g.review_id = ? AND g.revision = ? ORDER BY g.position, g.goal_id",
            (review_id, chosen["revision"]),
            latest=False,
        )
        return {
            "workspace": name,
            "date": day,
            "number": self.number(name, day),
            "revision": int(chosen["revision"]),
            "revisions": len(revisions),
            "created_at": chosen["created_at"],
            "audit": trail,
            "goals": goals,
        }

    def goal_reviews(
        self, workspace: str | None = None, *, every_revision: bool = False
    ) -> list[dict[str, Any]]:
        """Every goal's reviews, one row per (workspace, goal, date) (the latest revision;
        every revision with ``every_revision``), oldest first."""
        where, params = "", tuple[Any, ...]()
        if workspace is not None:
            where, params = "WHERE r.workspace = ? ", (workspace,)
        return self._goal_rows(
            where + "ORDER BY r.workspace, g.goal_id, r.date, g.revision",
            params,
            latest=not every_revision,
        )

    def history(
        self, workspace: str, goal_id: str, until: Date | None = None
    ) -> list[dict[str, Any]]:
        """One goal's reviews, oldest first (up to ``until``)."""
        rows = [r for r in self.goal_reviews(workspace) if r["goal_id"] == goal_id]
        return [r for r in rows if until is None or r["date"] <= until]

    def first_made(self, workspace: str) -> dict[str, Date]:
        """The date of each goal's first review as made (the earliest stored revision
        holding it), not the earliest date: a review of an earlier date made later
        leaves it as it was."""
        rows = self._read(
            "SELECT g.goal_id, r.date FROM goal_revisions g JOIN reviews r "
            "ON r.id = g.review_id JOIN revisions v "
            "ON v.review_id = g.review_id AND v.revision = g.revision "
            "WHERE r.workspace = ? ORDER BY v.created_at, r.id, g.revision",
            (workspace,),
        )
        out: dict[str, Date] = {}
        for r in rows:
            out.setdefault(str(r["goal_id"]), Date.fromisoformat(str(r["date"])))
        return out

    def delivered(self, workspace: str, day: Date, target: str) -> set[str]:
        """The alerts of the review of ``day`` already delivered to ``target``."""
        rows = self._read(
            "SELECT alert FROM deliveries WHERE workspace = ? AND date = ? AND target = ?",
            (workspace, day.isoformat(), target),
        )
        return {str(r["alert"]) for r in rows}

    def mark_delivered(self, workspace: str, day: Date, target: str, alerts: Sequence[str]) -> None:
        """Record that ``alerts`` reached ``target`` (a re-run does not send them again)."""
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        try:
            with self._transaction() as cur:
                if self.dialect == "postgres":
                    cur.execute("LOCK TABLE deliveries IN SHARE ROW EXCLUSIVE MODE")
                for key in alerts:
                    cur.execute(
                        self._sql(
                            "DELETE FROM deliveries WHERE workspace = ? AND date = ? AND "
                            "target = ? AND alert = ?"
                        ),
                        (workspace, day.isoformat(), target, key),
                    )
                    cur.execute(
                        self._sql(
                            "INSERT INTO deliveries (workspace, date, target, alert, sent_at) "
                            "VALUES (?, ?, ?, ?, ?)"
                        ),
                        (workspace, day.isoformat(), target, key, now),
                    )
        except self._errors() as exc:
            raise fault(
                exc, self.location, "record the alerts sent", self._kept(), self.path
            ) from None

    def frame(self, kind: str = "pandas", workspace: str | None = None) -> Any:
        """Every goal's reviews as a pandas (or ``"polars"``) DataFrame."""
        rows = self.goal_reviews(workspace)
        for r in rows:
            r["flags"] = ",".join(r["flags"])
            r["findings"] = " | ".join(r["findings"])
            for column in ("goal", "previous", "outcomes"):
                r.pop(column, None)
        if kind == "polars":
            import polars as pl

            return pl.DataFrame(rows)
        import pandas as pd

        return pd.DataFrame(rows)


_LATEST = (
    "JOIN (SELECT review_id AS rid, MAX(revision) AS rev FROM revisions GROUP BY review_id) m "
    "ON m.rid = g.review_id AND m.rev = g.revision "
)


def _connect(path: Path, location: str) -> sqlite3.Connection:
    """A connection to the store file; a store that cannot be written (a read-only file
    or file system) is opened read-only, so that it can still be read."""
    writable = not path.exists() or (
        os.access(path, os.W_OK) and not os.statvfs(path.parent).f_flag & os.ST_RDONLY
    )
    if writable:
        return sqlite3.connect(location, timeout=30, isolation_level=None, check_same_thread=False)
    uri = path.resolve().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:  # a WAL store whose -shm cannot be made: read as is
        db.close()
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True,
                             timeout=30, isolation_level=None, check_same_thread=False)  # fmt: skip
    return db


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
    elif not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"cannot create the store: its folder {path.parent} is not writable; nothing was "
            "written, no review was lost",
            source=location,
        )
    try:
        db = _connect(path, location)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        check = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        with suppress(Exception):
            db.close()
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        if "malformed" in text or "not a database" in text:
            raise StoreError(
                f"the store is damaged ({text}); it was left as it was", source=location
            ) from None
        raise fault(exc, location, "open the store", None, path) from None
    if check and check[0] != "ok":
        db.close()
        first = str(check[0]).strip().splitlines()[0]
        raise StoreError(f"the store is damaged ({first}); it was left as it was", source=location)
    store = ReviewStore(db, dialect="sqlite", location=location)
    store.path = path
    return store


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


def _writable(store: ReviewStore) -> bool:
    if store.dialect != "sqlite" or store.path is None or not store.path.exists():
        return store.dialect == "sqlite"
    try:
        return os.access(store.path, os.W_OK) and not (
            os.statvfs(store.path.parent).f_flag & os.ST_RDONLY
        )
    except OSError:
        return False


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
        if store.dialect == "sqlite" and _writable(store):
            store._db.execute("PRAGMA journal_mode = WAL")
        store.migrate()
    except StoreError:
        store.close()
        raise
    except store._errors() as exc:  # the database's own: locked, read-only, damaged, full
        kept = store._kept()
        store.close()
        raise fault(exc, text, "prepare the store", kept, store.path) from None
    return store
