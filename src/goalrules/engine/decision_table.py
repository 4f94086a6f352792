"""Decision tables: rules written as rows of a table (CSV), with a hit policy, as in DMN.

A table file (``NAME.table.csv``)::

    # Platform fit: which network suits which objective.
    # hit: first
    goal.channel, goal.objective, => fits
    "youtube", in ["brand_awareness", "engagement"], true
    "youtube", -, false

- Lines starting with ``#`` are comments, except the directives ``# hit: POLICY``
  (``first``, the default; ``unique``: at most one row may match; ``priority``: the
  matching row whose first output ranks highest in ``# priority: a, b, c``; ``collect``:
  every matching row), ``# name: NAME`` and ``# fact NAME: TYPE`` (a fact the inputs
  read, declared as in a rule file).
- The header names the inputs (expressions over facts) and the outputs (``=> NAME``).
- An input cell is a condition on its column: ``-`` (or empty) matches anything; a cell
  that starts with an operator (``>= 1,000 visits``, ``in ["a", "b"]``, ``is set``)
  applies it; any other cell is a value the input must equal (a bare word is text).
  An output cell is a value: a number with its unit, text, a date, true or false.

Each row compiles to a rule (``row1``, ``row2``...) with the same checker as rule files,
so a unit that does not fit is an error at the row's line and the cell's column, and a
result is explained like any rule: which rows matched, and what each looked at.
:meth:`DecisionTable.problems` reports rows that overlap under ``unique`` and inputs no
row covers.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.parser import parse_expression
from goalrules.engine.compile import compile_text
from goalrules.engine.results import Outcome, Report
from goalrules.engine.ruleset import RuleSet
from goalrules.errors import DataError, GoalRulesError, GoalRulesErrors, RuleSyntaxError

Date = _dt.date
__all__ = ["DecisionTable", "TableResult", "load_table"]

HIT_POLICIES = ("first", "unique", "priority", "collect")
_OPERATORS = ("<=", ">=", "==", "!=", "<", ">", "in ", "not in ", "is ")


@attrs.frozen
class Row:
    line: int
    cells: tuple[str, ...]  # the input cells as written
    columns: tuple[int, ...]  # each input cell's column in the file (1-based)
    outputs: tuple[Any, ...]
    places: tuple[tuple[int, int, int], ...] = ()  # conditions in the generated rule


@attrs.frozen
class TableResult:
    """What a table gave for one set of facts."""

    outputs: tuple[dict[str, Any], ...]  # one per hit row, in the policy's order
    rows: tuple[int, ...]  # the hit rows (1-based, in the table's order)
    report: Report = attrs.field(repr=False)

    @property
    def value(self) -> dict[str, Any] | None:
        """The first (for ``collect``, the first of the) outputs, or ``None``."""
        return self.outputs[0] if self.outputs else None

    def explain(self) -> str:
        return self.report.explain()


@attrs.frozen
class DecisionTable:
    """A decision table compiled to rules."""

    name: str
    hit: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    rows: tuple[Row, ...]
    ruleset: RuleSet = attrs.field(repr=False)
    source: str = "<table>"
    priority: tuple[Any, ...] = ()

    def evaluate(self, facts: Mapping[str, Any] | None = None, *, today: Date | None = None,
                 **kw: Any) -> TableResult:  # fmt: skip
        """The outputs of the rows that match ``facts``, by the hit policy."""
        report = self.ruleset.evaluate({**(facts or {}), **kw}, today=today)
        hits = [i for i, f in enumerate(report.findings, start=1) if f.outcome is Outcome.PASS]
        if self.hit == "first":
            hits = hits[:1]
        elif self.hit == "unique" and len(hits) > 1:
            lines = ", ".join(str(self.rows[i - 1].line) for i in hits)
            raise DataError(f"rows on lines {lines} all match, but the hit policy is unique",
                            source=self.source)  # fmt: skip
        elif self.hit == "priority" and hits:
            rank = {v: i for i, v in enumerate(self.priority)}
            hits = [min(hits, key=lambda i: rank.get(self.rows[i - 1].outputs[0], len(rank)))]
        outputs = tuple(
            dict(zip(self.outputs, self.rows[i - 1].outputs, strict=True)) for i in hits
        )
        return TableResult(outputs, tuple(hits), report)

    def problems(self) -> list[str]:
        """Rows that overlap (under ``unique``) and inputs no row covers."""
        out = []
        conditions = [[_condition(c) for c in row.cells] for row in self.rows]
        if self.hit == "unique":
            for (i, a), (j, b) in itertools.combinations(enumerate(conditions), 2):
                if all(_overlap(x, y) for x, y in zip(a, b, strict=True)):
                    out.append(f"{self.source}: rows on lines {self.rows[i].line} and "
                               f"{self.rows[j].line} overlap: both match "
                               f"{_example(a, b, self.inputs)}")  # fmt: skip
        out += self._gaps(conditions)
        return out

    def _gaps(self, conditions: list[list[Any]]) -> list[str]:
        domains: list[list[Any]] = []
        for k, name in enumerate(self.inputs):
            values = _domain(name)
            for row in conditions:
                c = row[k]
                if c[0] == "eq":
                    values.append(c[1])
                elif c[0] == "in":
                    values += list(c[1])
                elif c[0] not in ("any",):
                    return []  # a condition that is not a value: no enumeration
            domains.append(list(dict.fromkeys(values)) or ["(any)"])
        total = 1
        for d in domains:
            total *= len(d)
        if total > 20_000:
            return []
        missing = [
            combo
            for combo in itertools.product(*domains)
            if not any(all(_covers(c, v) for c, v in zip(row, combo, strict=True))
                       for row in conditions)
        ]  # fmt: skip
        if not missing:
            return []
        # a first input's value none of whose combinations is covered is said once
        rest = 1
        for d in domains[1:]:
            rest *= len(d)
        by_first: dict[Any, int] = {}
        for combo in missing:
            by_first[combo[0]] = by_first.get(combo[0], 0) + 1
        whole = [v for v, k in by_first.items() if k == rest and len(self.inputs) > 1]
        partial = [
            ", ".join(f"{n} = {v!r}" for n, v in zip(self.inputs, combo, strict=True))
            for combo in missing
            if combo[0] not in whole
        ]
        said: list[str] = []
        if partial:
            more = f"; and {len(partial) - 6} more" if len(partial) > 6 else ""
            said.append("; ".join(partial[:6]) + more)
        if whole:
            listed = ", ".join(repr(v) for v in whole)
            said.append(f"{self.inputs[0]} = {listed} (with any {', '.join(self.inputs[1:])})")
        shown = "; ".join(said)
        return [f"{self.source}: no row covers {shown}"]


def _domain(name: str) -> list[Any]:
    """The known values of an input: objectives, networks."""
    last = name.rsplit(".", 1)[-1]
    if last in ("objective", "role"):
        from goalrules.vocabulary import Objective

        return [o.value for o in Objective]
    if last in ("channel", "network"):
        from goalrules.vocabulary import KNOWN_CHANNELS

        return [c for c in KNOWN_CHANNELS if c != "all"]
    return []


def _condition(cell: str) -> tuple[str, Any]:
    """A cell as ("any",), ("eq", value), ("in", values) or ("other", text)."""
    text = cell.strip()
    if text in ("", "-"):
        return ("any", None)
    if text.startswith(_OPERATORS):
        if text.startswith("in ") and text[3:].strip().startswith("["):
            try:
                node = parse_expression(text[3:].strip())
            except GoalRulesError:
                return ("other", text)
            if isinstance(node, ast.ListLit) and all(isinstance(i, ast.Str) for i in node.items):
                return ("in", tuple(i.value for i in node.items))  # type: ignore[union-attr]
        return ("other", text)
    try:
        node = _literal_node(text)
    except GoalRulesError:
        return ("other", text)
    return ("eq", node.value) if isinstance(node, (ast.Str, ast.Bool)) else ("other", text)


def _overlap(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    if a[0] == "any" or b[0] == "any":
        return True
    if a[0] == "eq" and b[0] == "eq":
        return bool(a[1] == b[1])
    if {a[0], b[0]} == {"eq", "in"}:
        value, values = (a[1], b[1]) if a[0] == "eq" else (b[1], a[1])
        return value in values
    if a[0] == "in" and b[0] == "in":
        return bool(set(a[1]) & set(b[1]))
    return True  # conditions it cannot compare are taken to overlap (said in the message)


def _covers(c: tuple[str, Any], value: Any) -> bool:
    if c[0] == "any":
        return True
    if c[0] == "eq":
        return bool(c[1] == value)
    if c[0] == "in":
        return value in c[1]
    return True


def _example(a: list[Any], b: list[Any], inputs: Sequence[str]) -> str:
    parts = []
    for name, x, y in zip(inputs, a, b, strict=True):
        if x[0] == "eq":
            parts.append(f"{name} = {x[1]!r}")
        elif y[0] == "eq":
            parts.append(f"{name} = {y[1]!r}")
        elif x[0] == "other" or y[0] == "other":
            parts.append(f"{name} where both conditions hold")
    return ", ".join(parts) or "any input"


def _literal_node(text: str) -> ast.Expr:
    node = parse_expression(text)
    if isinstance(node, ast.Name):  # a bare word is text
        return ast.Str(node.name)
    return node


def _value(text: str) -> Any:
    from goalrules.engine.rule_tests import literal_value as literal

    return literal(_literal_node(text), Date.today())


def _cell_error(exc: GoalRulesError, source: str, line: int, column: int) -> GoalRulesError:
    return RuleSyntaxError(f"{exc.message}", source=source, line=line, column=column)


def load_table(path_or_text: str | Path, *, source: str | None = None) -> DecisionTable:
    """A decision table from a ``.table.csv`` file or its text."""
    if isinstance(path_or_text, Path) or (
        "\n" not in str(path_or_text) and str(path_or_text).endswith(".csv")
    ):
        from goalrules.io.files import read_text

        text = read_text(path_or_text)
        src = source or str(path_or_text)
    else:
        text, src = str(path_or_text), source or "<table>"
    stem = re.sub(r"\W+", "_", Path(src).name.split(".")[0]).strip("_")
    name = stem if stem and stem[0].isalpha() else "table"
    hit, priority = "first", ()
    facts: list[tuple[int, str]] = []
    rows: list[tuple[int, list[str], list[int]]] = []
    lines = text.split("\n")
    for n, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            body = stripped[1:].strip()
            key, _, value = body.partition(":")
            if key.strip() == "hit":
                hit = value.strip()
                if hit not in HIT_POLICIES:
                    policies = ", ".join(HIT_POLICIES)
                    raise RuleSyntaxError(
                        f"unknown hit policy {hit!r}; use {policies}", source=src, line=n
                    )
            elif key.strip() == "name":
                name = value.strip()
            elif key.strip() == "priority":
                priority = tuple(_value(v.strip()) for v in value.split(",") if v.strip())
            elif body.startswith("fact "):
                facts.append((n, body))
            continue
        split = _split_cells(raw)
        cells, starts = [c for c, _ in split], [col for _, col in split]
        rows.append((n, cells, starts))
    if not rows:
        raise RuleSyntaxError("the table has no header", source=src)
    header_line, header, _ = rows[0]
    inputs = [h for h in header if not h.startswith("=>")]
    outputs = [h[2:].strip() for h in header if h.startswith("=>")]
    if not outputs or not inputs:
        raise RuleSyntaxError("the header needs inputs and at least one '=> output' column",
                              source=src, line=header_line)  # fmt: skip
    if hit == "priority" and not priority:
        raise RuleSyntaxError("hit: priority needs '# priority: a, b, c' (highest first)",
                              source=src, line=header_line)  # fmt: skip
    errors: list[GoalRulesError] = []
    parsed_rows: list[Row] = []
    # the generated rules sit on the table's own lines, so that errors and explanations
    # name the row's line
    rule_lines = [""] * (len(lines) + 1)
    rule_lines[header_line - 1] = f"ruleset {name}"
    for n, body in facts:
        rule_lines[n - 1] = body
    for n, cells, starts in rows[1:]:
        if len(cells) != len(header):
            errors.append(DataError(f"the row has {len(cells)} cells, the header {len(header)}",
                                    source=src, line=n))  # fmt: skip
            continue
        conds: list[str] = []
        places: list[tuple[int, int, int]] = []  # (offset in the rule line, length, column)
        head = f"rule row{len(parsed_rows) + 1} check "
        for k, (cell, inp) in enumerate(zip(cells, inputs, strict=False)):
            if cell in ("", "-"):
                continue
            cond = (
                f"{inp} {cell}" if cell.startswith(_OPERATORS) else f"{inp} == {_as_literal(cell)}"
            )
            try:
                parse_expression(cond)
            except GoalRulesError as exc:
                errors.append(_cell_error(exc, src, n, starts[k]))
                continue
            offset = len(head) + sum(len(c) + 5 for c in conds)
            places.append((offset, len(cond) + 2, starts[k]))
            conds.append(f"({cond})")
        outs = []
        for k, cell in enumerate(cells[len(inputs) :], start=len(inputs)):
            try:
                outs.append(_value(cell))
            except GoalRulesError as exc:
                errors.append(_cell_error(exc, src, n, starts[k]))
        parsed_rows.append(Row(n, tuple(cells[: len(inputs)]), tuple(starts[: len(inputs)]),
                               tuple(outs), tuple(places)))  # fmt: skip
        rule_lines[n - 1] = f"rule row{len(parsed_rows)} check {' and '.join(conds) or 'true'}"
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=src)
    try:
        ruleset = compile_text("\n".join(rule_lines), source=src)
    except GoalRulesErrors as group:
        raise GoalRulesErrors([_placed(e, parsed_rows, src) for e in group.errors],
                              source=src) from None  # fmt: skip
    except GoalRulesError as exc:
        raise _placed(exc, parsed_rows, src) from None
    return DecisionTable(name, hit, tuple(inputs), tuple(outputs), tuple(parsed_rows), ruleset,
                         src, priority)  # fmt: skip


def _thousands(raw: str, i: int) -> bool:
    """Whether the comma at ``i`` groups digits ("1,000 visits"), not cells."""
    return (
        i > 0 and raw[i - 1].isdigit() and len(raw) >= i + 4 and raw[i + 1 : i + 4].isdigit()
        and (len(raw) == i + 4 or not raw[i + 4].isdigit())
    )  # fmt: skip


def _split_cells(raw: str) -> list[tuple[str, int]]:
    """A CSV line's cells with their 1-based columns: commas inside quotes or brackets
    (``in ["a", "b"]``) or between digits ("1,000") do not split."""
    cells: list[tuple[str, int]] = []
    depth, quoted, start = 0, False, 0
    for i, c in enumerate(raw + ","):
        if quoted:
            if c == "\\":
                continue
            quoted = c != '"'
        elif c == '"':
            quoted = True
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth <= 0 and not _thousands(raw, i):
            text = raw[start:i]
            lead = len(text) - len(text.lstrip())
            cells.append((text.strip(), start + lead + 1))
            start = i + 1
    return cells


def _as_literal(cell: str) -> str:
    """A value cell as rule text: a bare word becomes a text literal."""
    try:
        node = parse_expression(cell)
    except GoalRulesError:
        return cell
    return ast.unparse(ast.Str(node.name)) if isinstance(node, ast.Name) else cell


def _placed(exc: GoalRulesError, rows: Sequence[Row], source: str) -> GoalRulesError:
    """A compile error of a generated rule, moved to the cell it came from."""
    row = next((r for r in rows if r.line == exc.line), None)
    if row is None:
        return exc
    at = (exc.column or 1) - 1
    column = next((col for off, length, col in row.places if off <= at < off + length),
                  row.columns[0] if row.columns else None)  # fmt: skip
    return type(exc)(exc.message, source=source, line=row.line, column=column)
