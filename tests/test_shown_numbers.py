"""Each number is rounded in one place, so the outputs agree: a chance is written with
the same decimals in the check's CSV and JSON and in the review's JSON (before: four in
the CSV, six in the JSON, and the review's rounded across the verdict's thresholds), and
a review writes its value and its path alike (before, the HTML showed a path "30.92"
beside a value "29", and a period of 12,345 leads as "1.234e+04")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import demo_paths, start_check
from goalrules.judgments.achievability import shipped_chance_edges
from goalrules.judgments.achievability_text import CHANCE_DIGITS, chance_percent, shown_chance
from goalrules.judgments.review import review_goal
from goalrules.report.review import render_review
from goalrules.report.stream import stream_check
from goalrules.reviews.audit import explanation

D = dt.date
PATHS = demo_paths()


def streamed(fmt: str) -> str:
    buf = io.StringIO()
    stream_check(start_check(PATHS["workspace"], history=PATHS["history"],
                             performance=PATHS["performance"]), fmt, buf)  # fmt: skip
    return buf.getvalue()


def test_the_csv_and_the_json_write_the_same_chance() -> None:
    doc = json.loads(streamed("json"))
    rows = list(csv.DictReader(io.StringIO(streamed("csv"))))
    seen = 0
    for row, goal in zip(rows, doc["goals"], strict=True):
        ach = goal["achievability"]
        if ach is not None and ach["probability"] is not None:
            assert float(row["probability"]) == ach["probability"]  # the same number
            seen += 1
    assert seen


def test_a_review_writes_its_value_and_path_alike(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    reviews = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
    for day in ("2026-02-10", "2026-03-10"):
        result = gr.review(PATHS["workspace"], reviews / f"history-{day}.csv", store=store,
                           today=D.fromisoformat(day))  # fmt: skip
    page = render_review(result, "html")
    cells = re.findall(r'<td class="num">([^<]*)</td><td class="num">([^<]*)</td><td>', page)
    assert cells
    for value, path in cells:  # counts in whole numbers, both of them
        assert "." not in value and "." not in path, (value, path)
    row = {"goal_id": "g", "value": 29.0, "path": 30.92, "baseline": 20.0, "target": 60.0,
           "unit": "lead", "probability": 0.0999999}  # fmt: skip
    said = explanation(row)
    assert "value 29 leads against the path's 31" in said
    assert "chance 9.99 %" in said  # not "10.00 %" under the 10 % threshold


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0))
def test_every_shown_chance_is_one_rounding(p: float) -> None:
    """The review's JSON, the check's JSON and the text agree on every chance: the same
    decimals, the same side of every verdict threshold."""
    edges = shipped_chance_edges()
    shown = shown_chance(p, edges)
    assert shown == round(shown, CHANCE_DIGITS) or 0 < p < 10**-CHANCE_DIGITS or p > 0.9999
    for edge in edges:
        assert (shown >= edge) == (p >= edge)
    goal = gr.Goal("g", metric="followers", target="2,000 followers", start="2026-01-01",
                   deadline="2026-12-31")  # fmt: skip
    ach = gr.Achievability(gr.Verdict.STRETCH, probability=p)
    reviewed = review_goal(goal, None, ach, D(2026, 6, 1)).to_dict()
    assert reviewed["probability"] == ach.to_dict()["probability"] == shown
    percent = int(re.sub(r"\D", "", chance_percent(p, edges)))
    for edge in edges:  # the text's whole percent lies on the chance's side too
        if p < edge:
            assert percent < 100 * edge or "under" in chance_percent(p, edges)
