"""A change a goal statement measures against the same period a year before ("20% YoY",
"up 20% on last year", "15% more than the same period last year"): its base is the level a
year before the deadline (or the same period's total, for a flow), which the statement does
not give, never today's level. It read as a change from today before; now it is no target,
with a note. Month over month is a rate a month, and read as one (see
:mod:`goalrules.model.wording`)."""

from __future__ import annotations

import re

from goalrules.model.amounts import Amount

__all__ = [
    "YEAR_AGO",
    "mark_period_over_period",
    "mark_year_over_year",
    "year_over_year",
    "year_over_year_at",
]

#: the word a comparison with a year before is marked with, once the wording is prepared
YEAR_AGO = "yearonyear"

_LAST_YEAR = (
    r"(?:the\s+same\s+(?:period|time|month|quarter|week|season)\s+(?:of\s+|in\s+)?)?"
    r"(?:last|the\s+previous|the\s+prior|previous|prior)\s+year"
    r"(?!'?s?\s*[\d$€£¥₹¤])(?:'s)?"  # ("up from last year's 5,000": a level, the baseline)
)
_YEAR_OVER_YEAR = re.compile(
    r"\b(?:year\s+(?:over|on|to)\s+year|yoy|y\s*/\s*y|y\s+o\s+y"
    rf"|(?:vs\.?|versus|compared\s+(?:to|with)|against|on|than|from)\s+(?:the\s+)?{_LAST_YEAR}"
    rf"|over\s+{_LAST_YEAR}"  # ("over the last year" is a length of time)
    r"|(?:vs\.?|versus|compared\s+(?:to|with)|against|over|on)\s+ly"
    # "in 2027 vs 2026", "20% in 2027 over 2026": against the year before, by its number
    r"|(?:vs\.?|versus|compared\s+(?:to|with)|against)\s+(?:19|20|21)\d\d"
    r"|(?<=(?:19|20|21)\d\d\s)over\s+(?:19|20|21)\d\d)\b(?!\s*/)",
    re.I,
)
# "10% vs last month", "15% compared to the previous quarter": against the period before,
# a rate a period as "10% MoM" is (it read +10 % of today's level, no note)
_PERIOD_OVER_PERIOD = re.compile(
    r"(?:(?<=%)|(?<=\bpercent)|(?<=\bper cent))(?P<between>(?:\s+[a-z]+){0,3}?)\s+"
    r"(?:(?:vs\.?|versus|compared\s+(?:to|with)|against|on|than)\s+(?:the\s+)?|over\s+)"
    r"(?:last|the\s+previous|the\s+prior|previous|prior)\s+(?P<unit>week|month|quarter)\b"
    r"(?!'?s?\s*[\d$€£¥₹¤])",  # ("up from last month's 5,000": a level, the baseline)
    re.I,
)
_CLAUSE = re.compile(r"[.;:!?]\s|[.;:!?]$|\n")


def mark_year_over_year(text: str) -> str:
    """``text`` with each comparison with a year before written :data:`YEAR_AGO` (it was
    dropped, and "20% YoY" read as +20 % of today's level)."""
    return _YEAR_OVER_YEAR.sub(f" {YEAR_AGO} ", text)


def mark_period_over_period(text: str) -> str:
    """``text`` with a change against the period before ("10% vs last month") written
    as a rate that period ("10% a month"), as "10% MoM" is."""
    return _PERIOD_OVER_PERIOD.sub(lambda m: f" a {m['unit'].lower()}{m['between']}", text)


def year_over_year(text: str, low: str, a: Amount, relative: bool) -> str | None:
    """Why a change ``a`` against a year before is no target (``None`` when its clause
    compares with no year before, or ``a`` is a level: "reach 10,000, up 20% YoY")."""
    if not (relative or a.percent or a.points or a.multiple or a.sign):
        return None
    return year_over_year_at(low, a.start, a.end, text[a.start : a.end].strip())


def year_over_year_at(low: str, start: int, end: int, said: str) -> str | None:
    """Why the change ``said`` (at ``start:end`` of ``low``: "20%", "double") is no
    target when its clause compares with a year before, else ``None``."""
    begin = max((m.end() for m in _CLAUSE.finditer(low, 0, start)), default=0)
    stop = _CLAUSE.search(low, end)
    if YEAR_AGO not in low[begin : stop.start() if stop else len(low)]:
        return None
    return (
        f'"{said}" is year over year: a change against the same period a year before, not '
        "against today's level, so the target rests on a figure the statement does not "
        'give and is not read; write the level to reach (e.g. "to 12,000 followers") or the '
        'change from today ("+20% from today")'
    )
