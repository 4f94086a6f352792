"""Checks that ask for the impossible: the conditions an ``and`` (or a chain such as
``1 < visits < 0``) puts on one expression, compared with constants, that no value meets
(``visits > 100 and visits < 50``, ``channel == "a" and channel == "b"``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from goalrules.dsl import ast

__all__ = ["contradiction"]

_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


@attrs.define
class _Bounds:
    """What the conditions on one expression allow."""

    lo: Any = None
    lo_in: bool = True
    hi: Any = None
    hi_in: bool = True
    only: set[Any] | None = None  # the values it may take (``==``, ``in``)
    never: set[Any] = attrs.field(factory=set)  # values it may not (``!=``, ``not in``)

    def above(self, v: Any, inclusive: bool) -> None:
        if self.lo is None or v > self.lo or (v == self.lo and not inclusive):
            self.lo, self.lo_in = v, inclusive

    def below(self, v: Any, inclusive: bool) -> None:
        if self.hi is None or v < self.hi or (v == self.hi and not inclusive):
            self.hi, self.hi_in = v, inclusive

    def allows(self, v: Any) -> bool:
        if v in self.never:
            return False
        if _ordered(v):
            if self.lo is not None and (v < self.lo or (v == self.lo and not self.lo_in)):
                return False
            if self.hi is not None and (v > self.hi or (v == self.hi and not self.hi_in)):
                return False
        return True

    def empty(self) -> bool:
        if self.only is not None:
            return not any(self.allows(v) for v in self.only)
        if self.lo is None or self.hi is None:
            return False
        if self.lo == self.hi and self.lo_in and self.hi_in:
            return bool(self.lo in self.never)  # one value left, and it is ruled out
        return bool(self.lo > self.hi or self.lo == self.hi)


def _ordered(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool)) or isinstance(v, _dt.date)


def _conjuncts(node: ast.Expr) -> Iterator[ast.Expr]:
    if isinstance(node, ast.And):
        yield from _conjuncts(node.left)
        yield from _conjuncts(node.right)
    else:
        yield node


def contradiction(
    node: ast.And | ast.Compare,
    constant: Callable[[ast.Expr], bool],
    value: Callable[[ast.Expr], Any],
    never_negative: Callable[[ast.Expr], bool],
) -> str | None:
    """Why no value of some expression meets the conditions ``node`` (an ``and``, or
    a chain of comparisons) puts on it, or ``None``. ``constant`` says whether a part
    is constant, ``value`` computes a constant part (raising when it cannot) and
    ``never_negative`` whether a part is a count (``visits <= 0 and visits != 0``)."""
    bounds: dict[str, _Bounds] = {}
    said: dict[str, list[str]] = {}

    def note(subject: ast.Expr, text: str) -> _Bounds:
        key = ast.unparse(subject)
        said.setdefault(key, []).append(text)
        b = bounds.get(key)
        if b is None:
            b = bounds[key] = _Bounds()
            if never_negative(subject):
                b.above(0.0, True)
        return b

    for part in _conjuncts(node):
        if isinstance(part, ast.Compare):
            pairs = zip(part.operands, part.ops, part.operands[1:], strict=False)
            for left, op, right in pairs:
                for subject, const, o in ((left, right, op), (right, left, _FLIP[op])):
                    if constant(subject) or not constant(const):
                        continue
                    try:
                        v = value(const)
                    except Exception:
                        continue
                    text = f"{ast.unparse(left)} {op} {ast.unparse(right)}"
                    if o in ("==", "!="):
                        if isinstance(v, (int, float, str, bool, _dt.date)):
                            b = note(subject, text)
                            if o == "==":
                                b.only = {v} if b.only is None else b.only & {v}
                            else:
                                b.never.add(v)
                    elif _ordered(v):
                        b = note(subject, text)
                        if o in (">", ">="):
                            b.above(v, o == ">=")
                        else:
                            b.below(v, o == "<=")
        elif (
            isinstance(part, ast.In)
            and isinstance(part.container, ast.ListLit)
            and not constant(part.item)
            and constant(part.container)
        ):
            try:
                items = value(part.container)
            except Exception:
                continue
            if not isinstance(items, (tuple, list, frozenset)):
                continue
            b = note(part.item, ast.unparse(part))
            if part.negated:
                b.never.update(items)
            else:
                b.only = set(items) if b.only is None else b.only & set(items)
    for key, b in bounds.items():
        if b.empty():
            conditions = " and ".join(f"`{t}`" for t in dict.fromkeys(said[key]))
            return f"no value of `{key}` meets {conditions}"
    return None
