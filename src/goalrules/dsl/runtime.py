"""What compiled rules call at run time: reading facts, dynamic quantities, and the
exceptions that turn into an ``unknown`` outcome.

Compiled code never sees a pint object: static quantities are plain floats in base
units, and quantities whose unit is known only at run time are :class:`DQ` pairs of a
base-unit float and a dimension key.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from goalrules.dates import months_between as _months_between
from goalrules.units import DimensionKey, dimension_key, format_dimension, info_of, unit_info

__all__ = [
    "DQ",
    "Missing",
    "PlainDQ",
    "Undefined",
    "Unknown",
]


class Unknown(Exception):
    """Raised inside careful evaluation when a value cannot be known."""

    reason: str = "unknown"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class Missing(Unknown):
    """A fact the rule reads is absent or ``None``."""

    reason = "missing"


class Undefined(Unknown):
    """A value is undefined: division by zero, units that differ at run time, a value
    of the wrong kind."""

    reason = "undefined"


class DQ(NamedTuple):
    """A quantity whose dimension is known only at run time (base-unit magnitude)."""

    value: float
    key: DimensionKey


class PlainDQ(DQ):
    """A plain number given where a quantity of any unit is read (``fact spend:
    quantity`` given ``12``): dimensionless for arithmetic, but no percentage, since no
    unit was said. A message shows it as the number it is ("12", never "1,200 %"); the
    sum, difference, product or quotient of two plain numbers is one too."""

    __slots__ = ()


@functools.lru_cache(maxsize=256)
def divisor(factor: float) -> int | None:
    """``n`` when a unit is the base unit's ``n``-th part (``%``: 100, ``permille``:
    1,000, a count per day: 86,400 a second), else ``None``."""
    if not math.isfinite(factor) or not 0.0 < abs(factor) < 1.0:
        return None
    inverse = 1.0 / factor
    n = round(inverse)
    return n if abs(inverse - n) <= 1e-9 * abs(n) else None


def times(value: float, factor: float) -> float:
    """A number of a unit ``factor`` times the base unit, in base units: divided by
    ``n`` for a unit that is the base unit's ``n``-th part (``35 / 100`` is the float
    ``0.35``; ``35 * 0.01`` is ``0.35000000000000003``, above it), else multiplied."""
    if factor == 1.0:
        return value
    n = divisor(factor)
    return value / n if n is not None else value * factor


def scaled(value: float, factor: float) -> float:
    """A number written in a unit (``35 %``, ``0.35 %``, ``6 months``), in base units,
    as the decimal reads: for a unit that is the base unit's ``n``-th part, the float
    nearest the written decimal divided by ``n`` (``0.35 %`` is the float ``0.0035``, as
    the ``0.0035`` a fact gives and ``35 / 10000`` are); else as :func:`times`. Rules'
    literals, params, tests' givens and tables' cells all scale with this one function,
    so that a fact equal to a threshold compares equal to it."""
    value = float(value)
    n = divisor(factor)
    if n is None:
        return value * factor
    if value.is_integer() or not math.isfinite(value):
        return value / n  # exact operands: the quotient is the nearest float
    return float(Fraction(repr(value)) / n)


def _pint_to_base(q: Any) -> tuple[float, DimensionKey]:
    info = info_of(q)
    return scaled(q.magnitude, info.factor), info.key


def _is_pint(value: Any) -> bool:
    return hasattr(value, "units") and hasattr(value, "magnitude")


def get(container: Any, key: str, path: str, access: str) -> Any:
    """Read ``key`` from a fact; absent or ``None`` raises :class:`Missing`."""
    if container.__class__ is dict and access == "mapping":  # the usual facts: no ABC check
        value = container.get(key)
        if value is None:
            raise Missing(path)
        return value
    if container is None:
        raise Missing(path)
    if access == "mapping" and isinstance(container, Mapping):
        value = container.get(key)
    else:
        value = getattr(container, key, None)
        if value is None and isinstance(container, Mapping):
            value = container.get(key)
    if value is None:
        raise Missing(path)
    return value


def present(container: Any, key: str, access: str) -> bool:
    """``fact.key is set``: present and not ``None``."""
    if container.__class__ is dict and access == "mapping":  # as get reads it
        return container.get(key) is not None
    try:
        get(container, key, "", access)
    except Missing:
        return False
    return True


def to_static(value: Any, factor: float, key: DimensionKey, path: str) -> float:
    """A fact value as a base-unit float of dimension ``key`` (numbers are taken in the
    field's unit, whose factor to base units is ``factor``). As in Python, ``True``
    and ``False`` count as 1 and 0."""
    if isinstance(value, (int, float)):
        try:
            return times(float(value), factor)
        except OverflowError:
            raise Undefined(f"{path} is too large a number ({str(value)[:20]}...)") from None
    if isinstance(value, DQ):
        if value.key != key:
            raise Undefined(
                f"{path} is in {format_dimension(value.key)}, not {format_dimension(key)}"
            )
        return value.value
    if _is_pint(value):
        base, got = _pint_to_base(value)
        if got != key and got != ():  # a dimensionless quantity reads as its value
            raise Undefined(f"{path} is in {format_dimension(got)}, not {format_dimension(key)}")
        return base
    if isinstance(value, str):
        try:
            return times(float(value.replace(",", "")), factor)
        except ValueError:
            raise Undefined(f"{path} is {value!r}, not a number") from None
    raise Undefined(f"{path} is a {type(value).__name__}, not a number")


def to_dynamic(value: Any, path: str) -> DQ:
    """A fact value as a :class:`DQ` (pint quantities and quantity texts convert;
    a plain number, or a text of one, is a dimensionless :class:`PlainDQ`)."""
    if isinstance(value, DQ):
        return value
    if _is_pint(value):
        return _plain_or_unit(value, _pint_to_base(value))
    if isinstance(value, bool):
        raise Undefined(f"{path} is true/false, not a quantity")
    if isinstance(value, (int, float)):
        return PlainDQ(float(value), ())
    if isinstance(value, str):
        from goalrules.units import quantity

        try:
            read = quantity(value)
            pair = _pint_to_base(read)
        except Exception:
            raise Undefined(f"{path} is {value!r}, not a quantity") from None
        return _plain_or_unit(read, pair)
    raise Undefined(f"{path} is a {type(value).__name__}, not a quantity")


def _plain_or_unit(q: Any, pair: tuple[float, DimensionKey]) -> DQ:
    """A pint quantity's pair, a :class:`PlainDQ` when it has no unit at all (``12``,
    not ``12 %``: a percent is a unit)."""
    return PlainDQ(*pair) if str(q.units) == "dimensionless" else DQ(*pair)


def to_text(value: Any, path: str) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return str(value.value)
    raise Undefined(f"{path} is a {type(value).__name__}, not text")


def to_bool(value: Any, path: str) -> bool:
    if isinstance(value, bool):
        return value
    raise Undefined(f"{path} is a {type(value).__name__}, not true/false")


def to_date(value: Any, path: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        from goalrules.dates import parse_date

        try:
            return parse_date(value)
        except Exception:
            raise Undefined(f"{path} is {value!r}, not a date") from None
    raise Undefined(f"{path} is a {type(value).__name__}, not a date")


def to_list(
    value: Any, path: str, item: Callable[[Any, str], Any], kind: str | None = None
) -> tuple[Any, ...]:
    """A fact value as a list, each item converted by ``item`` (its path ``path[i]``).
    A list of ``kind`` ``"text"`` whose items are all strings is taken as it is: what
    ``item`` would make of each, without a call and a path an item."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise Undefined(f"{path} is a {type(value).__name__}, not a list")
    items = tuple(value)
    if kind == "text":
        for v in items:
            if v.__class__ is not str:
                break
        else:
            return items
    return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(items))


# -- dynamic quantity arithmetic ------------------------------------------------------


def dq(value: float | DQ, key: DimensionKey) -> DQ:
    return value if isinstance(value, DQ) else DQ(float(value), key)


def plain(value: float | DQ) -> DQ:
    """A plain number (a literal ``2``, a ``number`` fact) beside a quantity of a unit
    known only at run time."""
    return value if isinstance(value, DQ) else PlainDQ(float(value), ())


def _same(a: DQ, b: DQ, what: str) -> None:
    if a.key != b.key:
        raise Undefined(f"cannot {what} {_unit_of(a)} and {_unit_of(b)}")


def _unit_of(x: DQ) -> str:
    """What ``x`` is measured in, for a reason: a plain number is named as one (not
    "ratio": no unit was said)."""
    if x.__class__ is PlainDQ:
        return f"a plain number ({x.value:g})"
    return format_dimension(x.key)


def _made(a: DQ, b: DQ) -> type[DQ]:
    """The class of a result of ``a`` and ``b``: plain numbers make a plain number."""
    return PlainDQ if a.__class__ is PlainDQ and b.__class__ is PlainDQ else DQ


def dq_add(a: DQ, b: DQ) -> DQ:
    _same(a, b, "add")
    return _made(a, b)(a.value + b.value, a.key)


def dq_sub(a: DQ, b: DQ) -> DQ:
    _same(a, b, "subtract")
    return _made(a, b)(a.value - b.value, a.key)


def _combine(a: DimensionKey, b: DimensionKey, sign: int) -> DimensionKey:
    dims: dict[str, int] = dict(a)
    for d, e in b:
        dims[d] = dims.get(d, 0) + sign * e
    return dimension_key(dims)


def dq_mul(a: DQ, b: DQ) -> DQ:
    return _made(a, b)(a.value * b.value, _combine(a.key, b.key, 1))


def dq_div(a: DQ, b: DQ) -> DQ:
    if b.value == 0:
        raise Undefined("division by zero")
    return _made(a, b)(a.value / b.value, _combine(a.key, b.key, -1))


def dq_cmp(a: DQ, b: DQ, op: Callable[[float, float], bool]) -> bool:
    _same(a, b, "compare")
    return op(a.value, b.value)


def div(a: float, b: float) -> float:
    if b == 0:
        raise Undefined("division by zero")
    return a / b


# -- dates --------------------------------------------------------------------------

_MONTH_SECONDS = 365.25 * 86400 / 12


def date_add(d: _dt.date, seconds: float, months: float | None) -> _dt.date:
    """``d`` plus a duration; calendar months when the duration was written in months,
    quarters or years."""
    try:
        if months is not None and float(months).is_integer():
            return d + relativedelta(months=int(months))
        return d + _dt.timedelta(days=round(seconds / 86400))
    except (ValueError, OverflowError):
        raise Undefined("the date falls outside the years 1 to 9999") from None


def date_diff(a: _dt.date, b: _dt.date) -> float:
    """``a - b`` as a duration in seconds."""
    return (a - b).days * 86400.0


def months_between(a: _dt.date, b: _dt.date) -> float:
    """Calendar months from ``a`` to ``b``, as a duration in seconds (1 month = year/12)."""
    return _months_between(a, b) * _MONTH_SECONDS


def today_or(today: _dt.date | None) -> _dt.date:
    return today if today is not None else _dt.date.today()


def record(rec: list[Any] | None, index: int, value: Any) -> Any:
    if rec is not None:
        rec.append((index, value))
    return value


def _kleene(left: Callable[[], Any], right: Callable[[], Any], wins: bool) -> bool:
    """Three-valued ``and`` (``wins=False``) or ``or`` (``wins=True``): the winning
    value decides even when the other side is unknown."""
    try:
        a = left()
    except Unknown as exc:
        try:
            b = right()
        except Unknown:
            raise exc from None
        if b is wins:
            return bool(wins)
        raise exc from None
    if a is wins:
        return bool(wins)
    return bool(right())


def kleene_and(left: Callable[[], Any], right: Callable[[], Any]) -> bool:
    """``and`` in three-valued logic: false wins over unknown."""
    return _kleene(left, right, False)


def kleene_or(left: Callable[[], Any], right: Callable[[], Any]) -> bool:
    """``or`` in three-valued logic: true wins over unknown."""
    return _kleene(left, right, True)


def convert(value: Any, kind: str, dim: DimensionKey | None, display: str | None, path: str) -> Any:
    """A fact value as the run-time value of a field of that type (``kind``, ``dim``
    and ``display`` of a :class:`~goalrules.dsl.types.Type`); ``None`` is missing."""
    if value is None:
        raise Missing(path)
    if kind == "quantity" and dim is not None:
        factor = unit_info(display).factor if display and dim else 1.0
        return to_static(value, factor, dim, path)
    if kind == "quantity":
        return to_dynamic(value, path)
    if kind == "text":
        return to_text(value, path)
    if kind == "bool":
        return to_bool(value, path)
    if kind == "date":
        return to_date(value, path)
    return value
