"""Functions callable from rules, each with a typed signature checked at compile time.

A :class:`Function` names its parameter kinds, computes its result type from the
argument types, and implements itself on run-time values (static quantities arrive as
base-unit floats, quantities of run-time dimension as :class:`~goalrules.dsl.runtime.DQ`).
Plugins add functions through the ``goalrules_functions`` hook.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from goalrules import plugins
from goalrules.dsl.runtime import DQ, Undefined, months_between
from goalrules.dsl.types import BOOL, DURATION, NUMBER, TEXT, UNIT, Type, list_of
from goalrules.errors import PluginError

__all__ = ["Function", "builtin_functions", "function_table"]

#: ``months_between``'s duration, shown in the months it counted: Jan 1 to Feb 28 is
#: "1.97 months" (as days of an average month it read "59.8 days", and there are 58)
_IN_MONTHS = Type("quantity", dim=DURATION.dim, display="month")

#: Parameter kinds a function may declare (a trailing ``?`` makes it optional).
KINDS = ("quantity", "number", "date", "text", "bool", "list", "any", "unit", "duration")


@attrs.frozen
class Function:
    """A rule-callable function.

    ``params`` are kinds from :data:`KINDS` (``"number?"`` is optional); ``returns``
    is a :class:`Type` or a function of the argument types; ``impl`` takes run-time
    values; ``check`` may return an error message for argument types the kinds allow
    but the function does not (e.g. quantities of different units); ``bind`` may
    replace ``impl`` once the argument types are known.
    """

    name: str
    params: tuple[str, ...]
    returns: Type | Callable[[Sequence[Type]], Type]
    impl: Callable[..., Any]
    doc: str = ""
    check: Callable[[Sequence[Type]], str | None] | None = None
    bind: Callable[[Sequence[Type]], Callable[..., Any]] | None = None
    variadic: bool = False
    unify: bool = False  # bare numbers among the arguments take the others' unit

    def result_type(self, args: Sequence[Type]) -> Type:
        return self.returns if isinstance(self.returns, Type) else self.returns(args)

    @property
    def min_args(self) -> int:
        return sum(1 for p in self.params if not p.endswith("?"))

    @property
    def signature(self) -> str:
        params = ", ".join(self.params) + (", ..." if self.variadic else "")
        return f"{self.name}({params})"


def _mag(x: Any) -> float:
    return x.value if isinstance(x, DQ) else float(x)


def _same_type(args: Sequence[Type]) -> str | None:
    first = args[0]
    for t in args[1:]:
        if t.kind != first.kind or (
            t.is_quantity and not t.is_dynamic and not first.is_dynamic and t.dim != first.dim
        ):
            return f"arguments must have the same type (got {first} and {t})"
    if any(t.is_dynamic for t in args):
        return "arguments must have units known when the rule is compiled"
    return None


def _first(args: Sequence[Type]) -> Type:
    return next(
        (a for a in args if a.kind != "quantity" or a.display is not None or a.dim), args[0]
    )


def _wilson(x: float, n: float, z: float, sign: int) -> float:
    if n <= 0:
        raise Undefined("a rate needs at least one trial (n > 0)")
    if x < 0 or x > n:
        raise Undefined(f"successes {x:g} must lie between 0 and trials {n:g}")
    p = x / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return min(1.0, max(0.0, centre + sign * half))


def wilson_lower(x: Any, n: Any, z: float = 1.96) -> float:
    """Lower bound of the Wilson score interval for the rate ``x / n``."""
    return _wilson(_mag(x), _mag(n), float(z), -1)


def wilson_upper(x: Any, n: Any, z: float = 1.96) -> float:
    """Upper bound of the Wilson score interval for the rate ``x / n``."""
    return _wilson(_mag(x), _mag(n), float(z), 1)


_MONTH = 365.25 * 86400 / 12


def _months(d: Any) -> float:
    return _mag(d) / _MONTH


def cmgr(first: Any, last: Any, months: Any) -> float:
    """Compound monthly growth rate from ``first`` to ``last`` over ``months``."""
    a, b, n = _mag(first), _mag(last), _months(months)
    if a <= 0 or b < 0 or n <= 0:
        raise Undefined("compound growth needs positive values and a positive period")
    return float((b / a) ** (1 / n) - 1)


def required_rate(current: Any, target: Any, months: Any) -> float:
    """Compound monthly rate needed to go from ``current`` to ``target`` in ``months``."""
    return cmgr(current, target, months)


def share(part: Any, total: Any) -> float:
    t = _mag(total)
    if t == 0:
        raise Undefined("share of a zero total")
    return _mag(part) / t


def _unit_bind(args: Sequence[Type]) -> Callable[..., Any]:
    t = args[0]
    if t.is_quantity and not t.is_dynamic:
        key = t.dim

        def static(_: Any) -> Any:
            return key

        return static
    if t.kind == "text":
        return _metric_unit
    return _dynamic_unit


def _dynamic_unit(x: Any) -> Any:
    return x.key if isinstance(x, DQ) else ()


def _money_as_any(key: Any) -> tuple[tuple[str, int], ...]:
    """A unit's dimension with each currency taken as money in general: ``EUR / lead``
    as ``money / lead``."""
    powers: dict[str, int] = {}
    for dim, power in key:
        name = "[money]" if dim.startswith("[currency_") else dim
        powers[name] = powers.get(name, 0) + power
    return tuple(sorted((d, p) for d, p in powers.items() if p))


def same_measure(a: Any, b: Any) -> bool:
    """Whether two units measure the same thing, any currency standing for any other:
    a target of 50,000 EUR fits revenue, which the catalog counts in USD (the catalog's
    currency stands for the team's; amounts of two currencies are never converted)."""
    return bool(a == b or _money_as_any(a) == _money_as_any(b))


def _metric_def(name: str) -> Any:
    try:
        return _catalog()[name]
    except KeyError:
        raise Undefined(f"{name!r} is not a catalog metric") from None


def _catalog() -> Any:
    """The metric catalog (imported on first use: the catalog imports the rules)."""
    found = _KNOWN.get("\x00catalog")
    if found is None:
        from goalrules.metrics import catalog

        found = _KNOWN["\x00catalog"] = catalog
    return found


def _metric_name(name: str) -> str:
    defn = _catalog().get(name)
    return str(defn.words) if defn is not None else name


def _metric_unit(name: str) -> Any:
    return _metric_def(name).dimension


# The catalog's answers about a metric are pure functions of the catalog, which changes
# only when plugins do (a channel's fit, of the platform-fit table: kept with it): a check
# asks the same few of them for every goal, so they are kept (bounded, forgotten when
# plugins change).
_KNOWN: dict[Any, Any] = {}
plugins.on_reset(_KNOWN.clear)


def _kept(key: Any, make: Callable[[], Any]) -> Any:
    """``make()``, kept under ``key`` (an error it raises is not kept)."""
    found = _KNOWN.get(key, _KNOWN)
    if found is _KNOWN:
        if len(_KNOWN) >= 4096:
            _KNOWN.clear()
        found = _KNOWN[key] = make()
    return found


def _is_metric(name: str) -> bool:
    found: bool = _kept(("is_metric", name), lambda: name in _catalog())
    return found


def _metric_objectives(name: str) -> tuple[str, ...]:
    found: tuple[str, ...] = _kept(
        ("objectives", name), lambda: tuple(o.value for o in _metric_def(name).objectives)
    )
    return found


def _fits(channel: str, objective: str) -> bool:
    """Whether the channel suits the objective; a goal's several channels ("instagram,
    tiktok") fit when each does. Kept with the platform-fit table in use (a rules diff
    swaps it without a plugin change: another table starts afresh)."""
    table = _table()()
    kept = _KNOWN.get("\x00fits")
    if kept is None or kept[0] is not table:
        kept = _KNOWN["\x00fits"] = (table, {})
    said: dict[tuple[str, str], bool] = kept[1]
    found = said.get((channel, objective))
    if found is None:
        if len(said) >= 4096:
            said.clear()
        found = said[channel, objective] = _all_fit(channel, objective)
    return found


def _table() -> Callable[[], Any]:
    """:func:`goalrules.metrics.platform_fit` (imported on first use)."""
    found = _KNOWN.get("\x00platform_fit")
    if found is None:
        from goalrules.metrics import platform_fit

        found = _KNOWN["\x00platform_fit"] = platform_fit
    return found


def _all_fit(channel: str, objective: str) -> bool:
    from goalrules.metrics import channel_fits

    fits = []
    for name in channel.split(", "):
        try:
            fit = channel_fits(name, objective)
        except Exception as exc:
            raise Undefined(str(exc)) from None
        if fit is None:
            raise Undefined(f"the platform-fit table does not know {name!r}")
        fits.append(fit)
    return all(fits)


def _round(x: Any, digits: Any = 0) -> Any:
    """``x`` rounded to ``digits`` decimals as the decimal reads and a spreadsheet rounds,
    halves away from zero: 2.5 is 3 and 0.35 is 0.4 at one decimal (Python's ``round``
    gives 2, and 0.3, the float 0.35 being a hair below it). A quantity keeps its unit."""
    value, places = _mag(x), int(_mag(digits))
    if math.isfinite(value):
        try:
            exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
            value = float(exact)
        except ArithmeticError:  # more digits than a decimal context holds: nothing to round
            value = round(value, places)
    return x._replace(value=value) if isinstance(x, DQ) else value


def _len(x: Any) -> float:
    return float(len(x))


def _plural(word: str, count: Any) -> str:
    """:func:`goalrules.numbers.plural` of a rule's word and count (a count of none reads
    as the plural: "0 observations")."""
    from goalrules.numbers import plural

    return plural(word, _mag(count))


def _chance(p: Any, *edges: Any) -> str:
    """A chance as the achievability's explanation says it: whole percent, never
    rounded across one half or one of ``edges`` (the verdict's thresholds), nor to a
    certainty it is not ("under 1 %", "over 99 %")."""
    from goalrules.judgments.achievability_text import chance_percent

    return chance_percent(_mag(p), (0.5, *(_mag(e) for e in edges)))


def _all_shares(args: Sequence[Type]) -> str | None:
    shares = all(
        a.kind == "quantity" and (a.dim is None or (a.dim == () and a.display is not None))
        for a in args
    )
    return None if shares else "chance takes a share and the thresholds, in %"


def _words(key: Any) -> str:
    """A key (or a list of keys) as a marketer says it (:func:`goalrules.numbers.words`):
    "brand awareness" for ``brand_awareness``, a list's keys joined by commas."""
    from goalrules.numbers import words

    if isinstance(key, str):
        return words(key)
    return ", ".join(words(k) for k in key)


def _abs(x: Any) -> Any:
    return x._replace(value=abs(x.value)) if isinstance(x, DQ) else abs(x)


def _is_quantity_or_date(args: Sequence[Type]) -> str | None:
    return _same_type(args) or (
        None if args[0].kind in ("quantity", "date") else "min and max take quantities or dates"
    )


def builtin_functions() -> tuple[Function, ...]:
    """The functions every rule file can call."""
    return (
        Function("min", ("any", "any"), _first, min, "The smallest argument.",
                 check=_is_quantity_or_date, variadic=True, unify=True),
        Function("max", ("any", "any"), _first, max, "The largest argument.",
                 check=_is_quantity_or_date, variadic=True, unify=True),
        Function("abs", ("quantity",), _first, _abs, "The absolute value."),
        Function("round", ("quantity", "number?"), _first, _round,
                 "Round to the given number of digits, halves away from zero (in base units: "
                 "ratios as fractions)."),
        Function("months_between", ("date", "date"), _IN_MONTHS, months_between,
                 "Calendar months from the first date to the second, as a duration."),
        Function("days_between", ("date", "date"), DURATION,
                 lambda a, b: (b - a).days * 86400.0, "Days from the first date to the second."),
        Function("cmgr", ("quantity", "quantity", "duration"), NUMBER, cmgr,
                 "Compound monthly growth rate from the first value to the second over a period."),
        Function("required_rate", ("quantity", "quantity", "duration"), NUMBER, required_rate,
                 "Compound monthly rate needed to reach the second value from the first."),
        Function("wilson_lower", ("quantity", "quantity", "number?"), NUMBER, wilson_lower,
                 "Lower bound of the Wilson score interval for successes / trials (z = 1.96)."),
        Function("wilson_upper", ("quantity", "quantity", "number?"), NUMBER, wilson_upper,
                 "Upper bound of the Wilson score interval for successes / trials (z = 1.96)."),
        Function("share", ("quantity", "quantity"), NUMBER, share,
                 "The first value as a share of the second."),
        Function("len", ("any",), NUMBER, _len, "Number of items in a list or characters.",
                 check=lambda a: None if a[0].kind in ("list", "text") else "len takes a list"),
        Function("lower", ("text",), TEXT, str.lower, "Text in lower case."),
        Function("chance", ("quantity", "quantity?"), TEXT, _chance,
                 "A chance as the achievability's explanation says it: chance(p, achievable, "
                 "stretch) is '34 %', never rounded across one half or the thresholds given, "
                 "'under 1 %' for one that is not 0.", check=_all_shares, variadic=True),
        Function("plural", ("text", "number"), TEXT, _plural,
                 "The word in the number the count calls for: plural(\"observation\", 1) is "
                 "'observation', plural(\"observation\", 2) 'observations'."),
        Function("unit", ("any",), UNIT, _dynamic_unit,
                 "The unit of a quantity, or of a catalog metric named by text.",
                 check=lambda a: None if a[0].kind in ("quantity", "text")
                 else "unit takes a quantity or a metric name", bind=_unit_bind),
        Function("same_measure", ("unit", "unit"), BOOL, same_measure,
                 "Whether two units measure the same thing, any currency standing for any "
                 "other (unit(50,000 EUR) and the unit of revenue, counted in USD)."),
        Function("is_metric", ("text",), BOOL, _is_metric, "Whether text names a catalog metric."),
        Function("metric_objectives", ("text",), list_of(TEXT), _metric_objectives,
                 "The objectives a catalog metric measures."),
        Function("metric_direction", ("text",), TEXT,
                 lambda n: _metric_def(n).direction.value, "'higher' or 'lower' (is better)."),
        Function("metric_kind", ("text",), TEXT, lambda n: _metric_def(n).kind.value,
                 "'stock', 'flow' or 'ratio'."),
        Function("metric_name", ("text",), TEXT, _metric_name,
                 "A metric as a sentence names it: 'engagement rate by reach' for "
                 "engagement_rate_by_reach (text that names no catalog metric as it is)."),
        Function("words", ("any",), TEXT, _words,
                 "A key as a sentence says it: words(\"brand_awareness\") is 'brand awareness'; "
                 "a list of keys is joined by commas.",
                 check=lambda a: None if a[0].kind == "text"
                 or (a[0].kind == "list" and a[0].item is not None and a[0].item.kind == "text")
                 else "words takes text or a list of text"),
        Function("fits", ("text", "text"), BOOL, _fits,
                 "Whether a channel suits an objective (the platform-fit table)."),
    )  # fmt: skip


@functools.cache
def function_table() -> Mapping[str, Function]:
    """Built-in functions plus those plugins add (cached; plugins reset it)."""
    table = {f.name: f for f in builtin_functions()}
    for fn in plugins.collect("goalrules_functions"):
        if not isinstance(fn, Function):
            raise PluginError(f"a plugin returned {fn!r} where a dsl Function was expected")
        table[fn.name] = fn
    return table


plugins.on_reset(function_table.cache_clear)
