from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dsl import ast
from goalrules.dsl.parser import MAX_DEPTH, parse_expression, parse_file

from .dsl_strategies import expressions


@given(expressions)
def test_printed_trees_parse_back_equal(tree: ast.Expr) -> None:
    text = ast.unparse(tree)
    assert parse_expression(text) == tree


@given(st.text(max_size=80))
def test_any_text_raises_nothing_but_goalrules_errors(text: str) -> None:
    with contextlib.suppress(gr.GoalRulesError):
        parse_expression(text)


@given(st.text(alphabet='ab1 ()[]<>=!+-*/.,%"{}#\nrulecheckwhen', max_size=60))
def test_rule_file_fuzz(text: str) -> None:
    with contextlib.suppress(gr.GoalRulesError):
        gr.load_rules(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 %", ast.Quantity(2, "%")),
        ("1,000 followers", ast.Quantity(1000, "followers")),
        ("1.5k visits", ast.Quantity(1500, "visits")),
        ("500 USD", ast.Quantity(500, "USD")),
        ("$500", ast.Quantity(500, "USD")),
        ("6 months", ast.Quantity(6, "months")),
        ("50 followers / month", ast.Quantity(50, "followers / month")),
        ("2027-06-30", ast.DateLit(__import__("datetime").date(2027, 6, 30))),
        ("today", ast.Today()),
        (
            "1 % <= x < 5 %",
            ast.Compare(("<=", "<"), (ast.Quantity(1, "%"), ast.Name("x"), ast.Quantity(5, "%"))),
        ),
        ("x is missing", ast.IsSet(ast.Name("x"), negated=True)),
        ("x is not set", ast.IsSet(ast.Name("x"), negated=True)),
        (
            "a not in [1, 2]",
            ast.In(ast.Name("a"), ast.ListLit((ast.Number(1), ast.Number(2))), negated=True),
        ),
    ],
)
def test_literals_and_constructs(text: str, expected: ast.Expr) -> None:
    assert parse_expression(text) == expected


def test_spans_are_one_based() -> None:
    node = parse_expression("visits > 1000")
    assert isinstance(node, ast.Compare)
    assert node.operands[1].span == ast.Span(1, 10, 1, 14)


def test_syntax_error_has_line_column_and_caret() -> None:
    with pytest.raises(gr.RuleSyntaxError) as info:
        parse_file("rule a\n  criterion x\n  check a + * b\n", source="x.rules")
    err = info.value
    assert (err.source, err.line, err.column) == ("x.rules", 3, 13)
    assert str(err).splitlines()[1:] == ["      check a + * b", "    " + " " * 12 + "^"]


def test_every_syntax_error_of_a_file_is_reported() -> None:
    with pytest.raises(gr.GoalRulesErrors) as info:
        parse_file("rule a criterion x check a >\nrule b criterion y check b + * c\n")
    assert [(e.line, e.column) for e in info.value.errors] == [(2, 1), (2, 30)]


def test_structural_errors() -> None:
    with pytest.raises(gr.GoalRulesErrors) as info:
        parse_file(
            "rule a criterion x\n"
            "rule a criterion x check true\n"
            "rule b criterion x decision y check true"
        )
    messages = [e.message for e in info.value.errors]
    assert "rule 'a' has no 'check' clause" in messages
    assert "rule id 'a' is used twice" in messages
    assert "rule 'b' speaks for both a criterion and a decision" in messages


def test_nesting_limit() -> None:
    deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(gr.LimitError):
        parse_expression(deep)
    long_chain = " + ".join(["x"] * 5000)
    with pytest.raises(gr.LimitError):
        parse_expression(long_chain)


def test_source_size_limit() -> None:
    with pytest.raises(gr.LimitError):
        parse_file("# " + "x" * 1_000_001)


def test_template_parts() -> None:
    f = parse_file('rule a criterion x check true says "Got {x + 1} of {{braces}}"')
    says = f.rules[0].says
    assert says is not None
    assert says.parts[0] == "Got "
    assert says.parts[1] == ast.Arith("+", ast.Name("x"), ast.Number(1))
    assert says.parts[2] == " of {braces}"


def test_template_expression_errors_point_into_the_string() -> None:
    with pytest.raises(gr.RuleSyntaxError) as info:
        parse_file('rule a criterion x check true\n  says "n = {x +}"')
    assert info.value.line == 2
    assert info.value.column is not None and info.value.column >= 14


def test_scaled_numbers_without_units() -> None:
    assert parse_expression("5K") == ast.Number(5000)
    assert parse_expression("0K") == ast.Number(0)
    assert parse_expression("1.5k visits") == ast.Quantity(1500, "visits")
