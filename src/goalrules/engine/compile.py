"""Compiling a parsed rule file: checking every rule, then building its Python code."""

from __future__ import annotations

import ast as pyast
import datetime as _dt
import functools
import gc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import attrs

from goalrules.dsl import ast, runtime
from goalrules.dsl.checker import Checker, Scope, declared_type, name_problem
from goalrules.dsl.compiler import PythonBackend
from goalrules.dsl.parser import BOM, parse_expression, parse_file
from goalrules.dsl.schemas import BUILTIN_SCHEMAS
from goalrules.dsl.trees import shipped_tree
from goalrules.dsl.types import Schema, Type, fact_type
from goalrules.engine.bare_shares import (
    bare_numbers_beside_shares,
    bare_share_written,
    is_share,
    python_share_problem,
    share_problem,
)
from goalrules.engine.results import _FAIL, _PASS, _SKIPPED, Rule, _Part
from goalrules.engine.ruleset import RuleSet
from goalrules.engine.shipped_code import ShippedFast, adopt, fast_code
from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    RuleTypeError,
    UnknownNameError,
)


def _scope_for(
    rule_file: ast.RuleFile, schemas: Mapping[str, Schema], source: str, text: str | None
) -> tuple[Scope, list[GoalRulesError]]:
    scope = Scope()
    errors: list[GoalRulesError] = []
    for name, schema in schemas.items():
        scope.facts[name] = fact_type(schema)
    for decl in rule_file.facts:
        problem = name_problem(decl.name)
        if problem is not None:
            errors.append(
                _positioned(
                    RuleTypeError(problem),
                    decl.span,
                    source,
                    text,
                )
            )
            continue
        try:
            scope.facts[decl.name] = declared_type(decl.type, source=source, text=text)
        except GoalRulesError as exc:
            errors.append(exc)
    return scope, errors


def _positioned(err: GoalRulesError, sp: ast.Span, source: str, text: str | None) -> GoalRulesError:
    err.source = err.source or source
    if err.line is None and sp.line:
        err.line, err.column = sp.line, sp.column
        err.end_column = sp.end_column if sp.end_line == sp.line else None
    err.text = err.text or text
    return err


def _param_value(
    decl: ast.ParamDecl, override: Any, scope: Scope, source: str, text: str | None
) -> tuple[Type, Any]:
    """Evaluate a param (or its override) at compile time: (type, run-time value)."""
    declared = _check_constant(decl.value, scope, source, text)
    if override is None:
        return declared, _run_constant(decl.name, decl.value, scope, source, text, decl.span)
    if not isinstance(override, str):
        problem = (
            python_share_problem(f"param {decl.name}", override) if is_share(declared) else None
        )
        if problem is not None:
            raise RuleTypeError(problem, field=decl.name)
        return declared, _python_param(decl.name, declared, override)
    where = f"param {decl.name}"
    node = parse_expression(override, source=where)
    value = bare_share_written(node) if is_share(declared) else None
    if value is not None:
        # "3" for a share declared `2 %` is 300 % to the rules, and 3 % to whoever wrote it
        # "0.12" may be the fraction 12 % or the 0.12 % it reads like: both are named
        what = f"param {decl.name} (declared as {ast.unparse(decl.value)})"
        problem = share_problem(what, override, value, given="override")
        raise RuleTypeError(problem, field=decl.name)
    t = _check_constant(node, scope, where, override)
    if t.kind != declared.kind or (t.is_quantity and t.dim != declared.dim):
        raise RuleTypeError(
            f"param {decl.name} is a {declared}, but the override is a {t}", field=decl.name
        )
    return declared, _run_constant(decl.name, node, scope, where, override, node.span)


def _check_constant(node: ast.Expr, scope: Scope, source: str, text: str | None) -> Type:
    checker = Checker(scope, source=source, text=text)
    t = checker.check(node)
    if checker.errors:
        raise checker.errors[0] if len(checker.errors) == 1 else GoalRulesErrors(checker.errors)
    return t


def _run_constant(
    name: str, node: ast.Expr, scope: Scope, source: str, text: str | None, sp: ast.Span
) -> Any:
    checker = Checker(scope, source=source, text=text)
    checker.check(node)
    backend = PythonBackend(checker)
    code = backend.careful(node)
    if isinstance(code, pyast.Constant):  # a number, a quantity in base units: the value
        return code.value  # that the function compiled from it returns
    fn = backend.function("param", code, ["f", "today", "rec"], f"param {name}")
    try:
        return fn({}, None, None)
    except runtime.Unknown as exc:
        err = RuleTypeError(f"param {name} must be a constant, but reads {exc.detail}")
        raise _positioned(err, sp, source, text) from None


def _python_param(name: str, declared: Type, value: Any) -> Any:
    path = f"param {name}"
    try:
        return runtime.convert(value, declared.kind, declared.dim, declared.display, path)
    except runtime.Unknown as exc:
        raise RuleTypeError(f"bad value for {path}: {exc.detail}", field=name) from None


def compile_file(
    rule_file: ast.RuleFile,
    *,
    source: str = "<rules>",
    text: str | None = None,
    schemas: Mapping[str, Schema] | None = None,
    params: Mapping[str, Any] | None = None,
) -> RuleSet:
    """Check and compile a parsed rule file; every error found is raised together."""
    return _compile_file(rule_file, source, text, schemas, params, {})


def _compile_file(
    rule_file: ast.RuleFile,
    source: str,
    text: str | None,
    schemas: Mapping[str, Schema] | None,
    params: Mapping[str, Any] | None,
    shipped: Mapping[str, ShippedFast],
) -> RuleSet:
    """:func:`compile_file`, with the fast code of some rules written ahead of time
    (``shipped``, by rule id: see :mod:`goalrules.engine.shipped_code`)."""
    custom = schemas is not None
    schemas = dict(BUILTIN_SCHEMAS if schemas is None else schemas)
    scope, errors = _scope_for(rule_file, schemas, source, text)
    overrides = dict(params or {})
    for param in rule_file.params:
        try:
            scope.params[param.name] = _param_value(
                param, overrides.pop(param.name, None), scope, source, text
            )
        except GoalRulesError as exc:
            errors.extend(
                exc.errors
                if isinstance(exc, GoalRulesErrors)
                else [_positioned(exc, param.span, source, text)]
            )
            try:  # keep the name known, so later rules do not report it as unknown
                scope.params[param.name] = (_check_constant(param.value, scope, source, text), None)
            except GoalRulesError:
                scope.params[param.name] = (Type("any"), None)
    for name in overrides:
        errors.append(UnknownNameError("param", name, [p.name for p in rule_file.params]))
    rules: list[Rule] = []
    for decl in rule_file.rules:
        try:
            rules.append(_compile_rule(decl, scope, source, text, shipped.get(decl.id)))
        except GoalRulesErrors as group:
            errors.extend(group.errors)
        except GoalRulesError as exc:
            errors.append(_positioned(exc, decl.span, source, text))
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return RuleSet(
        name=rule_file.name or Path(source).stem.strip("<>") or "rules",
        title=rule_file.title,
        rules=tuple(rules),
        facts=dict(scope.facts),
        params={k: v[1] for k, v in scope.params.items()},
        source=source,
        origin=_Origin(rule_file, source, text, schemas if custom else None, dict(params or {})),
    )


def check_file(
    rule_file: ast.RuleFile, *, source: str = "<rules>", text: str | None = None
) -> dict[str, Type]:
    """Type-check a parsed rule file without generating code (every error raised
    together); the facts in scope. Decision tables check every row this way when they
    load and compile a row's rule when it is first needed."""
    scope, errors = _scope_for(rule_file, dict(BUILTIN_SCHEMAS), source, text)
    for param in rule_file.params:
        try:
            scope.params[param.name] = _param_value(param, None, scope, source, text)
        except GoalRulesError as exc:
            errors.append(_positioned(exc, param.span, source, text))
    for decl in rule_file.rules:
        checker = Checker(scope, source=source, text=text)
        if decl.guard is not None:
            checker.check_bool(decl.guard, "a 'when' guard")
        if decl.check is not None:
            checker.check_bool(decl.check, "a 'check'")
        bare_numbers_beside_shares(decl, checker)
        errors += checker.errors
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return dict(scope.facts)


def compile_text(
    text: str,
    *,
    source: str = "<rules>",
    params: Mapping[str, Any] | None = None,
    schemas: Mapping[str, Schema] | None = None,
    tree: ast.RuleFile | None = None,
) -> RuleSet:
    """Parse and compile rule text (what :func:`~goalrules.engine.load_rules` does once it
    has the text); ``tree``, when given, is ``text`` already parsed, and the text is not
    parsed again. A shipped ruleset's text (``source`` ``goalrules/rules/NAME.rules``)
    is read from its shipped tree (:mod:`goalrules.dsl.trees`) while it is that text:
    so is a ruleset unpickled in a worker process."""
    if isinstance(text, str):
        text = text.removeprefix(BOM)  # as parse_file reads it: the carets' text too
    # compiling allocates many small, long-lived objects: the cyclic collector would
    # rescan them over and over (a third of the time), and they hold no cycles to free
    enabled = gc.isenabled()
    gc.disable()
    try:
        shipped: Mapping[str, ShippedFast] = {}
        if tree is None and source.startswith(_SHIPPED) and source.endswith(".rules"):
            name = source[len(_SHIPPED) : -len(".rules")]
            tree = shipped_tree(name, text)
            if tree is not None and not params and schemas is None:
                shipped = fast_code(name, text)  # the rules' fast code as generated
        rule_file = parse_file(text, source=source) if tree is None else tree
        return _compile_file(rule_file, source, text, schemas, params, shipped)
    finally:
        if enabled:
            gc.enable()


_SHIPPED = "goalrules/rules/"  # the source label of goalrules' own rulesets


@attrs.frozen
class _Origin:
    """The parsed file a ruleset was compiled from (see :class:`~.ruleset.Origin`)."""

    file: ast.RuleFile
    source: str
    text: str | None
    schemas: Mapping[str, Schema] | None  # custom schemas; None: the built-in ones
    overrides: Mapping[str, Any]

    def recompile(self, overrides: Mapping[str, Any]) -> RuleSet:
        merged = {**self.overrides, **overrides}
        return compile_file(
            self.file, source=self.source, text=self.text, schemas=self.schemas, params=merged
        )

    def recipe(self) -> tuple[Any, ...] | None:
        if self.text is None:
            return None
        return (_rebuild, (self.text, self.source, dict(self.overrides), self.schemas))


def _rebuild(
    text: str, source: str, overrides: Mapping[str, Any], schemas: Mapping[str, Schema] | None
) -> RuleSet:
    if schemas is None:
        try:
            return _rebuild_cached(text, source, tuple(sorted(overrides.items())))
        except TypeError:  # an unhashable override: compile without the cache
            pass
    return compile_text(text, source=source, params=overrides or None, schemas=schemas)


@functools.lru_cache(maxsize=64)
def _rebuild_cached(text: str, source: str, overrides: tuple[tuple[str, Any], ...]) -> RuleSet:
    """Unpickling the same ruleset again (each Dask task carries one) compiles it once
    per process."""
    return compile_text(text, source=source, params=dict(overrides) or None)


def _compile_rule(
    decl: ast.RuleDecl,
    scope: Scope,
    source: str,
    text: str | None,
    shipped: ShippedFast | None = None,
) -> Rule:
    checker = Checker(scope, source=source, text=text)
    if decl.guard is not None:
        checker.check_bool(decl.guard, "a 'when' guard")
    if decl.check is not None:
        checker.check_bool(decl.check, "a 'check'")
    bare_numbers_beside_shares(decl, checker)
    templates: dict[str, ast.Template] = {}
    for kind in ("says", "pass_msg", "fail_msg", "fix"):
        tpl = getattr(decl, kind)
        if tpl is not None:
            templates[kind] = tpl
            for part in tpl.parts:
                if not isinstance(part, str):
                    checker.check(part)
    if checker.errors:
        raise checker.errors[0] if len(checker.errors) == 1 else GoalRulesErrors(checker.errors)
    assert decl.check is not None
    backend = PythonBackend(checker)
    hint = f"{source}:{decl.span.line} rule {decl.id}"
    args = ["f", "today", "rec"]
    guard_c = (
        backend.careful_function("guard", decl.guard, args, hint)
        if decl.guard is not None
        else None
    )
    check_c = backend.careful_function("check", decl.check, args, hint)
    compiled_templates: dict[str, list[str | _Part]] = {}
    for kind, tpl in templates.items():
        parts: list[str | _Part] = []
        for part in tpl.parts:
            if isinstance(part, str):
                parts.append(part)
            else:
                fn = backend.careful_function("part", part, args, hint)
                parts.append(_Part(fn, checker.types[id(part)], ast.unparse(part)))
        compiled_templates[{"pass_msg": "pass", "fail_msg": "fail"}.get(kind, kind)] = parts
    nodes = _RecordedNodes(backend, text)

    rule_holder: list[Rule] = []

    def careful(f: Mapping[str, Any], today: _dt.date | None = None) -> int:
        return rule_holder[0].careful_code(f, today)[0]

    if shipped is None:
        fast = backend.fast_with_fallback("rule", _fast_body(backend, decl), careful, hint)
    else:  # this rule's fast code, generated ahead of time from this very rule
        if shipped.makes_values:
            # the values its code reads (a function bound to its argument types, a set)
            # are made again, under the same names, as generating the code makes them
            _fast_tests(backend, decl)
        fast = adopt(shipped.code, backend.globals, careful)
    rule = Rule(
        id=decl.id,
        criterion=decl.criterion,
        decision=decl.decision,
        weight=float(decl.weight),
        priority=float(decl.priority),
        guard_text=_node_text(decl.guard, text) if decl.guard is not None else None,
        check_text=_node_text(decl.check, text),
        source=source,
        line=decl.span.line,
        fast=fast,
        guard=guard_c,
        check=check_c,
        nodes=nodes,
        templates=compiled_templates,
        decl=decl,
        checker=checker,
    )
    rule_holder.append(rule)
    return rule


def _fast_tests(backend: PythonBackend, decl: ast.RuleDecl) -> tuple[Any, Any]:
    """The fast code of a rule's guard (or None) and check, generated in this order."""
    assert decl.check is not None
    guard = backend.fast(decl.guard) if decl.guard is not None else None
    return guard, backend.fast(decl.check)


def _fast_body(backend: PythonBackend, decl: ast.RuleDecl) -> list[Any]:
    guard, test = _fast_tests(backend, decl)
    stmts: list[Any] = []
    if guard is not None:  # generated first: it runs first (fields read once)
        stmts.append(
            pyast.If(
                test=pyast.UnaryOp(op=pyast.Not(), operand=guard),
                body=[pyast.Return(value=pyast.Constant(_SKIPPED))],
                orelse=[],
            )
        )
    check = pyast.IfExp(test=test, body=pyast.Constant(_PASS), orelse=pyast.Constant(_FAIL))
    stmts.append(pyast.Return(value=check))
    return _reads_first(stmts, decl)


def _read_twice(*exprs: ast.Expr | None) -> bool:
    """Whether a field (or fact) is read more than once in these expressions: the only
    way a rule's fast code comes to use a local again (a fact read as the container of
    a field is no value of its own, and is read anew each time)."""
    seen: set[str] = set()
    stack = [e for e in exprs if e is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name | ast.Field):
            path = _path_of(node)
            if path in seen:
                return True
            seen.add(path)
        else:
            stack.extend(ast.children(node))
    return False


def _path_of(node: ast.Expr) -> str:
    if isinstance(node, ast.Field):
        return f"{_path_of(node.obj)}.{node.name}"
    return node.name if isinstance(node, ast.Name) else f"<{id(node)}>"


def _reads_first(stmts: list[Any], decl: ast.RuleDecl) -> list[Any]:
    """The fast body with each field read that is used again elsewhere (a local the
    first read assigns, as in ``a < -2 % and b <= 0 or (b < -2 % and a <= 0)``) also
    made once at the top: where short-circuiting skips the first read, the later use
    finds the value rather than an unassigned local (a NameError, and the careful
    code). The read at the top is the first read's own expression, with its checks: a
    value that does not pass them sends the rule to careful code, as it would have."""
    if not _read_twice(decl.guard, decl.check):
        return stmts  # most rules: each field read once, no local used again
    guarded: dict[str, Any] = {}  # local -> ``(_t if test(_t := raw) else _fallback())``
    bare: dict[str, Any] = {}  # local -> ``(_t := raw)``, a read with no check
    loads: dict[str, int] = {}
    for stmt in stmts:
        for node in pyast.walk(stmt):
            if isinstance(node, pyast.IfExp) and isinstance(node.body, pyast.Name):
                local = node.body.id
                if local not in guarded and any(
                    isinstance(n, pyast.NamedExpr) and n.target.id == local
                    for n in pyast.walk(node.test)
                ):
                    guarded[local] = node
            elif isinstance(node, pyast.NamedExpr):
                bare.setdefault(node.target.id, node)
            elif isinstance(node, pyast.Name) and isinstance(node.ctx, pyast.Load):
                loads[node.id] = loads.get(node.id, 0) + 1
    hoisted: list[Any] = []
    for local, walrus in bare.items():
        first = guarded.get(local)  # which loads the local once itself
        if loads.get(local, 0) > (0 if first is None else 1):  # used again elsewhere
            # (the same node twice in the tree: compile() reads the tree, it does not
            # change it)
            hoisted.append(pyast.Expr(value=walrus if first is None else first))
    return hoisted + stmts


class _RecordedNodes(Sequence[tuple[str, Type]]):
    """A rule's careful-mode record index -> (the node's text, its type), read from the
    backend as its careful code is generated (on first use)."""

    __slots__ = ("_backend", "_text")

    def __init__(self, backend: PythonBackend, text: str | None) -> None:
        self._backend = backend
        self._text = text

    def __len__(self) -> int:
        return len(self._backend.nodes)

    @overload
    def __getitem__(self, index: int) -> tuple[str, Type]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, Type]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        node = self._backend.nodes[index]
        return _node_text(node, self._text), self._backend.types.get(id(node), Type("any"))


@functools.lru_cache(maxsize=8)
def _lines(text: str) -> list[str]:
    return text.splitlines()


def _node_text(node: ast.Expr, text: str | None) -> str:
    sp = node.span
    if text is not None and sp.line and sp.line == sp.end_line:
        lines = _lines(text)
        if 0 < sp.line <= len(lines):
            return lines[sp.line - 1][sp.column - 1 : sp.end_column - 1]
    return ast.unparse(node)
