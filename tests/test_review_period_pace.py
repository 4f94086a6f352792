"""A recurring goal's pace is its current period's, and so is how far off it is: a goal
of 50 leads a month with 14 of the 23 due so far in April is 40 % behind its month, not
"behind the path by 7 %" (the goal's own path, on which it is 7 % ahead)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.review import GoalReview
from goalrules.reviews import row_of
from goalrules.reviews.audit import explanation

D = dt.date
WS = """[workspace]
name = "S5"

[[goal]]
id = "leads"
statement = "Get 50 leads a month from LinkedIn by 2026-09-30"
metric = "leads"
channel = "linkedin"
target = "50 leads per month"
start = 2026-01-01
deadline = 2026-09-30
recurs = "month"
"""
MONTHS = {(2025, 10): 38, (2025, 11): 40, (2025, 12): 44, (2026, 1): 52, (2026, 2): 49,
          (2026, 3): 55}  # fmt: skip


def _review(tmp_path: Path, april: list[int]) -> GoalReview:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    rows = ["date,channel,metric,value"]
    rows += [f"{D(y, m, 28)},linkedin,leads,{v}" for (y, m), v in MONTHS.items()]
    rows += [f"{D(2026, 4, 1 + i)},linkedin,leads,{v}" for i, v in enumerate(april)]
    history = tmp_path / "history.csv"
    history.write_text("\n".join(rows) + "\n")
    (g,) = gr.review(ws, history, store=":memory:", today=D(2026, 4, 15)).goals
    return g


def test_the_period_says_how_far_off(tmp_path: Path) -> None:
    g = _review(tmp_path, [1] * 14)
    april = g.periods[-1]
    assert (april.actual, april.status) == (14, "behind")
    assert april.due == pytest.approx(50 * 14 / 30)
    assert g.pace == "behind" and g.behind_by == pytest.approx(1 - 14 / april.due)
    assert "behind the path by 40 %" in g.trend()
    assert "pace behind (its month from 2026-04-01)" in explanation(row_of(g))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=14, max_size=14))
def test_the_number_is_the_periods(
    tmp_path_factory: pytest.TempPathFactory, april: list[int]
) -> None:
    g = _review(tmp_path_factory.mktemp("p"), april)
    now = g.periods[-1]
    if now.status not in ("ahead", "behind"):
        return
    assert g.pace == now.status
    assert g.behind_by is not None
    assert (g.behind_by > 0) == (now.status == "behind")
    assert g.behind_by == pytest.approx((now.due - sum(april)) / now.due)
