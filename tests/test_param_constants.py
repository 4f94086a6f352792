"""A param whose value is a literal (a number, a quantity) is read without compiling a
function for it: the value is the one the compiled function gives."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.dsl.checker import Checker
from goalrules.dsl.compiler import PythonBackend
from goalrules.dsl.parser import parse_file
from goalrules.dsl.schemas import BUILTIN_SCHEMAS
from goalrules.engine.compile import _scope_for, compile_text

UNITS = ["", "%", "visits", "leads per visit", "months", "days", "weeks", "USD", "USD per lead",
         "EUR per customer", "hours", "followers"]  # fmt: skip


def _compiled_value(text: str) -> Any:
    """The param's value as a function compiled from its careful code returns it."""
    rule_file = parse_file(text)
    scope, _ = _scope_for(rule_file, dict(BUILTIN_SCHEMAS), "<rules>", text)
    node = rule_file.params[0].value
    checker = Checker(scope)
    checker.check(node)
    backend = PythonBackend(checker)
    fn = backend.function("param", backend.careful(node), ["f", "today", "rec"], "param p")
    return fn({}, None, None)


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.integers(0, 10**9),
        st.floats(0, 1e9, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 4)),
    ),
    st.sampled_from(UNITS),
    st.booleans(),
)
def test_a_literal_param_is_the_value_its_code_gives(number: float, unit: str, neg: bool) -> None:
    text = f"ruleset r\nparam p = {'-' if neg else ''}{number} {unit}\n"
    value = compile_text(text).params["p"]
    expected = _compiled_value(text)
    assert type(value) is type(expected)
    assert repr(value) == repr(expected)
