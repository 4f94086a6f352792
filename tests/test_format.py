"""`goalrules rules fmt`: one canonical layout, idempotent, comments kept, meaning never
changed (a property over generated rule files), and the shipped files already in it."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.dsl import ast
from goalrules.dsl.format import format_rules
from goalrules.dsl.parser import parse_file
from tests.dsl_strategies import expressions

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')


def strip(node: Any) -> Any:
    """A parsed tree without its positions (what the rules mean)."""
    if isinstance(node, tuple):
        return tuple(strip(n) for n in node)
    if not attrs.has(type(node)) or isinstance(node, ast.Span):
        return node
    changes = {}
    for f in attrs.fields(type(node)):
        value = getattr(node, f.name)
        if f.name == "span":
            changes["span"] = ast.Span(0, 0, 0, 0)
        elif f.name == "source" and isinstance(node, ast.Template):
            changes["source"] = ""
        else:
            changes[f.name] = strip(value)
    return attrs.evolve(node, **changes)


def test_the_shipped_files_are_in_the_layout() -> None:
    for path in sorted(SHIPPED.glob("*.rules")):
        text = path.read_text("utf-8")
        assert format_rules(text) == text, path.name
    assert main(["rules", "fmt", "--check", str(SHIPPED)], out=io.StringIO()) == 0


def test_fmt_rewrites_and_check_reports(tmp_path: Path) -> None:
    messy = tmp_path / "m.rules"
    messy.write_text("ruleset m\nparam  x=3   # three\nrule r criterion c check x>2 # r\n")
    out = io.StringIO()
    assert main(["rules", "fmt", "--check", str(messy)], out=out) == 1
    assert "not in the canonical layout" in out.getvalue()
    assert main(["rules", "fmt", str(messy)], out=io.StringIO()) == 0
    expected = "ruleset m\n\nparam x = 3  # three\n\nrule r\n  criterion c\n  check x > 2  # r\n"
    assert messy.read_text() == expected
    assert main(["rules", "fmt", "--check", str(messy)], out=io.StringIO()) == 0


SPACE = st.sampled_from([" ", "  ", "\n", "\n  ", "\n\n", "   \n    "])
COMMENT = st.sampled_from(["", "", "  # note", " # a # b", '  # "quoted"'])


@st.composite
def rule_files(draw: st.DrawFn) -> str:
    """A rule file laid out at random, with comments here and there."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("# a header\n#\n# more\n\n")
    if draw(st.booleans()):
        parts.append(f'ruleset gen{draw(SPACE)}"Generated"{draw(COMMENT)}\n')
    for i in range(draw(st.integers(0, 3))):
        value = ast.unparse(draw(expressions))
        parts.append(f"param p{i}{draw(SPACE)}={draw(SPACE)}{value}{draw(COMMENT)}\n")
    for i in range(draw(st.integers(0, 2))):
        unit = draw(st.sampled_from(["visit", "text", "%", "list of text", "follower / month"]))
        parts.append(f"fact f{i}:{draw(SPACE)}{unit}{draw(COMMENT)}\n")
    for i in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            parts.append("# about the next rule\n")
        head = draw(st.sampled_from(["", f"criterion c{i % 2}", f"decision d{i}"]))
        extra = ""
        if head.startswith("criterion") and draw(st.booleans()):
            extra = f"{draw(SPACE)}weight {draw(st.integers(1, 3))}"
        if head.startswith("decision") and draw(st.booleans()):
            extra = f"{draw(SPACE)}priority {draw(st.integers(0, 9))}"
        guard = ""
        if draw(st.booleans()):
            guard = f"{draw(SPACE)}when{draw(SPACE)}{ast.unparse(draw(expressions))}"
        check = ast.unparse(draw(expressions))
        says = f'{draw(SPACE)}says "r{i}: {{x}} \\"q\\""' if draw(st.booleans()) else ""
        parts.append(f"rule r{i}{draw(SPACE)}{head}{extra}{guard}{draw(SPACE)}check "
                     f"{check}{says}{draw(COMMENT)}\n")  # fmt: skip
    if draw(st.booleans()):
        parts.append('test "t"\n  given f = 3 visits, g.h = "x"\n  expect rule r0 pass\n'
                     '  expect criterion c0 score 50 %  # half\n  expect no decision\n')  # fmt: skip
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(rule_files())
def test_formatting_never_changes_meaning_and_is_idempotent(text: str) -> None:
    try:
        before = parse_file(text)
    except Exception:  # a generated name that is a keyword, a literal that does not lex
        return
    formatted = format_rules(text)
    assert strip(parse_file(formatted)) == strip(before)
    assert format_rules(formatted) == formatted
    comments = []
    for line in text.split("\n"):  # a "#" inside a string literal starts no comment
        blanked = _STRINGS.sub(lambda m: " " * len(m[0]), line)
        if "#" in blanked:
            comments.append(line[blanked.index("#") :])
    for c in comments:
        assert c.split("#")[-1].strip() in formatted
