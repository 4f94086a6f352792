"""A goal that gives no start ("within six months") starts on its first review, at every
review: it started on each review's day, so that every later review of the unchanged
goal said "the goal changed since the last review (start ... then, ... now; deadline
...)", and no streak or flag ran across reviews. Each review notes the start it kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.reviews import row_of

D = dt.date
GOAL = (
    '[workspace]\nname = "t"\n\n[[goal]]\nid = "li"\n'
    'statement = "Grow our LinkedIn followers by {grow}% within six months"\n'
)


def _files(tmp: Path, grow: int = 25) -> tuple[Path, Path]:
    ws = tmp / "workspace.toml"
    ws.write_text(GOAL.format(grow=grow))
    history = tmp / "history.csv"
    history.write_text(
        "date,channel,metric,value\n"
        + "".join(f"2026-{m:02d}-28,linkedin,followers,{1000 + 40 * m}\n" for m in range(1, 13))
    )
    return ws, history


@settings(max_examples=6, deadline=None)
@given(
    first=st.dates(min_value=D(2026, 3, 1), max_value=D(2026, 9, 30)),
    gaps=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=3),
)
def test_an_unchanged_goal_with_no_start_keeps_its_first_reviews_start(
    tmp_path_factory: object, first: dt.date, gaps: list[int]
) -> None:
    tmp = tmp_path_factory.mktemp("s")  # type: ignore[attr-defined]
    ws, history = _files(tmp)
    store = tmp / "goals.db"
    day = first
    result = gr.review(ws, history, store=store, today=day)
    start, deadline = result.goals[0].goal.start, result.goals[0].goal.deadline
    assert start == first and deadline is not None
    assert any("gives no start: it starts on this review" in n for n in result.notes)
    before = result.goals[0]
    for gap in gaps:
        day += dt.timedelta(days=gap)
        result = gr.review(ws, history, store=store, today=day)
        g = result.goals[0]
        assert (g.goal.start, g.goal.deadline) == (start, deadline)
        assert g.previous is not None and g.previous.changed == ()
        assert "the goal changed" not in g.trend()
        assert row_of(g)["goal"]["start"] == start.isoformat()
        assert g.streak == (before.streak + 1 if g.verdict == before.verdict else 1)
        before = g
        said = f"it starts on its first review, {start.isoformat()}"
        assert any(said in n for n in result.notes)


def test_a_goal_changed_since_is_still_said(tmp_path: Path) -> None:
    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    gr.review(ws, history, store=store, today=D(2026, 6, 1))
    ws.write_text(GOAL.format(grow=40))
    g = gr.review(ws, history, store=store, today=D(2026, 7, 1)).goals[0]
    assert g.goal.start == D(2026, 6, 1)  # the start kept, the target changed
    assert g.previous is not None and g.previous.changed
    assert "target" in g.previous.changed[0] and "start" not in " ".join(g.previous.changed)


def test_a_goal_given_a_start_reads_it(tmp_path: Path) -> None:
    ws, history = _files(tmp_path)
    store = tmp_path / "goals.db"
    gr.review(ws, history, store=store, today=D(2026, 6, 1))
    ws.write_text(ws.read_text() + "start = 2026-05-01\n")
    result = gr.review(ws, history, store=store, today=D(2026, 7, 1))
    assert result.goals[0].goal.start == D(2026, 5, 1)
    assert not any("gives no start" in n for n in result.notes)
