"""Retail days: the days a team's goals are often due by ("by Black Friday", "before
Christmas"), with a fixed rule or a date the workspace gives ("prime day")."""

from __future__ import annotations

import datetime as _dt
import re

from goalrules.errors import DateError

__all__ = ["RETAIL_DAYS", "named_day"]

Date = _dt.date


#: Retail days with a fixed rule: (month, weekday or None, nth or day, days after).
#: Black Friday is the day after the fourth Thursday of November (US Thanksgiving).
RETAIL_DAYS: dict[str, tuple[int, int | None, int, int]] = {
    "black friday": (11, 3, 4, 1), "cyber monday": (11, 3, 4, 4), "thanksgiving": (11, 3, 4, 0),
    "small business saturday": (11, 3, 4, 2), "giving tuesday": (11, 3, 4, 5),
    "singles day": (11, None, 11, 0), "singles' day": (11, None, 11, 0),
    "valentine's day": (2, None, 14, 0), "valentines day": (2, None, 14, 0),
    "christmas": (12, None, 25, 0), "christmas day": (12, None, 25, 0),
    "christmas eve": (12, None, 24, 0), "boxing day": (12, None, 26, 0),
    "halloween": (10, None, 31, 0), "new year's eve": (12, None, 31, 0),
}  # fmt: skip


def _retail_day(name: str, year: int) -> Date:
    month, weekday, nth, after = RETAIL_DAYS[name]
    if weekday is None:
        return Date(year, month, nth)
    first = Date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + _dt.timedelta(days=offset + 7 * (nth - 1) + after)


def named_day(t: str, ref: Date, own_days: tuple[tuple[str, Date], ...] = ()) -> Date | None:
    """A retail day ("black friday", "cyber monday 2027") or a workspace's own named
    date ("prime day"); ``None`` when ``t`` names none."""
    m = re.fullmatch(r"(?:the\s+)?([a-z' ]+?)(?:\s+(\d{4}))?", t)
    if m is None:
        return None
    name = m[1].strip()
    own = {k.lower(): v for k, v in own_days}
    if name in own:
        when = own[name]
        if m[2] and int(m[2]) != when.year:
            raise DateError(f"{name} is set to {when.isoformat()} in the workspace, not in {m[2]}")
        return when
    if name in ("prime day", "prime big deal days", "amazon prime day"):
        raise DateError(
            f'the date of "{name}" changes each year',
            hint='set it in the workspace: [workspace] retail_days = {"prime day" = "2027-07-13"}',
        )
    if name not in RETAIL_DAYS:
        return None
    if m[2]:
        return _retail_day(name, int(m[2]))
    when = _retail_day(name, ref.year)
    return when if when >= ref else _retail_day(name, ref.year + 1)
