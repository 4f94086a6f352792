"""The compiled code of goalrules' own regular expressions, made ahead of time.

Reading one statement compiles about a hundred patterns (:class:`~goalrules.patterns.
LazyPattern`), and Python's ``re`` parses and compiles each in Python: about 23 ms of a
cold ``goalrules demo``. ``scripts/parsed_rules.py`` writes each shipped pattern's
compiled code (what ``re`` hands to its C engine, ``_sre.compile``) into the package
(``patterns.code``); a pattern is then made from its code, which the engine checks as it
takes it ("invalid SRE code" otherwise), without parsing. The table is data (a JSON head
and the code's integers), read only by the Python version and regular expression engine
that wrote it, and a pattern is looked up by its own text and flags: one edited since
(or one made at run time) misses, and compiles as usual. ``tests/test_pattern_table.py``
fails while the table misses a shipped pattern or holds code ``re`` would not give.

This module builds the table (the script and the test use it); :mod:`goalrules.patterns`
reads it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from array import array
from typing import Any

from goalrules.patterns import TABLE_FILE, array_type, engine

__all__ = ["TABLE_FILE", "compiled_code", "engine", "shipped_patterns", "table_bytes"]


def shipped_patterns() -> list[tuple[str, int]]:
    """The text and flags of every :class:`~goalrules.patterns.LazyPattern` a goalrules
    module holds (at module level, in a class, or in a tuple, list or dict there), of
    the modules this environment imports (one needing an extra not installed is
    skipped), sorted."""
    import goalrules
    from goalrules.patterns import LazyPattern

    found: set[tuple[str, int]] = set()

    def collect(value: Any, depth: int = 0) -> None:
        if isinstance(value, LazyPattern):
            found.add((value.pattern, int(value._flags)))
        elif depth < 2 and isinstance(value, (tuple, list)):
            for item in value:
                collect(item, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for item in value.values():
                collect(item, depth + 1)
        elif depth == 0 and isinstance(value, type) and value.__module__.startswith("goalrules"):
            for item in vars(value).values():
                collect(item, depth + 1)

    for info in pkgutil.walk_packages(goalrules.__path__, "goalrules."):
        if info.name.endswith("__main__"):
            continue  # (runs the command line)
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency absent: its patterns compile as usual
            continue
        for value in list(vars(module).values()):
            collect(value)
    return sorted(found)


def compiled_code(pattern: str, flags: int) -> list[Any]:
    """What ``re`` hands to ``_sre.compile`` for ``pattern`` and ``flags``: the flags
    with those the pattern sets inline, the code, the number of groups, the group index
    and the index's names (as ``re._compiler.compile`` makes them)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]


def table_bytes(patterns: list[tuple[str, int]]) -> bytes:
    """The table of ``patterns``: a line of JSON (:func:`engine` and, for each pattern,
    its text, flags, final flags, the span of its code, its groups, group index and the
    index's names), then the code of them all as unsigned integers of the engine's code
    size, in its byte order."""
    typecode = array_type(engine()["codesize"])
    if typecode is None:
        raise RuntimeError(f"no array type of {engine()['codesize']} bytes")
    code = array(typecode)
    entries = []
    for pattern, flags in patterns:
        final, ops, groups, groupindex, indexgroup = compiled_code(pattern, flags)
        start = len(code)
        code.extend(ops)
        entries.append([pattern, flags, final, start, len(code), groups, groupindex, indexgroup])
    head = json.dumps({**engine(), "patterns": entries}, ensure_ascii=True, separators=(",", ":"))
    return head.encode("ascii") + b"\n" + code.tobytes()
