"""Rule text -> syntax tree, with positions; syntax errors with line, column and caret.

The grammar is ``grammar.lark`` beside this module (LALR(1), its tables shipped in the
package and loaded by :mod:`goalrules.dsl.lalr`).
Every syntax error in a file is reported, not just the first: the parser resumes after
each one. Sources over :data:`MAX_SOURCE` characters or nested deeper than
:data:`MAX_DEPTH` are refused with a :class:`~goalrules.errors.LimitError`.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from goalrules.dsl import ast
from goalrules.dsl.lalr import _lark as _lark  # re-exported: dsl.format uses it
from goalrules.errors import GoalRulesError, GoalRulesErrors, LimitError, RuleSyntaxError
from goalrules.patterns import LazyPattern

__all__ = [
    "BOM",
    "MAX_DEPTH",
    "MAX_OPERATORS",
    "MAX_SOURCE",
    "MAX_TEMPLATE_PARTS",
    "MAX_TEMPLATE_PARTS_TOTAL",
    "parse_expression",
    "parse_file",
    "shift_spans",
]

BOM = "\ufeff"
"""A byte order mark: at the start of a rule file (Notepad writes one) it is no
character of the rules, and is read as nothing."""
MAX_SOURCE = 1_000_000
"""Largest rule source accepted, in characters."""
MAX_DEPTH = 64
"""Deepest nesting of an expression (brackets and operators)."""

_SCALES = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "bn": 1e9}
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_QTY = LazyPattern(
    r"^(?P<sym>[$€£]?)(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"(?P<scale>k|K|m|M|bn)?\s*(?P<unit>.*)$"
)

_EXPECTED_NAMES = {
    "NAME": "a name",
    "NUMBER": "a number",
    "QUANTITY": "a quantity",
    "STRING": "a string",
    "DATE": "a date",
    "RULE_ID": "a rule id",
    "COMP_OP": "a comparison",
    "LPAR": "'('",
    "RPAR": "')'",
    "LSQB": "'['",
    "RSQB": "']'",
    "COMMA": "','",
    "DOT": "'.'",
}


def _number(text: str) -> float:
    m = _QTY.match(text)
    assert m is not None
    value = float(m["num"].replace(",", ""))
    if m["scale"]:
        value *= _SCALES[m["scale"]]
    return value


def _span_of(meta_or_token: Any) -> ast.Span:
    try:
        return ast.Span(
            meta_or_token.line,
            meta_or_token.column,
            meta_or_token.end_line,
            meta_or_token.end_column,
        )
    except AttributeError:
        return ast.NOWHERE


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


class _Builder:
    """Turns a Lark tree into :mod:`goalrules.dsl.ast` nodes (iteratively deep-safe:
    depth is checked before this runs)."""

    def __init__(self, text: str, source: str, line_offset: int = 0, col_offset: int = 0) -> None:
        self.text = text
        self.source = source
        self.errors: list[GoalRulesError] = []

    def span(self, item: Any) -> ast.Span:
        return _span_of(getattr(item, "meta", item))

    def expr(self, tree: Any) -> ast.Expr:
        import lark

        if isinstance(tree, lark.Token):  # pragma: no cover - the grammar wraps tokens
            raise RuleSyntaxError(f"unexpected {tree!s}")
        data, kids, sp = tree.data, tree.children, self.span(tree)
        if data == "number":
            return ast.Number(self.number(str(kids[0]), sp), span=sp)
        if data == "quantity":
            tok = str(kids[0])
            m = _QTY.match(tok)
            assert m is not None
            unit = " ".join(m["unit"].split()) or _SYMBOLS.get(m["sym"], "")
            if m["sym"] and m["unit"]:
                self.errors.append(self.error(f"{tok!r} has both a currency symbol and a unit", sp))
            if not unit:  # "5K": the letter is the scale, not a unit
                return ast.Number(self.number(tok, sp), span=sp)
            return ast.Quantity(self.number(tok.lstrip("$€£"), sp), unit, span=sp)
        if data == "date":
            try:
                return ast.DateLit(_dt.date.fromisoformat(str(kids[0])), span=sp)
            except ValueError as exc:
                self.errors.append(self.error(f"{kids[0]!s} is not a valid date: {exc}", sp))
                return ast.DateLit(_dt.date(1970, 1, 1), span=sp)
        if data == "string":
            return ast.Str(_unescape(str(kids[0])[1:-1]), span=sp)
        if data == "true":
            return ast.Bool(True, span=sp)
        if data == "false":
            return ast.Bool(False, span=sp)
        if data == "today":
            return ast.Today(span=sp)
        if data == "name":
            return ast.Name(str(kids[0]), span=sp)
        if data == "field":
            return ast.Field(self.expr(kids[0]), str(kids[1]), span=sp)
        if data == "call":
            return ast.Call(str(kids[0]), tuple(self.expr(k) for k in kids[1:]), span=sp)
        if data == "list":
            return ast.ListLit(tuple(self.expr(k) for k in kids), span=sp)
        if data == "neg":
            return ast.Neg(self.expr(kids[0]), span=sp)
        if data == "arith":
            return ast.Arith(str(kids[1]), self.expr(kids[0]), self.expr(kids[2]), span=sp)
        if data == "compare":
            operands = tuple(self.expr(k) for k in kids[0::2])
            ops = tuple(str(k) for k in kids[1::2])
            return ast.Compare(ops, operands, span=sp)
        if data in ("is_set", "is_missing"):
            return ast.IsSet(self.expr(kids[0]), negated=data == "is_missing", span=sp)
        if data in ("in_", "not_in"):
            return ast.In(self.expr(kids[0]), self.expr(kids[1]), negated=data == "not_in", span=sp)
        if data == "not_":
            return ast.Not(self.expr(kids[0]), span=sp)
        if data == "and_":
            return ast.And(self.expr(kids[0]), self.expr(kids[1]), span=sp)
        if data == "or_":
            return ast.Or(self.expr(kids[0]), self.expr(kids[1]), span=sp)
        if data == "ifexp":
            return ast.IfExp(self.expr(kids[0]), self.expr(kids[1]), self.expr(kids[2]), span=sp)
        raise RuleSyntaxError(f"unknown construct {data!r}")  # pragma: no cover

    def number(self, text: str, sp: ast.Span) -> float:
        """A number literal's value; one a float cannot hold is an error at ``sp``
        (``1e999`` was infinity, written back by ``rules fmt`` as ``inf``, which does not
        parse; ``1e-400`` was 0, so that ``x > 1e-400`` held for no positive x)."""
        value = _number(text)
        if value == 0.0 or math.isinf(value):
            m = _QTY.match(text)
            assert m is not None
            literal = m["num"] + (m["scale"] or "")
            if math.isinf(value):
                self.errors.append(
                    self.error(f"the number {literal} is too large (at most about 1.8e308)", sp)
                )
            elif any(c in "123456789" for c in re.split("[eE]", m["num"])[0]):
                self.errors.append(
                    self.error(f"the number {literal} is too small to tell from 0", sp)
                )
        return value

    def error(
        self, message: str, sp: ast.Span, cls: type[GoalRulesError] = RuleSyntaxError
    ) -> GoalRulesError:
        return ast.error_at(cls, message, sp, source=self.source, text=self.text)

    def template(self, token: Any) -> ast.Template:
        raw = str(token)[1:-1]
        sp = self.span(token)
        parts: list[str | ast.Expr] = []
        buf: list[str] = []
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch == "{" and raw[i : i + 2] == "{{":
                buf.append("{")
                i += 2
                continue
            if ch == "}" and raw[i : i + 2] == "}}":
                buf.append("}")
                i += 2
                continue
            if ch == "{":
                end = raw.find("}", i + 1)
                if end < 0:
                    self.errors.append(self.error("an '{' in the message is never closed", sp))
                    break
                # a text inside the braces is written with escaped quotes, as in
                # "{plural(\"observation\", n)}"
                inner = raw[i + 1 : end].replace('\\"', '"')
                col = (sp.column or 1) + 1 + i + 1  # opening quote, then '{'
                if buf:
                    parts.append(_unescape("".join(buf)))
                    buf = []
                try:
                    parts.append(_parse_expr_text(inner, self.source, self.text, sp.line, col))
                except GoalRulesErrors as group:
                    self.errors.extend(group.errors)
                except GoalRulesError as exc:
                    self.errors.append(exc)
                i = end + 1
                continue
            buf.append(ch)
            i += 1
        if buf:
            parts.append(_unescape("".join(buf)))
        return ast.Template(tuple(parts), source=raw, span=sp)

    def type_expr(self, tree: Any) -> ast.TypeExpr:
        sp = self.span(tree)
        if tree.data == "simple_type":
            return ast.TypeExpr(str(tree.children[0]), span=sp)
        if tree.data == "percent_type":
            return ast.TypeExpr("%", span=sp)
        if tree.data == "list_type":
            return ast.TypeExpr("list", item=self.type_expr(tree.children[0]), span=sp)
        unit_tree = tree.children[0]
        words = [str(t) for t in unit_tree.children]
        sep = (
            " per "
            if "per" in self.text[_offset(self.text, sp) : _offset_end(self.text, sp)].split()
            else " / "
        )
        return ast.TypeExpr(sep.join(words), span=sp)

    def rule(self, tree: Any) -> ast.RuleDecl:
        rule_id = str(tree.children[0])
        fields: dict[str, Any] = {}
        for clause in tree.children[1:]:
            kind, kids, csp = clause.data, clause.children, self.span(clause)
            key = {"pass_msg": "pass_msg", "fail_msg": "fail_msg"}.get(kind, kind)
            if key == "guard":
                key = "guard"
            if key in fields:
                self.errors.append(
                    self.error(f"rule {rule_id!r} has two '{_clause_word(kind)}' clauses", csp)
                )
                continue
            if kind in ("criterion", "decision"):
                fields[key] = str(kids[0])
            elif kind in ("weight", "priority"):
                fields[key] = self.number(str(kids[0]), self.span(kids[0]))
            elif kind in ("guard", "check"):
                fields[key] = self.expr(kids[0])
            else:
                fields[key] = self.template(kids[0])
        sp = self.span(tree)
        if "check" not in fields:
            self.errors.append(self.error(f"rule {rule_id!r} has no 'check' clause", sp))
        if "criterion" in fields and "decision" in fields:
            self.errors.append(
                self.error(f"rule {rule_id!r} speaks for both a criterion and a decision", sp)
            )
        return ast.RuleDecl(rule_id, span=sp, **fields)

    def file(self, tree: Any) -> ast.RuleFile:
        name = title = None
        facts: list[ast.FactDecl] = []
        params: list[ast.ParamDecl] = []
        rules: list[ast.RuleDecl] = []
        tests: list[ast.TestDecl] = []
        seen: dict[str, ast.Span] = {}
        for item in tree.children:
            sp = self.span(item)
            if item.data == "ruleset_decl":
                if name is not None:
                    self.errors.append(self.error("a rule file declares one ruleset", sp))
                name = str(item.children[0])
                title = _unescape(str(item.children[1])[1:-1]) if len(item.children) > 1 else None
            elif item.data == "fact_decl":
                facts.append(
                    ast.FactDecl(str(item.children[0]), self.type_expr(item.children[1]), span=sp)
                )
            elif item.data == "param_decl":
                params.append(
                    ast.ParamDecl(str(item.children[0]), self.expr(item.children[1]), span=sp)
                )
            elif item.data == "test_decl":
                tests.append(self.test(item))
            else:
                rule = self.rule(item)
                if rule.id in seen:
                    self.errors.append(self.error(f"rule id {rule.id!r} is used twice", sp))
                seen[rule.id] = sp
                rules.append(rule)
        names = [t.name for t in tests]
        for t in tests:
            if names.count(t.name) > 1 and names.index(t.name) != tests.index(t):
                self.errors.append(self.error(f"test {t.name!r} is named twice", t.span))
        return ast.RuleFile(
            name, title, tuple(facts), tuple(params), tuple(rules), span=self.span(tree),
            tests=tuple(tests),
        )  # fmt: skip

    def test(self, tree: Any) -> ast.TestDecl:
        name = _unescape(str(tree.children[0])[1:-1])
        givens: list[ast.Given] = []
        expects: list[ast.Expect] = []
        for clause in tree.children[1:]:
            kind, kids, csp = clause.data, clause.children, self.span(clause)
            if kind == "given":
                for g in kids:
                    path = (
                        ("today",)
                        if g.data == "given_today"
                        else tuple(str(k) for k in g.children[:-1])
                    )
                    givens.append(ast.Given(path, self.expr(g.children[-1]), span=self.span(g)))
            elif kind == "expect_decision":
                expects.append(ast.Expect("decision", target=str(kids[0]), span=csp))
            elif kind == "expect_no_decision":
                expects.append(ast.Expect("no_decision", span=csp))
            elif kind == "expect_rule":
                word = {"outcome_pass": "pass", "outcome_fail": "fail"}.get(
                    kids[1].data, str(kids[1].children[0]) if kids[1].children else ""
                )
                if word not in ("pass", "fail", "unknown", "skipped"):
                    self.errors.append(
                        self.error(
                            f"an outcome is pass, fail, unknown or skipped, not {word!r}",
                            self.span(kids[1]),
                        )
                    )
                expects.append(ast.Expect("rule", target=str(kids[0]), value=word, span=csp))
            elif kind in ("expect_passes", "expect_fails"):
                expects.append(
                    ast.Expect(kind.removeprefix("expect_"), target=str(kids[0]), span=csp)
                )
            elif kind == "expect_score":
                expects.append(
                    ast.Expect("score", target=str(kids[0]), score=self.expr(kids[1]), span=csp)
                )
            else:
                words = _unescape(str(kids[1])[1:-1])
                if not words.strip():  # every message contains it: no expectation at all
                    self.errors.append(
                        self.error(f"test {name!r}: a message always contains {words!r}", csp)
                    )
                expects.append(ast.Expect("message", target=str(kids[0]), value=words, span=csp))
        seen: set[tuple[str, ...]] = set()
        for g in givens:
            if g.path in seen:
                self.errors.append(self.error(f"{'.'.join(g.path)} is given twice", g.span))
            seen.add(g.path)
        if not expects:
            self.errors.append(self.error(f"test {name!r} expects nothing", self.span(tree)))
        return ast.TestDecl(name, tuple(givens), tuple(expects), span=self.span(tree))


def _clause_word(kind: str) -> str:
    return {"guard": "when", "pass_msg": "pass", "fail_msg": "fail"}.get(kind, kind)


def _lines(text: str) -> list[str]:
    """The lines as the parser counts them: split at "\n" only (``str.splitlines`` also
    splits at form feeds, record separators and other characters a string may hold)."""
    return [line + "\n" for line in text.split("\n")]


def _offset(text: str, sp: ast.Span) -> int:
    lines = _lines(text)
    return sum(len(ln) for ln in lines[: max(sp.line - 1, 0)]) + max(sp.column - 1, 0)


def _offset_end(text: str, sp: ast.Span) -> int:
    lines = _lines(text)
    return sum(len(ln) for ln in lines[: max(sp.end_line - 1, 0)]) + max(sp.end_column - 1, 0)


MAX_OPERATORS = 100_000
"""Most operators (arithmetic, comparison, ``and``/``or``/``not``) in one source."""
MAX_TEMPLATE_PARTS = 64
"""Most ``{...}`` parts in one message."""
MAX_TEMPLATE_PARTS_TOTAL = 10_000
"""Most ``{...}`` parts in one source (each is parsed and checked on its own)."""

_WORD_OPERATOR = LazyPattern(r"\b(?:and|or|not)\b")


def _check_limits(text: str, source: str) -> None:
    """Refuse a source past the size, depth, operator or template limits before parsing
    it (in one pass, linear in its length). Brackets count everywhere code is: outside
    strings, and inside the ``{...}`` parts of messages (``{{`` is a literal brace)."""
    if len(text) > MAX_SOURCE:
        raise LimitError(
            f"the rule source has {len(text):,} characters; the limit is {MAX_SOURCE:,}",
            source=source,
        )
    depth = 0
    operators = 0
    line, col = 1, 0
    in_string = False  # inside "..." (a message or a text literal)
    in_template = False  # inside a {...} part of a string: code again
    parts = 0  # the {...} parts of the current string
    all_parts = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        i += 1
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
            in_string, in_template, parts = False, False, 0
            continue
        if in_string and not in_template:
            if ch == "\\":  # an escape: the next character is text
                i += 1
                col += 1
            elif ch == '"':
                in_string = False
            elif ch == "{" and text.startswith("{", i):  # {{: a literal brace
                i += 1
                col += 1
            elif ch == "{":
                in_template = True
                parts += 1
                all_parts += 1
                if all_parts > MAX_TEMPLATE_PARTS_TOTAL:
                    raise LimitError(
                        f"the messages have more than {MAX_TEMPLATE_PARTS_TOTAL:,} {{...}} parts",
                        source=source,
                        line=line,
                        column=col,
                        text=text,
                    )
                if parts > MAX_TEMPLATE_PARTS:
                    raise LimitError(
                        f"a message has more than {MAX_TEMPLATE_PARTS} {{...}} parts",
                        source=source,
                        line=line,
                        column=col,
                        text=text,
                    )
            continue
        if in_template and ch == "}":
            in_template = False
            continue
        if ch == '"' and not in_template:
            in_string, parts = True, 0
            continue
        if ch in "([":
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(
                    f"brackets nest deeper than {MAX_DEPTH} levels",
                    source=source,
                    line=line,
                    column=col,
                    text=text,
                )
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in "+-*/<>=!":
            operators += 1
    operators += len(_WORD_OPERATOR.findall(text))
    if operators > MAX_OPERATORS:
        raise LimitError(
            f"the rule source has {operators:,} operators; the limit is {MAX_OPERATORS:,}",
            source=source,
        )


def _tree_depth(tree: Any) -> int:
    import lark

    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(node, lark.Tree):
            stack.extend((c, d + 1) for c in node.children)
    return deepest


def _syntax_error(
    exc: Any, text: str, source: str, line_offset: int = 0, col_offset: int = 0
) -> RuleSyntaxError:
    import lark

    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    if isinstance(line, int) and line < 1:
        line = None
    if isinstance(exc, lark.UnexpectedToken):
        tok = exc.token
        if tok.type == "$END":
            msg = "the text ends too early"
            line = line or len(text.split("\n")) or 1
        else:
            msg = f"unexpected {str(tok)!r}"
        expected = sorted(
            {
                _EXPECTED_NAMES.get(e, repr(_literal(e)))
                for e in exc.expected
                if not e.startswith("_")
            }
        )
        if expected:
            shown = ", ".join(expected[:8]) + (", ..." if len(expected) > 8 else "")
            msg += f"; expected {shown}"
        end = column + len(str(tok)) if isinstance(column, int) and tok.type != "$END" else None
    elif isinstance(exc, lark.UnexpectedCharacters):
        msg = f"unexpected character {exc.char!r}"
        end = None
    else:
        msg = str(exc).splitlines()[0]
        end = None
    if line_offset and isinstance(line, int):
        if line == 1 and isinstance(column, int):
            column += col_offset - 1
            end = end + col_offset - 1 if end else None
        line += line_offset - 1
    return RuleSyntaxError(msg, source=source, line=line, column=column, end_column=end, text=text)


def _literal(terminal: str) -> str:
    try:
        pattern = _lark().get_terminal(terminal).pattern
    except Exception:  # pragma: no cover
        return terminal.lower()
    return str(pattern.value) if pattern.type == "str" else terminal.lower()


def _parse_tree(
    text: str, start: str, source: str, full_text: str, line_offset: int = 0, col_offset: int = 0
) -> tuple[Any, list[GoalRulesError]]:
    import lark

    errors: list[GoalRulesError] = []

    def on_error(exc: Any) -> bool:
        errors.append(_syntax_error(exc, full_text, source, line_offset, col_offset))
        return start == "start" and len(errors) < 50

    parser = _lark()
    try:
        tree = parser.parse(text, start=start, on_error=on_error)
    except lark.UnexpectedInput as exc:
        err = _syntax_error(exc, full_text, source, line_offset, col_offset)
        if not any(e.line == err.line and e.column == err.column for e in errors):
            errors.append(err)
        tree = None
    except lark.LarkError as exc:
        errors.append(RuleSyntaxError(str(exc).splitlines()[0], source=source, text=full_text))
        tree = None
    if tree is not None and _tree_depth(tree) > MAX_DEPTH * 3:
        errors.append(
            LimitError(
                f"an expression nests deeper than {MAX_DEPTH * 3} levels (each operator of a "
                "chain such as a + b + c is a level): split it into params or rules",
                source=source,
            )
        )
        tree = None
    return tree, errors


def _parse_expr_text(text: str, source: str, full_text: str, line: int, col: int) -> ast.Expr:
    tree, errors = _parse_tree(text, "expr", source, full_text, line_offset=line, col_offset=col)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors)
    builder = _Builder(full_text, source)
    node = builder.expr(tree)
    node = shift_spans(node, line, col)
    if builder.errors:
        raise builder.errors[0]
    return node


_LEAVES = (ast.Name, ast.Number, ast.Quantity, ast.Str, ast.Bool, ast.DateLit, ast.Today)


def shift_spans(node: ast.Expr, line: int, col: int) -> ast.Expr:
    """Move the spans of an expression parsed on its own (from line 1, column 1) to where
    it stands in its file: a message template's placeholder, a decision table's cell."""
    import attrs

    def move(sp: ast.Span) -> ast.Span:
        if sp.line != 1:
            return attrs.evolve(sp, line=sp.line + line - 1, end_line=sp.end_line + line - 1)
        return ast.Span(line, sp.column + col - 1, sp.end_line + line - 1, sp.end_column + col - 1)

    def walk(n: Any) -> Any:
        if isinstance(n, _LEAVES):  # no child nodes: only the span moves
            return attrs.evolve(n, span=move(n.span))
        changes: dict[str, Any] = {}
        for f in attrs.fields(type(n)):
            v = getattr(n, f.name)
            if f.name == "span":
                changes["span"] = move(v)
            elif isinstance(v, tuple) and v and all(attrs.has(type(x)) for x in v):
                changes[f.name] = tuple(walk(x) for x in v)
            elif attrs.has(type(v)) and not isinstance(v, ast.Span):
                changes[f.name] = walk(v)
        return attrs.evolve(n, **changes)

    return walk(node)  # type: ignore[no-any-return]


def parse_expression(text: str, *, source: str = "<expression>") -> ast.Expr:
    """Parse one expression (``visits > 1000 and leads / visits > 2 %``)."""
    if not isinstance(text, str):
        raise RuleSyntaxError(f"expected expression text, got {type(text).__name__}", source=source)
    _check_limits(text, source)
    if not text.strip():
        raise RuleSyntaxError("the expression is empty", source=source)
    tree, errors = _parse_tree(text, "expr", source, text)
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    builder = _Builder(text, source)
    node = builder.expr(tree)
    if builder.errors:
        raise builder.errors[0] if len(builder.errors) == 1 else GoalRulesErrors(builder.errors)
    return node


def parse_file(text: str, *, source: str = "<rules>") -> ast.RuleFile:
    """Parse a rule file; every syntax error found is raised together."""
    if not isinstance(text, str):
        raise RuleSyntaxError(f"expected rule text, got {type(text).__name__}", source=source)
    text = text.removeprefix(BOM)
    _check_limits(text, source)
    tree, errors = _parse_tree(text, "start", source, text)
    if tree is None or errors:
        if not errors:  # pragma: no cover
            errors.append(RuleSyntaxError("the rule file does not parse", source=source))
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    builder = _Builder(text, source)
    result = builder.file(tree)
    if builder.errors:
        raise (
            builder.errors[0]
            if len(builder.errors) == 1
            else GoalRulesErrors(builder.errors, source=source)
        )
    return result
