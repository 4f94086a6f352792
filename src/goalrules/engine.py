"""Rules, rulesets, findings and reports: evaluation and explanation.

A :class:`RuleSet` is compiled once from a rule file (:func:`load_rules`) and evaluated
many times (:meth:`RuleSet.evaluate`, :meth:`RuleSet.evaluate_many`,
:meth:`RuleSet.outcome_table`). Each rule gives an :class:`Outcome`: ``pass`` (its
check holds), ``fail``, ``unknown`` (a fact it needs is missing, or a value is
undefined, such as a rate over zero visits) or ``skipped`` (its ``when`` guard does not
hold). A :class:`Report` scores criteria (the weighted share of their rules that pass)
and picks a decision (the passing decision rule of highest priority), and can explain
every verdict with the values the rules looked at.

Evaluation is safe by construction: no loops or recursion in the language, no attribute
outside the declared schemas, no user text executed; it always terminates.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import enum
import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from goalrules import plugins
from goalrules.dsl import ast, runtime
from goalrules.dsl.compiler import Checker, PythonBackend, Scope, declared_type
from goalrules.dsl.display import format_value
from goalrules.dsl.parser import parse_expression, parse_file
from goalrules.dsl.schemas import BUILTIN_SCHEMAS
from goalrules.dsl.types import Schema, Type, fact_type, type_from_text
from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    MissingFactError,
    RuleTypeError,
    UnknownNameError,
)

__all__ = [
    "CriterionResult",
    "Finding",
    "Outcome",
    "Report",
    "Rule",
    "RuleSet",
    "compile_expression",
    "load_rules",
    "shipped_ruleset",
]


class Outcome(enum.StrEnum):
    """What one rule said about one set of facts."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    SKIPPED = "skipped"


_CODES = (Outcome.FAIL, Outcome.PASS, Outcome.UNKNOWN, Outcome.SKIPPED)
_FAIL, _PASS, _UNKNOWN, _SKIPPED = 0, 1, 2, 3


@attrs.frozen
class _Part:
    """A compiled ``{expr}`` of a message template."""

    fn: Callable[..., Any]
    type: Type
    text: str


@attrs.frozen
class Trace:
    """A careful evaluation of one rule: the outcome, why, and the values seen."""

    outcome: Outcome
    reason: str | None
    missing: tuple[str, ...]
    values: tuple[tuple[str, str], ...]


@attrs.frozen(eq=False)
class Rule:
    """One compiled rule. Build rule sets with :func:`load_rules`."""

    id: str
    criterion: str | None
    decision: str | None
    weight: float
    priority: float
    guard_text: str | None
    check_text: str
    source: str
    line: int
    _fast: Callable[..., int] = attrs.field(repr=False)
    _guard: Callable[..., Any] | None = attrs.field(repr=False)
    _check: Callable[..., Any] = attrs.field(repr=False)
    _nodes: Sequence[tuple[str, Type]] = attrs.field(repr=False)
    _templates: Mapping[str, Sequence[str | _Part]] = attrs.field(repr=False)
    _decl: ast.RuleDecl | None = attrs.field(default=None, repr=False)
    _checker: Checker | None = attrs.field(default=None, repr=False)

    def columnar(self, columns: Mapping[str, Any], today: _dt.date) -> Any:
        """This rule's outcome as a polars expression over a table with ``columns``
        (codes 0 fail, 1 pass, 2 unknown, 3 skipped); raises ``NotColumnar`` when a
        construct has no columnar form."""
        import polars as pl

        from goalrules.dsl.columnar import ColumnarBackend, NotColumnar

        if self._decl is None or self._checker is None or self._decl.check is None:
            raise NotColumnar("a rule without its syntax tree")
        backend = ColumnarBackend(self._checker, dict(columns), today)
        check = backend.compile(self._decl.check)
        outcome = (
            pl.when(check.is_null())
            .then(pl.lit(_UNKNOWN))
            .when(check)
            .then(pl.lit(_PASS))
            .otherwise(pl.lit(_FAIL))
        )
        if self._decl.guard is not None:
            guard = backend.compile(self._decl.guard)
            outcome = (
                pl.when(guard.is_null())
                .then(pl.lit(_UNKNOWN))
                .when(~guard)
                .then(pl.lit(_SKIPPED))
                .otherwise(outcome)
            )
        return outcome.cast(pl.Int8)

    def outcome(self, facts: Mapping[str, Any], *, today: _dt.date | None = None) -> Outcome:
        """This rule's outcome on ``facts``."""
        return _CODES[self._fast(facts, today)]

    def careful_code(
        self, facts: Mapping[str, Any], today: _dt.date | None, rec: list[Any] | None = None
    ) -> tuple[int, runtime.Unknown | None]:
        if self._guard is not None:
            try:
                if not self._guard(facts, today, rec):
                    return _SKIPPED, None
            except runtime.Unknown as exc:
                return _UNKNOWN, exc
            except Exception as exc:  # a fact of a surprising shape
                return _UNKNOWN, runtime.Undefined(f"{type(exc).__name__}: {exc}")
        try:
            return (_PASS if self._check(facts, today, rec) else _FAIL), None
        except runtime.Unknown as exc:
            return _UNKNOWN, exc
        except Exception as exc:
            return _UNKNOWN, runtime.Undefined(f"{type(exc).__name__}: {exc}")

    def trace(self, facts: Mapping[str, Any], *, today: _dt.date | None = None) -> Trace:
        """Evaluate carefully, recording the value of every field and sub-expression."""
        rec: list[Any] = []
        code, exc = self.careful_code(facts, today, rec)
        seen: dict[str, str] = {}
        for index, value in rec:
            text, typ = self._nodes[index]
            seen[text] = format_value(value, typ)
        missing = (exc.detail,) if isinstance(exc, runtime.Missing) else ()
        reason = None
        if exc is not None:
            reason = f"{exc.detail} is missing" if missing else exc.detail
        return Trace(_CODES[code], reason, missing, tuple(seen.items()))

    def render(
        self, kind: str, facts: Mapping[str, Any], today: _dt.date | None, *, strict: bool = False
    ) -> str | None:
        """Render the ``says``/``pass``/``fail``/``fix`` template, or ``None``.

        A ``{part}`` that cannot be evaluated shows as ``(part: unknown)``; with
        ``strict`` the whole message is ``None`` instead.
        """
        parts = self._templates.get(kind)
        if parts is None:
            return None
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                out.append(format_value(part.fn(facts, today, None), part.type))
            except Exception:
                if strict:
                    return None
                out.append(f"({part.text}: unknown)")
        return "".join(out)

    @property
    def speaks_for(self) -> str | None:
        return self.criterion or self.decision


class Finding:
    """One rule's outcome on one set of facts; messages are rendered on first use.

    A plain slotted class rather than an attrs one: reports build many of these.
    """

    __slots__ = ("_cache", "_facts", "_today", "definition", "outcome")

    def __init__(
        self, rule: Rule, outcome: Outcome, facts: Mapping[str, Any], today: _dt.date | None
    ) -> None:
        self.definition = rule
        self.outcome = outcome
        self._facts = facts
        self._today = today
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Finding(rule={self.definition.id!r}, outcome={self.outcome.value!r})"

    @property
    def rule(self) -> str:
        """The id of the rule (its :class:`Rule` is ``definition``)."""
        return self.definition.id

    @property
    def rule_id(self) -> str:
        return self.definition.id

    @property
    def criterion(self) -> str | None:
        return self.definition.criterion

    @property
    def decision(self) -> str | None:
        return self.definition.decision

    @property
    def weight(self) -> float:
        return self.definition.weight

    def _trace(self) -> Trace:
        if "trace" not in self._cache:
            self._cache["trace"] = self.definition.trace(self._facts, today=self._today)
        tr: Trace = self._cache["trace"]
        return tr

    @property
    def reason(self) -> str | None:
        """Why the outcome is unknown (which fact is missing, what is undefined)."""
        return self._trace().reason if self.outcome is Outcome.UNKNOWN else None

    @property
    def missing(self) -> tuple[str, ...]:
        return self._trace().missing if self.outcome is Outcome.UNKNOWN else ()

    @property
    def values(self) -> dict[str, str]:
        """The fields and sub-expressions the rule looked at, shown as text."""
        return dict(self._trace().values)

    @property
    def message(self) -> str:
        """The rule's message for this outcome, with the values it saw."""
        if "message" in self._cache:
            msg: str = self._cache["message"]
            return msg
        r = self.definition
        text: str | None
        if self.outcome is Outcome.UNKNOWN:
            text = f"Cannot tell: {self.reason}." if self.reason else "Cannot tell."
        elif self.outcome is Outcome.SKIPPED:
            text = "Does not apply."
        elif self.outcome is Outcome.PASS:
            text = r.render("pass", self._facts, self._today)
            if text is None and r.decision is not None:
                text = r.render("says", self._facts, self._today)
            if text is None:
                text = f"{r.id}: ok."
        else:
            text = r.render("fail", self._facts, self._today)
            if text is None and r.decision is None:
                text = r.render("says", self._facts, self._today)
            if text is None:
                text = f"{r.id}: does not hold ({r.check_text})."
        self._cache["message"] = text
        return text

    @property
    def fix(self) -> str | None:
        """The rule's suggestion when it fails (or cannot tell)."""
        if self.outcome not in (Outcome.FAIL, Outcome.UNKNOWN):
            return None
        strict = self.outcome is Outcome.UNKNOWN  # no half-known advice
        return self.definition.render("fix", self._facts, self._today, strict=strict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule_id,
            "outcome": self.outcome.value,
            "message": self.message,
        }
        if self.fix:
            d["fix"] = self.fix
        if self.outcome is Outcome.UNKNOWN and self.reason:
            d["reason"] = self.reason
        return d


@attrs.frozen
class CriterionResult:
    """A criterion's score: the weighted share of its applicable rules that pass."""

    name: str
    score: float
    passed: bool
    findings: tuple[Finding, ...]

    @property
    def unknown(self) -> bool:
        return any(f.outcome is Outcome.UNKNOWN for f in self.findings)


@attrs.frozen(eq=False)
class Report:
    """The findings of one evaluation, aggregated by criterion and decision."""

    ruleset: RuleSet
    findings: tuple[Finding, ...]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def finding(self, rule_id: str) -> Finding:
        for f in self.findings:
            if f.rule_id == rule_id:
                return f
        raise UnknownNameError("rule", rule_id, [f.rule_id for f in self.findings])

    def with_outcome(self, outcome: Outcome | str) -> tuple[Finding, ...]:
        o = Outcome(outcome)
        return tuple(f for f in self.findings if f.outcome is o)

    @functools.cached_property
    def criteria(self) -> dict[str, CriterionResult]:
        """Per criterion: score 0..1 (weighted share of applicable rules that pass;
        ``unknown`` counts as not passing, ``skipped`` does not count) and ``passed``
        (every applicable rule passes and at least one applies)."""
        out: dict[str, CriterionResult] = {}
        findings = self.findings
        skipped, passing = Outcome.SKIPPED, Outcome.PASS
        for name, members in self.ruleset.criterion_members.items():
            total = got = 0.0
            applicable = 0
            all_pass = True
            for i, weight in members:
                outcome = findings[i].outcome
                if outcome is skipped:
                    continue
                applicable += 1
                total += weight
                if outcome is passing:
                    got += weight
                else:
                    all_pass = False
            score = got / total if total > 0 else 0.0
            group = tuple(findings[i] for i, _ in members)
            out[name] = CriterionResult(name, score, applicable > 0 and all_pass, group)
        return out

    @functools.cached_property
    def decided_by(self) -> Finding | None:
        """The passing decision rule of highest priority (the first in the file on ties)."""
        best: Finding | None = None
        for f in self.findings:
            if f.decision is None or f.outcome is not Outcome.PASS:
                continue
            if best is None or f.definition.priority > best.definition.priority:
                best = f
        return best

    @property
    def decision(self) -> str | None:
        d = self.decided_by
        return d.decision if d is not None else None

    def explain(self, *, skipped: bool = False) -> str:
        """Every rule's outcome, message and the values it looked at, as text."""
        lines: list[str] = []
        title = self.ruleset.title or self.ruleset.name
        lines.append(
            f"ruleset {self.ruleset.name}" + (f" ({title})" if title != self.ruleset.name else "")
        )
        if self.decided_by is not None:
            lines.append(f"decision: {self.decision} (by {self.decided_by.rule_id})")
        for name, c in self.criteria.items():
            lines.append(
                f"criterion {name}: score {c.score:.2f}, {'passed' if c.passed else 'not passed'}"
            )
        for f in self.findings:
            if f.outcome is Outcome.SKIPPED and not skipped:
                continue
            r = f.definition
            tag = (
                (r.criterion and f"criterion {r.criterion}")
                or (r.decision and f"decision {r.decision}")
                or "rule"
            )
            lines.append(
                f"- {r.id} [{f.outcome.value.upper()}] ({tag}, weight {r.weight:g}, line {r.line})"
            )
            if r.guard_text:
                lines.append(f"    when  {r.guard_text}")
            lines.append(f"    check {r.check_text}")
            for text, value in f.values.items():
                lines.append(f"      {text} = {value}")
            lines.append(f"    -> {f.message}")
            if f.fix:
                lines.append(f"    fix: {f.fix}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "ruleset": self.ruleset.name,
            "findings": [f.to_dict() for f in self.findings if f.outcome is not Outcome.SKIPPED],
        }
        if self.ruleset.criteria:
            d["criteria"] = {
                name: {
                    "score": round(c.score, 4),
                    "passed": c.passed,
                    "findings": [
                        f.to_dict() for f in c.findings if f.outcome is not Outcome.SKIPPED
                    ],
                }
                for name, c in self.criteria.items()
            }
        if self.ruleset.decisions:
            d["decision"] = self.decision
            d["decided_by"] = self.decided_by.rule_id if self.decided_by else None
        return d


@attrs.frozen(eq=False)
class RuleSet:
    """A compiled set of rules, evaluated many times."""

    name: str
    title: str | None
    rules: tuple[Rule, ...]
    facts: Mapping[str, Type] = attrs.field(repr=False)
    params: Mapping[str, Any] = attrs.field(repr=False)
    source: str = "<rules>"
    _file: ast.RuleFile | None = attrs.field(default=None, repr=False)
    _text: str | None = attrs.field(default=None, repr=False)
    _schemas: Mapping[str, Schema] | None = attrs.field(default=None, repr=False)
    _overrides: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    _custom_schemas: bool = attrs.field(default=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the rule text and param overrides, compiled again on arrival (so a
        ruleset can travel to Dask or Spark workers)."""
        if self._file is None or self._text is None:
            import pickle

            raise pickle.PicklingError(
                "only rulesets compiled from rule text can be pickled (merged or trimmed "
                "ones cannot): pickle the texts and merge on arrival"
            )
        schemas = self._schemas if self._custom_schemas else None
        return (_rebuild, (self._text, self.source, dict(self._overrides), schemas))

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
        findings = tuple(Finding(r, _CODES[r._fast(env, today)], env, today) for r in self.rules)
        return Report(self, findings)

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
        (the fast path of ``evaluate(...).decided_by``)."""
        best: Rule | None = None
        for r in self._decision_rules:
            if best is not None and r.priority <= best.priority:
                continue
            if r._fast(facts, today) == _PASS:
                best = r
        return best

    @functools.cached_property
    def _decision_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.decision)

    def evaluate_many(
        self, facts: Iterable[Mapping[str, Any]], *, today: _dt.date | None = None
    ) -> Iterator[Report]:
        """Evaluate each mapping of facts in turn (compiled once, nothing rebuilt)."""
        for env in facts:
            yield self.evaluate(env, today=today)

    def outcome_table(
        self, facts: Iterable[Mapping[str, Any]], *, today: _dt.date | None = None
    ) -> dict[str, list[Outcome]]:
        """Outcomes per rule id, one entry per mapping of facts (no findings built)."""
        fns = [(r.id, r._fast) for r in self.rules]
        columns: dict[str, list[Outcome]] = {rid: [] for rid, _ in fns}
        appends = [(columns[rid].append, fn) for rid, fn in fns]
        codes = _CODES
        for env in facts:
            for append, fn in appends:
                append(codes[fn(env, today)])
        return columns

    # -- changing -------------------------------------------------------------------------
    def with_params(self, **overrides: Any) -> RuleSet:
        """The same rules compiled with some params changed (``trial = "4 months"``)."""
        if self._file is None:
            raise GoalRulesError("this ruleset was not compiled from a rule file")
        merged = {**self._overrides, **overrides}
        schemas = self._schemas if self._custom_schemas else None
        return compile_file(
            self._file, source=self.source, text=self._text, schemas=schemas, params=merged
        )

    def merge(self, other: RuleSet) -> RuleSet:
        """Rules of ``other`` added to these; a rule with the same id replaces ours."""
        theirs = {r.id: r for r in other.rules}
        rules = tuple(theirs.pop(r.id, r) for r in self.rules) + tuple(theirs.values())
        return attrs.evolve(
            self,
            rules=rules,
            facts={**self.facts, **other.facts},
            params={**self.params, **other.params},
            file=None,
        )

    def without(self, *rule_ids: str) -> RuleSet:
        """These rules less the given ids."""
        for rid in rule_ids:
            self.rule(rid)
        return attrs.evolve(
            self, rules=tuple(r for r in self.rules if r.id not in rule_ids), file=None
        )


# ------------------------------------------------------------------------------------
# compiling
# ------------------------------------------------------------------------------------


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


def _scope_for(
    rule_file: ast.RuleFile, schemas: Mapping[str, Schema], source: str, text: str | None
) -> tuple[Scope, list[GoalRulesError]]:
    scope = Scope()
    errors: list[GoalRulesError] = []
    for name, schema in schemas.items():
        scope.facts[name] = fact_type(schema)
    for decl in rule_file.facts:
        if decl.name.startswith("_"):
            errors.append(
                _positioned(
                    RuleTypeError(f"a fact name cannot start with '_': {decl.name!r}"),
                    decl.span,
                    source,
                    text,
                )
            )
            continue
        try:
            scope.facts[decl.name] = declared_type(decl.type, source=source, text=text)
        except GoalRulesError as exc:
            errors.append(exc)
    return scope, errors


def _positioned(err: GoalRulesError, sp: ast.Span, source: str, text: str | None) -> GoalRulesError:
    err.source = err.source or source
    if err.line is None and sp.line:
        err.line, err.column = sp.line, sp.column
        err.end_column = sp.end_column if sp.end_line == sp.line else None
    err.text = err.text or text
    return err


def _param_value(
    decl: ast.ParamDecl, override: Any, scope: Scope, source: str, text: str | None
) -> tuple[Type, Any]:
    """Evaluate a param (or its override) at compile time: (type, run-time value)."""
    declared = _check_constant(decl.value, scope, source, text)
    if override is None:
        return declared, _run_constant(decl.name, decl.value, scope, source, text, decl.span)
    if not isinstance(override, str):
        return declared, _python_param(decl.name, declared, override)
    where = f"param {decl.name}"
    node = parse_expression(override, source=where)
    t = _check_constant(node, scope, where, override)
    if t.kind != declared.kind or (t.is_quantity and t.dim != declared.dim):
        raise RuleTypeError(
            f"param {decl.name} is a {declared}, but the override is a {t}", field=decl.name
        )
    return declared, _run_constant(decl.name, node, scope, where, override, node.span)


def _check_constant(node: ast.Expr, scope: Scope, source: str, text: str | None) -> Type:
    checker = Checker(scope, source=source, text=text)
    t = checker.check(node)
    if checker.errors:
        raise checker.errors[0] if len(checker.errors) == 1 else GoalRulesErrors(checker.errors)
    return t


def _run_constant(
    name: str, node: ast.Expr, scope: Scope, source: str, text: str | None, sp: ast.Span
) -> Any:
    checker = Checker(scope, source=source, text=text)
    checker.check(node)
    backend = PythonBackend(checker)
    fn = backend.function("param", backend.careful(node), ["f", "today", "rec"], f"param {name}")
    try:
        return fn({}, None, None)
    except runtime.Unknown as exc:
        err = RuleTypeError(f"param {name} must be a constant, but reads {exc.detail}")
        raise _positioned(err, sp, source, text) from None


def _python_param(name: str, declared: Type, value: Any) -> Any:
    path = f"param {name}"
    try:
        return runtime.convert(value, declared.kind, declared.dim, declared.display, path)
    except runtime.Unknown as exc:
        raise RuleTypeError(f"bad value for {path}: {exc.detail}", field=name) from None


def compile_file(
    rule_file: ast.RuleFile,
    *,
    source: str = "<rules>",
    text: str | None = None,
    schemas: Mapping[str, Schema] | None = None,
    params: Mapping[str, Any] | None = None,
) -> RuleSet:
    """Check and compile a parsed rule file; every error found is raised together."""
    custom = schemas is not None
    schemas = dict(BUILTIN_SCHEMAS if schemas is None else schemas)
    scope, errors = _scope_for(rule_file, schemas, source, text)
    overrides = dict(params or {})
    for param in rule_file.params:
        try:
            scope.params[param.name] = _param_value(
                param, overrides.pop(param.name, None), scope, source, text
            )
        except GoalRulesError as exc:
            errors.extend(
                exc.errors
                if isinstance(exc, GoalRulesErrors)
                else [_positioned(exc, param.span, source, text)]
            )
            try:  # keep the name known, so later rules do not report it as unknown
                scope.params[param.name] = (_check_constant(param.value, scope, source, text), None)
            except GoalRulesError:
                scope.params[param.name] = (Type("any"), None)
    for name in overrides:
        errors.append(UnknownNameError("param", name, [p.name for p in rule_file.params]))
    rules: list[Rule] = []
    for decl in rule_file.rules:
        try:
            rules.append(_compile_rule(decl, scope, source, text))
        except GoalRulesErrors as group:
            errors.extend(group.errors)
        except GoalRulesError as exc:
            errors.append(_positioned(exc, decl.span, source, text))
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return RuleSet(
        name=rule_file.name or Path(source).stem.strip("<>") or "rules",
        title=rule_file.title,
        rules=tuple(rules),
        facts=dict(scope.facts),
        params={k: v[1] for k, v in scope.params.items()},
        source=source,
        file=rule_file,
        text=text,
        schemas=schemas,
        overrides=dict(params or {}),
        custom_schemas=custom,
    )


def _rebuild(
    text: str, source: str, overrides: Mapping[str, Any], schemas: Mapping[str, Schema] | None
) -> RuleSet:
    if schemas is None:
        try:
            return _rebuild_cached(text, source, tuple(sorted(overrides.items())))
        except TypeError:  # an unhashable override: compile without the cache
            pass
    return load_rules(text, source=source, params=overrides or None, schemas=schemas)


@functools.lru_cache(maxsize=64)
def _rebuild_cached(text: str, source: str, overrides: tuple[tuple[str, Any], ...]) -> RuleSet:
    """Unpickling the same ruleset again (each Dask task carries one) compiles it once
    per process."""
    return load_rules(text, source=source, params=dict(overrides) or None)


def _compile_rule(decl: ast.RuleDecl, scope: Scope, source: str, text: str | None) -> Rule:
    checker = Checker(scope, source=source, text=text)
    if decl.guard is not None:
        checker.check_bool(decl.guard, "a 'when' guard")
    if decl.check is not None:
        checker.check_bool(decl.check, "a 'check'")
    templates: dict[str, ast.Template] = {}
    for kind in ("says", "pass_msg", "fail_msg", "fix"):
        tpl = getattr(decl, kind)
        if tpl is not None:
            templates[kind] = tpl
            for part in tpl.parts:
                if not isinstance(part, str):
                    checker.check(part)
    if checker.errors:
        raise checker.errors[0] if len(checker.errors) == 1 else GoalRulesErrors(checker.errors)
    assert decl.check is not None
    backend = PythonBackend(checker)
    hint = f"{source}:{decl.span.line} rule {decl.id}"
    guard_c = (
        backend.function(
            "guard", backend.careful(decl.guard), ["f", "today", "rec"], hint, lazy=True
        )
        if decl.guard is not None
        else None
    )
    check_c = backend.function(
        "check", backend.careful(decl.check), ["f", "today", "rec"], hint, lazy=True
    )
    compiled_templates: dict[str, list[str | _Part]] = {}
    for kind, tpl in templates.items():
        parts: list[str | _Part] = []
        for part in tpl.parts:
            if isinstance(part, str):
                parts.append(part)
            else:
                fn = backend.function(
                    "part", backend.careful(part), ["f", "today", "rec"], hint, lazy=True
                )
                parts.append(_Part(fn, checker.types[id(part)], ast.unparse(part)))
        compiled_templates[{"pass_msg": "pass", "fail_msg": "fail"}.get(kind, kind)] = parts
    nodes = [(_node_text(n, text), checker.types.get(id(n), Type("any"))) for n in backend.nodes]

    rule_holder: list[Rule] = []

    def careful(f: Mapping[str, Any], today: _dt.date | None = None) -> int:
        return rule_holder[0].careful_code(f, today)[0]

    body = _fast_body(backend, decl)
    fast = backend.fast_with_fallback("rule", body, careful, hint)
    rule = Rule(
        id=decl.id,
        criterion=decl.criterion,
        decision=decl.decision,
        weight=float(decl.weight),
        priority=float(decl.priority),
        guard_text=_node_text(decl.guard, text) if decl.guard is not None else None,
        check_text=_node_text(decl.check, text),
        source=source,
        line=decl.span.line,
        fast=fast,
        guard=guard_c,
        check=check_c,
        nodes=nodes,
        templates=compiled_templates,
        decl=decl,
        checker=checker,
    )
    rule_holder.append(rule)
    return rule


def _fast_body(backend: PythonBackend, decl: ast.RuleDecl) -> list[Any]:
    import ast as pyast

    assert decl.check is not None
    stmts: list[Any] = []
    if decl.guard is not None:  # generated first: it runs first (fields read once)
        guard = backend.fast(decl.guard)
        stmts.append(
            pyast.If(
                test=pyast.UnaryOp(op=pyast.Not(), operand=guard),
                body=[pyast.Return(value=pyast.Constant(_SKIPPED))],
                orelse=[],
            )
        )
    test = backend.fast(decl.check)
    check = pyast.IfExp(test=test, body=pyast.Constant(_PASS), orelse=pyast.Constant(_FAIL))
    stmts.append(pyast.Return(value=check))
    return stmts


@functools.lru_cache(maxsize=8)
def _lines(text: str) -> list[str]:
    return text.splitlines()


def _node_text(node: ast.Expr, text: str | None) -> str:
    sp = node.span
    if text is not None and sp.line and sp.line == sp.end_line:
        lines = _lines(text)
        if 0 < sp.line <= len(lines):
            return lines[sp.line - 1][sp.column - 1 : sp.end_column - 1]
    return ast.unparse(node)


# ------------------------------------------------------------------------------------
# public entry points
# ------------------------------------------------------------------------------------


def _read_source(path_or_text: str | os.PathLike[str]) -> tuple[str, str]:
    if isinstance(path_or_text, os.PathLike):
        p = Path(path_or_text)
        return _read_path(p), str(p)
    if not isinstance(path_or_text, str):
        raise GoalRulesError(f"expected rule text or a path, got {type(path_or_text).__name__}")
    looks_like_path = "\n" not in path_or_text and path_or_text.strip().endswith(".rules")
    if looks_like_path:
        return _read_path(Path(path_or_text.strip())), path_or_text.strip()
    return path_or_text, "<rules>"


def _read_path(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoalRulesError("no such rule file", source=str(p)) from None
    except UnicodeDecodeError as exc:
        raise GoalRulesError(
            f"the rule file is not UTF-8 text ({exc.reason} at byte {exc.start})", source=str(p)
        ) from None
    except OSError as exc:
        raise GoalRulesError(f"cannot read the rule file: {exc.strerror}", source=str(p)) from None


def load_rules(
    path_or_text: str | os.PathLike[str],
    *,
    params: Mapping[str, Any] | None = None,
    schemas: Mapping[str, Schema] | None = None,
    source: str | None = None,
) -> RuleSet:
    """Compile a rule file (a path, or the rule text itself) into a :class:`RuleSet`.

    Every syntax, type and unit error in the file is reported at once, each with its
    line, column and a caret. ``params`` overrides the file's ``param`` values (a text
    such as ``"4 months"`` or a Python value); ``schemas`` replaces the built-in fact
    schemas.
    """
    text, src = _read_source(path_or_text)
    src = source or src
    # compiling allocates many small, long-lived objects: the cyclic collector would
    # rescan them over and over (a third of the time), and they hold no cycles to free
    enabled = gc.isenabled()
    gc.disable()
    try:
        rule_file = parse_file(text, source=src)
        return compile_file(rule_file, source=src, text=text, schemas=schemas, params=params)
    finally:
        if enabled:
            gc.enable()


@functools.cache
def _shipped_texts() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    folder = resources.files("goalrules").joinpath("rules")
    for entry in folder.iterdir():
        if entry.name.endswith(".rules"):
            out[entry.name[: -len(".rules")]] = (
                entry.read_text("utf-8"),
                f"goalrules/rules/{entry.name}",
            )
    for item in plugins.collect("goalrules_rulesets"):
        text, src = _read_source(item)
        name = parse_file(text, source=src).name or Path(src).stem
        out[name] = (text, src)
    return out


plugins.on_reset(_shipped_texts.cache_clear)


@functools.lru_cache(maxsize=64)
def _shipped(name: str) -> RuleSet:
    texts = _shipped_texts()
    if name not in texts:
        raise UnknownNameError("ruleset", name, list(texts))
    text, src = texts[name]
    return load_rules(text, source=src)


plugins.on_reset(_shipped.cache_clear)


def shipped_ruleset(name: str, *, params: Mapping[str, Any] | None = None) -> RuleSet:
    """A ruleset shipped with goalrules or added by a plugin (``"smart"``,
    ``"channels"``, ``"plan"``), compiled once and cached."""
    rs = _shipped(name)
    return rs.with_params(**params) if params else rs


# ------------------------------------------------------------------------------------
# single expressions
# ------------------------------------------------------------------------------------


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
        if name.startswith("_"):
            raise RuleTypeError(f"a field name cannot start with '_': {name!r}", field=name)
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
