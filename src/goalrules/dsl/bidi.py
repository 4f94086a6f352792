"""Bidirectional control characters in rule text ("Trojan Source", CVE-2021-42574).

A right-to-left override in a comment or a string can make a rule read, in an editor or
a review, differently from how it runs: ``check spend < 100 USD # ok`` may hide a
condition. ``goalrules rules check`` warns about every such character, as compilers
do; the parser itself accepts them in comments and strings (they are text there).
"""

from __future__ import annotations

import unicodedata

from goalrules.errors import GoalRulesError

__all__ = ["BIDI_CONTROLS", "bidi_warnings"]

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200e\u200f\u061c"  # marks
)
"""The embeddings, overrides, isolates and marks that reorder text on screen."""


def _where(line: str, column: int) -> str:
    """``"a comment"``, ``"a string"`` or ``"the rule text"``: what holds the character
    at ``column`` (0-based) of ``line``."""
    quote: str | None = None
    i = 0
    while i < column:
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#":
            return "a comment"
        i += 1
    return "a string" if quote else "the rule text"


def bidi_warnings(text: str, *, source: str | None = None) -> list[GoalRulesError]:
    """One warning per bidirectional control character in ``text``, with its line and
    column, its name and what holds it (a comment, a string)."""
    if not any(c in BIDI_CONTROLS for c in text):
        return []
    found: list[GoalRulesError] = []
    for number, line in enumerate(text.split("\n"), 1):
        for col, c in enumerate(line):
            if c in BIDI_CONTROLS:
                name = unicodedata.name(c, "BIDI CONTROL")
                found.append(
                    GoalRulesError(
                        f"a bidirectional control character U+{ord(c):04X} ({name}) in "
                        f"{_where(line, col)}: the text may read differently from how it runs",
                        source=source,
                        line=number,
                        column=col + 1,
                        hint="remove it, or write the text without direction overrides",
                    )
                )
    return found
