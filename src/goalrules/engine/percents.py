"""The percentages of a rule's message, shown so that they never mislead: two different
values never read the same, a value that is not 0 never reads "0 %", and a value never
reads as a threshold of its rule that it is not ("Lead rate 5 % is below 5 %" for a rate
of 4.96 %)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.checker import Checker
from goalrules.dsl.parser import parse_expression
from goalrules.dsl.runtime import scaled
from goalrules.errors import GoalRulesError
from goalrules.numbers import format_percent, same_but_for_rounding

__all__ = ["percent_limits", "percent_parts", "with_percents"]

_PERCENT = ("%", "percent")


def percent_parts(parts: Sequence[Any]) -> tuple[int, ...]:
    """The positions of a template's parts shown as percentages."""
    return tuple(
        i
        for i, part in enumerate(parts)
        if not isinstance(part, str)
        and part.type is not None
        and part.type.kind == "quantity"
        and part.type.dim == ()
        and part.type.display in _PERCENT
    )


def _walk(node: ast.Expr) -> Iterator[ast.Expr]:
    yield node
    for child in ast.children(node):
        yield from _walk(child)


def _limit(node: ast.Expr, params: Mapping[str, tuple[Any, Any]]) -> float | None:
    """The percentage a constant side of a comparison holds (``5 %``, ``min_rate``,
    ``-flat``), as a fraction; ``None`` for anything else."""
    if isinstance(node, ast.Neg):
        inner = _limit(node.operand, params)
        return None if inner is None else -inner
    if isinstance(node, ast.Quantity) and node.unit.strip() in _PERCENT:
        return scaled(node.value, 0.01)
    if isinstance(node, ast.Name) and node.name in params:
        t, value = params[node.name]
        percent = t.kind == "quantity" and t.dim == () and t.display in _PERCENT
        if percent and (value.__class__ is float or value.__class__ is int):
            return float(value)
    return None


def percent_limits(
    decl: ast.RuleDecl | None, checker: Checker | None, parts: Sequence[Any]
) -> dict[int, tuple[float, ...]]:
    """For each of a template's parts, the percentages its rule's guard and check
    compare that expression with (``{rate}`` and ``rate >= 5 %``: 0.05; literals and
    params of percent type), by the part's position."""
    if decl is None:
        return {}
    params = checker.scope.params if checker is not None else {}
    compared: dict[str, list[float]] = {}
    for root in (decl.guard, decl.check):
        for node in _walk(root) if root is not None else ():
            if not isinstance(node, ast.Compare):
                continue
            for a, b in zip(node.operands, node.operands[1:], strict=False):
                for side, other in ((a, b), (b, a)):
                    limit = _limit(side, params)
                    if limit is not None and _limit(other, params) is None:
                        compared.setdefault(ast.unparse(other), []).append(limit)
    if not compared:
        return {}
    out: dict[int, tuple[float, ...]] = {}
    for i, part in enumerate(parts):
        if isinstance(part, str):
            continue
        try:
            text = ast.unparse(parse_expression(part.text))
        except GoalRulesError:
            continue
        if text in compared:
            out[i] = tuple(dict.fromkeys(compared[text]))
    return out


def with_percents(
    shown: Sequence[tuple[Any, Any]],
    percents: tuple[int, ...],
    limits: Mapping[int, tuple[float, ...]],
    facts: Mapping[str, Any],
    today: _dt.date | None,
    strict: bool,
) -> str | None:
    """A template of percentages rendered so that two different values never read the
    same ("lead rate 3 % vs 3 %" beside "credibly below"), nor two different sizes
    ("visits -2 % a month ... falling by more than 2 %"), nor a value that is not 0 as
    "0 %", nor a value as one of its rule's ``limits`` that it is not (a rate of 4.96 %
    failing ``>= 5 %`` reads "4.96 %", never "5 %"): when one would, all its
    percentages take one more decimal, up to eight. Values the same but for rounding
    (two trends of the same ratios) are one value."""
    out: list[str] = []
    values: dict[int, float] = {}
    for i, (fn, show) in enumerate(shown):
        if show is None:
            out.append(fn)
            continue
        try:
            value = fn(facts, today, None)
            out.append(show(value))
        except Exception:
            if strict:
                return None
            out.append("unknown")
            continue
        if i in percents and value.__class__ is float:
            values[i] = value
    for digits in range(2, 9):  # (by size: "-2 %" beside "falling by more than 2 %" too)
        seen: dict[str, float] = {}
        if all(
            same_but_for_rounding(seen.setdefault(out[i].lstrip("+-"), abs(v)), abs(v))
            and (v == 0 or out[i].lstrip("+-") != "0 %")  # a share of 0.05 % is not 0 %
            for i, v in values.items()
        ) and all(  # the limits as the values read now: one decimal fewer than `digits`
            same_but_for_rounding(abs(limit), abs(v))
            or format_percent(abs(limit), digits=digits - 1) != out[i].lstrip("+-")
            for i, v in values.items()
            for limit in limits.get(i, ())
        ):
            break
        for i, v in values.items():
            out[i] = format_percent(v, digits=digits)
    return "".join(out)
