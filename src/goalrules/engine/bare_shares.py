"""Shares written without their unit.

A share is a fraction to the rules: the number ``12`` given for a share is 1,200 %, and
12 % to whoever wrote it. Wherever a share is given from outside a rule (a param's
override, a rule test's ``given``) or written beside one in a rule (``channel.visits_share
< 12``, or a param ``= 12`` compared with it), a bare number other than 0 is refused with
both readings named, never read as one of them in silence."""

from __future__ import annotations

import itertools
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.checker import Checker
from goalrules.dsl.types import Type
from goalrules.numbers import format_percent

__all__ = [
    "bare_numbers_beside_shares",
    "bare_share_written",
    "is_share",
    "python_share_problem",
    "share_problem",
]

_PERCENT = ("%", "percent")


def is_share(t: Type) -> bool:
    """Whether a value of type ``t`` is a share, shown in percent."""
    return t.kind == "quantity" and t.display in _PERCENT


def bare_share_written(node: ast.Expr) -> float | None:
    """The number a node writes when it is a bare number other than 0 (``12``,
    ``-0.5``), else ``None``."""
    bare = node.operand if isinstance(node, ast.Neg) else node
    if not isinstance(bare, ast.Number) or not bare.value:
        return None
    return -bare.value if bare is not node else bare.value


def share_problem(what: str, written: str, value: float, *, given: str = "value") -> str:
    """What to say of the bare number ``written`` (the value ``value``) given for the
    share ``what`` (as ``given``: an override, a test's value): the share it is, and
    the ways to write what was meant."""
    share = format_percent(value)
    written = written.strip()
    either = f"'{share}' or '{written} %'" if abs(value) < 1 else f"'{written} %'"
    return (
        f"{what} is a share: write the {given} with its unit, such as {either} "
        f"(the bare number {written} is {share})"
    )


def python_share_problem(what: str, value: Any) -> str | None:
    """Why a Python number given for the share ``what`` cannot be read as the fraction
    it would be, or ``None`` when it can: a fraction is at most 1 in size (``0.12`` is
    12 %), so ``12`` (1,200 %) or the int ``1`` (100 %, or the 1 % it reads like) is
    refused; a share above 100 % is given as text (``"150 %"``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value == 0:
        return None
    if isinstance(value, float) and abs(value) < 1:
        return None
    if value != value:
        return f"{what} is a share, and NaN is no number"
    share = format_percent(float(value))
    return (
        f"{what} is a share, and a Python number is read as a fraction: {value!r} is "
        f"{share}; give a fraction such as {value / 100!r}, or text with the unit "
        f"such as '{value} %' (or '{float(value) * 100:g} %' if that is meant)"
    )


def bare_numbers_beside_shares(decl: ast.RuleDecl, checker: Checker) -> None:
    """Report, through ``checker``, each bare number other than 0 that a rule compares
    with a share, adds to or subtracts from one, or reads beside one (``min``, ``max``,
    an ``if``'s branches, a list it is looked for in): ``channel.visits_share < 12``, or
    ``< low_volume`` for ``param low_volume = 12``, is 12 % to whoever wrote it and
    1,200 % to the rules, never read as either in silence. The error is at the number (or at the
    param's name), naming the share and both ways to write what was meant."""
    for root in (decl.guard, decl.check):
        for node in ast.walk(root) if root is not None else ():
            for a, b in _alike(node, checker):
                for share, other in ((a, b), (b, a)):
                    t = checker.types.get(id(share))
                    if t is None or not is_share(t):
                        continue
                    found = _bare_number(other, checker)
                    if found is not None:
                        given, written, value = found
                        what = f"`{ast.unparse(share)}`"
                        checker.error(other, share_problem(what, written, value, given=given))


def _alike(node: ast.Expr, checker: Checker) -> list[tuple[ast.Expr, ast.Expr]]:
    """The pairs of ``node``'s parts that are read in one unit: the sides of a
    comparison, of a sum or difference, the branches of an ``if``, the arguments of
    ``min`` and ``max``, a value and the list it is looked for in."""
    if isinstance(node, ast.Compare):
        return list(zip(node.operands, node.operands[1:], strict=False))
    if isinstance(node, ast.Arith) and node.op in "+-":
        return [(node.left, node.right)]
    if isinstance(node, ast.IfExp):
        return [(node.body, node.orelse)]
    if isinstance(node, ast.In) and isinstance(node.container, ast.ListLit):
        return [(node.item, item) for item in node.container.items]
    fn = checker.scope.functions.get(node.func) if isinstance(node, ast.Call) else None
    if isinstance(node, ast.Call) and fn is not None and fn.unify:
        return list(itertools.combinations(node.args, 2))
    return []


def _bare_number(node: ast.Expr, checker: Checker) -> tuple[str, str, float] | None:
    """What ``node`` is when it is a bare number other than 0: a literal (``12``) or a
    param declared as one (``param low_volume = 12``), as (what to write with its unit,
    the number as written, its value)."""
    value = bare_share_written(node)
    if value is not None:
        return "number beside it", ast.unparse(node), value
    if isinstance(node, ast.Name) and node.name in checker.scope.params:
        t, held = checker.scope.params[node.name]
        plain = t.kind == "quantity" and t.dim == () and t.display is None
        if plain and held.__class__ in (int, float) and held:
            return f"param {node.name}", f"{held:g}", float(held)
    return None
