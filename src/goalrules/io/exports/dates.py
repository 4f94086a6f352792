"""The date forms export files use, and year-less dates placed in time.

A form is a property of the source (a preset lists the forms its tool writes, and a user
may name one): ``yyyymmdd`` (GA4 ``Date``, BigQuery ``event_date``), ``yyyymm`` (GA4
``Year month``), ``yyyy-mm``, ``iso`` (with a ``T`` time or a zone:
``2025-08-01T00:00:00``, ``2026-08-15 13:12:39 +0000``), ``mdy`` (``09/15/2026 18:00``),
``dmy``, ``x`` (``Tue, Aug 25, 2026``), ``mon d, yyyy`` (``Sep 14, 2026``), ``month d``
(``October 1``: no year), ``epoch_us`` (BigQuery ``event_timestamp``). A column is read
in the first of its preset's forms that reads every cell of it, so one odd cell is an
error naming it rather than a column read in two ways.

>>> read_date("20260131", "yyyymmdd"), read_date("Tue, Aug 25, 2026", "x")
(datetime.date(2026, 1, 31), datetime.date(2026, 8, 25))
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any

from goalrules.errors import DataError

Date = _dt.date

FORMS = (
    "iso", "yyyymmdd", "yyyymm", "yyyy-mm", "mdy", "dmy", "x", "mon d, yyyy", "month d",
    "epoch_us",
)  # fmt: skip

_MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
_TIME = r"(?:[T ,]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}\s*(?:Z|UTC|[+-]\d{{2}}:?\d{{2}})?")
_SLASHED = re.compile(rf"(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}|\d{{2}}){_TIME}")
_NAMED = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I
)


def _ymd(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if len(text) == 2 else y


def read_date(value: Any, form: str) -> Date | None:
    """``value`` read in ``form``; ``None`` when it is not written that way. A
    ``month d`` date comes back in year 1: :func:`place_yearless` gives it its year."""
    if isinstance(value, _dt.datetime):
        return value.date() if form not in ("month d", "epoch_us") else None
    if isinstance(value, Date):
        return value if form != "month d" else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:
        text = str(value).strip().strip('"')
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
        a, b, y = int(m[1]), int(m[2]), _year(m[3])
        return _ymd(y, a, b) if form == "mdy" else _ymd(y, b, a)
    if form in ("x", "mon d, yyyy", "month d"):
        m = _NAMED.fullmatch(text)
        if m is None or m[1].lower() not in _MONTHS:
            return None
        if form == "month d":
            return None if m[3] else _ymd(1, _MONTHS[m[1].lower()], int(m[2]))
        if not m[3]:
            return None
        return _ymd(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
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


def place_yearless(
    days: Sequence[Date], *, today: Date, year: int | None, source: str, lines: Sequence[int]
) -> tuple[list[Date], str]:
    """Year-less dates (year 1) in their year: ``year`` when given, else the latest such
    date not after ``today``. Dates that would then run backwards (in file order, with
    the file's own direction) are an error: the year or today is wrong. Returns the
    dates and a note saying what was assumed."""
    placed: list[Date] = []
    for d in days:
        if year is not None:
            y = year
        else:
            y = today.year if (d.month, d.day) <= (today.month, today.day) else today.year - 1
        when = _ymd(y, d.month, d.day)
        if when is None:  # 29 February in a year without one
            raise DataError(
                f"{d.strftime('%B')} {d.day} does not exist in {y}",
                source=source,
                line=lines[len(placed)],
                field="date",
            )
        placed.append(when)
    if len(placed) > 1:
        rising = placed[-1] >= placed[0]
        for i in range(1, len(placed)):
            step = placed[i] - placed[i - 1]
            if (step.days < 0) if rising else (step.days > 0):
                raise DataError(
                    f"the dates have no year and, read as {placed[i - 1].isoformat()} then "
                    f"{placed[i].isoformat()}, run backwards: give the export's year with "
                    "--year, or the day it was downloaded with --today",
                    source=source,
                    line=lines[i],
                    field="date",
                )
    first, last = min(placed), max(placed)
    basis = (
        f"the year {year}"
        if year is not None
        else f"the latest dates not after {today.isoformat()}"
    )
    note = (
        f"{source}: the dates have no year; read as {basis} ({first.isoformat()} to "
        f"{last.isoformat()}). If that is wrong, pass --year or --today."
    )
    return placed, note
