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
from goalrules.io.cells import WITHOUT_DIRECTION_MARKS

Date = _dt.date

#: the year a ``month d`` date (no year) is read in until :func:`place_yearless` places
#: it: a leap year, so that 29 February (in a TikTok export of a leap year's days) reads
YEARLESS = 4

FORMS = (
    "iso", "yyyymmdd", "yyyymm", "yyyy-mm", "mdy", "dmy", "x", "mon d, yyyy", "month d",
    "epoch_us",
)  # fmt: skip

#: the languages whose month names exports are read in (Babel's locale data): the
#: platforms' interface languages, among them the ones the seeds' accounts use. A name
#: two of them give to different months (``listopada``: November in Polish, October in
#: Croatian) is read by its column: see :func:`column_months`
MONTH_LOCALES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb", "fi", "pl", "tr", "id", "ms",
    "cy", "el", "fil", "ar", "ro", "cs", "hu", "vi", "ca", "ga", "hr", "ru", "uk", "bg",
    "sr", "sk", "sl", "lv", "et",
)  # fmt: skip


def _fold(name: str) -> str:
    """A month name as compared: case folded, accents and a final period removed."""
    text = unicodedata.normalize("NFKD", name.strip().rstrip(".").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.cache
def _months_by_language() -> dict[str, dict[str, int]]:
    """Every month name (wide and abbreviated, in both grammatical contexts) of every
    language of :data:`MONTH_LOCALES`, folded, to the month it names in each language
    that has it."""
    from babel.dates import get_month_names

    found: dict[str, dict[str, int]] = {}
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale).items():
                    if key := _fold(name):
                        found.setdefault(key, {})[locale] = int(month)
    found.setdefault("sept", {})["en"] = 9
    return found


@functools.cache
def month_names(*, english_only: bool = False) -> dict[str, int]:
    """Month names of every language of :data:`MONTH_LOCALES` (or English only) to
    their month; a name two languages give to different months is left out (never a
    guess: :func:`column_months` reads it by its column)."""
    return {
        name: next(iter(months))
        for name, by_language in _months_by_language().items()
        if len(months := {m for lang, m in by_language.items()
                          if not english_only or lang == "en"}) == 1
    }  # fmt: skip


@functools.lru_cache(maxsize=4096)
def month_number(name: str) -> int | None:
    """The month a name means in any language of :data:`MONTH_LOCALES` (English first),
    ``None`` when no language has it or two give it to different months."""
    key = _fold(name)
    found = month_names(english_only=True).get(key)
    if found is None:
        found = month_names().get(key)
    return found


def _month_word(text: str) -> str | None:
    m = _NAMED.fullmatch(text)
    if m is not None and _fold(m[1]) in _months_by_language():
        return m[1]
    d = _DAY_FIRST.fullmatch(text)
    return d[2] if d is not None else None


def _as_written(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _writes(locale: str, text: str, month: int) -> bool:
    """Whether ``locale`` writes a day of ``month`` as ``text`` (``8. listopada`` is
    Croatian, ``8 listopada`` Polish), in its own day-month patterns (Babel)."""
    from babel.dates import format_skeleton

    digits = re.search(r"\d{4}", text)
    day = re.search(r"(?<!\d)\d{1,2}(?!\d)", text)
    year = int(digits[0]) if digits else 2000
    if day is None or (when := _ymd(year, month, int(day[0]))) is None:
        return False
    skeletons = ("yMMMMd", "yMMMd") if digits else ("MMMMd", "MMMd")
    return _as_written(text) in {
        _as_written(format_skeleton(s, when, locale=locale)) for s in skeletons
    }


def column_months(values: Sequence[Any]) -> dict[str, int]:
    """The months of the names in a date column that languages give to different months
    (``listopada``), read by the column's own evidence: the languages that name every
    month the column names (a Polish file's ``października`` says ``listopada`` is
    November), else the language whose own pattern writes the cell (``8 listopada`` is
    Polish, ``8. listopada`` Croatian). A name neither tells is left out (its cells
    are then an error naming them, see :func:`ambiguous_month`)."""
    table = _months_by_language()
    cells: dict[str, list[str]] = {}
    for v in values:
        word = _month_word(_clean(v)) if isinstance(v, str) else None
        if word is not None and (key := _fold(word)) in table:
            cells.setdefault(key, []).append(_clean(v))
    ambiguous = [k for k in cells if len(set(table[k].values())) > 1]
    if not ambiguous:
        return {}
    languages = set(MONTH_LOCALES).intersection(*(table[k] for k in cells))
    out: dict[str, int] = {}
    for key in ambiguous:
        months = {table[key][lang] for lang in languages}
        if len(months) != 1:  # the column's other names do not tell: how is it written?
            months = {m for lang, m in table[key].items()
                      if all(_writes(lang, c, m) for c in cells[key][:20])}  # fmt: skip
        if len(months) == 1:
            out[key] = months.pop()
    return out


#: the days a spreadsheet counts its dates from: 1 is 1900-01-01 in Excel's 1900 date
#: system (which counts a 29 February 1900 that never was), 0 is 1904-01-01 in its 1904
#: system (Excel for Mac before 2011)
_SERIAL_1900 = Date(1899, 12, 30)
_SERIAL_1904 = Date(1904, 1, 1)


def serial_day(value: Any) -> str | None:
    """What a whole number in a date column is when a spreadsheet wrote a date as its
    serial number (``46023``: a column formatted as a number, saved): the day in each of
    Excel's two date systems, four years and a day apart, so never read as either;
    ``None`` for anything else."""
    text = _clean(value) if not isinstance(value, (int, float)) else str(value)
    if not re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return None
    n = int(float(text))
    if not 20_000 <= n <= 80_000:  # 1954 to 2119 either way: days of exports
        return None
    a = _SERIAL_1900 + _dt.timedelta(days=n)
    b = _SERIAL_1904 + _dt.timedelta(days=n)
    return (
        f"{text!r} is a spreadsheet's number for a day, not a date: {a.isoformat()} in "
        f"Excel's 1900 date system, {b.isoformat()} in its 1904 system; format the column "
        "as dates (yyyy-mm-dd) and save the file again"
    )


def ambiguous_month(value: Any) -> str | None:
    """What a cell's month name means in each language that has it, when they differ
    (``'listopada' is November in pl, October in hr``); ``None`` otherwise."""
    word = _month_word(_clean(value)) if isinstance(value, str) else None
    by_language = _months_by_language().get(_fold(word)) if word else None
    if not by_language or len(set(by_language.values())) < 2:
        return None
    from babel.dates import get_month_names

    readings: dict[int, list[str]] = {}
    for lang, m in by_language.items():
        readings.setdefault(m, []).append(lang)
    shown = ", ".join(f"{get_month_names('wide', locale='en')[m]} in {'/'.join(langs)}"
                      for m, langs in sorted(readings.items()))  # fmt: skip
    return f"{word!r} is {shown}"


def _clean(value: Any) -> str:
    return str(value).translate(WITHOUT_DIRECTION_MARKS).strip().strip('"')


_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
# a time after the date; hours, minutes and seconds may lose their zero padding (a
# file that went through a spreadsheet: "2016-11-26 5:8:54")
_TIME = r"(?:[T ,]\s*\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
# year first, with hyphens as ISO 8601 writes it, or with slashes or points (TikTok
# Studio's Overview.csv of 2026: 2026/05/10; Japanese, Chinese, Korean, Hungarian
# spreadsheets): a date written year first is always year, month, day
_ISO = re.compile(
    rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}\s*(?:Z|UTC|[+-]\d{{2}}:?\d{{2}})?"
)
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


def read_date(value: Any, form: str, months: dict[str, int] | None = None) -> Date | None:
    """``value`` read in ``form``; ``None`` when it is not written that way. A
    ``month d`` date comes back in the year :data:`YEARLESS`: :func:`place_yearless`
    gives it its year.
    ``months``: the column's reading of names languages give to different months
    (:func:`column_months`)."""
    if isinstance(value, _dt.datetime):
        return value.date() if form not in ("month d", "epoch_us") else None
    if isinstance(value, Date):
        return value if form != "month d" else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:  # read without the direction marks of a right-to-left text (8\u200f/11\u200f/2026)
        text = _clean(value)
    if form == "iso":
        m = _ISO.fullmatch(text)
        return _ymd(int(m[1]), int(m[3]), int(m[4])) if m else None
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

        def named(word: str) -> int | None:
            return month_number(word) or (months or {}).get(_fold(word))

        m = _NAMED.fullmatch(text)
        if m is not None and (month := named(m[1])) is not None:
            day, year = int(m[2]), m[3]
        elif (d := _DAY_FIRST.fullmatch(text)) is not None and (month := named(d[2])):
            day, year = int(d[1]), d[3]
        else:
            return None
        if form == "month d":
            return None if year else _ymd(YEARLESS, month, day)
        if not year:
            return None
        return _ymd(int(year), month, day)
    if form == "epoch_us":
        if not re.fullmatch(r"\d{15,17}", text):
            return None
        return _dt.datetime.fromtimestamp(int(text) / 1e6, tz=_dt.UTC).date()
    raise DataError(f"unknown date form {form!r}; the forms are: {', '.join(FORMS)}")


def choose_form(
    values: Sequence[Any], forms: Sequence[str], months: dict[str, int] | None = None
) -> str | None:
    """The first form that reads every non-empty value (``None`` when none does)."""
    cells = [v for v in values if v not in (None, "")]
    for form in forms:
        if all(read_date(v, form, months) is not None for v in cells):
            return form
    return None


def _direction(days: Sequence[Date]) -> int:
    """+1 when year-less dates run forwards (a step of under half a year ahead, a year
    boundary included), -1 backwards (newest first), by the majority of steps."""
    ahead = behind = 0
    for a, b in itertools.pairwise(days):
        step = (Date(YEARLESS, b.month, b.day) - Date(YEARLESS, a.month, a.day)).days % 366
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
    """Year-less dates (year :data:`YEARLESS`) in their year. With ``year``, every date is
    in it (dates that then run backwards are an error naming the rows). Otherwise the
    file is read as the run of days it is (forwards, or newest first): its newest date
    is the latest such date not after ``today``, and each other date the latest one
    before its neighbour, so a file may cross a year boundary (a 365-day export from
    February 28 to February 27); a run that holds February 29 is the latest such run in
    a leap year. A file that spans more than a year that way does not run day by day:
    an error naming the two rows where it turns back. Returns the dates and a note
    saying what was assumed."""
    if not days:
        return [], ""
    if year is not None:
        placed = _in_year(days, year, source, lines)
    else:
        placed = _as_run(days, today, source, lines)
    first, last = min(placed), max(placed)
    leap = any((d.month, d.day) == (2, 29) for d in days)
    basis = (
        f"the year {year}"
        if year is not None
        else f"a run of days{' holding February 29, so in a leap year,' if leap else ''} "
        f"whose newest is the latest not after {today.isoformat()}"
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


def _placed_back(days: Sequence[Date], way: int, limit: Date, source: str,
                 lines: Sequence[int]) -> list[Date]:  # fmt: skip
    """Each year-less day the latest on or before its newer neighbour, the newest the
    latest on or before ``limit``."""
    order = list(range(len(days)))
    if way > 0:
        order.reverse()  # from the newest (the last row) back
    placed: dict[int, Date] = {}
    for i in order:
        when = _latest(days[i].month, days[i].day, limit)
        if when is None:
            raise DataError(f"{days[i].strftime('%B')} {days[i].day}: no such date",
                            source=source, line=lines[i], field="date")  # fmt: skip
        placed[i] = when
        limit = when
    return [placed[i] for i in range(len(days))]


def _widest_step(out: Sequence[Date]) -> tuple[int, int] | None:
    pairs = list(zip(range(len(out)), range(1, len(out)), strict=False))
    return max(pairs, key=lambda p: abs((out[p[1]] - out[p[0]]).days), default=None)


def _is_run(out: Sequence[Date]) -> bool:
    """Whether placed days are a run: within a year, and stepping from row to row by a
    day or a few (or repeating one), never by half a year or more (rows out of order
    that the placing wrapped round a year), however short the whole span."""
    jump = _widest_step(out)
    return (max(out) - min(out)).days <= 366 and (
        jump is None or abs((out[jump[1]] - out[jump[0]]).days) < 183
    )


def _as_run(days: Sequence[Date], today: Date, source: str, lines: Sequence[int]) -> list[Date]:
    way = _direction(days)
    out = _placed_back(days, way, today, source, lines)
    if not _is_run(out) and any((d.month, d.day) == (2, 29) for d in days):
        # 29 February is in a leap year only: a run of days that holds it is the latest
        # such run not after today (February 20 to March 2 downloaded on 2025-03-03:
        # 2024's), not this year's March with February 29 a leap year before it
        newest = out[-1] if way > 0 else out[0]
        for back in range(1, 8):
            shifted = _ymd(newest.year - back, newest.month, min(newest.day, 28))
            tried = _placed_back(days, way, shifted or newest, source, lines)
            if _is_run(tried):
                return tried
    if not _is_run(out):
        a, b = _widest_step(out) or (0, 0)  # one day alone is a run

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
