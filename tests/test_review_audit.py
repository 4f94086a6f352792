"""The audit trail: reviews are appended (a re-run keeps the review's number and adds a
revision), each with what it rested on; a stored review renders again by date; explain
reproduces a stored verdict byte-for-byte with the same rules and names the change
otherwise; stores of schema 2 with data in them migrate, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.engine import load_rules
from goalrules.io.store import SCHEMA_VERSION, ReviewStore, open_store
from goalrules.report.review import render_review
from goalrules.reviews.stored import explain, stored_review
from tests.postgres_server import postgres_url

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]
DATES = ("2026-02-10", "2026-03-10", "2026-04-10")
REVIEW_RULES = Path(gr.__file__).parent / "rules" / "review.rules"


@pytest.fixture
def data(tmp_path: Path) -> dict[str, Path]:
    """Copies of the example's history files (the tests change them)."""
    out = {}
    for day in DATES:
        out[day] = tmp_path / f"history-{day}.csv"
        shutil.copy(EXAMPLE / f"history-{day}.csv", out[day])
    return out


def reviewed(store: Any, data: dict[str, Path], days: tuple[str, ...] = DATES[:2]) -> list[Any]:
    return [gr.review(WS, data[d], store=store, today=D.fromisoformat(d)) for d in days]


def test_each_review_records_its_audit_trail(tmp_path: Path, data: dict[str, Path]) -> None:
    store = tmp_path / "goals.db"
    result = reviewed(store, data)[-1]
    with open_store(store) as s:
        kept = s.review_at(D(2026, 3, 10))
    assert kept is not None and kept["audit"] == result.audit
    audit = kept["audit"]
    assert audit["goalrules"] == gr.__version__
    assert set(audit["rulesets"]) == {"smart", "achievability", "review"} == set(audit["params"])
    assert all(len(h) == 64 for h in audit["rulesets"].values())
    (history,) = audit["inputs"]["history"]
    digest = hashlib.sha256(data[DATES[1]].read_bytes()).hexdigest()
    assert history == {"path": str(data[DATES[1]].resolve()), "sha256": digest}
    assert (
        audit["inputs"]["workspace"][0]["sha256"]
        == hashlib.sha256(Path(WS).read_bytes()).hexdigest()
    )
    li = next(g for g in kept["goals"] if g["goal_id"] == "li-followers")
    assert li["outcomes"] == {"reset_candidate": "fail", "achieved": "pass", "expired": "pass",
                              "slipping": "pass"}  # fmt: skip
    assert li["previous"]["date"] == DATES[0]


def test_a_rerun_appends_and_a_stored_review_renders_by_date(
    tmp_path: Path, data: dict[str, Path]
) -> None:
    store = tmp_path / "goals.db"
    _first, second = reviewed(store, data)
    for fmt in ("text", "markdown", "json"):
        again = stored_review(store, D(2026, 3, 10))
        assert render_review(again, fmt) == render_review(second, fmt)
    # a later file gives the date a second revision; the first stays as it was
    data[DATES[1]].write_text(data[DATES[1]].read_text().replace("1352", "1500"))
    third = gr.review(WS, data[DATES[1]], store=store, today=D(2026, 3, 10))
    assert (third.number, third.revision) == (2, 2)
    old = stored_review(store, D(2026, 3, 10), revision=1)
    assert render_review(old, "text") == render_review(second, "text")
    assert render_review(stored_review(store, D(2026, 3, 10)), "json") == render_review(
        third, "json"
    )
    # from the command, in any format, without re-running
    for fmt in ("text", "json", "markdown", "html"):
        out = io.StringIO()
        assert main(["review", "--store", str(store), "--date", DATES[1], "--revision", "1",
                     "--format", fmt], out=out) == 0  # fmt: skip
        if fmt != "html":
            assert out.getvalue() == render_review(second, fmt)
        else:
            assert "li-followers" in out.getvalue()
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--list"], out=out) == 0
    assert "(2 revisions)" in out.getvalue()


def test_explain_reproduces_byte_for_byte(tmp_path: Path, data: dict[str, Path]) -> None:
    store = tmp_path / "goals.db"
    reviewed(store, data)
    said = explain(store, "li-followers", D(2026, 3, 10))
    assert said.reproduced and said.changes == ()
    assert said.now == said.stored
    assert "reset_candidate  fail: Unrealistic at two reviews in a row" in said.stored
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--explain", "li-followers", "--date",
                 DATES[1]], out=out) == 0  # fmt: skip
    assert out.getvalue() == said.render()
    assert "Reproduced byte-for-byte" in out.getvalue()


def test_explain_names_what_changed(tmp_path: Path, data: dict[str, Path]) -> None:
    store = tmp_path / "goals.db"
    reviewed(store, data)
    day = D(2026, 3, 10)
    # other params: the same verdict here, and the change named
    looser = gr.shipped_ruleset("review").with_params(slipping="1 %")
    said = explain(store, "li-followers", day, rules=looser)
    assert said.changes == ("the review ruleset's params changed",)
    # other rules: a reworded flag is not the stored explanation
    text = REVIEW_RULES.read_text().replace("Unrealistic at two", "Twice unrealistic at two")
    said = explain(store, "li-followers", day, rules=load_rules(text))
    assert not said.reproduced and "the review ruleset's rules changed" in said.changes
    assert "Twice unrealistic" in str(said.now) and "Not reproduced" in said.render()
    # other data: the history file changed since
    data[DATES[1]].write_text(data[DATES[1]].read_text().replace("1352", "1500"))
    said = explain(store, "li-followers", day)
    assert not said.reproduced
    assert any(c.startswith(f"the history file {data[DATES[1]].name} changed")
               for c in said.changes)  # fmt: skip
    data[DATES[1]].unlink()
    said = explain(store, "li-followers", day)
    assert said.now is None and "is gone" in said.render()


def _v2(store: ReviewStore) -> ReviewStore:
    """Bring an empty store to schema 2 and put two reviews in it, as goalrules did."""
    store.migrate(to=2)
    m = store._mark
    cur = store._db.cursor()
    for i, day in enumerate(("2026-01-10", "2026-02-10"), start=1):
        cur.execute(f"INSERT INTO reviews (id, workspace, date, created_at) VALUES ({m}, 'w', {m}, 'x')",
                    (i, day))  # fmt: skip
        cur.execute(
            "INSERT INTO goal_reviews (review_id, goal_id, goal, verdict, probability, progress, "
            "elapsed, pace, value, baseline, target, unit, flags, findings, smart_score, streak, "
            f"path) VALUES ({m}, 'g', {m}, 'stretch', {m}, 0.1, 0.2, 'behind', 1, 1, 2, "
            f"'follower', {m}, '[\"x\"]', 80, {m}, 1.5)",
            (i, '{"id": "g", "deadline": "2026-06-30"}', 0.3 * i,
             '["slipping"]' if i == 2 else "[]", i),
        )  # fmt: skip
    cur.close()
    return store


def _check_migrated(s: ReviewStore) -> None:
    assert s.version == SCHEMA_VERSION
    rows = s.goal_reviews()
    assert [(str(r["date"]), r["probability"], r["flags"], r["streak"]) for r in rows] == [
        ("2026-01-10", 0.3, [], 1), ("2026-02-10", 0.6, ["slipping"], 2)]  # fmt: skip
    assert [r["revisions"] for r in s.reviews()] == [1, 1]
    kept = s.review_at(D(2026, 2, 10))
    assert kept is not None and kept["audit"] == {} and kept["revision"] == 1
    # a new revision of a migrated review keeps its number
    assert s.save("w", D(2026, 2, 10), [dict(rows[1], goal_id="g")], {"x": 1}) == 2
    assert s.last_revision == 2 and [r["revisions"] for r in s.reviews()] == [1, 2]


def test_a_schema_2_sqlite_store_with_data_migrates(tmp_path: Path) -> None:
    from goalrules.io.store import _sqlite

    path = tmp_path / "v2.db"
    _v2(_sqlite(path)).close()
    with open_store(path) as s:
        _check_migrated(s)
    said = explain(path, "g", D(2026, 2, 10), revision=1)
    assert said.now is None and "before goalrules kept an audit trail" in said.render()


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


def test_a_schema_2_postgresql_store_with_data_migrates(postgres: str) -> None:
    import psycopg

    from goalrules.io.store import _postgres

    with psycopg.connect(postgres, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute("CREATE SCHEMA public")
    store = _v2(_postgres(postgres))
    store._db.execute("SELECT setval('reviews_id_seq', 2)")
    store.close()
    with open_store(postgres) as s:
        _check_migrated(s)
        assert s.save("w", D(2026, 3, 10), [], {}) == 3  # the id sequence goes on


ROWS = st.lists(st.sampled_from([D(2026, m, 1) for m in range(1, 6)]), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_reviews_are_appended_never_replaced(days: list[dt.date]) -> None:
    with open_store(":memory:") as s:
        for i, day in enumerate(days):
            s.save("w", day, [{"goal_id": "g", "goal": {}, "probability": i / 100,
                               "flags": [], "findings": []}], {"i": i})  # fmt: skip
        kept = s.reviews()
        assert [r["date"] for r in kept] == sorted({d.isoformat() for d in days})
        assert [r["revisions"] for r in kept] == [days.count(D.fromisoformat(r["date"]))
                                                  for r in kept]  # fmt: skip
        assert len(s.goal_reviews(every_revision=True)) == len(days)
        for r in kept:  # the latest revision is the last saved, every earlier one is kept
            day = D.fromisoformat(r["date"])
            last = max(i for i, d in enumerate(days) if d == day)
            latest = s.review_at(day)
            assert latest is not None and latest["audit"] == {"i": last}
            first = s.review_at(day, revision=1)
            assert first is not None and first["audit"] == {"i": days.index(day)}


def _same_date(store: str) -> int:
    from tests.test_reviews import run_review

    return int(run_review(store, DATES[1]).revision)


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_two_processes_reviewing_the_same_date_both_land(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import multiprocessing

    store = str(tmp_path / "goals.db") if kind == "sqlite" else request.getfixturevalue("postgres")
    if kind == "postgres":
        import psycopg

        with psycopg.connect(store, autocommit=True) as db:
            db.execute("DROP SCHEMA IF EXISTS public CASCADE")
            db.execute("CREATE SCHEMA public")
    open_store(store).close()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        revisions = pool.map(_same_date, [store, store])
    assert sorted(revisions) == [1, 2]
    with open_store(store) as s:
        (kept,) = s.reviews()
        assert kept["revisions"] == 2 and kept["goals"] == 6
        assert len(s.goal_reviews(every_revision=True)) == 12


@given(st.floats(0, 1))
def test_an_audit_line_never_shows_a_chance_as_a_certainty(p: float) -> None:
    from goalrules.reviews.audit import _pct

    shown = _pct(p)
    assert (shown == "0.00 %") is (p == 0.0) and (shown == "100.00 %") is (p == 1.0)
    if 0.0001 <= p <= 0.9999:
        assert shown == f"{100 * p:.2f} %"
