"""A columnar backend: checked rule trees compiled to polars expressions, evaluated
over whole columns of Arrow data.

The same checked tree the Python backend compiles (see :mod:`goalrules.dsl.compiler`)
becomes a polars expression with the same semantics: units normalised at compile time
(a column holds numbers in its field's unit), a missing value (null) making the outcome
``unknown``, ``and``/``or`` in three-valued logic (polars' booleans are Kleene), a
division by zero undefined. Columns are named by the fact path (``visits``,
``goal.target``), or are struct columns (``goal`` with a field ``target``).

Constructs with no columnar form (quantities whose unit is known only at run time,
list-valued fields, catalog look-ups) raise :class:`NotColumnar`; the ruleset then
evaluates that rule row by row with the Python backend, so the answers stay the same.

polars is an optional dependency: ``pip install 'goalrules[arrow]'``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.checker import Checker, Scope
from goalrules.dsl.runtime import divisor, scaled
from goalrules.dsl.types import Type
from goalrules.errors import DataError
from goalrules.units import unit_info

__all__ = ["ColumnarBackend", "NotColumnar", "to_polars"]

_MONTH_SECONDS = 365.25 * 86400 / 12
_DAY_SECONDS = 86400.0


class NotColumnar(Exception):
    """This construct has no columnar form; evaluate it row by row."""


def to_polars(table: Any) -> Any:
    """A polars DataFrame from a polars, pyarrow or pandas table (or a dict of columns).
    A NaN in a float column is a missing value (null), as pandas writes one."""
    import polars as pl

    df: Any
    if isinstance(table, pl.DataFrame):
        df = table
    elif isinstance(table, pl.LazyFrame):
        df = table.collect()
    elif type(table).__module__.startswith("pyarrow"):
        df = pl.from_arrow(table)
    elif type(table).__module__.startswith("pandas"):
        df = pl.from_pandas(table)
    elif isinstance(table, dict):
        df = pl.DataFrame(table)
    else:
        raise DataError(
            f"expected a pyarrow Table, a polars or a pandas DataFrame, got {type(table).__name__}"
        )
    floats = [name for name, dtype in df.schema.items() if dtype.is_float()]
    if floats:
        df = df.with_columns(pl.col(floats).fill_nan(None))
    return df


class ColumnarBackend:
    """Checked AST -> polars expressions over the columns of one table."""

    def __init__(self, checker: Checker, columns: dict[str, Any], today: _dt.date) -> None:
        self.checker = checker
        self.today = today
        self.types = checker.types
        self.scope: Scope = checker.scope
        self.columns = columns  # name -> polars dtype

    def type_of(self, node: Any) -> Type:
        return self.types.get(id(node), Type("any"))

    # -- reading columns -----------------------------------------------------------------
    def _path(self, node: ast.Expr) -> list[str]:
        if isinstance(node, ast.Name):
            return [node.name]
        if isinstance(node, ast.Field):
            return [*self._path(node.obj), node.name]
        raise NotColumnar("a field of a computed value")

    def _column(self, node: ast.Name | ast.Field) -> Any:
        import polars as pl

        path = self._path(node)
        dotted = ".".join(path)
        if dotted in self.columns:
            return pl.col(dotted), self.columns[dotted], dotted
        if len(path) > 1 and path[0] in self.columns:
            dtype = self.columns[path[0]]
            if isinstance(dtype, pl.Struct):
                fields = {f.name: f.dtype for f in dtype.fields}
                if path[1] in fields and len(path) == 2:
                    return pl.col(path[0]).struct.field(path[1]), fields[path[1]], dotted
        return pl.lit(None), pl.Null, dotted  # absent: every row is missing it

    def read(self, node: ast.Name | ast.Field) -> Any:
        import polars as pl

        t = self.type_of(node)
        expr, dtype, name = self._column(node)
        if dtype == pl.Null:
            return expr
        if t.kind == "quantity":
            if t.dim is None:
                # a plain number where the unit is known only at run time reads as a
                # dimensionless quantity, as the row backend reads it
                if not dtype.is_numeric():
                    raise NotColumnar("a quantity column that is not numbers")
                return expr.cast(pl.Float64)
            if not (dtype.is_numeric() or dtype == pl.Boolean):
                unit = t.display or "its unit"
                raise DataError(
                    f"column {name!r} holds {dtype}, but {name} is a number in {unit}", field=name
                )
            factor = unit_info(t.display).factor if t.display and t.dim else 1.0
            expr = expr.cast(pl.Float64)
            if factor == 1.0:
                return expr
            n = divisor(factor)
            return expr / float(n) if n is not None else expr * factor
        if t.kind == "text":
            if dtype not in (pl.String, pl.Categorical) and not isinstance(dtype, pl.Enum):
                raise DataError(f"column {name!r} holds {dtype}, but {name} is text", field=name)
            return expr.cast(pl.String)
        if t.kind == "bool":
            if dtype != pl.Boolean:
                raise DataError(
                    f"column {name!r} holds {dtype}, but {name} is true/false", field=name
                )
            return expr
        if t.kind == "date":
            if dtype == pl.Date:
                return expr
            if isinstance(dtype, pl.Datetime):
                return expr.dt.date()
            if dtype == pl.String:
                return expr.str.to_date(strict=False)
            raise DataError(f"column {name!r} holds {dtype}, but {name} is a date", field=name)
        raise NotColumnar(f"a {t} field")

    # -- expressions ---------------------------------------------------------------------
    def compile(self, node: ast.Expr) -> Any:
        import polars as pl

        t = self.type_of(node)
        if isinstance(node, ast.Number):
            other = self.checker.adopted.get(id(node))
            factor = unit_info(other.display).factor if other is not None and other.display else 1.0
            return pl.lit(scaled(node.value, factor))
        if isinstance(node, ast.Quantity):
            return pl.lit(scaled(node.value, unit_info(node.unit).factor))
        if isinstance(node, ast.Str):
            return pl.lit(node.value, dtype=pl.String)
        if isinstance(node, ast.Bool):
            return pl.lit(node.value)
        if isinstance(node, ast.DateLit):
            return pl.lit(node.value)
        if isinstance(node, ast.Today):
            return pl.lit(self.today)
        if isinstance(node, ast.Name) and node.name in self.scope.params:
            value = self.scope.params[node.name][1]
            if isinstance(value, (int, float, str, bool, _dt.date)):
                return pl.lit(value)
            raise NotColumnar("a param of this kind")
        if isinstance(node, ast.Name | ast.Field):
            return self.read(node)
        if isinstance(node, ast.Neg):
            return -self.compile(node.operand)
        if isinstance(node, ast.Arith):
            return self._arith(node)
        if isinstance(node, ast.Compare):
            types = [self.type_of(o) for o in node.operands]
            if any(x.is_dynamic for x in types) and not all(
                x.is_dynamic or x.dim == () or x.kind != "quantity" for x in types
            ):
                raise NotColumnar("comparing a run-time unit with a fixed one")
            parts = []
            codes = [self.compile(o) for o in node.operands]
            for op, a, b in zip(node.ops, codes, codes[1:], strict=False):
                parts.append(_compare(op, a, b))
            out = parts[0]
            for p in parts[1:]:
                out = out & p
            return out
        if isinstance(node, ast.IsSet):
            if not isinstance(node.operand, ast.Name | ast.Field):
                raise NotColumnar("'is set' on a computed value")
            present = self._column(node.operand)[0].is_not_null()
            return ~present if node.negated else present
        if isinstance(node, ast.In):
            item = self.compile(node.item)
            if isinstance(node.container, ast.ListLit) and all(
                isinstance(i, ast.Number | ast.Quantity | ast.Str | ast.Bool)
                for i in node.container.items
            ):
                values = [self._literal(i) for i in node.container.items]
                hit = item.is_in(values)
                return ~hit if node.negated else hit
            if self.type_of(node.container).kind == "text" and isinstance(node.item, ast.Str):
                hit = self.compile(node.container).str.contains(node.item.value, literal=True)
                return ~hit if node.negated else hit
            raise NotColumnar("'in' on a computed list")
        if isinstance(node, ast.Not):
            return ~self.compile(node.operand)
        if isinstance(node, ast.And):
            return self.compile(node.left) & self.compile(node.right)
        if isinstance(node, ast.Or):
            return self.compile(node.left) | self.compile(node.right)
        if isinstance(node, ast.IfExp):
            test = self.compile(node.test)
            return (
                pl.when(test.is_null())
                .then(pl.lit(None))
                .when(test)
                .then(self.compile(node.body))
                .otherwise(self.compile(node.orelse))
            )
        if isinstance(node, ast.Call):
            return self._call(node, t)
        raise NotColumnar(type(node).__name__)

    def _literal(self, node: ast.Expr) -> Any:
        if isinstance(node, ast.Number):
            other = self.checker.adopted.get(id(node))
            factor = unit_info(other.display).factor if other is not None and other.display else 1.0
            return scaled(node.value, factor)
        if isinstance(node, ast.Quantity):
            return scaled(node.value, unit_info(node.unit).factor)
        assert isinstance(node, ast.Str | ast.Bool)
        return node.value

    def _arith(self, node: ast.Arith) -> Any:
        import polars as pl

        a, b = self.type_of(node.left), self.type_of(node.right)
        if (a.is_dynamic or b.is_dynamic) and not _dimensionless_mix(a, b):
            raise NotColumnar("a quantity whose unit is known only at run time")
        if a.kind == "date" and b.kind == "date":
            left, right = self.compile(node.left), self.compile(node.right)
            return (left - right).dt.total_days().cast(pl.Float64) * _DAY_SECONDS
        if a.kind == "date" or b.kind == "date":
            date_node, dur_node = (
                (node.left, node.right) if a.kind == "date" else (node.right, node.left)
            )
            months = self.checker.months.get(id(dur_node))
            sign = -1 if node.op == "-" else 1
            date = self.compile(date_node)
            if months is not None and float(months).is_integer():
                moved = date.dt.offset_by(f"{sign * int(months)}mo")
            elif isinstance(dur_node, ast.Quantity):
                days = round(dur_node.value * unit_info(dur_node.unit).factor / _DAY_SECONDS)
                moved = date.dt.offset_by(f"{sign * days}d")
            else:
                raise NotColumnar("adding a computed duration to a date")
            # past Python's calendar (years 1-9999) a date is undefined, as in the rows
            year = moved.dt.year()
            return pl.when((year >= 1) & (year <= 9999)).then(moved)
        left, right = self.compile(node.left), self.compile(node.right)
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        return (
            pl.when(right == 0).then(pl.lit(None, dtype=pl.Float64)).otherwise(_over(left, right))
        )

    def _call(self, node: ast.Call, t: Type) -> Any:
        import polars as pl

        args = [self.compile(a) for a in node.args]
        name = node.func
        any_null = _any_null(args)
        if name in ("min", "max"):
            if any(self.type_of(a).kind == "date" for a in node.args):
                raise NotColumnar("min/max of dates")
            fn = pl.min_horizontal if name == "min" else pl.max_horizontal
            return pl.when(any_null).then(pl.lit(None)).otherwise(fn(*args))
        if name == "abs":
            return args[0].abs()
        if name == "round":  # the written decimal, halves away from zero: the row path's
            raise NotColumnar("round (polars rounds the binary float: 607.555 to 607.55)")
        if name == "share":
            return (
                pl.when(args[1] == 0)
                .then(pl.lit(None, dtype=pl.Float64))
                .otherwise(_over(args[0], args[1]))
            )
        if name in ("wilson_lower", "wilson_upper"):
            x, n = args[0], args[1]
            z = args[2] if len(args) > 2 else pl.lit(1.96)
            p = _over(x, n)
            denom = 1 + _over(z * z, n)
            centre = _over(p + _over(z * z, 2 * n), denom)
            half = _over(z, denom) * (_over(p * (1 - p), n) + _over(z * z, 4 * n * n)).sqrt()
            bound = centre - half if name == "wilson_lower" else centre + half
            bad = (n <= 0) | (x < 0) | (x > n)
            return pl.when(bad).then(pl.lit(None, dtype=pl.Float64)).otherwise(bound.clip(0.0, 1.0))
        if name in ("cmgr", "required_rate"):
            first, last, period = args
            months = _over(period, pl.lit(_MONTH_SECONDS))
            bad = (first <= 0) | (last < 0) | (months <= 0)
            return (
                pl.when(bad)
                .then(pl.lit(None, dtype=pl.Float64))
                .otherwise(_over(last, first).pow(_over(pl.lit(1.0), months)) - 1)
            )
        if name == "days_between":
            return (args[1] - args[0]).dt.total_days().cast(pl.Float64) * _DAY_SECONDS
        if name == "months_between":
            return _months_between(args[0], args[1]) * _MONTH_SECONDS
        if name == "len" and self.type_of(node.args[0]).kind == "text":
            return args[0].str.len_chars().cast(pl.Float64)
        if name == "lower":
            return args[0].str.to_lowercase()
        if (
            name == "unit"
            and self.type_of(node.args[0]).is_quantity
            and not self.type_of(node.args[0]).is_dynamic
        ):
            raise NotColumnar("unit values")
        raise NotColumnar(f"the function {name}()")


def _over(left: Any, right: Any) -> Any:
    """``left / right`` as Python divides, each quotient rounded once. Polars divides by
    a constant (a literal, or an expression of literals only) by multiplying by its
    reciprocal: a last bit away from the quotient for a third to a half of the values
    (``49 * (1 / 49)`` is ``0.9999999999999999``), which can turn a rule's comparison at
    its edge. Such a denominator is made a column of its own first (``+ 0`` a row)."""
    import polars as pl

    if not right.meta.root_names():
        right = right + pl.int_range(pl.len()) * 0
    return left / right


def _dimensionless_mix(a: Type, b: Type) -> bool:
    """Arithmetic the columnar backend can do with a run-time-unit operand: both sides
    dynamic (plain numbers), or the other side a plain number."""
    return all(t.is_dynamic or (t.kind == "quantity" and t.dim == ()) for t in (a, b))


def _any_null(args: Sequence[Any]) -> Any:
    out = args[0].is_null()
    for a in args[1:]:
        out = out | a.is_null()
    return out


_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


def _compare(op: str, a: Any, b: Any) -> Any:
    return _COMPARE[op](a, b)


def _months_between(a: Any, b: Any) -> Any:
    """Calendar months from ``a`` to ``b`` as a polars expression, with the semantics
    of :func:`goalrules.dates.months_between` (whole months as dateutil counts them,
    the rest as a share of the next month; negative when ``b`` is earlier), computed on
    numpy date arrays in one pass."""
    import polars as pl

    return pl.struct(a.alias("a"), b.alias("b")).map_batches(
        _months_between_batch, return_dtype=pl.Float64
    )


def _months_between_batch(pair: Any) -> Any:
    import numpy as np
    import polars as pl

    # numpy from here: each polars Series operation plans a query of its own
    both = pair.struct.unnest()
    a = both.get_column("a").to_numpy().astype("datetime64[D]")
    b = both.get_column("b").to_numpy().astype("datetime64[D]")
    missing = np.isnat(a) | np.isnat(b)
    a_days = np.where(missing, 0, a.astype(np.int64))
    b_days = np.where(missing, 0, b.astype(np.int64))
    # dates repeat (monthly data, one `today`): compute each distinct pair once
    offset = 1 << 21
    keys, inverse = np.unique(
        (a_days + offset) * (1 << 22) + (b_days + offset), return_inverse=True
    )
    ua = (keys >> 22) - offset
    ub = (keys & ((1 << 22) - 1)) - offset
    values = _months_between_days(ua, ub)
    out = values[inverse]
    return pl.Series(np.where(missing, np.nan, out), nan_to_null=True)


def _months_between_days(a_days: Any, b_days: Any) -> Any:
    """Vectorised months_between on days since 1970-01-01 (numpy int64 arrays)."""
    import numpy as np

    sign = np.where(b_days >= a_days, 1.0, -1.0)
    x = np.minimum(a_days, b_days).astype("datetime64[D]")
    y = np.maximum(a_days, b_days).astype("datetime64[D]")

    def plus_months(month_index: Any, day: Any) -> Any:
        start = month_index.astype("datetime64[M]")
        first = start.astype("datetime64[D]")
        last = ((start + 1).astype("datetime64[D]") - first).astype(np.int64)
        return first + (np.minimum(day, last) - 1)

    xm = x.astype("datetime64[M]")
    xd = (x - xm.astype("datetime64[D]")).astype(np.int64) + 1
    xi = xm.astype(np.int64)
    k = y.astype("datetime64[M]").astype(np.int64) - xi
    k = np.where(plus_months(xi + k, xd) > y, k - 1, k)
    lo = plus_months(xi + k, xd)
    hi = plus_months(xi + k + 1, xd)
    frac = (y - lo).astype(np.int64) / (hi - lo).astype(np.int64)
    return sign * (k + frac)
