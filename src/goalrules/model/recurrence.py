"""Recurring and tiered targets.

A goal **recurs** when its target is set for every period ("50 leads a month", "every
month", "each quarter"): each calendar period is judged on its own, with the required
path pro-rated inside it. A goal may have **tiers** (``base``, ``target``, ``stretch``),
each a target of its own, judged with its own chance and pace.

In a workspace file::

    [[goal]]
    id = "leads"
    statement = "50 leads a month from LinkedIn"
    recurs = "month"                       # or read from the statement
    tiers = {base = "40 leads", target = "50 leads", stretch = "65 leads"}

>>> read_recurrence("50 leads a month from LinkedIn").period
'month'
>>> read_recurrence("Double our followers within a month") is None
True
>>> period_of(dt.date(2026, 5, 17), "quarter")
(datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from goalrules.errors import GoalRulesError
from goalrules.patterns import LazyPattern

__all__ = [
    "PERIODS",
    "TIERS",
    "Recurrence",
    "Tier",
    "period_of",
    "periods_between",
    "prorated",
    "read_recurrence",
    "read_tiers",
    "recurrence_words",
]

Date = dt.date
PERIODS = ("week", "month", "quarter", "year")
TIERS = ("base", "target", "stretch")
MONTHS = {"week": 12 / 52.1775, "month": 1.0, "quarter": 3.0, "year": 12.0}

_ALIASES = {
    "week": "week", "weekly": "week", "weeks": "week",
    "month": "month", "monthly": "month", "months": "month",
    "quarter": "quarter", "quarterly": "quarter", "quarters": "quarter",
    "year": "year", "yearly": "year", "annually": "year", "annual": "year", "years": "year",
}  # fmt: skip
_P = r"(week|month|quarter|year)"
# "every month", "each quarter" recur; a rate, "50 leads a month", "100 followers per
# week", recurs when the statement has no deadline (with one, it is a level to reach by
# then); "within a month", "in a year" are deadlines, never a recurrence
_EVERY = LazyPattern(rf"\b(?:every|each)\s+{_P}\b", re.IGNORECASE)
# ("50 leads monthly", "50 monthly leads", "50 leads/month" are rates too: they were not
# read, though the statement's target was read as 50 leads a month; "the" is not counted
# among the words between: Greek "από το LinkedIn ανά εβδομάδα" reads "from the LinkedIn")
_RATE = LazyPattern(
    rf"\b\d[\d,.]*\s*[kKmM]?\s*%?(?:\s+(?:the\s+)?[a-z]+){{0,3}}?\s*(?:(?<![a-z])|(?=/))"
    rf"((?:a|an|per)\s+{_P}|/\s*{_P}|(week|month|quarter|year)ly|annual(?:ly)?)\b"
    r"(?!\s+active\b)",  # ("5,000 monthly active users": a level, the users of a month)
    re.IGNORECASE,
)
_BARE = LazyPattern(r"(?:(?:every|each|per|a|an)\s+)?([a-z]+)", re.IGNORECASE)
_DEADLINE_WORDS = LazyPattern(
    r"\b(within|in|for|after|by|over|inside|next|last|this)\s+(a|an|per)\s+\w+$", re.IGNORECASE
)


@attrs.frozen
class Recurrence:
    """A target set for every ``period`` (``week``, ``month``, ``quarter``, ``year``)."""

    period: str = attrs.field()
    words: str = ""

    @period.validator
    def _known(self, _: Any, value: str) -> None:
        if value not in PERIODS:
            raise GoalRulesError(
                f"{value!r} is not a period (one of {', '.join(PERIODS)})", field="recurs"
            )

    @classmethod
    def parse(cls, value: Any) -> Recurrence:
        """From a workspace's ``recurs`` ("month", "monthly", "every quarter")."""
        text = str(value).strip().lower()
        text = re.sub(r"^(every|each|per|a|an)\s+", "", text)
        if text not in _ALIASES:
            raise GoalRulesError(
                f"{value!r} is not a period (one of {', '.join(PERIODS)}, or 'every month')",
                field="recurs",
            )
        return cls(_ALIASES[text], str(value))


def read_recurrence(text: str | None, *, deadline: bool = False) -> Recurrence | None:
    """The recurrence a statement says, or ``None``: "every month", "each quarter"; or a
    rate ("50 leads a month", "50 leads monthly", "50 leads/month") in a statement
    without a deadline (``deadline``: it has one). A deadline such as "within a month" is
    never a recurrence. A period alone ("month", "monthly", "every quarter") is that
    period, as a workspace's ``recurs`` reads it; a statement in another language is read
    in the English its language pack gives ("200 leads kada buwan": a month), so a goal
    recurs whatever language it is written in."""
    if not text:
        return None
    bare = _BARE.fullmatch(text.strip())
    if bare is not None and bare[1].lower() in _ALIASES:
        return Recurrence(_ALIASES[bare[1].lower()], text.strip())
    found = _read(text, deadline)
    if found is not None or not _maybe_other_language(text):
        return found
    return _read(_in_english(text), deadline)


def _read(text: str, deadline: bool) -> Recurrence | None:
    """:func:`read_recurrence` of a statement in English."""
    m = _EVERY.search(text)
    if m:
        return Recurrence(m[1].lower(), m[0])
    if deadline:
        return None
    for m in _RATE.finditer(text):
        if not _DEADLINE_WORDS.search(m[0]):  # the words kept: the period ("a month")
            period = next((g for g in m.groups()[1:] if g), "year")  # ("annual", "annually")
            return Recurrence(period.lower(), m[1])
    return None


# (English words a pack's period phrases share: no sign of another language)
_ENGLISH = frozenset({"year", "quarter", "fiscal"})


@functools.cache
def _period_tokens() -> frozenset[str]:
    """The words of other languages' phrases that name a period or "every" ("buwan",
    "bob", "mis"): a statement in Latin script without one reads the same in English.
    (The packs' own words: Babel's month names name no period, and loading them would
    import Babel for every English statement.)"""
    from goalrules.vocabulary.languages import language_packs

    said = re.compile(r"\b(?:week|month|quarter|year|every|daily|annual)", re.I)
    return frozenset(
        token
        for code, pack in language_packs().items()
        if code != "en"
        for phrase, english in pack.own_words.items()
        if said.search(english)
        for token in re.findall(r"[a-z]{3,}", phrase)
        if token not in _ENGLISH
    )


def _maybe_other_language(text: str) -> bool:
    """Whether ``text`` may be in another language and say a period in its words (so
    that detecting its language, which takes far longer than reading it, is worth it)."""
    if not text.isascii():
        return True
    return not _period_tokens().isdisjoint(re.findall(r"[a-z]{3,}", text.lower()))


@functools.lru_cache(maxsize=4096)
def _in_english(text: str) -> str:
    """``text`` in the English its language pack gives (as it is when English, or in a
    language goalrules does not read)."""
    from goalrules.vocabulary.languages import detect_language, language_packs

    found = detect_language(text)
    if not found.supported or found.code == "en":
        return text
    return language_packs()[found.code].to_english(text)


def recurrence_words(
    text: str, *, deadline: bool = False, said: str | None = None
) -> dict[str, str]:
    """``{"recurs": words}`` when a statement (in English, as the reader prepared it)
    says its target recurs (for the reader's record of what it understood), else ``{}``.
    With ``said``, the statement's own words: a rate the preparing wrote ("10% compared
    with last month" is prepared as "10% a month", a change against the month before) is
    no recurrence the statement says."""
    found = _read(text, deadline)
    if found is None or (said is not None and found.words.lower() not in said.lower()):
        return {}
    return {"recurs": found.words}


def period_of(day: Date, period: str) -> tuple[Date, Date]:
    """The calendar period containing ``day``: first and last day (weeks start on
    Monday)."""
    if period == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if period == "month":
        start = day.replace(day=1)
    elif period == "quarter":
        start = Date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    elif period == "year":
        start = Date(day.year, 1, 1)
    else:
        raise GoalRulesError(f"{period!r} is not a period", field="recurs")
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = start.month - 1 + months
    following = Date(start.year + index // 12, index % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def periods_between(start: Date, end: Date, period: str) -> list[tuple[Date, Date]]:
    """The calendar periods from the one containing ``start`` to the one containing
    ``end``, in order."""
    out = []
    day = start
    while day <= end:
        first, last = period_of(day, period)
        out.append((first, last))
        day = last + dt.timedelta(days=1)
    return out


def prorated(amount: float, first: Date, last: Date, day: Date) -> float:
    """The share of a period's ``amount`` due by the end of ``day`` (linear in days)."""
    days = (last - first).days + 1
    done = min(max((day - first).days + 1, 0), days)
    return amount * done / days


@attrs.frozen
class Tier:
    """One tier of a target: its name (``base``, ``target``, ``stretch``) and target."""

    name: str
    target: str


def read_tiers(value: Mapping[str, Any] | None) -> tuple[Tier, ...]:
    """Tiers from a workspace's ``tiers`` table, in the order base, target, stretch."""
    if not value:
        return ()
    if not isinstance(value, Mapping):
        raise GoalRulesError("tiers must be a table: {base = ..., target = ..., stretch = ...}",
                             field="tiers")  # fmt: skip
    unknown = [k for k in value if k not in TIERS]
    if unknown:
        raise GoalRulesError(
            f"unknown tier {unknown[0]!r} (tiers are {', '.join(TIERS)})", field="tiers"
        )
    return tuple(Tier(name, str(value[name])) for name in TIERS if name in value)
