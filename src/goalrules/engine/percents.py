"""The numbers of a rule's message, shown so that they never mislead: two different
percentages never read the same, a value that is not 0 never reads "0 %", and a value
never reads as a threshold of its rule that it is not ("Lead rate 5 % is below 5 %" for
a rate of 4.96 %, "Only 1,000 visits" for 999.6 failing ``visits >= 1000``)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.checker import Checker
from goalrules.dsl.display import format_places
from goalrules.dsl.runtime import scaled
from goalrules.errors import GoalRulesError
from goalrules.numbers import format_percent, same_but_for_rounding
from goalrules.units import unit_info

__all__ = ["kept_apart", "percent_limits", "percent_parts", "with_percents"]

_PERCENT = ("%", "percent")
#: the least share that more decimals (up to seven) show as other than "0 %": a smaller
#: one is written on its own (see :func:`_not_zero`), the others' decimals kept
_SHOWN_BY_DECIMALS = 5e-10


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


def _limit(node: ast.Expr, checker: Checker | None) -> float | None:
    """The base-unit number a constant side of a comparison holds (``5 %``,
    ``1,000 visits``, a bare ``1000`` beside visits, ``min_rate``, ``-flat``); ``None``
    for anything else."""
    if isinstance(node, ast.Neg):
        inner = _limit(node.operand, checker)
        return None if inner is None else -inner
    if isinstance(node, ast.Quantity):
        try:
            return scaled(node.value, unit_info(node.unit).factor)
        except GoalRulesError:
            return None
    if isinstance(node, ast.Number) and checker is not None:
        other = checker.adopted.get(id(node))
        factor = 1.0
        if other is not None and other.display and other.dim:
            try:
                factor = unit_info(other.display).factor
            except GoalRulesError:
                return None
        return scaled(node.value, factor)
    if isinstance(node, ast.Name) and checker is not None and node.name in checker.scope.params:
        t, value = checker.scope.params[node.name]
        if t.kind == "quantity" and t.dim is not None and value.__class__ in (float, int):
            return float(value)
    return None


Limits = dict[int, tuple[tuple[float, str, Any], ...]]


def percent_limits(
    decl: ast.RuleDecl | None,
    checker: Checker | None,
    parts: Sequence[Any],
    shown: Sequence[tuple[Any, Any]],
) -> Limits:
    """For each of a template's parts of a fixed unit, the constants its rule's guard
    and check compare that expression with (``{rate}`` and ``rate >= 5 %``: 0.05;
    ``{visits}`` and ``visits >= 1000``: 1000), by the part's position, each with its
    text as the part shows it and the part's type."""
    if decl is None:
        return {}
    compared: dict[str, list[float]] = {}
    for root in (decl.guard, decl.check):
        for node in ast.walk(root) if root is not None else ():
            if not isinstance(node, ast.Compare):
                continue
            for a, b in zip(node.operands, node.operands[1:], strict=False):
                for side, other in ((a, b), (b, a)):
                    limit = _limit(side, checker)
                    if limit is not None and _limit(other, checker) is None:
                        compared.setdefault(ast.unparse(other), []).append(limit)
    if not compared:
        return {}
    out: Limits = {}
    for i, part in enumerate(parts):
        if isinstance(part, str) or part.type is None or part.type.kind != "quantity":
            continue
        if part.type.dim is None:
            continue
        text = part.text  # (as ast.unparse writes it, as `compared` is keyed)
        if text in compared:
            show = shown[i][1]
            out[i] = tuple((v, show(v), part.type) for v in dict.fromkeys(compared[text]))
    return out


def kept_apart(shown: tuple[tuple[Any, Any], ...], limits: Limits) -> tuple[tuple[Any, Any], ...]:
    """A template's (function, formatter) pairs with each formatter of a count or an
    amount compared with constants (``limits``) made to show a value apart from a
    constant it would read as (percentages are kept apart by :func:`with_percents`)."""
    out = list(shown)
    for i, pairs in limits.items():
        fn, show = shown[i]
        typ = pairs[0][2]
        if typ.dim == () and typ.display in _PERCENT:
            continue

        def apart(value: Any, show: Any = show, pairs: Any = pairs) -> str:
            text: str = show(value)
            for limit, said, typ in pairs:
                near = text == said and value.__class__ in (float, int)
                if near and not same_but_for_rounding(value, limit):
                    return _apart(float(value), limit, typ) or text
            return text

        out[i] = (fn, apart)
    return tuple(out)


def _apart(value: float, limit: float, typ: Any) -> str | None:
    """``value``, which reads as ``limit`` and is not it, in the fewest decimals that
    read apart (``999.6 visits``, not ``1,000 visits``, beside ``visits >= 1000``)."""
    for places in range(1, 9):
        text = format_places(value, typ, places)
        if text != format_places(limit, typ, places):
            return text
    return None


def with_percents(
    shown: Sequence[tuple[Any, Any]],
    percents: tuple[int, ...],
    limits: Limits,
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
    (two trends of the same ratios) are one value. A share too small for seven decimals
    (1e-12) is written with its own, the others left as they read."""
    out: list[str] = []
    values: dict[int, float] = {}
    for i, (fn, show) in enumerate(shown):
        if show is None:
            out.append(fn)
            continue
        try:
            value = fn(facts, today, None)
            text = show(value)
        except Exception:
            if strict:
                return None
            out.append("unknown")
            continue
        if i in percents and value.__class__ is float:
            values[i] = value
        out.append(text)
    if values:
        for digits in range(2, 9):  # (by size: "-2 %" beside "falling by more than 2 %")
            if _apart_enough(out, values, limits, digits):
                break
            for i, v in values.items():
                out[i] = format_percent(v, digits=digits)
        for i, v in values.items():
            if v != 0 and out[i].lstrip("+-") == "0 %":
                out[i] = _not_zero(v)
    return "".join(out)


#: the most decimals a share too small for the others' decimals is written with
_FEWEST = 12


def _not_zero(value: float) -> str:
    """A share that is not 0 but reads "0 %" beside the others, with the decimals its
    own two significant digits need ("0.0000000001 %" for 1e-12), and beyond twelve as
    a bound ("under 0.000000000001 %"), never "0 %"."""
    places = 1 - math.floor(math.log10(abs(value) * 100))
    if places <= _FEWEST:
        return format_percent(value, digits=places)
    bound = format_percent(10.0 ** -(_FEWEST + 2), digits=_FEWEST)
    return f"under {bound}" if value > 0 else f"over -{bound}"


def _apart_enough(out: list[str], values: dict[int, float], limits: Limits, digits: int) -> bool:
    """Whether the percentages in ``out`` (shown with ``digits - 1`` decimals) read
    apart: no two different values alike, no value not 0 as "0 %" (a share of 0.05 %)
    while more decimals can show it, no value as a limit of its part it is not."""
    seen: dict[str, float] = {}
    for i, v in values.items():
        text = out[i].lstrip("+-")
        size = abs(v)
        if not same_but_for_rounding(seen.setdefault(text, size), size):
            return False
        if v != 0 and text == "0 %" and abs(v) >= _SHOWN_BY_DECIMALS:
            return False
        for limit, said, _ in limits.get(i, ()):
            if same_but_for_rounding(abs(limit), size):
                continue
            if digits > 2:
                said = format_percent(limit, digits=digits - 1)
            if said.lstrip("+-") == text:
                return False
    return True
