"""Decision tables: rules written as rows of a table (CSV or Excel), with a hit policy,
as in DMN.

A table file (``NAME.table.csv``, or the first sheet of ``NAME.xlsx``)::

    # Platform fit: which network suits which objective.
    # hit: first
    goal.channel, goal.objective, => fits
    "youtube", in ["brand_awareness", "engagement"], true
    "youtube", -, false

- Lines starting with ``#`` are comments, except the directives ``# hit: POLICY``,
  ``# name: NAME``, ``# priority: a, b, c`` and ``# fact NAME: TYPE`` (a fact the inputs
  read, declared as in a rule file). The hit policies: ``first`` (the default: the first
  matching row), ``unique`` (at most one row may match), ``any`` (rows that match
  together must give the same outputs), ``priority`` (the matching row whose first
  output ranks highest in ``# priority``), ``rule order`` and ``collect`` (every
  matching row, in the table's order), and ``collect sum``, ``collect count``,
  ``collect min``, ``collect max`` (the matching rows' first output, aggregated).
- The header names the inputs (expressions over facts) and the outputs (``=> NAME``).
- An input cell is a condition on its column: ``-`` (or empty) matches anything; a cell
  that starts with an operator (``>= 1,000 visits``, ``in ["a", "b"]``, ``is set``)
  applies it; ``[100 visits..1,000 visits)`` is a range (``[`` ``]`` include the bound,
  ``(`` ``)`` leave it out); any other cell is a value the input must equal (a bare word
  is text). An output cell is a value: a number with its unit, text, a date, true or false.
- A row that cannot tell whether it matches (a fact is missing) and whose match would
  change the answer leaves the result undecided (:attr:`TableResult.decided`).

Each row compiles to a rule (``row1``, ``row2``...) with the same checker as rule files,
so a unit that does not fit is an error at the row's line and the cell's column, and a
result is explained like any rule. :meth:`DecisionTable.analyse` finds gaps, overlaps,
shadowed and unreachable rows (:mod:`goalrules.engine.table_analysis`); its split of the
table is also the index a lookup walks instead of trying every row.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.parser import parse_file
from goalrules.engine import table_analysis as ta
from goalrules.engine.compile import check_file, compile_file
from goalrules.engine.results import _CODES, _PASS, _UNKNOWN, Outcome, Report
from goalrules.engine.ruleset import RuleSet
from goalrules.engine.table_cells import cell_literal, condition
from goalrules.errors import DataError, GoalRulesError, GoalRulesErrors, RuleSyntaxError
from goalrules.numbers import format_count

Date = _dt.date
__all__ = ["DecisionTable", "TableResult", "load_table"]

HIT_POLICIES = ("first", "unique", "any", "priority", "rule order", "collect",
                "collect sum", "collect count", "collect min", "collect max")  # fmt: skip
_OPERATORS = ("<=", ">=", "==", "!=", "<", ">", "in ", "not in ", "is ")
_CODE_OF = {o: code for code, o in enumerate(_CODES)}  # an outcome's code


@attrs.frozen
class Row:
    line: int
    cells: tuple[str, ...]  # the input cells as written
    columns: tuple[int, ...]  # each input cell's column in the file (1-based)
    outputs: tuple[Any, ...]
    places: tuple[tuple[int, int, int], ...] = ()  # conditions in the generated rule
    output_cells: tuple[str, ...] = ()  # the output cells as written


@attrs.frozen
class TableResult:
    """What a table gave for one set of facts."""

    outputs: tuple[dict[str, Any], ...]  # one per hit row, in the policy's order
    rows: tuple[int, ...]  # the hit rows (1-based, in the table's order)
    report: Report = attrs.field(repr=False)
    #: rows that cannot tell whether they match (a fact they read is missing) and
    #: whose match would change the answer: then nothing is decided (no outputs)
    unknown: tuple[int, ...] = ()

    @property
    def decided(self) -> bool:
        """Whether the facts decide the table's answer (no row it depends on is
        unknown)."""
        return not self.unknown

    @property
    def value(self) -> dict[str, Any] | None:
        """The first (for ``collect``, the first of the) outputs, or ``None`` (nothing
        matched, or nothing is decided: see :attr:`decided`)."""
        return self.outputs[0] if self.outputs else None

    def explain(self) -> str:
        return self.report.explain()


@attrs.define
class _Index:
    """The analysis of a table, kept to look rows up (built on first use)."""

    analysis: ta.Analysis | None
    inputs: list[Any]  # the compiled input expressions
    problems: list[ta.TableProblem]


@attrs.frozen
class DecisionTable:
    """A decision table compiled to rules."""

    name: str
    hit: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    rows: tuple[Row, ...]
    rule_file: ast.RuleFile = attrs.field(repr=False)
    source: str = "<table>"
    priority: tuple[Any, ...] = ()
    facts: tuple[str, ...] = ()  # the ``# fact`` directives as written
    text: str = attrs.field(default="", repr=False)  # the rules generated from the rows
    fact_types: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def ruleset(self) -> RuleSet:
        """The rows as rules (``row1``, ``row2``...), compiled on first use: a lookup
        through the index compiles only the rows it hits."""
        rs: RuleSet | None = self._cache.get("ruleset")
        if rs is None:
            rs = compile_file(self.rule_file, source=self.source, text=self.text)
            self._cache["ruleset"] = rs
        return rs

    def _row_rules(self, row: int) -> RuleSet:
        rules: dict[int, RuleSet] = self._cache.setdefault("single", {})
        single = rules.get(row)
        if single is None:
            full: RuleSet | None = self._cache.get("ruleset")
            if full is not None:
                single = attrs.evolve(full, rules=(full.rules[row],), origin=None)
            else:
                one = attrs.evolve(self.rule_file, rules=(self.rule_file.rules[row],))
                single = compile_file(one, source=self.source, text=self.text)
            rules[row] = single
        return single

    # -- evaluation ------------------------------------------------------------------
    def evaluate(self, facts: Mapping[str, Any] | None = None, *, today: Date | None = None,
                 **kw: Any) -> TableResult:  # fmt: skip
        """The outputs of the rows that match ``facts``, by the hit policy. Under
        ``first``, ``unique``, ``any`` and ``priority`` the table's index finds the row
        (only that row's rule is evaluated and explained); a value the index does not
        hold (missing, or a value no row names) tries every row."""
        env = {**(facts or {}), **kw}
        if self.hit in ("first", "unique", "any", "priority"):
            found = self._indexed(env, today)
            if found is not None:
                return found
        report = self.ruleset.evaluate(env, today=today)
        if report.given is None:  # outcome codes: no finding is built to read them
            codes = list(report.codes)
        else:
            codes = [_CODE_OF[f.outcome] for f in report.findings]
        hits = [i for i, c in enumerate(codes, start=1) if c == _PASS]
        unknown = self._deciding_unknowns(
            hits, [i for i, c in enumerate(codes, start=1) if c == _UNKNOWN]
        )
        if unknown:
            return TableResult((), (), report, unknown)
        return self._result(hits, report)

    def _deciding_unknowns(self, hits: list[int], unknown: list[int]) -> tuple[int, ...]:
        """The rows (1-based) whose unknown match could change the answer: under
        ``first``, one before the first matching row; under ``priority``, one that could
        outrank it; under ``unique``, any (it would be the answer, or a second match);
        under ``any``, one with other outputs than the matching rows'; under ``rule
        order`` and ``collect``, any (the list, or the aggregate, would differ)."""
        if not unknown:
            return ()
        if self.hit == "first":
            return tuple(i for i in unknown if not hits or i < hits[0])
        if self.hit == "priority":
            rank = {v: k for k, v in enumerate(self.priority)}

            def key(i: int) -> tuple[int, int]:
                return (rank.get(self.rows[i - 1].outputs[0], len(rank)), i)

            best = min((key(i) for i in hits), default=None)
            return tuple(i for i in unknown if best is None or key(i) < best)
        if self.hit == "any" and hits:
            outs = {self.rows[i - 1].outputs for i in hits}
            return tuple(i for i in unknown if {self.rows[i - 1].outputs} != outs)
        return tuple(unknown)

    def _result(self, hits: list[int], report: Report) -> TableResult:
        if self.hit == "first":
            hits = hits[:1]
        elif self.hit in ("unique", "any") and len(hits) > 1:
            outs = {self.rows[i - 1].outputs for i in hits}
            if self.hit == "unique" or len(outs) > 1:
                lines = ", ".join(str(self.rows[i - 1].line) for i in hits)
                why = "" if self.hit == "unique" else " with different outputs"
                raise DataError(f"rows on lines {lines} all match{why}, but the hit policy "
                                f"is {self.hit}", source=self.source)  # fmt: skip
            hits = hits[:1]
        elif self.hit == "priority" and hits:
            rank = {v: i for i, v in enumerate(self.priority)}
            hits = [min(hits, key=lambda i: rank.get(self.rows[i - 1].outputs[0], len(rank)))]
        if self.hit.startswith("collect "):
            return TableResult((self._aggregate(hits),), tuple(hits), report)
        outputs = tuple(
            dict(zip(self.outputs, self.rows[i - 1].outputs, strict=True)) for i in hits
        )
        return TableResult(outputs, tuple(hits), report)

    def _aggregate(self, hits: list[int]) -> dict[str, Any]:
        how = self.hit.split(" ", 1)[1]
        name = self.outputs[0]
        if how == "count":
            return {name: len(hits)}
        values = [self.rows[i - 1].outputs[0] for i in hits]
        values = [v for v in values if v is not None]
        if not values:  # nothing matched: missing, not 0
            return {name: None}
        try:
            if how == "sum":
                total = values[0]
                for v in values[1:]:
                    total = total + v
                return {name: total}
            return {name: min(values) if how == "min" else max(values)}
        except Exception as exc:
            raise DataError(f"cannot {how} the outputs {name!r} of rows "
                            f"{', '.join(str(self.rows[i - 1].line) for i in hits)}: {exc}",
                            source=self.source) from None  # fmt: skip

    def _index(self) -> _Index:
        index: _Index | None = self._cache.get("index")
        if index is None:
            index = self._build_index()
            self._cache["index"] = index
        return index

    def _indexed(self, env: Mapping[str, Any], today: Date | None) -> TableResult | None:
        index = self._index()
        if index.analysis is None:
            return None
        values = []
        for fn in index.inputs:
            try:
                v = fn(env, today)
            except GoalRulesError:
                return None
            if v is None:
                return None
            values.append(v)
        leaf = index.analysis.lookup(values)
        if leaf is None or leaf.winner is None or (leaf.count > 1 and self.hit != "first"
                                                   and self.hit != "priority"):  # fmt: skip
            return None
        row = leaf.winner
        report = self._row_rules(row).evaluate(env, today=today)
        if report.findings[0].outcome is not Outcome.PASS:
            return None  # the index and the rule disagree: try every row
        outputs = (dict(zip(self.outputs, self.rows[row].outputs, strict=True)),)
        return TableResult(outputs, (row + 1,), report)

    # -- analysis --------------------------------------------------------------------
    def _build_index(self) -> _Index:
        from goalrules.engine.expression import compile_expression

        problems: list[ta.TableProblem] = []
        fns, norms = [], []
        for inp in self.inputs:
            try:
                fn = compile_expression(inp, self.fact_types)
            except GoalRulesError:
                return _Index(None, [], [self._unchecked(f"input {inp} cannot be read alone")])
            fns.append(fn)
            norms.append(ta.normaliser(fn.type))  # type: ignore[attr-defined]
        conds: list[list[ta.Cond]] = []
        shown: list[dict[Any, str]] = [{} for _ in self.inputs]
        unread: list[str] = []
        for row in self.rows:
            row_conds = []
            for k, cell in enumerate(row.cells):
                c = ta.parse_condition(cell, norms[k])
                if c is None:
                    unread.append(f"line {row.line} column {self.inputs[k]}: {cell!r}")
                    c = ("any",)
                else:
                    ta.remember(c, cell, shown[k])
                row_conds.append(c)
            conds.append(row_conds)
        if unread:
            listed = "; ".join(unread[:4]) + (f"; and {len(unread) - 4} more"
                                              if len(unread) > 4 else "")  # fmt: skip
            return _Index(None, fns, [self._unchecked(
                f"cells the analysis cannot read ({listed}): gaps, overlaps and shadowed "
                "rows are not checked")])  # fmt: skip
        domains = [ta.domain(name) for name in self.inputs]
        columns = ta.build_columns(self.inputs, conds, domains, shown)
        if isinstance(columns, str):
            return _Index(None, fns, [self._unchecked(columns)])
        boxes = [[ta._ranges(col, c) for col, c in zip(columns, row, strict=True)]
                 for row in conds]  # fmt: skip
        if self.hit == "priority":
            rank_of = {v: i for i, v in enumerate(self.priority)}
            rank = [float(rank_of.get(r.outputs[0], len(rank_of))) * 1e9 + i
                    for i, r in enumerate(self.rows)]  # fmt: skip
        else:
            rank = [float(i) for i in range(len(self.rows))]
        classes: list[int] | None = None
        if self.hit == "unique":
            classes = list(range(len(self.rows)))
        elif self.hit == "any":
            ids: dict[Any, int] = {}
            classes = [ids.setdefault(r.outputs, len(ids)) for r in self.rows]
        try:
            analysis = ta.analyse_table(columns, boxes, rank, classes=classes)
        except ta.TooManyRegions:
            why = f"the rows split the inputs into more than {ta.MAX_REGIONS:,} regions"
            return _Index(None, fns, [self._unchecked(why)])
        problems += self._findings(analysis, boxes)
        return _Index(analysis, fns, problems)

    def _unchecked(self, why: str) -> ta.TableProblem:
        return ta.TableProblem("GR315", f"{self.source}: not checked: {why}")

    def _findings(self, analysis: ta.Analysis, boxes: list[ta.Box]) -> list[ta.TableProblem]:
        out: list[ta.TableProblem] = []
        cols = analysis.columns
        for (a, b), path in sorted(analysis.overlaps.items()):
            ra, rb = self.rows[a], self.rows[b]
            out.append(ta.TableProblem("GR312", f"{self.source}: rows on lines {ra.line} and "
                                       f"{rb.line} overlap: both match "
                                       f"{ta.region_text(cols, path)}", rb.line))  # fmt: skip
        if self.hit in ("first", "priority"):
            budget = 2_000_000  # containment tests before naming "earlier rows" in general
            for r, row in enumerate(self.rows):
                if r in analysis.reached:
                    continue
                if not all(boxes[r]):
                    out.append(ta.TableProblem("GR314", f"{self.source}: the row on line "
                                               f"{row.line} can never match: its conditions "
                                               "contradict", row.line))  # fmt: skip
                    continue
                by = None
                candidates = range(r) if self.hit == "first" else range(len(self.rows))
                for s in candidates:
                    budget -= 1
                    if budget < 0:
                        break
                    if s != r and s in analysis.reached and ta.contains(boxes[s], boxes[r]):
                        by = s
                        break
                if by is not None:
                    out.append(ta.TableProblem("GR313", f"{self.source}: the row on line "
                                               f"{row.line} is never used: the row on line "
                                               f"{self.rows[by].line} matches everything it "
                                               "matches", row.line))  # fmt: skip
                else:
                    out.append(ta.TableProblem("GR314", f"{self.source}: the row on line "
                                               f"{row.line} is never used: earlier rows "
                                               "together match everything it matches",
                                               row.line))  # fmt: skip
        else:
            for r, row in enumerate(self.rows):
                if not all(boxes[r]):
                    out.append(ta.TableProblem("GR314", f"{self.source}: the row on line "
                                               f"{row.line} can never match: its conditions "
                                               "contradict", row.line))  # fmt: skip
        for path in analysis.gaps:
            out.append(ta.TableProblem("GR311", f"{self.source}: no row covers "
                                       f"{ta.region_text(cols, path)}"))  # fmt: skip
        return out

    def analyse(self) -> list[ta.TableProblem]:
        """Every problem of the table, with its lint code: gaps (``GR311``), overlaps
        under ``unique`` or ``any`` (``GR312``), rows an earlier row hides under
        ``first`` or ``priority`` (``GR313``), rows no input reaches (``GR314``), and
        what could not be checked (``GR315``)."""
        return list(self._index().problems)

    def problems(self) -> list[str]:
        """:meth:`analyse` in words."""
        return [p.message for p in self.analyse()]

    # -- writing ---------------------------------------------------------------------
    def grid(self) -> list[list[str]]:
        """The table as rows of cells: directives, the header, the rows (as written)."""
        out = [[f"# hit: {self.hit}"], [f"# name: {self.name}"]]
        if self.priority:
            out.append([f"# priority: {', '.join(_literal_text(v) for v in self.priority)}"])
        out += [[f"# {fact}"] for fact in self.facts]
        out.append([*self.inputs, *(f"=> {o}" for o in self.outputs)])
        out += [[*r.cells, *r.output_cells] for r in self.rows]
        return out

    def to_csv(self) -> str:
        """The table as ``.table.csv`` text (:func:`load_table` reads it back)."""
        lines = []
        for cells in self.grid():
            lines.append(
                cells[0] if cells[0].startswith("#") else ", ".join(c or "-" for c in cells)
            )
        return "\n".join(lines) + "\n"

    def write(self, path: str | Path) -> Path:
        """Write the table to ``path``: ``.xlsx`` (needs openpyxl) or ``.table.csv``."""
        p = Path(path)
        if p.suffix == ".xlsx":
            from goalrules.engine.table_files import write_xlsx

            write_xlsx(self.grid(), p)
        else:
            p.write_text(self.to_csv(), encoding="utf-8")
        return p


def _literal_text(v: Any) -> str:
    if isinstance(v, str):
        return v if re.fullmatch(r"[A-Za-z_]\w*", v) else ast.unparse(ast.Str(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _literal_node(text: str) -> ast.Expr:
    node = cell_literal(text)
    if isinstance(node, ast.Name):  # a bare word is text
        return ast.Str(node.name)
    return node


def _value(text: str) -> Any:
    from goalrules.engine.rule_tests import literal_value as literal

    return literal(_literal_node(text), Date.today())


def _cell_error(exc: GoalRulesError, source: str, line: int, column: int) -> GoalRulesError:
    return RuleSyntaxError(f"{exc.message}", source=source, line=line, column=column)


Item = tuple[int, str | None, list[str], list[int]]  # line, comment body or None, cells, columns


def _csv_items(text: str, source: str) -> list[Item]:
    items: list[Item] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            items.append((n, stripped[1:].strip(), [], []))
            continue
        try:
            split = _split_cells(raw)
        except GoalRulesError as exc:
            raise exc.with_location(source=source, line=n) from None
        items.append((n, None, [c for c, _ in split], [col for _, col in split]))
    return items


def load_table(path_or_text: str | Path, *, source: str | None = None) -> DecisionTable:
    """A decision table from a ``.table.csv`` or ``.xlsx`` file, or a table's text."""
    is_path = isinstance(path_or_text, Path) or (
        "\n" not in str(path_or_text) and str(path_or_text).endswith((".csv", ".xlsx"))
    )
    if is_path and str(path_or_text).endswith(".xlsx"):
        from goalrules.engine.table_files import xlsx_items

        items = xlsx_items(Path(path_or_text))
        src = source or str(path_or_text)
    elif is_path:
        from goalrules.io.files import read_text

        src = source or str(path_or_text)
        items = _csv_items(read_text(path_or_text), src)
    else:
        src = source or "<table>"
        items = _csv_items(str(path_or_text), src)
    return table_from_items(items, src)


def table_from_items(items: Sequence[Item], src: str) -> DecisionTable:
    """A decision table from its lines: comments and directives, the header, the rows."""
    stem = re.sub(r"\W+", "_", Path(src).name.split(".")[0]).strip("_")
    name = stem if stem and stem[0].isalpha() else "table"
    hit, priority = "first", ()
    facts: list[tuple[int, str]] = []
    rows: list[tuple[int, list[str], list[int]]] = []
    last_line = 0
    for n, body, cells, starts in items:
        last_line = max(last_line, n)
        if body is None:
            rows.append((n, cells, starts))
            continue
        key, _, value = body.partition(":")
        if key.strip() == "hit":
            hit = " ".join(value.split()).lower()
            if hit not in HIT_POLICIES:
                policies = ", ".join(HIT_POLICIES)
                raise RuleSyntaxError(f"unknown hit policy {hit!r}; use {policies}",
                                      source=src, line=n)  # fmt: skip
        elif key.strip() == "name":
            name = value.strip()
        elif key.strip() == "priority":
            priority = tuple(_value(v.strip()) for v in value.split(",") if v.strip())
        elif body.startswith("fact "):
            facts.append((n, body))
    if not rows:
        raise RuleSyntaxError("the table has no header", source=src)
    header_line, header, header_cols = rows[0]
    inputs = [h for h in header if not h.startswith("=>")]
    outputs = [h[2:].strip() for h in header if h.startswith("=>")]
    if not outputs or not inputs:
        raise RuleSyntaxError("the header needs inputs and at least one '=> output' column",
                              source=src, line=header_line)  # fmt: skip
    seen: set[str] = set()
    for k, h in enumerate(header):
        out_name = h[2:].strip() if h.startswith("=>") else None
        if out_name == "":
            raise RuleSyntaxError("an output column has no name: write '=> NAME'", source=src,
                                  line=header_line, column=header_cols[k])  # fmt: skip
        if out_name is not None and not re.fullmatch(r"[A-Za-z_][\w]*", out_name):
            raise RuleSyntaxError(f"the output name {out_name!r} is not a name (letters, "
                                  "digits, _)", source=src, line=header_line,
                                  column=header_cols[k])  # fmt: skip
        if out_name is not None and out_name in seen:
            raise RuleSyntaxError(f"the output {out_name!r} is named twice", source=src,
                                  line=header_line, column=header_cols[k])  # fmt: skip
        if out_name is not None:
            seen.add(out_name)
        if out_name is None and k >= len(inputs):
            raise RuleSyntaxError(f"the input {h!r} comes after an output: inputs first",
                                  source=src, line=header_line, column=header_cols[k])  # fmt: skip
    if hit == "priority" and not priority:
        raise RuleSyntaxError("hit: priority needs '# priority: a, b, c' (highest first)",
                              source=src, line=header_line)  # fmt: skip
    if hit.startswith("collect ") and len(outputs) != 1:
        raise RuleSyntaxError(f"hit: {hit} aggregates one output; the header has "
                              f"{len(outputs)}", source=src, line=header_line)  # fmt: skip
    errors: list[GoalRulesError] = []
    parsed_rows: list[Row] = []
    decls: list[ast.RuleDecl] = []
    # the generated rules sit on the table's own lines, so that errors and explanations
    # name the row's line
    rule_lines = [""] * (last_line + 1)
    rule_lines[header_line - 1] = f"ruleset {name}"
    for n, body in facts:
        rule_lines[n - 1] = body
    for n, cells, starts in rows[1:]:
        if len(cells) != len(header):
            errors.append(DataError(f"the row has {format_count(len(cells), 'cell')}, the "
                                    f"header {len(header)}", source=src, line=n))  # fmt: skip
            continue
        conds: list[str] = []
        nodes: list[ast.Expr] = []
        places: list[tuple[int, int, int]] = []  # (offset in the rule line, length, column)
        head = f"rule row{len(parsed_rows) + 1} check "
        for k, (cell, inp) in enumerate(zip(cells, inputs, strict=False)):
            if cell in ("", "-"):
                continue
            offset = len(head) + sum(len(c) + 5 for c in conds)
            try:
                cond, node = condition(inp, cell, n, offset + 2)
            except GoalRulesError as exc:
                errors.append(_cell_error(exc, src, n, starts[k]))
                continue
            places.append((offset, len(cond) + 2, starts[k]))
            conds.append(f"({cond})")
            nodes.append(node)
        outs = []
        for k, cell in enumerate(cells[len(inputs) :], start=len(inputs)):
            try:
                outs.append(_value(cell))
            except GoalRulesError as exc:
                errors.append(_cell_error(exc, src, n, starts[k]))
        parsed_rows.append(Row(n, tuple(cells[: len(inputs)]), tuple(starts[: len(inputs)]),
                               tuple(outs), tuple(places),
                               tuple(cells[len(inputs) :])))  # fmt: skip
        line = f"rule row{len(parsed_rows)} check {' and '.join(conds) or 'true'}"
        rule_lines[n - 1] = line
        check: ast.Expr = ast.Bool(True, span=ast.Span(n, len(head) + 1, n, len(line) + 1))
        for i, node in enumerate(nodes):
            check = node if i == 0 else ast.And(
                check, node, span=ast.Span(n, len(head) + 2, n, len(line)))  # fmt: skip
        decls.append(ast.RuleDecl(f"row{len(parsed_rows)}", check=check,
                                  span=ast.Span(n, 1, n, len(line) + 1)))  # fmt: skip
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=src)
    text = "\n".join(rule_lines)
    fact_text = "\n".join(ln if ln.startswith("fact ") else "" for ln in rule_lines)
    fact_decls = parse_file(fact_text, source=src).facts if facts else ()
    rule_file = ast.RuleFile(name, None, fact_decls, (), tuple(decls))
    try:
        fact_types = check_file(rule_file, source=src, text=text)
    except GoalRulesErrors as group:
        raise GoalRulesErrors([_placed(e, parsed_rows, src) for e in group.errors],
                              source=src) from None  # fmt: skip
    except GoalRulesError as exc:
        raise _placed(exc, parsed_rows, src) from None
    return DecisionTable(name, hit, tuple(inputs), tuple(outputs), tuple(parsed_rows),
                         rule_file, src, priority, tuple(b for _, b in facts), text,
                         fact_types)  # fmt: skip


def _thousands(raw: str, i: int) -> bool:
    """Whether the comma at ``i`` groups digits ("1,000 visits"), not cells."""
    return (
        i > 0 and raw[i - 1].isdigit() and len(raw) >= i + 4 and raw[i + 1 : i + 4].isdigit()
        and (len(raw) == i + 4 or not raw[i + 4].isdigit())
    )  # fmt: skip


def _split_cells(raw: str) -> list[tuple[str, int]]:
    """A CSV line's cells with their 1-based columns: commas inside quotes or brackets
    (``in ["a", "b"]``) or between digits ("1,000") do not split. A quote or bracket
    left open at the line's end is a :class:`~goalrules.errors.RuleSyntaxError` at its
    column (a cell that swallowed the rest of the row read "the row has 1 cells")."""
    cells: list[tuple[str, int]] = []
    depth, quoted, escaped, start = 0, False, False, 0
    opened: list[int] = []  # where each bracket still open opened, and the quote
    for i, c in enumerate(raw + ","):
        if quoted:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            else:
                quoted = c != '"'
                if not quoted:
                    opened.pop()
        elif c == '"':
            quoted = True
            opened.append(i)
        elif c in "([":
            depth += 1
            opened.append(i)
        elif c in ")]":
            depth -= 1
            if opened:
                opened.pop()
        elif c == "," and depth <= 0 and not _thousands(raw, i):
            text = raw[start:i]
            lead = len(text) - len(text.lstrip())
            cells.append((text.strip(), start + lead + 1))
            start = i + 1
    if quoted or depth > 0:
        at = opened[-1]
        closer = {'"': '"', "(": ")", "[": "]"}[raw[at]]
        raise RuleSyntaxError(f"a '{raw[at]}' left open: no '{closer}' closes it on this row",
                              column=at + 1)  # fmt: skip
    return cells


def _placed(exc: GoalRulesError, rows: Sequence[Row], source: str) -> GoalRulesError:
    """A compile error of a generated rule, moved to the cell it came from."""
    row = next((r for r in rows if r.line == exc.line), None)
    if row is None:
        return exc
    at = (exc.column or 1) - 1
    column = next((col for off, length, col in row.places if off <= at < off + length),
                  row.columns[0] if row.columns else None)  # fmt: skip
    return type(exc)(exc.message, source=source, line=row.line, column=column)
