"""Tests for rules, written by analysts beside the rules they pin (``goalrules rules test``).

A ``test`` block gives facts, with their units, and expects outcomes::

    test "a channel with leads is kept"
      given channel.visits = 3,000 visits, channel.leads = 90 leads, today = 2026-05-01
      expect decision keep
      expect rule cut fail
      expect criterion reach passes
      expect criterion reach score 100 %
      expect message keep "Keep"

Tests live in the rule file itself, or in a file beside it named ``NAME.test.rules``
(tests only) for ``NAME.rules``. Given facts are checked like rules: a name the rules do
not know is an error with a close match, and ``visits = 300 followers`` is a unit
error. ``today`` sets the date of the evaluation. Every failure names the test's
``file:line`` and shows what the rule saw.

The run also reports **coverage**: the rules no test exercises (no test expects them and
none of the tests makes them pass or fail), and the rules whose outcome never changes
across the tests (a threshold no test probes from both sides).
"""

from __future__ import annotations

import datetime as _dt
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.checker import Checker, Scope, _compatible
from goalrules.dsl.parser import parse_file
from goalrules.dsl.schemas import BUILTIN_SCHEMAS
from goalrules.dsl.types import fact_type
from goalrules.engine.bare_shares import bare_share_written, is_share, share_problem
from goalrules.engine.compile import _scope_for, compile_text
from goalrules.engine.results import Finding, Outcome, Report
from goalrules.engine.ruleset import RuleSet
from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    RuleTypeError,
    UnknownNameError,
    WorkspaceError,
)

Date = _dt.date
__all__ = ["CaseResult", "TestRun", "find_rule_files", "run_rule_tests"]


@attrs.frozen
class CaseResult:
    """One test's result: its failures (empty when it passed)."""

    name: str
    source: str
    line: int
    ruleset: str
    failures: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@attrs.frozen
class Coverage:
    """Which rules of a ruleset the tests exercise."""

    ruleset: str
    source: str
    rules: tuple[str, ...]
    unexercised: tuple[str, ...]
    constant: tuple[tuple[str, str], ...]  # (rule, the one outcome it always had)


@attrs.frozen
class TestRun:
    """Every test found under the paths, the problems that stopped a file's tests from
    running, and coverage per ruleset."""

    cases: tuple[CaseResult, ...] = ()
    errors: tuple[GoalRulesError, ...] = ()
    coverage: tuple[Coverage, ...] = ()

    @property
    def failed(self) -> tuple[CaseResult, ...]:
        return tuple(c for c in self.cases if not c.passed)

    @property
    def exit_code(self) -> int:
        """0 when every test passed, 1 when one failed, 2 on bad input."""
        if self.errors:
            return 2
        return 1 if self.failed else 0

    def text(self) -> str:
        out: list[str] = []
        for e in self.errors:
            out.append(str(e))
        for c in self.failed:
            out.append(f"{c.where}: FAIL test {c.name!r}")
            out.extend("    " + line for f in c.failures for line in f.splitlines())
        passed = sum(c.passed for c in self.cases)
        for cov in self.coverage:
            if cov.unexercised:
                out.append(f"{cov.source}: no test exercises {', '.join(cov.unexercised)}")
            if cov.constant:
                listed = ", ".join(f"{r} (always {o})" for r, o in cov.constant)
                out.append(f"{cov.source}: never changes outcome across the tests: {listed}")
        summary = f"{passed} passed, {len(self.failed)} failed"
        if self.errors:
            summary += f", {len(self.errors)} error{'s' if len(self.errors) > 1 else ''}"
        out.append(summary)
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": sum(c.passed for c in self.cases),
            "failed": len(self.failed),
            "errors": [str(e) for e in self.errors],
            "tests": [
                {
                    "name": c.name,
                    "file": c.source,
                    "line": c.line,
                    "ruleset": c.ruleset,
                    "passed": c.passed,
                    "failures": list(c.failures),
                }
                for c in self.cases
            ],
            "coverage": [
                {
                    "ruleset": c.ruleset,
                    "file": c.source,
                    "rules": len(c.rules),
                    "unexercised": list(c.unexercised),
                    "constant": [{"rule": r, "outcome": o} for r, o in c.constant],
                }
                for c in self.coverage
            ],
        }

    def junit(self) -> str:
        """JUnit XML (one ``testsuite`` per ruleset), as CI systems read it."""
        suites = ET.Element("testsuites", name="goalrules rules test")
        by_suite: dict[str, list[CaseResult]] = {}
        for c in self.cases:
            by_suite.setdefault(c.ruleset, []).append(c)
        total = failures = 0
        for name, cases in by_suite.items():
            suite = ET.SubElement(
                suites, "testsuite", name=name, tests=str(len(cases)),
                failures=str(sum(not c.passed for c in cases)), errors="0", skipped="0",
                time=f"{sum(c.seconds for c in cases):.6f}",
            )  # fmt: skip
            for c in cases:
                case = ET.SubElement(
                    suite,
                    "testcase",
                    classname=name,
                    name=c.name,
                    file=c.source,
                    line=str(c.line),
                    time=f"{c.seconds:.6f}",
                )
                if c.failures:
                    fail = ET.SubElement(
                        case,
                        "failure",
                        message=c.failures[0].splitlines()[0],
                        type="AssertionError",
                    )
                    fail.text = "\n".join(c.failures)
            total += len(cases)
            failures += sum(not c.passed for c in cases)
        if self.errors:
            suite = ET.SubElement(
                suites,
                "testsuite",
                name="rule files",
                tests=str(len(self.errors)),
                failures="0",
                errors=str(len(self.errors)),
                skipped="0",
            )
            for e in self.errors:
                case = ET.SubElement(
                    suite, "testcase", classname="rule files", name=str(e.source or "rules")
                )
                err = ET.SubElement(case, "error", message=e.headline(), type=type(e).__name__)
                err.text = str(e)
        suites.set("tests", str(total + len(self.errors)))
        suites.set("failures", str(failures))
        suites.set("errors", str(len(self.errors)))
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(suites, encoding="unicode")
            + "\n"
        )


def find_rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """The rule files at ``paths`` (folders searched for ``*.rules``), sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.rglob("*.rules"))
        elif p.exists():
            out.append(p)
        else:
            raise WorkspaceError("no such file or folder", source=str(p))
    return list(dict.fromkeys(out))


def _subject(path: Path, parsed: ast.RuleFile) -> Path:
    """The rule file a test file tests: itself, or NAME.rules for NAME.test.rules."""
    only_tests = not (parsed.rules or parsed.facts or parsed.params or parsed.name)
    if only_tests and path.name.endswith(".test.rules"):
        return path.with_name(path.name[: -len(".test.rules")] + ".rules")
    return path


def literal_value(node: ast.Expr, today: Date) -> Any:
    """A given's (or a decision-table cell's) value: a literal (number, quantity, text,
    date, true/false, list)."""
    from goalrules.units import quantity

    if isinstance(node, ast.Number):
        return node.value
    if isinstance(node, ast.Quantity):
        return quantity(node.value, node.unit)
    if isinstance(node, ast.Str):
        return node.value
    if isinstance(node, ast.DateLit):
        return node.value
    if isinstance(node, ast.Bool):
        return node.value
    if isinstance(node, ast.Today):
        return today
    if isinstance(node, ast.ListLit):
        return [literal_value(i, today) for i in node.items]
    if isinstance(node, ast.Neg):
        return -literal_value(node.operand, today)
    raise RuleTypeError(
        "a test gives values (numbers with units, text, dates, lists), "
        f"not an expression: {ast.unparse(node)}"
    )


def _path_expr(g: ast.Given) -> ast.Expr:
    node: ast.Expr = ast.Name(g.path[0], span=g.span)
    for name in g.path[1:]:
        node = ast.Field(node, name, span=g.span)
    return node


class _Runner:
    def __init__(
        self, subject_file: ast.RuleFile, ruleset: RuleSet, source: str, text: str
    ) -> None:
        self.ruleset = ruleset
        self.source = source
        self.text = text
        schemas = dict(BUILTIN_SCHEMAS)
        self.scope, _ = _scope_for(subject_file, schemas, source, text)
        for name, schema in schemas.items():
            self.scope.facts.setdefault(name, fact_type(schema))
        self.rule_ids = [r.id for r in ruleset]
        self.criteria = list(ruleset.criteria)
        self.decisions = list(ruleset.decisions)

    def error(self, message: str, sp: ast.Span) -> GoalRulesError:
        return ast.error_at(RuleTypeError, message, sp, source=self.source, text=self.text)

    def facts(self, test: ast.TestDecl) -> tuple[dict[str, Any], Date | None]:
        """The test's facts as nested mappings, checked like rules."""
        facts: dict[str, Any] = {}
        today: Date | None = None
        errors: list[GoalRulesError] = []
        for g in test.givens:
            if g.path == ("today",):
                if not isinstance(g.value, ast.DateLit):
                    errors.append(self.error("today is given as a date, e.g. 2026-05-01", g.span))
                    continue
                today = g.value.value
                continue
            checker = Checker(
                Scope(self.scope.facts, {}, self.scope.functions),
                source=self.source,
                text=self.text,
            )
            want = checker.check(_path_expr(g))
            if checker.errors:
                errors += checker.errors
                continue
            got = checker.check(g.value)
            got = checker.adopt(g.value, got, want)
            if checker.errors:
                errors += checker.errors
                continue
            if not _compatible(want, got):
                errors.append(
                    self.error(
                        f"{'.'.join(g.path)} is a {want}, but the test gives a {got}", g.value.span
                    )
                )
                continue
            bare = bare_share_written(g.value) if is_share(want) else None
            if bare is not None:
                written = ast.unparse(g.value)
                problem = share_problem(".".join(g.path), written, bare, given="given value")
                errors.append(self.error(problem, g.value.span))
                continue
            try:
                value = literal_value(g.value, today or Date.today())
            except GoalRulesError as exc:
                errors.append(self.error(exc.message, g.value.span))
                continue
            target = facts
            for name in g.path[:-1]:
                target = target.setdefault(name, {})
            target[g.path[-1]] = value
        if errors:
            raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=self.source)
        return facts, today

    def names(self, test: ast.TestDecl) -> list[GoalRulesError]:
        """Expectations that name a rule, criterion or decision the rules do not have."""
        errors: list[GoalRulesError] = []
        for e in test.expects:
            if e.kind in ("rule", "message"):
                kind, known = "rule", self.rule_ids
            elif e.kind in ("passes", "fails", "score"):
                kind, known = "criterion", self.criteria
            elif e.kind == "decision":
                kind, known = "decision", self.decisions
            else:
                continue
            if e.target not in known:
                err = UnknownNameError(
                    kind,
                    e.target or "",
                    known,
                    source=self.source,
                    line=e.span.line,
                    column=e.span.column,
                    text=self.text,
                )
                errors.append(err)
        return errors

    def check(self, test: ast.TestDecl, report: Report, today: Date) -> list[str]:
        failures = []
        for e in test.expects:
            problem = self._one(e, report, today)
            if problem:
                failures.append(f"{self.source}:{e.span.line}: {problem}")
        return failures

    def _one(self, e: ast.Expect, report: Report, today: Date) -> str | None:
        if e.kind == "decision":
            if report.decision == e.target:
                return None
            got = report.decision or "no decision"
            wanted = [f for f in report.findings if f.definition.decision == e.target]
            return (
                f"expected decision {e.target}, got {got}"
                + _decided(report)
                + "".join("\n" + _saw(f) for f in wanted)
            )
        if e.kind == "no_decision":
            return (
                None
                if report.decision is None
                else (f"expected no decision, got {report.decision}" + _decided(report))
            )
        if e.kind in ("rule", "message"):
            f = report.finding(e.target or "")
            if e.kind == "rule":
                if f.outcome.value == e.value:
                    return None
                return f"expected rule {e.target} to {e.value}, got {f.outcome.value}\n" + _saw(f)
            if (e.value or "").lower() in f.message.lower():
                return None
            return f"expected the message of {e.target} to contain {e.value!r}\n" + _saw(f)
        c = report.criteria.get(e.target or "")
        if c is None:
            return f"criterion {e.target} has no applicable rule in this test"
        if e.kind == "passes":
            return (
                None if c.passed else f"expected criterion {e.target} to pass (score {c.score:.2f})"
            )
        if e.kind == "fails":
            return None if not c.passed else f"expected criterion {e.target} to fail"
        assert e.score is not None
        want = literal_value(e.score, today)
        want_f = float(want.to("dimensionless").magnitude) if hasattr(want, "to") else float(want)
        if abs(c.score - want_f) <= 1e-9:
            return None
        return f"expected criterion {e.target} to score {want_f:.4g}, got {c.score:.4g}"


def _decided(report: Report) -> str:
    if report.decided_by is None:
        return ""
    return f" (by rule {report.decided_by.rule_id})\n" + _saw(report.decided_by)


def _saw(f: Finding) -> str:
    """What the rule looked at: its check, the values, its message."""
    r = f.definition
    lines = [f"  rule {r.id} (line {r.line}): {f.outcome.value}"]
    if r.guard_text:
        lines.append(f"    when  {r.guard_text}")
    lines.append(f"    check {r.check_text}")
    lines += [f"      {text} = {value}" for text, value in f.values.items()]
    lines.append(f"    -> {f.message}")
    return "\n".join(lines)


def _read(path: Path) -> str:
    from goalrules.io.files import read_text

    return read_text(path)


def run_rule_tests(paths: Iterable[str | Path], *, today: Date | None = None) -> TestRun:
    """Run the tests of every rule file under ``paths``."""
    cases: list[CaseResult] = []
    errors: list[GoalRulesError] = []
    coverage: list[Coverage] = []
    files = find_rule_files(paths)
    if not files:
        errors.append(
            WorkspaceError("no rule files (*.rules) found", source=", ".join(map(str, paths)))
        )
    for path in files:
        try:
            text = _read(path)
            parsed = parse_file(text, source=str(path))
        except GoalRulesError as exc:
            errors.append(exc)
            continue
        if not parsed.tests:
            continue
        subject = _subject(path, parsed)
        try:
            subject_text = text if subject == path else _read(subject)
            subject_file = (
                parsed if subject == path else parse_file(subject_text, source=str(subject))
            )
            ruleset = compile_text(subject_text, source=str(subject))
        except GoalRulesError as exc:
            errors.append(exc)
            continue
        runner = _Runner(subject_file, ruleset, str(path), text)
        outcomes: dict[str, set[str]] = {r.id: set() for r in ruleset}
        expected: set[str] = set()
        file_errors: list[GoalRulesError] = []
        for test in parsed.tests:
            file_errors += runner.names(test)
            expected |= {
                e.target for e in test.expects if e.kind in ("rule", "message") and e.target
            }
            try:
                facts, day = runner.facts(test)
            except GoalRulesErrors as exc:
                file_errors += list(exc.errors)
                continue
            except GoalRulesError as exc:
                file_errors.append(exc)
                continue
            if file_errors:
                continue
            started = time.perf_counter()
            when = day or today or Date.today()
            report = ruleset.evaluate(facts, today=when)
            failures = runner.check(test, report, when)
            for f in report.findings:
                outcomes[f.rule_id].add(f.outcome.value)
            cases.append(
                CaseResult(
                    test.name,
                    str(path),
                    test.span.line,
                    ruleset.name,
                    tuple(failures),
                    time.perf_counter() - started,
                )
            )
        if file_errors:
            errors += file_errors
            continue
        decided = {r.id for r in ruleset if r.decision}
        unexercised = tuple(
            rid for rid, seen in outcomes.items()
            if rid not in expected and not (seen & {Outcome.PASS.value, Outcome.FAIL.value})
            and not (rid in decided and seen)
        )  # fmt: skip
        constant = tuple(
            (rid, next(iter(seen))) for rid, seen in outcomes.items()
            if len(seen) == 1 and len(parsed.tests) > 1 and rid not in unexercised
        )  # fmt: skip
        coverage.append(
            Coverage(ruleset.name, str(subject), tuple(outcomes), unexercised, constant)
        )
    return TestRun(tuple(cases), tuple(errors), tuple(coverage))
