"""The rules, params and currency a book's table was decided with, written in its
``ruleset`` and ``currency`` columns, so that its decisions are worded with the same: a
table decided with ``improving="20 %"`` once read "with no rise above 10 % a month"
when worded without it, and costs decided in EUR read "USD". The columns travel with
the table (a slice of it, a Dask partition, a Spark worker's table)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from goalrules.engine import RuleSet
from goalrules.errors import DataError
from goalrules.judgments.channels import _ruleset as _channels_ruleset

__all__ = ["book_currency", "book_ruleset", "ruleset_key"]


def _text(ruleset: RuleSet) -> str | None:
    """The rule text a ruleset was compiled from (``None``: merged or trimmed)."""
    recipe = None if ruleset.origin is None else ruleset.origin.recipe()
    return None if recipe is None else str(recipe[1][0])


def _digest(ruleset: RuleSet) -> str:
    """A short digest of the rules themselves (their text, else each rule's checks)."""
    text = _text(ruleset)
    if text is None:
        text = repr([(r.id, r.decision, r.priority, r.guard_text, r.check_text)
                     for r in ruleset.rules])  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def ruleset_key(ruleset: RuleSet) -> str | None:
    """What a decided table's ``ruleset`` column holds: ``None`` for the shipped
    ``channels`` rules with their own params; JSON of the params changed
    (``{"params": {"improving": 0.2}}``) for those rules with others; and for other
    rules, their name and digest and all their params."""
    shipped = _channels_ruleset(())
    if ruleset is shipped:
        return None
    if _text(ruleset) is not None and _text(ruleset) == _text(shipped):
        changed = {k: v for k, v in ruleset.params.items() if shipped.params.get(k, v) != v}
        changed.update({k: v for k, v in ruleset.params.items() if k not in shipped.params})
        if not changed:
            return None
        return json.dumps({"params": changed}, sort_keys=True, default=str)
    return json.dumps(
        {"rules": f"{ruleset.name} {_digest(ruleset)}", "params": ruleset.params},
        sort_keys=True,
        default=str,
    )


def _one(values: Sequence[Any], name: str) -> Any:
    """The one value of a column that is the same on every row (a DataError if not)."""
    seen = set(values)
    if len(seen) > 1:
        shown = ", ".join(sorted(map(str, seen))[:3])
        raise DataError(
            f"rows decided with different {name}s ({shown}): word each table on its own",
            field=name,
        )
    return next(iter(seen), None)


def book_ruleset(
    recorded: Sequence[Any] | None, rules: RuleSet | None, params: dict[str, Any]
) -> RuleSet:
    """The ruleset a decided table is worded with: the one it was decided with, from its
    ``ruleset`` column (``recorded``: its values; ``None``: a table without it); the
    ``rules`` or ``params`` given must be those, else a DataError (never words written
    by other thresholds than the ones that decided)."""
    if recorded is None:  # a table of an older goalrules: worded as asked
        return rules or _channels_ruleset(tuple(sorted(params.items())))
    key = _one(recorded, "ruleset")
    if rules is None and not params and key is not None:
        decided_with = json.loads(key)
        if "rules" in decided_with:
            raise DataError(
                f"decided by the rules {decided_with['rules']}: word it with the same rules "
                "(rules=...)",
                field="ruleset",
            )
        params = decided_with["params"]
    ruleset = rules or _channels_ruleset(tuple(sorted(params.items())))
    asked = ruleset_key(ruleset)
    if asked != key:
        raise DataError(
            f"decided with {_said(key)} but worded with {_said(asked)}: word it with the "
            "rules and params it was decided with (or none, to read them from the table)",
            field="ruleset",
        )
    return ruleset


def _said(key: str | None) -> str:
    """A ruleset key as words."""
    if key is None:
        return "the channels rules' own params"
    data = json.loads(key)
    params = ", ".join(f"{k}={v}" for k, v in sorted(data["params"].items()))
    return f"the rules {data['rules']}" if "rules" in data else f"params {params}"


def book_currency(recorded: Sequence[Any] | None, currency: str | None) -> str:
    """The currency a decided table's costs are worded in: its ``currency`` column's
    (``recorded``), which ``currency``, when given, must be; USD for a table without it."""
    if recorded is None:
        return currency or "USD"
    mine = _one(recorded, "currency")
    if mine is None:
        return currency or "USD"
    if currency is not None and currency != mine:
        raise DataError(
            f"its costs are in {mine}, not {currency}: word it in {mine} (or without a "
            "currency, to read it from the table)",
            field="currency",
        )
    return str(mine)
