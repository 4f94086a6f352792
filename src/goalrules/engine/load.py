"""Loading rules: rule files and texts, the shipped rulesets and those plugins add."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from goalrules import plugins
from goalrules.dsl.parser import parse_file
from goalrules.dsl.types import Schema
from goalrules.engine.compile import compile_text
from goalrules.engine.ruleset import RuleSet
from goalrules.errors import (
    GoalRulesError,
    UnknownNameError,
)


def _read_source(path_or_text: str | os.PathLike[str]) -> tuple[str, str]:
    if isinstance(path_or_text, os.PathLike):
        p = Path(path_or_text)
        return _read_path(p), str(p)
    if not isinstance(path_or_text, str):
        raise GoalRulesError(f"expected rule text or a path, got {type(path_or_text).__name__}")
    looks_like_path = "\n" not in path_or_text and path_or_text.strip().endswith(".rules")
    if looks_like_path:
        return _read_path(Path(path_or_text.strip())), path_or_text.strip()
    return path_or_text, "<rules>"


def _read_path(p: Path) -> str:
    # through io.files: a device, a FIFO or a file over the size limit is refused
    from goalrules.io.files import read_bytes

    try:
        raw = read_bytes(p, "text")
    except GoalRulesError as exc:
        if exc.message == "no such file":
            raise GoalRulesError("no such rule file", source=str(p)) from None
        raise
    try:
        return raw.decode("utf-8-sig")  # a BOM (Notepad writes one) is no character
    except UnicodeDecodeError as exc:
        raise GoalRulesError(
            f"the rule file is not UTF-8 text ({exc.reason} at byte {exc.start})", source=str(p)
        ) from None


def load_rules(
    path_or_text: str | os.PathLike[str],
    *,
    params: Mapping[str, Any] | None = None,
    schemas: Mapping[str, Schema] | None = None,
    source: str | None = None,
) -> RuleSet:
    """Compile a rule file (a path, or the rule text itself) into a :class:`RuleSet`.

    Every syntax, type and unit error in the file is reported at once, each with its
    line, column and a caret. ``params`` overrides the file's ``param`` values (a text
    such as ``"4 months"`` or a Python value); ``schemas`` replaces the built-in fact
    schemas.
    """
    text, src = _read_source(path_or_text)
    return compile_text(text, source=source or src, params=params, schemas=schemas)


@functools.cache
def _shipped_texts() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    folder = resources.files("goalrules").joinpath("rules")
    for entry in folder.iterdir():
        if entry.name.endswith(".rules") and not entry.name.endswith(".test.rules"):
            out[entry.name[: -len(".rules")]] = (
                entry.read_text("utf-8"),
                f"goalrules/rules/{entry.name}",
            )
    for origin, item in plugins.contributions("goalrules_rulesets"):
        text, src = _read_source(item)
        src = origin.label if src == "<rules>" else src  # named by its plugin
        name = parse_file(text, source=src).name or Path(src).stem
        out[name] = (text, src)
    return out


plugins.on_reset(_shipped_texts.cache_clear)


@functools.lru_cache(maxsize=64)
def _shipped(name: str) -> RuleSet:
    texts = _shipped_texts()
    if name not in texts:
        raise UnknownNameError("ruleset", name, list(texts))
    text, src = texts[name]
    # goalrules' own rulesets (src goalrules/rules/NAME.rules) compile from their
    # shipped trees while the text is the one they were parsed from
    return compile_text(text, source=src)


plugins.on_reset(_shipped.cache_clear)


_OVERRIDES: contextvars.ContextVar[Mapping[str, RuleSet] | None] = contextvars.ContextVar(
    "goalrules_ruleset_overrides", default=None
)


@contextlib.contextmanager
def overriding_rulesets(rulesets: Mapping[str, RuleSet]) -> Iterator[None]:
    """Within the block, :func:`shipped_ruleset` gives these rulesets for their names
    (``{"channels": edited}``): how ``goalrules rules diff`` judges with other rules.
    A caller that cached a ruleset before the block keeps its copy."""
    token = _OVERRIDES.set({**(_OVERRIDES.get() or {}), **rulesets})
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def shipped_ruleset(name: str, *, params: Mapping[str, Any] | None = None) -> RuleSet:
    """A ruleset shipped with goalrules or added by a plugin (``"smart"``,
    ``"channels"``, ``"plan"``), compiled once and cached."""
    rs = (_OVERRIDES.get() or {}).get(name) or _shipped(name)
    return rs.with_params(**params) if params else rs


def shipped_names() -> tuple[str, ...]:
    """The names of the rulesets :func:`shipped_ruleset` knows (goalrules' and plugins')."""
    return tuple(_shipped_texts())
