"""The properties goalrules states of itself, as checks you run on your own rulesets,
plugins and parameters.

Each check draws many cases with Hypothesis and raises ``AssertionError`` with the
smallest counter-example it finds, in words ("raising visits from 120 to 121 turned rule
'keep.traffic' from pass to fail"). A team that edits ``channels.rules`` or adds a
plugin metric property-tests the edit in one line:

>>> import goalrules as gr
>>> from goalrules.invariants import check_monotone
>>> rules = gr.load_rules('''
... rule converts
...   criterion quality
...   check channel.leads / channel.visits >= 2 %
... ''')
>>> check_monotone(rules, "channel.leads", rule="converts", examples=50)

The checks:

* :func:`check_monotone`: raising one fact never moves a rule's outcome the wrong way
  (``pass`` never turns ``fail`` as the fact grows, or shrinks);
* :func:`check_unit_invariance`: the same facts written in other units (minutes for
  hours, per cent for fractions) give the same outcomes;
* :func:`check_target_monotone`: raising a target never raises the chance of reaching it;
* :func:`check_scale_invariance`: scaling a history and its target changes no verdict;
* :func:`check_shift_invariance`: moving every date by whole years changes nothing;
* :func:`check_more_leads_never_cuts`: more leads from the same visits never moves a
  channel towards ``cut``.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules import strategies as grs
from goalrules.dates import add_months
from goalrules.dsl.types import Type
from goalrules.engine import Outcome, RuleSet
from goalrules.judgments.achievability import Achievability, assess_achievability
from goalrules.judgments.channels import Decision, decide_channels
from goalrules.model import ChannelMonth, Goal
from goalrules.units import format_dimension, quantity

__all__ = [
    "check_monotone",
    "check_more_leads_never_cuts",
    "check_scale_invariance",
    "check_shift_invariance",
    "check_target_monotone",
    "check_unit_invariance",
]

_ORDER = {Outcome.FAIL: 0, Outcome.PASS: 1}
_CUT_ORDER = {
    Decision.KEEP: 0, Decision.OPTIMIZE: 0, Decision.EXPERIMENT: 0,
    Decision.REDUCE: 1, Decision.CUT: 2,
}  # fmt: skip


def _settings(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )


def _leaf_types(facts: Mapping[str, Type], prefix: str = "") -> dict[str, Type]:
    """Every declared field of the facts, by its dotted path."""
    out: dict[str, Type] = {}
    for name, t in facts.items():
        path = f"{prefix}{name}"
        if t.kind == "fact" and t.schema is not None:
            fields = {f: spec.type for f, spec in t.schema.fields.items()}
            out.update(_leaf_types(fields, f"{path}."))
        else:
            out[path] = t
    return out


def _used_facts(rules: RuleSet) -> dict[str, Type]:
    """The facts the rules read (by name in their checks and guards)."""
    import re

    words: set[str] = set()
    for r in rules:
        words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f"{r.check_text} {r.guard_text or ''}"))
    return {name: t for name, t in rules.facts.items() if name in words}


def _value_strategy(t: Type) -> st.SearchStrategy[Any]:
    if t.kind == "bool":
        return st.booleans()
    if t.kind == "text":
        return st.sampled_from(["linkedin", "facebook", "x", "leads", "traffic", "a"])
    if t.kind == "date":
        return st.dates(_dt.date(2020, 1, 1), _dt.date(2030, 12, 31))
    # the round values thresholds are written in, and anything between: a comparison of
    # two facts is tested often near its edge
    if t.kind == "quantity" and t.dim == ():  # a ratio, as a fraction (2 % is 0.02)
        return st.one_of(st.sampled_from(_RATIOS), st.floats(-0.2, 1.0).map(lambda x: round(x, 4)))
    if t.kind in ("number", "quantity"):
        return st.one_of(st.sampled_from(_COUNTS), st.integers(0, 100_000).map(float))
    return st.none()


def _step_strategy(t: Type) -> st.SearchStrategy[float]:
    if t.kind == "quantity" and t.dim == ():
        return st.one_of(
            st.sampled_from((0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.3)),
            st.floats(0.0001, 0.5).map(lambda x: round(x, 6)),
        )
    return st.one_of(st.sampled_from((1.0, 10.0, 100.0, 1000.0)), st.integers(1, 10_000).map(float))


_RATIOS = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, -0.05)
_COUNTS = (0.0, 1.0, 2.0, 3.0, 6.0, 10.0, 50.0, 100.0, 1000.0, 10_000.0)


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, value in flat.items():
        node = out
        parts = path.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = value
    return out


def _facts(rules: RuleSet, fixed: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    leaves = {p: t for p, t in _leaf_types(_used_facts(rules)).items() if p not in fixed}
    return st.fixed_dictionaries({p: _value_strategy(t) for p, t in leaves.items()}).map(
        lambda d: {**d, **fixed}
    )


def _rule_ids(rules: RuleSet, rule: str | None, criterion: str | None) -> list[str]:
    if rule is not None:
        rules.rule(rule)  # an unknown id is a clear error
        return [rule]
    if criterion is not None:
        ids = [r.id for r in rules if r.criterion == criterion]
        if not ids:
            raise ValueError(f"no rule speaks for criterion {criterion!r}")
        return ids
    return [r.id for r in rules]


def check_monotone(
    rules: RuleSet,
    field: str,
    *,
    increasing: bool = True,
    rule: str | None = None,
    criterion: str | None = None,
    facts: Mapping[str, Any] | None = None,
    today: _dt.date | None = None,
    examples: int = 200,
) -> None:
    """Raising ``field`` (a dotted fact path such as ``"channel.leads"``) never turns a
    rule from ``pass`` to ``fail`` (with ``increasing=False``: lowering it never does).

    ``rule`` or ``criterion`` picks the rules to watch (default: all); ``facts`` fixes
    some fact values (dotted paths) and the rest are drawn from their declared types.
    ``unknown`` and ``skipped`` outcomes are not ordered and are passed over.
    """
    leaves = _leaf_types(_used_facts(rules))
    if field not in leaves:
        raise ValueError(f"{field!r} is no fact of the ruleset; its fields: {sorted(leaves)}")
    if leaves[field].kind not in ("number", "quantity"):
        raise ValueError(f"{field!r} is a {leaves[field]}, not a number or quantity")
    ids = _rule_ids(rules, rule, criterion)
    day = today or _dt.date(2026, 1, 1)

    @_settings(examples)
    @given(
        _facts(rules, facts or {}), _value_strategy(leaves[field]), _step_strategy(leaves[field])
    )
    def check(drawn: dict[str, Any], other: float, step: float) -> None:
        # the field's two values come from the same draws as the facts it is compared
        # with, so that a threshold between them is crossed often
        low, high = sorted((drawn[field], other))
        if low == high:
            high = low + step
        before = {**drawn, field: low if increasing else high}
        after = {**drawn, field: high if increasing else low}
        a = rules.evaluate(_nest(before), today=day)
        b = rules.evaluate(_nest(after), today=day)
        for rid in ids:
            oa, ob = a.finding(rid).outcome, b.finding(rid).outcome
            if oa in _ORDER and ob in _ORDER and _ORDER[ob] < _ORDER[oa]:
                raise AssertionError(
                    f"{'raising' if increasing else 'lowering'} {field} from {before[field]:g} "
                    f"to {after[field]:g} turned rule {rid!r} from {oa.value} to {ob.value} "
                    f"(facts: {before})"
                )

    check()


_OTHER_UNITS = {
    "[time]": ("minute", "hour", "day", "week"),
    "": ("percent", "dimensionless"),
}


def check_unit_invariance(
    rules: RuleSet,
    *,
    facts: Mapping[str, Any] | None = None,
    today: _dt.date | None = None,
    examples: int = 200,
) -> None:
    """The same facts, with every quantity field written in another unit of its
    dimension (durations in minutes, hours, days or weeks; ratios as per cent or
    fractions; counts as numbers or pint quantities), give the same outcomes."""
    leaves = _leaf_types(_used_facts(rules))
    day = today or _dt.date(2026, 1, 1)

    def other(path: str, value: Any, choice: int) -> Any:
        t = leaves.get(path)
        if t is None or t.kind != "quantity" or not isinstance(value, float) or t.dim is None:
            return value
        # a plain number in a ratio field is a fraction (2 % is 0.02)
        unit = "dimensionless" if t.dim == () else t.display or format_dimension(t.dim)
        base = quantity(value, unit)
        key = "[time]" if t.dim == (("[time]", 1),) else "" if t.dim == () else None
        if key is None:
            return base  # a count: the same number as a pint quantity
        units = _OTHER_UNITS[key]
        return base.to(units[choice % len(units)])

    @_settings(examples)
    @given(_facts(rules, facts or {}), st.integers(0, 3))
    def check(drawn: dict[str, Any], choice: int) -> None:
        plain = rules.evaluate(_nest(drawn), today=day)
        converted = {p: other(p, v, choice) for p, v in drawn.items()}
        again = rules.evaluate(_nest(converted), today=day)
        for f, g in zip(plain.findings, again.findings, strict=True):
            if f.outcome is not g.outcome:
                raise AssertionError(
                    f"rule {f.rule_id!r} is {f.outcome.value} with {drawn} but "
                    f"{g.outcome.value} with the same facts in other units: {converted}"
                )

    check()


def _history(
    changes: list[float], start: _dt.date = _dt.date(2024, 1, 31)
) -> list[tuple[_dt.date, float]]:
    v = 1000.0
    out = [(start, v)]
    for i, c in enumerate(changes, start=1):
        v *= math.exp(c)
        out.append((add_months(start, i), v))
    return out


_CHANGES = st.lists(st.floats(-0.1, 0.2), min_size=3, max_size=24)


def _judge(
    metric: str, target: float, months: int, history: list[tuple[_dt.date, float]], options: Any
) -> Achievability:
    """``history`` judges a goal of ``target`` due ``months`` after its last point, as of
    that point."""
    last = history[-1][0]
    goal = Goal("g", metric=metric, target=quantity(target, "follower"), start=last,
                deadline=add_months(last, months))  # fmt: skip
    return assess_achievability(goal, history, today=last, **options)


def check_target_monotone(
    *,
    metric: str = "followers",
    examples: int = 200,
    **options: Any,
) -> None:
    """Raising a target never raises the chance of reaching it (``options`` go to
    :func:`~goalrules.assess_achievability`: ``prior=``, ``params=``, ``window=``...)."""

    @_settings(examples)
    @given(_CHANGES, st.floats(0.5, 4), st.floats(1.0001, 3), st.integers(1, 24))
    def check(changes: list[float], factor: float, more: float, months: int) -> None:
        hist = _history(changes)
        current = hist[-1][1]
        low = _judge(metric, current * factor, months, hist, options)
        high = _judge(metric, current * factor * more, months, hist, options)
        if (high.probability or 0.0) > (low.probability or 0.0) + 1e-9:
            raise AssertionError(
                f"raising the target from {current * factor:g} to {current * factor * more:g} "
                f"raised the chance from {low.probability} to {high.probability} "
                f"(history {[round(v, 3) for _, v in hist]})"
            )

    check()


def _same_judgment(a: Achievability, b: Achievability, change: str) -> None:
    if a.verdict is not b.verdict or not math.isclose(
        a.probability or 0.0, b.probability or 0.0, abs_tol=1e-9
    ):
        raise AssertionError(
            f"{change} changed {a.verdict.value} ({a.probability}) to "
            f"{b.verdict.value} ({b.probability})"
        )


def check_scale_invariance(
    *, metric: str = "followers", examples: int = 200, **options: Any
) -> None:
    """Scaling a history and its target by the same factor changes neither the verdict
    nor the chance."""

    @_settings(examples)
    @given(_CHANGES, st.floats(0.5, 4), st.floats(0.001, 1000), st.integers(1, 24))
    def check(changes: list[float], factor: float, scale: float, months: int) -> None:
        hist = _history(changes)
        current = hist[-1][1]
        a = _judge(metric, current * factor, months, hist, options)
        scaled = [(d, v * scale) for d, v in hist]
        b = _judge(metric, current * factor * scale, months, scaled, options)
        _same_judgment(a, b, f"scaling by {scale:g}")

    check()


def check_shift_invariance(
    *, metric: str = "followers", examples: int = 200, **options: Any
) -> None:
    """Moving every date (history, start, deadline, today) by whole years changes
    nothing. (By whole months too, unless the model reads seasons: from 15 months of
    history on, a calendar month's index depends on which month it is.)"""

    @_settings(examples)
    @given(_CHANGES, st.floats(0.5, 4), st.integers(1, 24), st.integers(-5, 5))
    def check(changes: list[float], factor: float, months: int, years: int) -> None:
        hist = _history(changes)
        current = hist[-1][1]
        a = _judge(metric, current * factor, months, hist, options)
        moved = [(add_months(d, 12 * years), v) for d, v in hist]
        b = _judge(metric, current * factor, months, moved, options)
        _same_judgment(a, b, f"moving every date by {years} years")

    check()


def check_more_leads_never_cuts(
    *, rules: RuleSet | None = None, examples: int = 100, **params: Any
) -> None:
    """More leads from the same visits never moves a channel towards ``cut`` (keep,
    optimize and experiment < reduce < cut). ``rules`` replaces the shipped ``channels``
    ruleset (for instance your edited copy); ``params`` override its params."""

    @_settings(examples)
    @given(grs.portfolios(), st.data())
    def check(portfolio: grs.Portfolio, data: st.DataObject) -> None:
        rows = list(portfolio.rows)
        channel = data.draw(st.sampled_from(sorted({r.channel for r in rows})), label="channel")
        extra = data.draw(st.integers(1, 500), label="extra leads")

        def more(r: ChannelMonth) -> ChannelMonth:
            if r.channel != channel:
                return r
            if r.visits is None or r.leads is None:  # not measured: stays unknown
                return r
            leads = min(r.visits, r.leads + extra)
            customers = None if r.customers is None else min(r.customers, leads)  # unknown stays
            return ChannelMonth(channel=r.channel, month=r.month, visits=r.visits, leads=leads,
                                customers=customers, spend=r.spend)  # fmt: skip

        before = {d.channel: d.decision for d in decide_channels(
            rows, today=portfolio.today, rules=rules, **params)}  # fmt: skip
        after = {d.channel: d.decision for d in decide_channels(
            [more(r) for r in rows], today=portfolio.today, rules=rules, **params)}  # fmt: skip
        if _CUT_ORDER[after[channel]] > _CUT_ORDER[before[channel]]:
            raise AssertionError(
                f"{extra} more leads a month on {channel} moved it from "
                f"{before[channel].value} to {after[channel].value}"
            )

    check()
