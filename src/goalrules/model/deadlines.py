"""The deadline of a goal statement: the first phrase that reads as one.

The reader looks for a deadline first, so that a date's digits are not read as an amount.
Each place a deadline phrase may begin ("by", "within", "in", "before"...) is tried with
the longest run of words from there that ends in a time word or a number; a run with no
time word and no date-like number is not tried at all, so reading stays linear in the
length of the text. A phrase that names a date that cannot be ("February 30", "in 99
years") is returned without a date: not understood, and not read again as an amount.
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from goalrules.dates import DateSettings
from goalrules.model.deadline_phrases import (
    LENGTH_PHRASE,
    Deadline,
    first_deadline,
    read_deadline,
)
from goalrules.model.deadline_words import FULL_DATE, PERIOD_WORD
from goalrules.model.hijri_dates import find_hijri
from goalrules.patterns import LazyPattern

__all__ = ["PERIOD_WORD", "Deadline", "find_deadline"]

Date = _dt.date

#: the words that lead a phrase that is the deadline, whatever else the text dates
_DUE = LazyPattern(r"(?:by|before|until|till|no later than|deadline|due)\b", re.I)
_A_YEAR = LazyPattern(r"(?:in|during|for)\s+((?:19|20|21)\d\d)", re.I)


# "starting in March", "beginning 2 months from now": when the goal starts, not when it
# is due (read as the deadline before, and "2 months" as a baseline of 2)
_STARTING = LazyPattern(r"\b(?:starting|beginning|commencing|effective|kicking\s+off)\s+", re.I)
# the words that may join a start word to its date: "starting at the beginning of
# September", "starting from Q3", "effective on 1 September 2026", "starting as of June"
# (the date was not read as a start, and "within 3 months" counted from the goal's start)
_START_LINK = LazyPattern(
    r"(?:(?:at|from|on|as\s+of)\s+)?(?:the\s+)?(?:(?:very\s+)?(?:start|beginning)\s+of\s+"
    r"(?:the\s+)?)?",
    re.I,
)
# "from September onwards", "as of Q3," opening the statement: when the goal starts
_FROM_ON = LazyPattern(
    r"\b(?:from|as\s+of)\s+(?:the\s+)?(?:(?:very\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?)?",
    re.I,
)
_ONWARDS = LazyPattern(r"\s*(?:onwards?|forwards?|on)\b", re.I)
# a word after a number that says it counts something ("2000 followers"), not a year
_COUNTED = LazyPattern(r"\s*(?!onwards?\b|forwards?\b|on\b)[^\W\d_]", re.I)
_OPENING = LazyPattern(r"(?:^|[.;:!?])\s*$")


def find_deadline(
    text: str, start: Date, response: bool, settings: DateSettings
) -> Deadline | None:
    """The deadline phrase of ``text`` (see :func:`_dated`). A date of the Hijri calendar
    ("by the end of 1448 AH", "menjelang Syawal") is not read (see
    :mod:`goalrules.model.hijri_dates`): with no other deadline phrase, the goal has none;
    beside one, that one is the deadline. Either way a note says so, and the Hijri date's
    words are no amount."""
    hijri = find_hijri(text)
    if hijri is None:
        return _dated(text, start, response, settings)
    a, b = hijri.start, hijri.end
    due = _dated(text[:a] + " " * (b - a) + text[b:], start, response, settings)
    if due is None or due.when is None:
        notes = due.notes if due is not None else ()
        return Deadline(None, hijri.words, a, b, notes=(*notes, hijri.note))
    return attrs.evolve(due, notes=(*due.notes, hijri.note), others=(*due.others, (a, b)))


def _dated(text: str, start: Date, response: bool, settings: DateSettings) -> Deadline | None:
    """The deadline phrase of ``text`` (see :func:`_due`), with a phrase that says when
    the goal starts ("starting in March") set aside with a note: it is no deadline, and
    its numbers are no amounts (the span is in ``others``)."""
    starts: list[tuple[int, int]] = []
    said: list[str] = []
    for a, b in _start_phrases(text, start, response, settings):
        starts.append((a, b))
        said.append(
            f'"{text[a:b]}" says when the goal starts, not when it is due: it is not read as '
            "the deadline"
        )
    if not starts:
        return _unknown_after(text, _due(text, start, response, settings)) or _unread_lead(text)
    for a, b in starts:
        text = text[:a] + " " * (b - a) + text[b:]
    due = _due(text, start, response, settings)
    if due is None:
        a, b = starts[0]
        return Deadline(None, "", a, a, notes=tuple(said), others=tuple(starts))
    if due.when is not None and LENGTH_PHRASE.match(due.words):
        # "Starting next quarter, double followers within 6 months": 6 months from a start
        # the statement moves, not from the goal's
        said.append(
            f'"{due.words}" counts from when the goal starts, which the statement sets apart: '
            "write the date it is due, e.g. 'by 2027-06-30'"
        )
        due = attrs.evolve(due, when=None)
    due = attrs.evolve(due, notes=(*said, *due.notes), others=(*due.others, *starts))
    return _unknown_after(text, due)


def _start_phrases(
    text: str, start: Date, response: bool, settings: DateSettings
) -> list[tuple[int, int]]:
    """The spans of the phrases of ``text`` that say when the goal starts: a start word and
    the date it leads to ("starting in March", "starting at the beginning of September",
    "effective 1 September 2026"), and a date from which the goal runs ("from September
    onwards", "As of Q3, ...")."""
    spans: list[tuple[int, int]] = []
    for m in _STARTING.finditer(text):
        link = _START_LINK.match(text, m.end())
        end = _dated_from(text, m.start(), link.end() if link else m.end(), start, settings)
        if end is not None:
            spans.append((m.start(), end))
    for m in _FROM_ON.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        pair = first_deadline(text, start, response, settings, begin=m.start(), quote_dates=False)
        if pair is not None and pair.start == m.start():
            continue  # "from Q1 to Q2 2027": a period the goal runs through, with its end
        end = _dated_from(text, m.start(), m.end(), start, settings)
        if end is None:
            continue
        onwards = _ONWARDS.match(text, end)
        if onwards is not None:
            spans.append((m.start(), onwards.end()))
        elif _OPENING.search(text, 0, m.start()) and text[end:].lstrip().startswith(","):
            spans.append((m.start(), end))
    return spans


def _dated_from(
    text: str, at: int, date_at: int, start: Date, settings: DateSettings
) -> int | None:
    """Where the date that begins at ``date_at`` ends, when the words from ``at`` to it
    lead to it ("starting at the beginning of", "from"); ``None`` when no date begins
    there. A date led by a deadline word is read as written ("starting in March"); one
    led by other words is read with a "by" in their place ("starting September",
    "starting at the beginning of September"). The date is only placed, never the
    deadline."""
    if date_at == at or date_at - at < 3:
        return None
    phrase = first_deadline(text, start, False, settings, begin=date_at, quote_dates=False)
    if phrase is not None and phrase.start == date_at:
        return phrase.end
    probe = text[:at] + " " * (date_at - at - 3) + "by " + text[date_at:]
    begin = date_at - 3
    phrase = first_deadline(probe, start, False, settings, begin=begin, quote_dates=False)
    if phrase is None or phrase.start != begin:
        return None
    if probe[begin + 3 : phrase.end].strip().isdigit() and _COUNTED.match(text, phrase.end):
        return None  # "starting at 2000 followers": a number of something, not a year
    return phrase.end


# a word of Greek or Arabic script a language pack left as written: it does not know it
# (after the pack's "the" or "of": "by june the επομενου year")
_UNREAD_WORD = LazyPattern(
    r"(?:\s+(?:the|of|from|in))*\s*([\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff]+"
    # "by the end of the year next" (Malay "hujung tahun depan" as the pack left it): a
    # word of time after the deadline it changes
    r"|(?<=\s)(?:next|coming|following|previous|last)\b(?!\s+(?:\d|[a-z]+\s+\d)))",
    re.I,
)


# "within الربع", "by τέλη": a word that leads a deadline, then one a language pack left as
# written (the deadline was dropped without a word)
_LEAD_UNREAD = LazyPattern(
    r"\b(?:within|by|before|until|till|through)\s+(?:(?:the|next|of|end)\s+)*"
    r"[\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff]+(?:\s+[^\s,;.]+){0,2}",
    re.I,
)


def _unread_lead(text: str) -> Deadline | None:
    """No deadline, with a note, when a word that leads one is followed by words a
    language pack does not know ("within الربع"); ``None`` otherwise."""
    m = _LEAD_UNREAD.search(text)
    if m is None:
        return None
    said = (
        f'"{m.group(0)}" says when in words goalrules does not know, so the goal has no '
        "deadline; write e.g. 'by 2027-06-30' or 'within 6 months'"
    )
    return Deadline(None, m.group(0), m.start(), m.end(), notes=(said,))


def _unknown_after(text: str, due: Deadline | None) -> Deadline | None:
    """``due``, or no deadline with a note when a word the language pack does not know
    follows it ("by the end of the year المقبل": next year's, or this one's?)."""
    if due is None or due.when is None:
        return due
    after = _UNREAD_WORD.match(text, due.end)
    if after is None:
        return due
    words = text[due.start : after.end()]
    said = (
        f'"{words}" ends in a word goalrules does not know ("{after[1]}"), which may change '
        "the date: the deadline is not read; write e.g. 'by 2027-06-30'"
    )
    return attrs.evolve(due, when=None, words=words, end=after.end(), notes=(*due.notes, said))


def _due(text: str, start: Date, response: bool, settings: DateSettings) -> Deadline | None:
    """The deadline phrase of ``text`` (see :func:`first_deadline`). When a second
    phrase names another date ("5,000 in 2026, target 8,000 by June 2027", "this year
    get 1,000 by December 2027"), the one led by "by", "before", "until"... is the
    deadline, with a note; when both or neither are, the text has no deadline, with a
    note naming both. The other phrase's span is in ``others`` (its words are no
    amount)."""
    first = first_deadline(text, start, response, settings)
    if first is None or first.when is None:
        return first
    later = first_deadline(text, start, response, settings, begin=first.end, quote_dates=False)
    if later is None or later.when is None or later.when == first.when:
        return first
    due_first, due_later = _DUE.match(first.words), _DUE.match(later.words)
    if bool(due_first) != bool(due_later):
        kept, other = (first, later) if due_first else (later, first)
        year = _A_YEAR.fullmatch(other.words)
        if year is not None and not FULL_DATE.search(kept.words):
            # "In 2027, grow ... by the end of Q2": the end of Q2 of 2027 (a year that
            # is past, "5,000 in 2025, ... by December", says what was)
            when, _ = read_deadline(f"{kept.words} {year[1]}", start, settings)
            if when is not None and when >= start:
                return attrs.evolve(kept, when=when, others=((other.start, other.end),))
        said = (
            f'"{kept.words}" is read as the deadline ({kept.when}), not "{other.words}" '
            f"({other.when})"
        )
        return attrs.evolve(kept, notes=(*kept.notes, said), others=((other.start, other.end),))
    return Deadline(
        None,
        first.words,
        first.start,
        first.end,
        notes=(
            f'"{first.words}" ({first.when}) and "{later.words}" ({later.when}) name two '
            "deadlines, so neither is read; write the one the goal is judged by",
        ),
        others=((later.start, later.end),),
    )
