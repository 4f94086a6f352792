"""The words of a statement a reading quotes, as the statement wrote them.

The reader reads a prepared text (:func:`goalrules.model.wording.prepare`: "$25" marked
"¤USD 25", "by the start of Q3" read "by July 1", "5k -> 8k" read "from 5k to 8k"), so the
words it found are the prepared text's. :func:`as_written` maps them back to the words of
the statement they were read from, so that what a field "came from" quotes the user."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["as_written"]

#: the longest text mapped back (a goal is a sentence or a paragraph; a longer text keeps
#: the prepared words, so reading stays linear in its length)
_LONGEST = 2_000

_Blocks = Sequence[tuple[str, int, int, int, int]]


def as_written(source: str, prepared: str, said: dict[str, str]) -> dict[str, str]:
    """``said`` (each field's words, found in ``prepared``) with the words as ``source``
    writes them; words not in ``prepared`` are kept as they are, and all of them when the
    texts are the same or too long to align."""
    if source == prepared or max(len(prepared), len(source)) > _LONGEST:
        return dict(said)
    import difflib  # here, not at import: only a text the reader reworded needs it

    blocks: _Blocks = difflib.SequenceMatcher(None, source, prepared, autojunk=False).get_opcodes()
    out = {}
    for field, words in said.items():
        at = prepared.find(words) if words.strip() else -1
        if at < 0:
            out[field] = words
            continue
        begin, end = _aligned(blocks, len(source), at, at + len(words))
        written = source[begin:end].strip(" ,;:")
        out[field] = written if re.search(r"\w", written) else words
    return out


def _aligned(blocks: _Blocks, length: int, begin: int, end: int) -> tuple[int, int]:
    """The span of the source that the span ``begin:end`` of the prepared text was made
    from, with the source's words the preparing left out right after it ("20k dollars",
    read "¤USD 20k")."""
    first, last = 0, length
    for tag, i1, i2, j1, j2 in blocks:
        if j1 == j2:  # words of the source left out of the prepared text
            if j1 == end and last == i1:
                last = i2
            continue
        if j1 <= begin < j2:
            first = i1 + (begin - j1) if tag == "equal" else i1
        if j1 < end <= j2:
            last = i1 + (end - j1) if tag == "equal" else i2
    return first, max(first, last)
