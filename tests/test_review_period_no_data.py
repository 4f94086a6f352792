"""A recurring goal's pace is its current period's: when that period has no data yet (a
monthly export reviewed in the month under way), its pace is not known, and the review
says so. Before, it fell back to the goal's own level path: "behind the path by 21 %"
beside "month from 2026-03-01: no data"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months
from goalrules.report.review import render_review
from goalrules.reviews.stored import explain

D = dt.date
WORKSPACE = """
[workspace]
name = "targets"

[[goal]]
id = "monthly-leads"
statement = "50 leads a month from LinkedIn"
metric = "leads"
channel = "linkedin"
start = 2026-01-01
deadline = 2026-12-31
recurs = "month"
"""
# a CRM's monthly export: a month's leads dated on its last day
LEADS = [30, 33, 35, 38, 44, 47, 52, 41, 63]  # 2025-07 to 2026-03


def files(tmp_path: Path, leads: list[float]) -> tuple[Path, Path]:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    history = tmp_path / "history.csv"
    rows = ["date,channel,metric,value"]
    for i, v in enumerate(leads):
        first = add_months(D(2025, 7, 1), i + 1)
        rows.append(f"{first - dt.timedelta(days=1)},linkedin,leads,{v:g}")
    history.write_text("\n".join(rows) + "\n")
    return ws, history


def test_no_data_for_the_current_month_is_no_pace(tmp_path: Path) -> None:
    ws, history = files(tmp_path, LEADS[:8])  # to February; the review on March 15
    store = tmp_path / "goals.db"
    result = gr.review(ws, history, store=store, today=D(2026, 3, 15))
    (leads,) = result.goals
    assert [(p.status, p.actual) for p in leads.periods] == [
        ("hit", 52), ("missed", 41), ("no_data", None)]  # fmt: skip
    assert leads.pace is None and leads.behind_by is None  # was "behind", 0.21
    assert "the path" not in leads.trend()
    assert "no data yet for its month from 2026-03-01" in leads.trend()
    data = json.loads(render_review(result, "json"))
    assert data["goals"][0]["pace"] is None
    said = explain(store, "monthly-leads", D(2026, 3, 15))
    assert "pace - (no data yet for its month from 2026-03-01)" in said.stored


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(20, 90), min_size=8, max_size=8))
def test_a_period_without_data_never_has_a_pace(tmp_path_factory: object, leads: list[int]) -> None:
    tmp = tmp_path_factory.mktemp("pace")  # type: ignore[attr-defined]
    ws, history = files(tmp, [float(v) for v in leads])
    result = gr.review(ws, history, store=":memory:", today=D(2026, 3, 15))
    (goal,) = result.goals
    assert goal.periods[-1].actual is None
    assert goal.pace is None and goal.behind_by is None
