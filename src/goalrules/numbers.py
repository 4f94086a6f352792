"""Numbers a marketer reads at once, the same on every surface (text, markdown, HTML,
notebooks, and the messages of the rules): ``49.3 %``, ``57 leads``, ``1 customer``,
``29 leads in December 2025``, ``not enough data``, ``$14.81``; never ``49.31%``,
``56.61 leads`` or ``1.2e+03``.

Formatting is Babel's (CLDR data), so it follows a locale: a German team reads
``49,3 %`` and ``1.200 followers`` (the words stay goalrules' own). The locale is
``en`` unless the ``GOALRULES_LOCALE`` environment variable, ``goalrules --locale``
or [use_locale][goalrules.numbers.use_locale] says otherwise. The rule language's
messages (``goalrules.dsl.display``) are written with these functions too.

>>> format_percent(0.4931)
'49.3 %'
>>> format_count(56.61, "lead"), format_count(1, "customer")
('57 leads', '1 customer')
>>> import datetime as dt
>>> format_flow(29, "lead", dt.date(2025, 12, 31))
'29 leads in December 2025'
>>> with use_locale("de"):
...     format_percent(0.4931), format_number(1234), format_number(12.5)
('49,3 %', '1.234', '12,5')
>>> words("insufficient_data")
'not enough data'
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import math
import os
from collections.abc import Iterator
from typing import Any

__all__ = [
    "current_locale",
    "format_amount",
    "format_count",
    "format_decimal",
    "format_flow",
    "format_money",
    "format_month",
    "format_number",
    "format_percent",
    "format_score",
    "format_whole_percent",
    "plural",
    "same_but_for_rounding",
    "set_locale",
    "use_locale",
    "words",
]

_STATE = {"locale": os.environ.get("GOALRULES_LOCALE", "").strip() or "en"}

# enum values and rule words as a marketer says them (anything else: "_" -> " ")
_WORDS = {
    "insufficient_data": "not enough data",
    "time_bound": "time-bound",
    "quick_win": "quick win",
    "major_project": "major project",
    "fill_in": "fill-in",
    "time_sink": "time sink",
    "brand_awareness": "brand awareness",
    "customer_service": "customer service",
    "social_listening": "social listening",
    "press_mentions": "press mentions",
    "reset_candidate": "reset candidate",
}
_IRREGULAR = {"person": "people", "reply": "replies", "currency": "currencies"}
_NO_PLURAL = {"%", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR", "BRL"}


def current_locale() -> str:
    """The locale numbers are formatted for (``"en"``, ``"de"``, ``"fr_CH"``...)."""
    return _STATE["locale"]


def set_locale(name: str) -> None:
    """Format numbers for ``name`` from now on; an unknown locale is a
    [ValidationError][goalrules.errors.ValidationError]."""
    _locale(name)  # validate
    _STATE["locale"] = name


@contextlib.contextmanager
def use_locale(name: str) -> Iterator[None]:
    """Format numbers for ``name`` inside the ``with`` block."""
    before = _STATE["locale"]
    set_locale(name)
    try:
        yield
    finally:
        _STATE["locale"] = before


@functools.lru_cache(maxsize=32)
def _locale(name: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        from goalrules.errors import ValidationError

        raise ValidationError(
            f"unknown locale {name!r}: write a language code such as 'en', 'de' or 'fr_CH'",
            field="locale",
        ) from None


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern(text)


def _apply(value: float, pattern: str, locale: str | None) -> str:
    import decimal

    loc = _locale(locale or _STATE["locale"])
    try:
        return str(_pattern(pattern).apply(value, loc))
    except decimal.InvalidOperation:  # a value past Decimal's context: Python writes it
        places = len(pattern.partition(".")[2])
        return f"{value:,.{places}f}".rstrip("0").rstrip(".") if places else f"{value:,.0f}"


#: what Babel's CLDR data says for the default locale, ``en``, written out so that a
#: process formatting numbers, plurals and months in English never imports Babel (a
#: test checks these against Babel's own answers)
_EN_SYMBOLS = (".", ",", "-")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _symbols(name: str) -> tuple[str, str, str] | None:
    """:func:`_locale_symbols`, known without Babel for ``en``."""
    return _EN_SYMBOLS if name == "en" else _locale_symbols(name)


@functools.lru_cache(maxsize=32)
def _locale_symbols(name: str) -> tuple[str, str, str] | None:
    """The locale's decimal sign, group sign and minus sign, when its numbers group by
    threes in Latin digits (most locales: Python's own formatting then writes them, with
    these signs, far faster than a pattern); ``None`` for the others (Babel writes
    those)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    loc = _locale(name)
    pattern = loc.decimal_formats.get(None)
    if getattr(loc, "default_numbering_system", "latn") != "latn" or pattern is None:
        return None
    if tuple(pattern.grouping) != (3, 3):
        return None
    return get_decimal_symbol(loc), get_group_symbol(loc), get_minus_sign_symbol(loc)


def _english(value: float, places: int) -> str:
    """:func:`_decimal` in English with no fixed decimals, in fewer steps: the words of
    a large book format millions of these (a test holds it to the general path)."""
    text = f"{value:,.{places}f}"
    if places and text[-1] == "0":
        text = text.rstrip("0")
        if text[-1] == ".":
            text = text[:-1]
    if text[0] == "-" and text.lstrip("-").strip("0.,") == "":  # -0.0 reads 0
        text = text.lstrip("-")
    return text


def _decimal(value: float, places: int, locale: str | None, *, fixed: int = 0) -> str:
    """``value`` grouped by thousands with up to ``places`` decimals (at least
    ``fixed``), in the locale's signs."""
    name = locale or _STATE["locale"]
    if name == "en" and not fixed:
        return _english(value, places)
    return _general(value, places, name, fixed)


def _general(value: float, places: int, name: str, fixed: int) -> str:
    """:func:`_decimal` in any locale, any fixed decimals."""
    signs = _symbols(name)
    if signs is None:
        optional = "#" * max(0, places - fixed)
        tail = "." + "0" * fixed + optional if places else ""
        return _apply(value, "#,##0" + tail, name)
    text = f"{value:,.{places}f}"
    if places > fixed:
        whole, _, decimals = text.partition(".")
        decimals = decimals[:fixed] + decimals[fixed:].rstrip("0")
        text = f"{whole}.{decimals}" if decimals else whole
    if text.lstrip("-").strip("0.,") == "":  # -0.0 reads 0
        text = text.lstrip("-")
    if signs is _EN_SYMBOLS:  # Python's own signs
        return text
    point, group, minus = signs
    return text.translate({ord(","): group, ord("."): point, ord("-"): minus})


def _decimals(value: float, digits: int) -> int:
    """How many decimals show ``value``: none from 100, up to ``digits`` from 1, and
    ``digits + 1`` significant digits under 1 (0.000123, never 1.23e-04)."""
    ax = abs(value)
    if ax >= 100 or ax == 0:
        return 0
    if ax >= 1:
        return digits
    return min(12, digits - math.floor(math.log10(ax)))


def format_number(value: float, *, digits: int = 2, locale: str | None = None) -> str:
    """A plain number: grouped, without trailing zeros or scientific notation
    (``1200`` -> ``1,200``; ``0.12345`` -> ``0.123``; ``12.0`` -> ``12``)."""
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if float(value).is_integer():
        return _decimal(value, 0, locale)
    return _decimal(value, _decimals(value, digits), locale)


#: the English text of recent rates at one decimal, by value (a few thousand at most)
_PERCENTS: dict[float, str] = {}


def same_but_for_rounding(a: float, b: float) -> bool:
    """Whether two values are one, but for the rounding of the arithmetic that made
    them (``47 / 9371.18`` and the portfolio's ``0.005``; two trends of the same ratios
    summed in another order): within a trillionth of the larger. Shown numbers that are
    kept apart when they differ ("3.04 %" beside "3 %") are not kept apart for that
    (not "-10.41064199 %" beside "-10.41064199 %")."""
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def format_percent(
    value: float | None, *, digits: int = 1, signed: bool = False, locale: str | None = None
) -> str:
    """A share or rate (``0.4931``) as a percentage: ``49.3 %``, ``10 %`` (up to one
    decimal; ``digits`` changes it); ``signed`` writes ``+2.6 %``. ``None`` is ``n/a``."""
    if value is None or value != value:
        return "n/a"
    name = locale or _STATE["locale"]
    if name == "en":  # a book's words write millions of these
        plain = digits == 1 and not signed and value.__class__ is float
        if plain:  # a channel's words show the same rates two or three times
            shown = _PERCENTS.get(value)
            if shown is not None:
                return shown
        text = _english(value * 100, digits if digits > 0 else 0)
        if plain:
            if len(_PERCENTS) >= 4096:
                _PERCENTS.clear()
            shown = _PERCENTS[value] = f"{text} %"
            return shown
    else:
        text = _general(value * 100, max(0, digits), name, 0)
    if signed and not text.startswith(("-", "\u200e-", "−")):
        text = "+" + text
    return f"{text} %"


def _short_of_whole(value: float, whole: int) -> int:
    """``value`` as a whole number (halves up), never ``whole`` short of it: 99.7 of
    100 is 99, a score or share that is not full never read as full."""
    shown = math.floor(value + 0.5)
    return whole - 1 if shown >= whole > value else shown


def format_score(score: float) -> str:
    """A score out of 100 as a whole number never above it: ``88`` for 88.2, ``59`` for
    59.67, ``99`` for 99.8. Scores are held against whole bars (plan lint's
    ``min_smart``, ``--fail-under``): 59.67 under a bar of 60 never reads 60, and a goal
    that missed a rule never reads 100/100."""
    return str(math.floor(score + 1e-9))  # (20 x a sum of shares: 60 may be 59.999999...)


def format_whole_percent(share: float, *, locale: str | None = None) -> str:
    """A share in whole percent, never 100 % short of the whole (a missed criterion of
    99.8 % is "99 %", never "100 %" beside its miss)."""
    return format_percent(_short_of_whole(100 * share, 100) / 100, digits=0, locale=locale)


def plural(word: str, count: float, *, locale: str | None = None) -> str:
    """``word`` for ``count`` of it: ``1 customer``, ``2 customers`` (the locale's
    plural rule says which counts take the singular; the word itself is goalrules')."""
    if word in _NO_PLURAL or "/" in word or not word or (word.isupper() and word.isalpha()):
        return word  # (a currency's code, any of them: "1,200,000 MYR", never "MYRs")
    name = locale or _STATE["locale"]
    if float(count).is_integer() and (
        abs(count) == 1 if name == "en" else _locale(name).plural_form(abs(count)) == "one"
    ):  # English's one form: 1 (and 1.0), nothing else
        return word
    head, _, last = word.rpartition(" ")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "x", "sh", "ch")):
        last = last if last.endswith("s") else last + "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def format_count(value: float, unit: str | None = None, *, locale: str | None = None) -> str:
    """A count as a whole number with its unit in the right number: ``57 leads``,
    ``1 customer``, ``1,200 followers`` (``56.61`` reads ``57``)."""
    whole = round(value) if value == value and not math.isinf(value) else value
    if not unit and whole.__class__ is int and (locale or _STATE["locale"]) == "en":
        return f"{whole:,}"  # (format_number's text for a whole number, in fewer steps)
    shown = format_number(whole, locale=locale)
    if not unit:
        return shown
    return f"{shown} {plural(unit.replace('_', ' '), whole, locale=locale)}"


def format_amount(value: float, currency: str, *, locale: str | None = None) -> str:
    """An amount with two decimals and its currency code: ``1,200.00 USD`` (``1.200,00
    USD`` for a German team). Rounded to the nano-unit first: a total summed in another
    order (a book's table, one account's rows) differs in its last bits, and those must
    never decide a cent."""
    if (locale or _STATE["locale"]) == "en":  # (a book's words write millions of these)
        return f"{round(value, 9):,.2f} {currency}"
    return f"{_decimal(round(value, 9), 2, locale, fixed=2)} {currency}"


def format_decimal(value: float, places: int, *, locale: str | None = None) -> str:
    """A number with exactly ``places`` decimals, grouped, in the locale's signs:
    ``6.2`` and ``7.0`` (``6,2`` and ``7,0`` for a German team)."""
    return _decimal(value, places, locale, fixed=places)


def format_month(day: _dt.date, *, locale: str | None = None) -> str:
    """The calendar month of ``day`` in words: ``December 2025`` (``Dezember 2025``)."""
    name = locale or _STATE["locale"]
    if name == "en":
        return f"{_EN_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", day, locale=_locale(name)))


def format_flow(value: float, unit: str, month: _dt.date, *, locale: str | None = None) -> str:
    """A monthly flow with its period: ``29 leads in December 2025``."""
    return f"{format_count(value, unit, locale=locale)} in {format_month(month, locale=locale)}"


def format_money(value: float, currency: str = "USD", *, locale: str | None = None) -> str:
    """An amount of money: ``$14.81`` (``14,81 $`` for a German team)."""
    from babel.numbers import format_currency

    return str(format_currency(value, currency, locale=_locale(locale or _STATE["locale"])))


def words(value: Any) -> str:
    """An enum value or rule word as a marketer says it: ``insufficient_data`` ->
    ``not enough data``, ``quick_win`` -> ``quick win``."""
    text = str(getattr(value, "value", value))
    return _WORDS.get(text, text.replace("_", " "))
