"""A month a performance file counts only in part, as goalrules' own file says it.

An export whose period starts or ends inside a month (GA4 from 15 September) gives that
month's counts for some of its days: read as a month's, they are a fall or a rise that
did not happen, so the channel decisions leave such a month out (see
:meth:`goalrules.io.exports.ImportResult.channel_months`). ``goalrules import`` writes
the month as read, with a ``days`` column: the days of its month the row counts (empty:
the whole month). goalrules' own reader reads it back, so the decisions on the imported
file are the decisions on the export (they judged the 16 days of September as a month:
"visits +2.7 % a month" for a steady channel).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable
from typing import Any

from goalrules.errors import DataError

Date = _dt.date

#: the column of goalrules' own performance file that says a row's month is counted in part
DAYS = "days"


def month_length(month: Date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def read_days(value: Any, month: Date, source: str, line: int) -> int | None:
    """The days of ``month`` a row's ``days`` cell says it counts (``None``: an empty
    cell, the whole month); an error naming the cell when it is no whole number from 1
    to the month's length."""
    text = str(value).strip() if value is not None else ""
    if text == "":
        return None
    try:
        days = float(text)
    except ValueError:
        days = -1.0
    if not days.is_integer() or not 1 <= days <= month_length(month):
        raise DataError(
            f"{text!r} is not a number of days of {month:%Y-%m} (1 to {month_length(month)}): "
            "the days of its month the row counts, empty for the whole month",
            source=source, line=line, field=DAYS,
        )  # fmt: skip
    return int(days)


def partial_days(days: Iterable[tuple[Date, int | None]]) -> dict[Date, int]:
    """The months counted only in part, with their days, of (month, days) pairs (a month
    whose every row counts it whole is none; one row in part makes the month in part)."""
    out: dict[Date, int] = {}
    for month, n in days:
        if n is not None and n < month_length(month):
            out[month] = min(n, out.get(month, n))
    return out


def left_out_note(months: Iterable[Date], where: str) -> str | None:
    """What the channel decisions leave out of ``months`` (those counted only in part),
    and why (``None``: nothing); ``where`` says what covers them in part ("the
    exports", "the file")."""
    cut = sorted(set(months))
    if not cut:
        return None
    shown = ", ".join(f"{m:%Y-%m}" for m in cut)
    one = len(cut) == 1
    return (
        f"{shown} left out of the channel decisions: {where} cover"
        f"{'s' if where == 'the file' else ''} only part of {'it' if one else 'them'} (some "
        "days' counts read as a whole month's would be a fall or a rise that did not happen)"
    )


def cut_ends(first: Date, last: Date) -> dict[Date, int]:
    """The months rows dated from ``first`` to ``last`` (and stating no other period:
    goalrules' own sessions file) cover only in part, with the days they cover: the
    first month when it starts after its first day, the last when it ends before its
    last (one month: the days between)."""
    out: dict[Date, int] = {}
    for month in {first.replace(day=1), last.replace(day=1)}:
        end = month.replace(day=month_length(month))
        lo, hi = max(first, month), min(last, end)
        if (lo, hi) != (month, end):
            out[month] = (hi - lo).days + 1
    return out
