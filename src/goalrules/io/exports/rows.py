"""What an import produces, and the reading of a matched sheet's data rows.

:class:`ImportResult` holds goalrules' own tidy rows: ``history`` (dated metric values:
daily exports stay daily) and ``performance`` (one row per month, channel and medium),
with the notes that say what was assumed, skipped or could not be joined.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from goalrules.errors import DataError
from goalrules.io.cells import numeric
from goalrules.io.exports.blocks import is_comment
from goalrules.io.exports.dates import (
    TWO_DIGIT_PIVOT,
    ambiguous_month,
    choose_form,
    column_months,
    near_month_end,
    place_yearless,
    read_date,
    serial_day,
    two_digit_year,
    utc_hour,
)
from goalrules.io.exports.presets import Match, norm
from goalrules.io.month_parts import DAYS, left_out_note
from goalrules.metrics import catalog
from goalrules.model import ChannelMonth, MetricSeries
from goalrules.units import DOTTED_THOUSANDS
from goalrules.visible import inert_cell

Date = _dt.date


@attrs.frozen
class HistoryRow:
    """One dated value of one metric on one channel."""

    date: Date
    channel: str
    metric: str
    value: float
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "channel": self.channel,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
        }


@attrs.frozen
class PerformanceRow:
    """One month of one channel (and medium: ``organic`` or ``paid``)."""

    month: Date
    channel: str
    medium: str | None = None
    visits: float | None = 0.0  # None: not in the exports (a CRM's alone), unknown (never 0)
    leads: float | None = 0.0  # None: no CRM source for the row's, unknown (never 0)
    customers: float | None = None  # None: not in the export, unknown (never 0)
    revenue: float | None = None
    campaign: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "month": f"{self.month.year:04d}-{self.month.month:02d}",
            "channel": self.channel,
            "medium": self.medium,
            "visits": self.visits,
            "leads": self.leads,
            "customers": self.customers,
        }
        if self.revenue is not None:
            out["revenue"] = self.revenue
        if self.campaign is not None:
            out["campaign"] = self.campaign
        return out

    def channel_month(self) -> ChannelMonth:
        return ChannelMonth(
            channel=self.channel, month=self.month, visits=self.visits, leads=self.leads,
            customers=self.customers, campaign=self.campaign, medium=self.medium,
        )  # fmt: skip


@attrs.frozen
class ImportResult:
    """The rows read from export files, in goalrules' own shapes, and the notes."""

    history: tuple[HistoryRow, ...] = ()
    performance: tuple[PerformanceRow, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()  # (file, preset id)
    #: the months of ``performance`` the exports cover only in part (their days, not the
    #: whole month's: a note says which), left out of :meth:`channel_months`
    partial_months: tuple[_dt.date, ...] = ()
    #: how many days of each of ``partial_months`` the exports cover (written in the
    #: performance file's ``days`` column, so that a reader of it leaves them out too)
    partial_days: tuple[tuple[_dt.date, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"history": [...], "performance": [...], "notes": [...]}``; a row of a month
        the exports cover only in part says how many of its days (``"days"``)."""
        return {
            "history": [r.to_dict() for r in self.history],
            "performance": self.performance_dicts(),
            "notes": list(self.notes),
        }

    def performance_dicts(self) -> list[dict[str, Any]]:
        """The performance rows as dicts, with ``"days"`` on a row of a month the
        exports cover only in part (the days of its month it counts)."""
        days = dict(self.partial_days)
        return [
            {**r.to_dict(), **({DAYS: days[r.month]} if r.month in days else {})}
            for r in self.performance
        ]

    def histories(self) -> dict[tuple[str | None, str], MetricSeries]:
        """One :class:`~goalrules.model.MetricSeries` per (channel, metric), as
        :func:`goalrules.load_history` gives."""
        points: dict[tuple[str | None, str], list[tuple[Date, float]]] = {}
        units: dict[tuple[str | None, str], str] = {}
        for r in self.history:
            points.setdefault((r.channel, r.metric), []).append((r.date, r.value))
            units[(r.channel, r.metric)] = r.unit
        out = {}
        for key, pts in points.items():
            defn = catalog.get(key[1])
            kind = defn.kind if defn is not None and defn.kind.value != "ratio" else None
            out[key] = MetricSeries(
                metric=key[1], points=sorted(pts), unit=units[key], channel=key[0], kind=kind
            )
        return out

    def channel_months(self, *, partial: bool = False) -> list[ChannelMonth]:
        """The performance rows as :class:`~goalrules.model.ChannelMonth` rows, the rows
        a decision reads: a month the exports cover only in part (``partial_months``) is
        left out, as the month under way is (its counts are some days', and read as a
        month's they are a fall or a rise that did not happen); ``partial=True`` keeps
        it. :meth:`left_out_note` says which were left out."""
        cut = set() if partial else set(self.partial_months)
        return [r.channel_month() for r in self.performance if r.month not in cut]

    def left_out_note(self) -> str | None:
        """What :meth:`channel_months` leaves out, and why (``None``: nothing)."""
        return left_out_note(self.partial_months, "the exports")

    def history_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["date", "channel", "metric", "value", "unit"])
        for r in self.history:
            w.writerow(
                [r.date.isoformat(), inert_cell(r.channel), r.metric, _plain(r.value), r.unit]
            )
        return out.getvalue()

    def performance_csv(self) -> str:
        """The performance rows as goalrules' own file; a ``revenue`` column when an
        export gave revenue (an empty cell: unknown), so the file holds what was read,
        and a ``days`` column when the exports cover a month only in part (the days of
        its month a row counts; empty: the whole month), so its reader leaves such a
        month out of the channel decisions as a reader of the exports does."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        revenue = any(r.revenue is not None for r in self.performance)
        days = dict(self.partial_days)
        w.writerow(["month", "channel", "medium", "visits", "leads", "customers", "campaign",
                    *(["revenue"] if revenue else []), *([DAYS] if days else [])])  # fmt: skip
        for r in self.performance:
            d = r.to_dict()
            w.writerow(
                [
                    d["month"],
                    inert_cell(r.channel),
                    inert_cell(r.medium or ""),
                    *("" if n is None else _plain(n) for n in (r.visits, r.leads, r.customers)),
                    inert_cell(r.campaign or ""),
                    *([] if not revenue else ["" if r.revenue is None else _plain(r.revenue)]),
                    *([] if not days else [days.get(r.month, "")]),
                ]
            )
        return out.getvalue()


def _plain(x: float) -> str:
    """A number as goalrules' own files write it: whole numbers bare, others as Python
    writes them, never in a form a reader would find ambiguous (``12.345`` could be
    twelve thousand with '.' between thousands: written ``12.3450``)."""
    if float(x).is_integer():
        return str(int(x))
    text = repr(float(x))
    return text + "0" if DOTTED_THOUSANDS.fullmatch(text) else text


# -- data rows ------------------------------------------------------------------------------


def data_rows(match: Match) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows under the header: empty rows and total rows skipped, and the rows the
    preset skips (descriptions) when they hold no number where the metrics are; a row
    with more cells than the header, or fewer, is an error naming its line."""
    part = match.find(match.preset.partial)
    if part is not None:  # rows that are parts of the figures: their sum is not the total
        raise DataError(match.preset.partial_why, source=match.sheet.source,
                        line=match.header_line, field=part)  # fmt: skip
    header = match.sheet.rows[match.header_index][1]
    _read_twice(match, header)
    width = len(header)
    start = match.header_index + 1
    # the rows a preset skips (a row of descriptions) are skipped only when they hold no
    # number where the metrics are: a file saved without that row keeps its first post
    skip = match.preset.skip
    metric_cols = [match.columns[c] for m in match.preset.metrics for c in m.columns()
                   if c in match.columns]  # fmt: skip
    # under a "#" preamble, a "#" line after the data starts another table (GA4's
    # Reports snapshot): this table ends there
    tables = bool(match.sheet.rows) and is_comment(match.sheet.rows[0][1])
    blank = match.preset.blank
    for row in itertools.islice(match.sheet.rows, start, None):  # the rows themselves: no copy
        line, cells = row
        if not any(str(c).strip() for c in cells):
            continue
        if tables and is_comment(cells):
            return
        if skip:
            skip -= 1
            if not any(numeric(cells[i]) for i in metric_cols if i < len(cells)):
                continue
            skip = 0  # data already: nothing more to skip
        first = next((norm(c) for c in cells if str(c).strip()), "")
        if first in match.preset.totals or first in ("grand total", "total", "totals"):
            continue
        if len(cells) > width and any(str(c).strip() for c in cells[width:]):
            raise DataError(
                "the row has more cells than the header", source=match.sheet.source, line=line
            )
        if len(cells) < width:
            raise DataError(
                f"the row has {len(cells)} cells, the header {width}: a short row is not read "
                "as empty cells",
                source=match.sheet.source,
                line=line,
            )
        if blank and any(norm(c) in blank for c in cells):  # "(No value)": an empty cell
            yield line, tuple("" if norm(c) in blank else c for c in cells)
            continue
        yield row


def _read_twice(match: Match, header: Sequence[Any]) -> None:
    """A column goalrules reads that the header names twice (``Impressions`` for two
    networks side by side, under a title row a spreadsheet dropped) is an error naming
    both: the first was read, whatever the second held."""
    preset = match.preset
    read = {*preset.date_columns, *(c for m in preset.metrics for c in m.columns()),
            *(c for cols in preset.fields.values() for c in cols), *preset.medium,
            *preset.channel.get("column", ()), *preset.channel.get("type", ())}  # fmt: skip
    seen: dict[str, int] = {}
    for pos, cell in enumerate(header):
        name = norm(cell)
        if name not in read:
            continue
        if name in seen:
            raise DataError(
                f"the header names {str(cell).strip()!r} twice (columns {seen[name] + 1} and "
                f"{pos + 1}): which of them holds the values is not known (two networks or "
                "periods side by side?); keep one of them",
                source=match.sheet.source, line=match.header_line, field=name,
            )  # fmt: skip
        seen[name] = pos


@attrs.frozen
class DateOptions:
    """How dates are read: a user's form (``date_format``), ``dayfirst``, and where
    year-less dates fall (``today``, ``year``)."""

    today: Date
    year: int | None = None
    date_format: str | None = None
    dayfirst: bool | None = None
    decimal: str | None = None  # "," or ".": how numbers are written (None: undeclared)


def _day_or_month(
    match: Match,
    rows: Sequence[tuple[int, Sequence[Any]]],
    values: Sequence[Any],
    column: str,
    form: str,
) -> None:
    """A column the export may write day first or month first (both are among its forms)
    must say which: a day over 12 in one of its cells. When every cell reads both ways
    and the two readings differ, it is an error naming the first such cell (never a
    guess)."""
    other = "dmy" if form == "mdy" else "mdy"
    first: tuple[int, Any, Date, Date] | None = None
    for (line, _), v in zip(rows, values, strict=True):
        if v in (None, ""):
            continue
        a, b = read_date(v, form), read_date(v, other)
        if b is None:
            return  # the column's evidence: only one order reads it
        if first is None and a is not None and a != b:
            first = (line, v, a, b)
    if first is not None:
        line, v, a, b = first
        md, dm = (a, b) if form == "mdy" else (b, a)
        raise DataError(
            f"{v!r} is {md:%B} {md.day} month first and {dm.day} {dm:%B} day first, and no "
            f"date in {column!r} has a day over 12 to tell which: pass --dayfirst or "
            "--monthfirst (dayfirst= in Python)",
            source=match.sheet.source, line=line, field=column,
        )  # fmt: skip


def file_day_order(
    match: Match,
    rows: Sequence[tuple[int, Sequence[Any]]],
    columns: Sequence[str],
    options: DateOptions,
) -> DateOptions:
    """``options`` with the day order the file's own dates show, for an export whose
    dates may be written day first or month first (a CRM's, saved again by a spreadsheet
    in some locale): its date columns share one order, so a cell over 12 in one of them
    (``17/01/2026``) decides it for all (a customer date ``11/02/2026`` then reads as 11
    February, not as an undecided cell). A cell of the other order in another column is
    then an error naming it."""
    if options.dayfirst is not None or options.date_format:
        return options
    if not {"mdy", "dmy"} <= set(match.preset.date_forms):
        return options
    for column in columns:
        pos = match.columns[column]
        for _, cells in rows:
            v = cells[pos] if pos < len(cells) else ""
            if v in (None, ""):
                continue
            md, dm = read_date(v, "mdy"), read_date(v, "dmy")
            if (md is None) != (dm is None):
                return attrs.evolve(options, dayfirst=dm is not None)
    return options


def _is_run(days: Sequence[Date]) -> bool:
    """Whether the distinct days run one after another (no day between two missing)."""
    distinct = sorted(set(days))
    return all((b - a).days == 1 for a, b in itertools.pairwise(distinct))


def _not_a_run(
    match: Match,
    rows: Sequence[tuple[int, Sequence[Any]]],
    values: Sequence[Any],
    column: str,
    form: str,
) -> None:
    """A daily export whose tool writes its dates in one order (LinkedIn: month first)
    may come back from a spreadsheet in a day-first locale (``02/01/2026`` for January
    2). When no cell has a day over 12, the file's own days decide: read in the tool's
    order they step by months, read the other way they are a run of days. That is an
    error naming the column (never a guess either way). An analytics report by day
    (GA4's *Date*) has rows for several sources a day, and its days run the same way."""
    daily = match.preset.grain == "daily" and match.preset.output == "history"
    by_day = match.preset.output == "performance" and not re.search("month|year|week", column)
    if not (daily or by_day):
        return  # a CRM's contacts or a post's times need not run; months step by months
    other = "dmy" if form == "mdy" else "mdy"
    ours: list[Date] = []
    theirs: list[Date] = []
    first: tuple[int, Any] | None = None
    for (line, _), v in zip(rows, values, strict=True):
        if v in (None, ""):
            continue
        a, b = read_date(v, form), read_date(v, other)
        if a is None or b is None:
            return  # a cell only one order reads: the column says which
        if first is None and a != b:
            first = (line, v)
        ours.append(a)
        theirs.append(b)
    if first is None or _is_run(ours) or not _is_run(theirs):
        return
    line, v = first
    told = "month first" if form == "mdy" else "day first"
    shown = sorted(set(ours))[:3]
    raise DataError(
        f"this export writes its dates {told}, which makes its days "
        f"{', '.join(d.isoformat() for d in shown)}...: days a month apart, where read the "
        f"other way they are one day after another (a file saved again by a spreadsheet in "
        f"another locale?); {v!r} is one of them: pass --dayfirst or --monthfirst "
        "(dayfirst= in Python)",
        source=match.sheet.source, line=line, field=column,
    )  # fmt: skip


def _two_digit_years(
    rows: Sequence[tuple[int, Sequence[Any]]],
    values: Sequence[Any],
    days: Sequence[Date | None],
    column: str,
    source: str,
    today: Date,
) -> list[str]:
    """Dates written with a two-digit year (``12/31/99``) are read as spreadsheets read
    them (see :data:`~goalrules.io.exports.dates.TWO_DIGIT_PIVOT`), with a note; one that
    this puts after ``today`` (``1/5/29`` read in 2029) is an error naming the cell: an
    export holds no day that has not come."""
    short = [(line, v, d) for (line, _), v, d in zip(rows, values, days, strict=True)
             if d is not None and two_digit_year(v)]  # fmt: skip
    if not short:
        return []
    for line, v, d in short:
        if d > today:
            raise DataError(
                f"{v!r} has a two-digit year: read as spreadsheets read it, it is "
                f"{d.isoformat()}, after today ({today.isoformat()}), and "
                f"{d.year - 100} is as likely; export the dates with four-digit years "
                "(or pass --today if today is later)",
                source=source, line=line, field=column,
            )  # fmt: skip
    first, last = min(d for _, _, d in short), max(d for _, _, d in short)
    pivot = TWO_DIGIT_PIVOT
    return [
        f"{source}: {len(short)} date{'s' if len(short) > 1 else ''} in {column!r} written "
        f"with two-digit years ({short[0][1]!r}), read as spreadsheets read them ({pivot:02d}"
        f" to 99 in the 1900s, 00 to {pivot - 1:02d} in the 2000s): {first.isoformat()} to "
        f"{last.isoformat()}. If that is wrong, export the dates with four-digit years."
    ]


def _utc_days(
    values: Sequence[Any], days: Sequence[Date | None], column: str, source: str, utc: bool
) -> list[str]:
    """Times in UTC (Umami's ``created_at``, X's legacy ``2016-01-22 3:29:41 +0000``) fall
    on UTC days, and the export does not say the account's time zone: a note counts the
    rows whose month could differ in it (from 10:00 UTC on a month's last day, before
    12:00 on its first), never a silent shift."""
    near: dict[Date, int] = {}
    for v, d in zip(values, days, strict=True):
        if d is None:
            continue
        hour = utc_hour(v, utc)
        if hour is not None and near_month_end(d, hour):
            near[d] = near.get(d, 0) + 1
    if not near:
        return []
    n = sum(near.values())
    shown = ", ".join(f"{d.isoformat()} ({k})" for d, k in sorted(near.items())[:6])
    return [
        f"{source}: {column!r} is in UTC and the export does not say the account's time "
        f"zone: each row is in its UTC day's month. {n} row{'s' if n > 1 else ''} near a "
        f"month's end ({shown}{', ...' if len(near) > 6 else ''}) may belong to the "
        "neighbouring month in the account's time zone."
    ]


_NAMED_FORMS = frozenset({"x", "mon d, yyyy", "month d"})


def read_dates(
    match: Match, rows: Sequence[tuple[int, Sequence[Any]]], column: str, options: DateOptions
) -> tuple[list[Date | None], list[str]]:
    """The dates of ``column`` in every row (``None`` for an empty cell), in the preset's
    (or the user's) form, and notes."""
    pos = match.columns[column]
    values = [cells[pos] if pos < len(cells) else "" for _, cells in rows]
    forms: list[str] = list(match.preset.date_forms)
    if options.date_format:
        forms = [options.date_format]
    elif options.dayfirst is True:
        forms = ["dmy" if f == "mdy" else f for f in forms]
        if "dmy" not in forms:
            forms.append("dmy")
    elif options.dayfirst is False:
        forms = [f for f in forms if f != "dmy"]
        if "mdy" not in forms:
            forms.append("mdy")
    if (match.preset.grain == "post" and "mdy" in forms[1:] and "dmy" not in forms
            and options.dayfirst is None and not options.date_format):  # fmt: skip
        # a post's time the tool writes otherwise (YouTube's 'Mar 3, 2026'), slashed: a
        # spreadsheet saved it, in its locale's order; a post's times need not run, so a
        # day over 12 says which, else it is asked (never March for 3 April)
        forms.insert(forms.index("mdy") + 1, "dmy")
    for extra in ("iso", "yyyymmdd", "mon d, yyyy", "x"):
        if extra not in forms and not options.date_format:
            forms.append(extra)
    form = choose_form(values, forms)
    months: dict[str, int] = {}
    if form is None and _NAMED_FORMS.intersection(forms):
        # names languages give to different months ("listopada"), as the column reads them
        months = column_months(values)
        form = choose_form(values, forms, months) if months else None
    source = match.sheet.source
    if form is None:
        for (line, _), v in zip(rows, values, strict=True):
            if v not in (None, "") and not any(read_date(v, f, months) for f in forms):
                if (serial := serial_day(v)) is not None:  # 46023: no date, two readings
                    raise DataError(serial, source=source, line=line, field=column)
                if (which := ambiguous_month(v)) is not None:
                    raise DataError(
                        f"cannot read a date from {v!r}: {which}, and the file's other "
                        "dates do not say which language it is in; write its months as "
                        "numbers or in English",
                        source=source, line=line, field=column,
                    )  # fmt: skip
                raise DataError(
                    f"cannot read a date from {v!r} (this export writes dates as "
                    f"{' or '.join(match.preset.date_forms)}; name another form with "
                    "date_format=)",
                    source=source,
                    line=line,
                    field=column,
                )
        raise DataError(
            f"the dates in {column!r} are written in more than one way", source=source, field=column
        )
    if form in ("mdy", "dmy") and {"mdy", "dmy"} <= set(forms):
        _day_or_month(match, rows, values, column, form)
    elif form in ("mdy", "dmy") and options.dayfirst is None and not options.date_format:
        _not_a_run(match, rows, values, column, form)
    read: dict[Any, Date | None] = {}  # one date object per distinct cell
    days = [
        (read[v] if v in read else read.setdefault(v, read_date(v, form, months)))
        if v not in (None, "")
        else None
        for v in values
    ]
    del read
    notes: list[str] = []
    if form in ("mdy", "dmy"):
        notes += _two_digit_years(rows, values, days, column, source, options.today)
    if form in ("iso", "epoch_us"):  # an epoch counts from UTC midnight: a UTC time
        utc = form == "epoch_us" or bool(match.preset.date.get("utc"))
        notes += _utc_days(values, days, column, source, utc)
    if form == "month d":
        known = [(d, line) for d, (line, _) in zip(days, rows, strict=True) if d is not None]
        placed, note = place_yearless(
            [d for d, _ in known], today=options.today, year=options.year, source=source,
            lines=[line for _, line in known],
        )  # fmt: skip
        it = iter(placed)
        days = [next(it) if d is not None else None for d in days]
        notes.append(note)
    return days, notes
