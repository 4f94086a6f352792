"""Why a goal has no verdict or no share of the way, said as it is: a goal of tiers with
a history but no target of its own was "no history to judge"; a recurring goal judged
on too little had the JSON reason "no value in the history up to the review" beside
its months of data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import goalrules as gr
from goalrules.report.review import render_review

WS = """[workspace]
name = "r"

[[goal]]
id = "monthly"
metric = "leads"
channel = "linkedin"
target = "50 leads per month"
recurs = "month"
start = 2026-01-01

[[goal]]
id = "tiers"
metric = "followers"
channel = "linkedin"
start = 2026-01-01
deadline = 2026-12-31
tiers = {base = "1,300 followers", target = "1,500 followers"}
"""


def test_the_reason_of_no_verdict_and_no_progress(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    history = tmp_path / "h.csv"
    history.write_text(
        "date,channel,metric,value\n2026-01-31,linkedin,leads,40\n"
        "2026-02-28,linkedin,leads,55\n2026-04-30,linkedin,leads,50\n"
        "2026-01-15,linkedin,followers,1000\n2026-02-15,linkedin,followers,1040\n"
        "2026-04-15,linkedin,followers,1120\n"
    )
    result = gr.review(ws, history, store=":memory:", today=dt.date(2026, 5, 10), keep=False)
    tiers = result.goals[1]
    assert "no history" not in tiers.trend()
    assert tiers.trend() == "no target of its own (its tiers are judged one by one)"
    goals = {g["id"]: g for g in json.loads(render_review(result, "json"))["goals"]}
    assert goals["monthly"]["progress"] is None
    reason = goals["monthly"]["progress_reason"]
    assert reason.startswith("not enough data to judge: ") and "deadline" in reason
    assert goals["tiers"]["progress_reason"] == tiers.trend()
