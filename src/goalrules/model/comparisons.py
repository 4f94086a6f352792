"""A change a goal statement measures against the same period a year before ("20% YoY",
"up 20% on last year", "15% more than the same period last year"): its base is the level a
year before the deadline (or the same period's total, for a flow), which the statement does
not give, never today's level. It read as a change from today before; now it is no target,
with a note. Month over month is a rate a month, and read as one (see
:mod:`goalrules.model.wording`)."""

from __future__ import annotations

import re

from goalrules.model.amounts import Amount
from goalrules.model.target_words import words_before, words_of
from goalrules.patterns import LazyPattern

__all__ = [
    "PERIOD_BEFORE",
    "YEAR_AGO",
    "mark_named_period_base",
    "mark_period_over_period",
    "mark_year_over_year",
    "past_levels",
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
_YEAR_OVER_YEAR = LazyPattern(
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
_PERIOD_OVER_PERIOD = LazyPattern(
    r"(?:(?<=%)|(?<=\bpercent)|(?<=\bper cent))(?P<between>(?:\s+[a-z]+){0,3}?)\s+"
    r"(?:(?:vs\.?|versus|compared\s+(?:to|with)|against|on|than)\s+(?:the\s+)?|over\s+)"
    r"(?:last|the\s+previous|the\s+prior|previous|prior)\s+(?P<unit>week|month|quarter)\b"
    r"(?!'?s?\s*[\d$€£¥₹¤])",  # ("up from last month's 5,000": a level, the baseline)
    re.I,
)
_CLAUSE = LazyPattern(r"[.;:!?]\s|[.;:!?]$|\n")

#: the word a comparison with a period the statement names is marked with
PERIOD_BEFORE = "namedperiodbase"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_NAMED = (
    rf"(?:q[1-4]|h[12]|{_MONTHS}|fy\s?'?\d\d(?:\d\d)?"
    r"|(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half))"
    r"(?:\s+(?:of\s+)?'?(?:(?:19|20|21)\d\d|\d\d))?"
)
# "20% compared to Q1", "20% more leads than in 2025", "vs. March", "over the 2025
# baseline", "15% over 2025 by Q4": a change against a period the statement names, whose
# level it does not give (it read a change from today's level, without a word)
_NAMED_PERIOD_BASE = LazyPattern(
    r"\b(?:(?:vs\.?|versus|compared\s+(?:to|with)|against|relative\s+to|than(?:\s+(?:in|during))?)"
    rf"\s+(?:the\s+)?(?:{_NAMED}|(?:19|20|21)\d\d)\b(?:'s)?"
    # (a year, never an amount: "lose no more than 1900%", "than 2000 followers")
    r"(?![.,]?\d|\s?(?:%|percent|per\s?cent|[km]\b)"
    r"|\s+(?!(?:levels|figures|results|numbers|totals|years|months)\b)[^\W\d_]+s\b)"
    r"|over\s+(?:the\s+)?(?:19|20|21)\d\d(?:'s)?\s+(?:baseline|levels?|figures?|results?|numbers?"
    r"|totals?)"
    r"|over\s+(?:19|20|21)\d\d(?=\s+(?:by|before|until)\b))\b"
    r"(?:\s+(?:baseline|levels?|figures?|results?|numbers?|totals?)\b)?",
    re.I,
)


def mark_year_over_year(text: str) -> str:
    """``text`` with each comparison with a year before written :data:`YEAR_AGO` (it was
    dropped, and "20% YoY" read as +20 % of today's level)."""
    return _YEAR_OVER_YEAR.sub(f" {YEAR_AGO} ", text)


def mark_named_period_base(text: str) -> str:
    """``text`` with each comparison with a period it names ("20% compared to Q1", "than
    in 2025") written :data:`PERIOD_BEFORE`: the change is counted from that period's
    level, not today's."""
    return _NAMED_PERIOD_BASE.sub(f" {PERIOD_BEFORE} ", text)


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
    clause = low[begin : stop.start() if stop else len(low)]
    if PERIOD_BEFORE in clause and YEAR_AGO not in clause:
        return (
            f'"{said}" is counted from the level of a period the statement names (as in '
            '"compared to Q1", "than in 2025"), not from today\'s, so the target rests on a '
            "figure the statement does not give and is not read; write the level to reach "
            '(e.g. "to 12,000 followers") or the change from today ("+20% from today")'
        )
    if YEAR_AGO not in clause:
        return None
    return (
        f'"{said}" is year over year: a change against the same period a year before, not '
        "against today's level, so the target rests on a figure the statement does not "
        'give and is not read; write the level to reach (e.g. "to 12,000 followers") or the '
        'change from today ("+20% from today")'
    )


# "from last year's 5,000", "up from last month's 300": the level of a period gone, not
# today's (dropped as the start without a word, or read as it)
_PAST_LEVEL = LazyPattern(
    r"\b(?:up\s+|down\s+)?from\s+(?P<whose>(?:the\s+)?(?:last|previous|prior)\s+"
    r"(?:year|quarter|month|week))(?:'s|s')?(?:\s+(?:level|total|figure|number)\s+of)?\s*$"
)


_MULTIPLIED = LazyPattern(
    r"\b(?:doubl|tripl|quadrupl|halv)(?:e[sd]?|ing)\b|\bin half\b|\bby half\b"
)


def past_levels(text: str, low: str, amounts: list[Amount]) -> tuple[list[Amount], str, list[str]]:
    """``amounts`` without a level of a period gone ("from last year's 5,000 to 8,000": not
    where the goal starts, which is today) and without a change counted from it ("by 20%
    from last year's 5,000", "double ... from last year's 5,000": not from today's level),
    ``low`` with the words of such a multiple blanked, and the notes saying so."""
    past = [a for a in amounts if _PAST_LEVEL.search(low, max(0, a.start - 60), a.start)]
    if not past:
        return amounts, low, []
    notes = []
    for a in past:
        whose = _PAST_LEVEL.search(low, max(0, a.start - 60), a.start)
        period = " ".join(whose["whose"].split()) if whose else "a period gone"
        notes.append(
            f"\"{words_of(text, low, a)}\" is {period}'s level, not today's, so it is not "
            "taken as where the goal starts"
        )
    rest = [a for a in amounts if a not in past]
    changes = [
        a
        for a in rest
        if a.percent or a.points or a.multiple or a.sign or words_before(low, a, 1) == "by"
    ]
    notes.extend(
        f'"{words_of(text, low, a)}" is counted from a level of the past, not from today\'s, '
        "so it is not read as the target: write the level to reach"
        for a in changes
    )
    for a in past:  # "double followers from last year's 5,000": 10,000, not x2 of today
        begin = max((m.end() for m in _CLAUSE.finditer(low, 0, a.start)), default=0)
        for m in _MULTIPLIED.finditer(low, begin, a.start):
            notes.append(
                f'"{text[m.start() : m.end()]}" is counted from a level of the past, not from '
                "today's, so it is not read as the target: write the level to reach"
            )
            low = low[: m.start()] + " " * (m.end() - m.start()) + low[m.end() :]
    return [a for a in rest if a not in changes], low, notes
