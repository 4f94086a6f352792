"""Type checking of rule expressions: every node gets a static type.

:class:`Checker` gives every node a static :class:`~goalrules.dsl.types.Type`, resolving
names against the fact schemas, params and functions, and reports every type or unit
error with its position (a caret under the culprit). The backends (Python in
:mod:`goalrules.dsl.compiler`, polars in :mod:`goalrules.dsl.columnar`) compile the
checked tree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.builtins import Function, function_table
from goalrules.dsl.types import (
    ANY,
    BOOL,
    DATE,
    DURATION,
    NUMBER,
    TEXT,
    Type,
    list_of,
)
from goalrules.errors import GoalRulesError, RuleTypeError, UnitError, suggest
from goalrules.units import dimension_key, format_dimension, unit_info

__all__ = ["RESERVED", "Checker", "Scope", "declared_type", "name_problem"]

#: words of the language that a fact, field or param cannot be named
RESERVED = frozenset({"today", "true", "false", "and", "or", "not", "in", "is", "set", "missing"})


def name_problem(name: str, kind: str = "fact") -> str | None:
    """Why ``name`` cannot name a fact (or field, param), or ``None``."""
    if name.startswith("_"):
        return f"a {kind} name cannot start with '_': {name!r}"
    if name in RESERVED:
        return f"a {kind} cannot be named {name!r}: it is a word of the rule language"
    return None


_CALENDAR_MONTHS = {
    "month": 1,
    "mo": 1,
    "mon": 1,
    "quarter": 3,
    "qtr": 3,
    "year": 12,
    "yr": 12,
    "y": 12,
}


@attrs.define
class Scope:
    """What names an expression may use: top-level facts (a type per name), params
    (compile-time constants) and functions."""

    facts: dict[str, Type] = attrs.field(factory=dict)
    params: dict[str, tuple[Type, Any]] = attrs.field(factory=dict)
    functions: Mapping[str, Function] = attrs.field(factory=function_table)


# ------------------------------------------------------------------------------------
# checking
# ------------------------------------------------------------------------------------


class Checker:
    """Assigns a static type to every node; collects positioned errors."""

    def __init__(self, scope: Scope, *, source: str = "<rules>", text: str | None = None) -> None:
        self.scope = scope
        self.source = source
        self.text = text
        self.types: dict[int, Type] = {}
        self.errors: list[GoalRulesError] = []
        # quantity literals written in calendar units: node id -> months
        self.months: dict[int, float] = {}
        # bare number literals that take the unit of what they are compared with
        self.adopted: dict[int, Type] = {}

    def adopt(self, node: ast.Expr, t: Type, other: Type) -> Type:
        """A bare number next to a quantity takes its unit (``visits > 1000``)."""
        bare = node.operand if isinstance(node, ast.Neg) else node
        if (
            isinstance(bare, ast.Number)
            and t.is_number
            and t.display is None
            and other.is_quantity
            and not other.is_dynamic
            and other.dim
        ):
            self.adopted[id(bare)] = other
            self._set(node, other)
            if bare is not node:
                self._set(bare, other)
            return other
        return t

    # -- errors --------------------------------------------------------------------
    def error(
        self,
        node: Any,
        message: str,
        *,
        suggestions: Sequence[str] = (),
        hint: str | None = None,
        cls: type[GoalRulesError] = RuleTypeError,
    ) -> Type:
        sp: ast.Span = getattr(node, "span", ast.NOWHERE)
        self.errors.append(
            ast.error_at(
                cls,
                message,
                sp,
                source=self.source,
                text=self.text,
                suggestions=suggestions,
                hint=hint,
            )
        )
        return ANY

    def _set(self, node: Any, t: Type) -> Type:
        self.types[id(node)] = t
        return t

    # -- entry points ---------------------------------------------------------------------
    def check(self, node: ast.Expr) -> Type:
        return self._set(node, self._check(node))

    def check_bool(self, node: ast.Expr, what: str) -> Type:
        t = self.check(node)
        if t.kind not in ("bool", "any"):
            self.error(node, f"{what} must be true or false, but this is a {t}")
        return t

    # -- per construct -------------------------------------------------------------------
    def _check(self, node: ast.Expr) -> Type:
        if isinstance(node, ast.Number):
            return NUMBER
        if isinstance(node, ast.Quantity):
            try:
                info = unit_info(node.unit)
            except UnitError as exc:
                return self.error(node, exc.message, suggestions=exc.suggestions, cls=UnitError)
            words = node.unit.lower().split()
            if len(words) == 1:
                base = words[0].rstrip("s") if words[0] not in ("s",) else words[0]
                if base in _CALENDAR_MONTHS:
                    self.months[id(node)] = node.value * _CALENDAR_MONTHS[base]
            display = node.unit
            if info.key == () and node.unit.strip() in ("%", "percent"):
                display = "%"
            return Type("quantity", dim=info.key, display=display)
        if isinstance(node, ast.DateLit | ast.Today):
            return DATE
        if isinstance(node, ast.Str):
            return TEXT
        if isinstance(node, ast.Bool):
            return BOOL
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.Field):
            return self._field(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.ListLit):
            return self._list(node)
        if isinstance(node, ast.Neg):
            t = self.check(node.operand)
            if t.kind not in ("quantity", "any"):
                return self.error(node, f"cannot negate a {t}")
            return t
        if isinstance(node, ast.Arith):
            return self._arith(node)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.IsSet):
            self.check(node.operand)
            return BOOL
        if isinstance(node, ast.In):
            return self._in(node)
        if isinstance(node, ast.Not):
            self.check_bool(node.operand, "the operand of 'not'")
            return BOOL
        if isinstance(node, ast.And | ast.Or):
            word = "and" if isinstance(node, ast.And) else "or"
            self.check_bool(node.left, f"each side of '{word}'")
            self.check_bool(node.right, f"each side of '{word}'")
            return BOOL
        if isinstance(node, ast.IfExp):
            self.check_bool(node.test, "the condition of 'if'")
            a, b = self.check(node.body), self.check(node.orelse)
            if "any" in (a.kind, b.kind):
                return a if b.kind == "any" else b
            if not _compatible(a, b):
                return self.error(node, f"the two branches differ: {a} and {b}")
            return a if not a.is_dynamic else b
        raise TypeError(f"unknown node {node!r}")  # pragma: no cover

    def _name(self, node: ast.Name) -> Type:
        if node.name in self.scope.params:
            return self.scope.params[node.name][0]
        if node.name in self.scope.facts:
            return self.scope.facts[node.name]
        known = list(self.scope.facts) + list(self.scope.params)
        if node.name in self.scope.functions:
            return self.error(node, f"{node.name!r} is a function; call it as {node.name}(...)")
        return self.error(
            node, f"unknown name {node.name!r}", suggestions=suggest(node.name, known)
        )

    def _field(self, node: ast.Field) -> Type:
        obj = self.check(node.obj)
        if obj.kind == "any":
            return ANY
        if obj.kind != "fact" or obj.schema is None:
            return self.error(node, f"a {obj} has no fields (asked for {node.name!r})")
        spec = obj.schema.fields.get(node.name)
        if spec is None:
            return self.error(
                node,
                f"{obj.schema.name} has no field {node.name!r}",
                suggestions=suggest(node.name, obj.schema.fields),
            )
        return spec.type

    def _call(self, node: ast.Call) -> Type:
        fn = self.scope.functions.get(node.func)
        args = [self.check(a) for a in node.args]
        if fn is None:
            return self.error(
                node,
                f"unknown function {node.func!r}",
                suggestions=suggest(node.func, self.scope.functions),
            )
        n = len(args)
        if n < fn.min_args or (n > len(fn.params) and not fn.variadic):
            return self.error(node, f"{fn.signature} takes {_arity(fn)}, got {n}")
        if any(a.kind == "any" for a in args):
            return ANY
        if fn.unify:
            anchor = next((a for a in args if a.is_quantity and not a.is_dynamic and a.dim), None)
            if anchor is not None:
                args = [self.adopt(n, a, anchor) for n, a in zip(node.args, args, strict=True)]
        kinds = list(fn.params) + [fn.params[-1]] * max(0, n - len(fn.params))
        for arg_node, t, kind in zip(node.args, args, kinds, strict=False):
            problem = _kind_problem(kind.rstrip("?"), t)
            if problem:
                return self.error(arg_node, f"{fn.name}() {problem}")
        if fn.check is not None:
            problem = fn.check(args)
            if problem:
                return self.error(node, problem)
        return fn.result_type(args)

    def _list(self, node: ast.ListLit) -> Type:
        items = [self.check(i) for i in node.items]
        real = [t for t in items if t.kind != "any"]
        if not real:
            return list_of(ANY)
        first = real[0]
        for item, t in zip(node.items, items, strict=True):
            if t.kind != "any" and not _compatible(first, t):
                return self.error(item, f"a list holds one type; this is a {t} among {first}s")
        return list_of(first)

    def _arith(self, node: ast.Arith) -> Type:
        a, b = self.check(node.left), self.check(node.right)
        if "any" in (a.kind, b.kind):
            return ANY
        op = node.op
        if op in "+-":
            a = self.adopt(node.left, a, b)
            b = self.adopt(node.right, b, a)
        if op in "+-":
            if a.kind == "date" and b.kind == "quantity" and b.dim in (DURATION.dim, None):
                return DATE
            if (
                op == "+"
                and b.kind == "date"
                and a.kind == "quantity"
                and a.dim in (DURATION.dim, None)
            ):
                return DATE
            if op == "-" and a.kind == "date" and b.kind == "date":
                return DURATION
            if a.kind == "quantity" and b.kind == "quantity":
                if a.is_dynamic or b.is_dynamic:
                    return a if a.is_dynamic else b
                if a.dim != b.dim:
                    verb = "add" if op == "+" else "subtract"
                    return self.error(
                        node.right,
                        f"cannot {verb} {_noun(b)} {'to' if op == '+' else 'from'} {_noun(a)}",
                        hint=_number_hint(a, b),
                    )
                return a if a.display else b
            return self.error(
                node, f"cannot {'add' if op == '+' else 'subtract'} {_noun(a)} and {_noun(b)}"
            )
        if a.kind != "quantity" or b.kind != "quantity":
            return self.error(
                node, f"cannot {'multiply' if op == '*' else 'divide'} {_noun(a)} by {_noun(b)}"
            )
        if a.is_dynamic or b.is_dynamic:
            return Type("quantity", dim=None)
        assert a.dim is not None and b.dim is not None
        dims: dict[str, int] = dict(a.dim)
        sign = 1 if op == "*" else -1
        for d, e in b.dim:
            dims[d] = dims.get(d, 0) + sign * e
        key = dimension_key(dims)
        display: str | None
        if key == ():
            raw = {d: e for d, e in dims.items() if e}
            display = "%" if raw else None  # counts cancelled: a rate
        elif key == a.dim and b.dim == ():
            display = a.display
        else:
            display = format_dimension(key)
        return Type("quantity", dim=key, display=display)

    def _compare(self, node: ast.Compare) -> Type:
        types = [self.check(o) for o in node.operands]
        for i in range(len(node.ops)):
            types[i] = self.adopt(node.operands[i], types[i], types[i + 1])
            types[i + 1] = self.adopt(node.operands[i + 1], types[i + 1], types[i])
        for i, op in enumerate(node.ops):
            a, b = types[i], types[i + 1]
            if "any" in (a.kind, b.kind):
                continue
            right = node.operands[i + 1]
            if op in ("==", "!=") or a.kind == b.kind == "quantity":
                if not _compatible(a, b):
                    self.error(
                        right, f"cannot compare {_noun(a)} with {_noun(b)}", hint=_number_hint(a, b)
                    )
                continue
            if a.kind == b.kind and a.kind in ("date", "text"):
                continue
            self.error(right, f"cannot order {_noun(a)} and {_noun(b)} with {op!r}")
        return BOOL

    def _in(self, node: ast.In) -> Type:
        item, cont = self.check(node.item), self.check(node.container)
        if "any" in (item.kind, cont.kind):
            return BOOL
        if cont.kind == "text":
            if item.kind != "text":
                self.error(node.item, f"only text can be found in text, not {_noun(item)}")
            return BOOL
        if cont.kind != "list":
            self.error(node.container, f"'in' needs a list or text on its right, not {_noun(cont)}")
            return BOOL
        assert cont.item is not None
        if cont.item.kind != "any" and not _compatible(item, cont.item):
            self.error(node.item, f"cannot look for {_noun(item)} in a list of {cont.item}")
        return BOOL


def _arity(fn: Function) -> str:
    lo, hi = fn.min_args, len(fn.params)
    if fn.variadic:
        return f"at least {lo} arguments"
    return f"{lo} argument{'s' if lo != 1 else ''}" if lo == hi else f"{lo} to {hi} arguments"


def _kind_problem(kind: str, t: Type) -> str | None:
    if kind == "any" or t.kind == "any":
        return None
    if kind == "quantity":
        return None if t.kind == "quantity" else f"needs a quantity, got {_noun(t)}"
    if kind == "number":
        return None if t.is_number or t.is_dynamic else f"needs a plain number, got {_noun(t)}"
    if kind == "duration":
        ok = t.kind == "quantity" and (t.dim in (DURATION.dim, None) or t.is_number)
        return None if ok else f"needs a duration such as 6 months, got {_noun(t)}"
    if kind == "list":
        return None if t.kind == "list" else f"needs a list, got {_noun(t)}"
    return None if t.kind == kind else f"needs {_article(kind)}, got {_noun(t)}"


def _article(kind: str) -> str:
    return {"text": "text", "bool": "true or false", "date": "a date", "unit": "a unit"}.get(
        kind, kind
    )


def _noun(t: Type) -> str:
    if t.kind == "quantity":
        if t.is_dynamic:
            return "a quantity"
        if t.dim == ():
            return "a number" if t.display is None else "a ratio"
        if t.dim == DURATION.dim:
            return "a duration"
        return format_dimension(t.dim) if t.dim else "a number"
    if t.kind == "bool":
        return "true/false"
    if t.kind == "list":
        return f"a list of {t.item}"
    if t.kind == "fact":
        return f"the fact {t.schema_name}"
    return f"a {t.kind}" if t.kind != "text" else "text"


def _number_hint(a: Type, b: Type) -> str | None:
    for x, y in ((a, b), (b, a)):
        if x.is_number and x.display is None and y.kind == "quantity" and y.dim:
            return f"write the number with its unit, e.g. 1000 {format_dimension(y.dim)}s"
    return None


def _compatible(a: Type, b: Type) -> bool:
    if "any" in (a.kind, b.kind):
        return True
    if a.kind != b.kind:
        return False
    if a.kind == "quantity":
        return a.is_dynamic or b.is_dynamic or a.dim == b.dim
    if a.kind == "list":
        assert a.item is not None and b.item is not None
        return _compatible(a.item, b.item)
    if a.kind == "fact":
        return a.schema_name == b.schema_name
    return True


def _type_from_decl(decl: ast.TypeExpr) -> Type:
    from goalrules.dsl.types import type_from_text

    if decl.name == "list" and decl.item is not None:
        return list_of(_type_from_decl(decl.item))
    if decl.name == "%":
        return Type("quantity", dim=(), display="%")
    return type_from_text(decl.name)


def declared_type(decl: ast.TypeExpr, *, source: str, text: str | None) -> Type:
    """The type a ``fact`` declaration names, or a positioned error."""
    try:
        return _type_from_decl(decl)
    except UnitError as exc:
        raise ast.error_at(
            UnitError, exc.message, decl.span, source=source, text=text,
            suggestions=exc.suggestions,
            hint="a fact's type is text, bool, date, number, quantity, list of T, or a unit",
        ) from None  # fmt: skip
