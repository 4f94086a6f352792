"""What a rule needs to pass: the facts whose absence already rules a pass out.

A rule passes when its guard and its check are true. In goalrules' three-valued logic a
comparison, an arithmetic or a membership test that reads a missing fact is unknown:
neither true nor false. :func:`needed` reads a rule's syntax tree for the fields that
must be present for it to pass (a missing one makes the check unknown or false, never
true), so that :meth:`~goalrules.engine.ruleset.RuleSet.decide` can pass over a rule
whose facts lack one without evaluating it: the decision is the one evaluation gives,
without the careful (three-valued) evaluation a missing fact otherwise sends the rule
down. The reading is conservative: what it is not sure of (function calls, ``if``
expressions, ``is set`` tests) needs nothing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from goalrules.dsl import ast
from goalrules.engine.lazy_facts import LazyFields
from goalrules.engine.results import _PASS, Rule

__all__ = ["Need", "in_order", "lacking", "lacks", "needed"]

Date = _dt.date

#: a fact (``channel``) or one of its fields (``("channel", "visits")``)
Path = tuple[str, str | None]
#: a fact and the fields of it a rule needs (``("channel", ("visits", "leads"))``)
Need = tuple[str, tuple[str, ...]]


def needed(rule: Rule) -> tuple[Need, ...]:
    """What must be present (not missing, not ``None``) for ``rule`` to pass: each fact
    with the fields of it read, in the order first read; ``()`` when nothing is
    known."""
    decl, checker = rule._decl, rule._checker
    if decl is None or checker is None or decl.check is None:
        return ()
    reader = _Reader(set(checker.scope.facts) - set(checker.scope.params))
    paths = reader.not_true(decl.check)
    if decl.guard is not None:
        paths = [*reader.not_true(decl.guard), *paths]
    fields: dict[str, dict[str, None]] = {}
    for fact, field in paths:
        known = fields.setdefault(fact, {})
        if field is not None:
            known[field] = None
    return tuple((fact, tuple(known)) for fact, known in fields.items())


def lacking(needs: tuple[Need, ...]) -> Callable[[Mapping[str, Any]], bool]:
    """:func:`lacks` for these ``needs`` as one function of the facts, its reads written
    out (the names are the rule's, as string constants): the test a decision makes
    before each rule, at the cost of a few dictionary reads."""
    lines = ["def lacks(f):"]
    for name, fields in needs:
        lines += [f"    v = f.get({name!r})", "    if v is None:", "        return True"]
        if fields:
            either = " or ".join(f"g({field!r}) is None" for field in fields)
            # a field still pending (or absent) in a LazyFields is not surely missing
            pending = " or ".join(f"g(v, {field!r}, v) is None" for field in fields)
            lines += ["    if v.__class__ is dict:", "        g = v.get", f"        if {either}:",
                      "            return True",
                      "    elif v.__class__ is LazyFields:", "        g = dict.get",
                      f"        if {pending}:", "            return True"]  # fmt: skip
    lines.append("    return False")
    space: dict[str, Any] = {"LazyFields": LazyFields}
    exec(compile("\n".join(lines) + "\n", "<goalrules needs>", "exec"), space)
    fn: Callable[[Mapping[str, Any]], bool] = space["lacks"]
    return fn


def in_order(
    rules: Sequence[tuple[Rule, tuple[Need, ...]]],
) -> Callable[[Mapping[str, Any], Date | None], Rule | None]:
    """``decide(facts, today)``: the first of ``rules`` (decision rules in order of
    priority, each with its needs) whose facts do not lack what it needs
    (:func:`lacks`) and whose fast code passes, or ``None``; one function, each fact
    read once at its top and each rule's needs test written out in its ``if``."""
    names = list(dict.fromkeys(name for _, needs in rules for name, _ in needs))
    lines = ["def decide(f, today):"]
    space: dict[str, Any] = {
        "_PASS": _PASS, "LazyFields": LazyFields, "_dict_get": dict.get, "_ANY": {}.get
    }  # fmt: skip
    for k, name in enumerate(names):  # g(field, a) is None: the field is surely missing
        lines += [f"    v{k} = f.get({name!r})", f"    if v{k}.__class__ is dict:",
                  f"        g{k}, a{k} = v{k}.get, None",
                  f"    elif v{k}.__class__ is LazyFields:  # a pending field: present",
                  f"        g{k}, a{k} = _dict_get.__get__(v{k}), v{k}",
                  "    else:  # not a plain dict: taken to have every field",
                  f"        g{k}, a{k} = _ANY, True"]  # fmt: skip
    # each field's test made once, where a rule first needs it: rules reached later
    # read its answer (a field still pending then, and filled with None by a rule's
    # evaluation since, is taken as present: that rule's evaluation then says it does
    # not pass, as its needs test would have)
    tested: dict[tuple[int, str], str] = {}
    for i, (rule, needs) in enumerate(rules):
        space[f"rule{i}"], space[f"fast{i}"] = rule, rule._fast
        tests = []
        for name, fields in needs:
            k = names.index(name)
            tests.append(f"v{k} is None")
            for field in fields:
                test = tested.get((k, field))
                if test is None:
                    test = tested[(k, field)] = f"n{len(tested)}"
                    lines.append(f"    {test} = g{k}({field!r}, a{k}) is None")
                tests.append(test)
        passes = f"fast{i}(f, today) == _PASS"
        lines.append(
            f"    if not ({' or '.join(tests)}) and {passes}:" if tests else f"    if {passes}:"
        )
        lines.append(f"        return rule{i}")
    lines.append("    return None")
    exec(compile("\n".join(lines) + "\n", "<goalrules decide>", "exec"), space)
    fn: Callable[[Mapping[str, Any], Date | None], Rule | None] = space["decide"]
    return fn


def lacks(facts: Mapping[str, Any], needs: tuple[Need, ...]) -> bool:
    """Whether ``facts`` lack one of ``needs`` (a fact that is not a plain dict is taken
    to have every field, and a :class:`~goalrules.engine.lazy_facts.LazyFields` every
    field still pending: only what is surely missing counts)."""
    for name, fields in needs:
        value = facts.get(name)
        if value is None:
            return True
        if fields and value.__class__ is dict:
            get = value.get
            for field in fields:
                if get(field) is None:
                    return True
        elif fields and value.__class__ is LazyFields:  # a pending field: not missing
            for field in fields:
                if dict.get(value, field, value) is None:
                    return True
    return False


class _Reader:
    """The three readings of an expression: the paths whose absence makes it not true
    (``not_true``), not false (``not_false``), or unknown as a value (``reads``)."""

    def __init__(self, facts: set[str]) -> None:
        self.facts = facts

    def reads(self, node: ast.Expr) -> list[Path]:
        if isinstance(node, ast.Name):
            return [(node.name, None)] if node.name in self.facts else []
        if isinstance(node, ast.Field):
            obj = node.obj
            if isinstance(obj, ast.Name):
                if obj.name not in self.facts:
                    return []
                return [(obj.name, None), (obj.name, node.name)]
            return self.reads(obj)  # a deeper field: missing when its parent is
        if isinstance(node, ast.Arith):
            return [*self.reads(node.left), *self.reads(node.right)]
        if isinstance(node, ast.Neg):
            return self.reads(node.operand)
        if isinstance(node, ast.Compare | ast.In | ast.Not | ast.And | ast.Or):
            surely = set(self.not_false(node))
            return [p for p in self.not_true(node) if p in surely]
        return []  # literals, today, calls, if-expressions, lists, `is set`: nothing known

    def not_true(self, node: ast.Expr) -> list[Path]:
        if isinstance(node, ast.Compare):  # a chain stops at its first false link
            return [p for o in node.operands for p in self.reads(o)]
        if isinstance(node, ast.In):
            return [*self.reads(node.item), *self.reads(node.container)]
        if isinstance(node, ast.Not):
            return self.not_false(node.operand)
        if isinstance(node, ast.And):  # false or unknown on either side
            return [*self.not_true(node.left), *self.not_true(node.right)]
        if isinstance(node, ast.Or):  # not true only when neither side is
            right = set(self.not_true(node.right))
            return [p for p in self.not_true(node.left) if p in right]
        return self.reads(node)  # a boolean field, say: missing is unknown

    def not_false(self, node: ast.Expr) -> list[Path]:
        if isinstance(node, ast.Compare):  # its first link is always evaluated
            return [p for o in node.operands[:2] for p in self.reads(o)]
        if isinstance(node, ast.In):
            return [*self.reads(node.item), *self.reads(node.container)]
        if isinstance(node, ast.Not):
            return self.not_true(node.operand)
        if isinstance(node, ast.And):  # not false only when neither side is
            right = set(self.not_false(node.right))
            return [p for p in self.not_false(node.left) if p in right]
        if isinstance(node, ast.Or):
            return [*self.not_false(node.left), *self.not_false(node.right)]
        return self.reads(node)
