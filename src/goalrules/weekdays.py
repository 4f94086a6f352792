"""A day of the week named as a deadline: "by Friday", "next Tuesday", "Friday next
week", "by Friday, May 15", "the end of the working week".

A day named alone is the first such day after the reference date (the statement's start);
said on that same weekday it could be that day or a week on, so it is an error naming both
dates. "Next Friday" is the first Friday after the start when that Friday is in the next
week whether weeks start on Monday or on Sunday; when it is in the start's own week by
either, "next" could mean it or the one a week on, and it is an error naming both ("Friday
next week" said on a Sunday likewise). A day with its date ("Friday, May 15") is the date,
when the date falls on that day. Weeks run Monday to Sunday, as "by the end of the week"
(Sunday, with a note) and "next week" read.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from goalrules.errors import DateError
from goalrules.patterns import LazyPattern

__all__ = ["DAY_NAMES", "join_day_and_date", "week_end_note", "weekday_deadline"]

Date = _dt.date

#: the English names of the days of the week, abbreviated too: Monday is 0
DAY_NAMES = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_DAY = "|".join(sorted(DAY_NAMES, key=len, reverse=True))
_FULL_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WEEKDAY = LazyPattern(
    r"(?:the\s+)?(?:days?\s+)?(?:(?P<which>this\s+coming|this|coming|next)\s+)?"
    rf"(?P<day>{_DAY})\.?(?:\s+(?:of\s+)?(?P<week>this|next)\s+week)?"
    r"(?:\s*,?\s+(?:the\s+)?(?P<date>\d.*|[a-z]+\.?\s+\d.*))?",
    re.I,
)
_WORKING_WEEK = LazyPattern(
    r"(?:the\s+)?(?:end\s+of\s+)?(?:the\s+|this\s+)?(?:working|work|business)\s+week", re.I
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "by Friday, May 15": the comma between a day and its date (a clause ends at a comma)
_DAY_COMMA_DATE = LazyPattern(
    rf"\b({_FULL_DAY})\s*,\s*(?=(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}"
    rf"(?:\s|$)|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}})",
    re.I,
)


def join_day_and_date(text: str) -> str:
    """``text`` with a day and its date written as one phrase ("Friday, May 15" ->
    "Friday May 15"): read whole, not as "Friday" with the date left over."""
    return _DAY_COMMA_DATE.sub(r"\1 ", text)


def _week_start(d: Date, sunday: bool = False) -> Date:
    """The first day of the week ``d`` is in (Monday, or Sunday as the US counts)."""
    back = (d.weekday() + 1) % 7 if sunday else d.weekday()
    return d - _dt.timedelta(days=back)


def weekday_deadline(text: str, ref: Date, read_date: Callable[[str], Date]) -> Date | None:
    """The date a day of the week names, counted from ``ref`` (``None``: ``text`` names
    no day of the week). A day that could be either of two dates is a
    :class:`~goalrules.errors.DateError` naming both; so is a day its date does not fall
    on ("Monday, May 15" when May 15 is a Friday). ``read_date`` reads a date written
    after the day."""
    t = re.sub(r"\s+", " ", text.strip().rstrip(".")).strip()
    if _WORKING_WEEK.fullmatch(t):  # "by the end of the working week": its Friday
        return ref + _dt.timedelta(days=(4 - ref.weekday()) % 7)
    m = _WEEKDAY.fullmatch(t)
    if m is None:
        return None
    day = DAY_NAMES[m["day"].lower()]
    name = _dt.date(2024, 1, 1 + day).strftime("%A")  # 2024-01-01 was a Monday
    if m["date"]:
        when = read_date(m["date"])
        if when.weekday() != day or m["which"] or m["week"]:
            raise DateError(
                f'"{t}" does not name one day: {when.isoformat()} is a {when:%A}, not a '
                f"{name}; write the date the goal is due"
            )
        return when
    if m["week"]:  # "Friday next week": the Friday of the week after the start's
        weeks = _dt.timedelta(weeks=1 if m["week"].lower() == "next" else 0)
        days = {  # (weeks from Monday, or from Sunday as the US counts: on a Sunday, two)
            start + weeks + _dt.timedelta(days=(day - start.weekday()) % 7)
            for start in (_week_start(ref), _week_start(ref, sunday=True))
        }
        if len(days) > 1:
            raise DateError(
                f'"{t}" on a Sunday could be {" or ".join(sorted(map(str, days)))} (a week '
                "starts on Monday or on Sunday), so it is not read: write the date the goal is "
                "due"
            )
        return days.pop()
    first = ref + _dt.timedelta(days=(day - ref.weekday()) % 7 or 7)
    which = (m["which"] or "").lower()
    if which == "next":
        if all(_week_start(first, us) != _week_start(ref, us) for us in (False, True)):
            return first
        later = first + _dt.timedelta(weeks=1)
        raise DateError(
            f'"{t}" could be {first.isoformat()} (the coming {name}) or {later.isoformat()} '
            "(the one after), so it is not read: write the date the goal is due"
        )
    if first - ref == _dt.timedelta(weeks=1) and "coming" not in which:
        raise DateError(
            f'"{t}" on a {name} ({ref.isoformat()}) could be that day or a week on '
            f"({first.isoformat()}), so it is not read: write the date the goal is due"
        )
    return first


_WEEK_END = LazyPattern(
    r"\b(?:(?:end\s+of|by|until|till|before)\s+(?:the\s+|this\s+|next\s+)?week|eow)$", re.I
)


def week_end_note(words: str, when: Date) -> str | None:
    """A note for a deadline at the end of a week ("by the end of the week", "by next
    week"), read as its Sunday: a working week ends on the Friday before."""
    if _WEEK_END.search(words) is None or when.weekday() != 6:
        return None
    friday = when - _dt.timedelta(days=2)
    return (
        f'"{words}" is read as the end of the calendar week, Sunday {when.isoformat()}; a '
        f"working week ends on Friday, {friday.isoformat()}: write that date if it is meant"
    )
