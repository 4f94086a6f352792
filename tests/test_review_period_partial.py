"""A recurring goal's period whose days no row counts: a weekly export with weeks
missing read "missed (24 of 40)" (the missing weeks as none), a history that begins
inside the first month read "missed (39 of 40)", and a month of exactly the target,
summed from weeks spread over their days, read "missed (40 of 40)" (39.99999). A
period with days no row counts is ``partial`` now, "hit" only when its floor meets the
target already; a total equal to the target is a hit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.report.review import render_review

D = dt.date
WS = """[workspace]
name = "w"

[[goal]]
id = "leads"
metric = "leads"
channel = "linkedin"
target = "{target} leads per month"
recurs = "month"
start = 2026-01-01
"""
MONDAYS = [D(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(17)]  # to 2026-04-27


def _review(tmp: Path, weeks: list[dt.date], each: int, target: int) -> gr.ReviewResult:
    ws = tmp / "ws.toml"
    ws.write_text(WS.format(target=target))
    history = tmp / "h.csv"
    history.write_text(
        "date,channel,metric,value\n" + "".join(f"{d},linkedin,leads,{each}\n" for d in weeks)
    )
    return gr.review(ws, history, store=":memory:", today=D(2026, 5, 3), keep=False)


def test_the_examples(tmp_path: Path) -> None:
    weeks = [d for d in MONDAYS if not D(2026, 3, 8) <= d <= D(2026, 3, 22)]
    g = _review(tmp_path, weeks, 10, 40).goals[0]
    said = {p.start.month: (p.status, p.actual) for p in g.periods}
    assert said[1][0] == "partial"  # January 1 to 4: no row counts them
    assert said[2] == ("hit", said[2][1]) and abs(said[2][1] - 40) < 1e-9
    assert said[3][0] == "partial" and said[3][1] is not None and said[3][1] < 40
    assert said[4][0] == "hit"
    lines = "\n".join(g.targets_lines())
    assert "month from 2026-03-01: days with no data (at least 24 of 40)" in lines
    assert "month from 2026-02-01: hit (40 of 40)" in lines
    periods = json.loads(render_review(_review(tmp_path, weeks, 10, 40), "json"))["goals"][0]
    assert [p["status"] for p in periods["periods"]][:4] == ["partial", "hit", "partial", "hit"]


@settings(max_examples=10, deadline=None)
@given(
    dropped=st.sets(st.integers(min_value=0, max_value=16), max_size=4),
    each=st.integers(min_value=1, max_value=30),
    target=st.integers(min_value=10, max_value=120),
)
def test_a_missing_week_never_makes_a_miss(
    tmp_path_factory: object, dropped: set[int], each: int, target: int
) -> None:
    """Dropping weeks from an export never turns a period into a miss that the full
    export would not have: a period with a week gone is a hit (its floor meets the
    target) or partial, never missed; a period with all its weeks is what it was."""
    tmp = tmp_path_factory.mktemp("w")  # type: ignore[attr-defined]
    full = {p.start: p for p in _review(tmp, MONDAYS, each, target).goals[0].periods}
    weeks = [d for i, d in enumerate(MONDAYS) if i not in dropped]
    if len(weeks) < 3:
        return
    for p in _review(tmp, weeks, each, target).goals[0].periods:
        if p.status == "missed":
            assert full[p.start].status == "missed" and p.actual == full[p.start].actual
