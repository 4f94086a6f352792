"""What a review reads: its history and performance from several files (goalrules' own
or exports) or tables, read as ``check`` reads them
(:func:`~goalrules.io.own_or_export.read_history_files`,
:func:`~goalrules.io.own_or_export.read_performance_files`). Exports are imported
together, so two exports whose periods overlap give each day once (the same value) or
are an error (two values), an anchor applies across them, and an analytics export is
joined with a CRM's; goalrules' own history files of one metric (a file a year) are put
together day by day. (Each file was read alone and their points put together: the days
two exports both gave counted twice in their month.)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from goalrules.errors import DataError
from goalrules.model import MetricSeries

Date = _dt.date
Histories = dict[tuple[str | None, str], MetricSeries]


def review_histories(
    items: Any, today: Date, anchors: Iterable[str | Any] = ()
) -> tuple[Histories, list[str]]:
    """One mapping of series from history files (goalrules' own or exports, read as
    ``check`` reads them) and tables, put together day by day."""
    from goalrules.io import load_history
    from goalrules.io.own_or_export import merge_histories, read_history_files

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
    if paths:
        found, said = read_history_files(paths, today=today, anchors=anchors)
        parts.append((", ".join(map(str, paths)), found))
        notes += said
    parts += [("a table", load_history(i)) for i in items if not isinstance(i, (str, Path))]
    return merge_histories(parts, notes), notes


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
