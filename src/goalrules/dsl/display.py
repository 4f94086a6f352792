"""Showing run-time values to people: ``1,200 visits``, ``2.5 %``, ``6 months``, with
the numbers of [goalrules.numbers][] (one formatting for every surface, locale-aware)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable
from typing import Any

from goalrules.dsl.runtime import DQ, PlainDQ
from goalrules.dsl.types import Type
from goalrules.numbers import format_decimal, format_percent, plural
from goalrules.numbers import format_number as _number
from goalrules.units import DimensionKey, format_dimension, unit_info

__all__ = ["format_number", "format_places", "format_value", "value_formatter"]

_IRREGULAR = {"person": "people", "reply": "replies", "currency": "currencies"}
_NO_PLURAL = {"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR", "BRL", "%"}
_TIME = (("[time]", 1),)
_DAY = 86400.0
_MONTH = 365.25 * _DAY / 12


def format_number(x: float, *, digits: int = 2) -> str:
    """``1200`` -> ``1,200``; ``0.12345`` -> ``0.123``; ``12.0`` -> ``12`` (never in
    scientific notation)."""
    return _number(x, digits=digits)


def _plural(word: str, value: float) -> str:
    if word in _NO_PLURAL or " " in word:
        return word
    return plural(word, value)


def _count(value: float) -> float:
    """A count reads as a whole number ("57 leads", not "56.61 leads"); under ten it
    keeps a decimal, so that 0.4 customers is not shown as none, and a count under a
    twentieth keeps its own digits (0.04 visits a day is not "0 visits")."""
    if value != value or abs(value) == math.inf:
        return value  # shown as the locale writes them ("∞", "NaN"), never rounded
    if abs(value) >= 10:
        return float(round(value))
    shown = round(value, 1)
    return shown if shown or not value else value


def _format_key(value: float, key: DimensionKey, display: str | None) -> str:
    if key == ():
        if display and display not in ("%", "percent"):
            info = unit_info(display)
            return f"{format_number(value / info.factor)} {display}"
        if display is None:
            return format_number(value, digits=4)
        return format_percent(value)
    if key == _TIME:
        if display and display not in ("day", "days"):
            info = unit_info(display)
            return f"{format_number(value / info.factor)} {_plural(info.text, value / info.factor)}"
        if abs(value) >= 28 * _DAY:  # a month or more in months: "over 1 month: need 3
            months = value / _MONTH  # over 2 months", not "over 30.4 days"
            return f"{format_number(months, digits=1)} {_plural('month', months)}"
        days = value / _DAY
        return f"{format_number(days, digits=1)} {_plural('day', days)}"
    unit = display or format_dimension(key)
    try:
        info = unit_info(unit)
    except Exception:
        return f"{format_number(value)} {format_dimension(key)}"
    shown = value / info.factor
    word = info.text
    if len(key) == 1:
        word = word.replace("_", " ")
        if not key[0][0].startswith("[currency"):
            shown = _count(shown)
        return f"{format_number(shown)} {_plural(word, shown)}"
    return f"{format_number(shown)} {word}"


def format_places(value: float, typ: Type, places: int) -> str:
    """A number of a fixed unit with exactly ``places`` decimals, unrounded to a whole
    count (``999.6 visits``, ``1,000.40 USD``): a value shown apart from a threshold it
    would otherwise read as."""
    if typ.dim is None:
        return format_decimal(value, places)
    if typ.dim == ():
        return format_decimal(value * 100, places) + " %"
    unit = typ.display or format_dimension(typ.dim)
    try:
        info = unit_info(unit)
    except Exception:
        return f"{format_decimal(value, places)} {format_dimension(typ.dim)}"
    shown = value / info.factor
    word = info.text.replace("_", " ") if len(typ.dim) == 1 else info.text
    return f"{format_decimal(shown, places)} {_plural(word, shown)}"


def format_value(value: Any, typ: Type | None = None) -> str:
    """A run-time value as text, shown in the unit its static type suggests."""
    if value is None:
        return "(missing)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value.__class__ is PlainDQ:  # a plain number, no unit said: never a percentage
        return format_number(value.value, digits=4)
    if isinstance(value, DQ):
        return _format_key(value.value, value.key, None if value.key else "%")
    if isinstance(value, (_dt.date,)):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and typ is not None and typ.kind == "unit":
        return format_dimension(value)
    if isinstance(value, (tuple, list, frozenset)):
        item = typ.item if typ is not None else None
        return "[" + ", ".join(format_value(v, item) for v in value) + "]"
    if isinstance(value, (int, float)):
        if typ is not None and typ.is_quantity and typ.dim is not None:
            return _format_key(float(value), typ.dim, typ.display)
        return format_number(float(value), digits=4)
    return str(value)


def value_formatter(typ: Type | None) -> Callable[[Any], str]:
    """``format_value(_, typ)`` as one function, its branch for ``typ`` chosen once: a
    message template shows the same part of a rule for every channel of a book, so the
    type is looked at once, not once a value. The text is ``format_value``'s (a test
    holds them equal)."""

    def general(value: Any) -> str:
        return format_value(value, typ)

    if typ is None or typ.kind != "quantity" or typ.dim is None:
        if typ is not None and typ.kind == "text":

            def text(value: Any) -> str:
                return value if value.__class__ is str else format_value(value, typ)

            return text
        return general
    key, display = typ.dim, typ.display
    if key == () and display in ("%", "percent"):

        def percent(value: Any) -> str:
            if value.__class__ is float:
                return format_percent(value)
            return format_value(value, typ)

        return percent

    def quantity(value: Any) -> str:
        if value.__class__ is float or value.__class__ is int:
            return _format_key(float(value), key, display)
        return format_value(value, typ)

    return quantity
