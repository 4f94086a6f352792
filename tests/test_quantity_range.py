"""A quantity whose number a float cannot hold is an error naming it, never infinity or
0: a goal's target of "1e999 leads per month" was judged as infinitely many leads
("needs growth of 1,014,232,054,...,976 % a month"), and "1e-400 leads per month" as
none ("Reaching 0 leads a month ... needs -5 leads a month")."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("1e999 leads", "too large"),
        ("-1e999 USD", "too large"),
        ("1e300 billion followers", "too large"),
        ("1e-400 leads", "too small to tell from 0"),
        ("1e-400 %", "too small to tell from 0"),
    ],
)
def test_a_number_no_float_holds_is_an_error(text: str, said: str) -> None:
    with pytest.raises(gr.UnitError, match=said):
        gr.quantity(text)


@pytest.mark.parametrize("zero", ["0 leads", "0.0 %", "0e999 leads", "0e-999 USD"])
def test_zero_is_zero(zero: str) -> None:
    assert gr.quantity(zero).magnitude == 0


@pytest.mark.parametrize("target", ["1e999 leads per month", "1e-400 leads per month"])
def test_a_workspace_target_no_float_holds_is_an_error_naming_it(
    tmp_path: Path, capsys: Any, target: str
) -> None:
    folder = tmp_path / "ws"
    gr.init_workspace(folder, today=gr.parse_date("2026-01-10"))
    ws = folder / "workspace.toml"
    ws.write_text(ws.read_text("utf-8").replace("40 leads per month", target), "utf-8")
    assert main(["check", str(ws)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1 and f"workspace.toml: goal[1].target: the number in {target!r}" in err
    )


@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False, allow_subnormal=True))
def test_every_number_a_float_holds_is_read_as_written(x: float) -> None:
    q = gr.quantity(f"{x!r} followers")
    assert math.isfinite(q.magnitude) and q.magnitude == x


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e999"])
@pytest.mark.parametrize("key", ["baseline", "target"])
def test_a_workspace_number_that_is_no_number_is_an_error_naming_it(
    tmp_path: Path, value: str, key: str
) -> None:
    """TOML writes infinity and NaN as numbers ("baseline = nan"); a goal took them as
    its baseline or target."""
    ws = tmp_path / "w.toml"
    other = "target = 'x2'" if key == "baseline" else "baseline = 1200"
    ws.write_text(
        f'[workspace]\nname = "x"\n[[goal]]\nid = "a"\nmetric = "followers"\n'
        f"{key} = {value}\n{other}\n"
    )
    with pytest.raises(gr.GoalRulesError, match=f"goal\\[0\\].{key}: expected a finite number"):
        gr.load_workspace(ws)
    with pytest.raises(gr.UnitError, match="expected a finite number"):
        gr.quantity(float(value))


def test_a_workspace_loads_the_same_twice(tmp_path: Path) -> None:
    paths = gr.demo_paths()
    gr.run_check(paths["workspace"], history=paths["history"])
    assert gr.load_workspace(paths["workspace"]) == gr.load_workspace(paths["workspace"])
