"""Words of time of another language in a statement read as English: "Grow our IG
followers by 20% ngayong taon" (Taglish: this year), "before hujung tahun" (Manglish:
the end of the year), "by katapusan ng taon". The statement's English words are the
most, so it is read as English, and the words that say when were dropped without a
note: the goal had no deadline and nothing said why. Now a note quotes them and says
which language writes them (they are not read: a word of one language in a sentence
of another is not translated by guess)."""

from __future__ import annotations

import functools
import re

from goalrules import plugins
from goalrules.vocabulary.languages import fold, language_packs

__all__ = ["foreign_period_note", "foreign_time_note"]

# what a pack's translation says when it names a time or a deadline
_TIME = re.compile(
    r"\b(?:years?|months?|weeks?|days?|quarters?|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|christmas|easter|within|by|before|until"
    r"|end of)\b"
)


# what a pack's translation says when it names the period of an amount ("sebulan": a
# month; "kada buwan": every month), not when the goal is due
_PERIOD = re.compile(
    r"(?:a|an|every|per|each|once a)\s+(?:day|week|month|quarter|year)|daily|weekly|monthly"
    r"|quarterly|yearly"
)

_LENGTH_BEFORE = re.compile(r"\b(?:in|within|for|over|after|during|sa|ng|loob)\s*$", re.I)


@functools.cache
def _time_words(
    read_in: str, periods: bool = False
) -> tuple[dict[str, list[str]], dict[str, tuple[str, str]]]:
    """The words of time of the packs other than ``read_in`` (folded), by their first
    character, longest first; and each one's language and English: those that say when,
    or with ``periods`` those that name the period of an amount."""
    table: dict[str, tuple[str, str]] = {}
    for code, pack in language_packs().items():
        if code in (read_in, "en"):
            continue
        for phrase, english in pack.own_words.items():
            period = bool(_PERIOD.fullmatch(english))
            if phrase == english.lower() or period != periods:
                continue
            if not (period or _TIME.search(english)):
                continue
            if " " in phrase or len(phrase) >= 4:  # ("mac", "jun": English words too)
                table.setdefault(phrase, (pack.name, english))
                # ("araw-araw" as the reader has it, its hyphen a space)
                table.setdefault(phrase.replace("-", " "), (pack.name, english))
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(table, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    return by_first, table


plugins.on_reset(_time_words.cache_clear)


def _is_word(ch: str) -> bool:
    """``ch`` is a character of a word, as a pattern's ``\\w`` reads it."""
    return ch.isalnum() or ch == "_"


def _first_phrase(text: str, by_first: dict[str, list[str]]) -> tuple[int, str] | None:
    """The first of the phrases standing as whole words in ``text``: at the leftmost
    place one starts, the longest. (A scan of the places that begin a word rather than
    one pattern of every phrase: the pattern, of several hundred phrases, took longer to
    compile than the statement took to read.)"""
    for start, ch in enumerate(text):
        phrases = by_first.get(ch)
        if phrases is None or (start and _is_word(text[start - 1])):
            continue
        for phrase in phrases:
            end = start + len(phrase)
            if text.startswith(phrase, start) and not (end < len(text) and _is_word(text[end])):
                return start, phrase
    return None


def foreign_time_note(text: str, read_in: str) -> str | None:
    """The note for the first words of time of another language in ``text`` (read in the
    language ``read_in``), or ``None`` when it has none."""
    by_first, table = _time_words(read_in)
    folded = _without_periods(fold(text), read_in)  # ("kada buwan": a period, no date)
    found = _first_phrase(folded, by_first)
    if found is None:
        return None
    start, phrase = found
    language, english = table[phrase]
    written = text[start : start + len(phrase)]
    return (
        f'"{written}" is {language} for "{english}", which a statement read as English does '
        "not read, so the goal has no deadline: write it in English, e.g. 'by 2027-06-30', or "
        f"the whole statement in {language}"
    )


def _without_periods(folded: str, read_in: str) -> str:
    """``folded`` with the words of another language that name a period blanked (not a
    length of time: "in isang buwan", within a month)."""
    by_first, _ = _time_words(read_in, periods=True)
    kept = folded
    while (found := _first_phrase(folded, by_first)) is not None:
        start, phrase = found
        blank = " " * len(phrase)
        folded = folded[:start] + blank + folded[start + len(phrase) :]
        if not _LENGTH_BEFORE.search(kept[:start]):
            kept = kept[:start] + blank + kept[start + len(phrase) :]
    return kept


def foreign_period_note(text: str, read_in: str, at: int) -> str | None:
    """The note for words of another language that name the period of the amount ending
    at ``at`` ("500 leads sebulan", "500 leads kada buwan": a month), in the same clause,
    or ``None``: the amount is then a total of no period, so it is not read."""
    clause = re.split(r"[,;.:!?]", text[at : at + 48])[0]
    by_first, table = _time_words(read_in, periods=True)
    found = _first_phrase(fold(clause), by_first)
    if found is None:
        return None
    start, phrase = found
    if _LENGTH_BEFORE.search(clause[:start]):
        return None  # "in isang buwan": within a month, a length of time, no period
    language, english = table[phrase]
    written = clause[start : start + len(phrase)]
    return (
        f'"{written}" is {language} for "{english}", the period of the target, which a '
        "statement read as English does not read: the target is not read (it would be a total); "
        f"write it in English, e.g. '500 leads a month', or the whole statement in {language}"
    )
