"""Deadlines, periods and calendar-month arithmetic.

Marketers write time the way they speak: "within six months", "by June 30, 2027",
"end of Q3 2027", "next quarter". This module turns those texts into dates, with
calendar (not 30-day) months throughout: 31 January plus one month is 28 or 29
February. Recurring tactics ("monthly on the 30th") are :mod:`goalrules.recurring`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from typing import Any

import attrs
from dateutil import rrule as _rr
from dateutil.relativedelta import relativedelta

from goalrules.errors import DateError
from goalrules.patterns import LazyPattern
from goalrules.period_ends import (
    abbreviated_end,
    calendar_words,
    next_period,
    one_named_ahead,
    within_the_period,
)
from goalrules.retail_days import RETAIL_DAYS, named_day
from goalrules.weekdays import weekday_deadline

__all__ = [
    "RETAIL_DAYS",
    "DateSettings",
    "add_months",
    "as_date",
    "deadline",
    "first_open_month",
    "month_end",
    "month_start",
    "months_between",
    "parse_date",
    "parse_duration",
    "quarter_end",
]

Date = _dt.date

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "twenty-four": 24, "thirty-six": 36, "half": 0.5,
}  # fmt: skip
# ("a few", "several", "a couple of" months name no number: read as 3 or 2 before, a
# guess shown as a date; they are not read, and a statement says so)

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "last": -1,
}  # fmt: skip

_UNITS = {
    "day": "days", "days": "days", "d": "days", "fortnight": "fortnights",
    "fortnights": "fortnights",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks",
    "month": "months", "months": "months", "mo": "months", "mos": "months",
    "quarter": "quarters", "quarters": "quarters", "qtr": "quarters", "qtrs": "quarters",
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
}  # fmt: skip

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip

_WEEKDAYS = {
    "monday": _rr.MO, "mon": _rr.MO, "tuesday": _rr.TU, "tue": _rr.TU, "tues": _rr.TU,
    "wednesday": _rr.WE, "wed": _rr.WE, "thursday": _rr.TH, "thu": _rr.TH,
    "thurs": _rr.TH, "friday": _rr.FR, "fri": _rr.FR, "saturday": _rr.SA,
    "sat": _rr.SA, "sunday": _rr.SU, "sun": _rr.SU,
}  # fmt: skip


@attrs.frozen
class DateSettings:
    """A team's calendar, for reading deadlines: the month its fiscal year starts in
    (1, January, is the calendar year), the dates of its retail days that move from
    year to year ("prime day"), and whether a numeric date comes day first ("3/6/2027",
    as Welsh or Greek write it), month first (as Tagalog does), or is an error when both
    could be meant (``None``, as English is written both ways)."""

    fiscal_year_start: int = 1
    retail_days: tuple[tuple[str, Date], ...] = ()
    dayfirst: bool | None = None

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.fiscal_year_start, int) and 1 <= self.fiscal_year_start <= 12):
            raise DateError(
                f"the fiscal year's first month must be 1 to 12, got {self.fiscal_year_start!r}"
            )


def _fiscal_end(year: int, part: str | None, first_month: int) -> Date:
    """The end of fiscal year ``year`` (the one that ends in ``year``), or of its
    quarter or half ``part`` ("q3", "h1"), for a fiscal year starting in ``first_month``."""
    begin = Date(year if first_month == 1 else year - 1, first_month, 1)
    months = 12
    if part:
        n = int(part[1])
        months = 3 * n if part[0] == "q" else 6 * n
    return add_months(begin, months) - _dt.timedelta(days=1)


# -- calendar arithmetic -------------------------------------------------------------


def add_months(d: Date, n: int) -> Date:
    """``d`` plus ``n`` calendar months, clamped to the month's last day.

    >>> add_months(Date(2027, 1, 31), 1)
    datetime.date(2027, 2, 28)
    """
    return _clamped(d, n)


def month_start(d: Date) -> Date:
    """The first day of ``d``'s month."""
    return d.replace(day=1)


def month_end(d: Date) -> Date:
    """The last day of ``d``'s month."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def first_open_month(today: Date) -> Date:
    """The first day of the first month not over on ``today``: ``today``'s own month,
    or the next when ``today`` is its last day. A month's sums (visits, leads, spend)
    are whole only before it: a month under way reads as a fall.

    >>> first_open_month(Date(2026, 11, 10)), first_open_month(Date(2026, 11, 30))
    (datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))
    """
    start = today.replace(day=1)
    return add_months(start, 1) if today == month_end(today) else start


def quarter_end(year: int, q: int) -> Date:
    """The last day of quarter ``q`` (1..4) of ``year``."""
    if not 1 <= q <= 4:
        raise DateError(f"there is no quarter Q{q}")
    return month_end(Date(year, 3 * q, 1))


def months_between(a: Date, b: Date) -> float:
    """Calendar months from ``a`` to ``b`` (negative when ``b`` is earlier).

    Whole months are counted as dateutil counts them (so that
    ``months_between(d, add_months(d, n)) == n``), the remainder as the share of the
    next month's days.

    >>> months_between(Date(2026, 5, 1), Date(2026, 11, 1))
    6.0
    >>> months_between(Date(2027, 1, 31), Date(2027, 2, 28))
    1.0
    """
    if b < a:
        return -months_between(b, a)
    return _months_between(a, b)


# kept (bounded): a pure function of the two days, and a book's goals ask it of a few
# last observations and deadlines again and again
@functools.lru_cache(maxsize=4096)
def _months_between(a: Date, b: Date) -> float:
    """:func:`months_between` of ``a`` and a day ``b`` not before it."""
    k = (b.year - a.year) * 12 + (b.month - a.month)
    lo = _clamped(a, k)
    if lo > b:
        k -= 1
        lo = _clamped(a, k)
    if lo == b:
        return float(k)
    hi = _clamped(a, k + 1)
    return k + (b - lo).days / (hi - lo).days


def _clamped(a: Date, k: int) -> Date:
    """``a`` plus ``k`` calendar months, clamped to the month's last day (what
    ``relativedelta(months=k)`` gives, without its overhead)."""
    y, m = divmod(a.month - 1 + k, 12)
    year, month = a.year + y, m + 1
    if not 1 <= year <= 9999:
        raise DateError(f"{a.isoformat()} plus {k} months falls outside the years 1 to 9999")
    day = a.day
    if day > 28:
        day = min(day, calendar.monthrange(year, month)[1])
    return Date(year, month, day)


# -- parsing -------------------------------------------------------------------------


def _today(today: Date | None) -> Date:
    return today if today is not None else Date.today()


def _number(word: str, text: str) -> float:
    w = word.lower()
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    try:
        return float(w)
    except ValueError:
        raise DateError(f"cannot read a number from {word!r} in {text!r}") from None


def parse_duration(text: str) -> relativedelta:
    """``"6 months"``, ``"two weeks"``, ``"a year"``, ``"18 months"`` -> relativedelta."""
    words = re.sub(r"[-_]", " ", text.lower()).split()
    if words[:1] in (["a"], ["an"]) and len(words) > 2:
        words = words[1:]
    words = [w for w in words if w != "of"]
    if not words or words[-1] not in _UNITS or len(words) > 3:
        raise DateError(
            f"cannot read a period from {text!r}",
            hint="write e.g. '6 months', 'two weeks' or 'a year'",
        )
    if len(words) == 1:
        n = 1.0
    elif words[:2] == ["half", "a"] or words[:2] == ["half", "an"]:
        n = 0.5
    elif len(words) == 2:
        n = _number(words[0], text)
    else:
        n = _number(" ".join(words[:2]).replace(" ", "-"), text)
    m = {"unit": words[-1]}
    unit = _UNITS[m["unit"]]
    if unit == "quarters":
        unit, n = "months", n * 3
    if unit == "fortnights":  # "within a fortnight", Welsh "o fewn pythefnos": two weeks
        unit, n = "weeks", n * 2
    if unit == "years" and not float(n).is_integer():
        unit, n = "months", n * 12
    if unit == "months" and not float(n).is_integer():
        return relativedelta(months=int(n), days=round((n - int(n)) * 30.4375))
    if not float(n).is_integer():
        if unit == "weeks":
            return relativedelta(days=round(n * 7))
        return relativedelta(days=round(n))
    k = int(n)
    if unit == "days":
        return relativedelta(days=k)
    if unit == "weeks":
        return relativedelta(weeks=k)
    if unit == "months":
        return relativedelta(months=k)
    return relativedelta(years=k)


_ISO = LazyPattern(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$")
_NUMERIC = LazyPattern(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")


def as_date(value: Any, *, field: str = "today") -> Date | None:
    """``value`` as a date wherever the API takes one: a date, a datetime (its day) or
    text :func:`parse_date` reads (``"2026-01-10"``); ``None`` stays ``None``. Anything
    else is a :class:`~goalrules.errors.DateError` naming ``field``."""
    if value is None or value.__class__ is Date:  # (a date as it is, the usual case)
        return value
    try:
        return parse_date(value)
    except DateError as exc:
        raise exc.with_location(field=field) from None


def parse_date(
    text: str | Date,
    *,
    dayfirst: bool | None = None,
    today: Date | None = None,
    require_year: bool = False,
) -> Date:
    """Parse a calendar date: ``2027-06-30``, ``June 30, 2027``, ``30 June 2027``,
    ``06/30/2027``. A numeric date whose day and month could be swapped
    (``01/02/2027``) is an error unless ``dayfirst`` says which comes first. A date
    without a year is the next such date on or after ``today`` (a deadline's reading);
    with ``require_year`` it is an error instead (a data file's dates are never guessed).
    """
    if isinstance(text, _dt.datetime):
        return text.date()
    if isinstance(text, Date):
        return text
    if not isinstance(text, str):
        raise DateError(f"expected a date such as 2027-06-30, got {text!r}")
    t = text.strip().rstrip(".")
    try:
        if _ISO.match(t):
            y, mo, d = (int(x) for x in re.split(r"[-/.]", t))
            return Date(y, mo, d)
        m = _NUMERIC.match(t)
        if m:
            a, b, y = int(m[1]), int(m[2]), int(m[3])
            if y < 100:
                y += 2000
            if a > 12 and b <= 12:
                return Date(y, b, a)
            if b > 12 and a <= 12:
                return Date(y, a, b)
            if a == b:
                return Date(y, a, b)
            if dayfirst is None:
                raise DateError(
                    f"the date {text!r} is ambiguous: day and month could be either way",
                    hint="write it as YYYY-MM-DD, or say whether the day comes first",
                )
            return Date(y, b, a) if dayfirst else Date(y, a, b)
    except ValueError as exc:
        raise DateError(f"{text!r} is not a valid date: {exc}") from None
    words = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t.lower().replace(",", " "))
    tokens = words.split()
    month = [_MONTHS[w] for w in tokens if w in _MONTHS]
    nums = [int(w) for w in tokens if w.isdigit()]
    others = [w for w in tokens if w not in _MONTHS and not w.isdigit() and w != "of"]
    if len(month) == 1 and 1 <= len(nums) <= 2 and not others:
        year = next((n for n in nums if n > 31), None)
        days = [n for n in nums if n <= 31]
        if len(days) != 1 or len(nums) != (2 if year else 1):
            raise DateError(f"cannot read a date from {text!r}")
        try:
            if year is not None:
                return Date(year, month[0], days[0])
            if require_year:
                raise DateError(
                    f"the date {text!r} has no year, and a data file's dates are not guessed",
                    hint="write YYYY-MM-DD, e.g. 2027-06-30",
                )
            ref = _today(today)
            cand = Date(ref.year, month[0], days[0])
            return cand if cand >= ref else Date(ref.year + 1, month[0], days[0])
        except ValueError as exc:
            raise DateError(f"{text!r} is not a valid date: {exc}") from None
    raise DateError(
        f"cannot read a date from {text!r}",
        hint="write YYYY-MM-DD, e.g. 2027-06-30",
    )


_PREFIX = LazyPattern(  # "by the 31st of December": the article goes with the word before it
    r"^(?:(?:deadline|due\s+date)\s*[:=-]?\s*|due\s*[:=-]\s*|(?:by|before|until|till|through|thru|on|due"
    r"|no\s+later\s+than|at\s+the\s+latest\s+by)\s+)"
    r"(?:the\s+(?=\d))?",
    re.IGNORECASE,
)
#: "in" or "during" before a day ("in March 15", "in 1 March 2027"): on that day
_IN_A_DAY = LazyPattern(r"^(?:in|during)\s+(?=\S*\d|[a-z]+\.?\s+\d)", re.IGNORECASE)
_WITHIN = LazyPattern(
    r"^(?:within|in|over|during|for)?\s*(?:the\s+)?(?:next\s+|coming\s+)?"
    r"(?P<n>(?:\d+(?:\.\d+)?|[a-z-]+))?\s*(?:(?:of\s+)?an?\s+)?(?P<unit>days?|weeks?|wks?|fortnights?|months?|mos?|quarters?|qtrs?|years?|yrs?)"
    r"(?:\s+(?:from\s+(?:now|today|the\s+start|start)|time))?$",
    re.IGNORECASE,
)


_SEP = r"(?:\s*['’]\s*|\s*[-/]\s*|\s+)"  # "Q1'27", "Q1-27", "Q1/2027", "Q1 27"
_SHORT_PERIOD = LazyPattern(
    rf"(?:(?P<p>[qh])(?P<n>[1-4]){_SEP}|(?P<n2>[1-4])(?P<p2>[qh])\s*['’]?\s*)(?P<y>\d{{2}}|\d{{4}})"
)
_SHORT_MONTH = LazyPattern(
    r"(?P<m>[a-z]+)\s*['’]\s*(?P<y>\d{2})|(?P<n>\d{1,2})\s*/\s*(?P<y4>\d{4})"
    # "2027-06", "2027/06": a month as ISO 8601 writes it (no deadline was read)
    r"|(?P<iso_y>\d{4})[-/](?P<iso_m>\d{2})"
)


def _year_written_out(t: str) -> str:
    """A quarter, half or month whose year is written short ("Q1'27", "1Q27", "H2-27",
    "June '27"), with a slash ("Q1/2027", "6/2027") or as ISO 8601 does ("2027-06"), as
    "q1 2027", "june 2027"."""
    m = _SHORT_PERIOD.fullmatch(t)
    if m:
        kind, n = (m["p"], m["n"]) if m["p"] else (m["p2"], m["n2"])
        if kind == "h" and n not in "12":
            return t
        year = m["y"] if len(m["y"]) == 4 else f"20{m['y']}"
        return f"{kind}{n} {year}"
    m = _SHORT_MONTH.fullmatch(t)
    if m and m["m"] in _MONTHS:
        return f"{m['m']} 20{m['y']}"
    if m and m["n"] and 1 <= int(m["n"]) <= 12:
        return f"{calendar.month_name[int(m['n'])].lower()} {m['y4']}"
    if m and m["iso_m"] and 1 <= int(m["iso_m"]) <= 12:
        return f"{calendar.month_name[int(m['iso_m'])].lower()} {m['iso_y']}"
    return t


ORDINAL_QUARTERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip


_MONTH_OF = LazyPattern(r"^(?:the )?month (?:of )?(?=([a-z]+)\b)")


def _month_named(m: re.Match[str]) -> str:
    """Nothing before a month's name ("month of September" -> "September"); the words as
    they are before another word."""
    return "" if m[1] in _MONTHS else m.group(0)


def _period_end(text: str, ref: Date, settings: DateSettings | None = None) -> Date | None:
    """End of a named period relative to ``ref`` (``end of Q3 2027``, ``next quarter``,
    ``Q3 FY27``, ``Black Friday``)."""
    settings = settings or DateSettings()
    t = re.sub(r"\s+", " ", text.lower().strip())
    t = re.sub(r"^(?:in|within|during|for|throughout|through|thru|until|till)\s+(?=\S)", "", t)
    # "end of June"; "end June", "end-Q3", "end-2027" as British English and Greek "τέλος
    # Ιουνίου" write it (no deadline, and no word, before)
    t = re.sub(r"^(?:the )?end(?: of)?[ -](?:the )?(?=\S)", "", t)
    # "the month of September", Arabic "شهر سبتمبر" (month September): the month named
    # (it read the end of this month)
    t = _MONTH_OF.sub(_month_named, t)
    t = abbreviated_end(calendar_words(t), ref)  # "EOM", "EOY 2027", "CY27", "the rest of"
    t = re.sub(r"^the (?=[qh][1-4]\b)", "", t)  # "in the Q2 2027", as Welsh "yn yr" reads
    ahead = one_named_ahead(t, ref, _MONTHS)  # "this December", "the coming Q3"
    if ahead is None:
        return None
    t = ahead
    t = _year_written_out(t)
    fiscal = re.fullmatch(
        r"(?:(q[1-4]|h[12])(?: of)? )?(?:fy ?|fiscal year |fiscal )'?(\d{2}|\d{4})"
        r"|(?:fy ?|fiscal year )'?(\d{2}|\d{4}) ?(q[1-4]|h[12])",
        t,
    )
    if fiscal:
        part = fiscal[1] or fiscal[4]
        digits = fiscal[2] or fiscal[3]
        year = int(digits) + (2000 if len(digits) == 2 else 0)
        return _fiscal_end(year, part, settings.fiscal_year_start)
    this_fy = re.fullmatch(r"(?:(this|the|next) )?(?:fy|fiscal year)(?:[ -]end)?", t)
    if this_fy:  # "by the end of the fiscal year", "by FY end": the one under way (or next)
        first = settings.fiscal_year_start
        ends_in = ref.year if first == 1 or ref.month < first else ref.year + 1
        return _fiscal_end(ends_in + (this_fy[1] == "next"), None, first)
    day = named_day(t, ref, settings.retail_days)
    if day is not None:
        return day
    t = re.sub(r"^(?:fy|fiscal year )(?=\d{4}$)", "", t)
    half = re.fullmatch(
        r"(?:the )?(first|second|1st|2nd) half(?: of (?:the )?year| (?:of )?(\d{4}))?", t
    )
    if half:
        t = ("h1" if half[1] in ("first", "1st") else "h2") + (f" {half[2]}" if half[2] else "")
    nth = re.fullmatch(  # "the third quarter of 2027" is Q3 2027
        r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter"
        r"(?: of (?:the )?year| (?:of )?(\d{4}))?",
        t,
    )
    if nth:
        t = f"q{ORDINAL_QUARTERS[nth[1]]}" + (f" {nth[2]}" if nth[2] else "")
    if t in ("week", "this week", "the week", "next week"):
        end = ref + relativedelta(weekday=_rr.SU)
        return end + relativedelta(weeks=1) if t == "next week" else end
    season = re.fullmatch(r"(spring|summer|fall|autumn|winter)(?: (\d{4}))?", t)
    if season:
        last_month = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 2}[season[1]]
        year = int(season[2]) if season[2] else ref.year
        end = month_end(Date(year, last_month, 1))
        return end if season[2] or end >= ref else month_end(Date(year + 1, last_month, 1))
    if t in ("year", "y", "this year", "year end", "year-end", "yearend", "the year"):
        return Date(ref.year, 12, 31)
    if t in ("next year",):
        return Date(ref.year + 1, 12, 31)
    q_now = (ref.month - 1) // 3 + 1
    if t in ("quarter", "q", "this quarter", "the quarter", "quarter end", "quarter-end"):
        return quarter_end(ref.year, q_now)
    if t == "next quarter":
        nxt = add_months(month_start(ref), 3)
        return quarter_end(nxt.year, (nxt.month - 1) // 3 + 1)
    if t in ("month", "m", "this month", "the month", "month end", "month-end"):
        return month_end(ref)
    if t == "next month":
        return month_end(add_months(month_start(ref), 1))
    m = re.fullmatch(r"(?:year[- ]end|end of year) (\d{4})|(\d{4})(?: year[- ]end)?", t)
    if m:
        return Date(int(m[1] or m[2]), 12, 31)
    m = re.fullmatch(r"q([1-4])(?:[ -]?(?:of )?(?:fy)?(\d{4}))?", t) or re.fullmatch(
        r"(\d{4})[ -]?q([1-4])", t
    )
    if m:
        if m.re.pattern.startswith("(\\d{4})"):
            return quarter_end(int(m[1]), int(m[2]))
        q = int(m[1])
        if m[2]:
            return quarter_end(int(m[2]), q)
        end = quarter_end(ref.year, q)
        return end if end >= ref else quarter_end(ref.year + 1, q)
    m = re.fullmatch(r"h([12])(?: (\d{4}))?", t)
    if m:
        h = int(m[1])
        year = int(m[2]) if m[2] else ref.year
        end = month_end(Date(year, 6 * h, 1))
        return end if m[2] or end >= ref else month_end(Date(year + 1, 6 * h, 1))
    m = re.fullmatch(r"([a-z]+)(?: (\d{4}))?", t)
    if m and m[1] in _MONTHS:
        year = int(m[2]) if m[2] else ref.year
        end = month_end(Date(year, _MONTHS[m[1]], 1))
        return end if m[2] or end >= ref else month_end(Date(year + 1, _MONTHS[m[1]], 1))
    return None


_YEAR = LazyPattern(r"(?:(?:this|next|the) )?year|\d{4}")
_QUARTER = LazyPattern(r"q[1-4](?:[ -]?(?:of )?\d{4})?|\d{4}[ -]?q[1-4]|(?:this|next|the) quarter")


def _period_start(text: str, end: Date) -> Date | None:
    """The first day of the calendar year, quarter, half or month ``text`` names, which
    ends on ``end`` (``None``: another kind of period, its end named: "the end of Q3")."""
    t = _year_written_out(_MONTH_OF.sub(_month_named, re.sub(r"\s+", " ", text.lower().strip())))
    if _YEAR.fullmatch(t) and (end.month, end.day) == (12, 31):
        return Date(end.year, 1, 1)
    if _QUARTER.fullmatch(t):
        return add_months(month_start(end), -2)
    if re.fullmatch(r"h[12](?: \d{4})?|(?:the )?(?:first|second) half(?: of \d{4})?", t):
        return add_months(month_start(end), -5)
    month = re.fullmatch(r"([a-z]+)(?: \d{4})?", t)
    if month and month[1] in _MONTHS:
        return month_start(end)
    return None


def _day_and_month(text: str, ref: Date) -> Date | None:
    """A day and month with no year, written one way only ("30/06", "15/10": 30 and 15 are
    no month), as the next such day on or after ``ref``; ``None`` for any other text, for
    "1/3" (a fraction, or a day either way) and for "6/27" or "12/31" (the 27th of June,
    or June 2027?)."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", text)
    if m is None or text == "24/7":
        return None
    a, b = int(m[1]), int(m[2])
    if (a > 12) == (b > 12) or (b > 12 and -5 <= b - ref.year % 100 <= 10):
        return None
    day, month = (a, b) if a > 12 else (b, a)
    if day > 31:
        return None  # "1/37": no day
    try:
        when = Date(ref.year, month, day)
        return when if when >= ref else Date(ref.year + 1, month, day)
    except ValueError as exc:
        raise DateError(f'"{text}" is not a valid date: {exc}') from None


def deadline(
    text: str | Date,
    start: Date | None = None,
    *,
    today: Date | None = None,
    dayfirst: bool | None = None,
    fiscal_year_start: int = 1,
    retail_days: Any = (),
) -> Date:
    """Resolve a deadline text against ``start`` (default ``today``, default the real date).

    ``fiscal_year_start`` is the month a fiscal year starts in ("Q3 FY27" is the third
    quarter of the fiscal year that ends in 2027; 1, the default, is the calendar year);
    ``retail_days`` maps a team's own named dates ("prime day") to dates. Retail days with
    a fixed rule ("Black Friday", "Cyber Monday") need no setting. An event with its date
    ("before the product launch on 2027-03-01") is that date.

    >>> s = Date(2026, 5, 1)
    >>> deadline("within six months", start=s)
    datetime.date(2026, 11, 1)
    >>> deadline("end of Q3 2027", start=s)
    datetime.date(2027, 9, 30)
    >>> deadline("by June 30, 2027", start=s)
    datetime.date(2027, 6, 30)
    >>> deadline("next quarter", start=s)
    datetime.date(2026, 9, 30)
    """
    if isinstance(text, Date):
        return parse_date(text)
    if not isinstance(text, str):
        raise DateError(f"expected a deadline text or a date, got {text!r}")
    ref = as_date(start, field="start") or _today(as_date(today))
    t = re.sub(r"\s+", " ", text.strip().rstrip(".")).strip()
    if not t:
        raise DateError(
            "the deadline is empty", hint="write e.g. 'within 6 months' or '2027-06-30'"
        )
    pairs = retail_days.items() if isinstance(retail_days, dict) else retail_days
    settings = DateSettings(
        fiscal_year_start,
        tuple((str(k).lower(), parse_date(v)) for k, v in pairs),
    )
    body = _PREFIX.sub("", t)
    event = re.fullmatch(
        r"(?:the|our|a|an)\s+(?:[a-z'-]+\s+){1,4}?on\s+(?P<when>.*\d.*)", body, re.I
    )
    if event:  # "the product launch on 2027-03-01": that day, when it is one
        return parse_date(event["when"], dayfirst=dayfirst, today=ref)
    day = weekday_deadline(body, ref, lambda d: parse_date(d, dayfirst=dayfirst, today=ref))
    if day is not None:  # "by Friday", "Friday next week"; "before Friday" ends on Thursday
        return day - _dt.timedelta(days=1) if re.match(r"before\s", t, re.I) else day
    within_the_period(  # "within the month": the end of this month, or a month on?
        body,
        ref,
        lambda words: _period_end(words, ref, settings),
        lambda words: ref + parse_duration(words),
    )
    following = next_period(  # "during next quarter": to its end; "within next month"?
        body,
        ref,
        lambda words: _period_end(words, ref, settings),
        lambda words: ref + parse_duration(words),
    )
    if following is not None:
        return following
    m = _WITHIN.match(body)
    explicit = body.lower().startswith(("within", "in ", "over", "during", "for "))
    if m and (
        (m["n"] is None and explicit)
        or (m["n"] is not None and (m["n"].lower() in _NUMBER_WORDS or m["n"][0].isdigit()))
    ):
        try:
            return ref + parse_duration(f"{m['n'] or 1} {m['unit']}")
        except (ValueError, OverflowError):
            raise DateError(f"the deadline {text!r} falls outside the years 1 to 9999") from None
    end = _period_end(body, ref, settings)
    if end is not None:
        if re.match(r"before\s", t, re.IGNORECASE):
            first = _period_start(body, end)
            if first is not None:  # "before 2028" ends when 2028 begins
                if first <= ref and not re.search(r"\d{4}|^(?:this|the|next)\b", body, re.I):
                    first = add_months(first, 12)  # "before September", in September: the next
                return first - _dt.timedelta(days=1)
        return end
    try:
        return parse_date(body, dayfirst=dayfirst, today=ref)
    except DateError as exc:
        if not exc.message.startswith("cannot read"):
            raise  # ambiguous or impossible dates say so themselves
    day = _day_and_month(body, ref)  # "by 30/06", "by 12/31": one way only, the next one
    if day is not None:
        return day
    inside = _IN_A_DAY.match(body)
    if inside is not None:  # "in March 15", as Tagalog "sa Marso 15" reads: that day
        try:  # (it read the end of March, the 15 set aside)
            return parse_date(body[inside.end() :], dayfirst=dayfirst, today=ref)
        except DateError as exc:
            if not exc.message.startswith("cannot read"):
                raise
    raise DateError(
        f"cannot read a deadline from {text!r}",
        hint="write e.g. 'within 6 months', 'by 2027-06-30' or 'end of Q3 2027'",
    )
