"""The period an analytics export covers, and analytics rows from several files together.

GA4 says its period in its preamble (``# Start date: 20260115`` / ``# End date:
20260214``); other exports' periods are read from their dates (a monthly row covers its
whole month). A period that starts or ends inside a month makes that month's row part of
the month, and a note says so, once for all the files given together (January 1-15 and
16-31 cover January). Two files giving the same month and channel are
added up only when their periods do not overlap (January 1-15 and January 16-31); when
they overlap, the same row is kept once and two different rows are an error naming both
files (never a silent sum of a month counted twice).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from goalrules.errors import DataError
from goalrules.io.exports.presets import Match
from goalrules.io.exports.rows import DateOptions, PerformanceRow, data_rows, read_dates

Date = _dt.date
Span = tuple[Date, Date]
_MONTH_CELL = re.compile(r"\s*\d{4}-?\d{1,2}\s*")  # 202601, 2026-01: a month, not a day


# "# Start date: 20260101", and a compared period's "# Comparison start date: 20251201"
_PERIOD_LINE = re.compile(r"([A-Za-z][A-Za-z ]*?)?\s*\b(start|end) date:\s*(\d{8})", re.I)


def declared_periods(match: Match) -> list[Span]:
    """Every period the export states, each once, in order: GA4's ``# Start date`` and
    ``# End date`` lines above the header, and a compared period's (``# Comparison start
    date``), paired by their label; a JSON response's own (a Plausible query's resolved
    ``date_range``). Empty when it states none."""
    starts: dict[str, Date] = {}
    ends: dict[str, Date] = {}
    for _, cells in match.sheet.rows[: match.header_index]:
        text = " ".join(str(c) for c in cells)
        for m in _PERIOD_LINE.finditer(text):
            label = (m[1] or "").strip().lower()
            try:
                day = Date(int(m[3][:4]), int(m[3][4:6]), int(m[3][6:]))
            except ValueError:
                raise DataError(
                    f"{m[2]} date {m[3]} is not a date", source=match.sheet.source
                ) from None
            (starts if m[2].lower() == "start" else ends)[label] = day
    periods: list[Span] = []
    for label, start in starts.items():
        end = ends.get(label)
        if end is None:
            continue
        if end < start:
            raise DataError(
                f"the export's end date {end.isoformat()} is before its start date "
                f"{start.isoformat()}",
                source=match.sheet.source,
            )
        if (start, end) not in periods:
            periods.append((start, end))
    if match.sheet.period is not None and match.sheet.period not in periods:
        periods.append(match.sheet.period)
    return periods


def preamble_range(match: Match) -> Span | None:
    """The days from the first to the last of the periods the export states (GA4's ``#
    Start date`` and ``# End date``; with a compared period, both: see
    :func:`declared_periods`), ``None`` when it states none."""
    periods = declared_periods(match)
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


# Meta names its exports by their period: Feb-01-2026_Feb-28-2026_2260327001369726.csv
_NAMED_RANGE = re.compile(
    r"(?<![A-Za-z])([A-Za-z]{3})-(\d{1,2})-(\d{4})_([A-Za-z]{3})-(\d{1,2})-(\d{4})(?!\d)"
)


# X's (Twitter's) analytics exports name theirs by two days, yyyymmdd or yyyy-mm-dd:
# tweet_activity_metrics_<handle>_20190215_20190301_en.csv,
# account_analytics_content_2025-11-16_2026-02-13.csv. The second is the day after the
# last (daily_tweet_activity_metrics_<handle>_20210801_20210901_en.csv holds August's 31
# days), or the last day as UTC writes the range's end: read as the day after, so that a
# month is whole only when both readings make it whole
_DIGITS_RANGE = re.compile(
    r"(?<![0-9])(\d{4})(-?)(\d{2})\2(\d{2})_(\d{4})\2(\d{2})\2(\d{2})(?![0-9])"
)


def name_range(name: str) -> Span | None:
    """The period a file's name states (Meta's ``Jan-15-2026_Feb-14-2026_<id>.csv``: its
    first and last days; X's ``tweet_activity_metrics_<handle>_20190215_20190301_en.csv``
    and ``account_analytics_content_2025-11-16_2026-02-13.csv``: its first day and the
    day after its last), or ``None`` when it states none (a name that reads as no dates
    is no period)."""
    m = _NAMED_RANGE.search(name)
    if m is None:
        d = _DIGITS_RANGE.search(name)
        if d is None:
            return None
        try:
            start, after = (
                Date(int(d[1]), int(d[3]), int(d[4])),
                Date(int(d[5]), int(d[6]), int(d[7])),
            )
        except ValueError:  # digits that are no days
            return None
        return (start, after - _dt.timedelta(days=1)) if start < after else None
    months = {a.lower(): i for i, a in enumerate(calendar.month_abbr) if a}
    try:
        start = Date(int(m[3]), months[m[1].lower()], int(m[2]))
        end = Date(int(m[6]), months[m[4].lower()], int(m[5]))
    except (KeyError, ValueError):
        return None
    return (start, end) if start <= end else None


def _month_end(day: Date) -> Date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def file_span(match: Match, options: DateOptions) -> Span | None:
    """The days an analytics export covers: its preamble's range, else from its first to
    its last date (a monthly row: its whole month); ``None`` when it does not say."""
    declared = preamble_range(match)
    if declared is not None:
        return declared
    col = match.find(match.preset.date_columns)
    if col is None:
        return None
    rows = list(data_rows(match))
    days, _ = read_dates(match, rows, col, options)
    return rows_span(match, rows, days, col)


#: date columns that hold a month a row (GA4's *Year month*, the Data API's
#: ``yearMonth``, a loader's ``year_month``, Plausible's ``time:month``, whose cells
#: are the month's first day: ``2026-03-01`` is all of March, not its first day)
_MONTH_COLUMNS = frozenset({"year month", "yearmonth", "year_month", "month", "time:month"})


def rows_span(
    match: Match, rows: Sequence[tuple[int, Sequence[Any]]], days: Sequence[Date | None],
    column: str,
) -> Span | None:  # fmt: skip
    """The days an export's rows cover, from its first date to its last (a monthly
    row, by its column or its cell, ``202601``: its whole month); ``None`` without a
    date."""
    lo = min((d for d in days if d is not None), default=None)  # (no list a row)
    hi = max((d for d in days if d is not None), default=None)
    if lo is None or hi is None:
        return None
    pos = match.columns[column]
    monthly = column in _MONTH_COLUMNS or any(
        _MONTH_CELL.fullmatch(str(cells[pos])) for _, cells in rows
    )
    return (lo.replace(day=1), _month_end(hi)) if monthly else (lo, hi)


def _declared_days(match: Match) -> list[Date]:
    """Every date a ``# Start date`` or ``# End date`` line above the header states (a
    report compared with another period may state both periods)."""
    out = []
    for _, cells in match.sheet.rows[: match.header_index]:
        text = " ".join(str(c) for c in cells)
        for m in re.finditer(r"(?:start|end) date[^:]*:\s*(\d{8})", text, re.I):
            try:
                out.append(Date(int(m[1][:4]), int(m[1][4:6]), int(m[1][6:])))
            except ValueError:
                continue  # preamble_range names a date that is none
    return out


def outside_the_period(
    months: Sequence[Date], rows: Sequence[tuple[int, Sequence[Any]]], match: Match, column: str
) -> None:
    """An error naming the first row whose month lies outside the period the export
    declares (GA4's ``# Start date`` / ``# End date``; every period it states): its date
    was misread (a daily report saved again by a spreadsheet that writes the day first:
    ``02/01/2026``, 2 January, read month first as 1 February), or it comes from another
    export. Its visits were counted in a month the export does not cover."""
    declared = _declared_days(match)
    if not declared:
        return
    start, end = min(declared), max(declared)
    pos = match.columns[column]
    for month, (line, cells) in zip(months, rows, strict=True):
        if month > end or _month_end(month) < start:
            raise DataError(
                f"{cells[pos]!r} is in {month:%Y-%m}, outside the period the export declares "
                f"({start.isoformat()} to {end.isoformat()}, its '# Start date' and '# End "
                "date'): a date misread (a spreadsheet in another locale writes the day "
                "first: pass --dayfirst or --monthfirst) or a row of another export",
                source=match.sheet.source, line=line, field=column,
            )  # fmt: skip


def posts_in_part(
    periods: Sequence[Span | None], months: Iterable[Date], where: str
) -> tuple[set[Date], list[str]]:
    """The months of a per-post export's posts (``months``) that the periods its files'
    names state (``periods``, one a file: ``Jan-15-2026_Feb-14-2026_<id>.csv``) cover only
    in part, together, and a note for each. Such a month's sum is its covered days'
    posts, not the month's: read as the month's, the first of an export from 15 July
    made a steady account's views "grow 14.9 % a month", so it is left out. Nothing
    when a file states no period (its days are not known)."""
    if not periods or any(p is None for p in periods):
        return set(), []
    covered = _covered([p for p in periods if p is not None])
    cut: set[Date] = set()
    notes = []
    for month in sorted(set(months)):
        last = _month_end(month)
        days = [(max(lo, month), min(hi, last)) for lo, hi in covered if lo <= last and hi >= month]
        n = sum((hi - lo).days + 1 for lo, hi in days)
        if not days or n == last.day:  # posts outside every period: not a part of it
            continue
        cut.add(month)
        shown = " and ".join(f"{lo.isoformat()} to {hi.isoformat()}" for lo, hi in days)
        notes.append(
            f"{where}: {month:%Y-%m} left out: the period the export's name states covers "
            f"only {shown} of it ({n} of {last.day} days), so its posts' sums are that "
            "part's, not the month's (export whole months, or give the exports of the "
            "month's other days with it)."
        )
    return cut, notes


@attrs.frozen
class AnalyticsPart:
    """One analytics file's performance rows and the period it covers (``None``:
    unknown)."""

    source: str
    span: Span | None
    rows: Sequence[PerformanceRow]
    declared: bool = False  # the export states its period (GA4's preamble), not its rows
    # the periods of the files read together into these rows (event exports, a day a
    # file), when known: a day no file covers is a gap inside ``span``
    covers: tuple[Span, ...] = ()


def _covered(intervals: Sequence[Span]) -> list[Span]:
    """Intervals of days merged where they touch or overlap, in order."""
    out: list[Span] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1] + _dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _month_cut(
    parts: Sequence[AnalyticsPart], month: Date
) -> tuple[list[tuple[AnalyticsPart, Span]], list[Span]] | None:
    """The files whose periods reach into ``month`` (each with its period) and the days
    of the month they cover together, when that is only part of it; ``None`` when they
    cover all of it, or a file of unknown period gives rows for it."""
    last = _month_end(month)
    if any(p.span is None and any(r.month == month for r in p.rows) for p in parts):
        return None
    cut = [(p, span) for p in parts for span in (p.covers or ([p.span] if p.span else []))
           if span[0] <= last and span[1] >= month]  # fmt: skip
    covered = _covered([(max(month, span[0]), min(last, span[1])) for _, span in cut])
    if not cut or covered == [(month, last)]:
        return None
    return cut, covered


def partial_coverage(parts: Sequence[AnalyticsPart]) -> dict[Date, list[Span]]:
    """The months the analytics files cover only in part, with the days they cover (a
    CRM's leads are counted on those days, as the visits are)."""
    months = {r.month for p in parts for r in p.rows}
    return {m: found[1] for m in sorted(months) if (found := _month_cut(parts, m)) is not None}


def coverage_notes(parts: Sequence[AnalyticsPart], months: Sequence[Date]) -> list[str]:
    """A note for each of ``months`` (the rows' months) that the files' periods together
    cover only in part: its counts are those days', not the whole month's. A month a
    file of unknown period gives rows for says nothing (its days are unknown)."""
    out = []
    for month in sorted(set(months)):
        found = _month_cut(parts, month)
        if found is None:
            continue
        cut, covered = found
        n = sum((hi - lo).days + 1 for lo, hi in covered)
        shown = " and ".join(f"{lo.isoformat()} to {hi.isoformat()}" for lo, hi in covered)
        if len(cut) == 1:
            part, (start, end) = cut[0]
            days = f"from {start.isoformat()} to {end.isoformat()}"
            where = part.source
            how = f"the export runs {days}"
            if not part.declared:
                how = f"the export states no period; its rows run {days}"
        else:
            where = ", ".join(dict.fromkeys(p.source for p, _ in cut))
            how = "the files together"
        of = _month_end(month).day
        said = f"{where}: {month:%Y-%m} covers only {shown} ({n} of {of} days; {how})"
        out.append(f"{said}: its counts are that part of the month's, not the whole month's.")
    return out


def _disjoint(a: Span, spans: Sequence[Span]) -> bool:
    return all(a[1] < b[0] or b[1] < a[0] for b in spans)


def _portion(month: Date, span: Span | None) -> Span | None:
    """The days of ``month`` a file's period covers (``None``: unknown)."""
    if span is None:
        return None
    return max(month, span[0]), min(_month_end(month), span[1])


def _g(n: float | None) -> str:
    """A count as the notes write it (``unknown``: not measured)."""
    return "unknown" if n is None else f"{n:g}"


def _add(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a + b


def merge_analytics(parts: Sequence[AnalyticsPart]) -> tuple[list[PerformanceRow], list[str]]:
    """The rows of several analytics files as one list: a month and channel two files
    give is added up when their periods do not overlap, kept once when the rows are the
    same, and an error naming both files otherwise."""
    kept: dict[tuple[Date, str, str | None, str | None], PerformanceRow] = {}
    # the first file giving each month and channel, and the days of the month each gave
    where: dict[tuple[Date, str, str | None, str | None], tuple[str, list[Span | None]]] = {}
    repeated: dict[tuple[str, str], int] = defaultdict(int)
    summed: dict[tuple[str, str], int] = defaultdict(int)
    for part in parts:
        for r in part.rows:
            key = (r.month, r.channel, r.medium, r.campaign)
            days = _portion(r.month, part.span)
            if key not in kept:
                kept[key] = r
                where[key] = (part.source, [days])
                continue
            old, (first, portions) = kept[key], where[key]
            known = [p for p in portions if p is not None]
            if days is not None and len(known) == len(portions) and _disjoint(days, known):
                kept[key] = attrs.evolve(
                    old, visits=_add(old.visits, r.visits), leads=_add(old.leads, r.leads),
                    customers=_add(old.customers, r.customers),
                    revenue=_add(old.revenue, r.revenue),
                )  # fmt: skip
                where[key] = (first, [*portions, days])
                summed[(first, part.source)] += 1
            elif old == r and portions in ([days], [None]):
                repeated[(first, part.source)] += 1
            else:
                what = "".join(f" ({x})" for x in key[2:] if x)
                why = (
                    "one of them does not say its period"
                    if days is None or len(known) < len(portions)
                    else "their periods overlap"
                )
                raise DataError(
                    f"{first} and {part.source} both give {r.channel}{what} in "
                    f"{r.month:%Y-%m} ({_g(old.visits)} and {_g(r.visits)} visits, "
                    f"{_g(old.leads)} and {_g(r.leads)} leads) and {why}: which one is right? "
                    "Pass one of them "
                    "(files whose periods do not overlap are added up)",
                    source=part.source,
                    field="month",
                )
    notes = [
        f"{b}: {n} channel month{'s' if n > 1 else ''} that {a} gives too, the same row "
        "(overlapping exports): kept once."
        for (a, b), n in sorted(repeated.items())
    ]
    notes += [
        f"{b}: {n} channel month{'s' if n > 1 else ''} that {a} gives part of (their periods "
        "do not overlap): added up."
        for (a, b), n in sorted(summed.items())
    ]
    rows = sorted(kept.values(), key=lambda r: (r.month, r.channel, r.medium or "",
                                                r.campaign or ""))  # fmt: skip
    return rows, notes + coverage_notes(parts, [r.month for r in rows])
