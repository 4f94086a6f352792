"""Units: a small pint registry of marketing counts, currencies, ratios and time.

The registry is built lazily, from the definitions in this module (plus those plugins
add), never from pint's large default registry: importing :mod:`goalrules` does not
import pint at all, and the first :func:`quantity` call builds the registry in a few
milliseconds. pint is imported without the optional integrations (numpy, scipy, dask)
that nothing in the process has imported yet (see :func:`_import_pint`).

Three rules shape the unit system:

* every kind of count is a dimension of its own (``follower``, ``visit``, ``lead``...),
  so adding or comparing followers with visits is an error;
* currencies are dimensions of their own and never convert implicitly;
* the quotient of two counts is a plain ratio, as a marketer reads it
  (``leads / visits`` compares with ``2 %``), while a count per time keeps its count
  (``followers / month`` is a growth rate). :func:`dimension_key` is the one place
  where that rule lives; the catalog and the DSL's checker both use it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from goalrules import plugins
from goalrules.errors import UnitError, suggest
from goalrules.patterns import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from typing import TypeAlias

    import pint

    Quantity: TypeAlias = pint.Quantity[float]

__all__ = [
    "COUNT_UNITS",
    "CURRENCIES",
    "DOTTED_THOUSANDS",
    "DimensionKey",
    "UnitInfo",
    "define_currency",
    "dimension_key",
    "format_dimension",
    "format_quantity",
    "in_currency_of",
    "info_of",
    "is_count_dimension",
    "known_currency",
    "quantity",
    "registry",
    "simplify",
    "to_base",
    "unit_info",
    "unit_text",
]

#: Counts: every one is a dimension of its own. (name, aliases)
COUNT_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("follower", ("fan", "subscriber")),
    ("visit", ("session", "visitor")),
    ("click", ("tap",)),
    ("impression", ()),
    ("view", ("video_view",)),
    ("engagement", ("interaction",)),
    ("share", ("repost", "retweet")),
    ("comment", ("replies", "reply")),
    ("reaction", ("like",)),
    ("lead", ("contact", "signup", "sign_up")),
    ("customer", ("sale", "order", "purchase")),
    ("conversion", ()),
    ("mention", ()),
    ("post", ("tweet", "update")),
    ("hire", ()),
    ("application", ("applicant",)),
    ("message", ("dm",)),
    ("member", ()),
    ("person", ("people", "user", "account")),
    ("response", ("survey_response",)),
    ("ticket", ("case",)),
)

#: Currencies: each a dimension of its own, never converted implicitly.
CURRENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("USD", ("dollar", "usd")),
    ("EUR", ("euro", "eur")),
    ("GBP", ("pound_sterling", "gbp")),
    ("JPY", ("yen", "jpy")),
    ("CAD", ("cad",)),
    ("AUD", ("aud",)),
    ("CHF", ("chf",)),
    ("INR", ("inr",)),  # (not "rupee": several currencies are, as statements read it)
    ("BRL", ("real_brl", "brl")),
)

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}

_BASE_DEFINITIONS = """
second = [time] = s = sec = secs
minute = 60 * second = min = mins
hour = 60 * minute = h = hr = hrs
day = 24 * hour = d
week = 7 * day = wk
year = 365.25 * day = yr = y
month = year / 12 = mo = mon
quarter = 3 * month = qtr
percent = 0.01 = %
permille = 0.001
basis_point = 0.0001 = bp = bps
percentage_point = 0.01 = pp = point = pts
ratio = 1
"""

DimensionKey = tuple[tuple[str, int], ...]
"""A canonical, hashable dimension: sorted ``(dimension, exponent)`` pairs after the
count-ratio rule. ``()`` is dimensionless."""


def _definitions() -> list[str]:
    lines = [ln for ln in _BASE_DEFINITIONS.strip().splitlines() if ln.strip()]
    for name, aliases in COUNT_UNITS:
        lines.append(" = ".join([name, f"[{name}]", *aliases]))
    # a cost per mille is a price per thousand impressions: "8 USD / thousand_impressions"
    lines.append("thousand_impressions = 1000 * impression = mille")
    for code, aliases in CURRENCIES:
        lines.append(" = ".join([code, f"[currency_{code}]", *aliases]))
    return lines


#: pint's optional integrations: pint imports each that is installed (numpy, dask and
#: scipy alone take about 200 ms), though goalrules' quantities are plain scalars
_PINT_EXTRAS = ("numpy", "scipy", "dask", "babel", "uncertainties")


def _import_pint() -> Any:
    """Import pint without the optional integrations nothing has imported yet.

    A process that already uses numpy (or dask...) keeps pint's integration with it; one
    that does not is spared loading them for a scalar unit registry. Set
    ``GOALRULES_PINT_EXTRAS=1`` to import pint with every integration regardless (for
    pint arrays of numpy values elsewhere in a process that imports goalrules first).
    """
    import os
    import sys

    if "pint" in sys.modules or os.environ.get("GOALRULES_PINT_EXTRAS") == "1":
        import pint

        return pint
    hidden = [name for name in _PINT_EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import pint
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return pint


def _built_registry(pint_module: Any) -> Any:
    """The registry, built from goalrules' definitions alone (pint's own default
    definitions, several hundred units, are not loaded; a file of them with pint's cache
    of parsed definitions measured slower). The lines are parsed as one text: pint's
    parser costs about 0.6 ms a call, so a ``define`` a line took twice as long."""
    ureg = pint_module.UnitRegistry(None, case_sensitive=True, cache_folder=None)
    ureg.load_definitions(_definitions())
    return ureg


@functools.cache
def registry() -> pint.UnitRegistry[float]:
    """The goalrules pint registry (built on first use, then cached)."""
    pint_module = _import_pint()
    ureg: pint.UnitRegistry[float] = _built_registry(pint_module)
    for origin, line in plugins.contributions("goalrules_units"):
        try:
            ureg.define(line)
        except Exception as exc:
            from goalrules.errors import PluginError

            raise PluginError(
                f"{origin.label}: its unit definition {line!r} is invalid: "
                f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}"
            ) from None
    return ureg


@plugins.on_reset
def _reset() -> None:
    registry.cache_clear()
    _parse_quantity.cache_clear()
    unit_info.cache_clear()
    _unit_names.cache_clear()
    _unit_object.cache_clear()
    _parsed_units.cache_clear()
    _INFO_BY_UNITS.clear()
    _TEXT_BY_UNITS.clear()


def is_count_dimension(dim: str) -> bool:
    """True for a count dimension such as ``[follower]`` (not time, not a currency)."""
    return dim != "[time]" and not dim.startswith("[currency_")


def dimension_key(
    dimensionality: Mapping[str, Any] | Iterable[tuple[str, Any]],
) -> DimensionKey:
    """Canonical dimension with the count-ratio rule applied.

    When the count dimensions' exponents sum to zero (``[lead] / [visit]``), the counts
    cancel and the quantity is a ratio of them (``()``, or ``1/[time]`` for a ratio per
    month). Otherwise the dimension is kept as it is (``[follower] / [time]``).
    """
    items = dimensionality.items() if isinstance(dimensionality, Mapping) else dimensionality
    dims = {str(d): int(e) for d, e in items if e}
    counts = {d: e for d, e in dims.items() if is_count_dimension(d)}
    if counts and len(counts) > 1 and sum(counts.values()) == 0:
        dims = {d: e for d, e in dims.items() if not is_count_dimension(d)}
    return tuple(sorted(dims.items()))


_PRETTY_BASE = {"[time]": "month"}


def format_dimension(key: DimensionKey) -> str:
    """Human text for a dimension key: ``follower / month``, ``ratio``, ``USD / lead``."""
    if not key:
        return "ratio"
    if key == (("[time]", 1),):
        return "duration"
    num: list[str] = []
    den: list[str] = []
    for dim, exp in key:
        name = dim.strip("[]")
        if name.startswith("currency_"):
            name = name[len("currency_") :]
        name = _PRETTY_BASE.get(dim, name)
        part = name if abs(exp) == 1 else f"{name}^{abs(exp)}"
        (num if exp > 0 else den).append(part)
    text = " * ".join(num) if num else "1"
    if den:
        text += " / " + " / ".join(den)
    return text


class UnitInfo(NamedTuple):
    """A unit reduced to what compiled code needs: a factor to base units and a key.

    (A named tuple rather than an attrs class: the first quantity of a process builds
    one, and importing attrs there alone would cost 20-30 ms.)
    """

    text: str
    factor: float
    key: DimensionKey

    @property
    def dimension(self) -> str:
        return format_dimension(self.key)


@functools.lru_cache(maxsize=2048)
def unit_info(text: str) -> UnitInfo:
    """Parse a unit text (``"followers / month"``, ``"%"``, ``"USD"``) to a :class:`UnitInfo`."""
    ureg = registry()
    cleaned = _clean_unit_text(text)
    if not cleaned:
        return UnitInfo(text="", factor=1.0, key=())
    try:
        units = _parse_units(cleaned)
    except UnitError:
        raise _unknown_unit(text, cleaned) from None
    q = ureg.Quantity(1.0, units).to_base_units()
    return UnitInfo(
        text=str(units), factor=float(q.magnitude), key=dimension_key(dict(q.dimensionality))
    )


@functools.cache
def _unit_names() -> tuple[str, ...]:
    ureg = registry()
    names: list[str] = []
    for name in ureg._units:
        names.append(name)
    return tuple(sorted(set(names)))


def _known(ureg: pint.UnitRegistry[float], name: str) -> bool:
    """``name`` is a unit of the registry (pint treats ``_names`` as private attributes
    and raises rather than answer)."""
    if not name or name.startswith("_"):
        return False
    try:
        return name in ureg
    except Exception:
        return False


def _singular(ureg: pint.UnitRegistry[float], word: str) -> str:
    """English plurals pint does not know: ``stories`` -> ``story``, ``boxes`` -> ``box``."""
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            cand = word[: -len(suffix)] + repl
            if _known(ureg, cand):
                return cand
    return word


_MAX_UNIT_TEXT = 200  # characters of a unit expression
_MAX_UNIT_WORD = 48  # characters of one unit name ("engagement_rate_by_reach" has 24)
_WORD = LazyPattern(r"[A-Za-z_]+")


def _parse_units(cleaned: str) -> pint.Unit:
    # pint's unit parser slows down quadratically on long words: no unit is that long,
    # so a long text is refused before it gets there
    if len(cleaned) > _MAX_UNIT_TEXT:
        raise UnitError(
            f"unknown unit {cleaned[:40]!r}...: a unit is at most {_MAX_UNIT_TEXT} characters"
        )
    long_word = next((w for w in _WORD.findall(cleaned) if len(w) > _MAX_UNIT_WORD), None)
    if long_word is not None:
        raise UnitError(f"unknown unit {long_word[:40]!r}...: no unit name is that long")
    ureg = registry()
    try:
        return ureg.parse_units(cleaned)
    except Exception:
        fixed = _WORD.sub(lambda m: _singular(ureg, m[0]), cleaned)
        try:
            return ureg.parse_units(fixed)
        except Exception:
            raise _unknown_unit(cleaned, cleaned) from None


def _unknown_unit(original: str, cleaned: str) -> UnitError:
    shown = original if len(original) <= 60 else original[:57] + "..."
    if len(cleaned) > _MAX_UNIT_TEXT:
        return UnitError(
            f"unknown unit in {shown!r}: a unit is at most {_MAX_UNIT_TEXT} characters"
        )
    ureg = registry()
    bad = cleaned
    for word in re.findall(r"[A-Za-z_%][A-Za-z_0-9]*", cleaned):
        if len(word) > _MAX_UNIT_WORD:
            return UnitError(f"unknown unit {word[:40] + '...'!r} in {shown!r}")
        try:
            ureg.parse_units(_singular(ureg, word))
        except Exception:
            bad = word
            break
    # a unit name is a typo away or not at all: "potatoes" is not "update"
    found = suggest(bad.rstrip("s"), _unit_names(), cutoff=0.7)
    return UnitError(
        f"unknown unit {bad!r} in {shown!r}",
        suggestions=found,
        hint=None
        if found
        else "goalrules knows the units of its metrics (goalrules "
        "catalog lists them: followers, visits, leads, ...) and currencies such as USD",
    )


_PER = LazyPattern(r"\s+per\s+|\s+a\s+(?=(month|week|day|year|quarter|hour)\b)", re.IGNORECASE)


def _clean_unit_text(text: str) -> str:
    t = text.strip()
    t = _PER.sub(" / ", f" {t}").strip() if (" per " in f" {t} " or " a " in f" {t} ") else t
    t = t.replace("·", "*")
    t = re.sub(r"\s*/\s*", " / ", t)
    # multi-word units: "video views" -> "video_view"s
    t = re.sub(r"(?<=[A-Za-z])\s+(?=[A-Za-z])", "_", t)
    return t


#: a number: thousands grouped by commas ("12,500") or by spaces, as SI and many
#: languages group them ("30 000", with a space, a no-break or a narrow no-break space:
#: groups of three only), or not grouped; then its decimals
_NUMBER = (
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
)
#: a scale written right after the number: "1.2k", "3bn"
_SCALE_LETTERS = r"(?:[kKmMbB]|bn|BN|mm|MM)(?![A-Za-z])"
_QUANTITY = LazyPattern(
    r"^\s*(?P<sign>[+-]?)\s*(?P<symbol>[$€£¥₹]?)\s*(?P<sign2>[+-]?)\s*"
    + _NUMBER
    + rf"(?P<suffix>{_SCALE_LETTERS}|\s+(?:thousand|million|billion)\b)?"
    r"\s*(?P<unit>.*?)\s*$"
)
_SUFFIX_FIRST = LazyPattern(_SCALE_LETTERS)
_SUFFIX = {
    "k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9,
    "thousand": 1e3, "million": 1e6, "billion": 1e9,
}  # fmt: skip


_CODES = frozenset(c for c, _ in CURRENCIES)


def define_currency(code: str) -> bool:
    """Make ISO 4217 ``code`` ("MYR", "PHP", "SAR") a unit of the registry, a dimension
    of its own (a target in ringgit never mixes with one in dollars); whether ``code`` is
    one (Babel's list) and now defined."""
    ureg = registry()
    if code in ureg:
        return code in _CODES or str(ureg.get_dimensionality(code)) == f"[currency_{code}]"
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    from babel.numbers import is_currency

    if not is_currency(code):
        return False
    ureg.define(f"{code} = [currency_{code}]")
    return True


def known_currency(code: str) -> str:
    """``code`` as a currency of the registry (any ISO 4217 code: ``define_currency``),
    for a ``currency=`` argument: a :class:`UnitError` naming the field for anything else
    ("MYR" worked in ``quantity("100 MYR")`` but not as ``decide_channels(...,
    currency="MYR")``, an unknown unit)."""
    if code in _CODES or define_currency(code):
        return code
    raise UnitError(f"{code!r} is no currency code (such as USD or EUR)", field="currency")


_CODE_FIRST = LazyPattern(r"^\s*([A-Z]{3})\s+([-+]?[\d.,]+\s*[kKmM]?)\s*$")


def _check_range(number: float, written: str, text: str) -> None:
    """A number a float cannot hold is an error, never infinity or 0: a target of
    "1e999 leads" was read as infinitely many ("needs growth of 1,014,232,...% a
    month"), and "1e-400 leads" as none."""
    if math.isinf(number):
        raise UnitError(f"the number in {text!r} is too large (at most about 1.8e308)")
    if number == 0 and any(c in "123456789" for c in re.split("[eE]", written)[0]):
        raise UnitError(f"the number in {text!r} is too small to tell from 0")


@functools.lru_cache(maxsize=8192)
def _parse_quantity(text: str) -> Quantity:
    code_first = _CODE_FIRST.match(text)
    if code_first and (code_first[1] in _CODES or define_currency(code_first[1])):
        text = f"{code_first[2]} {code_first[1]}"  # "USD 500" -> "500 USD"
    m = _QUANTITY.match(text)
    if m is None:
        raise UnitError(
            f"cannot read a quantity from {text!r}",
            hint="write a number and a unit, e.g. '1,200 followers', '2.5 %' or '500 USD'",
        )
    number = float(re.sub(r"[, \u00a0\u202f]", "", m["number"]))
    if m["suffix"]:
        number *= _SUFFIX[m["suffix"].strip().lower()]
    if "-" in (m["sign"], m["sign2"]):
        number = -number
    _check_range(number, m["number"], text)
    unit = m["unit"]
    if m["symbol"]:
        if unit:
            raise UnitError(f"{text!r} has both a currency symbol and the unit {unit!r}")
        unit = _SYMBOLS[m["symbol"]]
    if number.is_integer() and abs(number) < 2**53:
        value: float | int = int(number)
    else:
        value = number
    comma = _DECIMAL_COMMA.match(unit) if not m["suffix"] else None
    if comma is not None:  # "1,5 %", "12,5%", "1.234,5 USD": a comma no thousands follow
        said = f"{m['number']}{comma[0]}".replace(".", "").replace(",", ".")
        rest = unit[comma.end() :].strip()
        if rest and not _SUFFIX_FIRST.match(rest):  # "1.5k followers", "1.5 %"
            rest = f" {rest}"
        raise UnitError(
            f"{text.strip()!r} has a decimal comma: goalrules reads ',' between thousands "
            f"only (1,200); write {said}{rest} with a decimal point"
        )
    ureg = registry()
    cleaned = _clean_unit_text(unit)
    if not cleaned:
        return ureg.Quantity(value, "dimensionless")
    try:
        units = _parsed_units(cleaned)
    except UnitError:
        # "50,000 MYR", "1,500 PHP / lead": a currency of its own, defined when first met
        if not [c for c in re.findall(r"\b[A-Z]{3}\b", cleaned) if define_currency(c)]:
            raise _unknown_unit(text, cleaned) from None
        try:
            units = _parsed_units(cleaned)
        except UnitError:
            raise _unknown_unit(text, cleaned) from None
    if not m["suffix"] and DOTTED_THOUSANDS.fullmatch(m["number"]) and _counts(units):
        whole = m["number"].replace(".", "")
        raise UnitError(
            f"{text.strip()!r} is ambiguous: {int(whole):,} {unit} with '.' between "
            f"thousands (as Greek and German write them), or {number:g} {unit} with a "
            f"decimal point; write {int(whole):,} {unit} or {number:g} {unit}"
        )
    return ureg.Quantity(value, units)


#: what follows a number cut short at a comma no group of three digits follows: the
#: decimals of a decimal comma ("1,5 %" leaves ",5 %"; "1.234,56 USD" leaves ",56 USD")
_DECIMAL_COMMA = LazyPattern(r",\d+(?![\d,.])")

#: "10.000", "1.000.000": a point before each group of three, as Greek and German write
#: thousands, or (one point) a decimal with three places: a count read as ten is a guess
DOTTED_THOUSANDS = LazyPattern(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+")


def _counts(units: Any) -> bool:
    """Whether quantities in ``units`` count things or money (followers, USD, leads a
    month), whose "10.000" is more likely ten thousand than ten: not a share or a time."""
    return any(power > 0 and dim != "[time]" for dim, power in unit_info(str(units)).key)


def quantity(text: str | Any, unit: str | None = None) -> Quantity:
    """Parse a quantity text into a pint ``Quantity`` of the goalrules registry.

    Accepts ``"1200 followers"``, ``"1,200 followers"``, ``"30 000 EUR"`` (thousands
    grouped by spaces), ``"1.2k followers"``, ``"10 thousand followers"``, ``"1.5
    million impressions"``, ``"12%"``, ``"2.5 %"``, ``"500 USD"``, ``"$500"``,
    ``"€1,200"``, ``"3 h"``, ``"45 min"``, ``"50 leads per month"``. A number that may
    be read two ways is an error saying both (``"10.000 followers"``: ten thousand with
    '.' between thousands, or ten), as is a decimal comma (``"12,5%"``). A number with
    ``unit`` given builds the quantity directly. Results are cached: treat them as immutable.

    >>> str(quantity("1.2k followers"))
    '1200 follower'
    """
    if unit is not None:
        if isinstance(text, bool) or not isinstance(text, (int, float)):
            raise UnitError(f"expected a number with unit {unit!r}, got {text!r}")
        ureg = registry()
        try:
            return ureg.Quantity(text, _unit_object(unit))
        except UnitError:
            raise _unknown_unit(unit, _clean_unit_text(unit)) from None
    if not isinstance(text, str):
        ureg = registry()
        if isinstance(text, ureg.Quantity):
            return text
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            if not math.isfinite(text):  # (a workspace's "baseline = nan" or "= inf")
                raise UnitError(f"expected a finite number, got {text!r}")
            return ureg.Quantity(text, "dimensionless")
        raise UnitError(f"expected a quantity text such as '1200 followers', got {text!r}")
    return _parse_quantity(text)


_INFO_BY_UNITS: dict[Any, UnitInfo] = {}


def in_currency_of(unit: str, amount: Any) -> str:
    """``unit`` with its currency that of ``amount``: a metric the catalog counts in USD
    ("USD / lead"), measured for a goal set in euros, is counted in EUR ("EUR / lead").
    ``unit`` itself unless each names exactly one currency (amounts are never
    converted: only a unit the data did not name is taken from the goal)."""
    if not hasattr(amount, "units"):
        return unit
    ours = [d for d, _ in unit_info(unit).key if d.startswith("[currency_")]
    theirs = [d for d, _ in info_of(amount).key if d.startswith("[currency_")]
    if len(ours) != 1 or len(theirs) != 1 or ours == theirs:
        return unit
    old, new = (_base_unit_name(d) for d in (ours[0], theirs[0]))
    return re.sub(rf"\b{re.escape(old)}\b", new, unit)


def info_of(q: Quantity) -> UnitInfo:
    """:class:`UnitInfo` of a quantity's units (cached by pint's unit container, so
    that the slow text formatting of units happens once per unit)."""
    container = q._units
    hit = _INFO_BY_UNITS.get(container)
    if hit is None:
        hit = unit_info(unit_text(q))
        _INFO_BY_UNITS[container] = hit
    return hit


def unit_text(q: Quantity) -> str:
    """``str(q.units)``, written by pint once per unit (cached by its unit container)."""
    container = q._units
    text = _TEXT_BY_UNITS.get(container)
    if text is None:
        text = _TEXT_BY_UNITS[container] = str(q.units)
    return text


_TEXT_BY_UNITS: dict[Any, str] = {}


def to_base(q: Quantity) -> tuple[float, DimensionKey]:
    """A quantity as ``(magnitude in base units, dimension key)`` for fast comparison."""
    info = info_of(q)
    return float(q.magnitude) * info.factor, info.key


@functools.lru_cache(maxsize=1024)
def _unit_object(unit: str) -> Any:
    return _parsed_units(_clean_unit_text(unit))


@functools.lru_cache(maxsize=1024)
def _parsed_units(cleaned: str) -> Any:
    """One pint Unit per unit text: quantities of the same unit then share its unit
    container, so that :func:`info_of` finds it by identity."""
    return _parse_units(cleaned)


def _base_unit_name(dim: str) -> str:
    if dim == "[time]":
        return "second"
    name = dim.strip("[]")
    return name.removeprefix("currency_")


def _cancels(q: Quantity) -> bool:
    dims: dict[str, Any] = dict(q.dimensionality)
    counts = [e for d, e in dims.items() if is_count_dimension(d)]
    return len(counts) > 1 and sum(counts) == 0


def simplify(q: Quantity) -> Quantity:
    """Apply the count-ratio rule to a pint quantity: ``30 lead / 1200 visit`` becomes
    the plain ratio ``0.025`` (dimensionless), which converts to percent.

    Quantities the rule leaves alone are returned unchanged.

    >>> simplify(quantity("30 leads") / quantity("1200 visits")).to("percent")
    <Quantity(2.5, 'percent')>
    """
    if not _cancels(q):
        return q
    mag, key = to_base(q)
    ureg = registry()
    units = ureg.Unit("dimensionless")
    for dim, exp in key:
        units = units * ureg.Unit(_base_unit_name(dim)) ** exp
    return ureg.Quantity(mag, units)


def format_quantity(q: Quantity, *, grouping: bool = True) -> str:
    """Text that :func:`quantity` reads back to an equal quantity.

    >>> format_quantity(quantity("1200 followers"))
    '1,200 follower'
    >>> format_quantity(quantity("2.5 %"))
    '2.5 %'
    """
    mag = q.magnitude
    if isinstance(mag, float) and mag.is_integer() and abs(mag) < 2**53:
        mag = int(mag)
    if isinstance(mag, float) and not math.isfinite(mag):
        raise UnitError(f"cannot format a non-finite quantity {mag!r}")
    number = format(mag, ",") if grouping else repr(mag)
    unit = str(q.units)
    if unit == "dimensionless":
        return number
    unit = re.sub(r"\bpercent\b", "%", unit)
    return f"{number} {unit}"
