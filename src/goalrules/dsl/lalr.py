"""The LALR(1) parser of the rule grammar, from tables shipped in the package.

``grammar.lark`` is the grammar; ``grammar.tables.json`` (:data:`TABLES`) holds its
parse tables as JSON, written by ``scripts/parser_tables.py`` and checked against the
grammar by the tests. Loading them takes a few milliseconds where building them takes
about 0.13 s. Nothing is read from a cache folder: lark's own cache is a pickle, and a
pickle planted in a writable folder would run code in every process that parses a rule.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

__all__ = ["TABLES", "tables_document"]

_OPTIONS: dict[str, Any] = {
    "parser": "lalr",
    "start": ["start", "expr"],
    "propagate_positions": True,
    "maybe_placeholders": False,
}
TABLES = "grammar.tables.json"
"""The LALR tables of ``grammar.lark``, shipped in the package as JSON (data, never code)."""


def _grammar() -> str:
    return resources.files("goalrules.dsl").joinpath("grammar.lark").read_text("utf-8")


@functools.cache
def _lark() -> Any:
    """The LALR parser of ``grammar.lark``, loaded from :data:`TABLES`. Tables that do
    not match the grammar or the installed lark are not used: the parser is then built
    from the grammar in the process (and nothing is written anywhere)."""
    import lark

    grammar = _grammar()
    shipped = _shipped_tables(grammar)
    if shipped is not None:
        try:
            load: Any = lark.Lark._load_from_dict
            return load(shipped["data"], shipped["memo"])
        except Exception:  # pragma: no cover - tables from a lark that reads them otherwise
            pass
    return lark.Lark(grammar, **_OPTIONS)


def _digest(grammar: str) -> str:
    import hashlib

    return hashlib.sha256(grammar.encode("utf-8")).hexdigest()


def _read_tables(text: str) -> Any:
    """The tables document from its JSON text. JSON keys are text; lark numbers its
    states, their tokens and its memo entries, so those keys become numbers again."""
    import json

    doc = json.loads(text)
    table = doc["data"]["parser"]["parser"]
    table["states"] = {
        int(state): {int(token): action for token, action in actions.items()}
        for state, actions in table["states"].items()
    }
    table["tokens"] = {int(k): v for k, v in table["tokens"].items()}
    doc["memo"] = {int(k): v for k, v in doc["memo"].items()}
    return doc


def _shipped_tables(grammar: str) -> dict[str, Any] | None:
    import lark

    try:
        doc = _read_tables(resources.files("goalrules.dsl").joinpath(TABLES).read_text("utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(doc, dict) or doc.get("grammar_sha256") != _digest(grammar):
        return None
    if doc.get("lark") != lark.__version__ or doc.get("options") != _OPTIONS:
        return None
    return doc


def tables_document(grammar: str | None = None) -> dict[str, Any]:
    """The JSON document of :data:`TABLES` for ``grammar`` (``grammar.lark`` by
    default) and the installed lark: what ``scripts/parser_tables.py`` writes."""
    import lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    grammar = _grammar() if grammar is None else grammar
    data, memo = lark.Lark(grammar, **_OPTIONS).memo_serialize([TerminalDef, Rule])
    return {
        "grammar_sha256": _digest(grammar),
        "lark": lark.__version__,
        "options": _OPTIONS,
        "data": data,
        "memo": memo,
    }
