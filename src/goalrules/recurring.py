"""Recurring tactics: "every Monday", "monthly on the 1st", "every 2 weeks from
2027-01-04" as :class:`Recurrence` schedules (dateutil's rrule), for the plan. A
recurrence names its days or the day it counts from, so its dates never move with the
day the plan is read.

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

from goalrules.dates import _MONTHS, _NUMBER_WORDS, _ORDINALS, _WEEKDAYS, _number
from goalrules.errors import DateError
from goalrules.patterns import LazyPattern

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
        bymonthday, bysetpos, bymonth = self.bymonthday, self.bysetpos, self.bymonth
        if self.freq in ("monthly", "yearly") and not (bymonthday or self.byweekday):
            # "quarterly from 2027-01-31": on the anchor's day, the month's last when
            # shorter (dateutil would skip the months without a 31st)
            bymonthday, bysetpos = _monthday(anchor.day)
        if self.freq == "yearly" and not bymonth:
            bymonth = (anchor.month,)  # ("yearly on the 15th" alone: every month's 15th)
        if self.byweekday:
            wds = [_rr.weekday(w) for w in self.byweekday]
            if self.nth_weekday is not None:
                wds = [w(self.nth_weekday) for w in wds]
            kwargs["byweekday"] = wds
        if bymonthday:
            kwargs["bymonthday"] = bymonthday
        if bysetpos is not None:
            kwargs["bysetpos"] = bysetpos
        if bymonth:
            kwargs["bymonth"] = bymonth
        freq: Any = _FREQS[self.freq]
        begin = _dt.datetime.combine(anchor, _dt.time())
        if self.interval > 1:
            # counted from its first due day on or after the anchor: "every other Monday
            # from Wednesday 6 January" is due on the 11th, not the 18th (dateutil counts
            # the anchor's own week, whose Monday is before it, as the first)
            once = {k: v for k, v in kwargs.items() if k != "interval"}
            first = _rr.rrule(freq, dtstart=begin, count=1, **once)  # type: ignore[arg-type]
            begin = next(iter(first), begin)
        return _rr.rrule(freq, dtstart=begin, **kwargs)  # type: ignore[arg-type]

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


_HINT = "write e.g. 'monthly on the 30th', 'every Monday' or 'every 2 weeks from 2027-01-04'"
# the words a recurrence is written in; any other word is an error, never skipped
# ("first business day of the month" was read as monthly on the day the plan was read)
_STRUCTURE = frozenset(
    ["every", "on", "the", "of", "and", "a", "an", "in", "other", "last", "day", "days",
     "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "daily",
     "weekly", "fortnightly", "monthly", "quarterly", "yearly", "annually"]
)  # fmt: skip
# "from 2027-01-04", "starting 4 January 2027": the day a recurrence counts from
_ANCHOR = LazyPattern(r"\s*[,;]?\s*\b(?:from|starting|beginning)(?:\s+(?:on|from))?\s+(.+)$")
# a time of day names no other day ("every Monday at 9am", "at 10:00")
_TIME = LazyPattern(r"\bat \d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?(?=\s|$)")
_SUFFIXED = LazyPattern(r"(\d+)(?:st|nd|rd|th)")
_MONTH_WORDS = ("month", "months", "monthly")


def _weekday(word: str) -> int | None:
    """The weekday a word names ("monday", "mondays", "mon"), or None."""
    for w in (word, word.removesuffix("s")):
        if w in _WEEKDAYS:
            return int(_WEEKDAYS[w].weekday)
    return None


def _known_word(word: str) -> bool:
    return (
        word in _STRUCTURE
        or _weekday(word) is not None
        or word in _ORDINALS
        or word in _MONTHS
        or word in _NUMBER_WORDS
        or re.fullmatch(r"\d+", word) is not None
        or _SUFFIXED.fullmatch(word) is not None
    )


def _anchor_of(text: str) -> tuple[str, Date | None]:
    """The recurrence without its anchor ("from 2027-01-04"), and the anchor's day."""
    m = _ANCHOR.search(text)
    if m is None:
        return text, None
    from goalrules.dates import parse_date

    said = m[1].strip().rstrip(".")
    try:
        day = parse_date(said, require_year=True)
    except DateError:
        raise DateError(
            f"cannot read the day {said!r} the recurrence {text!r} counts from",
            hint="give a date with its year, e.g. 'every 2 weeks from 2027-01-04'",
        ) from None
    return text[: m.start()], day


def _day_of_month(word: str, text: str) -> int:
    """A day of the month ("15th", "15", "fifteenth", "last"): an error past 1..31."""
    if word in _ORDINALS:
        return _ORDINALS[word]
    suffixed = _SUFFIXED.fullmatch(word)
    n = _NUMBER_WORDS.get(word) or float(suffixed[1] if suffixed else word)
    if n != int(n) or not 1 <= n <= 31:
        raise DateError(f"no month has a day {word!r} (in {text!r})", hint=_HINT)
    return int(n)


@attrs.frozen
class _Read:
    """What the words of a recurrence say, before they make a rule."""

    days: tuple[int, ...]  # days of the month ("the 1st and 15th"; -1 the last)
    nths: tuple[int, ...]  # the nth weekday of a month ("first Monday"; -1 the last)
    months: tuple[int, ...]  # months named ("every year on 30 June")
    every_n_weekdays: int | None  # "every other Monday", "every 2 Mondays": weeks apart


def _read_words(words: list[str], text: str) -> _Read:
    """Sort the numbers and ordinals of a recurrence's words into days of the month, the
    nth weekday of a month, and a count of weeks between weekdays."""
    days: list[int] = []
    nths: list[int] = []
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    every_n: int | None = None
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        ordinal = w in _ORDINALS or _SUFFIXED.fullmatch(w) is not None
        number = re.fullmatch(r"\d+", w) is not None or (
            w in _NUMBER_WORDS and w not in ("a", "an")
        )
        if _weekday(after) is not None and before == "every" and (w == "other" or number):
            every_n = 2 if w == "other" else int(_number(w, text))
        elif _weekday(after) is not None and ordinal:
            n = _day_of_month(w, text)
            if before == "every" and n not in (1, -1) and not set(words) & set(_MONTH_WORDS):
                raise DateError(
                    f"'{before} {w} {after}' means the {w} {after} of each month to some and "
                    f"every {n} weeks to others, so it is not read",
                    hint=f"write '{w} {after} of every month', or 'every {n} weeks on "
                    f"{after.removesuffix('s')} from 2027-01-04'",
                )
            if not 1 <= abs(n) <= 5:
                raise DateError(f"no month has a {w} {after} (in {text!r})", hint=_HINT)
            nths.append(n)
        elif w == "last" and after == "day":
            days.append(-1)
        elif (ordinal and w != "last") or (number and _names_a_day(before, after)):
            days.append(_day_of_month(w, text))
    return _Read(tuple(dict.fromkeys(days)), tuple(dict.fromkeys(nths)), tuple(months), every_n)


def _names_a_day(before: str, after: str) -> bool:
    """A plain number between these words is a day of the month ("on the 15", "day 30",
    "30 June"), not a count of periods ("every 2 weeks")."""
    return before in ("the", "day", "days", "and", "on") or after in _MONTHS or before in _MONTHS


@functools.lru_cache(maxsize=512)
def _parse_recurrence(text: str) -> Recurrence:
    body, anchor = _anchor_of(text.strip())
    t = _TIME.sub(" ", body.lower())
    t = re.sub(r"[,;]|\.(?=\s|$)", " ", t)
    t = re.sub(r"\b(?:each|every single)\b", "every", t)
    t = re.sub(r"\s+", " ", t).strip()
    words = t.split()
    if not words:
        raise DateError("the recurrence is empty", hint=_HINT)

    both = re.search(r"\bbi-?(week|month)ly\b", t)
    if both:  # read both ways by English speakers: never a guess
        period = both[1]
        raise DateError(
            f"{both.group(0)!r} means every two {period}s to some and twice a {period} to "
            "others, so it is not read",
            hint=f"write 'every 2 {period}s', or name the days (e.g. "
            + ("'every Monday and Thursday')" if period == "week" else "'monthly on the 1st')"),
        )
    unknown = next((w for w in words if not _known_word(w)), None)
    if unknown is not None:
        raise DateError(f"cannot read {unknown!r} in the recurrence {text!r}", hint=_HINT)
    read = _read_words(words, text)
    whole = re.search(r"\bof (?:the |each |every )?(quarter|year)\b", t)
    if whole:  # "last Friday of the quarter" was the last Friday of every month
        return _of_period(text, whole[1], words, read, anchor)
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
    weekdays = tuple(dict.fromkeys(d for w in words if (d := _weekday(w)) is not None))
    if read.every_n_weekdays is not None:
        freq, interval = "weekly", read.every_n_weekdays
    elif read.nths and (freq is None or freq == "weekly"):
        freq = "monthly"
    if weekdays and freq is None:
        freq = "weekly"
    if freq is None:
        raise DateError(f"cannot read a recurrence from {text!r}", hint=_HINT)
    return _checked(text, freq, interval, weekdays, read, anchor)


# the months a calendar quarter or year begins and ends in
_FIRST_MONTHS = {"quarter": (1, 4, 7, 10), "year": (1,)}
_LAST_MONTHS = {"quarter": (3, 6, 9, 12), "year": (12,)}


def _of_period(
    text: str, period: str, words: list[str], read: _Read, anchor: Date | None
) -> Recurrence:
    """A day of each calendar quarter or year: its first or last day ("last day of the
    quarter": 31 March, 30 June, ...), or its first to fourth or last weekday ("first
    Monday of every quarter": in January, April, July, October; "last Friday of the
    year")."""
    weekdays = tuple(dict.fromkeys(d for w in words if (d := _weekday(w)) is not None))
    if read.nths and weekdays and not read.days and len(read.nths) == 1 and len(weekdays) == 1:
        n = read.nths[0]
        if n > 4:
            raise DateError(
                f"{text!r}: a {period}'s {n}th weekday may fall past its first month",
                hint="name the month's ('fifth Friday of the month')",
            )
        months = _LAST_MONTHS[period] if n < 0 else _FIRST_MONTHS[period]
        return Recurrence(text=text.strip(), freq="monthly", byweekday=weekdays, bymonth=months,
                          nth_weekday=n, start=anchor)  # fmt: skip
    if read.days in ((1,), (-1,)) and not weekdays and not read.nths:
        months = _LAST_MONTHS[period] if read.days[0] < 0 else _FIRST_MONTHS[period]
        return Recurrence(text=text.strip(), freq="monthly", bymonthday=read.days,
                          bymonth=months, start=anchor)  # fmt: skip
    raise DateError(
        f"{text!r} does not say which day of the {period} (its first or last day, or "
        f"its first to fourth or last weekday)",
        hint=f"write e.g. 'last day of the {period}', 'first Monday of every {period}', or "
        "a date it is due on with how often ('quarterly from 2027-01-15')",
    )


def _checked(
    text: str, freq: str, interval: int, weekdays: tuple[int, ...], read: _Read, anchor: Date | None
) -> Recurrence:
    """The recurrence the words make, or the error that says what they leave open."""
    if interval < 1:
        raise DateError(f"{text!r} recurs every {interval} periods: none", hint=_HINT)
    if read.months and freq != "yearly":
        raise DateError(f"{text!r} names a month but recurs {freq}", hint=_HINT)
    if len(read.months) > 1 or len(read.nths) > 1:
        raise DateError(
            f"{text!r} names more than one " + ("month" if len(read.months) > 1 else "weekday")
            + " of its period: give each its own tactic",
            hint=_HINT,
        )  # fmt: skip
    if read.days and (freq in ("daily", "weekly") or weekdays):
        raise DateError(f"{text!r} names a day of the month but recurs by weekday", hint=_HINT)
    if weekdays and freq in ("monthly", "yearly") and not read.nths:
        raise DateError(
            f"{text!r} does not say which {_WEEKDAY_NAMES[weekdays[0]]} of the month",
            hint=f"write e.g. 'first {_WEEKDAY_NAMES[weekdays[0]]} of every month'",
        )
    if len(read.days) > 1 and any(d > 28 for d in read.days):
        raise DateError(
            f"{text!r} names several days of the month, one past the 28th (which some "
            "months do not have)",
            hint="give the day past the 28th its own tactic ('monthly on the 30th' is due "
            "on the month's last day when it is shorter)",
        )
    bymonthday: tuple[int, ...] = ()
    bysetpos: int | None = None
    if len(read.days) == 1:
        bymonthday, bysetpos = _monthday(read.days[0]) if read.days[0] > 0 else ((-1,), None)
    elif read.days:
        bymonthday = read.days
    return Recurrence(
        text=text.strip(),
        freq=freq,
        interval=interval,
        byweekday=weekdays,
        bymonthday=bymonthday,
        bysetpos=bysetpos,
        bymonth=read.months,
        nth_weekday=read.nths[0] if read.nths else None,
        start=anchor,
    )


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _open_phase(rec: Recurrence) -> str | None:
    """What a recurrence with no day to count from leaves open (its dates would move with
    the day a plan is read: "every 2 weeks" was due on that day, each day), or None."""
    if rec.freq == "daily":
        return "which days it counts from" if rec.interval > 1 else None
    unit = {"weekly": "weeks", "monthly": "months", "yearly": "years"}[rec.freq]
    if rec.freq == "weekly" and not rec.byweekday:
        return "which day of the week"
    if rec.freq == "monthly" and not (rec.bymonthday or rec.nth_weekday is not None):
        return "which day of the month"
    if rec.freq == "yearly" and not (
        rec.bymonth and (rec.bymonthday or rec.nth_weekday is not None)
    ):
        return "which day of the year"
    if rec.interval > 1:
        return f"which {unit} it counts from"
    return None


def recurrence(text: str, *, start: Date | None = None) -> Recurrence:
    """Parse a recurrence: ``"monthly on the 30th"``, ``"monthly on day 30"``,
    ``"every Monday"``, ``"every other Friday from 2027-01-08"``, ``"quarterly on the
    15th from 2027-01-15"``, ``"every year on 30 June"``, ``"first Monday of every
    month"``, ``"last day of the month"``.

    A recurrence says the days it is due on, or the day it counts from ("from DATE",
    else ``start``): "every 2 weeks", "monthly" or "quarterly on the 15th" alone leave
    open which weeks, day or months, so their dates would move with the day a plan is
    read; they are an error naming what is open, as is a word not read.

    >>> r = recurrence("monthly on the 30th")
    >>> r.between(Date(2027, 1, 1), Date(2027, 3, 31))
    [datetime.date(2027, 1, 30), datetime.date(2027, 2, 28), datetime.date(2027, 3, 30)]
    """
    if not isinstance(text, str):
        raise DateError(f"expected a recurrence text, got {text!r}")
    rec = _parse_recurrence(text)
    if rec.start is None and start is not None:
        rec = attrs.evolve(rec, start=start)
    if rec.start is None and (open_ := _open_phase(rec)) is not None:
        said = text.strip()
        named = _NAME_IT.get(rec.freq) if rec.interval == 1 else None
        raise DateError(
            f"{said!r} does not say {open_}: its dates would move with the day the plan is read",
            hint=(f"name it ({named}), or " if named else "")
            + f"add the day it is first due: '{said} from 2027-01-04' (that day, if it is "
            "due on it)",
        )
    return rec


_NAME_IT = {
    "weekly": "'every Monday'",
    "monthly": "'monthly on the 1st', 'last day of the month'",
    "yearly": "'every year on 30 June'",
}
