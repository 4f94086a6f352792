"""A goal's statement is read on the day the command judges on: with ``--today`` and no
``today`` in the workspace, "within six months" was counted from the real date, so
``check --today 2021-08-05`` judged a goal starting in 2026 ("not started", or "the
deadline is not after the start" for a statement that named its own)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main

WS = """[workspace]
name = "t"

[[goal]]
id = "g"
statement = "Double our LinkedIn followers within six months"
"""


@pytest.mark.parametrize("day", ["2021-08-05", "2030-02-28"])
def test_the_commands_read_statements_on_their_today(
    tmp_path: Path, day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS, encoding="utf-8")
    today = dt.date.fromisoformat(day)
    out = tmp_path / "out.json"
    assert (
        main(["-q", "check", str(ws), "--today", day, "--format", "json", "--output", str(out)])
        == 0
    )
    text = out.read_text("utf-8")
    assert f'"start": "{day}"' in text
    goal = gr.run_check(ws, today=today).goals[0].smart.goal
    assert (goal.start, goal.deadline) == (today, gr.add_months(today, 6))
    reviewed = gr.review(ws, None, store=tmp_path / "g.db", today=today)
    assert reviewed.goals[0].goal.start == today
    plan = main(["-q", "plan", str(ws), "--today", day, "--format", "json"])
    assert plan == 0 and json.loads(capsys.readouterr().out) is not None


def test_the_workspace_today_is_read_when_no_day_is_given(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS.replace('name = "t"', 'name = "t"\ntoday = 2024-03-01'), encoding="utf-8")
    assert gr.load_workspace(ws).goals[0].start == dt.date(2024, 3, 1)
    assert gr.load_workspace(ws, today=dt.date(2025, 1, 2)).goals[0].start == dt.date(2025, 1, 2)
