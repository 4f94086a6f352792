"""After its deadline a goal is judged on its value by then. Its trend tells that value's
age against the deadline, not the review's date: a history that runs past the deadline
is not "2 months old" because the review reads the count of March 28 for a deadline of
March 31. And a goal given no chance now says so in words, not "P 3 % -> ?"."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main

D = dt.date
WS = """[workspace]
name = "late"

[[goal]]
id = "li"
statement = "Reach 1,800 LinkedIn followers by 2026-03-31"
metric = "followers"
channel = "linkedin"
target = "1800 followers"
start = 2025-10-01
deadline = 2026-03-31
"""


def _files(tmp_path: Path, months: list[tuple[int, int]]) -> tuple[Path, Path]:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    rows = ["date,channel,metric,value"]
    value = 1000.0
    for y, m in months:
        rows.append(f"{D(y, m, 28)},linkedin,followers,{round(value)}")
        value *= 1.04
    history = tmp_path / "history.csv"
    history.write_text("\n".join(rows) + "\n")
    return ws, history


ALL = [(2025, m) for m in range(1, 13)] + [(2026, m) for m in range(1, 6)]


def test_the_value_by_the_deadline_is_not_stale(tmp_path: Path) -> None:
    ws, history = _files(tmp_path, ALL)  # counts to 2026-05-28, past the deadline
    store = tmp_path / "g.db"
    gr.review(ws, history, store=store, today=D(2026, 3, 10))
    result = gr.review(ws, history, store=store, today=D(2026, 6, 10))
    (g,) = result.goals
    assert g.verdict == "expired" and g.data_date == D(2026, 3, 28) and g.by_deadline
    trend = g.trend()
    assert "old" not in trend and "before the deadline" not in trend
    assert "none now" in trend and "?" not in trend  # P at the last review, none now
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--date", "2026-06-10"], out=out) == 0
    assert trend in out.getvalue()  # the stored review says the same


def test_an_old_value_by_the_deadline_is_told_against_it(tmp_path: Path) -> None:
    gap = [ym for ym in ALL if ym not in ((2026, 2), (2026, 3))]  # no count Feb, Mar
    ws, history = _files(tmp_path, gap)
    (g,) = gr.review(ws, history, store=tmp_path / "g.db", today=D(2026, 6, 10)).goals
    assert g.data_date == D(2026, 1, 28)
    assert "data to 2026-01-28, 2 months before the deadline" in g.trend()


@pytest.mark.parametrize("last", [(2026, 1), (2026, 2)])
def test_a_history_that_ends_before_the_deadline_is_old(
    tmp_path: Path, last: tuple[int, int]
) -> None:
    ws, history = _files(tmp_path, ALL[: ALL.index(last) + 1])
    (g,) = gr.review(ws, history, store=tmp_path / "g.db", today=D(2026, 6, 10)).goals
    assert not g.by_deadline and g.verdict != "expired"  # whether it was met is not known
    assert f"data to {D(*last, 28)}" in g.trend() and "months old" in g.trend()
