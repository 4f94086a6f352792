"""A compiled set of rules, evaluated many times: one set of facts, many, or a table."""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol

import attrs

from goalrules.dsl.runtime import divisor, scaled, times, to_static
from goalrules.dsl.types import Type
from goalrules.engine.lazy_facts import LazyFields
from goalrules.engine.needs import in_order, lacking, needed
from goalrules.engine.results import (
    _CODES,
    _PASS,
    _SKIPPED,
    Finding,
    Outcome,
    Report,
    Rule,
)
from goalrules.errors import (
    GoalRulesError,
    UnknownNameError,
)
from goalrules.units import info_of, unit_info


class Origin(Protocol):
    """Where a compiled ruleset came from, so that it can be compiled again: with other
    params (:meth:`RuleSet.with_params`) or in another process (pickling). The compiler
    provides it (:mod:`goalrules.engine.compile`); a ruleset only asks it."""

    def recompile(self, overrides: Mapping[str, Any]) -> RuleSet:
        """The same rules with some params changed (added to the earlier overrides)."""
        ...

    def recipe(self) -> tuple[Any, ...] | None:
        """``(callable, args)`` that compiles the same ruleset again, for pickle; ``None``
        when there is no rule text to carry."""
        ...


@attrs.frozen(eq=False)
class RuleSet:
    """A compiled set of rules, evaluated many times."""

    name: str
    title: str | None
    rules: tuple[Rule, ...]
    facts: Mapping[str, Type] = attrs.field(repr=False)
    params: Mapping[str, Any] = attrs.field(repr=False)
    source: str = "<rules>"
    origin: Origin | None = attrs.field(default=None, repr=False)
    _quantities: Mapping[str, Any] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_quantities", _quantity_fields(self.facts))

    def _numbers(self, env: Mapping[str, Any]) -> Mapping[str, Any]:
        """``env`` with its quantity facts (pint quantities, numbers as text) converted
        once, at the boundary, to numbers in the unit each field is declared in: the
        compiled fast path reads plain numbers, and everything else would send each rule
        down its careful path. Facts with nothing to convert (plain numbers or missing,
        in plain dicts) are told apart by one generated function, and given back."""
        return self._numbers_check(env)

    @functools.cached_property
    def _numbers_check(self) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
        """``_numbers`` as one function of the facts: each quantity field read in turn
        (written out), ``env`` itself when none needs converting, else the conversion
        (:meth:`_converted`)."""
        spec = self._quantities
        if not spec:
            return lambda env: env
        lines = ["def numbers(env):"]
        for name, want in spec.items():
            lines += [f"    v = env.get({name!r})", "    if v is not None:"]
            if isinstance(want, dict):
                lines += ["        if v.__class__ is not dict and v.__class__ is not LazyFields:",
                          "            return converted(env)"]  # fmt: skip
                for field in want:  # (x != x: NaN, a table's empty cell: missing)
                    lines += [f"        x = _dict_get(v, {field!r})",
                              "        if x is not None and (x.__class__ not in _PLAIN or x != x):",
                              "            return converted(env)"]  # fmt: skip
            else:
                lines += [
                    "        if v.__class__ not in _PLAIN or v != v:",
                    "            return converted(env)",
                ]
        lines.append("    return env")
        space: dict[str, Any] = {
            "LazyFields": LazyFields, "_dict_get": dict.get, "_PLAIN": _PLAIN,
            "converted": self._converted,
        }  # fmt: skip
        exec(compile("\n".join(lines) + "\n", f"<numbers {self.name}>", "exec"), space)
        fn: Callable[[Mapping[str, Any]], Mapping[str, Any]] = space["numbers"]
        return fn

    def _converted(self, env: Mapping[str, Any]) -> Mapping[str, Any]:
        """:meth:`_numbers`, field by field."""
        spec = self._quantities
        if not spec:
            return env
        out: dict[str, Any] | None = None
        for name, want in spec.items():
            value = env.get(name)
            if value is None:
                continue
            if isinstance(want, dict):
                plain = value.__class__ is dict or value.__class__ is LazyFields
                if not plain and not isinstance(value, Mapping):
                    continue
                inner: dict[str, Any] | None = None
                for field, unit in want.items():
                    # a LazyFields field still pending is left as it will be computed (a
                    # quantity not in its declared unit then goes down careful code)
                    x = dict.get(value, field) if plain else value.get(field)
                    if x is not None and (x.__class__ not in _PLAIN or x != x):
                        y = _known(_as_number(x, unit, f"{name}.{field}"))
                        if y is not x:
                            if inner is None:  # (a LazyFields copy keeps its pending fields)
                                inner = (
                                    value.copy() if value.__class__ is LazyFields else dict(value)
                                )
                            inner[field] = y
                if inner is not None:
                    out = out if out is not None else dict(env)
                    out[name] = inner
            elif value.__class__ not in _PLAIN or value != value:
                y = _known(_as_number(value, want, name))
                if y is not value:
                    out = out if out is not None else dict(env)
                    out[name] = y
        return env if out is None else out

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the rule text and param overrides, compiled again on arrival (so a
        ruleset can travel to Dask or Spark workers)."""
        recipe = None if self.origin is None else self.origin.recipe()
        if recipe is None:
            import pickle

            raise pickle.PicklingError(
                "only rulesets compiled from rule text can be pickled (merged or trimmed "
                "ones cannot): pickle the texts and merge on arrival"
            )
        return recipe

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise UnknownNameError("rule", rule_id, [r.id for r in self.rules])

    @property
    def criteria(self) -> tuple[str, ...]:
        return tuple(self.criterion_members)

    @functools.cached_property
    def _columnar_plans(self) -> dict[Any, tuple[dict[str, Any], list[Rule]]]:
        return {}

    def _columnar_plan(
        self, columns: dict[str, Any], day: _dt.date
    ) -> tuple[dict[str, Any], list[Rule]]:
        """The rules' polars expressions for a table schema and a day, and the rules
        with no columnar form; kept for the next table of the same schema (a Dask or
        Spark worker evaluates many partitions alike)."""
        from goalrules.dsl.columnar import NotColumnar

        key = (tuple((name, repr(dtype)) for name, dtype in columns.items()), day)
        plan = self._columnar_plans.get(key)
        if plan is None:
            exprs: dict[str, Any] = {}
            row_rules: list[Rule] = []
            for i, r in enumerate(self.rules):
                try:
                    exprs[f"\x00{i}"] = r.columnar(columns, day)
                except NotColumnar:
                    row_rules.append(r)
            if len(self._columnar_plans) >= 16:
                self._columnar_plans.clear()
            plan = self._columnar_plans[key] = (exprs, row_rules)
        return plan

    @functools.cached_property
    def criterion_members(self) -> dict[str, list[tuple[int, float]]]:
        """Per criterion, its rules as (index in ``rules``, weight)."""
        groups: dict[str, list[tuple[int, float]]] = {}
        for i, r in enumerate(self.rules):
            if r.criterion:
                groups.setdefault(r.criterion, []).append((i, r.weight))
        return groups

    @property
    def decisions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.decision for r in self.rules if r.decision))

    # -- evaluation ---------------------------------------------------------------------
    def evaluate(
        self,
        facts: Mapping[str, Any] | None = None,
        /,
        *,
        today: _dt.date | None = None,
        **more: Any,
    ) -> Report:
        """Evaluate every rule on ``facts`` (a mapping of fact name -> value; keyword
        arguments add to it). ``today`` is the date ``today`` means in rules."""
        env: Mapping[str, Any]
        if facts is None:
            env = more
        elif more:
            env = {**facts, **more}
        else:
            env = facts
        env = self._numbers(env)
        return Report.lazy(self, tuple([r._fast(env, today) for r in self.rules]), env, today)

    def evaluate_table(
        self, table: Any, *, today: _dt.date | None = None, outcomes: str = "text"
    ) -> Any:
        """Evaluate every rule over every row of a table, column-wise.

        ``table`` is a pyarrow Table or a polars or pandas DataFrame whose columns are
        named by fact paths (``visits``, ``goal.target``) or are struct columns
        (``goal``). The result is a polars DataFrame with one column per rule (its
        outcome: ``pass``, ``fail``, ``unknown`` or ``skipped``), then, where the
        ruleset aggregates, ``score:<criterion>`` and ``passed:<criterion>`` columns and
        a ``decision`` column. Rules with a construct that has no columnar form are
        evaluated row by row with the compiled Python code: the answers are the same.
        ``outcomes="code"`` gives the outcome codes (0 fail, 1 pass, 2 unknown, 3
        skipped) instead of text.
        """
        from goalrules.dsl.columnar import to_polars

        return self._evaluate_frame(to_polars(table), today or _dt.date.today(), outcomes)

    def _evaluate_frame(self, df: Any, day: _dt.date, outcomes: str) -> Any:
        """:meth:`evaluate_table` on a table already read by ``to_polars``."""
        import polars as pl

        exprs, row_rules = self._columnar_plan(dict(df.schema), day)
        # with_columns broadcasts literal-only outcomes (absent columns) to every row
        out = (
            df.lazy()  # lazy, so that polars computes shared sub-expressions once
            .with_columns(**exprs)
            .select(list(exprs) if exprs else [pl.int_range(pl.len()).alias("\x00n")])
            .rename({f"\x00{i}": r.id for i, r in enumerate(self.rules) if f"\x00{i}" in exprs})
            .collect()
        )
        if row_rules:
            facts = [_unflatten(row) for row in df.iter_rows(named=True)]
            out = out.with_columns(
                pl.Series(r.id, [r._fast(f, day) for f in facts], dtype=pl.Int8) for r in row_rules
            )
        out = out.select([r.id for r in self.rules])
        if self._aggregates:  # eager: measured faster than one query with the outcomes
            out = out.with_columns(self._aggregates)
        if outcomes == "text":
            names = pl.Enum(["fail", "pass", "unknown", "skipped"])
            out = out.with_columns(
                pl.col(r.id).replace_strict(
                    {0: "fail", 1: "pass", 2: "unknown", 3: "skipped"}, return_dtype=names
                )
                for r in self.rules
            )
        return out

    @functools.cached_property
    def _aggregates(self) -> list[Any]:
        """Criterion scores and the decision as polars expressions over outcome codes."""
        import polars as pl

        aggregates: list[Any] = []
        for name, members in self.criterion_members.items():
            applicable = [pl.col(self.rules[i].id) != _SKIPPED for i, _ in members]
            total = pl.sum_horizontal(
                [a.cast(pl.Float64) * w for a, (_, w) in zip(applicable, members, strict=True)]
            )
            got = pl.sum_horizontal(
                [(pl.col(self.rules[i].id) == _PASS).cast(pl.Float64) * w for i, w in members]
            )
            n_app = pl.sum_horizontal([a.cast(pl.Int32) for a in applicable])
            n_pass = pl.sum_horizontal(
                [(pl.col(self.rules[i].id) == _PASS).cast(pl.Int32) for i, _ in members]
            )
            aggregates.append(
                pl.when(total > 0).then(got / total).otherwise(0.0).alias(f"score:{name}")
            )
            aggregates.append(((n_app > 0) & (n_pass == n_app)).alias(f"passed:{name}"))
        if self.decisions:
            ranked = sorted(
                ((i, r) for i, r in enumerate(self.rules) if r.decision),
                key=lambda ir: (-ir[1].priority, ir[0]),
            )
            decision: Any = pl.lit(None, dtype=pl.String)
            for _, r in reversed(ranked):
                decision = (
                    pl.when(pl.col(r.id) == _PASS).then(pl.lit(r.decision)).otherwise(decision)
                )
            aggregates.append(decision.alias("decision"))
        return aggregates

    def findings_table(
        self,
        table: Any,
        *,
        today: _dt.date | None = None,
        outcomes: Iterable[str] = ("fail", "unknown"),
    ) -> Any:
        """The findings of a table, one row per (table row, rule) whose outcome is in
        ``outcomes``: ``row`` (0-based), ``rule``, ``outcome``, ``message``, ``fix``
        and ``reason``, as :meth:`evaluate` words them. Outcomes are computed
        column-wise; only the findings asked for are rendered, row by row, by the same
        :class:`Finding` the row backend builds, so the messages are the same."""
        import polars as pl

        from goalrules.dsl.columnar import to_polars

        names = {o.value: i for i, o in enumerate(_CODES)}
        wanted = set()
        for name in outcomes:
            if name not in names:
                raise GoalRulesError(
                    f"unknown outcome {name!r}; use {', '.join(names)}", field="outcomes"
                )
            wanted.add(names[name])
        df = to_polars(table)
        day = today or _dt.date.today()
        codes = self._evaluate_frame(df, day, "code")
        ids = [r.id for r in self.rules]
        hit = pl.any_horizontal([pl.col(rid).is_in(sorted(wanted)) for rid in ids])
        rows = codes.select(ids).with_row_index("\x00row").filter(hit)
        found: dict[str, list[Any]] = {
            "row": [], "rule": [], "outcome": [], "message": [], "fix": [], "reason": []
        }  # fmt: skip
        index = rows["\x00row"].to_list()
        picked = df.select(pl.all().gather(index)).iter_rows(named=True)
        for i, facts_row, outcome_row in zip(
            index, picked, rows.drop("\x00row").iter_rows(), strict=True
        ):
            facts = _unflatten(facts_row)
            for r, code in zip(self.rules, outcome_row, strict=True):
                if code in wanted:
                    f = Finding(r, _CODES[code], facts, day)
                    for key, value in (("row", i), ("rule", r.id), ("outcome", f.outcome.value),
                                       ("message", f.message), ("fix", f.fix),
                                       ("reason", f.reason)):  # fmt: skip
                        found[key].append(value)
        return pl.DataFrame(
            found,
            schema={"row": pl.Int64, "rule": pl.String, "outcome": pl.String,
                    "message": pl.String, "fix": pl.String, "reason": pl.String},
        )  # fmt: skip

    def decide(self, facts: Mapping[str, Any], *, today: _dt.date | None = None) -> Rule | None:
        """The passing decision rule of highest priority, without building a report
        (the fast path of ``evaluate(...).decided_by``). A rule whose facts lack what it
        needs to pass (:func:`~goalrules.engine.needs.needed`) is not evaluated. The facts
        are read as :meth:`evaluate` reads them (a quantity in its field's unit, NaN as
        missing)."""
        return self._decided(self._numbers(facts), today)

    def _decided(self, facts: Mapping[str, Any], today: _dt.date | None) -> Rule | None:
        """:meth:`decide` of facts goalrules built itself (numbers, never NaN; a pint
        quantity read by the rules' careful code): read as they are."""
        in_order = self._decide_in_order
        if in_order is not None:
            return in_order(facts, today)
        best: Rule | None = None
        ordered = self._deciders_ordered
        for r, needs in self._deciders:
            if best is not None and r.priority <= best.priority:
                if ordered:  # the rules that follow rank no higher
                    break
                continue
            if needs is not None and needs(facts):
                continue
            if r._fast(facts, today) == _PASS:
                best = r
        return best

    @functools.cached_property
    def _decision_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.decision)

    @functools.cached_property
    def _deciders(self) -> tuple[tuple[Rule, Callable[[Mapping[str, Any]], bool] | None], ...]:
        """Each decision rule with the test of whether facts lack what it needs to pass."""
        out = []
        for r in self._decision_rules:
            needs = needed(r)
            out.append((r, lacking(needs) if needs else None))
        return tuple(out)

    @functools.cached_property
    def _decide_in_order(
        self,
    ) -> Callable[[Mapping[str, Any], _dt.date | None], Rule | None] | None:
        """For decision rules in order of priority (highest first), :meth:`decide` as one
        function (:func:`~goalrules.engine.needs.in_order`: each rule's needs test
        written out, then its fast code, in turn; the first rule that passes decides,
        those that follow ranking no higher); ``None`` otherwise."""
        if not self._deciders_ordered:
            return None
        return in_order([(r, needed(r)) for r in self._decision_rules])

    @functools.cached_property
    def _decision_order(self) -> tuple[int, ...]:
        """The indices of the decision rules in :attr:`rules`, highest priority first (the
        first in the file on ties): a report's deciding rule is the first of them that
        passed."""
        deciders = [i for i, r in enumerate(self.rules) if r.decision is not None]
        return tuple(sorted(deciders, key=lambda i: -self.rules[i].priority))

    @functools.cached_property
    def _deciders_ordered(self) -> bool:
        """Whether the decision rules come in order of priority, highest first."""
        return all(a.priority >= b.priority for a, b in itertools.pairwise(self._decision_rules))

    def evaluate_many(
        self, facts: Iterable[Mapping[str, Any]], *, today: _dt.date | None = None
    ) -> Iterator[Report]:
        """Evaluate each mapping of facts in turn (compiled once, nothing rebuilt)."""
        fns = [r._fast for r in self.rules]
        numbers = self._numbers
        lazy = Report.lazy
        for given in facts:
            env = numbers(given)
            yield lazy(self, tuple([fn(env, today) for fn in fns]), env, today)

    def outcome_table(
        self, facts: Iterable[Mapping[str, Any]], *, today: _dt.date | None = None
    ) -> dict[str, list[Outcome]]:
        """Outcomes per rule id, one entry per mapping of facts (no findings built)."""
        fns = [(r.id, r._fast) for r in self.rules]
        columns: dict[str, list[Outcome]] = {rid: [] for rid, _ in fns}
        appends = [(columns[rid].append, fn) for rid, fn in fns]
        codes = _CODES
        numbers = self._numbers
        for given in facts:
            env = numbers(given)
            for append, fn in appends:
                append(codes[fn(env, today)])
        return columns

    # -- changing -------------------------------------------------------------------------
    def with_params(self, **overrides: Any) -> RuleSet:
        """The same rules compiled with some params changed (``trial = "4 months"``)."""
        if self.origin is None:
            raise GoalRulesError("this ruleset was not compiled from a rule file")
        return self.origin.recompile(overrides)

    def merge(self, other: RuleSet) -> RuleSet:
        """Rules of ``other`` added to these; a rule with the same id replaces ours."""
        theirs = {r.id: r for r in other.rules}
        rules = tuple(theirs.pop(r.id, r) for r in self.rules) + tuple(theirs.values())
        return attrs.evolve(
            self,
            rules=rules,
            facts={**self.facts, **other.facts},
            params={**self.params, **other.params},
            origin=None,
        )

    def without(self, *rule_ids: str) -> RuleSet:
        """These rules less the given ids."""
        for rid in rule_ids:
            self.rule(rid)
        return attrs.evolve(
            self, rules=tuple(r for r in self.rules if r.id not in rule_ids), origin=None
        )


_PLAIN = frozenset({int, float, bool, str, type(None)})
#: (pint unit container, field unit) -> (the field's factor, the pint unit's factor),
#: for a unit whose dimension is the field's (the first conversion checked it)
_UNITS: dict[tuple[Any, Any], tuple[float, float]] = {}


def _known(value: Any) -> Any:
    """A number as it is, NaN (a table's empty cell, ``df.to_dict("records")``) as
    ``None``: not measured, unknown, never a number a rule compares."""
    return None if isinstance(value, float) and value != value else value


def _quantity_fields(facts: Mapping[str, Type]) -> dict[str, Any]:
    """The quantity fields of a ruleset's facts with a fixed unit: ``{name: (dim,
    display)}`` for a top-level fact, ``{name: {field: (dim, display)}}`` for a schema's."""
    out: dict[str, Any] = {}
    for name, t in facts.items():
        if _fixed(t):
            out[name] = _unit_of(t)
        elif t.kind == "fact" and t.schema is not None:
            fields = {f: _unit_of(s.type) for f, s in t.schema.fields.items()
                      if _fixed(s.type)}  # fmt: skip
            if fields:
                out[name] = fields
    return out


def _fixed(t: Type) -> bool:
    """A quantity field of a fixed unit, whose pint values are converted before the
    rules run: a count, money, a duration, or a share (``%``: a pint ``35 percent``
    compared as pint compares it would read as ``35 * 0.01``, above the rules' ``35 %``)."""
    return t.kind == "quantity" and (bool(t.dim) or (t.dim == () and t.display is not None))


def _unit_of(t: Type) -> tuple[Any, str | None]:
    """A fixed field's (dimension, unit its numbers are in): a share's are fractions."""
    return (t.dim, t.display if t.dim else None)


def _as_number(value: Any, unit: tuple[Any, str | None], path: str) -> Any:
    """A pint (or goalrules) quantity as a number in the field's unit, one that the
    compiled code scales back to exactly the quantity's base-unit value (``7 hours``
    for a duration in days: 0.29166666666666669 days came back as 25,199.999999999996
    seconds, under the rules' ``7 hours``); a value that does not convert, or has no
    such number, is left for the careful path, which reads it exactly."""
    dim, display = unit
    units = getattr(value, "_units", None)
    known = _UNITS.get((units, unit)) if units is not None else None
    try:
        if known is not None:  # a pint unit seen before: its factors, once
            factor, source = known
            base = scaled(value.magnitude, source)
        else:
            factor = unit_info(display).factor if display else 1.0
            base = to_static(value, factor, dim, path)
            if units is not None:
                if len(_UNITS) >= 1024:
                    _UNITS.clear()
                _UNITS[(units, unit)] = (factor, info_of(value).factor)
    except Exception:
        return value
    if factor == 1.0:
        return base
    n = divisor(factor)
    number = base * n if n is not None else base / factor
    for _ in range(3):  # the nearest float is at most an ulp or two away
        back = times(number, factor)
        if back == base:
            return number
        number = math.nextafter(number, math.inf if back < base else -math.inf)
    return value


def _unflatten(row: Mapping[str, Any]) -> dict[str, Any]:
    """A table row as facts: ``{"goal.target": 3}`` -> ``{"goal": {"target": 3}}``."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        parts = key.split(".")
        node = out
        for p in parts[:-1]:
            child = node.get(p)
            if not isinstance(child, dict):
                child = node[p] = {}
            node = child
        node[parts[-1]] = value
    return out
