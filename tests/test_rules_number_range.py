"""A number in a rule file that a float cannot hold is an error at its line and column:
``1e999`` was infinity (``rules fmt`` wrote ``priority 81e999`` back as ``priority inf``,
which does not parse) and ``1e-400`` was 0 (``x > 1e-400`` held for no positive x).
Every number a float holds formats to a file that means the same."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.dsl.format import format_rules
from goalrules.dsl.parser import parse_file
from tests.test_format import strip


def _file(check: str, priority: str = "10") -> str:
    return f"ruleset x\nfact x: number\nrule a\n  decision keep  priority {priority}\n  check {check}\n"


@pytest.mark.parametrize(
    ("check", "priority", "where", "said"),
    [
        ("x > 1e999", "10", "5:13", "the number 1e999 is too large"),
        ("x > 0", "81e999", "4:27", "the number 81e999 is too large"),
        ("x >= 1e-400", "10", "5:14", "the number 1e-400 is too small to tell from 0"),
        ("x > 2e308k", "10", "5:13", "the number 2e308k is too large"),
    ],
)
def test_a_number_no_float_holds_is_an_error_where_it_is(
    tmp_path: Path, capsys: Any, check: str, priority: str, where: str, said: str
) -> None:
    path = tmp_path / "x.rules"
    path.write_text(_file(check, priority))
    for argv in (["rules", "check", str(path)], ["rules", "fmt", str(path)]):
        assert main(argv, out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert f"x.rules:{where}: {said}" in err and err.count("\n") == 1
    assert path.read_text() == _file(check, priority)  # fmt wrote nothing
    if said.split()[2] in check:  # and in an expression compiled from Python
        with pytest.raises(gr.RuleSyntaxError, match=said):
            gr.compile_expression(check, {"x": "number"})


def test_zero_written_any_way_is_zero() -> None:
    for zero in ("0", "0.0", "0e-999", "0e999", "0.000e5"):
        assert parse_file(_file(f"x > {zero}")).rules[0].check is not None


@given(
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
)
def test_every_number_a_float_holds_formats_to_the_same_meaning(a: float, b: float) -> None:
    text = _file(f"x > {a!r}", repr(b))
    formatted = format_rules(text)
    assert strip(parse_file(formatted)) == strip(parse_file(text))
    assert format_rules(formatted) == formatted
    assert "inf" not in formatted and "nan" not in formatted
