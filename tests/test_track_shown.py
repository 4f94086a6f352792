"""The track record never shows a chance or a score as what it is not: a mean chance of
0.002 is "under 1 %", not "0 %", and a Brier score of 0.00002 is "under 0.001", not
"0.000" beside "(0 is perfect)"; the JSON keeps a nonzero mean above 0."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.report.track import render_track_record
from goalrules.reviews.track import track_record_of

D = dt.date
GOAL = {"deadline": "2025-12-31", "channel": "linkedin", "metric": "followers",
        "data_to": "2025-12-28"}  # fmt: skip


def _rows(chances: list[float], hit: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"workspace": "w", "goal_id": "g", "date": D(2025, 1 + i, 10), "probability": p,
         "verdict": "unrealistic", "progress": 0.5, "goal": GOAL}
        for i, p in enumerate(chances)
    ]  # fmt: skip
    rows.append({"workspace": "w", "goal_id": "g", "date": D(2026, 1, 10), "probability": None,
                 "verdict": "achieved" if hit else "expired", "progress": 1.0 if hit else 0.5,
                 "goal": GOAL})  # fmt: skip
    return rows


def test_a_tiny_chance_is_not_zero() -> None:
    record = track_record_of(_rows([0.002, 0.00001], hit=False), D(2026, 3, 1))
    text = render_track_record(record, "text")
    assert "0 %    under 1 %" in text  # hit rate 0 % (no hit), mean chance under 1 %
    assert "Brier score: under 0.001" in text and "0.000" not in text
    data = json.loads(render_track_record(record, "json"))
    (band,) = data["reliability"]
    assert 0 < band["mean_probability"] < 0.01 and 0 < data["brier"] < 0.001


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=8), st.booleans())
def test_zero_and_one_only_when_they_are(chances: list[float], hit: bool) -> None:
    record = track_record_of(_rows(chances, hit), D(2026, 3, 1))
    data = json.loads(render_track_record(record, "json"))
    mean = sum(chances) / len(chances)
    for group in data["by_verdict"]:
        assert (group["mean_probability"] == 0) == (mean == 0)
        assert (group["mean_probability"] == 1) == (mean == 1)
    brier = sum((p - hit) ** 2 for p in chances) / len(chances)
    assert (data["brier"] == 0) == (brier == 0)
    text = render_track_record(record, "markdown")
    if brier > 0:
        assert "**0.000**" not in text
