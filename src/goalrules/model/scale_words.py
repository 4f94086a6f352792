"""Words of scale from another language after a number: "Target kita 1.2 juta views on
YouTube", "Get 10 rb followers", "Target: 2.5 milyon na views" (Manglish and Taglish,
read as English, their English words the most). The word was taken for an adjective
and skipped, so the target read 1.2 views; now a word that every language pack that
knows it reads as one scale (Malay "juta", a million) is read so, with a note, and one
the packs read as different scales is not read, with a note."""

from __future__ import annotations

import functools
import re

from goalrules import plugins
from goalrules.model.amounts import UNREAD
from goalrules.vocabulary.languages import fold, language_packs

__all__ = ["read_scale_words"]

_SCALES = frozenset(["hundred", "thousand", "million", "billion"])
# a number and the word after it, with or without a space ("10rb", "1.5 jt", "χιλ.")
_NUMBER_WORD = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(\s?)([^\W\d_]+\.?)(?!\w)")


@functools.cache
def _scale_words(read_in: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each word of scale of the packs other than ``read_in`` (folded) -> the scales it
    is read as and the languages that read it so."""
    table: dict[str, set[tuple[str, str]]] = {}
    for code, pack in language_packs().items():
        if code == read_in:
            continue
        for phrase, english in pack.own_words.items():
            if english in _SCALES and " " not in phrase:
                table.setdefault(phrase, set()).add((english, pack.name))
    return {word: tuple(sorted(meanings)) for word, meanings in table.items()}


plugins.on_reset(_scale_words.cache_clear)


def read_scale_words(text: str, read_in: str) -> tuple[str, list[str]]:
    """``text`` (a statement read in the language ``read_in``, after its pack) with each
    word of scale of another language after a number in English ("1.2 juta" ->
    "1.2 million"), and a note for each; a word the packs read as different scales is
    replaced by :data:`UNREAD` marks, with a note, so that no amount is read from it."""
    table = _scale_words(read_in)
    notes: list[str] = []

    def scaled(m: re.Match[str]) -> str:
        word = fold(m[3])
        meanings = table.get(word) or table.get(word.rstrip("."))
        if not meanings:
            return m.group(0)
        scales = sorted({scale for scale, _ in meanings})
        if len(scales) > 1:
            could = " or ".join(
                f"{m[1]} {scale} (as {', '.join(n for s, n in meanings if s == scale)} "
                f'write "{m[3]}")'
                for scale in scales
            )
            notes.append(f'"{m.group(0)}" could be {could}, so it is not read')
            return UNREAD * len(m.group(0))
        names = " and ".join(name for _, name in meanings)
        notes.append(f'read "{m.group(0)}" as {m[1]} {scales[0]} ("{m[3]}" in {names})')
        return f"{m[1]} {scales[0]}"

    return _NUMBER_WORD.sub(scaled, text), notes
