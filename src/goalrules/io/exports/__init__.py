"""Real exports in: what GA4, Meta, LinkedIn, X, TikTok, YouTube, HubSpot and the social
suites give a marketer, read into goalrules' own history and performance rows.

>>> from goalrules.io.exports import presets
>>> "ga4" in presets() and "tiktok-overview" in presets()
True

- :mod:`~goalrules.io.exports.raw`: files (CSV in UTF-8/UTF-16, Excel, JSON) and
  tables in memory as grids of cells;
- :mod:`~goalrules.io.exports.presets`: one declarative preset per export
  (``presets.toml``, plugins' ``goalrules_sources``) and detection;
- :mod:`~goalrules.io.exports.dates`: the date forms exports use, year-less dates;
- :mod:`~goalrules.io.exports.history`: network exports as history rows, gains and
  anchors;
- :mod:`~goalrules.io.exports.performance`: analytics and CRM exports as performance
  rows, the funnel join;
- :mod:`~goalrules.io.exports.rows`: the result types.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from goalrules.errors import DataError, GoalRulesError
from goalrules.io.exports.history import Anchor, read_history
from goalrules.io.exports.performance import (
    join_funnel,
    read_contacts,
    read_events,
    read_performance,
    read_sessions,
)
from goalrules.io.exports.presets import Match, NoPresetError, Preset, detect, presets
from goalrules.io.exports.raw import Sheet, read_sheets, table_sheet
from goalrules.io.exports.rows import DateOptions, HistoryRow, ImportResult, PerformanceRow

__all__ = [
    "Anchor",
    "HistoryRow",
    "ImportResult",
    "PerformanceRow",
    "Preset",
    "detect_preset",
    "import_exports",
    "presets",
    "read_history_file",
    "read_performance_file",
    "read_sessions_file",
]

Date = _dt.date


def _sheets(item: Any) -> list[Sheet]:
    if isinstance(item, (str, Path)):
        sheets = read_sheets(item)
        if not sheets:  # a workbook without sheets (a zip without xl/workbook.xml)
            raise DataError("no sheets to read: not a workbook goalrules reads", source=str(item))
        return sheets
    return [table_sheet(item)]


def detect_preset(item: str | Path | Any, preset: str | None = None) -> Match:
    """Which preset reads a file (or table), and where its header is."""
    return detect(_sheets(item), preset)


def _own_history(match: Match, options: DateOptions) -> tuple[list[HistoryRow], list[str]]:
    from goalrules.io.exports.rows import data_rows, number, read_dates
    from goalrules.metrics import catalog
    from goalrules.vocabulary import normalize_channel

    rows = list(data_rows(match))
    days, notes = read_dates(match, rows, "date", options)
    out = []
    col = match.columns
    for (line, cells), day in zip(rows, days, strict=True):
        value = number(cells[col["value"]], match.sheet.source, line, "value")
        if value is None or day is None:
            raise DataError("an empty cell", source=match.sheet.source, line=line)
        metric = str(cells[col["metric"]])
        metric = catalog[metric].key if metric in catalog else metric
        channel = normalize_channel(str(cells[col["channel"]])) if "channel" in col else ""
        unit = (
            str(cells[col["unit"]])
            if "unit" in col and cells[col["unit"]]
            else (catalog[metric].unit if metric in catalog else "")
        )
        out.append(HistoryRow(day, channel, metric, value, unit))
    return out, notes


def _own_performance(match: Match, options: DateOptions) -> list[PerformanceRow]:
    from goalrules.io.exports.rows import data_rows, number, read_dates
    from goalrules.model.series import _medium
    from goalrules.vocabulary import normalize_channel

    rows = list(data_rows(match))
    days, _ = read_dates(match, rows, "month", options)
    col = match.columns
    out = []
    for (line, cells), day in zip(rows, days, strict=True):
        values = {}
        for f in ("visits", "leads", "customers"):
            v = number(cells[col[f]], match.sheet.source, line, f)
            if v is None:
                raise DataError(
                    "an empty cell where a number belongs (write 0 if there were none)",
                    source=match.sheet.source,
                    line=line,
                    field=f,
                )
            values[f] = v
        medium = str(cells[col["medium"]]) if "medium" in col and cells[col["medium"]] else None
        campaign = (
            str(cells[col["campaign"]]) if "campaign" in col and cells[col["campaign"]] else None
        )
        assert day is not None
        out.append(
            PerformanceRow(
                day.replace(day=1),
                normalize_channel(str(cells[col["channel"]])),
                _medium(medium) if medium else None,
                values["visits"],
                values["leads"],
                values["customers"],
                None,
                campaign,
            )
        )
    return out


_PERFORMANCE_READERS = {
    "performance": read_performance,
    "contacts": read_contacts,
    "sessions": read_sessions,
    "events": read_events,
}


def import_exports(
    items: str | Path | Any | Sequence[str | Path | Any],
    *,
    preset: str | None = None,
    anchors: Iterable[str | Anchor] = (),
    today: Date | None = None,
    year: int | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
) -> ImportResult:
    """Read export files (or tables: pandas, polars, Arrow, records) into goalrules'
    history and performance rows.

    ``preset`` names the export (default: detected from each file's content and name;
    ``goalrules sources`` lists them). ``anchors`` are known totals ("1500 followers on
    2025-12-31") that turn daily gains into the followers total. Year-less dates
    (TikTok) fall on the latest such date not after ``today`` (default: the real date),
    or in ``year``. ``date_format`` (one of :data:`goalrules.io.exports.dates.FORMS`)
    and ``dayfirst`` override a preset's date forms. Visits from analytics and leads and
    customers from a CRM are joined on month, channel and medium.
    """
    if isinstance(items, (str, Path)) or not isinstance(items, Sequence):
        items = [items]
    options = DateOptions(today or Date.today(), year, date_format, dayfirst)
    parsed = [a if isinstance(a, Anchor) else Anchor.parse(a) for a in anchors]
    history: list[HistoryRow] = []
    analytics: list[PerformanceRow] = []
    crm: list[PerformanceRow] = []
    notes: list[str] = []
    sources: list[tuple[str, str]] = []
    used: list[Anchor] = []
    for item in items:
        sheets = _sheets(item)
        for sheet in sheets:
            notes += sheet.notes
        match = detect(sheets, preset)
        sources.append((match.sheet.source, match.preset.id))
        try:
            out = match.preset.output
            if out == "history":
                rows, more, anchored = read_history(match, options, parsed)
                history += rows
                notes += more
                used += anchored
            elif out == "own-history":
                rows, more = _own_history(match, options)
                history += rows
                notes += more
            elif out == "own-performance":
                analytics += _own_performance(match, options)
            else:  # analytics (performance, sessions, events) or a CRM's contacts
                perf, more = _PERFORMANCE_READERS[out](match, options)
                (crm if out == "contacts" else analytics).extend(perf)
                notes += more
        except GoalRulesError as exc:
            if exc.source is None:
                raise exc.with_location(source=match.sheet.source) from None
            raise
    for a in parsed:
        if a not in used:
            notes.append(
                f"the anchor {a.value:g} {a.metric} on {a.date.isoformat()} matched no export "
                "with daily gains of it" + (f" on {a.channel}" if a.channel else "")
            )
    performance, joined = join_funnel(analytics, crm)
    if crm:  # the analytics' own lead counts are not what the rows carry
        notes = [n for n in notes if "(without a CRM export)" not in n]
    notes += joined
    return ImportResult(
        history=tuple(sorted(history, key=lambda r: (r.channel, r.metric, r.date))),
        performance=tuple(performance),
        notes=tuple(notes),
        sources=tuple(sources),
    )


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

    own, result = _own_or_export(path, today, "history",
                                 lambda: load_history(path, progress=progress))  # fmt: skip
    return (own, ()) if result is None else (result.histories(), result.notes)


def read_performance_file(
    path: str | Path, *, today: Date | None = None, progress: Any = None
) -> tuple[list[Any], tuple[str, ...]]:
    """Channel performance for ``check`` and ``channels``: goalrules' own performance
    file (read as a stream), else any export a preset reads (sessions, GA4, HubSpot...)."""
    from goalrules.io.tables import load_performance

    own, result = _own_or_export(path, today, "performance",
                                 lambda: load_performance(path, progress=progress))  # fmt: skip
    return (own, ()) if result is None else (result.channel_months(), result.notes)


_NOT_CSV = (".xls", ".xlsx", ".xlsm", ".xlsb", ".ods", ".json")


def _import_or(
    own_error: GoalRulesError, path: str | Path, today: Date | None, own: str
) -> ImportResult:
    """The file imported as an export; when no preset reads it and the nearest is
    goalrules' own file, the own reader's error (a missing column) is the clearer one."""
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
    from goalrules.io.tables import iter_sessions

    def own() -> list[Any]:
        return attribute_sessions(iter_sessions(path, progress=progress), first_row=2)

    rows, result = _own_or_export(path, today, "performance", own)
    return (rows, ()) if result is None else (result.channel_months(), result.notes)
