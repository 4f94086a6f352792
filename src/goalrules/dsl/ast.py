"""The syntax tree of the rule language: one frozen class per construct.

Every node carries a :class:`Span` (1-based line and column, end exclusive) that is
left out of equality, so that a tree printed by :func:`unparse` and parsed again
compares equal to the original.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

import attrs

from goalrules.errors import GoalRulesError

__all__ = [
    "And",
    "Arith",
    "Bool",
    "Call",
    "Compare",
    "DateLit",
    "Expr",
    "FactDecl",
    "Field",
    "IfExp",
    "In",
    "IsSet",
    "ListLit",
    "Name",
    "Neg",
    "Not",
    "Number",
    "Or",
    "ParamDecl",
    "Quantity",
    "RuleDecl",
    "RuleFile",
    "Span",
    "Str",
    "Today",
    "TypeExpr",
    "children",
    "error_at",
    "unparse",
    "walk",
]


@attrs.frozen
class Span:
    """Where a node stands in its source: 1-based line and column, end exclusive."""

    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


NOWHERE = Span()


def _span() -> Span:
    return attrs.field(default=NOWHERE, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Number:
    value: float
    span: Span = _span()


@attrs.frozen
class Quantity:
    """A number with a unit, as written: ``2 %``, ``1000 followers``, ``6 months``."""

    value: float
    unit: str
    span: Span = _span()


@attrs.frozen
class DateLit:
    value: _dt.date
    span: Span = _span()


@attrs.frozen
class Str:
    value: str
    span: Span = _span()


@attrs.frozen
class Bool:
    value: bool
    span: Span = _span()


@attrs.frozen
class Today:
    span: Span = _span()


@attrs.frozen
class Name:
    name: str
    span: Span = _span()


@attrs.frozen
class Field:
    obj: Expr
    name: str
    span: Span = _span()


@attrs.frozen
class Call:
    func: str
    args: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class ListLit:
    items: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class Neg:
    operand: Expr
    span: Span = _span()


@attrs.frozen
class Arith:
    op: str  # + - * /
    left: Expr
    right: Expr
    span: Span = _span()


@attrs.frozen
class Compare:
    """A comparison chain: ``1 % <= x < 5 %`` has two ops and three operands."""

    ops: tuple[str, ...]
    operands: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class IsSet:
    operand: Expr
    negated: bool = False  # ``is missing``
    span: Span = _span()


@attrs.frozen
class In:
    item: Expr
    container: Expr
    negated: bool = False
    span: Span = _span()


@attrs.frozen
class Not:
    operand: Expr
    span: Span = _span()


@attrs.frozen
class And:
    left: Expr
    right: Expr
    span: Span = _span()


@attrs.frozen
class Or:
    left: Expr
    right: Expr
    span: Span = _span()


@attrs.frozen
class IfExp:
    body: Expr
    test: Expr
    orelse: Expr
    span: Span = _span()


Expr = (
    Number | Quantity | DateLit | Str | Bool | Today | Name | Field | Call | ListLit | Neg
    | Arith | Compare | IsSet | In | Not | And | Or | IfExp
)  # fmt: skip


@attrs.frozen
class TypeExpr:
    """A declared type: ``text``, ``bool``, ``date``, ``number``, ``quantity``,
    ``list of T``, or a unit such as ``visit`` or ``follower / month``."""

    name: str  # a simple type name, a unit text, or "list"
    item: TypeExpr | None = None
    span: Span = _span()


@attrs.frozen
class FactDecl:
    name: str
    type: TypeExpr
    span: Span = _span()


@attrs.frozen
class ParamDecl:
    name: str
    value: Expr
    span: Span = _span()


@attrs.frozen
class Template:
    """A message with ``{expr}`` holes: literal parts and expressions alternate."""

    parts: tuple[str | Expr, ...]
    source: str = ""
    span: Span = _span()


@attrs.frozen
class RuleDecl:
    id: str
    criterion: str | None = None
    decision: str | None = None
    weight: float = 1.0
    priority: float = 0.0
    guard: Expr | None = None
    check: Expr | None = None
    says: Template | None = None
    pass_msg: Template | None = None
    fail_msg: Template | None = None
    fix: Template | None = None
    span: Span = _span()


@attrs.frozen
class Given:
    """One fact a test gives: ``channel.visits = 3,000 visits``."""

    path: tuple[str, ...]
    value: Expr
    span: Span = _span()


@attrs.frozen
class Expect:
    """One expectation of a test: ``kind`` is ``decision``, ``no_decision``, ``rule``
    (``target`` a rule id, ``value`` its outcome), ``passes``, ``fails``, ``score``
    (``target`` a criterion; ``score`` an expression) or ``message`` (``value`` a text
    the rule's message contains)."""

    kind: str
    target: str | None = None
    value: str | None = None
    score: Expr | None = None
    span: Span = _span()


@attrs.frozen
class TestDecl:
    """A test of the rules: a name, the facts given and the outcomes expected."""

    name: str
    givens: tuple[Given, ...] = ()
    expects: tuple[Expect, ...] = ()
    span: Span = _span()


@attrs.frozen
class RuleFile:
    name: str | None = None
    title: str | None = None
    facts: tuple[FactDecl, ...] = ()
    params: tuple[ParamDecl, ...] = ()
    rules: tuple[RuleDecl, ...] = ()
    span: Span = _span()
    tests: tuple[TestDecl, ...] = ()


def error_at(
    cls: type[GoalRulesError],
    message: str,
    span: Span,
    *,
    source: str | None,
    text: str | None,
    **details: Any,
) -> GoalRulesError:
    """An error of class ``cls`` placed at ``span`` (a caret under it when the span is
    on one line)."""
    return cls(
        message,
        source=source,
        line=span.line or None,
        column=span.column or None,
        end_column=span.end_column if span.end_line == span.line else None,
        text=text,
        **details,
    )


def children(node: Expr) -> Iterator[Expr]:
    """The direct sub-expressions of ``node``."""
    if isinstance(node, Field):
        yield node.obj
    elif isinstance(node, Call):
        yield from node.args
    elif isinstance(node, ListLit):
        yield from node.items
    elif isinstance(node, (Neg, Not, IsSet)):
        yield node.operand
    elif isinstance(node, (Arith, And, Or)):
        yield node.left
        yield node.right
    elif isinstance(node, Compare):
        yield from node.operands
    elif isinstance(node, In):
        yield node.item
        yield node.container
    elif isinstance(node, IfExp):
        yield node.body
        yield node.test
        yield node.orelse


def walk(node: Expr) -> Iterator[Expr]:
    """``node`` and every expression under it, depth first."""
    yield node
    for child in children(node):
        yield from walk(child)


# -- printing ----------------------------------------------------------------------------

_PREC = {IfExp: 1, Or: 2, And: 3, Not: 4, Compare: 5, IsSet: 5, In: 5}


def _prec(node: Expr) -> int:
    if isinstance(node, Arith):
        return 6 if node.op in "+-" else 7
    if isinstance(node, Neg):
        return 8
    return _PREC.get(type(node), 10)


def _num(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return '"' + escaped + '"'


def unparse(node: Expr) -> str:
    """Source text for ``node`` that parses back to an equal tree."""

    def wrap(child: Expr, min_prec: int) -> str:
        text = unparse(child)
        return f"({text})" if _prec(child) < min_prec else text

    if isinstance(node, Number):
        return _num(node.value)
    if isinstance(node, Quantity):
        return f"{_num(node.value)} {node.unit}"
    if isinstance(node, DateLit):
        return node.value.isoformat()
    if isinstance(node, Str):
        return _quote(node.value)
    if isinstance(node, Bool):
        return "true" if node.value else "false"
    if isinstance(node, Today):
        return "today"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Field):
        return f"{wrap(node.obj, 10)}.{node.name}"
    if isinstance(node, Call):
        return f"{node.func}({', '.join(unparse(a) for a in node.args)})"
    if isinstance(node, ListLit):
        return f"[{', '.join(unparse(a) for a in node.items)}]"
    if isinstance(node, Neg):
        return f"-{wrap(node.operand, 8)}"
    if isinstance(node, Arith):
        p = _prec(node)
        left = wrap(node.left, p)
        if isinstance(node.left, Quantity) and node.op == "/":
            left = f"({left})"  # `5 followers / month` would read as one literal
        return f"{left} {node.op} {wrap(node.right, p + 1)}"
    if isinstance(node, Compare):
        parts = [wrap(node.operands[0], 6)]
        for op, operand in zip(node.ops, node.operands[1:], strict=True):
            parts += [op, wrap(operand, 6)]
        return " ".join(parts)
    if isinstance(node, IsSet):
        return f"{wrap(node.operand, 6)} is {'missing' if node.negated else 'set'}"
    if isinstance(node, In):
        op = "not in" if node.negated else "in"
        return f"{wrap(node.item, 6)} {op} {wrap(node.container, 6)}"
    if isinstance(node, Not):
        return f"not {wrap(node.operand, 4)}"
    if isinstance(node, And):
        return f"{wrap(node.left, 3)} and {wrap(node.right, 4)}"
    if isinstance(node, Or):
        return f"{wrap(node.left, 2)} or {wrap(node.right, 3)}"
    if isinstance(node, IfExp):
        return f"{wrap(node.body, 2)} if {wrap(node.test, 2)} else {wrap(node.orelse, 1)}"
    raise TypeError(f"not an expression node: {node!r}")
