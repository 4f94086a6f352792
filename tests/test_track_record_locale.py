"""The track record in a locale. With ``--locale de`` it wrote "Brier score: 0.335 (0
is perfect; always 50 % scores 0.250)" and "It rests on 1500 forecasts" beside German
reports, where 0.335 reads as 335 and a count is grouped "1.500"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.numbers import use_locale
from goalrules.report.track import render_track_record
from goalrules.reviews.track import track_record_of

D = dt.date


def _german(text: str) -> str:
    """English number signs swapped for German ones (between digits only)."""
    return re.sub(r"(?<=\d)[,.](?=\d)", lambda m: "." if m[0] == "," else ",", text)


def _body(text: str) -> list[str]:
    return re.sub(r"<svg.*?</svg>", "", text, flags=re.S).splitlines()


def _rows(items: list[tuple[int, float, bool, str]], copies: int) -> list[dict[str, Any]]:
    """Each goal reviewed once before its deadline and once after it."""
    rows = []
    for i, (days, p, reached, network) in enumerate(items * copies):
        goal = {"deadline": "2025-01-31", "channel": network, "data_to": "2025-01-31"}
        rows.append({"workspace": "w", "goal_id": f"g{i}", "date": D(2025, 1, 1 + days),
                     "probability": p, "verdict": "stretch",
                     "progress": 1.0 if reached else 0.5, "goal": goal})  # fmt: skip
        rows.append({"workspace": "w", "goal_id": f"g{i}", "date": D(2025, 2, 5),
                     "probability": None, "verdict": "achieved" if reached else "expired",
                     "progress": 1.0 if reached else 0.5,
                     "goal": goal})  # fmt: skip
    return rows


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 30), st.floats(0, 1), st.booleans(), st.sampled_from(["x", "linkedin"])
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from([1, 250]),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_the_track_record_in_german_is_the_english_one_in_german_signs(
    items: list[tuple[int, float, bool, str]], copies: int, fmt: str
) -> None:
    record = track_record_of(_rows(items, copies), D(2025, 3, 1))
    english = render_track_record(record, fmt)
    with use_locale("de"):
        german = render_track_record(record, fmt)
    assert _body(german) == [_german(line) for line in _body(english)]


def test_a_large_track_record_in_german() -> None:
    record = track_record_of(_rows([(3, 0.7, True, "x"), (9, 0.2, False, "x")], 750), D(2025, 3, 1))
    with use_locale("de"):
        text = render_track_record(record, "text")
    assert "It rests on 1.500 forecasts from 1.500 goals (750 hit, 750 missed)" in text
    assert re.search(r"Brier score: 0,\d{3} \(0 is perfect; always 50 % scores 0,250\)", text)
