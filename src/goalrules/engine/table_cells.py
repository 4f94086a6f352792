"""Decision-table cells read into the rule language's syntax tree, fast.

A table of thousands of rows has thousands of cells, most of them simple values
(``"youtube"``, ``>= 1,000 visits``, ``15 %``, ``true``, ``2027-06-30``). Those are read
here by a few regular expressions into the same nodes the grammar builds (a property test
holds the two to the same tree); anything else goes through the grammar. Each distinct
text is read once. The nodes are placed (their spans moved) where the row's generated
rule has them, so an error or an explanation points at the row's line and the cell.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from goalrules.dsl import ast
from goalrules.dsl.parser import parse_expression, shift_spans

__all__ = ["cell_literal", "condition"]

_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SIMPLE_NUMBER = re.compile(rf"^({_NUMBER})$")
_WITH_UNIT = re.compile(rf"^({_NUMBER})\s*(%|[A-Za-z_]+)$")
_STRING = re.compile(r'^"([^"\\]*)"$')
_WORD = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_KEYWORDS = frozenset({"today", "true", "false", "and", "or", "not", "in", "is", "set",
                       "missing", "if", "else"})  # fmt: skip
# unit words the grammar reads as something else (scales, currencies, calendar words)
_TRICKY = frozenset({"k", "K", "m", "M", "bn", "e", "E"})


@functools.lru_cache(maxsize=65536)
def cell_literal(text: str) -> ast.Expr:
    """A value cell's node (spans relative to the text, from column 1)."""
    n = len(text)
    span = ast.Span(1, 1, 1, n + 1)
    if text in ("true", "false"):
        return ast.Bool(text == "true", span=span)
    m = _STRING.match(text)
    if m:
        return ast.Str(m[1], span=span)
    m = _SIMPLE_NUMBER.match(text)
    if m:
        return ast.Number(float(m[1].replace(",", "")), span=span)
    m = _WITH_UNIT.match(text)
    if m and m[2] not in _TRICKY and m[2] not in _KEYWORDS:
        return ast.Quantity(float(m[1].replace(",", "")), m[2], span=span)
    m = _DATE.match(text)
    if m:
        try:
            return ast.DateLit(_dt.date(int(m[1]), int(m[2]), int(m[3])), span=span)
        except ValueError:
            pass
    if _WORD.match(text) and text not in _KEYWORDS:
        return ast.Name(text, span=span)
    return parse_expression(text)


@functools.lru_cache(maxsize=4096)
def _input(text: str) -> ast.Expr:
    return parse_expression(text)


_COMPARE = ("<=", ">=", "==", "!=", "<", ">")
_RANGE = re.compile(r"^([\[\(\]])\s*(.+?)\s*\.\.\s*(.+?)\s*([\]\)\[])$")


def condition(inp: str, cell: str, line: int, column: int) -> tuple[str, ast.Expr]:
    """A cell's condition on input ``inp``: its text in the generated rule, and its node
    placed at ``line``, ``column`` (where the text starts)."""
    left = _input(inp)
    m = _RANGE.match(cell)
    if m is not None:
        lo_op = ">=" if m[1] == "[" else ">"
        hi_op = "<=" if m[4] == "]" else "<"
        first = f"{inp} {lo_op} {m[2]}"
        second = f"{inp} {hi_op} {m[3]}"
        text = f"{first} and {second}"
        a = _compare(left, lo_op, m[2], line, column)
        b = _compare(left, hi_op, m[3], line, column + len(first) + 5)
        return text, ast.And(a, b, span=ast.Span(line, column, line, column + len(text)))
    for op in _COMPARE:
        if cell.startswith(op):
            rest = cell[len(op) :].strip()
            text = f"{inp} {op} {rest}"
            return text, _compare(left, op, rest, line, column)
    if cell.startswith(("in ", "not in ", "is ")):
        text = f"{inp} {cell}"
        return text, shift_spans(parse_expression(text), line, column)
    value = cell_literal(cell)
    # a bare word is text
    rest = ast.unparse(ast.Str(value.name)) if isinstance(value, ast.Name) else cell
    text = f"{inp} == {rest}"
    return text, _compare(left, "==", rest, line, column)


def _compare(left: ast.Expr, op: str, rest: str, line: int, column: int) -> ast.Expr:
    """``left op rest`` as written from ``column``: ``left``'s text, a space, the
    operator, a space, the value."""
    width = left.span.end_column - left.span.column
    value = cell_literal(rest)
    if isinstance(value, ast.Name) and op in ("==", "!="):
        value = ast.Str(value.name, span=value.span)
    start = column + width + len(op) + 2
    node = ast.Compare(
        (op,),
        (shift_spans(left, line, column), shift_spans(value, line, start)),
        span=ast.Span(line, column, line, start + len(rest)),
    )
    return node
