"""The Python backend: checked rule expressions compiled to Python code.

Compilation has two stages, kept apart so that another backend (the columnar one) can
reuse the first:

1. :class:`~goalrules.dsl.checker.Checker` (:mod:`goalrules.dsl.checker`) gives every
   node a static type and reports every type or unit error with its position.
2. :class:`PythonBackend` (here) turns the checked tree into Python code objects, built as
   Python ``ast`` nodes (no user text is ever passed to ``eval`` or ``exec``; user
   strings only become constants). Every unit is normalised at compile time, so
   compiled code compares plain floats. Each expression gets two versions:

   * *fast*: straight Python over the fact values; any surprise (a missing fact, a
     pint quantity where a number was expected, a division by zero) raises, and the
     caller falls back to the careful version;
   * *careful*: reads every fact through converters, applies three-valued logic to
     ``and``/``or`` (false wins over unknown, true over unknown), records the values
     of sub-expressions for explanations, and raises
     :class:`~goalrules.dsl.runtime.Unknown` saying which fact was missing.
"""

from __future__ import annotations

import ast as pyast
import collections
import datetime as _dt
import functools
import itertools
import linecache
import operator
import threading
from collections.abc import Callable, Sequence
from typing import Any

from goalrules.dsl import ast, runtime
from goalrules.dsl.checker import Checker, Scope, declared_type
from goalrules.dsl.parser import MAX_DEPTH
from goalrules.dsl.types import (
    ANY,
    Schema,
    Type,
)
from goalrules.errors import LimitError, UnitError
from goalrules.units import unit_info

__all__ = ["Checker", "PythonBackend", "Scope", "declared_type"]

# ------------------------------------------------------------------------------------
# code generation
# ------------------------------------------------------------------------------------

_PY_CMP: dict[str, type[pyast.cmpop]] = {
    "<": pyast.Lt,
    "<=": pyast.LtE,
    ">": pyast.Gt,
    ">=": pyast.GtE,
    "==": pyast.Eq,
    "!=": pyast.NotEq,
}
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_CONSTANT_TYPES = (int, float, str, bool, type(None))


class _Fallback(Exception):
    """Raised by fast code to hand over to careful code."""


def _fallback() -> Any:
    raise _Fallback


def _name(id_: str, ctx: pyast.expr_context | None = None) -> pyast.Name:
    return pyast.Name(id=id_, ctx=ctx or pyast.Load())


def _const(value: Any) -> pyast.Constant:
    return pyast.Constant(value=value)


def _call(func: pyast.expr, *args: pyast.expr) -> pyast.Call:
    return pyast.Call(func=func, args=list(args), keywords=[])


def _lambda(body: pyast.expr) -> pyast.Lambda:
    return pyast.Lambda(
        args=pyast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
        body=body,
    )


def _function_def(name: str, body: pyast.expr, args: Sequence[str]) -> pyast.FunctionDef:
    return pyast.FunctionDef(
        name=name,
        args=pyast.arguments(
            posonlyargs=[],
            args=[pyast.arg(arg=a) for a in args],
            kwonlyargs=[],
            kw_defaults=[],
            defaults=[_const(None)] * sum(1 for a in args if a in ("today", "rec")),
        ),
        body=[pyast.Return(value=body)],
        decorator_list=[],
    )


_counter = itertools.count()


class PythonBackend:
    """Checked AST -> Python functions (see the module docstring)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.types = checker.types
        self.scope = checker.scope
        self.globals: dict[str, Any] = {
            "__builtins__": {},
            "_fallback": _fallback,
            "_Fallback": _Fallback,
            "_rt": runtime,
            "_date": _dt.date,
            "_NUM": (int, float),
            "str": str,
            "bool": bool,
        }
        self._names = itertools.count()
        self._lock = threading.RLock()
        self.nodes: list[Any] = []  # careful-mode record index -> node
        # fast mode reads each field once: path -> local holding its raw checked value
        self._seen: dict[str, str] = {}
        # True while generating what flows into an ordering comparison (its operands
        # and their arithmetic): there a number field is read without a class check,
        # since None, text and pint quantities with units all raise when ordered
        # against a float, and a dimensionless pint quantity orders by its value, as
        # careful code reads it too.
        self._ordering = False

    # -- helpers -----------------------------------------------------------------------
    def type_of(self, node: Any) -> Type:
        return self.types.get(id(node), ANY)

    def global_(self, value: Any, prefix: str = "_g") -> pyast.Name:
        name = f"{prefix}{next(self._names)}"
        self.globals[name] = value
        return _name(name)

    def value_node(self, value: Any) -> pyast.expr:
        if isinstance(value, _CONSTANT_TYPES):
            return _const(value)
        if isinstance(value, tuple) and all(isinstance(v, _CONSTANT_TYPES) for v in value):
            return _const(value)
        return self.global_(value, "_c")

    def _temp(self) -> str:
        return f"_t{next(self._names)}"

    # -- reading facts ----------------------------------------------------------------
    def _access(self, node: ast.Name | ast.Field) -> tuple[str, str, Any]:
        """(key, access mode, container node or None for the root)."""
        if isinstance(node, ast.Name):
            return node.name, "mapping", None
        obj_type = self.type_of(node.obj)
        schema: Schema | None = obj_type.schema
        access = schema.access if schema is not None else "mapping"
        return node.name, access, node.obj

    def _raw_fast(self, node: ast.Name | ast.Field) -> pyast.expr:
        key, access, container = self._access(node)
        base = _name("f") if container is None else self.fast(container)
        if access == "attribute":
            return pyast.Attribute(value=base, attr=key, ctx=pyast.Load())
        return pyast.Subscript(value=base, slice=_const(key), ctx=pyast.Load())

    def _guarded(
        self, raw: pyast.expr, test: Callable[[pyast.expr], pyast.expr]
    ) -> tuple[pyast.expr, str]:
        """``(_t if test(_t := raw) else _fallback())`` and the local's name."""
        t = self._temp()
        walrus = pyast.NamedExpr(target=_name(t, pyast.Store()), value=raw)
        return pyast.IfExp(test=test(walrus), body=_name(t), orelse=_call(_name("_fallback"))), t

    def _read_fast(self, node: ast.Name | ast.Field) -> pyast.expr:
        """A checked read of a fact field; a field read again reuses the local the
        first read assigned (if short-circuiting skipped that read, the NameError falls
        back to careful code, which is correct, only slower)."""
        t = self.type_of(node)
        path = _path(node)
        seen = self._seen.get(path)
        if seen is not None:
            local = _name(seen)
            factor = self._field_factor(t) if t.kind == "quantity" else 1.0
            return _times(local, factor)
        ordering, self._ordering = self._ordering, False
        try:
            raw = self._raw_fast(node)
        finally:
            self._ordering = ordering
        if ordering and t.kind == "quantity" and t.dim is not None:
            local_name = self._temp()
            self._seen[path] = local_name
            read: pyast.expr = pyast.NamedExpr(target=_name(local_name, pyast.Store()), value=raw)
            return _times(read, self._field_factor(t))
        if t.kind == "quantity" and t.dim is not None:
            checked, local_name = self._guarded(
                raw,
                lambda w: pyast.Compare(
                    left=pyast.Attribute(value=w, attr="__class__", ctx=pyast.Load()),
                    ops=[pyast.In()],
                    comparators=[_name("_NUM")],
                ),
            )
            self._seen[path] = local_name
            return _times(checked, self._field_factor(t))
        if t.kind in ("text", "bool", "date"):
            cls = {"text": "str", "bool": "bool", "date": "_date"}[t.kind]
            checked, local_name = self._guarded(raw, lambda w: _is_class(w, cls))
            self._seen[path] = local_name
            return checked
        # dynamic quantities, lists, facts, units: convert carefully
        checked, _ = self._guarded(raw, _not_none)
        return self._convert(checked, t, path)

    def _field_factor(self, t: Type) -> float:
        if t.display and t.dim:
            try:
                return unit_info(t.display).factor
            except UnitError:
                return 1.0
        return 1.0

    def _convert(self, value: pyast.expr, t: Type, path: str) -> pyast.expr:
        rt = _name("_rt")
        if t.kind == "quantity" and t.dim is not None:
            factor = _const(self._field_factor(t))
            to_static = pyast.Attribute(value=rt, attr="to_static", ctx=pyast.Load())
            return _call(to_static, value, factor, self.value_node(t.dim), _const(path))
        if t.kind == "quantity":
            return _call(
                pyast.Attribute(value=rt, attr="to_dynamic", ctx=pyast.Load()), value, _const(path)
            )
        if t.kind == "text":
            return _call(
                pyast.Attribute(value=rt, attr="to_text", ctx=pyast.Load()), value, _const(path)
            )
        if t.kind == "bool":
            return _call(
                pyast.Attribute(value=rt, attr="to_bool", ctx=pyast.Load()), value, _const(path)
            )
        if t.kind == "date":
            return _call(
                pyast.Attribute(value=rt, attr="to_date", ctx=pyast.Load()), value, _const(path)
            )
        if t.kind == "list" and t.item is not None:
            item = t.item
            conv = self.global_(lambda v, p, _it=item: self._convert_value(v, _it, p), "_conv")
            return _call(
                pyast.Attribute(value=rt, attr="to_list", ctx=pyast.Load()),
                value,
                _const(path),
                conv,
                _const(item.kind),
            )
        return value

    def _convert_value(self, value: Any, t: Type, path: str) -> Any:
        """Run-time twin of :meth:`_convert` for list items."""
        return runtime.convert(value, t.kind, t.dim, t.display, path)

    def _read_careful(self, node: ast.Name | ast.Field) -> pyast.expr:
        key, access, container = self._access(node)
        base = _name("f") if container is None else self.careful(container)
        get = pyast.Attribute(value=_name("_rt"), attr="get", ctx=pyast.Load())
        raw = _call(get, base, _const(key), _const(_path(node)), _const(access))
        return self._convert(raw, self.type_of(node), _path(node))

    def _present(self, node: ast.Expr, mode: str) -> pyast.expr:
        """``node is set``: the value is there (a present value of the wrong kind is
        set; a missing parent is not)."""
        if mode == "careful":
            return _call(self.global_(_is_set, "_isset"), _lambda(self.careful(node)))
        if not isinstance(node, ast.Name | ast.Field):
            return _call(_name("_fallback"))  # rare: let careful code decide
        key, access, container = self._access(node)
        base = _name("f") if container is None else self.fast(container)
        present = pyast.Attribute(value=_name("_rt"), attr="present", ctx=pyast.Load())
        return _call(present, base, _const(key), _const(access))

    # -- the two modes -----------------------------------------------------------------
    def fast(self, node: ast.Expr) -> pyast.expr:
        if self._ordering and not isinstance(
            node, ast.Arith | ast.Neg | ast.Name | ast.Field | ast.Number | ast.Quantity
        ):
            self._ordering = False  # anything else checks its reads
            try:
                return self._gen(node, "fast")
            finally:
                self._ordering = True
        return self._gen(node, "fast")

    def careful(self, node: ast.Expr) -> pyast.expr:
        code = self._gen(node, "careful")
        if isinstance(
            node, ast.Number | ast.Quantity | ast.Str | ast.Bool | ast.DateLit | ast.ListLit
        ):
            return code
        if self.type_of(node).kind == "fact":
            return code  # a whole fact is no value worth showing
        self.nodes.append(node)
        rec = pyast.Attribute(value=_name("_rt"), attr="record", ctx=pyast.Load())
        return _call(rec, _name("rec"), _const(len(self.nodes) - 1), code)

    def _gen(self, node: ast.Expr, mode: str) -> pyast.expr:
        sub = self.fast if mode == "fast" else self.careful
        t = self.type_of(node)
        if isinstance(node, ast.Number):
            other = self.checker.adopted.get(id(node))
            factor = self._field_factor(other) if other is not None else 1.0
            return _const(runtime.scaled(node.value, factor))
        if isinstance(node, ast.Quantity):
            assert t.dim is not None
            return _const(runtime.scaled(node.value, unit_info(node.unit).factor))
        if isinstance(node, ast.Str | ast.Bool):
            return _const(node.value)
        if isinstance(node, ast.DateLit):
            return self.value_node(node.value)
        if isinstance(node, ast.Today):
            return _call(
                pyast.Attribute(value=_name("_rt"), attr="today_or", ctx=pyast.Load()),
                _name("today"),
            )
        if isinstance(node, ast.Name) and node.name in self.scope.params:
            return self.value_node(self.scope.params[node.name][1])
        if isinstance(node, ast.Name | ast.Field):
            return self._read_fast(node) if mode == "fast" else self._read_careful(node)
        if isinstance(node, ast.ListLit):
            items = [sub(i) for i in node.items]
            if all(isinstance(i, pyast.Constant) for i in items):
                return _const(tuple(i.value for i in items))  # type: ignore[attr-defined]
            return pyast.Tuple(elts=items, ctx=pyast.Load())
        if isinstance(node, ast.Neg):
            operand = sub(node.operand)
            if t.is_dynamic:
                neg = self.global_(lambda x: x._replace(value=-x.value), "_neg")
                return _call(neg, operand)
            return pyast.UnaryOp(op=pyast.USub(), operand=operand)
        if isinstance(node, ast.Arith):
            return self._gen_arith(node, mode)
        if isinstance(node, ast.Compare):
            return self._gen_compare(node, mode)
        if isinstance(node, ast.IsSet):
            present = self._present(node.operand, mode)
            return pyast.UnaryOp(op=pyast.Not(), operand=present) if node.negated else present
        if isinstance(node, ast.In):
            item, cont = sub(node.item), sub(node.container)
            constant: Any = cont.value if isinstance(cont, pyast.Constant) else None
            if isinstance(constant, tuple):
                cont = self.global_(frozenset(constant), "_set")
            op: pyast.cmpop = pyast.NotIn() if node.negated else pyast.In()
            return pyast.Compare(left=item, ops=[op], comparators=[cont])
        if isinstance(node, ast.Not):
            return pyast.UnaryOp(op=pyast.Not(), operand=sub(node.operand))
        if isinstance(node, ast.And | ast.Or):
            if mode == "fast":
                op2: pyast.boolop = pyast.And() if isinstance(node, ast.And) else pyast.Or()
                return pyast.BoolOp(op=op2, values=[sub(node.left), sub(node.right)])
            helper = "kleene_and" if isinstance(node, ast.And) else "kleene_or"
            fn = pyast.Attribute(value=_name("_rt"), attr=helper, ctx=pyast.Load())
            return _call(fn, _lambda(sub(node.left)), _lambda(sub(node.right)))
        if isinstance(node, ast.IfExp):
            test = sub(node.test)  # generated first: it runs first
            body, orelse = sub(node.body), sub(node.orelse)
            bt, ot = self.type_of(node.body), self.type_of(node.orelse)
            if bt.is_dynamic != ot.is_dynamic:
                body = self._as_dynamic(body, bt)
                orelse = self._as_dynamic(orelse, ot)
            return pyast.IfExp(test=test, body=body, orelse=orelse)
        if isinstance(node, ast.Call):
            return self._gen_call(node, mode)
        raise TypeError(f"cannot compile {node!r}")  # pragma: no cover

    def _as_dynamic(self, code: pyast.expr, t: Type) -> pyast.expr:
        if t.is_dynamic or t.kind != "quantity":
            return code
        if t.dim == () and t.display is None:  # a plain number: no percentage
            return _call(pyast.Attribute(value=_name("_rt"), attr="plain", ctx=pyast.Load()), code)
        dq = pyast.Attribute(value=_name("_rt"), attr="dq", ctx=pyast.Load())
        return _call(dq, code, self.value_node(t.dim))

    def _gen_arith(self, node: ast.Arith, mode: str) -> pyast.expr:
        sub = self.fast if mode == "fast" else self.careful
        a, b = self.type_of(node.left), self.type_of(node.right)
        left, right = sub(node.left), sub(node.right)
        rt = _name("_rt")
        if node.op in "+-" and (a.kind == "date" or b.kind == "date"):
            if a.kind == "date" and b.kind == "date":
                return _call(
                    pyast.Attribute(value=rt, attr="date_diff", ctx=pyast.Load()), left, right
                )
            date_code, dur_node, dur_code = (
                (left, node.right, right) if a.kind == "date" else (right, node.left, left)
            )
            months = self.checker.months.get(id(dur_node))
            if self.type_of(dur_node).is_dynamic:
                dur_code = pyast.Attribute(value=dur_code, attr="value", ctx=pyast.Load())
            sign = -1 if node.op == "-" else 1
            if sign < 0:
                dur_code = pyast.UnaryOp(op=pyast.USub(), operand=dur_code)
            m = _const(None if months is None else sign * months)
            return _call(
                pyast.Attribute(value=rt, attr="date_add", ctx=pyast.Load()), date_code, dur_code, m
            )
        if a.is_dynamic or b.is_dynamic:
            helper = {"+": "dq_add", "-": "dq_sub", "*": "dq_mul", "/": "dq_div"}[node.op]
            fn = pyast.Attribute(value=rt, attr=helper, ctx=pyast.Load())
            return _call(fn, self._as_dynamic(left, a), self._as_dynamic(right, b))
        if node.op == "/" and mode == "careful":
            return _call(pyast.Attribute(value=rt, attr="div", ctx=pyast.Load()), left, right)
        pyop: pyast.operator = {"+": pyast.Add, "-": pyast.Sub, "*": pyast.Mult, "/": pyast.Div}[
            node.op
        ]()
        return pyast.BinOp(left=left, op=pyop, right=right)

    def _gen_compare(self, node: ast.Compare, mode: str) -> pyast.expr:
        sub = self.fast if mode == "fast" else self.careful
        types = [self.type_of(o) for o in node.operands]
        ordering = all(o in ("<", "<=", ">", ">=") for o in node.ops) and all(
            t.kind == "quantity" and not t.is_dynamic for t in types
        )
        if mode == "fast" and ordering:
            saved, self._ordering = self._ordering, True
            try:
                codes = [self.fast(o) for o in node.operands]
            finally:
                self._ordering = saved
        else:
            codes = [sub(o) for o in node.operands]
        if any(t.is_dynamic for t in types):
            chain = self.global_(_dq_chain, "_chain")
            keys = [None if t.is_dynamic or t.kind != "quantity" else t.dim for t in types]
            return _call(
                chain,
                _const(tuple(node.ops)),
                pyast.Tuple(elts=codes, ctx=pyast.Load()),
                self.value_node(tuple(keys)),
            )
        return pyast.Compare(
            left=codes[0], ops=[_PY_CMP[o]() for o in node.ops], comparators=codes[1:]
        )

    def _gen_call(self, node: ast.Call, mode: str) -> pyast.expr:
        sub = self.fast if mode == "fast" else self.careful
        fn = self.scope.functions[node.func]
        arg_types = [self.type_of(a) for a in node.args]
        impl = fn.bind(arg_types) if fn.bind is not None else fn.impl
        args = [sub(a) for a in node.args]
        if mode == "careful":
            guarded = self.global_(_guard_call(fn.name, impl), "_fn")
            return _call(guarded, *args)
        return _call(self.global_(impl, "_fn"), *args)

    # -- functions -----------------------------------------------------------------------
    def function(
        self,
        name: str,
        body: pyast.expr,
        args: Sequence[str],
        source_hint: str,
        *,
        lazy: bool = False,
    ) -> Callable[..., Any]:
        """Compile ``def name(*args): return body`` into a function (linecache-backed);
        ``lazy`` defers compiling to the first call (careful code is rarely needed)."""
        fdef = _function_def(name, body, args)
        if lazy:
            return _Lazy(lambda: self._compile(fdef, name, source_hint))
        return self._compile(fdef, name, source_hint)

    def careful_function(
        self, name: str, node: ast.Expr, args: Sequence[str], source_hint: str
    ) -> Callable[..., Any]:
        """``function(name, careful(node), args, source_hint)``, generated as well as
        compiled on its first call: most facts take the fast path, so most careful code
        is never needed (the record indices in :attr:`nodes` are given as it is
        generated, under a lock: threads may call it first at once)."""

        def build() -> Callable[..., Any]:
            with self._lock:
                fdef = _function_def(name, self.careful(node), args)
                return self._compile(fdef, name, source_hint)

        return _Lazy(build)

    def fast_with_fallback(
        self,
        name: str,
        body: pyast.stmt | list[pyast.stmt],
        careful: Callable[..., Any],
        source_hint: str,
    ) -> Callable[..., Any]:
        """``def name(f, today=None): try: <body> except Exception: return careful(f, today)``"""
        self.globals["_careful_" + name] = careful
        self.globals["Exception"] = Exception
        return self._compile(self.fast_definition(name, body), name, source_hint)

    def fast_definition(self, name: str, body: pyast.stmt | list[pyast.stmt]) -> pyast.FunctionDef:
        """The function :meth:`fast_with_fallback` compiles, as a syntax tree."""
        handler = pyast.ExceptHandler(
            type=_name("Exception"),
            name=None,
            body=[pyast.Return(value=_call(_name("_careful_" + name), _name("f"), _name("today")))],
        )
        stmts = body if isinstance(body, list) else [body]
        return pyast.FunctionDef(
            name=name,
            args=pyast.arguments(
                posonlyargs=[],
                args=[pyast.arg(arg="f"), pyast.arg(arg="today")],
                kwonlyargs=[],
                kw_defaults=[],
                defaults=[_const(None)],
            ),
            body=[pyast.Try(body=stmts, handlers=[handler], orelse=[], finalbody=[])],
            decorator_list=[],
        )

    def _compile(self, fdef: pyast.FunctionDef, name: str, source_hint: str) -> Callable[..., Any]:
        # compiled from the tree itself (user text appears only as constants): no source
        # is parsed, so a long chain of operators meets no parser nesting limit
        module = pyast.Module(body=[fdef], type_ignores=[])
        _locate(module)
        hint = repr(source_hint[:80])
        # no angle brackets: linecache then asks the lazy entry below for the lines
        filename = f"goalrules-{next(_counter)}: {hint[:60]}"
        try:
            code = compile(module, filename, "exec")
        except (RecursionError, MemoryError, SyntaxError, ValueError) as exc:
            raise LimitError(
                f"the expression is too deeply nested to compile ({type(exc).__name__}); "
                f"the limit is {MAX_DEPTH} levels",
                source=source_hint[:80],
            ) from None
        # the generated code as Python text, for tracebacks and debuggers: printed only
        # when one asks (a lazy linecache entry), printing costs more than compiling
        linecache.cache[filename] = (functools.partial(_shown, module, hint),)
        _SHOWN.append(filename)
        if len(_SHOWN) > _MAX_SHOWN:  # a long-lived process compiles without end
            linecache.cache.pop(_SHOWN.popleft(), None)
        namespace: dict[str, Any] = {}
        exec(code, self.globals, namespace)
        fn: Callable[..., Any] = namespace[name]
        return fn


#: the generated functions whose code linecache can show, oldest first: bounded, so that
#: a process that compiles rules all day does not keep every syntax tree it made
_SHOWN: collections.deque[str] = collections.deque()
_MAX_SHOWN = 2_000


def _shown(module: pyast.Module, hint: str) -> str:
    try:
        code = pyast.unparse(module)
    except RecursionError:
        code = "# (the generated code nests too deeply to print)"
    return f"# goalrules: {hint}\n{code}\n"


def _locate(root: pyast.AST) -> None:
    """Give every node line 1 (iteratively: a deep tree would exhaust recursion; the
    children read from the fields directly, twice as fast as ``ast.iter_child_nodes``)."""
    node_class = pyast.AST
    stack = [root]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if "lineno" in node._attributes:
            node.lineno = node.end_lineno = 1  # type: ignore[attr-defined]
            node.col_offset = node.end_col_offset = 0  # type: ignore[attr-defined]
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, node_class):
                push(value)
            elif value.__class__ is list:
                for item in value:
                    if isinstance(item, node_class):
                        push(item)


class _Lazy:
    """A function compiled on its first call."""

    __slots__ = ("_build", "_fn")

    def __init__(self, build: Callable[[], Callable[..., Any]]) -> None:
        self._build: Callable[[], Callable[..., Any]] | None = build
        self._fn: Callable[..., Any] | None = None

    def __call__(self, *args: Any) -> Any:
        fn = self._fn
        if fn is None:
            assert self._build is not None
            fn = self._fn = self._build()
            self._build = None
        return fn(*args)


def _times(code: pyast.expr, factor: float) -> pyast.expr:
    """``code`` (a number in a unit ``factor`` times the base unit) in base units, as
    :func:`goalrules.dsl.runtime.times` computes it."""
    if factor == 1.0:
        return code
    n = runtime.divisor(factor)
    if n is not None:
        return pyast.BinOp(left=code, op=pyast.Div(), right=_const(float(n)))
    return pyast.BinOp(left=code, op=pyast.Mult(), right=_const(factor))


def _is_class(value: pyast.expr, cls: str) -> pyast.expr:
    return pyast.Compare(
        left=pyast.Attribute(value=value, attr="__class__", ctx=pyast.Load()),
        ops=[pyast.Is()],
        comparators=[_name(cls)],
    )


def _not_none(value: pyast.expr) -> pyast.expr:
    return pyast.Compare(left=value, ops=[pyast.IsNot()], comparators=[_const(None)])


def _path(node: ast.Expr) -> str:
    if isinstance(node, ast.Name):
        return node.name
    if isinstance(node, ast.Field):
        return f"{_path(node.obj)}.{node.name}"
    return ast.unparse(node)


def _is_set(thunk: Callable[[], Any]) -> bool:
    try:
        thunk()
    except runtime.Missing:
        return False
    except runtime.Unknown:
        return True  # there, but not usable: still set
    return True


def _dq_chain(ops: tuple[str, ...], values: tuple[Any, ...], keys: tuple[Any, ...]) -> bool:
    for i, op in enumerate(ops):
        a, b = values[i], values[i + 1]
        ka, kb = keys[i], keys[i + 1]
        if isinstance(a, runtime.DQ) or isinstance(b, runtime.DQ):
            # a plain 0 beside a quantity of a unit known only at run time is 0 of that
            # unit (a sign test: ``channel.spend > 0``); any other plain number has none
            qa = _as_dq(a, ka, b)
            qb = _as_dq(b, kb, a)
            if not runtime.dq_cmp(qa, qb, _OPS[op]):
                return False
        elif not _OPS[op](a, b):
            return False
    return True


def _as_dq(value: Any, key: Any, other: Any) -> runtime.DQ:
    """``value`` compared with ``other`` as a quantity: of ``key`` when it is a plain
    number (``None`` or ``()``: no unit, or a ratio); a plain 0 beside a quantity is 0
    of its unit (zero is zero in every unit: comparing with it tests a sign)."""
    if isinstance(value, runtime.DQ):
        if value.__class__ is not runtime.PlainDQ or value.value != 0:
            return value
    elif key or float(value) != 0:
        return runtime.DQ(float(value), key)
    if isinstance(other, runtime.DQ):  # a plain 0
        return runtime.DQ(0.0, other.key)
    return runtime.DQ(0.0, key or ())


def _guard_call(name: str, impl: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        try:
            return impl(*args)
        except runtime.Unknown:
            raise
        except Exception as exc:
            raise runtime.Undefined(f"{name}() failed: {exc}") from None

    call.__name__ = f"call_{name}"
    return call
