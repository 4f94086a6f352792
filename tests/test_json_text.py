"""The report's JSON encoder writes exactly what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.report.json_text import dumps

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.dates()
)
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(values, st.integers(0, 3))
def test_same_text_as_json_dumps(value: object, depth: int) -> None:
    expected = json.dumps(value, indent=2, default=str).replace("\n", "\n" + "  " * depth)
    assert dumps(value, depth) == expected


def test_a_judged_goal_reads_back() -> None:
    goal = {"id": "g1", "when": dt.date(2026, 1, 31), "p": 0.25, "tags": ("a", "b"), "x": {}}
    assert json.loads(dumps(goal)) == {
        "id": "g1",
        "when": "2026-01-31",
        "p": 0.25,
        "tags": ["a", "b"],
        "x": {},
    }


def test_a_cycle_is_refused_as_json_refuses_it() -> None:
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        dumps(loop)


def test_a_key_json_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError):
        dumps({(1, 2): 3})
