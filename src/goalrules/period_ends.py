"""A period's end written short, and "within" a period named with "the".

"EOW", "EOM", "EOQ", "EOY" and "EOFY" are the end of this week, month, quarter, year and
fiscal year, as "by the end of the month" is; "EOY 2027" is the end of 2027 (it read the
end of this year, the 2027 dropped without a word) and "EOFY27" the end of that fiscal
year. "EOQ 2027" and "EOM 2027" in another year than the start's do not say which quarter
or month of it: an error, not this quarter.

"within the week", "within the month", "within the quarter" and "within the year" are
said for the end of this period ("within the year": before the year is out) and for a
period from the start ("within a year"): they are an error naming both dates, never one
of them shown as fact. "within the next month" and "within a month" are lengths, as before.

"in next month", "during next quarter" (no "the", as Arabic "في الشهر القادم" reads) are
that calendar period, to its end: they read a month from the start, and the goal's start
moved to the period's first day, a window of days. "within next month" is said for both
(before next month is out, and within a month, as Arabic "خلال الشهر القادم" is): an error
naming both dates. "within months", "in the coming weeks" name no number of them: an error,
not one of them (they read one month, one week).

"this December", "this Q4" (Tagalog "ngayong Q4") are this year's, as "December" and "Q4"
are when they are still to come (they gave no deadline; "this December" no note); "this
March" written in May is past, and not read ("this may" is no month: "this may help").
"The coming December", "this coming Q3" (Tagalog "sa darating na Disyembre") are the next
one; the one under way ("the coming May" in May: this one, or the next?) is not read.

"the calendar year", "CY2027" and "the rest of the year" are the year, the year 2027 and the
year to its end, as "the year" and "2027" are (they gave no deadline, without a word).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping

from goalrules.errors import DateError
from goalrules.patterns import LazyPattern

__all__ = [
    "abbreviated_end",
    "calendar_words",
    "next_period",
    "one_named_ahead",
    "within_the_period",
]

Date = _dt.date

_UNITS = {"w": "week", "m": "month", "q": "quarter", "y": "year"}
_SHORT = LazyPattern(r"eo(?P<p>[wmqy]|fy)(?![a-z])\s*'?(?P<y>\d{4}|\d{2})?")


_CALENDAR = LazyPattern(r"\bcalendar (?=year\b|(?:19|20|21)\d\d\b)")
_CY = LazyPattern(r"\bcy ?'?(\d{4}|\d{2})\b")
_REST_OF = LazyPattern(
    r"^(?:over )?(?:the )?(?:rest|remainder|balance) of (?=(?:the|this) (?:year|quarter|month)$)"
)


def calendar_words(t: str) -> str:
    """``t`` (lower case, one space between words) with "calendar year", "CY27" and "the
    rest of the year" as the words :mod:`goalrules.dates` reads ("year", "2027", "the
    year"); other text as it is.

    >>> calendar_words("the calendar year"), calendar_words("cy27")
    ('the year', '2027')
    >>> calendar_words("the rest of the year")
    'the year'
    """
    t = _CALENDAR.sub("", t)
    t = _CY.sub(lambda m: str(int(m[1]) + (2000 if len(m[1]) == 2 else 0)), t)
    return _REST_OF.sub("", t)


def abbreviated_end(t: str, ref: Date) -> str:
    """``t`` (lower case, one space between words) with a period's end written short
    ("eoy", "eoq 2026", "eofy27") as the words :mod:`goalrules.dates` reads ("year",
    "quarter", "fy 2027"); other text as it is.

    >>> abbreviated_end("eoy 2027", Date(2026, 5, 1)), abbreviated_end("eom", Date(2026, 5, 1))
    ('2027', 'month')
    """
    m = _SHORT.fullmatch(t)
    if m is None:
        return t
    digits = m["y"]
    year = None if digits is None else int(digits) + (2000 if len(digits) == 2 else 0)
    if m["p"] == "fy":
        return "fy" if year is None else f"fy {year}"
    unit = _UNITS[m["p"]]
    if year is None:
        return unit
    if unit == "year":
        return str(year)
    if year == ref.year:
        return unit  # "EOQ 2026" said in 2026: this quarter
    example = f"the end of Q2 {year}" if unit == "quarter" else f"{year}-06-30"
    raise DateError(
        f'"{t.upper()}" names the year {year} but not which {unit} of it, so it is not '
        f"read: write the {unit} meant, e.g. 'by {example}'"
    )


_WITHIN_THE = LazyPattern(r"(?:within|in|over|during)\s+the\s+(week|month|quarter|year)", re.I)


def within_the_period(
    body: str,
    ref: Date,
    period_end: Callable[[str], Date | None],
    length: Callable[[str], Date],
) -> None:
    """Raise an error naming both dates when ``body`` is "within the week" (or month,
    quarter, year): the end of this period (``period_end``) or a period from ``ref``
    (``length``)? Nothing for other words."""
    m = _WITHIN_THE.fullmatch(body.strip())
    if m is None:
        return
    unit = m[1].lower()
    end, later = period_end(f"this {unit}"), length(f"1 {unit}")
    said = body.strip()
    raise DateError(
        f'"{said}" could be the end of this {unit} ({end.isoformat() if end else "?"}) or a '
        f"{unit} from the start ({later.isoformat()}), so it is not read: write "
        f"'by the end of the {unit}' or 'within a {unit}'"
    )


_NEXT = LazyPattern(
    r"(?P<lead>within|in|over|during|for|throughout)\s+(?:next|coming)\s+"
    r"(?P<unit>week|month|quarter|year)",
    re.I,
)
_NO_COUNT = LazyPattern(
    r"(?:(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?"
    r"|(?:the\s+)?(?:next|coming|following)\s+)(?P<units>days|weeks|months|quarters|years)",
    re.I,
)


def next_period(
    body: str,
    ref: Date,
    period_end: Callable[[str], Date | None],
    length: Callable[[str], Date],
) -> Date | None:
    """The end of next week, month, quarter or year for "in next month", "during next
    quarter" (no "the"); an error naming both dates for "within next month" (the end of
    next month, or a month from ``ref``?) and for a period of no number ("within months");
    ``None`` for other words."""
    said = body.strip()
    vague = _NO_COUNT.fullmatch(said)
    if vague is not None:
        raise DateError(
            f'"{said}" names no number of {vague["units"].lower()}, so it is not read: write '
            f"how many, e.g. 'within 6 {vague['units'].lower()}', or a date"
        )
    m = _NEXT.fullmatch(said)
    if m is None:
        return None
    unit = m["unit"].lower()
    end = period_end(f"next {unit}")
    if m["lead"].lower() != "within":
        return end
    later = length(f"1 {unit}")
    raise DateError(
        f'"{said}" could be the end of next {unit} ({end.isoformat() if end else "?"}) or a '
        f"{unit} from the start ({later.isoformat()}), so it is not read: write 'by the end "
        f"of next {unit}' or 'within a {unit}'"
    )


_AHEAD = LazyPattern(r"(?:(this)|(next)|(?:(?:this|the) )?(?:up)?coming) (?=([a-z]+|[qh][1-4])$)")


def one_named_ahead(t: str, ref: Date, months: Mapping[str, int]) -> str | None:
    """``t`` without the "this", "next" or "(the) coming" before a month, quarter or half
    it names ("this december" -> "december"; "next march" in May 2026 -> "march 2027"),
    when that is the period meant; ``None`` when the words name no period to come, or
    two ("this march" in May is past, "the coming may" in May this one or the next); an
    error naming both years for "next september" in May (this year's or the next?);
    ``t`` as it is when it has no such words."""
    ahead = _AHEAD.match(t)
    if ahead is None or not (ahead[3] in months or re.fullmatch(r"[qh][1-4]", ahead[3])):
        return t
    name = ahead[3]
    if ahead[1] and name == "may":
        return t  # "this may help": no month
    if name in months:
        now, number = ref.month, months[name]
    else:
        size = 3 if name[0] == "q" else 6
        now, number = (ref.month - 1) // size + 1, int(name[1])
        if size == 6 and number > 2:
            return t
    if ahead[2]:  # "next march": the one after this year's, unless this year's is to come
        if number <= now:
            return f"{name} {ref.year + 1}"
        shown = name.capitalize() if name in months else name.upper()
        raise DateError(
            f'"next {shown}" could be {shown} {ref.year} (the coming one) or {shown} '
            f"{ref.year + 1} (the one after it), so it is not read: write the year, e.g. "
            f"'by {shown} {ref.year}'"
        )
    if (ahead[1] and number < now) or (not ahead[1] and number == now):
        return None
    return t[ahead.end() :]
