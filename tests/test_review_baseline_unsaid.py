"""What a review's way and path are counted from when the goal does not say it: a goal
with no baseline whose start is before the history (or that names no start) has its
way counted from the history's first value. That was silent ("44 % of the way",
"behind the path by 9 %", the path run from the start as if the first value had been
the value then); it is a visible note now, and the path runs from the day that value
stands for. And a review's JSON says why its ``progress`` is ``null``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.report.review import render_review

D = dt.date
FIRST = D(2026, 6, 1)
REVIEWED = D(2026, 12, 5)


def _history(tmp_path: Path, monthly: float, months: int = 6) -> Path:
    path = tmp_path / "h.csv"
    rows = [
        f"{D(2026, 6 + i, 1).isoformat()},linkedin,followers,{round(1000 * (1 + monthly) ** i)}\n"
        for i in range(months)
    ]
    path.write_text("date,channel,metric,value\n" + "".join(rows))
    return path


def _workspace(tmp_path: Path, start: dt.date | None, target: str = "2,000 followers") -> Path:
    path = tmp_path / f"ws-{start}.toml"
    begin = f"start = {start.isoformat()}\n" if start else ""
    path.write_text(
        '[workspace]\nname = "t"\n\n[[goal]]\nid = "li"\nmetric = "followers"\n'
        f'channel = "linkedin"\ntarget = "{target}"\n{begin}deadline = 2027-06-30\n'
    )
    return path


def _review(ws: Path, history: Path, day: dt.date = REVIEWED) -> gr.ReviewResult:
    return gr.review(ws, history, store=":memory:", today=day, keep=False)


@settings(max_examples=8, deadline=None)
@given(
    before=st.integers(min_value=32, max_value=400),
    monthly=st.floats(min_value=0.0, max_value=0.12),
    target=st.sampled_from(["2,000 followers", "+50%", "+600 followers"]),
)
def test_a_start_before_the_history_is_paced_from_the_first_value_and_said(
    tmp_path_factory: object, before: int, monthly: float, target: str
) -> None:
    """Counted from the history's first value, the goal is paced as the same goal
    starting on that value's day would be (never as if that value had been the one at
    its start), and every format says what the way is counted from."""
    tmp = tmp_path_factory.mktemp("b")  # type: ignore[attr-defined]
    history = _history(tmp, monthly)
    early = _review(_workspace(tmp, FIRST - dt.timedelta(days=before), target), history)
    there = _review(_workspace(tmp, FIRST, target), history)
    g, h = early.goals[0], there.goals[0]
    assert g.baseline == h.baseline == 1000
    assert g.progress == h.progress and g.path == h.path and g.pace == h.pace
    assert g.elapsed is not None and h.elapsed is not None and g.elapsed > h.elapsed
    assert h.baseline_from is None and h.notes() == []
    said = "the history's first value, 1,000 followers on 2026-06-01"
    assert said in g.trend()
    (note,) = json.loads(render_review(early, "json"))["goals"][0]["notes"]
    assert said in note and "gives no baseline" in note


def test_every_format_says_what_the_way_is_counted_from(tmp_path: Path) -> None:
    result = _review(_workspace(tmp_path, D(2026, 1, 1)), _history(tmp_path, 0.04))
    said = "first value, 1,000 followers on 2026-06-01"
    for fmt in ("text", "markdown", "html"):
        assert said in render_review(result, fmt), fmt


def test_a_goal_with_no_start_and_no_baseline_says_where_its_way_starts(tmp_path: Path) -> None:
    result = _review(_workspace(tmp_path, None), _history(tmp_path, 0.04))
    g = result.goals[0]
    assert g.progress is not None and g.baseline == 1000
    assert "first value, 1,000 followers on 2026-06-01 (the goal gives no start" in g.trend()


def test_a_baseline_given_or_seen_at_the_start_needs_no_note(tmp_path: Path) -> None:
    history = _history(tmp_path, 0.04)
    seen = _review(_workspace(tmp_path, D(2026, 7, 1)), history).goals[0]
    assert seen.baseline_from is None and "first value" not in seen.trend()
    ws = _workspace(tmp_path, D(2026, 1, 1))
    ws.write_text(ws.read_text().replace("deadline", 'baseline = "900 followers"\ndeadline'))
    given_ = _review(ws, history).goals[0]
    assert given_.baseline == 900 and given_.baseline_from is None and given_.notes() == []


@settings(max_examples=8, deadline=None)
@given(day=st.dates(min_value=D(2026, 1, 1), max_value=D(2027, 12, 31)))
def test_a_null_progress_always_says_why(tmp_path_factory: object, day: dt.date) -> None:
    """``progress: null`` came with no reason; now ``progress_reason`` says it (and is
    null exactly when ``progress`` is a number)."""
    tmp = tmp_path_factory.mktemp("p")  # type: ignore[attr-defined]
    history = _history(tmp, 0.04)
    for ws in (_workspace(tmp, D(2026, 9, 1), "+25%"), _workspace(tmp, D(2027, 1, 1))):
        for g in json.loads(render_review(_review(ws, history, day), "json"))["goals"]:
            assert (g["progress"] is None) == bool(g["progress_reason"]), g


def test_progress_reason_before_the_start_and_with_no_data_since(tmp_path: Path) -> None:
    history = _history(tmp_path, 0.04)
    ws = _workspace(tmp_path, D(2027, 1, 1))
    (g,) = json.loads(render_review(_review(ws, history, D(2026, 12, 5)), "json"))["goals"]
    assert g["progress"] is None and g["progress_reason"] == "not started: it starts on 2027-01-01"
    (g,) = json.loads(render_review(_review(ws, history, D(2027, 3, 5)), "json"))["goals"]
    assert g["progress"] is None and g["progress_reason"] == "no data since its start (2027-01-01)"


def test_a_flows_first_value_is_its_months(tmp_path: Path) -> None:
    """A flow's first value is a month's ("22 leads in June 2026"), not a day's."""
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[workspace]\nname = "t"\n\n[[goal]]\nid = "leads"\nmetric = "leads"\n'
        'channel = "linkedin"\ntarget = "40 leads per month"\ndeadline = 2027-06-30\n'
    )
    history = tmp_path / "h.csv"
    history.write_text(
        "date,channel,metric,value\n2026-06-30,linkedin,leads,22\n2026-07-31,linkedin,leads,24\n"
        "2026-08-31,linkedin,leads,26\n2026-09-30,linkedin,leads,28\n"
    )
    g = _review(ws, history, D(2026, 10, 5)).goals[0]
    assert "the history's first value, 22 leads in June 2026 (the goal gives no start" in g.trend()
