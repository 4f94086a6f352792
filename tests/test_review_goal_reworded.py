"""A target written another way between two reviews ("1,500 followers" then "1500
followers", "50 leads per month" then "50 leads a month") is the same goal: the review
said "the goal changed since the last review (target 1,500 followers then, 1500
followers now)", started its streak again and raised no reset flag across it. A target
is compared by what it says (its kind and amount), not by its text; a real change
still reads as one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.judgments.review import goal_changes

SAME = [
    ("1,500 followers", "1500 followers"),
    ("1500 followers", "1.5k followers"),
    ("50 leads per month", "50 leads a month"),
    ("+20%", "+20 %"),
    ("x2", "double"),
]


def _goal(target: str) -> dict[str, str]:
    return {"metric": "followers", "channel": "x", "target": target, "baseline": "none",
            "start": "2026-01-01", "deadline": "2026-05-31"}  # fmt: skip


def test_a_target_written_another_way_is_no_change() -> None:
    for before, now in SAME:
        assert goal_changes(_goal(before), _goal(now)) == (), (before, now)
    assert goal_changes(_goal("1,500 followers"), _goal("1,700 followers")) == (
        "target 1,500 followers then, 1,700 followers now",
    )
    assert goal_changes(_goal("+20%"), _goal("+20 followers")) != ()


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 99_999), st.integers(1, 99_999))
def test_a_change_is_said_exactly_when_the_amount_differs(a: int, b: int) -> None:
    changed = goal_changes(_goal(f"{a:,} followers"), _goal(f"{b} followers"))
    assert (changed != ()) == (a != b)
