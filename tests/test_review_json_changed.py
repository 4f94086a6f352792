"""A review's JSON says when its previous chance was of another goal.

li-followers' target was reset from x2 to +30 % between two reviews: the text said "the
goal changed since the last review (target x2 then, +30% now, P under 1 % then)" and no
move, while the JSON gave previous {"probability": 0.0002} beside 0.6623 and nothing
else, a rise of 66 points to any tool reading it. The JSON's previous now names what
changed ("changed"), as the stored review keeps it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import goalrules as gr

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"


def _li(result: gr.ReviewResult) -> dict[str, object]:
    return next(g for g in result.to_dict()["goals"] if g["id"] == "li-followers")


def test_the_json_of_a_changed_goal_names_the_change(tmp_path: Path) -> None:
    ws = tmp_path / "workspace.toml"
    text = gr.demo_paths()["workspace"].read_text()
    ws.write_text(text)
    store = tmp_path / "goals.db"
    gr.review(ws, EXAMPLE / "history-2026-02-10.csv", store=store, today=D(2026, 2, 10))
    ws.write_text(text.replace('target = "x2"', 'target = "+30%"'))
    march = gr.review(ws, EXAMPLE / "history-2026-03-10.csv", store=store, today=D(2026, 3, 10))
    previous = _li(march)["previous"]
    assert isinstance(previous, dict)
    assert previous["changed"] == ["target x2 then, +30% now"]
    assert _li(gr.stored_review(store, D(2026, 3, 10)))["previous"] == previous
    # an unchanged goal's previous is as before: date, verdict, chance
    april = gr.review(ws, EXAMPLE / "history-2026-04-10.csv", store=store, today=D(2026, 4, 10))
    assert set(_li(april)["previous"]) == {"date", "verdict", "probability"}  # type: ignore[arg-type]
