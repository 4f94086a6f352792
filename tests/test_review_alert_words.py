"""Alerts read as plain sentences: a pace band and a flag in words a marketer uses,
never the names the JSON keeps (``on_track``, ``reset_candidate``), never "ahead the"."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.reviews.alerts import alerts_of

NAMES = ("on_track", "reset_candidate")
FLAGS = st.sets(st.sampled_from(["slipping", "reset_candidate", "achieved", "expired"]))
PACE = st.sampled_from(["ahead", "on_track", "behind", None])


def _alerts(now: set[str], before: set[str], pace: str | None, was: str | None) -> list[str]:
    row = {"goal_id": "li-followers", "flags": sorted(now), "findings": [], "pace": pace}
    earlier = {"li-followers": {"flags": sorted(before), "pace": was}}
    return [a.message for a in alerts_of("w", dt.date(2026, 5, 1), 2, [row], earlier)]


def test_a_pace_change_is_a_sentence() -> None:
    (said,) = _alerts(set(), set(), "ahead", "on_track")
    assert said == (
        "li-followers is now ahead of the required path; at the last review it was on track."
    )
    (said,) = _alerts(set(), set(), "on_track", "behind")
    assert said == (
        "li-followers is now on track with the required path; at the last review it was behind it."
    )


def test_a_flag_is_named_in_words() -> None:
    row = {"goal_id": "g", "flags": ["reset_candidate"], "pace": None,
           "findings": ["Unrealistic at two reviews in a row: lower the target."]}  # fmt: skip
    (raised,) = alerts_of("w", dt.date(2026, 5, 1), 2, [row], {"g": {"flags": []}})
    assert raised.message == (
        "g is flagged as a candidate to reset. Unrealistic at two reviews in a row: lower "
        "the target."
    )
    assert raised.subject == "reset_candidate"  # the JSON keeps the flag's name
    (cleared,) = alerts_of("w", dt.date(2026, 5, 1), 3, [{**row, "flags": []}],
                           {"g": {"flags": ["slipping"]}})  # fmt: skip
    assert cleared.message == "g is no longer flagged as slipping since the last review."


@settings(max_examples=60, deadline=None)
@given(FLAGS, FLAGS, PACE, PACE)
def test_no_alert_shows_a_code_name(
    now: set[str], before: set[str], pace: str | None, was: str | None
) -> None:
    for said in _alerts(now, before, pace, was):
        assert not any(name in said for name in NAMES), said
        assert not re.search(r"\bahead the\b", said), said
        assert "(was " not in said and said.endswith("."), said
