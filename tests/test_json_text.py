"""The report's JSON encoder writes exactly what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import datetime as dt
import gc
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.report.json_text import Encoded, dumps

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


@settings(max_examples=200)
@given(
    st.lists(st.dictionaries(keys, scalars, max_size=4), min_size=2, max_size=4), st.integers(0, 2)
)
def test_keys_kept_from_earlier_reports_write_the_same_text(
    values: list[dict[object, object]], depth: int
) -> None:
    # the keys' pieces are kept per indent: later values (and numbers and texts that are
    # equal as keys, 1 and "1", False, None) are written as json writes them
    for value in [*values, {1: 0, "1": 1, False: 2, 1.5: 3, None: 4}, *values]:
        expected = json.dumps(value, indent=2, default=str).replace("\n", "\n" + "  " * depth)
        assert dumps(value, depth) == expected
        assert dumps([value, value], depth) == json.dumps(
            [value, value], indent=2, default=str
        ).replace("\n", "\n" + "  " * depth)


def _encoded_in(value: object) -> tuple[object, object]:
    """``value`` in a list and a dict as an Encoded (keyed by its compact JSON, which
    holds all its text shows), and the same structure with the value itself."""
    built = Encoded(("test", json.dumps(value, default=str)), lambda: value)
    return ({"a": [1, built], "b": built}, {"a": [1, value], "b": value})


@settings(max_examples=200)
@given(values, st.integers(0, 3))
def test_an_encoded_value_writes_what_its_value_writes(value: object, depth: int) -> None:
    # written from the memo or built: the text of the value, at the indent it is written at
    with_encoded, plain = _encoded_in(value)
    expected = dumps(plain, depth)
    assert dumps(with_encoded, depth) == expected  # built, then kept
    assert dumps(with_encoded, depth) == expected  # from the memo
    assert dumps(with_encoded, depth + 1) == dumps(plain, depth + 1)  # another indent


def test_an_encoded_value_is_built_once_per_indent() -> None:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return {"passed": True, "findings": [{"rule": "r", "outcome": "pass"}]}

    key = ("test", "built once", id(calls))
    for _ in range(3):
        dumps([Encoded(key, build)], 1)
    assert len(calls) == 1
    dumps([Encoded(key, build)], 2)
    assert len(calls) == 2


def test_dumps_leaves_no_cycle_for_the_collector() -> None:
    gc.collect()
    gc.disable()
    try:
        for depth in range(3):
            dumps({"a": [{"b": 1}, [2, {"c": None}]]}, depth)
        assert gc.collect() == 0
    finally:
        gc.enable()
