"""One canonical layout for rule files (``goalrules rules fmt``).

The layout: items in the order written; a blank line between items, except within a run
of ``param`` or ``fact`` lines; each clause of a rule or test on its own line, indented
two spaces, in the order ``criterion``/``decision`` (with ``weight``/``priority`` on the
same line), ``when``, ``check``, ``says``, ``pass``, ``fail``, ``fix``; whitespace inside
a one-line expression collapsed to single spaces (strings untouched); trailing comments
of a run of params or facts aligned. Comments are kept: a comment on its own line stays
above what follows it, a comment after code stays on that line.

Formatting is idempotent and never changes meaning: the formatted file parses to the
same rules (checked by a property test over generated files).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.parser import BOM, _offset, _offset_end, parse_file

__all__ = ["format_rules"]

_ORDER = ("criterion", "decision", "weight", "priority", "guard", "check", "says", "pass_msg",
          "fail_msg", "fix")  # fmt: skip


def _comment_start(line: str) -> int | None:
    """Where a ``#`` comment starts on ``line`` (outside strings), or ``None``."""
    quoted = False
    i = 0
    while i < len(line):
        c = line[i]
        if quoted and c == "\\":
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == "#" and not quoted:
            return i
        i += 1
    return None


def _collapse(text: str) -> str:
    """Whitespace runs outside strings as one space."""
    out: list[str] = []
    for i, part in enumerate(re.split(r'("(?:[^"\\\n]|\\.)*")', text)):
        out.append(part if i % 2 else re.sub(r"\s+", " ", part))
    return "".join(out).strip()


_OPENS = {"LPAR", "LSQB", "DOT"}
_CLOSES = {"RPAR", "RSQB", "COMMA", "DOT"}
_BEFORE_UNARY = {"LPAR", "LSQB", "COMMA", "COMP_OP", "PLUS", "MINUS", "STAR", "SLASH", "AND",
                 "OR", "NOT", "IF", "ELSE", "IN", "IS", "EQUAL", "ADD_OP", "MUL_OP"}  # fmt: skip


def _respace(text: str) -> str:
    """An expression's tokens with one space between them (none inside brackets, before a
    comma or around a dot, after a unary minus); the text collapsed when it does not lex."""
    from goalrules.dsl.parser import _lark

    try:
        tokens = list(_lark().lex(text))
    except Exception:
        return _collapse(text)
    out = ""
    prev: Any = None
    unary = False
    for t in tokens:
        value = _collapse(str(t)) if t.type == "QUANTITY" else str(t)
        if prev is None:
            out = value
        elif (
            t.type in _CLOSES
            or prev.type in _OPENS
            or unary
            or (t.type == "LPAR" and prev.type == "NAME")
        ):
            out += value
        else:
            out += " " + value
        unary = t.type == "MINUS" and (prev is None or prev.type in _BEFORE_UNARY)
        prev = t
    return out


@attrs.define
class _Unit:
    """One output line (or a multi-line expression's lines), with where it came from."""

    text: str
    indent: int
    start: int  # source line
    end: int
    before: list[str] = attrs.field(factory=list)  # comment lines (and "" for a gap)
    trailing: list[str] = attrs.field(factory=list)
    group: str = ""  # "param" or "fact": aligned, no blank lines between


class _Formatter:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.file = parse_file(text, source=source)
        self.inside: set[int] = set()  # lines within multi-line expressions (comments kept there)

    def slice(self, node: Any) -> str:
        sp = node.span
        return self.text[_offset(self.text, sp) : _offset_end(self.text, sp)]

    def expr(self, node: ast.Expr, indent: int) -> str:
        raw = self.slice(node)
        if "\n" not in raw or "#" not in raw:
            return _respace(raw)
        sp = node.span
        self.inside.update(range(sp.line, sp.end_line))
        rows = [r.strip() for r in raw.split("\n")]
        pad = " " * (indent + 4)
        return "\n".join([rows[0]] + [pad + r for r in rows[1:] if r])

    def keyword_line(self, word: str, first: int, last: int) -> int:
        """The first source line in ``first..last`` where ``word`` appears as code."""
        for n in range(first, last + 1):
            line = self.lines[n - 1] if n - 1 < len(self.lines) else ""
            cut = _comment_start(line)
            code = line if cut is None else line[:cut]
            code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)
            if re.search(rf"(?<![\w.-]){word}(?![\w-])", code):
                return n
        return first

    # -- items -------------------------------------------------------------------------------

    def units(self) -> list[list[_Unit]]:
        items: list[tuple[int, list[_Unit]]] = []
        f = self.file
        if f.name is not None:
            line = self.keyword_line("ruleset", 1, len(self.lines))
            title = f' "{self._title()}"' if f.title is not None else ""
            items.append((line, [_Unit(f"ruleset {f.name}{title}", 0, line, line)]))
        for p in f.params:
            end = p.value.span.end_line
            items.append((p.span.line, [_Unit(f"param {p.name} = {self.expr(p.value, 0)}", 0,
                                              p.span.line, end, group="param")]))  # fmt: skip
        for d in f.facts:
            text = f"fact {d.name}: {_collapse(self.slice(d.type))}"
            items.append((d.span.line, [_Unit(text, 0, d.span.line, d.type.span.end_line,
                                              group="fact")]))  # fmt: skip
        for r in f.rules:
            items.append((r.span.line, self.rule(r)))
        for t in f.tests:
            items.append((t.span.line, self.test(t)))
        return [u for _, u in sorted(items, key=lambda kv: kv[0])]

    def _title(self) -> str:
        m = re.search(r'ruleset\s+\S+\s+("(?:[^"\\]|\\.)*")', self.text)
        return m.group(1)[1:-1] if m else (self.file.title or "")

    def rule(self, r: ast.RuleDecl) -> list[_Unit]:
        last = r.span.end_line
        out = [_Unit(f"rule {r.id}", 0, r.span.line, r.span.line)]
        head = None
        if r.criterion is not None:
            head = f"criterion {r.criterion}"
            word = "criterion"
        elif r.decision is not None:
            head = f"decision {r.decision}"
            word = "decision"
        extra = []
        if r.weight != 1.0 or self._has(r, "weight"):
            extra.append(f"weight {_num(r.weight)}")
        if r.priority != 0.0 or self._has(r, "priority"):
            extra.append(f"priority {_num(r.priority)}")
        if head is not None:
            line = self.keyword_line(word, r.span.line, last)
            out.append(_Unit("  ".join([head, *extra]), 2, line, line))
        elif extra:
            line = self.keyword_line(extra[0].split()[0], r.span.line, last)
            out.append(_Unit("  ".join(extra), 2, line, line))
        for key, word in (("guard", "when"), ("check", "check")):
            node = getattr(r, key)
            if node is not None:
                line = self.keyword_line(word, r.span.line, node.span.line)
                out.append(_Unit(f"{word} {self.expr(node, 2)}", 2, line, node.span.end_line))
        for key, word in (("says", "says"), ("pass_msg", "pass"), ("fail_msg", "fail"),
                          ("fix", "fix")):  # fmt: skip
            node = getattr(r, key)
            if node is not None:
                out.append(_Unit(f"{word} {self.slice(node)}", 2, node.span.line, node.span.line))
        return out

    def _has(self, r: ast.RuleDecl, word: str) -> bool:
        for n in range(r.span.line, r.span.end_line + 1):
            line = self.lines[n - 1]
            cut = _comment_start(line)
            code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line if cut is None else line[:cut])
            if re.search(rf"(?<![\w.-]){word}\s+\d", code):
                return True
        return False

    def test(self, t: ast.TestDecl) -> list[_Unit]:
        name = self.text[_offset(self.text, t.span) :].split("\n", 1)[0]
        m = re.match(r'test\s+("(?:[^"\\]|\\.)*")', self.text[_offset(self.text, t.span) :])
        out = [_Unit(f"test {m.group(1) if m else name}", 0, t.span.line, t.span.line)]
        clauses: list[tuple[int, int, str]] = []
        # givens: one line per `given` clause as written (a clause's items, joined)
        groups: list[list[ast.Given]] = []
        for g in t.givens:
            prefix = self.text[: _offset(self.text, g.span)]
            starts_clause = re.search(r"given\s*$", prefix) is not None
            if starts_clause or not groups:
                groups.append([g])
            else:
                groups[-1].append(g)
        for group in groups:
            items = ", ".join(
                ("today" if gv.path == ("today",) else ".".join(gv.path))
                + f" = {self.expr(gv.value, 2)}"
                for gv in group
            )
            clauses.append((group[0].span.line, group[-1].span.end_line, f"given {items}"))
        for e in t.expects:
            clauses.append((e.span.line, e.span.end_line, "expect " + self._expect(e)))
        for start, end, text in sorted(clauses, key=lambda c: c[0]):
            out.append(_Unit(text, 2, start, end))
        return out

    def _expect(self, e: ast.Expect) -> str:
        if e.kind == "decision":
            return f"decision {e.target}"
        if e.kind == "no_decision":
            return "no decision"
        if e.kind == "rule":
            return f"rule {e.target} {e.value}"
        if e.kind in ("passes", "fails"):
            return f"criterion {e.target} {e.kind}"
        if e.kind == "score":
            assert e.score is not None
            return f"criterion {e.target} score {self.expr(e.score, 2)}"
        raw = self.slice(e)
        m = re.search(r'("(?:[^"\\]|\\.)*")\s*$', raw)
        return f"message {e.target} {m.group(1) if m else ast.unparse(ast.Str(e.value or ''))}"

    # -- comments ----------------------------------------------------------------------------

    def comments(self) -> Iterator[tuple[int, str, bool]]:
        """(line, comment text, standing alone on its line)."""
        for n, line in enumerate(self.lines, start=1):
            cut = _comment_start(line)
            if cut is not None:
                yield n, line[cut:].rstrip(), not line[:cut].strip()

    def render(self) -> str:
        items = self.units()
        flat = [u for item in items for u in item]
        tail: list[str] = []
        gap_lines = {n for n, line in enumerate(self.lines, start=1) if not line.strip()}
        standalone: list[tuple[int, str]] = []
        for n, text, alone in self.comments():
            if n in self.inside:
                continue  # kept inside its multi-line expression
            if alone:
                standalone.append((n, text))
                continue
            placed = [(u.start, i, u) for i, u in enumerate(flat) if u.start <= n]
            owner = max(placed, key=lambda t: (t[0], t[1]))[2] if placed else None
            if owner is None:
                standalone.append((n, text))
            else:
                owner.trailing.append(text)
        for n, text in standalone:
            nxt = min((u for u in flat if u.start > n), key=lambda u: u.start, default=None)
            if nxt is None:
                tail.append(text)
                continue
            prev_gap = n - 1 in gap_lines
            if nxt.before and prev_gap:
                nxt.before.append("")
            nxt.before.append(text)
            if n + 1 in gap_lines and n + 1 < nxt.start:
                nxt.before.append("\x00gap")  # a blank line between the comment and the code
        out: list[str] = []
        previous_group: str | None = None
        for i, item in enumerate(items):
            group = item[0].group
            if i and not (group and group == previous_group):
                out.append("")
            previous_group = group
            width = 0
            if group:  # align the trailing comments of a run of params or facts
                run = [u for it in items for u in it if u.group == group]
                width = max(len(u.text) for u in run if "\n" not in u.text) + 2
            for u in item:
                pad = " " * u.indent
                before = [b for b in u.before if b != "\x00gap"]
                for b in before:
                    out.append(pad + b if b else "")
                if before and u.before[-1] == "\x00gap" and not u.indent:
                    out.append("")
                text = pad + u.text
                if u.trailing:
                    rows = text.split("\n")
                    last = rows[-1]
                    last = last.ljust(width) if width and len(rows) == 1 else last + "  "
                    rows[-1] = last + " ".join(u.trailing)
                    text = "\n".join(rows)
                out.append(text)
        if tail:
            out += ["", *tail] if out else tail
        while out and not out[0]:
            out.pop(0)
        return "\n".join(line.rstrip() for line in out) + "\n"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def format_rules(text: str, *, source: str = "<rules>") -> str:
    """``text`` in the canonical layout (a syntax error is raised as by the parser; a
    byte order mark is left out, as the parser leaves it)."""
    return _Formatter(text.removeprefix(BOM), source).render()
