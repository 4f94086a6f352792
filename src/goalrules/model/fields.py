"""Converters shared by the model's fields: each turns the forms people write into values,
naming the field in any error."""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from goalrules.dates import parse_date
from goalrules.errors import GoalRulesError, UnitError, ValidationError
from goalrules.units import quantity

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.units import Quantity

Date = _dt.date
T = TypeVar("T")

# -- field helpers ---------------------------------------------------------------------


def _guard(name: str, fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """Wrap a converter so that any failure is a GoalRulesError naming the field.

    An optional converter (:func:`_opt`) is folded into the same function, so that a
    field's value passes one call, not two; text and ids are stripped in that call."""
    inner = _OPTIONAL.get(fn)
    if inner is not None:
        return _guard_optional(name, fn, inner)
    guarded = _guarded(name, fn)
    if fn is not _ident:
        return guarded

    @functools.wraps(fn)
    def convert_ident(value: Any) -> Any:
        if isinstance(value, str) and (text := value.strip()):
            return text
        return guarded(value)  # not text, or empty: the error, named

    return convert_ident


def _guarded(name: str, fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn`` whose failures name the field: GoalRulesErrors are given its name, other
    errors of a bad value become ValidationErrors."""

    @functools.wraps(fn)
    def convert(value: Any) -> T:
        try:
            return fn(value)
        except GoalRulesError as exc:
            raise exc.with_location(field=name) from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ValidationError(f"invalid value {value!r}: {exc}", field=name) from None

    return convert


def _guard_optional(
    name: str, optional: Callable[[Any], T], fn: Callable[[Any], Any]
) -> Callable[[Any], T]:
    """:func:`_guard` of ``optional = _opt(fn)``: the same values and errors, in one call."""
    guarded = _guarded(name, fn)
    if fn is _text:  # optional text: blank is None, else the text stripped

        @functools.wraps(optional)
        def convert_text(value: Any) -> Any:
            if isinstance(value, str):
                return value.strip() or None
            if value is None:
                return None
            return guarded(value)  # not text: the error, named

        return convert_text

    @functools.wraps(optional)
    def convert(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return guarded(value)

    return convert


def _opt(fn: Callable[[Any], T]) -> Callable[[Any], T | None]:
    """``fn`` made optional: ``None`` and blank text read as ``None``."""

    def convert(value: Any) -> T | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return fn(value)

    _OPTIONAL[convert] = fn  # for _guard, which folds both into one function
    return convert


#: the converters made by :func:`_opt`, each with the converter it makes optional
_OPTIONAL: dict[Callable[[Any], Any], Callable[[Any], Any]] = {}


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"expected text, got {value!r}")
    return value.strip()


def _ident(value: Any) -> str:
    text = _text(value)
    if not text:
        raise ValidationError("an id cannot be empty")
    return text


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in re.split(r"\s*[,;]\s*|\s+and\s+", value) if v]
    elif type(value) is not list and not isinstance(value, Iterable):
        raise ValidationError(f"expected a list of names, got {value!r}")
    return tuple([v.strip() if type(v) is str else _text(v) for v in value])


def _date(value: Any) -> Date:
    if type(value) is Date:  # a TOML date, as it is
        return value
    if isinstance(value, (Date, str)):
        return parse_date(value)
    raise ValidationError(f"expected a date, got {value!r}")


def _quantity(value: Any) -> Quantity:
    """``quantity(value)``; money as people write it ("RM 50,000", "₱1,500") by its
    currency's code (:func:`~goalrules.model.currencies.money_text`)."""
    try:
        return quantity(value)
    except UnitError:
        if not isinstance(value, str):
            raise
        from goalrules.model.currencies import money_text

        money = money_text(value)
        if money is None:
            raise
        return quantity(money)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"expected a number, got {value!r}")
    if isinstance(value, str):
        value = value.replace(",", "").strip()
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"expected a number, got {value!r}") from None
    if not math.isfinite(x):
        raise ValidationError(f"expected a finite number, got {value!r}")
    return x


def _non_negative(inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(f"cannot be negative (got {value:g})", field=attribute.name)


def _scale_1_5(inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 5:
        raise ValidationError(f"must be between 1 and 5 (got {value})", field=attribute.name)


def _int_1_5(value: Any) -> int:
    x = _number(value)
    if not x.is_integer():
        raise ValidationError(f"expected a whole number from 1 to 5, got {value!r}")
    return int(x)
