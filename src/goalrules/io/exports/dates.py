"""The date forms export files use, and year-less dates placed in time.

A form is a property of the source (a preset lists the forms its tool writes, and a user
may name one): ``yyyymmdd`` (GA4 ``Date``, BigQuery ``event_date``), ``yyyymm`` (GA4
``Year month``), ``yyyy-mm``, ``iso`` (with a ``T`` time or a zone:
``2025-08-01T00:00:00``, ``2026-08-15 13:12:39 +0000``), ``mdy`` (``09/15/2026 18:00``),
``dmy`` (``31.01.2026``: a date with points is day first in either), ``x`` (``Tue, Aug 25,
2026``), ``mon d, yyyy`` (``Sep 14, 2026``), ``month d`` (``October 1``: no year),
``epoch_us`` (BigQuery ``event_timestamp``). A column is read in the first of its
preset's forms that reads every cell of it, so one odd cell is an error naming it rather
than a column read in two ways.

>>> read_date("20260131", "yyyymmdd"), read_date("Tue, Aug 25, 2026", "x")
(datetime.date(2026, 1, 31), datetime.date(2026, 8, 25))
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from goalrules.errors import DataError
from goalrules.io.exports.cells import WITHOUT_DIRECTION_MARKS

Date = _dt.date

FORMS = (
    "iso", "yyyymmdd", "yyyymm", "yyyy-mm", "mdy", "dmy", "x", "mon d, yyyy", "month d",
    "epoch_us",
)  # fmt: skip

#: the languages whose month names exports are read in (Babel's locale data): the
#: platforms' interface languages, among them the ones the seeds' accounts use
MONTH_LOCALES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb", "fi", "pl", "tr", "id", "ms",
    "cy", "el", "fil", "ar", "ro", "cs", "hu", "vi", "ca", "ga",
)  # fmt: skip


def _fold(name: str) -> str:
    """A month name as compared: case folded, accents and a final period removed."""
    text = unicodedata.normalize("NFKD", name.strip().rstrip(".").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _names(locales: tuple[str, ...]) -> dict[str, set[int]]:
    from babel.dates import get_month_names

    found: dict[str, set[int]] = {}
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale).items():
                    found.setdefault(_fold(name), set()).add(int(month))
    return found


@functools.cache
def month_names(*, english_only: bool = False) -> dict[str, int]:
    """Month names (wide and abbreviated, in both grammatical contexts) of every
    language of :data:`MONTH_LOCALES` (or English only), from Babel's locale data, to
    their month; a name two languages give to different months is left out (never a
    guess)."""
    found = _names(("en",) if english_only else MONTH_LOCALES)
    found.setdefault("sept", set()).add(9)
    return {name: next(iter(ms)) for name, ms in found.items() if len(ms) == 1 and name}


@functools.lru_cache(maxsize=4096)
def month_number(name: str) -> int | None:
    """The month a name means in any language of :data:`MONTH_LOCALES` (English first:
    the other languages' data is loaded when a name is not English)."""
    key = _fold(name)
    found = month_names(english_only=True).get(key)
    if found is None:
        found = month_names().get(key)
    return found


_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
# a time after the date; hours, minutes and seconds may lose their zero padding (a
# file that went through a spreadsheet: "2016-11-26 5:8:54")
_TIME = r"(?:[T ,]\s*\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}\s*(?:Z|UTC|[+-]\d{{2}}:?\d{{2}})?")
_SLASHED = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_NAMED = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?([^\W\d_]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"
    rf"{_TIME}",
    re.I,
)
# day first, in the languages that write it so: "8 de marzo", "8. März 2026", "8 mars"
_DAY_FIRST = re.compile(
    rf"(\d{{1,2}})\.?\s+(?:de\s+|di\s+)?([^\W\d_]+)\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?{_TIME}",
    re.I,
)


def _ymd(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


#: two-digit years are read as spreadsheets read them (Excel, LibreOffice, Google
#: Sheets): 00 to 29 in the 2000s, 30 to 99 in the 1900s (``12/31/99`` is 1999)
TWO_DIGIT_PIVOT = 30


def _year(text: str) -> int:
    y = int(text)
    if len(text) != 2:
        return y
    return y + (2000 if y < TWO_DIGIT_PIVOT else 1900)


def two_digit_year(value: Any) -> bool:
    """Whether a ``mdy``/``dmy`` cell writes its year in two digits (``12/31/99``)."""
    if not isinstance(value, str):
        return False
    m = _SLASHED.fullmatch(value.translate(WITHOUT_DIRECTION_MARKS).strip().strip('"'))
    return m is not None and len(m[4]) == 2


_UTC_TIME = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}[T ]\s*(\d{1,2}):(\d{1,2})(?::\d{1,2}(?:\.\d+)?)?\s*(Z|UTC|[+-]00:?00)?"
)


def utc_hour(value: Any, utc: bool = False) -> float | None:
    """The time of day (in hours) of an ISO cell written in UTC (``+0000``, ``Z``,
    ``UTC``; or any zone-less time, when ``utc``: Umami writes UTC), or of an epoch in
    microseconds (BigQuery's ``event_timestamp``, UTC by definition); ``None`` for a
    cell with no time, or in another zone."""
    whole = isinstance(value, (int, float)) and float(value).is_integer()
    text = str(int(value) if whole else value).strip()
    if re.fullmatch(r"\d{15,17}", text):
        moment = _dt.datetime.fromtimestamp(int(text) / 1e6, tz=_dt.UTC)
        return moment.hour + moment.minute / 60
    m = _UTC_TIME.fullmatch(text)
    if m is None or not (m[3] or utc):
        return None
    return int(m[1]) + int(m[2]) / 60


def near_month_end(day: Date, hour: float) -> bool:
    """Whether a UTC time may fall in another month in some time zone (UTC-12 to
    UTC+14): from 10:00 on a month's last day, or before 12:00 on its first."""
    last = (day + _dt.timedelta(days=1)).month != day.month
    return (last and hour >= 10) or (day.day == 1 and hour < 12)


def read_date(value: Any, form: str) -> Date | None:
    """``value`` read in ``form``; ``None`` when it is not written that way. A
    ``month d`` date comes back in year 1: :func:`place_yearless` gives it its year."""
    if isinstance(value, _dt.datetime):
        return value.date() if form not in ("month d", "epoch_us") else None
    if isinstance(value, Date):
        return value if form != "month d" else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:  # read without the direction marks of a right-to-left text (8\u200f/11\u200f/2026)
        text = str(value).translate(WITHOUT_DIRECTION_MARKS).strip().strip('"')
    if form == "iso":
        m = _ISO.fullmatch(text)
        return _ymd(int(m[1]), int(m[2]), int(m[3])) if m else None
    if form == "yyyymmdd":
        return (
            _ymd(int(text[:4]), int(text[4:6]), int(text[6:]))
            if re.fullmatch(r"\d{8}", text)
            else None
        )
    if form == "yyyymm":
        return _ymd(int(text[:4]), int(text[4:]), 1) if re.fullmatch(r"\d{6}", text) else None
    if form == "yyyy-mm":
        m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
        return _ymd(int(m[1]), int(m[2]), 1) if m else None
    if form in ("mdy", "dmy"):
        m = _SLASHED.fullmatch(text)
        if m is None:
            return None
        a, b, y = int(m[1]), int(m[3]), _year(m[4])
        # points between the numbers: day first, in every language that writes them so
        return _ymd(y, a, b) if form == "mdy" and m[2] != "." else _ymd(y, b, a)
    if form in ("x", "mon d, yyyy", "month d"):
        m = _NAMED.fullmatch(text)
        if m is not None and month_number(m[1]) is not None:
            month, day, year = month_number(m[1]), int(m[2]), m[3]
        elif (d := _DAY_FIRST.fullmatch(text)) is not None and month_number(d[2]) is not None:
            month, day, year = month_number(d[2]), int(d[1]), d[3]
        else:
            return None
        assert month is not None
        if form == "month d":
            return None if year else _ymd(1, month, day)
        if not year:
            return None
        return _ymd(int(year), month, day)
    if form == "epoch_us":
        if not re.fullmatch(r"\d{15,17}", text):
            return None
        return _dt.datetime.fromtimestamp(int(text) / 1e6, tz=_dt.UTC).date()
    raise DataError(f"unknown date form {form!r}; the forms are: {', '.join(FORMS)}")


def choose_form(values: Sequence[Any], forms: Sequence[str]) -> str | None:
    """The first form that reads every non-empty value (``None`` when none does)."""
    cells = [v for v in values if v not in (None, "")]
    for form in forms:
        if all(read_date(v, form) is not None for v in cells):
            return form
    return None


def _direction(days: Sequence[Date]) -> int:
    """+1 when year-less dates run forwards (a step of under half a year ahead, a year
    boundary included), -1 backwards (newest first), by the majority of steps."""
    ahead = behind = 0
    for a, b in itertools.pairwise(days):
        step = (Date(4, b.month, b.day) - Date(4, a.month, a.day)).days % 366
        if 0 < step < 183:
            ahead += 1
        elif step >= 183:
            behind += 1
    return -1 if behind > ahead else 1


def _latest(month: int, day: int, limit: Date) -> Date | None:
    """The latest ``month``/``day`` on or before ``limit`` (29 February: the latest leap
    year's)."""
    for y in range(limit.year, limit.year - 8, -1):
        when = _ymd(y, month, day)
        if when is not None and when <= limit:
            return when
    return None


def place_yearless(
    days: Sequence[Date], *, today: Date, year: int | None, source: str, lines: Sequence[int]
) -> tuple[list[Date], str]:
    """Year-less dates (year 1) in their year. With ``year``, every date is in it (dates
    that then run backwards are an error naming the rows). Otherwise the file is read
    as the run of days it is (forwards, or newest first): its newest date is the latest
    such date not after ``today``, and each other date the latest one before its
    neighbour, so a file may cross a year boundary (a 365-day export from February 28 to
    February 27). A file that spans more than a year that way does not run day by day:
    an error naming the two rows where it turns back. Returns the dates and a note
    saying what was assumed."""
    if not days:
        return [], ""
    if year is not None:
        placed = _in_year(days, year, source, lines)
    else:
        placed = _as_run(days, today, source, lines)
    first, last = min(placed), max(placed)
    basis = (
        f"the year {year}"
        if year is not None
        else f"a run of days whose newest is the latest not after {today.isoformat()}"
    )
    note = (
        f"{source}: the dates have no year; read as {basis} ({first.isoformat()} to "
        f"{last.isoformat()}). If that is wrong, pass --year or --today."
    )
    return placed, note


def _in_year(days: Sequence[Date], year: int, source: str, lines: Sequence[int]) -> list[Date]:
    placed = []
    for i, d in enumerate(days):
        when = _ymd(year, d.month, d.day)
        if when is None:  # 29 February in a year without one
            raise DataError(f"{d.strftime('%B')} {d.day} does not exist in {year}",
                            source=source, line=lines[i], field="date")  # fmt: skip
        placed.append(when)
    rising = _direction(days) > 0
    for i in range(1, len(placed)):
        step = (placed[i] - placed[i - 1]).days
        if (step < 0) if rising else (step > 0):
            raise DataError(
                f"the dates have no year and, read in {year}, run "
                f"{'backwards' if rising else 'forwards'} from {placed[i - 1].isoformat()} "
                f"(line {lines[i - 1]}) to {placed[i].isoformat()}: the file crosses a year "
                "boundary; give the day it was downloaded with --today instead of --year",
                source=source, line=lines[i], field="date",
            )  # fmt: skip
    return placed


def _as_run(days: Sequence[Date], today: Date, source: str, lines: Sequence[int]) -> list[Date]:
    way = _direction(days)
    order = list(range(len(days)))
    if way > 0:
        order.reverse()  # from the newest (the last row) back
    placed: dict[int, Date] = {}
    limit = today
    for i in order:
        when = _latest(days[i].month, days[i].day, limit)
        if when is None:
            raise DataError(f"{days[i].strftime('%B')} {days[i].day}: no such date",
                            source=source, line=lines[i], field="date")  # fmt: skip
        placed[i] = when
        limit = when
    out = [placed[i] for i in range(len(days))]
    pairs = list(zip(range(len(out)), range(1, len(out)), strict=False))
    # a run of days steps from row to row by a day or a few (or repeats one); a step of
    # half a year or more between neighbours (rows out of order that the placing wrapped
    # round a year) is no run, however short the whole span
    jump = max(pairs, key=lambda p: abs((out[p[1]] - out[p[0]]).days), default=None)
    if (max(out) - min(out)).days > 366 or (
        jump is not None and abs((out[jump[1]] - out[jump[0]]).days) >= 183
    ):
        a, b = max(pairs, key=lambda p: abs((out[p[1]] - out[p[0]]).days))

        def shown(i: int) -> str:
            return f"{days[i].strftime('%B')} {days[i].day} (line {lines[i]})"

        raise DataError(
            f"the dates have no year and the file runs "
            f"{'forwards' if way > 0 else 'backwards (newest first)'}, but turns back "
            f"from {shown(a)} to {shown(b)}: it does not run day by day, so its years "
            "cannot be told; sort it, or give the year with --year",
            source=source, line=lines[b], field="date",
        )  # fmt: skip
    return out
