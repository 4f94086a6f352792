"""The review loop: progress, pace and flags; the store on a real SQLite file (two
processes at once, a process killed mid-write, a migration, damaged and foreign files,
the same date twice) and on a real PostgreSQL server; the command."""

from __future__ import annotations

import datetime as dt
import io
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import GoalRulesError
from goalrules.io.store import SCHEMA_VERSION, StoreError, open_store
from goalrules.judgments.achievability import Achievability, Verdict
from goalrules.judgments.review import Previous, pace_of, required_path, review_goal
from goalrules.units import quantity
from tests.postgres_server import postgres_url

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]
DATES = ("2026-02-10", "2026-03-10", "2026-04-10")


def run_review(store: Any, day: str, **kw: Any) -> Any:
    """Review on ``day`` with the history file of that review (the last one after it)."""
    file = f"history-{day}.csv" if day in DATES else f"history-{DATES[-1]}.csv"
    return gr.review(WS, EXAMPLE / file, store=store, today=D.fromisoformat(day), **kw)


def by_id(result: Any) -> dict[str, Any]:
    return {g.goal.id: g for g in result.goals}


# -- the numbers of a review ---------------------------------------------------------------


def test_three_reviews_compare_with_the_last(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    results = [run_review(store, d) for d in DATES]
    assert [r.number for r in results] == [1, 2, 3]
    first, second, third = (by_id(r) for r in results)
    li = second["li-followers"]
    assert li.previous is not None and li.previous.date == D(2026, 2, 10)
    assert li.previous.verdict == first["li-followers"].verdict
    # the share of the time at the day the value stands for (the last count, 02-28)
    assert li.data_date == D(2026, 2, 28)
    assert li.elapsed == pytest.approx((D(2026, 2, 28) - D(2026, 1, 10)).days / 181)
    # the values came from the history up to the review's date
    assert li.value == 1352 and third["li-followers"].value == 1469
    assert third["feature-awareness"].pace == "ahead"
    assert "reset_candidate" in {f.name for f in second["li-followers"].flags}
    assert "reset_candidate" not in {f.name for f in first["li-followers"].flags}
    assert third["li-followers"].streak == 3
    data = results[1].to_dict()
    assert data["review"] == {"date": "2026-03-10", "number": 2}
    goal = next(g for g in data["goals"] if g["id"] == "li-followers")
    assert set(goal) == {"id", "verdict", "probability", "progress", "elapsed", "pace",
                         "previous", "flags", "progress_reason", "notes"}  # fmt: skip
    # the last review's chance as that review's own JSON gave it (rounded alike)
    said = next(g for g in results[0].to_dict()["goals"] if g["id"] == "li-followers")
    assert goal["previous"] == {"date": "2026-02-10", "verdict": "unrealistic",
                                "probability": said["probability"]}  # fmt: skip


def test_the_same_date_twice_appends_a_revision(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    run_review(store, DATES[0])
    again = run_review(store, DATES[0])
    assert (again.number, again.revision) == (1, 2)
    with open_store(store) as s:
        assert [(r["date"], r["revisions"]) for r in s.reviews()] == [("2026-02-10", 2)]
        assert len(s.goal_reviews()) == len(again.goals)  # the latest revision
        assert len(s.goal_reviews(every_revision=True)) == 2 * len(again.goals)
    # an earlier date reviewed later is compared with what came before it
    later = run_review(store, DATES[2])
    middle = run_review(store, DATES[1])
    assert (later.number, middle.number) == (2, 2)
    assert by_id(middle)["li-followers"].previous.date == D(2026, 2, 10)


def test_frames_for_analysts(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    store = tmp_path / "goals.db"
    for d in DATES:
        run_review(store, d)
    with gr.open_store(store) as s:
        frame = s.frame()
    assert len(frame) == 3 * 6 and {"workspace", "date", "goal_id", "probability"} <= set(frame)


@settings(max_examples=200, deadline=None)
@given(st.floats(1, 1e6), st.floats(0.1, 10), st.floats(0, 1), st.booleans(), st.booleans())
def test_a_value_on_the_required_path_is_on_track(
    baseline: float, factor: float, elapsed: float, compound: bool, lower: bool
) -> None:
    target = baseline * factor
    path = required_path(baseline, target, elapsed, compound=compound)
    assert pace_of(path, path, lower_is_better=lower, tolerance=0.05)[0] == "on_track"
    ahead = path * 1.2 if not lower else path * 0.8
    assert pace_of(ahead, path, lower_is_better=lower, tolerance=0.05)[0] == "ahead"


def _ach(verdict: str, p: float | None, current: float = 100, target: float = 200) -> Achievability:
    return Achievability(Verdict(verdict), probability=p, current_value=current,
                         target_value=target, unit="follower")  # fmt: skip


GOAL = gr.Goal("g", metric="followers", baseline="100 followers", target="200 followers",
               start="2026-01-01", deadline="2026-12-31")  # fmt: skip
VERDICTS = st.lists(st.sampled_from(["unrealistic", "stretch", "achievable"]), min_size=1,
                    max_size=8)  # fmt: skip


@given(VERDICTS)
def test_the_reset_flag_needs_two_unrealistic_reviews_in_a_row(verdicts: list[str]) -> None:
    previous = None
    for i, v in enumerate(verdicts):
        day = D(2026, 2 + i, 1)
        r = review_goal(GOAL, None, _ach(v, 0.3), day, previous)
        flagged = "reset_candidate" in {f.name for f in r.flags}
        assert flagged == (i > 0 and v == verdicts[i - 1] == "unrealistic")
        previous = Previous(day, r.verdict, r.probability, r.streak)


@given(st.floats(0.001, 1000), st.floats(1, 500), st.floats(0, 1), st.floats(0, 1),
       st.sampled_from(["unrealistic", "stretch", "achievable"]))  # fmt: skip
def test_scaling_history_and_target_changes_no_flag(
    scale: float, current: float, p: float, before: float, verdict: str
) -> None:
    day = D(2026, 6, 1)
    previous = Previous(D(2026, 5, 1), verdict, before)
    # (quantities, not texts: "103.125 followers" is ambiguous, as a Greek writes 103,125)
    goal = GOAL.evolve(
        baseline=quantity(100 * scale, "followers"), target=quantity(200 * scale, "followers")
    )
    a = review_goal(GOAL, None, _ach(verdict, p, current), day, previous)
    b = review_goal(goal, None, _ach(verdict, p, current * scale, 200 * scale), day, previous)
    assert (a.pace, [f.name for f in a.flags]) == (b.pace, [f.name for f in b.flags])
    assert a.progress == pytest.approx(b.progress)


@given(st.integers(1, 400), st.floats(1, 500), st.floats(0, 1),
       st.sampled_from(["unrealistic", "stretch", "achievable", "achieved"]))  # fmt: skip
def test_before_its_start_a_goal_is_on_no_path(
    days_before: int, current: float, p: float, verdict: str
) -> None:
    """A review dated before the goal's start gives no way made, no share of the time and
    no pace (none is known), says when it starts, and still gives the chance."""
    day = GOAL.start - dt.timedelta(days=days_before)  # type: ignore[operator]
    r = review_goal(GOAL, None, _ach(verdict, p, current), day)
    assert (r.progress, r.elapsed, r.pace, r.path) == (None, None, None, None)
    assert f"not started: it starts on {GOAL.start}" in r.trend()
    assert r.probability == p and "on the path" not in r.trend()
    on_start = review_goal(GOAL, None, _ach(verdict, p, current), GOAL.start)  # type: ignore[arg-type]
    assert on_start.elapsed == 0.0 and on_start.pace is not None


@given(st.one_of(st.floats(1e-300, 4e-5), st.floats(1 - 4e-5, 1, exclude_max=True)))
def test_a_review_never_shows_a_chance_as_a_certainty(p: float) -> None:
    """A chance of 1e-07 is "under 1 %" (and above 0 in JSON), as the achievability
    text says it, not "0 %"; one just under 1 is "over 99 %", below 1."""
    r = review_goal(GOAL, None, _ach("stretch", p), D(2026, 6, 1), Previous(D(2026, 5, 1),
                    "stretch", p))  # fmt: skip
    shown = r.to_dict()
    words = "under 1 %" if p < 0.5 else "over 99 %"
    assert f"P {words} -> {words}" in r.trend()
    assert 0.0 < shown["probability"] < 1.0 and 0.0 < shown["previous"]["probability"] < 1.0


def test_slipping_achieved_and_expired() -> None:
    prev = Previous(D(2026, 5, 1), "achievable", 0.8)
    r = review_goal(GOAL, None, _ach("stretch", 0.4), D(2026, 6, 1), prev)
    assert [f.name for f in r.flags] == ["slipping"]
    assert "80 %" in r.flags[0].message and "40 %" in r.flags[0].message
    r = review_goal(GOAL, None, _ach("achieved", 1.0, 210), D(2026, 6, 1), prev)
    assert [f.name for f in r.flags] == ["achieved"]
    r = review_goal(GOAL, None, _ach("expired", 0.0, 150), D(2027, 1, 5), prev)
    assert "expired" in [f.name for f in r.flags]
    fewer = gr.shipped_ruleset("review").with_params(slipping="50 %")
    r = review_goal(GOAL, None, _ach("stretch", 0.4), D(2026, 6, 1), prev, rules=fewer)
    assert r.flags == ()


# -- the store: a real SQLite file ------------------------------------------------------


def _review_in_process(args: tuple[str, str]) -> int:
    store, day = args
    return int(run_review(store, day).number)


def test_two_processes_reviewing_at_once_both_land(tmp_path: Path) -> None:
    store = str(tmp_path / "goals.db")
    open_store(store).close()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        numbers = pool.map(_review_in_process, [(store, DATES[0]), (store, DATES[1])])
    # each number counts the reviews up to its date when it landed: 1 or 2 by the order
    assert set(numbers) <= {1, 2}
    with open_store(store) as s:
        assert [r["date"] for r in s.reviews()] == list(DATES[:2])
        assert all(r["goals"] == 6 for r in s.reviews())


KILLED = """
import sys, time
from goalrules.io.store import open_store
s = open_store(sys.argv[1])
cur = s._db.cursor()
cur.execute("BEGIN IMMEDIATE")
cur.execute("INSERT INTO reviews (workspace, date, created_at) VALUES ('Campfire, Inc.', '2026-05-10', 'x')")
print("writing", flush=True)
time.sleep(60)
"""


def test_a_process_killed_mid_write_loses_nothing(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    run_review(store, DATES[0])
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(store)], stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(store) as s:
        assert [r["date"] for r in s.reviews()] == ["2026-02-10"]
        assert len(s.goal_reviews()) == 6
    assert run_review(store, DATES[1]).number == 2


def test_a_store_of_the_previous_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with _v1(path) as s:
        assert s.version == 1
    with open_store(path) as s:
        assert s.version == SCHEMA_VERSION
        (row,) = s.goal_reviews()
        assert row["verdict"] == "stretch" and row["streak"] == 1 and row["smart_score"] is None
    assert by_id(run_review(path, DATES[0]))["li-followers"].previous is None


def _v1(path: Path) -> Any:
    """A store as goalrules made it at schema version 1, with one review in it."""
    from goalrules.io.store import _sqlite

    s = _sqlite(path)
    s.migrate(to=1)
    db = s._db
    db.execute("INSERT INTO reviews (workspace, date, created_at) VALUES ('w', '2026-01-01', 'x')")
    db.execute("INSERT INTO goal_reviews (review_id, goal_id, goal, verdict, probability, "
               "progress, elapsed, pace, value, baseline, target, unit, flags, findings) VALUES "
               "(1, 'g', '{}', 'stretch', 0.3, 0.1, 0.2, 'behind', 1, 1, 2, 'follower', '[]', '[]')")  # fmt: skip
    return s


@pytest.mark.parametrize(
    "content", [b"garbage, not a database\n", b"SQLite format 3\x00" + b"\x07" * 200]
)
def test_a_damaged_or_foreign_file_is_an_error_and_left_as_it_was(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "goals.db"
    path.write_bytes(content)
    assert main(["review", str(WS), "--history", str(EXAMPLE / "history-2026-02-10.csv"),
                 "--store", str(path)]) == 2  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE users (id INTEGER)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a goalrules review store"):
        open_store(path)
    assert path.read_bytes() == before
    newer = tmp_path / "newer.db"
    with open_store(newer) as s:
        s._db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer goalrules"):
        open_store(newer)


# -- the command -----------------------------------------------------------------------------


def test_cli_review_and_list(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    for d in DATES[:2]:
        out = io.StringIO()
        argv = ["review", str(WS), "--history", str(EXAMPLE / f"history-{d}.csv"), "--store",
                str(store), "--today", d, "--format", "json"]  # fmt: skip
        assert main(argv, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["review"] == {"date": "2026-03-10", "number": 2}
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--list"], out=out) == 0
    assert "2 reviews" in out.getvalue()
    for fmt in ("text", "markdown", "html"):
        out = io.StringIO()
        argv[-1] = fmt
        assert main(argv, out=out) == 0
        assert "li-followers" in out.getvalue()
    assert "P " in out.getvalue()


# -- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed (goalrules[postgres])")
    servers = postgres_url()
    try:
        url = next(servers)
    except RuntimeError as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield url
    servers.close()


def test_the_store_on_postgresql(postgres: str) -> None:
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute("CREATE SCHEMA public")
    results = [run_review(postgres, d) for d in DATES]
    assert [r.number for r in results] == [1, 2, 3]
    assert run_review(postgres, DATES[1]).number == 2  # a revision, not a new review
    with open_store(postgres) as s:
        assert s.version == SCHEMA_VERSION
        assert [r["date"] for r in s.reviews()] == list(DATES)
        assert len(s.goal_reviews()) == 18
    assert "reset_candidate" in {f.name for f in by_id(results[1])["li-followers"].flags}


def test_two_processes_on_postgresql(postgres: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_review_in_process, [(postgres, "2026-06-10"), (postgres, "2026-07-10")])
    with open_store(postgres) as s:
        dates = [r["date"] for r in s.reviews()]
    assert "2026-06-10" in dates and "2026-07-10" in dates


def test_a_bad_postgresql_url_is_an_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(GoalRulesError, match="cannot connect"):
        open_store("postgresql://nobody@/nodb?host=/nonexistent&connect_timeout=1")
