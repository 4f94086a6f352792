"""The track record settles a goal only on what the reviews saw by its deadline: a review
after the deadline whose history ends before it (its verdict the forecast, not
``expired``) leaves the goal unsettled, and one that found the value by the deadline met
it counts it hit. Before, any review after the deadline settled a goal not yet seen
reached as "missed"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.reviews.track import track_record_of

D = dt.date
# stored since reviews keep the day their data stands for (data_to): judged by the deadline
GOAL = {"deadline": "2025-12-31", "channel": "linkedin", "metric": "followers",
        "data_to": "2025-12-28"}  # fmt: skip


def rows(after: str | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"workspace": "w", "goal_id": "g", "date": D(2025, 11, 10), "probability": 0.7,
         "verdict": "achievable", "progress": 0.9, "goal": GOAL},
    ]  # fmt: skip
    if after is not None:
        out.append({"workspace": "w", "goal_id": "g", "date": D(2026, 2, 10),
                    "probability": 0.7, "verdict": after, "progress": 0.9, "goal": GOAL})  # fmt: skip
    return out


def test_a_review_after_the_deadline_that_did_not_see_it_settles_nothing() -> None:
    record = track_record_of(rows("achievable"), D(2026, 3, 1))
    assert (record.goals_hit, record.goals_missed) == (0, 0)
    assert record.unsettled == (("w", "g"),)


def test_a_review_after_the_deadline_settles_what_it_saw() -> None:
    assert track_record_of(rows("expired"), D(2026, 3, 1)).goals_missed == 1
    assert track_record_of(rows("achieved"), D(2026, 3, 1)).goals_hit == 1
    assert track_record_of(rows(None), D(2026, 3, 1)).unsettled == (("w", "g"),)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["achieved", "expired", "achievable", "stretch",
                                 "unrealistic", "insufficient_data"]), max_size=4))  # fmt: skip
def test_missed_only_when_a_review_found_the_deadline_short(after: list[str]) -> None:
    items = rows(None) + [
        {"workspace": "w", "goal_id": "g", "date": D(2026, 1, 1 + i), "probability": None,
         "verdict": v, "progress": 0.5, "goal": GOAL} for i, v in enumerate(after)
    ]  # fmt: skip
    record = track_record_of(items, D(2026, 3, 1))
    settled = [v for v in after if v in ("achieved", "expired")]  # the last one settles it
    assert record.goals_hit == (settled[-1:] == ["achieved"])
    assert record.goals_missed == (settled[-1:] == ["expired"])
