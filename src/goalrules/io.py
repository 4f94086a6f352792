"""Workspace files (TOML, YAML, JSON) and CSV data: histories, channel performance,
raw sessions.

Every problem names the file and the place: ``workspace.toml:12:5`` for a syntax error,
``workspace.toml: goal[2].deadline`` for a bad field, ``history.csv:14: value`` for a
bad cell. Loading collects every problem it finds and raises them together
(:class:`~goalrules.errors.GoalRulesErrors`); no row is dropped silently.

Structuring is done by the model's own converters (they read ``"1,200 followers"``,
``"within 6 months"``, ``"monthly on the 30th"``), item by item, so that each error
carries its ``$.path``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from goalrules.errors import (
    DataError,
    GoalRulesError,
    GoalRulesErrors,
    UnknownNameError,
    WorkspaceError,
)
from goalrules.metrics import catalog
from goalrules.model import (
    Channel,
    ChannelMonth,
    CompanyObjective,
    Goal,
    MetricSeries,
    Plan,
    Tactic,
    complete_from_statement,
)

__all__ = [
    "Workspace",
    "load_history",
    "load_performance",
    "load_sessions",
    "load_workspace",
    "read_rows",
    "read_text",
]

#: ``progress(stage, done, total)``: called as a file is read (``done`` and ``total``
#: in bytes for CSV, in rows for Parquet) and as goals are judged.
Progress = Callable[[str, int, int], None]

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

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self.plan.channels


def _open_binary(path: Path) -> BinaryIO:
    """The file opened for reading bytes; a missing or unreadable file, or a directory,
    is a :class:`~goalrules.errors.WorkspaceError` naming it."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise WorkspaceError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise WorkspaceError("is a directory, not a file", source=str(path)) from None
    except OSError as exc:
        raise WorkspaceError(f"cannot read it: {exc.strerror}", source=str(path)) from None


def read_text(path: str | Path) -> str:
    """The file's text; a missing, unreadable, empty or non-UTF-8 file is a
    :class:`~goalrules.errors.WorkspaceError` naming it."""
    p = Path(path)
    with _open_binary(p) as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(
            f"not UTF-8 text (byte {exc.start} is {raw[exc.start]:#04x})", source=str(p)
        ) from None
    if not text.strip():
        raise WorkspaceError("the file is empty", source=str(p))
    return text


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


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}.get(suffix, "toml")


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
    name = head.get("name") if isinstance(head, Mapping) else None
    today: Date | None = None
    if isinstance(head, Mapping) and head.get("today") is not None:
        try:
            from goalrules.dates import parse_date

            today = parse_date(head["today"])
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.today", source=source))
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
    return Workspace(name=name, today=today, plan=plan, source=source)


# ------------------------------------------------------------------------------------
# CSV
# ------------------------------------------------------------------------------------


_REPORT_EVERY = 1 << 20  # bytes (CSV) or rows (Parquet) between progress calls


def _parquet_rows(
    path: str | Path, required: Iterable[str], progress: Progress | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows of a Parquet file, a batch at a time (row numbers count from 1)."""

    lazy = _lazy_table(path, required, lower_names=True)
    total = _estimated_rows(path, lazy)  # exact for Parquet: from the file's metadata
    stage = Path(path).name
    done = 0
    batches = iter(lazy.collect_batches(chunk_size=65_536))
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # polars' own errors: a damaged file, a bad column
            raise DataError(
                f"cannot read it after row {done}: {str(exc).splitlines()[0]}", source=str(path)
            ) from None
        for row in batch.iter_rows(named=True):
            done += 1
            yield done, {k: "" if v is None else v for k, v in row.items()}
        if progress is not None:
            progress(stage, done, total)


def _decoded_lines(fh: Any, source: str, progress: Progress | None, total: int) -> Iterator[str]:
    """The lines of a binary file as text, counting bytes for ``progress``."""
    stage = Path(source).name
    done, report_at = 0, _REPORT_EVERY
    for number, raw in enumerate(fh, start=1):
        done += len(raw)
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise WorkspaceError(
                f"not UTF-8 text (byte {exc.start + 1} of the line is {raw[exc.start]:#04x})",
                source=source,
                line=number,
            ) from None
        if progress is not None and done >= report_at:
            progress(stage, done, total)
            report_at = done + _REPORT_EVERY
    if progress is not None:
        progress(stage, total, total)


def read_rows(
    path: str | Path, required: Iterable[str] = (), *, progress: Progress | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Stream the rows of a CSV (or Parquet) file as ``(line, row)`` pairs, the column
    names stripped and lower-cased, the cells stripped, without reading the whole file
    into memory. A missing column, a row with more cells than the header or a line that
    is not UTF-8 raises an error naming the file and the line."""
    if str(path).lower().endswith((".parquet", ".pq")):
        yield from _parquet_rows(path, required, progress)
        return
    source = str(path)
    p = Path(path)
    with _open_binary(p) as fh:
        total = p.stat().st_size
        reader = csv.DictReader(_decoded_lines(fh, source, progress, total))
        try:
            names = reader.fieldnames or []
        except csv.Error as exc:
            raise DataError(f"not readable as CSV: {exc}", source=source, line=1) from None
        header = [h.strip().lower() for h in names]
        if not any(header):
            raise WorkspaceError("the file is empty", source=source)
        missing = [c for c in required if c not in header]
        if missing:
            hint = ""
            if len(header) == 1 and (sep := next((c for c in ";\t|" if c in header[0]), None)):
                hint = f"; the columns seem separated by {sep!r}: write them comma-separated"
            raise DataError(
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"(the header is: {', '.join(header)}){hint}",
                source=source,
                line=1,
            )
        reader.fieldnames = header
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:  # a runaway quote, a cell past the size limit...
                raise DataError(  # line_num counts the lines of records read whole
                    f"not readable as CSV: {exc}", source=source, line=reader.line_num + 1
                ) from None
            if None in row:
                raise DataError(
                    "the row has more cells than the header", source=source, line=reader.line_num
                )
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def _number(value: Any, source: str, line: int, column: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    try:
        x = float(str(value).replace(",", ""))
    except ValueError:
        raise DataError(
            f"{value!r} is not a number", source=source, line=line, field=column
        ) from None
    return x


def load_history(
    path: str | Path, *, progress: Progress | None = None
) -> dict[tuple[str | None, str], MetricSeries]:
    """A long-form history CSV or Parquet file (``date,channel,metric,value`` and an
    optional ``unit``) as one :class:`MetricSeries` per (channel, metric), read as a
    stream."""
    source = str(path)
    rows = read_rows(path, ("date", "metric", "value"), progress=progress)
    points: dict[tuple[str | None, str], list[tuple[Date, float]]] = {}
    units: dict[tuple[str | None, str], str | None] = {}
    errors: list[GoalRulesError] = []
    from goalrules.dates import parse_date
    from goalrules.model import normalize_channel

    days: dict[Any, Date] = {}  # a history repeats its dates once per channel and metric
    for line, row in rows:
        try:
            day = days.get(row["date"]) or days.setdefault(row["date"], parse_date(row["date"]))
        except GoalRulesError as exc:
            errors.append(DataError(exc.message, source=source, line=line, field="date"))
            continue
        try:
            value = _number(row["value"], source, line, "value")
            metric = (
                catalog[str(row["metric"])].key if row["metric"] in catalog else str(row["metric"])
            )
            if not metric:
                raise DataError("metric: empty", source=source, line=line, field="metric")
            channel = normalize_channel(str(row["channel"])) if row.get("channel") else None
        except GoalRulesError as exc:
            errors.append(exc.with_location(source=source, line=line))
            continue
        key = (channel, metric)
        points.setdefault(key, []).append((day, value))
        units.setdefault(key, row.get("unit") or None)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    out = {}
    for key, pts in points.items():
        defn = catalog.get(key[1])
        out[key] = MetricSeries(
            metric=key[1],
            points=pts,
            unit=units[key] or (defn.unit if defn else None),
            channel=key[0],
            kind=defn.kind if defn and defn.kind.value != "ratio" else None,
        )
    return out


_PERF_OPTIONAL = ("campaign", "spend", "hours", "followers", "engagements", "reach")
_BOOK_COLUMNS = ("account", "channel", "month", "visits", "leads", "customers")


def load_performance(path: str | Path, *, progress: Progress | None = None) -> list[ChannelMonth]:
    """A channel-performance CSV or Parquet file: ``month,channel,visits,leads,customers``
    plus optional ``campaign, spend, hours, followers, engagements, reach``, read as a
    stream. An ``account`` column may name one account; rows of several accounts are
    an error (each account is its own portfolio: see :mod:`goalrules.batch`)."""
    source = str(path)
    rows = read_rows(path, ("month", "channel", "visits", "leads", "customers"), progress=progress)
    out: list[ChannelMonth] = []
    errors: list[GoalRulesError] = []
    account: tuple[int, Any] | None = None  # the first row's account, when there is one
    for line, row in rows:
        if row.get("account", "") != "":
            if account is None:
                account = (line, row["account"])
            elif row["account"] != account[1]:
                raise DataError(
                    f"more than one account ({account[1]!r} on line {account[0]}, "
                    f"{row['account']!r} here): one account's channels form one portfolio; "
                    "decide each account with `goalrules channels FILE` or "
                    "goalrules.batch.decide_channels_table",
                    source=source,
                    line=line,
                    field="account",
                )
        values: dict[str, Any] = {
            "month": row["month"],
            "channel": str(row["channel"]),
        }
        try:
            for col in ("visits", "leads", "customers"):
                values[col] = _number(row[col] if row[col] != "" else 0, source, line, col)
            for col in _PERF_OPTIONAL:
                if row.get(col):
                    values[col] = (
                        row[col] if col == "campaign" else _number(row[col], source, line, col)
                    )
            out.append(ChannelMonth(**values))
        except GoalRulesError as exc:
            if exc.line is None:
                exc = DataError(exc.detail(), source=source, line=line, field=exc.field)
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return out


def _lazy_table(path: str | Path, required: Iterable[str], *, lower_names: bool = False) -> Any:
    """A CSV or Parquet file as a polars LazyFrame whose required columns are checked
    (after stripping and lower-casing the column names, with ``lower_names``)."""
    source = str(path)
    try:
        import polars as pl
    except ImportError:
        raise DataError(
            "large tables need polars: pip install 'goalrules[arrow]'", source=source
        ) from None
    if not Path(path).exists():
        raise WorkspaceError("no such file", source=source)
    try:
        if source.lower().endswith((".parquet", ".pq")):
            lazy = pl.scan_parquet(path)
        else:
            lazy = pl.scan_csv(path, try_parse_dates=True)
        names = lazy.collect_schema().names()
    except Exception as exc:
        raise DataError(f"cannot read it: {str(exc).splitlines()[0]}", source=source) from None
    if lower_names:
        lazy = lazy.rename({c: c.strip().lower() for c in names})
        names = [c.strip().lower() for c in names]
    missing = [c for c in required if c not in names]
    if missing:
        raise DataError(
            f"missing column {', '.join(missing)} (the columns are: {', '.join(names)})",
            source=source,
        )
    return lazy


def _estimated_rows(path: str | Path, lazy: Any) -> int:
    """Rows of a Parquet file (from its metadata), or of a CSV file estimated from its
    size and the length of its first lines."""
    import polars as pl

    if str(path).lower().endswith((".parquet", ".pq")):
        return int(lazy.select(pl.len()).collect().item())
    with Path(path).open("rb") as fh:
        head = fh.read(1 << 16)
    lines = max(head.count(b"\n"), 1)
    return max(1, round(Path(path).stat().st_size * lines / max(len(head), 1)) - 1)


def scan_table(
    path: str | Path, required: Iterable[str] = _BOOK_COLUMNS, *, progress: Progress | None = None
) -> Any:
    """A large CSV or Parquet file as a polars DataFrame, read with polars' streaming
    engine (needs ``goalrules[arrow]``); the required columns are checked. With
    ``progress``, the file is read in batches and ``progress(name, rows, total)`` is
    called after each (the total of a CSV file is estimated from its size)."""
    source = str(path)
    lazy = _lazy_table(path, required)
    try:
        if progress is None:
            return lazy.collect(engine="streaming")
        import polars as pl

        stage, total = Path(source).name, _estimated_rows(path, lazy)
        batches, done = [], 0
        for batch in lazy.collect_batches(chunk_size=_REPORT_EVERY // 4):
            batches.append(batch)
            done += batch.height
            progress(stage, done, max(total, done + 1))
        progress(stage, done, done)
        return pl.concat(batches) if batches else lazy.collect()
    except Exception as exc:
        raise DataError(f"cannot read it: {str(exc).splitlines()[0]}", source=source) from None


def load_sessions(path: str | Path) -> list[dict[str, str]]:
    """A raw sessions CSV (``date`` and ``landing_url`` or ``utm_*`` or ``referrer``
    columns, ``lead`` and ``customer`` flags) as rows for
    :func:`goalrules.judgments.channels.attribute_sessions`."""
    return [row for _, row in read_rows(path, ("date",))]


def iter_sessions(
    path: str | Path, *, progress: Progress | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of a raw sessions CSV or Parquet file, one at a time: feed them to
    :func:`goalrules.judgments.channels.attribute_sessions`, which keeps only the
    monthly counts, to aggregate a file larger than memory."""
    return (row for _, row in read_rows(path, ("date",), progress=progress))


def history_for(
    goal: Goal, histories: Mapping[tuple[str | None, str], MetricSeries]
) -> MetricSeries | None:
    """The history matching a goal's channel and metric (or the metric on any channel
    when only one exists)."""
    if goal.metric is None:
        return None
    hit = histories.get((goal.channel, goal.metric))
    if hit is not None:
        return hit
    same = [s for (ch, m), s in histories.items() if m == goal.metric]
    return same[0] if len(same) == 1 and goal.channel in (None, "all") else None
