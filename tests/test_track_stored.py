"""The track record settles a goal on reviews judged on the value by its deadline. A
review stored before goalrules did so (no ``data_to`` kept with it) called a history that
ended before the deadline ``expired`` and a value from after it ``achieved``; it stays in
the store as it was (an audit trail), but it settles nothing: a store made that way read
"0 hit, 1 missed" for a goal whose value by the deadline nobody saw. Reviewing the date
again stores a new revision, judged as today, beside the old one."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.reviews.track import track_record_of

D = dt.date
WS = """[workspace]
name = "T"

[[goal]]
id = "li"
statement = "Reach 1,800 LinkedIn followers by 2026-03-31"
metric = "followers"
channel = "linkedin"
target = "1800 followers"
start = 2025-10-01
deadline = 2026-03-31
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    lines = ["date,channel,metric,value"]
    value = 1000.0
    for m in range(14):  # to 2026-02-28: the history ends before the deadline
        lines.append(f"{D(2025 + m // 12, 1 + m % 12, 28).isoformat()},linkedin,followers,"
                     f"{round(value)}")  # fmt: skip
        value *= 1.04
    history = tmp_path / "history.csv"
    history.write_text("\n".join(lines) + "\n")
    return ws, history


def _as_an_older_goalrules_stored_it(store: Path, day: D) -> None:
    """The review of ``day`` as goalrules stored it before it judged a passed deadline on
    the value by then: ``expired`` from the latest value, and no ``data_to``."""
    with contextlib.closing(sqlite3.connect(store)) as con:  # as another tool would
        (rid,) = con.execute("SELECT id FROM reviews WHERE date = ?", (day.isoformat(),)).fetchone()
        (goal,) = con.execute("SELECT goal FROM goal_revisions WHERE review_id = ?",
                              (rid,)).fetchone()  # fmt: skip
        old = json.loads(goal)
        old.pop("data_to")
        con.execute("UPDATE goal_revisions SET goal = ?, verdict = 'expired', flags = ? "
                    "WHERE review_id = ?", (json.dumps(old), json.dumps(["expired"]), rid))  # fmt: skip
        con.commit()


def test_an_old_expired_settles_nothing_and_a_new_revision_does(tmp_path: Path) -> None:
    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    days = (D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10), D(2026, 4, 10))
    for day in days:
        gr.review(ws, history, store=store, today=day)
    today = D(2026, 12, 1)
    assert gr.track_record(store, today=today).unsettled == (("T", "li"),)  # as judged now
    _as_an_older_goalrules_stored_it(store, days[-1])
    record = gr.track_record(store, today=today)
    assert (record.goals_hit, record.goals_missed) == (0, 0)  # not "1 missed"
    assert record.unsettled == (("T", "li"),) and "no track record yet" in record.rests_on()
    assert gr.stored_review(store, days[-1]).goals[0].verdict == "expired"  # kept as stored
    again = gr.review(ws, history, store=store, today=days[-1])  # the same date, re-run
    assert again.number == 4 and again.revision == 2
    assert gr.stored_review(store, days[-1], revision=1).goals[0].verdict == "expired"
    assert gr.stored_review(store, days[-1]).goals[0].verdict != "expired"
    assert gr.track_record(store, today=today).unsettled == (("T", "li"),)


VERDICTS = st.sampled_from(["achieved", "expired", "achievable", "stretch", "unrealistic"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(VERDICTS, st.booleans()), min_size=1, max_size=4), st.floats(0, 1))
def test_only_reviews_judged_by_the_deadline_settle_it(
    after: list[tuple[str, bool]], p: float
) -> None:
    goal = {"deadline": "2025-12-31", "channel": "linkedin", "metric": "followers"}
    rows: list[dict[str, Any]] = [
        {"workspace": "w", "goal_id": "g", "date": D(2025, 11, 10), "probability": p,
         "verdict": "stretch", "progress": 0.5, "goal": goal}
    ]  # fmt: skip
    for i, (verdict, kept) in enumerate(after):
        said = {**goal, "data_to": "2025-12-28"} if kept else goal
        rows.append({"workspace": "w", "goal_id": "g", "date": D(2026, 1, 10 + i),
                     "probability": None, "verdict": verdict,
                     "progress": 1.0 if verdict == "achieved" else 0.5, "goal": said})  # fmt: skip
    record = track_record_of(rows, D(2026, 6, 1))
    # the last review judged on the value by the deadline that read it met or short
    settled = [v for v, kept in after if kept and v in ("achieved", "expired")]
    assert record.goals_hit == (settled[-1:] == ["achieved"])
    assert record.goals_missed == (settled[-1:] == ["expired"])
    assert (record.goals + len(record.unsettled)) == 1


def test_chances_for_a_goal_since_changed_are_left_out() -> None:
    """A target reset from 2,000 to 1,700 followers and then met: the chances given for
    2,000 (1 %) are not forecasts of 1,700 (they read as two 1 % forecasts that came
    true), and a review that found 1,700 reached says nothing of 2,000."""
    old = {"deadline": "2025-12-31", "channel": "x", "metric": "followers",
           "target": "2000 followers", "data_to": "2025-10-28"}  # fmt: skip
    new = {**old, "target": "1700 followers"}
    rows: list[dict[str, Any]] = [
        {"workspace": "w", "goal_id": "g", "date": D(2025, 9, 10), "probability": 0.01,
         "verdict": "unrealistic", "progress": 0.4, "goal": old},
        {"workspace": "w", "goal_id": "g", "date": D(2025, 10, 10), "probability": 0.01,
         "verdict": "unrealistic", "progress": 0.5, "goal": old},
        {"workspace": "w", "goal_id": "g", "date": D(2025, 11, 10), "probability": 0.9,
         "verdict": "achievable", "progress": 0.8, "goal": new},
        {"workspace": "w", "goal_id": "g", "date": D(2026, 1, 10), "probability": None,
         "verdict": "achieved", "progress": 1.0, "goal": {**new, "data_to": "2025-12-28"}},
    ]  # fmt: skip
    record = track_record_of(rows, D(2026, 3, 1))
    assert [f.probability for f in record.forecasts] == [0.9]
    assert record.goals_hit == 1 and record.superseded == 2
    assert "2 chances given before a goal changed" in record.rests_on()
    # the other way round: 1,700 reached, then raised to 2,000 and missed
    raised = [dict(r, goal=new if r["goal"] is old else old) for r in rows[:3]]
    raised.append({**rows[3], "verdict": "expired", "progress": 0.9,
                   "goal": {**old, "data_to": "2025-12-28"}})  # fmt: skip
    record = track_record_of(raised, D(2026, 3, 1))
    assert (record.goals_hit, record.goals_missed) == (0, 1)
    assert [f.probability for f in record.forecasts] == [0.9]
