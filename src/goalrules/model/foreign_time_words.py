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

__all__ = ["foreign_time_note"]

# what a pack's translation says when it names a time or a deadline
_TIME = re.compile(
    r"\b(?:years?|months?|weeks?|days?|quarters?|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|christmas|easter|within|by|before|until"
    r"|end of)\b"
)


@functools.cache
def _time_words(read_in: str) -> tuple[dict[str, list[str]], dict[str, tuple[str, str]]]:
    """The words of time of the packs other than ``read_in`` (folded), by their first
    character, longest first; and each one's language and English."""
    table: dict[str, tuple[str, str]] = {}
    for code, pack in language_packs().items():
        if code in (read_in, "en"):
            continue
        for phrase, english in pack.own_words.items():
            if phrase == english.lower() or not _TIME.search(english):
                continue
            if " " in phrase or len(phrase) >= 4:  # ("mac", "jun": English words too)
                table.setdefault(phrase, (pack.name, english))
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
    found = _first_phrase(fold(text), by_first)
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
