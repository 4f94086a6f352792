"""A goal reached, then lost before its deadline, is not a hit the reviews disagree with.

"Reach 1,200 LinkedIn followers by 2026-12-31": 1,210 in April (the May review flagged it
achieved), 1,150 in May, 1,180 on the deadline. The review after the deadline said
'expired: The deadline has passed at 90 % of the way to the target', yet the track record
counted the goal hit and its June chance of 88 % as come true (the May review had seen
it reached). A review whose history reaches the deadline now settles the goal as it read
it; without one, a goal found reached is a hit only when no later review before the
deadline found it short again (else whether it was met is not known).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.reviews.track import track_record_of

D = dt.date
WORKSPACE = """[workspace]
name = "W"

[[goal]]
id = "fol"
statement = "Reach 1,200 LinkedIn followers by 2026-12-31"
start = 2026-01-01
baseline = "1,000 followers"
"""
COUNTS = [("2025-10-28", 950), ("2025-11-28", 970), ("2025-12-28", 1000),
          ("2026-01-28", 1050), ("2026-02-28", 1100), ("2026-03-28", 1150),
          ("2026-04-28", 1210), ("2026-05-28", 1150), ("2026-06-28", 1140),
          ("2026-09-28", 1150), ("2026-12-28", 1180), ("2026-12-31", 1180)]  # fmt: skip


def _files(tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    history = tmp_path / "history.csv"
    history.write_text(
        "date,channel,metric,value\n" + "".join(f"{d},linkedin,followers,{v}\n" for d, v in COUNTS)
    )
    return ws, history


def test_reached_then_short_by_the_deadline_is_a_miss(tmp_path: Path) -> None:
    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    may = gr.review(ws, history, store=store, today=D(2026, 5, 5))
    assert "achieved" in {f.name for f in may.goals[0].flags}
    gr.review(ws, history, store=store, today=D(2026, 6, 5))
    # before any review after the deadline: reached, then found short again
    record = gr.track_record(store, today=D(2027, 1, 10))
    assert (record.goals_hit, record.goals_missed) == (0, 0)
    assert record.unsettled == (("W", "fol"),)
    after = gr.review(ws, history, store=store, today=D(2027, 1, 6))
    assert after.goals[0].verdict == "expired"
    record = gr.track_record(store, today=D(2027, 1, 10))
    assert (record.goals_hit, record.goals_missed) == (0, 1)
    assert all(not f.hit for f in record.forecasts)


def test_reached_and_kept_is_a_hit(tmp_path: Path) -> None:
    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    gr.review(ws, history, store=store, today=D(2026, 5, 5))  # the last review: reached
    record = gr.track_record(store, today=D(2027, 1, 10))
    assert (record.goals_hit, record.goals_missed) == (1, 0)


READINGS = st.sampled_from(["achieved", "expired", "achievable", "stretch", "insufficient_data"])


@settings(max_examples=80, deadline=None)
@given(st.lists(READINGS, max_size=4), st.lists(READINGS, max_size=3))
def test_the_record_agrees_with_the_last_review_that_saw_the_deadline(
    before: list[str], after: list[str]
) -> None:
    """Whatever the reviews before the deadline saw, the last one after it whose
    history reaches the deadline (expired or achieved) is the outcome."""
    goal = {"deadline": "2025-12-31", "channel": "linkedin", "data_to": "2025-12-31"}
    rows: list[dict[str, Any]] = [
        {"workspace": "w", "goal_id": "g", "date": D(2025, 6, 1 + i), "probability": 0.5,
         "verdict": v, "flags": ["achieved"] if v == "achieved" else [], "goal": goal}
        for i, v in enumerate(before)
    ] + [
        {"workspace": "w", "goal_id": "g", "date": D(2026, 1, 5 + i), "probability": None,
         "verdict": v, "flags": ["achieved"] if v == "achieved" else [], "goal": goal}
        for i, v in enumerate(after)
    ]  # fmt: skip
    record = track_record_of(rows, D(2026, 3, 1))
    settled = [v for v in after if v in ("achieved", "expired")]
    if settled:
        hit = settled[-1] == "achieved"
        assert (record.goals_hit, record.goals_missed) == ((hit, not hit) if before else (0, 0))
        assert all(f.hit == hit for f in record.forecasts)
    elif "achieved" in before:
        last = max(i for i, v in enumerate(before) if v == "achieved")
        lost = any(v in ("achievable", "stretch", "expired") for v in before[last + 1 :])
        assert record.goals_hit == (not lost)
        assert record.unsettled == ((("w", "g"),) if lost else ())
    else:
        assert record.goals == 0
        assert record.unsettled == ((("w", "g"),) if before or after else ())


def test_the_track_record_command_judges_as_of_its_today(tmp_path: Path) -> None:
    """'review --store DB --track-record --today 2027-01-10' read the real date: a goal
    due 2026-12-31 was not yet past its deadline."""
    import json
    import subprocess
    import sys

    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    for day in (D(2026, 5, 5), D(2027, 1, 6)):
        gr.review(ws, history, store=store, today=day)
    run = subprocess.run(
        [sys.executable, "-m", "goalrules", "review", "--store", str(store), "--track-record",
         "--today", "2027-01-10", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    said = json.loads(run.stdout)
    assert said["today"] == "2027-01-10"
    assert (said["goals_hit"], said["goals_missed"]) == (0, 1)
