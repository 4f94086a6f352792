"""``goalrules rules lint``: rules that compile but cannot be right.

Each check has a code and a name (``GR301 always-true``), documented in
``docs/errors/lint.md`` with an example and the fix. A finding is silenced by a comment
on the rule's lines or the line above it: ``# lint: ignore[GR301]`` (or
``# lint: ignore[always-true]``; several: ``ignore[GR301, GR306]``); a whole file by
``# lint: ignore-file[GR303]``.

The checks read the compiled rules: the checker's types of every node, and the value
of every constant part (literals, params) evaluated once. Decision tables are linted by
their own analysis (:meth:`~goalrules.engine.decision_table.DecisionTable.analyse`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.engine.lint_truth import Truth, names_in, reads, template_exprs, walk
from goalrules.engine.ruleset import RuleSet
from goalrules.errors import GoalRulesError, GoalRulesErrors

__all__ = ["CHECKS", "LintCheck", "LintFinding", "LintRun", "lint_paths", "lint_ruleset"]


@attrs.frozen
class LintCheck:
    code: str
    name: str
    summary: str


CHECKS: dict[str, LintCheck] = {
    c.code: c
    for c in (
        LintCheck("GR301", "always-true", "a check (or guard) that holds whatever the facts"),
        LintCheck("GR302", "always-false", "a check (or guard) that never holds"),
        LintCheck("GR303", "unused-param", "a param no rule reads"),
        LintCheck("GR304", "unused-fact", "a declared fact no rule reads"),
        LintCheck("GR305", "shadowed-rule", "a decision rule that can never decide"),
        LintCheck(
            "GR306",
            "message-hides-value",
            "a message that shows none of the values its check tests",
        ),
        LintCheck(
            "GR307",
            "unit-cannot-match",
            "retired: a bare number beside a share is refused when the rules load (GR102)",
        ),
        LintCheck(
            "GR308",
            "missing-fix",
            "a criterion rule with a message but no fix, in a ruleset whose other rules give fixes",
        ),
        LintCheck(
            "GR309",
            "never-varies",
            "a check that gave the same outcome on every input the invariants engine drew",
        ),
        LintCheck("GR311", "table-gap", "input values no row of a decision table covers"),
        LintCheck("GR312", "table-overlap", "rows of a unique table that match the same inputs"),
        LintCheck(
            "GR313",
            "table-shadowed-row",
            "a row an earlier row always hides (hit first or priority)",
        ),
        LintCheck(
            "GR314",
            "table-unreachable-row",
            "a row no input can reach: its "
            "conditions contradict, or earlier rows cover all it matches",
        ),
        LintCheck(
            "GR315",
            "table-not-checked",
            "a check of a decision table that could not be made (said, never skipped silently)",
        ),
    )
}
_BY_NAME = {c.name: c.code for c in CHECKS.values()}


@attrs.frozen
class LintFinding:
    """One lint finding: its code, where, and what to do."""

    code: str
    message: str
    source: str
    line: int | None = None
    column: int | None = None
    rule: str | None = None

    @property
    def name(self) -> str:
        check = CHECKS.get(self.code)
        return check.name if check else "error"

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.source, self.line, self.column) if x is not None)
        return f"{where}: {self.code} {self.name}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
        }


@attrs.frozen
class LintRun:
    """The findings of ``goalrules rules lint`` over some files."""

    findings: tuple[LintFinding, ...]
    files: tuple[str, ...]
    errors: tuple[GoalRulesError, ...] = ()  # files that do not compile

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else (1 if self.findings else 0)

    def text(self) -> str:
        lines = [f"{e.location}: {_code(e)} {e.detail()}" for e in self.errors]
        lines += [str(f) for f in self.findings]
        n, files = len(self.findings), len(self.files)
        lines.append(
            f"{n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
            + (f"; {len(self.errors)} errors" if self.errors else "")
        )
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": list(self.files),
            "findings": [f.to_dict() for f in self.findings],
            "errors": [_error_dict(e) for e in self.errors],
        }


def _code(e: GoalRulesError) -> str:
    return str(getattr(e, "code", "GR100"))


def _error_dict(e: GoalRulesError) -> dict[str, Any]:
    return {
        "code": _code(e),
        "message": e.detail(),
        "source": e.source,
        "line": e.line,
        "column": e.column,
    }


# -- the checks ----------------------------------------------------------------------


def _ruleset_file(rs: RuleSet) -> ast.RuleFile | None:
    origin = rs.origin
    file = getattr(origin, "file", None)
    return file if isinstance(file, ast.RuleFile) else None


def lint_ruleset(rs: RuleSet, *, text: str | None = None) -> list[LintFinding]:
    """The lint findings of a compiled ruleset (suppressions read from ``text``)."""
    file = _ruleset_file(rs)
    if file is None:
        return []
    params = {p.name for p in file.params}
    src = rs.source
    out: list[LintFinding] = []
    truths: dict[str, tuple[bool, str] | None] = {}
    for rule in rs.rules:
        decl = rule._decl
        if decl is None:
            continue
        truth = Truth(rule, params)
        where: dict[str, Any] = {
            "source": src,
            "line": decl.span.line,
            "column": decl.span.column,
            "rule": decl.id,
        }
        for clause, node in (("check", decl.check), ("guard", decl.guard)):
            if node is None:
                continue
            t = truth.truth(node)
            if clause == "check":
                truths[decl.id] = t
            if t is None:
                continue
            value, why = t
            if clause == "check":
                effect = _always_passes(decl) if value else _never_passes(decl)
            else:
                effect = "the guard adds nothing" if value else "the rule is always skipped"
            code = "GR301" if value else "GR302"
            out.append(
                LintFinding(
                    code,
                    f"rule {decl.id}: its {clause} is always "
                    f"{str(value).lower()} ({why}): {effect}",
                    **where,
                )
            )
        out += _message_findings(decl, truth, where)
    out += _unused(file, src)
    out += _shadowed(rs, truths, src)
    out += _missing_fixes(rs, src)
    if text is not None:
        out = suppress(out, text)
    return sorted(out, key=lambda f: (f.line or 0, f.code))


def _always_passes(decl: ast.RuleDecl) -> str:
    if decl.decision:
        return (
            f"it argues for `{decl.decision}` whatever the facts; write the fallback "
            "as the default of the decision, or test what makes it right"
        )
    return "it scores a pass whatever the facts"


def _never_passes(decl: ast.RuleDecl) -> str:
    if decl.decision:
        return f"it never argues for `{decl.decision}`"
    return "it fails whatever the facts"


def _compared(node: ast.Expr | None, truth: Truth) -> set[str]:
    """The quantities a check compares with a threshold (``visits >= 1000``): the
    values a reader of its message wants to see."""
    out: set[str] = set()
    for n in walk(node) if node is not None else ():
        if not isinstance(n, ast.Compare):
            continue
        for operand in n.operands:
            t = truth.type(operand)
            if t is not None and t.is_quantity and not truth.constant(operand):
                out |= reads(operand, truth.params)
    return out


def _message_findings(decl: ast.RuleDecl, truth: Truth, where: dict[str, Any]) -> list[LintFinding]:
    params = truth.params
    tested = _compared(decl.check, truth)
    messages = [t for t in (decl.says, decl.fail_msg, decl.pass_msg) if t is not None]
    if not tested or not messages:
        return []
    shown: set[str] = set()
    for t in messages:
        for part in t.parts:
            if not isinstance(part, str):
                shown |= reads(part, params)
    for p in tested:
        for q in shown:
            if p == q or p.startswith(q + ".") or q.startswith(p + "."):
                return []
    listed = ", ".join(f"`{p}`" for p in sorted(tested))
    return [
        LintFinding(
            "GR306",
            f"rule {decl.id}: its message shows none of the values its "
            f"check tests ({listed}); add one, e.g. `{{{sorted(tested)[0]}}}`",
            **where,
        )
    ]


def _unused(file: ast.RuleFile, src: str) -> list[LintFinding]:
    used: set[str] = set()
    for decl in file.rules:
        for e in (decl.guard, decl.check, *template_exprs(decl)):
            used |= names_in(e)
    for p in file.params:
        used |= names_in(p.value) - {p.name}
    out = []
    for p in file.params:
        if p.name not in used:
            out.append(
                LintFinding(
                    "GR303",
                    f"param {p.name} is declared but no rule reads it",
                    src,
                    p.span.line,
                    p.span.column,
                )
            )
    for f in file.facts:
        if f.name not in used:
            out.append(
                LintFinding(
                    "GR304",
                    f"fact {f.name} is declared but no rule reads it",
                    src,
                    f.span.line,
                    f.span.column,
                )
            )
    return out


def _shadowed(
    rs: RuleSet, truths: dict[str, tuple[bool, str] | None], src: str
) -> list[LintFinding]:
    out = []
    deciders = [r for r in rs.rules if r.decision and r._decl is not None]
    for r in deciders:
        decl = r._decl
        assert decl is not None
        for other in deciders:
            od = other._decl
            assert od is not None
            if other is r or other.priority <= r.priority:
                continue
            always = truths.get(od.id)
            same = (
                od.guard is None
                or (decl.guard is not None and ast.unparse(od.guard) == ast.unparse(decl.guard))
            ) and (
                od.check is not None
                and decl.check is not None
                and ast.unparse(od.check) == ast.unparse(decl.check)
            )
            if (always is not None and always[0] and od.guard is None) or same:
                why = "always passes" if not same else "has the same check"
                out.append(
                    LintFinding(
                        "GR305",
                        f"rule {decl.id} (priority {r.priority:g}) can never decide: "
                        f"rule {od.id} (priority {other.priority:g}) {why}",
                        src,
                        decl.span.line,
                        decl.span.column,
                        decl.id,
                    )
                )
                break
    return out


def _missing_fixes(rs: RuleSet, src: str) -> list[LintFinding]:
    decls = [r._decl for r in rs.rules if r.criterion and r._decl is not None]
    if not any(d.fix is not None for d in decls):
        return []
    return [
        LintFinding(
            "GR308",
            f"rule {d.id} says what is wrong but gives no fix, where the "
            'other rules of the ruleset do: add `fix "..."`',
            src,
            d.span.line,
            d.span.column,
            d.id,
        )
        for d in decls
        if d.fix is None and (d.says is not None or d.fail_msg is not None)
    ]


# -- suppressions --------------------------------------------------------------------

_IGNORE = re.compile(r"#\s*lint:\s*ignore(-file)?\[([^\]]*)\]")


def _codes_in(text: str) -> set[str]:
    out = set()
    for word in text.split(","):
        w = word.strip()
        out.add(_BY_NAME.get(w, w.upper()))
    return out


def suppress(findings: Sequence[LintFinding], text: str) -> list[LintFinding]:
    """``findings`` without those a ``# lint: ignore[...]`` comment silences."""
    lines = text.split("\n")
    by_line: dict[int, set[str]] = {}
    whole: set[str] = set()
    for n, line in enumerate(lines, start=1):
        for m in _IGNORE.finditer(line):
            if m[1]:
                whole |= _codes_in(m[2])
            else:
                by_line.setdefault(n, set()).update(_codes_in(m[2]))
    starts = sorted(
        n
        for n, line in enumerate(lines, start=1)
        if line.lstrip().startswith(("rule ", "param ", "fact "))
    )
    out = []
    for f in findings:
        if f.code in whole:
            continue
        if f.line is not None:
            end = next((s for s in starts if s > f.line), len(lines) + 1)
            span = range(f.line - 1, end)
            if any(f.code in by_line.get(n, ()) for n in span):
                continue
        out.append(f)
    return out


# -- files ---------------------------------------------------------------------------


def lint_file(path: str | Path, *, sample: int = 0) -> list[LintFinding]:
    """Lint one rule file or decision table (raises its compile errors); ``sample``
    inputs drawn by the invariants engine look for checks that never vary (GR309)."""
    from goalrules.io.files import read_text

    p = Path(path)
    if p.name.endswith((".csv", ".xlsx")):
        from goalrules.engine.decision_table import load_table

        table = load_table(p)
        text = read_text(p) if p.name.endswith(".csv") else ""
        found = [
            LintFinding(pr.code, pr.message, table.source, pr.line, None, None)
            for pr in table.analyse()
        ]
        return suppress(sorted(found, key=lambda f: (f.line or 0, f.code)), text)
    from goalrules.engine.load import load_rules

    text = read_text(p)
    rs = load_rules(text, source=str(p))
    found = lint_ruleset(rs, text=text)
    if sample:
        from goalrules.engine.lint_sample import sample_findings

        found = sorted(found + suppress(sample_findings(rs, examples=sample), text),
                       key=lambda f: (f.line or 0, f.code))  # fmt: skip
    return found


def lint_paths(
    paths: Iterable[str | Path],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    sample: int = 0,
) -> LintRun:
    """Lint the rule files and decision tables at ``paths`` (folders searched)."""
    from goalrules.errors import WorkspaceError

    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(
                f
                for f in p.rglob("*")
                if f.name.endswith((".rules", ".table.csv", ".xlsx"))
                and not f.name.endswith(".test.rules")
            )
        elif p.exists():
            files.append(p)
        else:
            raise WorkspaceError("no such file or folder", source=str(p))
    chosen = {_BY_NAME.get(c, c.upper()) for c in select}
    dropped = {_BY_NAME.get(c, c.upper()) for c in ignore}
    found: list[LintFinding] = []
    errors: list[GoalRulesError] = []
    for f in files:
        try:
            found += lint_file(f, sample=sample)
        except GoalRulesErrors as group:
            errors += group.errors
        except GoalRulesError as exc:
            errors.append(exc)
    kept = [f for f in found if (not chosen or f.code in chosen) and f.code not in dropped]
    return LintRun(tuple(kept), tuple(str(f) for f in files), tuple(errors))
