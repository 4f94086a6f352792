"""Recurring tactics: "every Monday", "monthly on the 1st", "every 2 weeks" as
:class:`Recurrence` schedules (dateutil's rrule), for the plan.

>>> first = recurrence("monthly on the 30th").between(dt.date(2027, 1, 1), dt.date(2027, 3, 31))
>>> [d.isoformat() for d in first] == ["2027-01-30", "2027-02-28", "2027-03-30"]
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs
from dateutil import rrule as _rr

from goalrules.dates import _ORDINALS, _WEEKDAYS, _number
from goalrules.errors import DateError

__all__ = ["Recurrence", "recurrence"]

dt = _dt
Date = _dt.date

_FREQS = {"daily": _rr.DAILY, "weekly": _rr.WEEKLY, "monthly": _rr.MONTHLY, "yearly": _rr.YEARLY}


@attrs.frozen
class Recurrence:
    """A recurring due date ("monthly on the 30th"), as the parts of a dateutil rrule.

    A day of month past the 28th also matches the month's last day, taking whichever
    comes first (``bymonthday=(30, -1)`` with ``bysetpos=1``): "monthly on the 30th"
    is due on 28 February rather than skipping it.
    """

    text: str
    freq: str
    interval: int = 1
    byweekday: tuple[int, ...] = ()
    bymonthday: tuple[int, ...] = ()
    bysetpos: int | None = None
    bymonth: tuple[int, ...] = ()
    nth_weekday: int | None = None
    start: Date | None = None

    def rrule(self, dtstart: Date | None = None) -> _rr.rrule:
        """The dateutil rrule, anchored at ``dtstart`` (or the recurrence's start)."""
        anchor = dtstart or self.start or Date.today()
        kwargs: dict[str, object] = {"interval": self.interval}
        if self.byweekday:
            wds = [_rr.weekday(w) for w in self.byweekday]
            if self.nth_weekday is not None:
                wds = [w(self.nth_weekday) for w in wds]
            kwargs["byweekday"] = wds
        if self.bymonthday:
            kwargs["bymonthday"] = self.bymonthday
        if self.bysetpos is not None:
            kwargs["bysetpos"] = self.bysetpos
        if self.bymonth:
            kwargs["bymonth"] = self.bymonth
        freq: Any = _FREQS[self.freq]
        return _rr.rrule(
            freq,
            dtstart=_dt.datetime.combine(anchor, _dt.time()),
            **kwargs,  # type: ignore[arg-type]
        )

    def between(self, first: Date, last: Date) -> list[Date]:
        """Due dates from ``first`` to ``last``, both included."""
        rule = self.rrule(self.start or first)
        lo = _dt.datetime.combine(first, _dt.time())
        hi = _dt.datetime.combine(last, _dt.time())
        return [d.date() for d in rule.between(lo, hi, inc=True)]

    def after(self, day: Date, *, inclusive: bool = True) -> Date | None:
        """The first due date on (or after) ``day``."""
        rule = self.rrule(self.start or day)
        hit = rule.after(_dt.datetime.combine(day, _dt.time()), inc=inclusive)
        return hit.date() if hit else None

    def iter(self, start: Date) -> Iterator[Date]:
        """Due dates from ``start`` on, without end."""
        for d in self.rrule(self.start or start):
            if d.date() >= start:
                yield d.date()

    def __str__(self) -> str:
        return self.text


def _monthday(day: int) -> tuple[tuple[int, ...], int | None]:
    if day > 28:
        return (day, -1), 1
    return (day,), None


def _day_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in _ORDINALS:
        return _ORDINALS[w]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
    if m and 1 <= int(m[1]) <= 31:
        return int(m[1])
    return None


@functools.lru_cache(maxsize=512)
def _parse_recurrence(text: str) -> Recurrence:
    t = re.sub(r"[,;]", " ", text.lower())
    t = re.sub(r"\b(?:each|every single)\b", "every", t)
    t = re.sub(r"\s+", " ", t).strip()
    words = t.split()
    if not words:
        raise DateError("the recurrence is empty", hint="write e.g. 'monthly on the 30th'")

    both = re.search(r"\bbi-?(week|month)ly\b", t)
    if both:  # read both ways by English speakers: never a guess
        period = both[1]
        raise DateError(
            f"{both.group(0)!r} means every two {period}s to some and twice a {period} to "
            "others, so it is not read",
            hint=f"write 'every 2 {period}s', or name the days (e.g. "
            + ("'every Monday and Thursday')" if period == "week" else "'monthly on the 1st')"),
        )
    interval = 1
    freq: str | None = None
    m = re.search(r"\bevery (?:(\w+) )?(day|week|month|quarter|year)s?\b", t)
    if m:
        interval = int(_number(m[1], text)) if m[1] and m[1] != "other" else (2 if m[1] else 1)
        freq = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "monthly",
                "year": "yearly"}[m[2]]  # fmt: skip
        if m[2] == "quarter":
            interval *= 3
    for word, f, iv in (
        ("daily", "daily", 1), ("weekly", "weekly", 1), ("fortnightly", "weekly", 2),
        ("monthly", "monthly", 1),
        ("quarterly", "monthly", 3), ("yearly", "yearly", 1), ("annually", "yearly", 1),
    ):  # fmt: skip
        if re.search(rf"\b{word}\b", t):
            freq, interval = f, iv
            break
    if re.search(r"\bof (?:the |each |every )?month\b", t) and freq is None:
        freq = "monthly"

    weekdays = tuple(
        dict.fromkeys(_WEEKDAYS[w.rstrip("s")].weekday for w in words if w.rstrip("s") in _WEEKDAYS)
    )
    day: int | None = None
    nth: int | None = None
    m = re.search(r"\b(?:on )?(?:the |day )(\w+)(?: day)?\b", t)
    if m and (dn := _day_number(m[1])) is not None:
        if weekdays:
            nth = dn
        else:
            day = dn
    wd_names = "|".join(_WEEKDAYS)
    m3 = re.search(rf"\b(\w+) (?:{wd_names})s?\b", t)
    if weekdays and m3 and (dn := _day_number(m3[1])) is not None and dn <= 5:
        nth = dn
        if freq is None or freq == "weekly":
            freq = "monthly"
    m2 = re.search(r"\blast day\b", t)
    if m2:
        day = -1
    if weekdays and freq is None:
        freq = "weekly"
    if freq is None:
        raise DateError(
            f"cannot read a recurrence from {text!r}",
            hint="write e.g. 'monthly on the 30th', 'every Monday' or 'every 2 weeks'",
        )
    bymonthday: tuple[int, ...] = ()
    bysetpos: int | None = None
    if day is not None and freq in ("monthly", "yearly") and not weekdays:
        bymonthday, bysetpos = _monthday(day) if day > 0 else ((-1,), None)
    if nth is not None and freq != "monthly":
        nth = None
    return Recurrence(
        text=text.strip(),
        freq=freq,
        interval=max(1, interval),
        byweekday=weekdays,
        bymonthday=bymonthday,
        bysetpos=bysetpos,
        nth_weekday=nth,
    )


def recurrence(text: str, *, start: Date | None = None) -> Recurrence:
    """Parse a recurrence: ``"monthly on the 30th"``, ``"monthly on day 30"``,
    ``"every Monday"``, ``"every 2 weeks"``, ``"weekly"``, ``"quarterly"``,
    ``"first Monday of every month"``, ``"last day of the month"``.

    >>> r = recurrence("monthly on the 30th")
    >>> r.between(Date(2027, 1, 1), Date(2027, 3, 31))
    [datetime.date(2027, 1, 30), datetime.date(2027, 2, 28), datetime.date(2027, 3, 30)]
    """
    if not isinstance(text, str):
        raise DateError(f"expected a recurrence text, got {text!r}")
    rec = _parse_recurrence(text)
    return attrs.evolve(rec, start=start) if start is not None else rec
