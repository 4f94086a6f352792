"""Single expressions compiled to Python functions (:func:`compile_expression`)."""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any

from goalrules.dsl import runtime
from goalrules.dsl.checker import Checker, Scope, name_problem
from goalrules.dsl.compiler import PythonBackend
from goalrules.dsl.display import format_value
from goalrules.dsl.parser import parse_expression
from goalrules.dsl.types import Schema, Type, fact_type, type_from_text
from goalrules.engine.compile import _node_text
from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    MissingFactError,
    RuleTypeError,
)


def compile_expression(
    text: str,
    fields: Mapping[str, str | type | Type | Schema] | None = None,
    *,
    params: Mapping[str, Any] | None = None,
) -> Callable[..., Any]:
    """Compile one expression over the facts named in ``fields`` (name -> type: a
    unit such as ``"visit"``, ``"text"``, ``"date"``, ``str``, a :class:`Schema`...).

    The result is a function of a mapping: ``fn({"visits": 1200, "leads": 30})``.
    Numbers in quantity fields are taken in the field's unit (pint quantities are
    converted); a quantity result comes back in its unit, a ratio as a fraction
    (``2 %`` is ``0.02``). Type and unit errors are raised now, positioned; a missing
    fact at call time raises :class:`~goalrules.errors.MissingFactError`.

    >>> fn = compile_expression("leads / visits > 2 %", {"leads": "lead", "visits": "visit"})
    >>> fn({"leads": 30, "visits": 1000})
    True
    """
    node = parse_expression(text)
    scope = Scope()
    for name, t in (fields or {}).items():
        problem = name_problem(name, "field")
        if problem is not None:
            raise RuleTypeError(problem, field=name)
        scope.facts[name] = fact_type(t) if isinstance(t, Schema) else type_from_text(t)
    for name, value in (params or {}).items():
        scope.params[name] = _constant_param(name, value)
    checker = Checker(scope, source="<expression>", text=text)
    result_type = checker.check(node)
    if checker.errors:
        raise checker.errors[0] if len(checker.errors) == 1 else GoalRulesErrors(checker.errors)
    backend = PythonBackend(checker)
    careful_fn = backend.function(
        "careful", backend.careful(node), ["f", "today", "rec"], text, lazy=True
    )
    factor = (
        backend._field_factor(result_type) if result_type.is_quantity and result_type.dim else 1.0
    )

    def careful_value(f: Mapping[str, Any], today: _dt.date | None = None) -> Any:
        try:
            value = careful_fn(f, today, None)
        except runtime.Missing as exc:
            raise MissingFactError(exc.detail, source="<expression>", text=text) from None
        except runtime.Unknown as exc:
            raise GoalRulesError(f"cannot evaluate: {exc.detail}", source="<expression>") from None
        except Exception as exc:  # a fact of a shape no check foresaw: still ours to say
            raise GoalRulesError(
                f"cannot evaluate: {type(exc).__name__}: {exc}", source="<expression>"
            ) from None
        return _result(value, factor)

    import ast as pyast

    body: pyast.expr = backend.fast(node)
    if factor != 1.0:
        body = pyast.BinOp(left=body, op=pyast.Div(), right=pyast.Constant(factor))
    if result_type.is_dynamic:
        body = pyast.Call(func=backend.global_(_dq_to_pint, "_topint"), args=[body], keywords=[])
    fn = backend.fast_with_fallback("expression", [pyast.Return(value=body)], careful_value, text)

    def explain(f: Mapping[str, Any], today: _dt.date | None = None) -> dict[str, str]:
        rec: list[Any] = []
        with contextlib.suppress(runtime.Unknown):
            careful_fn(f, today, rec)
        return {
            _node_text(backend.nodes[i], text): format_value(
                v, checker.types.get(id(backend.nodes[i]))
            )
            for i, v in rec
        }

    fn.source = text  # type: ignore[attr-defined]
    fn.type = result_type  # type: ignore[attr-defined]
    fn.explain = explain  # type: ignore[attr-defined]
    return fn


def _constant_param(name: str, value: Any) -> tuple[Type, Any]:
    from goalrules.dsl.types import BOOL, DATE, NUMBER, TEXT

    if isinstance(value, bool):
        return BOOL, value
    if isinstance(value, (int, float)):
        return NUMBER, float(value)
    if isinstance(value, str):
        return TEXT, value
    if isinstance(value, _dt.date):
        return DATE, value
    dq = runtime.to_dynamic(value, f"param {name}")
    if dq.key == ():
        return Type("quantity", dim=(), display="%"), dq.value
    return Type("quantity", dim=dq.key), dq.value


def _result(value: Any, factor: float) -> Any:
    if isinstance(value, runtime.DQ):
        return _dq_to_pint(value)
    if factor != 1.0 and isinstance(value, float):
        return value / factor
    return value


def _dq_to_pint(value: Any) -> Any:
    if not isinstance(value, runtime.DQ):
        return value
    from goalrules.units import registry

    ureg = registry()
    units = ureg.Unit("dimensionless")
    for dim, exp in value.key:
        name = "second" if dim == "[time]" else dim.strip("[]").removeprefix("currency_")
        units = units * ureg.Unit(name) ** exp
    return ureg.Quantity(value.value, units)
