"""What the last earlier review said of a goal, and what of the goal changed since it
(then that review judged another goal: no streak or flag runs across the change)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from goalrules.model.goals import Target

__all__ = ["GOAL_FIELDS", "Previous", "goal_changes", "previous_from"]

Date = _dt.date


@attrs.frozen
class Previous:
    """What the last earlier review said of a goal."""

    date: Date
    verdict: str | None
    probability: float | None
    streak: int = 1
    # what of the goal itself differs since ("target 2,000 followers then, 1,700 now"):
    # its verdict and chance were of another goal, so no streak, no flag runs across them
    changed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from goalrules.judgments.review import _rc

        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "verdict": self.verdict,
            "probability": _rc(self.probability),  # (rounded as the review's own)
        }
        if self.changed:  # its verdict and chance were of another goal: no move to read
            out["changed"] = list(self.changed)
        return out


def previous_from(record: Mapping[str, Any] | None) -> Previous | None:
    """A :class:`Previous` from a stored review row (``None`` stays ``None``)."""
    if record is None:
        return None
    day = record["date"]
    return Previous(
        date=day if isinstance(day, Date) else Date.fromisoformat(str(day)),
        verdict=record.get("verdict"),
        probability=record.get("probability"),
        streak=int(record.get("streak") or 1),
        changed=tuple(str(c) for c in record.get("changed") or ()),
    )


# what of a goal, as the store keeps it, makes it another goal to judge when it changes
GOAL_FIELDS = ("metric", "channel", "target", "baseline", "start", "deadline")


def goal_changes(before: Mapping[str, Any] | None, now: Mapping[str, Any]) -> tuple[str, ...]:
    """What differs between a goal as an earlier review stored it and as it is now, in
    words ("target 2000 follower then, 1700 follower now"); nothing when the earlier
    review did not keep the goal (a store of an older goalrules)."""
    if not before:
        return ()
    out = []
    for key in GOAL_FIELDS:
        if key in before and before.get(key) != now.get(key):
            if key == "target" and _same_target(before.get(key), now.get(key)):
                continue  # the same target written another way ("1,500" and "1500")
            was, is_ = before.get(key) or "none", now.get(key) or "none"
            out.append(f"{key} {was} then, {is_} now")
    return tuple(out)


def _same_target(a: Any, b: Any) -> bool:
    """Whether two target texts say the same target: its kind and its amount ("1,500
    followers" and "1500 followers", "50 leads per month" and "50 leads a month")."""
    if not a or not b:
        return False
    try:
        ta, tb = Target.parse(str(a)), Target.parse(str(b))
        return ta.kind is tb.kind and bool(ta.amount == tb.amount)
    except Exception:  # a text that no longer reads: compared as text
        return False
