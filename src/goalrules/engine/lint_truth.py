"""What a rule's expressions read, and which of their parts are constant: the ground
the lint's checks (:mod:`goalrules.engine.lint`) and its sampling of facts
(:mod:`goalrules.engine.lint_sample`) stand on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.ast import walk
from goalrules.dsl.types import Type
from goalrules.engine.lint_ranges import contradiction
from goalrules.engine.results import Rule

__all__ = [
    "Truth",
    "flip",
    "names_in",
    "negation_of",
    "never_negative",
    "path_of",
    "reads",
    "template_exprs",
    "templates",
    "walk",
]


# -- what the rules read -------------------------------------------------------------


def path_of(node: ast.Expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.name
    if isinstance(node, ast.Field):
        inner = path_of(node.obj)
        return f"{inner}.{node.name}" if inner else None
    return None


def reads(node: ast.Expr | None, params: Iterable[str]) -> set[str]:
    """The facts (and fields: ``channel.visits``) an expression reads."""
    if node is None:
        return set()
    names = set(params)
    out: set[str] = set()
    for n in walk(node):
        p = path_of(n)
        if p is not None and p.split(".")[0] not in names:
            out.add(p)
    return {p for p in out if not any(q != p and q.startswith(p + ".") for q in out)}


def names_in(node: ast.Expr | None) -> set[str]:
    return {n.name for n in walk(node) if isinstance(n, ast.Name)} if node is not None else set()


def templates(decl: ast.RuleDecl) -> list[ast.Template]:
    return [t for t in (decl.says, decl.pass_msg, decl.fail_msg, decl.fix) if t is not None]


def template_exprs(decl: ast.RuleDecl) -> list[ast.Expr]:
    return [p for t in templates(decl) for p in t.parts if not isinstance(p, str)]


# -- constant truth ------------------------------------------------------------------


class Truth:
    """Which parts of a rule's expressions are constant, and their values."""

    def __init__(self, rule: Rule, params: set[str]) -> None:
        self.rule = rule
        self.params = params

    def constant(self, node: ast.Expr) -> bool:
        for n in walk(node):
            if isinstance(n, ast.Today):
                return False
            if isinstance(n, ast.Name) and n.name not in self.params:
                return False
            if isinstance(n, ast.Call):
                return False
        return True

    def value(self, node: ast.Expr) -> Any:
        from goalrules.dsl import runtime
        from goalrules.dsl.compiler import PythonBackend

        checker = self.rule._checker
        if checker is None:
            raise runtime.Unknown("no checker")
        backend = PythonBackend(checker)
        fn = backend.function("lint", backend.careful(node), ["f", "today", "rec"], "lint")
        return fn({}, None, None)

    def type(self, node: ast.Expr) -> Type | None:
        checker = self.rule._checker
        return checker.types.get(id(node)) if checker is not None else None

    def truth(self, node: ast.Expr) -> tuple[bool, str] | None:
        """``(value, why)`` when ``node`` is true (or false) whatever the facts."""
        if self.constant(node):
            try:
                v = self.value(node)
            except Exception:
                return None
            if isinstance(v, bool):
                return v, f"`{ast.unparse(node)}` is a constant"
            return None
        if isinstance(node, ast.Not):
            inner = self.truth(node.operand)
            return (not inner[0], inner[1]) if inner else None
        if isinstance(node, (ast.And, ast.Or)):
            a, b = self.truth(node.left), self.truth(node.right)
            stop = isinstance(node, ast.Or)  # the value that decides
            for t in (a, b):
                if t is not None and t[0] is stop:
                    return t
            if a is not None and b is not None:
                return a[0], f"{a[1]} and {b[1]}"
            if negation_of(node.left, node.right):
                said = ast.unparse(node.left)
                return stop, f"`{said}` {'or' if stop else 'and'} its negation"
            if isinstance(node, ast.And):
                why = contradiction(node, self.constant, self.value, self._count)
                return (False, why) if why is not None else None
            return None
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            return self._compare(node)
        if isinstance(node, ast.Compare):  # a chain: false when one of its links is
            for lhs, op, rhs in zip(node.operands, node.ops, node.operands[1:], strict=False):
                link = self._compare(ast.Compare((op,), (lhs, rhs), span=node.span))
                if link is not None and link[0] is False:
                    return link
            why = contradiction(node, self.constant, self.value, self._count)
            return (False, why) if why is not None else None
        if (
            isinstance(node, ast.In)
            and isinstance(node.container, ast.ListLit)
            and not (node.container.items)
        ):
            return node.negated, "the list is empty"
        return None

    def _count(self, node: ast.Expr) -> bool:
        t = self.type(node)
        return t is not None and never_negative(t, node)

    def _compare(self, node: ast.Compare) -> tuple[bool, str] | None:
        (op,), (left, right) = node.ops, node.operands
        if ast.unparse(left) == ast.unparse(right):
            return op in ("==", "<=", ">="), f"`{ast.unparse(left)}` is compared with itself"
        for fact, const, flipped in ((left, right, False), (right, left, True)):
            if not self.constant(const) or self.constant(fact):
                continue
            t = self.type(fact)
            if t is None or not never_negative(t, fact):
                continue
            try:
                v = self.value(const)
            except Exception:
                return None
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                return None
            o = flip(op) if flipped else op
            what = f"`{ast.unparse(fact)}` is a count, never negative"
            if (o == ">=" and v <= 0) or (o == ">" and v < 0) or (o == "!=" and v < 0):
                return True, what
            if (o == "<" and v <= 0) or (o == "<=" and v < 0) or (o == "==" and v < 0):
                return False, what
        return None


def flip(op: str) -> str:
    return {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)


def never_negative(t: Type, node: ast.Expr) -> bool:
    """A count of one kind of thing (visits, followers, leads) is never negative."""
    if not t.is_quantity or not t.dim or len(t.dim) != 1:
        return False
    dim, power = t.dim[0]
    return power == 1 and dim not in ("[time]", "[currency]") and path_of(node) is not None


def negation_of(a: ast.Expr, b: ast.Expr) -> bool:
    return (isinstance(b, ast.Not) and ast.unparse(b.operand) == ast.unparse(a)) or (
        isinstance(a, ast.Not) and ast.unparse(a.operand) == ast.unparse(b)
    )
