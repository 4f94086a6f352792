"""Importing exports: files (or tables) matched to a preset and read into goalrules'
history and performance rows, with the notes of what was assumed
(:func:`import_exports`, available as ``goalrules.io.exports.import_exports``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

import attrs

from goalrules.errors import DataError, GoalRulesError
from goalrules.io.cells import DECIMALS, CellErrors, Problem, problem
from goalrules.io.exports.anchors import Anchor
from goalrules.io.exports.blocks import tables_note
from goalrules.io.exports.contacts import read_contacts
from goalrules.io.exports.funnel import join_funnel
from goalrules.io.exports.history import HistoryPart, combine, read_history_part
from goalrules.io.exports.performance import (
    read_events,
    read_events_part,
    read_performance,
    read_performance_part,
    read_sessions,
    read_sessions_part,
)
from goalrules.io.exports.presets import Match, detect, presets
from goalrules.io.exports.raw import Sheet, read_sheets, table_sheet
from goalrules.io.exports.refusals import (
    campaigns_without_channel,
    no_lead_events,
    no_lead_flags,
    no_leads_column,
    not_joinable,
)
from goalrules.io.exports.rows import DateOptions, HistoryRow, ImportResult, PerformanceRow
from goalrules.io.exports.spans import (
    AnalyticsPart,
    file_span,
    merge_analytics,
    partial_coverage,
)

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
    from goalrules.io.cells import check_conflicts, drop_duplicates, number
    from goalrules.io.exports.rows import data_rows, read_dates
    from goalrules.metrics import catalog
    from goalrules.vocabulary import normalize_channel

    source = match.sheet.source
    rows, notes = drop_duplicates(list(data_rows(match)), source)
    days, more = read_dates(match, rows, "date", options)
    notes += more
    out = []
    col = match.columns
    keys = []
    for (line, cells), day in zip(rows, days, strict=True):
        value = number(cells[col["value"]], source, line, "value", decimal=options.decimal)
        if value is None or day is None:
            raise DataError(
                "an empty cell where a value belongs", source=source, line=line,
                field="value" if day is not None else "date",
            )  # fmt: skip
        metric = str(cells[col["metric"]])
        metric = catalog[metric].key if metric in catalog else metric
        defn = catalog.get(metric)
        if value < 0 and defn is not None and not defn.can_be_negative:
            raise DataError(f"a negative count ({value:g}) of {metric}", source=source,
                            line=line, field="value")  # fmt: skip
        channel = normalize_channel(str(cells[col["channel"]])) if "channel" in col else ""
        unit = (
            str(cells[col["unit"]])
            if "unit" in col and cells[col["unit"]]
            else (catalog[metric].unit if metric in catalog else "")
        )
        keys.append((day, channel, metric))
        out.append(HistoryRow(day, channel, metric, value, unit))
    check_conflicts(
        [(line, ()) for line, _ in rows], keys, source,
        lambda k: f"{k[2]} on {k[0].isoformat()}" + (f" ({k[1]})" if k[1] else ""),
    )  # fmt: skip
    return out, notes


def _own_performance(
    match: Match, options: DateOptions, parts: dict[Date, int] | None = None
) -> tuple[list[PerformanceRow], list[str]]:
    """goalrules' own performance file's rows and notes; the months its ``days`` column
    says it counts only in part are added to ``parts`` (with their days)."""
    from goalrules.io.cells import check_conflicts, drop_duplicates, number
    from goalrules.io.exports.rows import data_rows, read_dates
    from goalrules.io.month_parts import DAYS, partial_days, read_days
    from goalrules.model.series import _medium
    from goalrules.vocabulary import normalize_channel

    source = match.sheet.source
    rows, notes = drop_duplicates(list(data_rows(match)), source)
    days, _ = read_dates(match, rows, "month", options)
    col = match.columns
    out = []
    keys = []
    blank = dict.fromkeys(("visits", "leads", "customers"), 0)
    counted: list[tuple[Date, int | None]] = []  # a row's month and the days it counts
    for (line, cells), day in zip(rows, days, strict=True):
        if day is None:
            raise DataError("an empty month", source=source, line=line, field="month")
        if DAYS in col:
            month = day.replace(day=1)
            counted.append((month, read_days(cells[col[DAYS]], month, source, line)))
        values: dict[str, float] = {}
        for f in ("visits", "leads", "customers"):
            if f not in col:  # customers: no column, not measured (unknown, not 0)
                continue
            v = number(cells[col[f]], source, line, f, decimal=options.decimal)
            if v is None:  # blank: not measured, unknown (not 0; an explicit 0 stays 0)
                blank[f] += 1
                continue
            if v < 0:
                raise DataError(f"a negative count ({v:g}) of {f}", source=source, line=line,
                                field=f)  # fmt: skip
            values[f] = v
        # revenue, as `goalrules import` writes it beside the counts (money: no count)
        revenue = (number(cells[col["revenue"]], source, line, "revenue", decimal=options.decimal,
                          count=False) if "revenue" in col else None)  # fmt: skip
        medium = str(cells[col["medium"]]) if "medium" in col and cells[col["medium"]] else None
        campaign = (
            str(cells[col["campaign"]]) if "campaign" in col and cells[col["campaign"]] else None
        )
        channel = normalize_channel(str(cells[col["channel"]]))
        month = day.replace(day=1)
        medium = _medium(medium) if medium else None
        keys.append((month, channel, medium, campaign))
        out.append(
            PerformanceRow(
                month, channel, medium, values.get("visits"), values.get("leads"),
                values.get("customers"), revenue, campaign,
            )
        )  # fmt: skip
    if "customers" not in col:
        notes.append(f"{source}: customers: not in this file; unknown, not 0.")
    for f, n in blank.items():
        if n:
            notes.append(f"{source}: {f} empty on {n} row{'s' if n > 1 else ''}: unknown, not 0.")
    check_conflicts(
        [(line, ()) for line, _ in rows], keys, source,
        lambda k: f"{k[1]} in {k[0]:%Y-%m}" + "".join(f" ({x})" for x in k[2:] if x),
    )  # fmt: skip
    if parts is not None:
        parts.update(partial_days(counted))
    return out, notes


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
    decimal: str | None = None,
    errors: str = "raise",
    limit: int = 100,
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

    ``decimal`` (``","`` or ``"."``) says how numbers are written where their form is
    ambiguous (``60.234`` in a count). With ``errors="collect"``, every bad cell of the
    files (up to ``limit``) is raised at once as a
    :class:`~goalrules.io.cells.CellErrors`, whose ``table()`` lists file, line,
    column, value and why.
    """
    if errors not in ("raise", "collect"):
        raise DataError(f"errors must be 'raise' or 'collect', not {errors!r}", field="errors")
    if decimal not in (None, *DECIMALS):
        raise DataError(f"the decimal mark is ',' or '.', not {decimal!r}", field="--decimal")
    if isinstance(items, (str, Path)) or not isinstance(items, Sequence):
        items = [items]
    options = DateOptions(today or Date.today(), year, date_format, dayfirst, decimal)
    several = len(items) > 1  # a file's period matters only beside another file's
    parsed = [a if isinstance(a, Anchor) else Anchor.parse(a) for a in anchors]
    parts: list[HistoryPart] = []  # every file's history, combined once all are read
    analytics: list[AnalyticsPart] = []  # every analytics file's rows and period
    own_parts: dict[Date, int] = {}  # months goalrules' own files count in part: their days
    crm: list[PerformanceRow] = []
    contacts: dict[str, tuple[str, int, Any]] = {}  # every CRM export's, by Record ID
    event_files: list[tuple[Match, DateOptions]] = []  # event exports, read together
    crm_matches: list[tuple[Match, DateOptions]] = []  # CRM exports, read after the analytics
    notes: list[str] = []
    sources: list[tuple[str, str]] = []
    problems: list[Problem] = []
    no_leads: list[Match] = []  # analytics exports without a leads column
    for item in items:
        try:
            sheets = _sheets(item)
            match = detect(sheets, preset)
        except GoalRulesError as exc:
            if errors != "collect":
                raise
            problems.append(problem(exc))
            continue
        for sheet in sheets:
            notes += sheet.notes
        header = match.sheet.rows[match.header_index][1] if match.sheet.rows else ()
        notes += tables_note(match.sheet, match.header_index,
                             ", ".join(str(c) for c in header if str(c).strip()))  # fmt: skip
        sources.append((match.sheet.source, match.preset.id))
        file_options = options
        if options.decimal is None and match.preset.decimal is not None:
            file_options = attrs.evolve(options, decimal=match.preset.decimal)
        if file_options.decimal is None:  # the file's own numbers may say
            try:
                mark, said = _file_decimal(match)
            except GoalRulesError as exc:
                if errors != "collect":
                    raise
                problems.append(problem(exc))
                continue
            notes += said
            if mark is not None:
                file_options = attrs.evolve(file_options, decimal=mark)
        if errors == "collect":
            problems += _collect(match, file_options, parsed, limit - len(problems))
            if len(problems) >= limit:
                break
            continue
        if _header_only(match):
            notes.append(f"{match.sheet.source}: no data rows under the header: nothing imported.")
            continue
        try:
            out = match.preset.output
            if out == "history":
                parts.append(read_history_part(match, file_options))
            elif out == "own-history":
                rows, more = _own_history(match, file_options)
                parts.append(HistoryPart(match.sheet.source, rows, more, grain=None))
            elif out == "own-performance":
                perf_rows, more = _own_performance(match, file_options, own_parts)
                span = file_span(match, file_options) if several else None
                analytics.append(AnalyticsPart(match.sheet.source, span, perf_rows))
                notes += more
            elif out == "contacts":  # a CRM's contacts: read once the visits' days are known
                crm_matches.append((match, file_options))
            elif out == "events":  # read together once all are here: sessions span files
                event_files.append((match, file_options))
            else:  # analytics (performance, sessions)
                if (
                    out == "performance"
                    and match.find(match.preset.fields.get("leads", ())) is None
                ) or (out == "sessions" and "lead" not in match.columns):
                    no_leads.append(match)
                if out == "performance":  # its period: the one it declares, else its dates'
                    part, more = read_performance_part(match, file_options)
                else:  # sessions: their days are their period
                    part, more = read_sessions_part(match, file_options)
                analytics.append(part)
                notes += more
        except GoalRulesError as exc:
            if exc.source is None:
                raise exc.with_location(source=match.sheet.source) from None
            raise
    if errors == "collect":
        if problems:
            raise CellErrors(problems[:limit], truncated=len(problems) >= limit)
        return import_exports(
            items, preset=preset, anchors=parsed, today=options.today, year=year,
            date_format=date_format, dayfirst=dayfirst, decimal=decimal,
        )  # fmt: skip
    history, more, used = combine(parts, parsed)
    notes += more
    _check_loose_anchors(used)
    for a in parsed:
        if a not in {u for u, _ in used}:
            notes.append(
                f"the anchor {a.value:g} {a.metric} on {a.date.isoformat()} matched no export "
                "with daily gains of it" + (f" on {a.channel}" if a.channel else "")
            )
    event_leads = False  # whether an event marked a lead
    if event_files:  # with the days each file covers (a day between two is a gap)
        events_part, more = read_events_part(event_files)
        event_leads = any(r.leads for r in events_part.rows)
        notes += more
        analytics.append(events_part)
    within = partial_coverage(analytics)  # a CRM counts the days the visits cover
    for match, file_options in crm_matches:
        try:
            perf, more = read_contacts(match, file_options, contacts, within)
        except GoalRulesError as exc:
            if exc.source is None:
                raise exc.with_location(source=match.sheet.source) from None
            raise
        crm += perf
        notes += more
    if not crm:
        for m in no_leads:  # raw sessions, each a lead or not: the flag is their data
            if m.preset.output == "sessions":
                no_lead_flags(m)
        # an analytics report without leads: visits known, leads unknown (never 0),
        # said with how to add them
        notes += [no_leads_column(m) for m in no_leads]
    if event_files and not crm and not event_leads:
        no_lead_events([m for m, _ in event_files])
    if crm:
        campaigns_without_channel(analytics)
    merged, more = merge_analytics(analytics)
    notes += more
    if crm:
        crm_files = [src for src, p in sources if presets()[p].output == "contacts"]
        not_joinable(analytics, crm, crm_files)
    performance, joined = join_funnel(merged, crm)
    if crm:  # the analytics' own lead counts are not what the rows carry
        notes = [n for n in notes if "(without a CRM export)" not in n]
    notes += joined
    # by channel, metric and date: stable sorts on one field each (no key tuple a row)
    for field in ("date", "metric", "channel"):
        history.sort(key=attrgetter(field))
    # the months counted only in part, with their days: the exports' periods say them,
    # and goalrules' own files their days column
    held = {r.month for r in performance}
    in_part = {m: sum((hi - lo).days + 1 for lo, hi in spans) for m, spans in within.items()}
    in_part = {m: n for m, n in {**in_part, **own_parts}.items() if m in held}
    return ImportResult(
        history=tuple(history),
        performance=tuple(performance),
        notes=tuple(notes),
        sources=tuple(sources),
        partial_months=tuple(sorted(in_part)),
        partial_days=tuple(sorted(in_part.items())),
    )


def _file_decimal(match: Match) -> tuple[str | None, list[str]]:
    """The decimal mark the file's number cells show (see
    :func:`~goalrules.io.cells.infer_decimal`), and a note."""
    from goalrules.io.cells import infer_decimal
    from goalrules.io.exports.rows import data_rows
    from goalrules.io.exports.validate import number_columns

    columns = [(match.columns[c], c) for c, _, _ in number_columns(match)]
    if not columns:
        return None, []
    return infer_decimal(data_rows(match), columns, match.sheet.source)


def _header_only(match: Match) -> bool:
    from goalrules.io.exports.rows import data_rows

    return next(iter(data_rows(match)), None) is None


def _check_loose_anchors(used: Sequence[tuple[Anchor, str]]) -> None:
    """An anchor that names no network applies to the one network whose gains need it;
    with several, it is an error (which network's total is it?)."""
    for anchor in {a for a, _ in used if a.channel is None}:
        channels = sorted({ch for a, ch in used if a == anchor})
        if len(channels) > 1:
            raise DataError(
                f"the anchor {anchor.value:g} {anchor.metric} on {anchor.date.isoformat()} names "
                f"no network, and {', '.join(channels)} all give daily gains of "
                f'{anchor.metric}: name one, e.g. "{anchor.value:g} {channels[0]} '
                f'{anchor.metric} on {anchor.date.isoformat()}"',
                field="--anchor",
            )


def _collect(
    match: Match, options: DateOptions, anchors: Sequence[Anchor], limit: int
) -> list[Problem]:
    """The bad cells of one matched file (up to ``limit``); when every cell reads, the
    reader's own first error (a conflict, a date out of order), if any."""
    from itertools import islice

    from goalrules.io.exports.validate import cell_problems

    found = list(islice(cell_problems(match, options), max(limit, 0)))
    if found:
        return found
    try:
        _read_one(match, options, anchors)
    except GoalRulesError as exc:
        return [problem(exc.with_location(source=match.sheet.source))]
    return []


def _read_one(match: Match, options: DateOptions, anchors: Sequence[Anchor]) -> None:
    """Read one file as the import does (its own errors); anchors apply to every file's
    gains together, so they are checked once all files are read."""
    out = match.preset.output
    if out == "history":
        combine([read_history_part(match, options)], ())
    elif out == "own-history":
        _own_history(match, options)
    elif out == "own-performance":
        _own_performance(match, options)
    else:
        _PERFORMANCE_READERS[out](match, options)
