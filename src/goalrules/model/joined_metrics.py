"""Two metrics joined before one target: "Increase followers and engagement by 20%",
"followers or leads by 20%", "cut CPA and CPL by 10%", Malay "pengikut dan penglibatan",
Greek "ακολούθων και αλληλεπιδράσεων", Arabic "المتابعين والتفاعل".

A goal holds one metric: the reading is for the first one named, and the second was
dropped without a word. A note now names both, so the goal is seen to hold one of them.
The parts of engagement ("likes, comments and shares") are one metric, engagements.
"""

from __future__ import annotations

import itertools

from goalrules.model.amounts import Amount
from goalrules.patterns import LazyPattern

__all__ = ["metrics_joined"]

# what may stand between two metrics joined ("followers and engagement", "CPA & CPL",
# "followers, leads", "Instagram followers and TikTok engagement")
_JOIN = LazyPattern(r"\s*(?:,\s*)?(?:and|or|&|\+|/|plus)?\s*(?:[a-z]+\s+)?")
# what may stand between the second metric and its target ("by 20%", "to 10k", "up 20%")
_TO_TARGET = LazyPattern(r"\s*(?:(?:by|to|up|down|of|at|on|from|in)\b\s*){0,2}(?:[a-z]+\s*)?$")
# the parts of engagement, one metric together
_ENGAGEMENT_PARTS = frozenset({"engagements", "comments", "shares", "likes", "reactions", "saves"})


def metrics_joined(
    text: str,
    low: str,
    mentions: list[tuple[int, int, str, str]],
    target: Amount | None,
    metric: str | None,
) -> str | None:
    """The note for two metrics joined before the target (see the module), when the goal
    is read for one of them (``metric``); ``None`` otherwise."""
    if target is None or metric is None:
        return None
    before = [m for m in mentions if m[1] <= target.start]
    for (a0, a1, key_a, _), (b0, b1, key_b, _) in itertools.pairwise(before):
        if key_a == key_b or {key_a, key_b} <= _ENGAGEMENT_PARTS or metric not in (key_a, key_b):
            continue
        join = _JOIN.fullmatch(low, a1, b0)
        if join is None or not low[a1:b0].strip():
            continue
        if _TO_TARGET.match(low[b1 : target.start]) is None:
            continue
        said = " ".join(text[a0:b1].split())
        read = " ".join((text[a0:a1] if metric == key_a else text[b0:b1]).split())
        return (
            f'"{said}" names two metrics for one target: a goal holds one, so it is read for '
            f'"{read}" alone; write a goal for each'
        )
    return None
