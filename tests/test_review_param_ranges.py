"""The review's own params are shares they can be.

'goalrules review ... --param slipping=-10%' flagged every goal whose chance rose by less
than ten points as slipping ('Slipping: the chance fell from 32 % to 20 %' beside
'... fell from under 1 % to under 1 %' of a chance that did not fall), and
'--param on_track=-5%' read a value 1 % under its path as 'behind the path by 1 %', the
tolerance none; 'on_track=100%' held any value on the path. Each is now an error naming
the param, before the store is opened.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.store import open_store

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]


@pytest.mark.parametrize(
    ("param", "said"),
    [
        ("slipping=-10%", "param slipping: the fall in the chance that flags a goal"),
        ("slipping=101%", "param slipping: the fall in the chance that flags a goal"),
        ("on_track=-5%", "param on_track: the tolerance around the required path"),
        ("on_track=100%", "param on_track: the tolerance around the required path"),
    ],
)
def test_a_param_no_share_can_be_is_one_line_and_no_store(
    tmp_path: Path, param: str, said: str
) -> None:
    store = tmp_path / "goals.db"
    history = EXAMPLE / "history-2026-03-10.csv"
    run = subprocess.run(
        [sys.executable, "-m", "goalrules", "review", str(WS), "--history", str(history),
         "--store", str(store), "--today", "2026-03-10", "--param", param],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and said in run.stderr
    assert not store.exists()


def test_a_param_out_of_range_in_python_is_an_error() -> None:
    rules = gr.shipped_ruleset("review").with_params(slipping="-10 %")
    with pytest.raises(gr.GoalRulesError) as info:
        gr.review(WS, EXAMPLE / "history-2026-03-10.csv", store=":memory:",
                  today=D(2026, 3, 10), rules=rules)  # fmt: skip
    assert info.value.field == "param slipping"


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 100), st.integers(0, 99))
def test_slipping_is_a_chance_that_fell(slipping: int, on_track: int) -> None:
    """Whatever the params within their ranges, a goal flagged slipping had its chance
    fall since the last review."""
    rules = gr.shipped_ruleset("review").with_params(
        slipping=f"{slipping} %", on_track=f"{on_track} %"
    )
    db = open_store(":memory:")
    try:
        for day in ("2026-02-10", "2026-03-10"):
            last = gr.review(WS, EXAMPLE / f"history-{day}.csv", store=db,
                             today=D.fromisoformat(day), rules=rules)  # fmt: skip
    finally:
        db.close()
    for g in last.goals:
        if "slipping" in {f.name for f in g.flags}:
            assert g.previous is not None and g.previous.probability is not None
            assert g.probability is not None and g.previous.probability > g.probability
