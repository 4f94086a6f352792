"""What a review reads: its history and performance from several files (goalrules' own
or exports) or tables, read as ``check`` reads them. Exports are imported together, so
two exports whose periods overlap give each day once (the same value) or are an error
(two values), an anchor applies across them, and an analytics export is joined with a
CRM's; goalrules' own history files of one metric (a file a year) are put together, a
day two of them give kept once when they agree and an error naming both when they do
not. (Each file was read alone and their points put together: the days two exports
both gave counted twice in their month.)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.errors import DataError
from goalrules.model import MetricSeries

Date = _dt.date
Histories = dict[tuple[str | None, str], MetricSeries]


def review_histories(
    items: Any, today: Date, anchors: Iterable[str | Any] = ()
) -> tuple[Histories, list[str]]:
    """One mapping of series from history files (goalrules' own or exports) and tables."""
    from goalrules.io import load_history
    from goalrules.io.own_or_export import read_history_file

    anchors = list(anchors)
    if items is None:
        if anchors:
            raise DataError("--anchor needs --history (the exports whose gains it anchors)",
                            field="--anchor")  # fmt: skip
        return {}, []
    if isinstance(items, (str, Path)):
        items = [items]
    if isinstance(items, dict):
        return items, []
    paths = [i for i in items if isinstance(i, (str, Path))]
    notes: list[str] = []
    parts: list[tuple[str, Histories]] = []
    if len(paths) == 1 and not anchors:
        found, said = read_history_file(paths[0], today=today)
        parts.append((str(paths[0]), found))
        notes += said
    elif paths:
        parts += _files_together(paths, today, anchors, notes)
    parts += [("a table", load_history(i)) for i in items if not isinstance(i, (str, Path))]
    return _merged(parts, notes), notes


def _files_together(
    paths: Sequence[str | Path], today: Date, anchors: Sequence[Any], notes: list[str]
) -> list[tuple[str, Histories]]:
    """Each of goalrules' own history files, and the exports imported together."""
    from goalrules.io.exports.importing import import_exports
    from goalrules.io.own_or_export import split_own
    from goalrules.io.tables import load_history

    mine, exports = split_own(paths, lambda p: load_history(p, notes=notes))
    parts: list[tuple[str, Histories]] = list(mine)
    if exports:
        result = import_exports(exports, anchors=anchors, today=today)
        notes += result.notes
        parts.append((", ".join(map(str, exports)), result.histories()))
    elif anchors:
        notes.append("--anchor: no export with daily gains was given (own history files "
                     "hold totals already)")  # fmt: skip
    return parts


def _merged(parts: Sequence[tuple[str, Histories]], notes: list[str]) -> Histories:
    """The series of several sources as one mapping: a metric two sources give is one
    series of both's days, a day both give kept once when the values agree (a note)
    and an error naming both sources, the day and the values when they do not."""
    out: Histories = {}
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
                out[key] = attrs.evolve(series, points=tuple(points))
    for (a, b), n in sorted(again.items()):
        notes.append(f"{b}: {n} value{'s' if n > 1 else ''} that {a} gives too (the same day, "
                     "the same value: files that overlap) kept once.")  # fmt: skip
    return out


def review_performance(items: Any, today: Date) -> tuple[list[Any] | None, list[str]]:
    """Channel months from performance files (read together: an analytics export joined
    with a CRM's, as ``check`` reads them) or tables."""
    from goalrules.io.own_or_export import read_performance_file, read_performance_files

    if items is None:
        return None, []
    if isinstance(items, (str, Path)):
        items = [items]
    paths = [i for i in items if isinstance(i, (str, Path))]
    rows: list[Any] = []
    notes: list[str] = []
    if paths:
        found, said = read_performance_files(paths, today=today)
        rows += found
        notes += said
    for item in items:
        if not isinstance(item, (str, Path)):  # a table
            found, more = read_performance_file(item, today=today)
            rows += found
            notes += more
    return rows, notes
