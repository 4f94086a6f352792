"""The live track record on a store built from a real history: a real monthly series
(the GitHub stars of a public repository, 2021-04 on, set on a 2024 calendar as
followers), five goals on it, reviews at the end of sixteen months, deadlines passed;
and why the chance moved between two reviews."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.io.store import open_store
from goalrules.reviews.track import track_record_of

D = dt.date
# jwasham/coding-interview-university's stars, monthly from 2021-04 (social-monthly.json)
STARS = [166019, 173552, 183059, 188785, 190594, 193825, 196569, 199352, 202175, 205541,
         210702, 215494, 218378, 220939, 222714, 227319, 231088, 234954]  # fmt: skip
WORKSPACE = """
[workspace]
name = "stars"

[[goal]]
id = "a"
statement = "Reach 230,000 LinkedIn followers by the end of 2024"
metric = "followers"
channel = "linkedin"
target = "230,000 followers"
start = 2024-03-01
deadline = 2024-12-31

[[goal]]
id = "b"
statement = "Reach 200,000 LinkedIn followers by the end of September 2024"
metric = "followers"
channel = "linkedin"
target = "200,000 followers"
start = 2024-03-01
deadline = 2024-09-30

[[goal]]
id = "c"
statement = "Reach 250,000 X followers by the end of March 2025"
metric = "followers"
channel = "x"
target = "250,000 followers"
start = 2024-03-01
deadline = 2025-03-31

[[goal]]
id = "d"
statement = "Reach 300,000 LinkedIn followers by the end of 2025"
metric = "followers"
channel = "linkedin"
target = "300,000 followers"
start = 2024-03-01
deadline = 2025-12-31

[[goal]]
id = "e"
statement = "Reach 400,000 X followers by the end of June 2025"
metric = "followers"
channel = "x"
target = "400,000 followers"
start = 2024-03-01
deadline = 2025-06-30
"""


def month_end(year: int, month: int) -> dt.date:
    following = D(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


REVIEWS = [month_end(2024 + (m - 1) // 12, (m - 1) % 12 + 1) for m in range(3, 19)]


@pytest.fixture(scope="module")
def history_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("track")
    ws = root / "workspace.toml"
    ws.write_text(WORKSPACE)
    history = root / "history.csv"
    lines = ["date,channel,metric,value"]
    for i, value in enumerate(STARS):
        day = D(2024 + i // 12, i % 12 + 1, 28)
        lines += [f"{day},linkedin,followers,{value}", f"{day},x,followers,{value}"]
    history.write_text("\n".join(lines) + "\n")
    store = root / "goals.db"
    for day in REVIEWS:
        gr.review(ws, history, store=store, today=day)
    return ws, history, store


def test_the_track_record_matches_a_count_by_hand(history_store: tuple[Path, Path, Path]) -> None:
    _, _, store = history_store
    today = D(2025, 7, 15)
    record = gr.track_record(store, today=today)
    # by hand, from the series: b's 200,000 came in 2024-09 (202,175 at the review on its
    # deadline); a ended 2024 at 215,494 (< 230,000); c reached 222,714 by 2025-03 (<
    # 250,000): missed; d's deadline has not passed; e's passed on the day of the last
    # review, short of its target, with no review after it: unsettled
    assert (record.goals_hit, record.goals_missed) == (1, 2)
    assert record.unsettled == (("stars", "e"),)
    with open_store(store) as s:
        rows = s.goal_reviews()
    deadlines = {"a": D(2024, 12, 31), "b": D(2024, 9, 30), "c": D(2025, 3, 31)}
    hit = {"a": False, "b": True, "c": False}
    given_ = [r for r in rows if r["goal_id"] in deadlines
              and r["date"] <= deadlines[r["goal_id"]] and r["probability"] is not None]  # fmt: skip
    # monthly reviews from 2024-03-31: a has 10 on or before its deadline, b 7, c 13
    assert len(given_) == len(record.forecasts) == 10 + 7 + 13
    brier = sum((r["probability"] - hit[r["goal_id"]]) ** 2 for r in given_) / len(given_)
    assert record.brier == pytest.approx(brier)
    verdicts: dict[str, list[int]] = {}
    for r in given_:
        verdicts.setdefault(r["verdict"], [0, 0])
        verdicts[r["verdict"]][0] += 1
        verdicts[r["verdict"]][1] += hit[r["goal_id"]]
    assert {g.name: [g.forecasts, g.hits] for g in record.by("verdict")} == verdicts
    networks = {g.name: (g.forecasts, g.goals, g.hits) for g in record.by("network")}
    assert networks == {"linkedin": (17, 2, 7), "x": (13, 1, 0)}
    assert sum(g.forecasts for g in record.reliability()) == 30
    assert "30 forecasts from 3 goals (1 hit, 2 missed) in 1 workspace" in record.rests_on()
    assert "first sketch" in record.rests_on()


def test_the_track_record_command(history_store: tuple[Path, Path, Path]) -> None:
    _, _, store = history_store
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--track-record", "--format", "json"],
                out=out) == 0  # fmt: skip
    data = json.loads(out.getvalue())
    assert data["goals_hit"] == 1 and data["forecasts"] >= 30  # today: d may have passed
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--track-record", "--format", "html"],
                out=out) == 0  # fmt: skip
    page = out.getvalue()
    assert "Reliability" in page and "Brier" in page and "rests on" in page
    assert "<svg" in page or not gr.report.charts.charts_available()


def test_why_the_chance_moved(history_store: tuple[Path, Path, Path]) -> None:
    ws, history, store = history_store
    moved = {m.goal: m for m in gr.why_moved(ws, history, store=store, today=D(2024, 7, 31))}
    a = moved["a"]
    assert a.before_date == D(2024, 6, 30) and a.new_months == 1
    assert a.rules == pytest.approx(0, abs=1e-9)  # nothing changed in rules or past data
    assert a.rules + a.time + a.data == pytest.approx(a.after - a.before)
    sentence = a.sentence()
    assert sentence.startswith("a: P ") and "\n" not in sentence
    assert "month" in sentence
    # the months as expected move the chance too; their surprise is the data's part
    assert any(abs(m.time) > 0.005 for m in moved.values())
    for m in moved.values():
        assert m.rules + m.time + m.data == pytest.approx(m.after - m.before)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.floats(0, 1), st.booleans()), max_size=20))
def test_brier_and_counts_hold_for_any_rows(items: list[tuple[int, float, bool]]) -> None:
    """Each goal (one per item) has one review before its deadline, and one after that
    finds it short when the first did not find it reached."""
    rows = []
    for i, (days, p, reached) in enumerate(items):
        goal = {"deadline": "2025-01-31", "channel": "x", "data_to": "2025-01-31"}
        rows.append({"workspace": "w", "goal_id": f"g{i}", "date": D(2025, 1, 1 + days),
                     "probability": p, "verdict": "stretch", "progress": 1.0 if reached else 0.5,
                     "goal": goal})  # fmt: skip
        if not reached:  # (reached, and never seen short again: hit)
            rows.append({"workspace": "w", "goal_id": f"g{i}", "date": D(2025, 2, 5),
                         "probability": None, "verdict": "expired", "progress": 0.5,
                         "goal": goal})  # fmt: skip
    record = track_record_of(rows, D(2025, 3, 1))
    assert len(record.forecasts) == len(items)
    assert record.goals_hit == sum(r for *_, r in items)
    if items:
        expected = sum((p - r) ** 2 for _, p, r in items) / len(items)
        assert record.brier == pytest.approx(expected)
        assert 0 <= record.brier <= 1
        assert sum(g.forecasts for g in record.reliability()) == len(items)
    else:
        assert record.brier is None and "no track record yet" in record.rests_on()
