"""What a review has to say: each goal's changes since the last earlier review (a flag
raised or cleared, a move to another pace band), checked by the shipped ``alerts``
ruleset (``src/goalrules/rules/alerts.rules``): a failing rule is an alert, with its
message. ``goalrules review --notify`` sends them (:mod:`goalrules.reviews.notify`).

>>> facts = changes({"flags": ["slipping"], "pace": "behind"},
...                 {"flags": [], "pace": "on_track"}, goal="g")
>>> [(f["change"], f.get("flag") or f.get("pace")) for f in facts]
[('raised', 'slipping'), ('pace', 'behind')]
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from goalrules.engine import RuleSet, shipped_ruleset

__all__ = ["Alert", "alert_rules", "alerts_of", "changes", "flag_words", "pace_words"]

Date = _dt.date

# the words an alert uses for a pace band and a flag (the JSON keeps the names)
_PACE_NOW = {
    "ahead": "ahead of the required path",
    "on_track": "on track with the required path",
    "behind": "behind the required path",
}
_PACE_THEN = {"ahead": "ahead of it", "on_track": "on track", "behind": "behind it"}
_FLAGS = {
    "reset_candidate": "a candidate to reset",
    "achieved": "achieved",
    "expired": "expired",
    "slipping": "slipping",
}


def pace_words(pace: str | None, *, then: bool = False) -> str | None:
    """A pace band in words: "behind the required path" (``then``: as a later sentence
    names it again, "behind it"); a band of another ruleset, its name in words."""
    if pace is None:
        return None
    said = (_PACE_THEN if then else _PACE_NOW).get(pace)
    return said if said is not None else pace.replace("_", " ")


def flag_words(flag: str | None) -> str | None:
    """A flag in words: ``reset_candidate`` is "a candidate to reset"; a flag of another
    ruleset, its name in words."""
    if flag is None:
        return None
    return _FLAGS.get(flag, flag.replace("_", " "))


@functools.cache
def alert_rules() -> RuleSet:
    """The shipped ``alerts`` ruleset."""
    return shipped_ruleset("alerts")


@attrs.frozen
class Alert:
    """One change worth sending: which goal, what changed, and the rule's message."""

    workspace: str
    date: Date
    review: int
    goal: str
    change: str  # "raised", "cleared" or "pace"
    subject: str  # the flag raised or cleared, or the pace band now
    rule: str
    message: str

    @property
    def key(self) -> str:
        """What identifies the alert within its review (a re-run sends it once)."""
        return f"{self.goal}|{self.change}|{self.subject}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal,
            "change": self.change,
            "subject": self.subject,
            "rule": self.rule,
            "message": self.message,
        }


def changes(
    now: Mapping[str, Any], before: Mapping[str, Any] | None, *, goal: str
) -> list[dict[str, Any]]:
    """The facts of each change of one goal between two reviews' rows (``before`` is
    ``None`` at the goal's first review: its flags are raised, it has no pace change)."""
    flags_now = list(now.get("flags") or [])
    flags_before = list((before or {}).get("flags") or [])
    said = dict(zip(flags_now, list(now.get("findings") or [])[: len(flags_now)], strict=False))
    base = {
        "goal": goal,
        "pace": now.get("pace"),
        "previous_pace": (before or {}).get("pace"),
        "pace_text": pace_words(now.get("pace")),
        "previous_pace_text": pace_words((before or {}).get("pace"), then=True),
        "probability": now.get("probability"),
        "previous_probability": (before or {}).get("probability"),
    }
    out = [
        {
            **base,
            "change": "raised",
            "flag": f,
            "flag_text": flag_words(f),
            "message": said.get(f, ""),
        }
        for f in flags_now
        if f not in flags_before
    ]
    out += [
        {**base, "change": "cleared", "flag": f, "flag_text": flag_words(f), "message": ""}
        for f in flags_before
        if f not in flags_now
    ]
    if (  # a move to another band, or a pace known for the first time since
        before is not None and now.get("pace") is not None and now.get("pace") != before.get("pace")
    ):
        out.append({**base, "change": "pace", "flag": None, "flag_text": None, "message": ""})
    return out


def alerts_of(
    workspace: str,
    day: Date,
    number: int,
    rows: Sequence[Mapping[str, Any]],
    earlier: Mapping[str, Mapping[str, Any]] | None,
    *,
    rules: RuleSet | None = None,
) -> list[Alert]:
    """The alerts of one review: its goal rows against the last earlier review's
    (``earlier``, by goal id; ``None`` when it is the first review)."""
    ruleset = rules or alert_rules()
    out: list[Alert] = []
    for row in rows:
        goal = str(row["goal_id"])
        before = earlier.get(goal) if earlier is not None else None
        changed = list(((row.get("previous") or {}).get("changed")) or [])
        # a change across a change of the goal itself (a target reset) says so
        since = (
            f" The goal changed since the last review ({'; '.join(changed)})." if changed else ""
        )
        for facts in changes(row, before, goal=goal):
            report = ruleset.evaluate(facts, today=day)
            for finding in report.findings:
                if finding.outcome.value != "fail":
                    continue
                subject = facts["flag"] if facts["change"] != "pace" else str(facts["pace"])
                out.append(
                    Alert(
                        workspace,
                        day,
                        number,
                        goal,
                        facts["change"],
                        subject,
                        finding.rule,
                        finding.message.strip() + since,
                    )
                )
    return out
