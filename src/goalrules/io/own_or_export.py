"""The files ``check``, ``channels`` and ``review`` are given: goalrules' own history,
performance or sessions file (read as a stream), else an export a preset reads.

The export machinery (:mod:`~goalrules.io.exports.importing`) is imported only when a
file is not goalrules' own: a run on goalrules' own files does not load it, nor the
package :mod:`goalrules.io.exports` (this module lives beside it, not in it).
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goalrules.errors import DataError, GoalRulesError

if TYPE_CHECKING:
    from goalrules.io.exports.anchors import Anchor
    from goalrules.io.exports.rows import ImportResult

Date = _dt.date


def _is_own_shape_error(exc: GoalRulesError) -> bool:
    """Whether goalrules' own reader failed on the header (so an export may fit)."""
    text = exc.message
    return exc.line in (None, 1) and ("missing column" in text or "not UTF-8" in text)


def _own_or_export(
    path: str | Path, today: Date | None, kind: str, own: Any
) -> tuple[Any, ImportResult | None]:
    """goalrules' own file read by ``own`` (as a stream), else the export a preset reads
    (the result, which must hold ``kind`` rows)."""
    try:
        return own(), None
    except GoalRulesError as exc:
        if not _is_own_shape_error(exc) and not str(path).lower().endswith(_NOT_CSV):
            if exc.source is None:  # a row's error: name the file it is in
                raise exc.with_location(source=str(path)) from None
            raise
        result = _import_or(exc, path, today, kind)
    if not getattr(result, kind):
        other = "performance" if kind == "history" else "history"
        held = f"{other} rows (pass it as --{other})" if getattr(result, other) else "nothing"
        raise DataError(f"no {kind} rows: this export holds {held}", source=str(path))
    return None, result


def read_history_file(
    path: str | Path, *, today: Date | None = None, progress: Any = None
) -> tuple[dict[tuple[str | None, str], Any], tuple[str, ...]]:
    """A history for ``check``: goalrules' own history file (read as a stream), else any
    export a preset reads (its history rows; notes say what was assumed)."""
    from goalrules.io.tables import load_history

    said: list[str] = []
    own, result = _own_or_export(
        path, today, "history", lambda: load_history(path, progress=progress, notes=said)
    )
    return (own, tuple(said)) if result is None else (result.histories(), result.notes)


def read_performance_file(
    path: str | Path, *, today: Date | None = None, progress: Any = None
) -> tuple[list[Any], tuple[str, ...]]:
    """Channel performance for ``check`` and ``channels``: goalrules' own performance
    file (read as a stream), else any export a preset reads (sessions, GA4, HubSpot...)."""
    from goalrules.io.tables import load_performance

    said: list[str] = []
    own, result = _own_or_export(
        path, today, "performance", lambda: load_performance(path, progress=progress, notes=said)
    )
    return (own, tuple(said)) if result is None else _decided(result)


def _decided(result: ImportResult) -> tuple[list[Any], tuple[str, ...]]:
    """An import's rows for channel decisions (the months it covers only in part left
    out) and its notes, with one saying what was left out."""
    left_out = result.left_out_note()
    return result.channel_months(), (*result.notes, *([left_out] if left_out else []))


_NOT_CSV = (".xls", ".xlsx", ".xlsm", ".xlsb", ".ods", ".json")


def _import_or(
    own_error: GoalRulesError, path: str | Path, today: Date | None, own: str
) -> ImportResult:
    """The file imported as an export; when no preset reads it and the nearest is
    goalrules' own file, the own reader's error (a missing column) is the clearer one."""
    from goalrules.io.exports.importing import import_exports
    from goalrules.io.exports.presets import NoPresetError

    try:
        return import_exports(path, today=today)
    except NoPresetError as exc:
        if exc.closest in (own, "history", "performance", "sessions"):
            raise own_error from None
        raise


def read_sessions_file(
    path: str | Path, *, today: Date | None = None, progress: Any = None
) -> tuple[list[Any], tuple[str, ...]]:
    """Sessions for ``--utm``: goalrules' own sessions file (streamed, attributed through
    ``utm_*``, click ids and referrers), else an event export (Umami, GA4 BigQuery)."""
    from goalrules.io.attribution import attribute_sessions
    from goalrules.io.month_parts import cut_ends, left_out_note
    from goalrules.io.tables import iter_sessions

    span: list[Date | None] = [None, None]  # the first and last day of the sessions

    def own() -> list[Any]:
        rows = iter_sessions(path, progress=progress)
        first = next(rows, None)
        if first is not None and "lead" not in first:
            # no lead column: every channel would read as converting nobody
            raise DataError(
                "no 'lead' column: the sessions' leads are unknown, not 0, and a channel "
                "read with 0 leads would look as if it converted nobody; add a 'lead' "
                "column (1 for a session that became a lead, else 0), or give the leads "
                "with a CRM export (goalrules channels ANALYTICS CRM)",
                source=str(path), line=1, field="lead",
            )  # fmt: skip
        again = [] if first is None else [first]
        return attribute_sessions(_days_of(itertools.chain(again, rows), span), first_row=2)

    rows, result = _own_or_export(path, today, "performance", own)
    if result is not None:
        return _decided(result)
    # the file states no period: its sessions' first and last days are its period, and
    # a month they cover only in part is left out of the decisions, as an export's is
    cut = cut_ends(span[0], span[1]) if span[0] is not None and span[1] is not None else {}
    if not cut:
        return rows, ()
    said = left_out_note(cut, "the file")
    return [r for r in rows if r.month not in cut], (
        f"{path}: {said}; its sessions run from {span[0]} to {span[1]}.",
    )


def _days_of(rows: Iterable[dict[str, Any]], span: list[Date | None]) -> Iterator[dict[str, Any]]:
    """``rows`` as they come, the first and last day among their dates kept in ``span``
    (left ``[None, None]`` when a row's date gives no day: a month alone)."""
    lo = hi = None
    whole = True
    for row in rows:
        when = row.get("date") or row.get("timestamp")
        day = when.date() if isinstance(when, _dt.datetime) else when
        if not isinstance(day, Date):
            try:
                day = Date.fromisoformat(str(when)[:10])
            except ValueError:
                whole = False
        if whole and isinstance(day, Date):
            lo = day if lo is None or day < lo else lo
            hi = day if hi is None or day > hi else hi
        yield row
    if whole:
        span[:] = [lo, hi]


def split_own(
    paths: Sequence[str | Path], own: Any
) -> tuple[list[tuple[str, Any]], list[str | Path]]:
    """Each file read by goalrules' own reader ``own(path)`` when it is one of
    goalrules' own files, else kept to be imported (together) as an export."""
    mine: list[tuple[str, Any]] = []
    exports: list[str | Path] = []
    for path in paths:
        if str(path).lower().endswith(_NOT_CSV):
            exports.append(path)
            continue
        try:
            mine.append((str(path), own(path)))
        except GoalRulesError as exc:
            if not _is_own_shape_error(exc):
                raise
            exports.append(path)
    return mine, exports


def read_history_files(
    paths: Sequence[str | Path],
    *,
    today: Date | None = None,
    anchors: Iterable[str | Anchor] = (),
    progress: Any = None,
) -> tuple[dict[tuple[str | None, str], Any], tuple[str, ...]]:
    """Histories for ``check --history FILE...`` (and ``review``): goalrules' own history
    files and exports (imported together, so an ``--anchor`` applies as in ``import``),
    put together day by day (:func:`merge_histories`)."""
    from goalrules.io.exports.importing import import_exports
    from goalrules.io.tables import load_history

    anchors = list(anchors)
    if len(paths) == 1 and not anchors:
        return read_history_file(paths[0], today=today, progress=progress)
    notes: list[str] = []
    mine, exports = split_own(paths, lambda p: load_history(p, progress=progress, notes=notes))
    parts: list[tuple[str, dict[tuple[str | None, str], Any]]] = list(mine)
    if exports:
        result = import_exports(exports, anchors=anchors, today=today)
        notes += result.notes
        by_file = {(r.channel, r.metric) for r in result.history}
        parts.append((", ".join(map(str, exports)), result.histories()))
        if not by_file:
            raise DataError("no history rows in these exports", source=str(exports[0]))
    elif anchors:
        notes.append("--anchor: no export with daily gains was given (own history files "
                     "hold totals already)")  # fmt: skip
    return merge_histories(parts, notes), tuple(notes)


def merge_histories(
    parts: Sequence[tuple[str, dict[tuple[str | None, str], Any]]], notes: list[str]
) -> dict[tuple[str | None, str], Any]:
    """The series of several sources (goalrules' own history files, the exports imported
    together, tables) as one mapping: a metric two sources give is one series of both's
    days (a file a year), a day both give kept once when the values agree (with a note
    in ``notes``) and an error naming both sources, the day and the values when they do
    not (never both: the day would count twice in its month)."""
    import attrs

    out: dict[tuple[str | None, str], Any] = {}
    where: dict[tuple[tuple[str | None, str], Date], tuple[float, str]] = {}
    again: dict[tuple[str, str], int] = {}
    for source, histories in parts:
        for key, series in histories.items():
            points = []
            for p in series.points:
                first = where.setdefault((key, p.date), (p.value, source))
                if first[1] == source:
                    points.append(p)
                    continue
                if first[0] != p.value:
                    raise DataError(
                        f"{first[1]} and {source} give {key[1]}"
                        + (f" on {key[0]}" if key[0] else "")
                        + f" on {p.date.isoformat()} as {first[0]:g} and {p.value:g}: which "
                        "one is right? Pass one of them (or files whose days do not overlap)",
                        source=source, field="--history",
                    )  # fmt: skip
                again[(first[1], source)] = again.get((first[1], source), 0) + 1
            if key in out:
                old = out[key]
                out[key] = attrs.evolve(old, points=(*old.points, *points))
            else:
                out[key] = attrs.evolve(series, points=tuple(points)) if len(points) < len(
                    series.points) else series  # fmt: skip
    for (a, b), n in sorted(again.items()):
        notes.append(f"{b}: {n} value{'s' if n > 1 else ''} that {a} gives too (the same day, "
                     "the same value: files that overlap) kept once.")  # fmt: skip
    return out


def read_performance_files(
    paths: Sequence[str | Path], *, today: Date | None = None, progress: Any = None
) -> tuple[list[Any], tuple[str, ...]]:
    """Channel performance for ``check`` and ``channels`` from several files:
    goalrules' own performance files, and exports imported together (visits from
    analytics joined with a CRM's leads and customers, as ``import`` does). The same
    month and channel in two files is an error naming both."""
    from goalrules.io.exports.importing import import_exports
    from goalrules.io.tables import load_performance

    if len(paths) == 1:
        return read_performance_file(paths[0], today=today, progress=progress)
    notes: list[str] = []
    mine, exports = split_own(paths, lambda p: load_performance(p, progress=progress, notes=notes))
    parts: list[tuple[str, list[Any]]] = list(mine)
    if exports:
        result = import_exports(exports, today=today)
        if not result.performance:
            raise DataError("no performance rows in these exports", source=str(exports[0]))
        decided, said = _decided(result)
        notes += said
        parts.append((", ".join(map(str, exports)), decided))
    rows: list[Any] = []
    where: dict[Any, str] = {}
    for source, part in parts:
        for r in part:
            key = (r.month, r.channel, r.medium, r.campaign)
            if where.setdefault(key, source) != source:
                raise DataError(
                    f"{where[key]} and {source} both give {r.channel} in {r.month:%Y-%m}: "
                    "pass one of them (an analytics export and a CRM export are joined)",
                    source=source,
                )
            rows.append(r)
    return rows, tuple(notes)
