"""Regular expressions compiled when first used, not when their module is imported.

Reading a statement tries many patterns, most of them only for the wordings that need
them ("a budget of $500", "lose no more than 5 %"): compiling them all at import cost
every process that reads one statement (``goalrules demo``) about a hundred patterns it
never used. A :class:`LazyPattern` is written as ``re.compile`` is and used as the
pattern is; it compiles on its first search, once.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["LazyPattern"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on first use (see the module)."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compile(self) -> re.Pattern[str]:
        # two threads may both compile it: the same pattern; a shipped one from its code
        # made ahead of time (goalrules.pattern_table), else as re compiles it
        compiled = _from_table(self.pattern, int(self._flags)) or re.compile(
            self.pattern, self._flags
        )
        # from now on each method is the compiled pattern's own, found on the instance
        # before the class: no call passes through this class again
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compile().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compile().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._compile().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._compile().sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self._compile().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._compile().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


#: the shipped patterns' code: its file, beside this module (goalrules.pattern_table
#: writes it)
TABLE_FILE = "patterns.code"


def engine() -> dict[str, Any]:
    """What a table of patterns' code is valid for: this Python's version and its
    regular expression engine's magic number, code size and byte order."""
    import _sre  # type: ignore[import-not-found]  # (the engine of re)

    return {"python": list(sys.version_info[:2]), "magic": _sre.MAGIC,
            "codesize": _sre.CODESIZE, "byteorder": sys.byteorder}  # fmt: skip


def array_type(size: int) -> str | None:
    """The type code of an ``array`` of unsigned integers of ``size`` bytes (the engine's
    code size, 4: ``I``), or ``None``."""
    from array import array

    return next((code for code in ("I", "L", "H") if array(code).itemsize == size), None)


#: the shipped patterns' code (goalrules.pattern_table), read on first use: each
#: pattern's text and flags -> its final flags, code's span, groups, group index and its
#: names; and the code (empty: none for this Python, or not readable)
_table: dict[tuple[str, int], list[Any]] | None = None
_code: Any = None


def _from_table(pattern: str, flags: int) -> re.Pattern[str] | None:
    """``pattern`` made from the code the table holds for it, or ``None`` (not in the
    table, or no table for this Python: compiled as usual)."""
    if _table is None:
        _read_table()
    assert _table is not None
    entry = _table.get((pattern, flags))
    if entry is None:
        return None
    import _sre

    final, start, end, groups, groupindex, indexgroup = entry
    try:  # (the engine checks the code as it takes it)
        made: re.Pattern[str] = _sre.compile(
            pattern, final, _code[start:end].tolist(), groups, groupindex, tuple(indexgroup)
        )
    except (RuntimeError, TypeError, ValueError, OverflowError):  # not its code: compile
        return None
    return made


def _read_table() -> None:
    """Read the table beside this module, if it was written for this Python's engine."""
    global _table, _code
    _table = {}
    import json
    from array import array
    from pathlib import Path

    try:
        raw = Path(__file__).with_name(TABLE_FILE).read_bytes()
        head, _, body = raw.partition(b"\n")
        doc = json.loads(head)
        if {key: doc.get(key) for key in ("python", "magic", "codesize", "byteorder")} != engine():
            return
        code = array(array_type(doc["codesize"]) or "")  # (none: ValueError, not read)
        code.frombytes(body)
        table = {}
        for pattern, flags, final, start, end, groups, groupindex, indexgroup in doc["patterns"]:
            if not 0 <= start <= end <= len(code):
                return
            table[(pattern, flags)] = [final, start, end, groups, groupindex, indexgroup]
    except (OSError, ValueError, TypeError, KeyError):  # none, or not a table: compile
        return
    _code, _table = code, table
