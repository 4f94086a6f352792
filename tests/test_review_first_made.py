"""A goal with no start starts on its first review as made, whatever date is reviewed
later.

"Grow our LinkedIn followers by 25% within six months" with no start, first reviewed on
2026-07-10 ("it starts on this review ... later reviews keep it"), then June's missed
review made late ('--today 2026-06-10'): June's review started the goal on June 10, and
August's then read "the goal changed since the last review (start 2026-07-10 then,
2026-06-10 now; deadline 2027-01-10 then, 2026-12-10 now)" of a goal no one changed. The
goal now keeps the start of its first review as made: June's review finds it not started.

On its start day, a relative target ("+25 %") whose start the history does not reach
has no baseline: its JSON said "no target in the metric's unit" and its trend nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.store import open_store
from goalrules.judgments.review import GoalReview

D = dt.date
WORKSPACE = """[workspace]
name = "Acme"

[[goal]]
id = "li-followers"
statement = "Grow our LinkedIn followers by 25% within six months"
"""
HISTORY = "date,channel,metric,value\n" + "".join(
    f"2026-0{m}-28,linkedin,followers,{1000 + 40 * m}\n" for m in range(1, 6)
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    ws, history = tmp_path / "workspace.toml", tmp_path / "history.csv"
    ws.write_text(WORKSPACE)
    history.write_text(HISTORY)
    return ws, history


def _goal(result: gr.ReviewResult) -> GoalReview:
    return next(g for g in result.goals if g.goal.id == "li-followers")


def test_a_review_made_late_of_an_earlier_date_changes_no_start(
    tmp_path: Path, files: tuple[Path, Path]
) -> None:
    ws, history = files
    store = tmp_path / "goals.db"
    july = _goal(gr.review(ws, history, store=store, today=D(2026, 7, 10)))
    assert july.goal.start == D(2026, 7, 10)
    june = _goal(gr.review(ws, history, store=store, today=D(2026, 6, 10)))
    assert june.goal.start == D(2026, 7, 10)
    assert "not started: it starts on 2026-07-10" in june.trend()
    august = _goal(gr.review(ws, history, store=store, today=D(2026, 8, 10)))
    assert august.goal.start == D(2026, 7, 10) and august.goal.deadline == D(2027, 1, 10)
    assert august.previous is not None and august.previous.changed == ()
    assert "the goal changed" not in august.trend()


@settings(max_examples=8, deadline=None)
@given(st.permutations([D(2026, 6, 10), D(2026, 7, 10), D(2026, 8, 10), D(2026, 9, 10)]))
def test_the_start_is_the_first_review_made(order: list[D]) -> None:
    """Whatever order the dates are reviewed in, the goal starts on the first one made,
    and no review says it changed."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ws, history = Path(folder) / "workspace.toml", Path(folder) / "history.csv"
        ws.write_text(WORKSPACE)
        history.write_text(HISTORY)
        db = open_store(":memory:")
        try:
            for day in order:
                g = _goal(gr.review(ws, history, store=db, today=day))
                assert g.goal.start == order[0]
                assert g.previous is None or g.previous.changed == ()
        finally:
            db.close()


def test_a_relative_target_on_a_start_the_history_does_not_reach_says_why(
    tmp_path: Path, files: tuple[Path, Path]
) -> None:
    ws, history = files
    result = gr.review(ws, history, store=tmp_path / "goals.db", today=D(2026, 7, 10))
    g = _goal(result)
    assert g.progress is None and g.baseline is None
    said = next(x for x in result.to_dict()["goals"] if x["id"] == "li-followers")
    assert said["progress_reason"].startswith("no baseline: the goal gives none")
    assert "no baseline: the history does not reach its start (2026-07-10)" in g.trend()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_stored_review_rendered_by_date_keeps_its_notes(
    tmp_path: Path, files: tuple[Path, Path], fmt: str
) -> None:
    """The note of where an undated goal starts was said on the day, and left out when
    the review was rendered again by date ('the same text, markdown and JSON')."""
    from goalrules.report.review import render_review

    ws, history = files
    store = tmp_path / "goals.db"
    live = gr.review(ws, history, store=store, today=D(2026, 7, 10))
    assert any("gives no start: it starts on this review, 2026-07-10" in n for n in live.notes)
    again = gr.stored_review(store, D(2026, 7, 10))
    assert render_review(again, fmt) == render_review(live, fmt)
