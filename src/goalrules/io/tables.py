"""Data files as streams: histories, channel performance and raw sessions, from CSV or
Parquet.

Every problem names the file and the place (``history.csv:14: value`` for a bad cell);
no row is dropped silently. Files are read as streams, with an optional progress
callback.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from goalrules.errors import (
    DataError,
    GoalRulesError,
    GoalRulesErrors,
    WorkspaceError,
    listed,
)
from goalrules.io.files import _open_binary, check_columns, check_file
from goalrules.io.month_parts import DAYS, left_out_note, partial_days, read_days
from goalrules.metrics import catalog
from goalrules.model import (
    ChannelMonth,
    Goal,
    MetricSeries,
)
from goalrules.model.tables import records
from goalrules.units import DOTTED_THOUSANDS
from goalrules.visible import spreadsheet_text
from goalrules.vocabulary import MetricKind

#: ``progress(stage, done, total)``: called as a file is read (``done`` and ``total``
#: in bytes for CSV, in rows for Parquet) and as goals are judged.
Progress = Callable[[str, int, int], None]

Date = _dt.date


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
        check_columns(len(names), source, 1)
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
                f"(the header is: {listed(header)}){hint}",
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
            if None in row.values():  # DictReader's filler for the cells a short row lacks
                cells = sum(v is not None for v in row.values())
                raise DataError(
                    f"the row has {cells} cell{'s' if cells != 1 else ''}, the header "
                    f"{len(header)}: a short row is not read as empty cells",
                    source=source,
                    line=reader.line_num,
                )
            # a text cell goalrules marked so that no spreadsheet runs it ("'=x"): as it was
            yield reader.line_num, {k: spreadsheet_text(v.strip()) for k, v in row.items()}


def _rows(
    data: Any, required: Iterable[str], progress: Progress | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, row)`` pairs of a file, or of a table in memory (a DataFrame, an Arrow
    table, records: missing cells as ``""``, rows numbered from 2 as in a CSV file)."""
    if isinstance(data, (str, Path)):
        yield from read_rows(data, required, progress=progress)
        return
    rows = records(data)
    header = [k.strip().lower() for k in rows[0]] if rows else []
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the columns are: {listed(header)})",
            source="<table>",
        )
    for i, r in enumerate(rows, start=2):
        yield i, {k.strip().lower(): "" if v is None else v for k, v in r.items()}


def _number(
    value: Any, source: str, line: int, column: str, whole: str | None = None, empty: str = ""
) -> float:
    """A cell as a number, as goalrules writes them (a decimal point; ``1,234`` read as
    English thousands); an empty cell (or ``-``, ``n/a``), text, a decimal comma
    (``12,5``: 125 was read before), a percent or a non-finite number (NaN, inf) is an
    error naming the file, line and column (never a quiet zero). ``whole``: what the
    column holds (``"a count of followers"``), when its numbers are counts or amounts of
    money: there ``10.000`` is an error, ten thousand with a '.' between thousands (as
    Greek and German write it) or ten with a decimal point. ``empty``: what to write
    instead of an empty cell (default: 0 if there were none)."""
    from goalrules.io.cells import number

    if (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and value.strip().lower().lstrip("+-") == "nan"
    ):
        raise DataError(f"{value!r} is not a finite number", source=source, line=line, field=column)
    if whole is not None and isinstance(value, str) and DOTTED_THOUSANDS.fullmatch(value.strip()):
        text = value.strip()
        plain = text.replace(".", "")
        decimal = f", or {float(text):g} with a decimal point" if text.count(".") == 1 else ""
        raise DataError(
            f"{value!r} is ambiguous for {whole}: {int(plain):,} with '.' between "
            f"thousands{decimal}; write {plain} for {int(plain):,} (goalrules' files write "
            "'.' only as the decimal point)",
            source=source,
            line=line,
            field=column,
        )
    x = number(value, source, line, column, decimal=".", count=False)
    if x is None:
        raise DataError(
            f"an empty cell where a number belongs ({empty or 'write 0 if there were none'})",
            source=source,
            line=line,
            field=column,
        )
    return x


@functools.lru_cache(maxsize=256)
def _percent_cell(value: Any, unit: str | None) -> Any:
    """A cell of a metric in per cent (its values are percentage points: ``3.2`` is
    3.2 %) as written with its sign (``3.2%``, ``3.2 %``): the number without it. Any
    other cell as it is (a percent sign in a count stays an error)."""
    if unit == "percent" and isinstance(value, str) and value.rstrip().endswith("%"):
        return value.rstrip()[:-1].rstrip()
    return value


def _counted(unit: str | None) -> str | None:
    """What numbers in ``unit`` count, when they are counts or amounts of money (no
    third decimal: ``"a count of followers"``, ``"an amount in USD"``); ``None`` for a
    share, a time or a unit not known."""
    from goalrules.units import unit_info

    if not unit:
        return None
    try:
        key = unit_info(unit).key
    except GoalRulesError:
        return None
    if len(key) != 1 or key[0][1] != 1 or key[0][0] == "[time]":
        return None
    name = key[0][0].strip("[]")
    return f"an amount in {name[9:]}" if name.startswith("currency_") else f"a count of {name}s"


def _blank(value: Any) -> bool:
    """An absent or empty cell (``None``, blank text, NaN): a count not measured."""
    if isinstance(value, float):
        return math.isnan(value)
    return value is None or (isinstance(value, str) and not value.strip())


def _duplicate(
    seen: dict[Any, tuple[int, Any]], key: Any, line: int, value: Any, source: str,
    what: str, dropped: list[int],
) -> bool:  # fmt: skip
    """Whether ``key`` was seen: with the same value, a duplicate row to drop (its line
    kept in ``dropped``); with another, an error naming both lines."""
    first = seen.setdefault(key, (line, value))
    if first[0] == line:
        return False
    if first[1] == value:
        dropped.append(line)
        return True
    raise DataError(
        f"lines {first[0]} and {line} give two different rows for {what}: which one is right?",
        source=source,
        line=line,
    )


def _dropped_note(source: str, dropped: list[int], notes: list[str] | None) -> None:
    if not dropped:
        return
    n = len(dropped)
    text = (f"{source}: {n} duplicate row{'s' if n > 1 else ''} dropped (line"
            f"{'s' if n > 1 else ''} {', '.join(map(str, dropped[:5]))}"
            f"{' ...' if n > 5 else ''})")  # fmt: skip
    if notes is None:
        raise DataError(f"{text[len(source) + 2 :]}: remove them", source=source, line=dropped[0])
    notes.append(text + ".")


def _empty_value(defn: Any) -> str:
    """What a history's empty value cell should be instead: a count of a stock or a
    ratio not taken is a row left out (an empty cell is no 0: 0 followers is a count, and
    two in a row read as an account emptied); a flow's is 0 only if there were none."""
    kind = defn.kind if defn is not None else None
    if kind is MetricKind.FLOW:
        return "write 0 if there were none; leave the row out if it was not measured"
    return "leave the row out if it was not measured that day: an empty cell is no 0"


def load_history(
    path: str | Path | Any, *, progress: Progress | None = None, notes: list[str] | None = None
) -> dict[tuple[str | None, str], MetricSeries]:
    """A long-form history CSV or Parquet file (``date,channel,metric,value`` and an
    optional ``unit``), or a table of those columns (pandas, polars, Arrow, records), as
    one :class:`MetricSeries` per (channel, metric), read as a stream. A row that
    repeats another's channel, metric and date is dropped when it says the same (noted
    in ``notes``; without a list, an error) and an error naming both lines when not."""
    source = str(path) if isinstance(path, (str, Path)) else "<table>"
    rows = _rows(path, ("date", "metric", "value"), progress)
    points: dict[tuple[str | None, str], list[tuple[Date, float]]] = {}
    units: dict[tuple[str | None, str], str | None] = {}
    errors: list[GoalRulesError] = []
    from goalrules.dates import parse_date
    from goalrules.model import normalize_channel

    days: dict[Any, Date] = {}  # a history repeats its dates once per channel and metric
    seen: dict[Any, tuple[int, Any]] = {}
    dropped: list[int] = []
    for line, row in rows:
        try:
            day = days.get(row["date"]) or days.setdefault(
                row["date"], parse_date(row["date"], require_year=True)
            )
        except GoalRulesError as exc:
            errors.append(DataError(exc.message, source=source, line=line, field="date"))
            continue
        try:
            metric = (
                catalog[str(row["metric"])].key if row["metric"] in catalog else str(row["metric"])
            )
            if not metric:
                raise DataError("metric: empty", source=source, line=line, field="metric")
            defn = catalog.get(metric)
            unit = row.get("unit") or (defn.unit if defn else None)
            whole = _counted(unit)
            value = _number(_percent_cell(row["value"], unit), source, line, "value", whole,
                            _empty_value(defn))  # fmt: skip
            if value < 0 and defn is not None and not defn.can_be_negative:
                raise DataError(
                    f"a negative count ({value:g}) of {metric}", line=line, field="value"
                )
            channel = normalize_channel(str(row["channel"])) if row.get("channel") else None
        except GoalRulesError as exc:
            errors.append(exc.with_location(source=source, line=line))
            continue
        key = (channel, metric)
        what = f"{metric} on {day.isoformat()}" + (f" ({channel})" if channel else "")
        try:
            if _duplicate(seen, (channel, metric, day), line, value, source, what, dropped):
                continue
        except GoalRulesError as exc:
            errors.append(exc)
            continue
        points.setdefault(key, []).append((day, value))
        units.setdefault(key, row.get("unit") or None)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    _dropped_note(source, dropped, notes)
    out = {}
    for key, pts in points.items():
        defn = catalog.get(key[1])
        out[key] = MetricSeries(
            metric=key[1],
            points=pts,
            # no unit written: none stated (the metric's own unit applies where it is
            # read, and a rate's plain shares, 0.47 for 47 %, can still be told apart)
            unit=units[key],
            channel=key[0],
            kind=defn.kind if defn and defn.kind.value != "ratio" else None,
        )
    return out


_PERF_OPTIONAL = ("campaign", "medium", "spend", "hours", "followers", "engagements", "reach")
#: the optional columns of counts or money (hours may have a third decimal)
_WHOLE = {
    "spend": "an amount of money",
    "followers": "a count of followers",
    "engagements": "a count of engagements",
    "reach": "a count of people reached",
}
_BOOK_COLUMNS = ("account", "channel", "month", "visits", "leads")  # customers: optional


def load_performance(
    path: str | Path | Any,
    *,
    progress: Progress | None = None,
    notes: list[str] | None = None,
    partial: bool = False,
) -> list[ChannelMonth]:
    """A channel-performance CSV or Parquet file (or a table of the same columns):
    ``month,channel,visits,leads,customers`` plus optional ``medium, campaign, spend,
    hours, followers, engagements, reach``, read as a stream. An ``account`` column may
    name one account; rows of several accounts are an error (each account is its own
    portfolio: see :mod:`goalrules.scale.batch`). The same month, channel, medium and
    campaign twice is an error naming both lines (an exact duplicate is dropped, noted
    in ``notes``). A ``days`` column (as ``goalrules import`` writes it) gives the days
    of its month a row counts: a month counted only in part is left out, as the channel
    decisions leave out a month an export covers in part, with a note in ``notes``
    (``partial=True`` keeps it)."""
    source = str(path) if isinstance(path, (str, Path)) else "<table>"
    # customers may be absent; a blank count: not measured, unknown (never read as 0)
    rows = _rows(path, ("month", "channel", "visits", "leads"), progress)
    out: list[ChannelMonth] = []
    errors: list[GoalRulesError] = []
    account: tuple[int, Any] | None = None  # the first row's account, when there is one
    seen: dict[Any, tuple[int, Any]] = {}
    dropped: list[int] = []
    counted: list[tuple[Date, int | None]] = []  # a row's month and the days it counts
    for line, row in rows:
        if row.get("account", "") != "":
            if account is None:
                account = (line, row["account"])
            elif row["account"] != account[1]:
                raise DataError(
                    f"more than one account ({account[1]!r} on line {account[0]}, "
                    f"{row['account']!r} here): one account's channels form one portfolio; "
                    "decide each account with `goalrules channels FILE` or "
                    "goalrules.scale.batch.decide_channels_table",
                    source=source,
                    line=line,
                    field="account",
                )
        values: dict[str, Any] = {
            "month": row["month"],
            "channel": str(row["channel"]),
        }
        try:
            # a blank count: not measured, unknown (never 0; an explicit 0 stays 0)
            for col in ("visits", "leads", "customers"):
                values[col] = (
                    None
                    if _blank(row.get(col))
                    else _number(row[col], source, line, col, f"a count of {col}")
                )
            for col in _PERF_OPTIONAL:
                if row.get(col):
                    values[col] = (
                        row[col]
                        if col in ("campaign", "medium")
                        else _number(row[col], source, line, col, _WHOLE.get(col))
                    )
            cm = ChannelMonth(**values)
            if not _blank(row.get(DAYS)):
                counted.append((cm.month, read_days(row[DAYS], cm.month, source, line)))
            key = (cm.month, cm.channel, cm.medium, cm.campaign)
            what = f"{cm.channel} in {cm.month:%Y-%m}" + "".join(f" ({x})" for x in key[2:] if x)
            if _duplicate(seen, key, line, values, source, what, dropped):
                continue
            out.append(cm)
        except GoalRulesError as exc:
            if exc.line is None:
                exc = DataError(exc.detail(), source=source, line=line, field=exc.field)
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    _dropped_note(source, dropped, notes)
    in_part = partial_days(counted)
    if in_part and not partial:
        out = [cm for cm in out if cm.month not in in_part]
        if notes is not None:
            notes.append(f"{source}: {left_out_note(in_part, 'the file')}.")
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
    check_file(path, "data")  # a regular file within the size limit, before polars opens it
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
            f"missing column {', '.join(missing)} (the columns are: {listed(names)})",
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
    engine (needs ``goalrules[arrow]``), its column names stripped and lower-cased (as
    :func:`load_performance` reads them); the required columns are checked. With
    ``progress``, the file is read in batches and ``progress(name, rows, total)`` is
    called after each (the total of a CSV file is estimated from its size)."""
    source = str(path)
    lazy = _lazy_table(path, required, lower_names=True)  # "Spend": as load_performance
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
    :func:`goalrules.io.attribution.attribute_sessions`."""
    return [row for _, row in read_rows(path, ("date",))]


def iter_sessions(
    path: str | Path, *, progress: Progress | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of a raw sessions CSV or Parquet file, one at a time: feed them to
    :func:`goalrules.io.attribution.attribute_sessions`, which keeps only the
    monthly counts, to aggregate a file larger than memory."""
    return (row for _, row in read_rows(path, ("date",), progress=progress))


def history_for(
    goal: Goal, histories: Mapping[tuple[str | None, str], MetricSeries]
) -> MetricSeries | None:
    """The history matching a goal's channel and metric (or the metric on any channel
    when only one exists).

    A goal about several channels (``channel="linkedin, instagram"``, or ``"all"``
    without an ``all`` history) is judged on their sum, month by month, when the metric
    adds up across channels (a count: followers, visits); a ratio does not add up, so
    :func:`histories_for` gives such a goal one history per channel instead.
    """
    if goal.metric is None:
        return None
    hit = histories.get((goal.channel, goal.metric))
    if hit is not None:
        return hit
    same = {ch: s for (ch, m), s in histories.items() if m == goal.metric}
    if len(same) == 1 and goal.channel in (None, "all"):
        return next(iter(same.values()))
    parts = histories_for(goal, histories)
    if len(parts) < 2 or not _adds_up(goal.metric):
        return None
    return _summed(goal, list(parts.values()))


def histories_for(
    goal: Goal, histories: Mapping[tuple[str | None, str], MetricSeries]
) -> dict[str, MetricSeries]:
    """One history per channel of a goal about several channels (every channel with a
    history of the metric for ``"all"``); empty when one of the named channels has
    none."""
    if goal.metric is None:
        return {}
    if goal.channels == ("all",):
        return {ch: s for (ch, m), s in histories.items() if m == goal.metric and ch}
    if len(goal.channels) < 2:
        return {}
    parts = {ch: histories.get((ch, goal.metric)) for ch in goal.channels}
    return {ch: s for ch, s in parts.items() if s is not None} if all(parts.values()) else {}


def _adds_up(metric: str) -> bool:
    info = catalog.get(metric)
    return info is None or info.kind is not MetricKind.RATIO


def _summed(goal: Goal, parts: list[MetricSeries]) -> MetricSeries:
    """The month-by-month sum of several channels' histories, over the months they all
    have (a month one channel lacks is not a zero)."""
    info = catalog.get(goal.metric or "")
    kind = parts[0].kind or (info.kind if info is not None else MetricKind.STOCK)
    monthly = [{p.date: p.value for p in s.monthly(kind)} for s in parts]
    last = [{(d.year, d.month): d for d in s.dates} for s in parts]  # each month's last day
    common = set(monthly[0]).intersection(*monthly[1:])
    points = [
        (max(seen[(d.year, d.month)] for seen in last), math.fsum(m[d] for m in monthly))
        for d in sorted(common)
    ]
    return MetricSeries(
        metric=goal.metric,
        points=points,
        unit=parts[0].unit,
        channel=goal.channel,
        kind=kind,
    )
