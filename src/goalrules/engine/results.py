"""Results of evaluating rules: outcomes, findings, criterion scores and reports.

Each rule gives an :class:`Outcome`: ``pass`` (its check holds), ``fail``, ``unknown`` (a
fact it needs is missing, or a value is undefined, such as a rate over zero visits) or
``skipped`` (its ``when`` guard does not hold). A :class:`Report` scores criteria (the
weighted share of their rules that pass) and picks a decision (the passing decision rule
of highest priority), and can explain every verdict with the values the rules looked at.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from goalrules.dsl import ast, runtime
from goalrules.dsl.checker import Checker
from goalrules.dsl.display import format_value, value_formatter
from goalrules.dsl.types import Type
from goalrules.engine.marks import FAIL, PASS, SKIPPED, UNKNOWN, criterion_groups, criterion_mark
from goalrules.engine.percents import kept_apart, percent_limits, percent_parts, with_percents
from goalrules.errors import (
    UnknownNameError,
)


class _Scored(Protocol):
    """What a report reads of its ruleset (a :class:`~goalrules.engine.RuleSet`)."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str | None: ...

    @property
    def criteria(self) -> tuple[str, ...]: ...

    @property
    def decisions(self) -> tuple[str, ...]: ...

    @property
    def criterion_members(self) -> dict[str, list[tuple[int, float]]]: ...


class Outcome(enum.StrEnum):
    """What one rule said about one set of facts."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    SKIPPED = "skipped"


_CODES = (Outcome.FAIL, Outcome.PASS, Outcome.UNKNOWN, Outcome.SKIPPED)
_FAIL, _PASS, _UNKNOWN, _SKIPPED = FAIL, PASS, UNKNOWN, SKIPPED  # the codes, by these names here
_VALUES = {o: o.value for o in Outcome}  # read by every finding a report writes
_ABSENT = ((None, None),)  # a template the rule does not have (as Rule.render keeps it)
_UNSET: Any = object()  # a finding's fix not rendered yet (``None`` is a fix it lacks)


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
    #: each template as (text, None) and (part's function, its formatter) pairs, built
    #: on first render: the formatter of a part is chosen once for its type
    _shown: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False, eq=False)

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
                return _UNKNOWN, _bare(exc)
            except Exception as exc:  # a fact of a surprising shape
                return _UNKNOWN, runtime.Undefined(f"{type(exc).__name__}: {exc}")
        try:
            return (_PASS if self._check(facts, today, rec) else _FAIL), None
        except runtime.Unknown as exc:
            return _UNKNOWN, _bare(exc)
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

        A ``{part}`` that cannot be evaluated (a missing fact) shows as ``unknown``, in
        the reader's words rather than the rule's; with ``strict`` the whole message is
        ``None`` instead.
        """
        shown = self._shown.get(kind)
        if shown is None:
            shown = self._shown[kind] = self._prepared(kind)
        if shown.__class__ is str:  # a template without parts: its text
            return shown
        if shown is _ABSENT:
            return None
        percents = self._shown.get("\x00%" + kind)
        if percents is None:
            percents = self._shown["\x00%" + kind] = percent_parts(self._templates[kind])
        if percents:
            limits = self._shown["\x00<" + kind]
            return with_percents(shown, percents, limits, facts, today, strict)
        out: list[str] = []
        for fn, show in shown:
            if show is None:
                out.append(fn)
                continue
            try:
                out.append(show(fn(facts, today, None)))
            except Exception:
                if strict:
                    return None
                out.append("unknown")
        return "".join(out)

    def pass_text(self) -> str | None:
        """The message of every pass when it does not depend on the facts (a ``pass``
        template without parts, or none and no decision: ``"<id>: ok."``), else
        ``None``."""
        said: Any = self._shown.get("\x00pass")
        if said is None:
            shown = self._shown.get("pass")
            if shown is None:
                shown = self._shown["pass"] = self._prepared("pass")
            if shown.__class__ is str:
                said = shown
            elif shown is _ABSENT and self.decision is None:
                said = f"{self.id}: ok."
            else:
                said = _ABSENT
            self._shown["\x00pass"] = said
        return said if said.__class__ is str else None

    def _prepared(self, kind: str) -> Any:
        """The ``kind`` template as :meth:`render` reads it: its text when it has no
        parts, ``_ABSENT`` when the rule has none, else (text, None) and (part's
        function, its formatter) pairs."""
        parts = self._templates.get(kind)
        if parts is None:
            return _ABSENT
        if all(isinstance(part, str) for part in parts):
            return "".join(parts)  # type: ignore[arg-type]
        shown = tuple(
            (part, None) if isinstance(part, str) else (part.fn, value_formatter(part.type))
            for part in parts
        )
        # the constants each part is compared with, shown apart from them when near
        limits = self._shown["\x00<" + kind] = percent_limits(
            self._decl, self._checker, parts, shown
        )
        return kept_apart(shown, limits)

    @property
    def speaks_for(self) -> str | None:
        return self.criterion or self.decision


def _bare(exc: runtime.Unknown) -> runtime.Unknown:
    """``exc`` without its traceback and the exception it was raised beside: only its
    words are read, and the frames they hold (the caller's among them, which holds
    ``exc``) would make a cycle for the garbage collector to find."""
    exc.__traceback__ = exc.__context__ = exc.__cause__ = None
    return exc


class Finding:
    """One rule's outcome on one set of facts; messages are rendered on first use.

    A plain slotted class rather than an attrs one: reports build many of these (a
    slot for each text it keeps, not a dict: most findings are never read).
    """

    __slots__ = ("_facts", "_fix", "_message", "_today", "_trace_kept", "definition", "outcome")

    def __init__(
        self, rule: Rule, outcome: Outcome, facts: Mapping[str, Any], today: _dt.date | None
    ) -> None:
        self.definition = rule
        self.outcome = outcome
        self._facts = facts
        self._today = today
        self._message: str | None = None  # each rendered on first use
        self._fix: Any = _UNSET
        self._trace_kept: Trace | None = None

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
        tr = self._trace_kept
        if tr is None:
            tr = self._trace_kept = self.definition.trace(self._facts, today=self._today)
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
        msg = self._message
        if msg is None:
            msg = self._message = self._rendered()
        return msg

    def _rendered(self) -> str:
        r = self.definition
        text: str | None
        if self.outcome is Outcome.PASS:
            said = r.pass_text()
            if said is not None:
                return said
            text = r.render("pass", self._facts, self._today)
            if text is None and r.decision is not None:
                text = r.render("says", self._facts, self._today)
            return f"{r.id}: ok." if text is None else text
        if self.outcome is Outcome.UNKNOWN:
            text = f"Cannot tell: {self.reason}." if self.reason else "Cannot tell."
        elif self.outcome is Outcome.SKIPPED:
            text = "Does not apply."
        else:
            text = r.render("fail", self._facts, self._today)
            if text is None and r.decision is None:
                text = r.render("says", self._facts, self._today)
            if text is None:
                text = f"{r.id}: does not hold ({r.check_text})."
        return text

    @property
    def fix(self) -> str | None:
        """The rule's suggestion when it fails (or cannot tell)."""
        if self.outcome not in (Outcome.FAIL, Outcome.UNKNOWN):
            return None
        text: str | None = self._fix
        if text is _UNSET:  # read by the report and again by the suggestions
            strict = self.outcome is Outcome.UNKNOWN  # no half-known advice
            text = self._fix = self.definition.render(
                "fix", self._facts, self._today, strict=strict
            )
        return text

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome
        message = self._message
        if message is None:
            message = self._message = self._rendered()
        d: dict[str, Any] = {
            "rule": self.definition.id,
            "outcome": _VALUES[outcome],
            "message": message,
        }
        if outcome is Outcome.PASS:
            return d
        if outcome is Outcome.FAIL or outcome is Outcome.UNKNOWN:  # only these suggest
            fix = self.fix
            if fix:
                d["fix"] = fix
            if outcome is Outcome.UNKNOWN and self.reason:
                d["reason"] = self.reason
        return d


_C = TypeVar("_C")


def finding_dicts(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """``[f.to_dict() for f in findings if f.outcome is not Outcome.SKIPPED]``, a pass
    (most findings of a report) written in the loop itself."""
    out: list[dict[str, Any]] = []
    put = out.append
    passing, skipped = Outcome.PASS, Outcome.SKIPPED
    for f in findings:
        outcome = f.outcome
        if outcome is passing:
            message = f._message
            if message is None:
                message = f._message = f._rendered()
            put({"rule": f.definition.id, "outcome": "pass", "message": message})
        elif outcome is not skipped:
            put(f.to_dict())
    return out


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
    """The findings of one evaluation, aggregated by criterion and decision.

    A report made by :meth:`RuleSet.evaluate` keeps the outcome of each rule as a small
    code and builds a :class:`Finding` only when one is read (its decision needs one,
    its criteria need theirs, ``findings`` all of them): a report costs little more than
    its outcomes until someone reads a message.
    """

    ruleset: _Scored  # the RuleSet that made it
    given: tuple[Finding, ...] | None = attrs.field(default=None, alias="findings")
    codes: tuple[int, ...] = attrs.field(default=(), repr=False)
    facts: Any = attrs.field(default=None, repr=False)
    today: Any = attrs.field(default=None, repr=False)
    _built: dict[int, Finding] | None = attrs.field(default=None, repr=False, init=False)

    @classmethod
    def lazy(
        cls, ruleset: Any, codes: tuple[int, ...], facts: Any, today: _dt.date | None
    ) -> Report:
        """A report of outcome codes (``_CODES`` order), its findings built on demand."""
        return cls(ruleset, None, codes, facts, today)

    def _finding(self, i: int) -> Finding:
        if self.given is not None:
            return self.given[i]
        built = self._built
        if built is None:
            built = {}
            object.__setattr__(self, "_built", built)
        hit = built.get(i)
        if hit is None:
            rules: Any = self.ruleset.rules  # type: ignore[attr-defined]
            hit = Finding(rules[i], _CODES[self.codes[i]], self.facts, self.today)
            built[i] = hit
        return hit

    @functools.cached_property
    def findings(self) -> tuple[Finding, ...]:
        if self.given is not None:
            return self.given
        return tuple(self._finding(i) for i in range(len(self.codes)))

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.given) if self.given is not None else len(self.codes)

    def finding(self, rule_id: str) -> Finding:
        for f in self.findings:
            if f.rule_id == rule_id:
                return f
        raise UnknownNameError("rule", rule_id, [f.rule_id for f in self.findings])

    def with_outcome(self, outcome: Outcome | str) -> tuple[Finding, ...]:
        """The findings of one outcome, in the rules' order (from the codes, only
        those findings are built)."""
        o = Outcome(outcome)
        if self.given is None:
            code = _CODES.index(o)
            return tuple(self._finding(i) for i, c in enumerate(self.codes) if c == code)
        return tuple(f for f in self.given if f.outcome is o)

    @functools.cached_property
    def criteria(self) -> dict[str, CriterionResult]:
        """Per criterion: score 0..1 (weighted share of applicable rules that pass;
        ``unknown`` counts as not passing, ``skipped`` does not count) and ``passed``
        (every applicable rule passes and at least one applies)."""
        return self.scored(CriterionResult)

    def scored(self, kind: Callable[[str, float, bool, tuple[Finding, ...]], _C]) -> dict[str, _C]:
        """:attr:`criteria`, each made by ``kind(name, score, passed, findings)`` (a
        :class:`CriterionResult` or a subclass of it); not kept."""
        out: dict[str, _C] = {}
        given = self.given
        if given is None:  # from the codes: each criterion's members taken at once
            found = self._all_built()
            codes = self.codes
            for name, take, marks in criterion_groups(self.ruleset.criterion_members):
                seen = take(codes)
                mark = marks.get(seen)
                if mark is None:
                    if len(marks) >= 1024:
                        marks.clear()
                    mark = marks[seen] = criterion_mark(seen, self.ruleset.criterion_members[name])
                out[name] = kind(name, mark[0], mark[1], take(found))
            return out
        skipped, passing = Outcome.SKIPPED, Outcome.PASS
        for name, members in self.ruleset.criterion_members.items():
            total = got = 0.0
            applicable = 0
            all_pass = True
            group = tuple([given[i] for i, _ in members])
            for finding, (_, weight) in zip(group, members, strict=True):
                outcome = finding.outcome
                if outcome is skipped:
                    continue
                applicable += 1
                total += weight
                if outcome is passing:
                    got += weight
                else:
                    all_pass = False
            score = got / total if total > 0 else 0.0
            out[name] = kind(name, score, applicable > 0 and all_pass, group)
        return out

    def _all_built(self) -> list[Finding]:
        """Every rule's finding, by index (those built already kept as they are)."""
        rules: Any = self.ruleset.rules  # type: ignore[attr-defined]
        facts, today = self.facts, self.today
        built = self._built
        if not built:
            found = [
                Finding(r, _CODES[c], facts, today) for r, c in zip(rules, self.codes, strict=True)
            ]
        else:
            found = [
                built.get(i) or Finding(r, _CODES[c], facts, today)
                for i, (r, c) in enumerate(zip(rules, self.codes, strict=True))
            ]
        object.__setattr__(self, "_built", dict(enumerate(found)))
        return found

    @functools.cached_property
    def decided_by(self) -> Finding | None:
        """The passing decision rule of highest priority (the first in the file on ties)."""
        if self.given is None:  # from the codes: only the deciding finding is built
            codes = self.codes
            order: tuple[int, ...] = self.ruleset._decision_order  # type: ignore[attr-defined]
            for i in order:  # (highest priority first, the first in the file on ties)
                if codes[i] == _PASS:
                    return self._finding(i)
            return None
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

    def _repr_html_(self) -> str:
        from goalrules.engine.notebook import report_html

        return report_html(self)

    def to_frame(self, kind: str = "pandas") -> Any:
        """One row per rule: rule, outcome, criterion, decision, message (a pandas, or
        ``"polars"``, DataFrame)."""
        from goalrules.engine.notebook import frame

        rows = [{"rule": f.rule_id, "outcome": f.outcome.value, "criterion": f.criterion,
                 "decision": f.decision, "message": f.message} for f in self.findings]  # fmt: skip
        return frame(rows, kind)

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
            "findings": finding_dicts(self.findings),
        }
        if self.ruleset.criteria:
            d["criteria"] = {
                name: {
                    "score": round(c.score, 4),
                    "passed": c.passed,
                    "findings": finding_dicts(c.findings),
                }
                for name, c in self.criteria.items()
            }
        if self.ruleset.decisions:
            d["decision"] = self.decision
            d["decided_by"] = self.decided_by.rule_id if self.decided_by else None
        return d
