"""Syntax trees as JSON data, and the shipped rulesets' trees parsed ahead of time.

A tree becomes plain JSON values: a node is an object naming its class under ``"@"``
with its fields (those left at their default are left out), its span a list of four
numbers; a tuple is a list, a date ``{"@date": "YYYY-MM-DD"}``. Reading builds the same
classes again, positions included, so a tree read back compiles to exactly the rules,
messages and caret positions that parsing the text gives.

``goalrules/rules/parsed.json`` (:data:`PARSED`) holds the tree of every shipped
ruleset beside the SHA-256 of the text it was parsed from, written by
``scripts/parsed_rules.py`` and checked against the parser by the tests. A run then
compiles the shipped rules without loading the parser (about 0.13 s a process). The
file is data read with ``json``, never code; a tree is used only when the text it was
parsed from is the text being compiled, otherwise that text is parsed as any rule file.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
from importlib import resources
from typing import Any

import attrs

from goalrules.dsl import ast

__all__ = ["FORMAT", "PARSED", "decode", "digest", "encode", "parsed_document", "shipped_tree"]

PARSED = "parsed.json"
"""The shipped rulesets' trees, in ``goalrules/rules`` beside the ``.rules`` files."""
FORMAT = 1
"""The version of the encoding; a document of another version is not read."""


@functools.cache
def _classes() -> dict[str, type[Any]]:
    return {
        name: cls
        for name, cls in vars(ast).items()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == ast.__name__
    }


def encode(value: Any) -> Any:
    """A syntax tree (or any part of one) as JSON values; a value of a kind no tree
    holds raises ``TypeError``."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return {"@date": value.isoformat()}
    cls = type(value)
    if _classes().get(cls.__name__) is not cls or cls is ast.Span:
        raise TypeError(f"a syntax tree holds no {cls.__name__}")
    out: dict[str, Any] = {"@": cls.__name__}
    for field in attrs.fields(cls):
        item = getattr(value, field.name)
        if field.name == "span":
            if item != ast.NOWHERE:
                out["span"] = [item.line, item.column, item.end_line, item.end_column]
        elif field.default is attrs.NOTHING or item != field.default:
            out[field.name] = encode(item)
    return out


def decode(data: Any) -> Any:
    """The tree that :func:`encode` wrote as ``data``; anything else raises
    ``ValueError``."""
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return tuple(decode(v) for v in data)
    if not isinstance(data, dict):
        raise ValueError(f"not a syntax tree: {type(data).__name__}")
    if "@date" in data:
        return _dt.date.fromisoformat(data["@date"])
    cls = _classes().get(data.get("@", ""))
    if cls is None or cls is ast.Span:
        raise ValueError(f"not a syntax tree node: {data.get('@')!r}")
    kwargs: dict[str, Any] = {}
    for key, item in data.items():
        if key == "@":
            continue
        if key == "span":
            kwargs["span"] = ast.Span(*item)
        else:
            kwargs[key] = decode(item)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"not a {cls.__name__}: {exc}") from None


def digest(text: str) -> str:
    """The SHA-256 of a rule text, as the trees in :data:`PARSED` record it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parsed_document(texts: dict[str, str]) -> dict[str, Any]:
    """The JSON document of :data:`PARSED` for ``{name: text}``: what
    ``scripts/parsed_rules.py`` writes (each text parsed now)."""
    from goalrules.dsl.parser import parse_file

    return {
        "format": FORMAT,
        "rulesets": {
            name: {
                "sha256": digest(text),
                "tree": encode(parse_file(text, source=f"goalrules/rules/{name}.rules")),
            }
            for name, text in sorted(texts.items())
        },
    }


@functools.cache
def _document() -> dict[str, Any]:
    try:
        text = resources.files("goalrules.rules").joinpath(PARSED).read_text("utf-8")
        doc = json.loads(text)
    except (OSError, ValueError):
        return {}
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return {}
    rulesets = doc.get("rulesets")
    return rulesets if isinstance(rulesets, dict) else {}


def shipped_tree(name: str, text: str) -> ast.RuleFile | None:
    """The tree of the shipped ruleset ``name`` when ``text`` is the text it was parsed
    from; ``None`` otherwise (the caller then parses ``text``)."""
    entry = _document().get(name)
    if not isinstance(entry, dict) or entry.get("sha256") != digest(text):
        return None
    try:
        tree = decode(entry.get("tree"))
    except (ValueError, TypeError, KeyError):
        return None
    return tree if isinstance(tree, ast.RuleFile) else None
