"""A ruleset's decision on a channel's facts, from its decision rules alone: the
deciding rule, and the report, its finding and the rules left untold built when asked
for (:attr:`~goalrules.judgments.channels.ChannelDecision.ruling`)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

from goalrules.engine import Finding, Outcome, Report, Rule, RuleSet
from goalrules.engine.lazy_facts import settled
from goalrules.engine.results import _UNKNOWN

__all__ = ["Ruling"]

Date = _dt.date


class Ruling:
    """A ruleset's decision on one set of facts, from its decision rules alone (in
    priority order, up to the first that passes: the rule a full report would name);
    the full report, and the deciding rule's finding, are built when asked for. A
    record not changed once made (equal only to itself); a plain slotted class, made
    once a channel: a frozen attrs class sets each field through a descriptor call."""

    __slots__ = ("facts", "rule", "ruleset", "today")

    def __init__(
        self, rule: Rule | None, ruleset: RuleSet, facts: Mapping[str, Any], today: Date | None
    ) -> None:
        self.rule = rule
        self.ruleset = ruleset
        self.facts = facts
        self.today = today

    def __repr__(self) -> str:
        return (f"Ruling(rule={self.rule!r}, ruleset={self.ruleset!r}, "
                f"facts={self.facts!r}, today={self.today!r})")  # fmt: skip

    @classmethod
    def of(cls, ruleset: RuleSet, facts: Mapping[str, Any], today: Date | None) -> Ruling:
        env = ruleset._numbers(facts)  # as evaluate reads them: quantities as numbers
        return cls(ruleset.decide(env, today=today), ruleset, env, today)

    def report(self) -> Report:
        return self.ruleset.evaluate(settled(self.facts), today=self.today)

    def finding(self) -> Finding | None:
        if self.rule is None:
            return None
        return Finding(self.rule, Outcome.PASS, settled(self.facts), self.today)

    def untold(self, decision: str, said: frozenset[str] = frozenset()) -> list[Finding]:
        """The decision rules ranked above the deciding one (all of them when none
        decided), of another decision than ``decision``, that could not be told: unknown
        for want of a fact (``said``: the facts whose absence the words already say the
        decision does not use, left out). Their order is the ruleset's."""
        above = -math.inf if self.rule is None else self.rule.priority
        facts: Mapping[str, Any] | None = None
        out = []
        for r in self.ruleset.rules:
            if not r.decision or r.decision == decision or r.priority <= above:
                continue
            if r._fast(self.facts, self.today) != _UNKNOWN:
                continue
            if facts is None:
                facts = settled(self.facts)
            finding = Finding(r, Outcome.UNKNOWN, facts, self.today)
            if not set(finding.missing) <= said:
                out.append(finding)
        return out
