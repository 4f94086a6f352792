"""``RuleSet.decide`` of decision rules in order of priority (one generated function:
the first rule that passes decides) names the rule a full report names; and so does
the loop it keeps for rules in any other order."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.lazy_facts import LazyFields
from tests.test_row_path import _FIELDS, checks


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(checks, st.sampled_from([1, 2, 5, 9])), min_size=1, max_size=5),
    st.booleans(),
    st.data(),
)
def test_decide_names_the_rule_the_report_names(
    rules: list[tuple[str, int]], in_order: bool, data: st.DataObject
) -> None:
    if in_order:
        rules = sorted(rules, key=lambda r: -r[1])
    text = "ruleset t\n" + "".join(
        f'rule r{i}\n  decision keep  priority {priority}\n  check {check}\n  says "r{i}"\n'
        for i, (check, priority) in enumerate(rules)
    )
    ruleset = gr.load_rules(text)
    assert (ruleset._decide_in_order is not None) == ruleset._deciders_ordered
    if in_order:
        assert ruleset._decide_in_order is not None
    for _ in range(6):
        facts: dict[str, Any] = {"channel": {}, "portfolio": {}}
        for path, values in _FIELDS.items():
            fact, field = path.split(".")
            facts[fact][field] = data.draw(values)
        env = ruleset._numbers(facts)
        decided = ruleset.decide(env)
        report = ruleset.evaluate(env)
        assert (decided.id if decided else None) == (
            report.decided_by.rule_id if report.decided_by else None
        )
        # the channel's fields partly pending (computed on first read): the same rule
        channel = env["channel"]
        pending = frozenset(data.draw(st.sets(st.sampled_from(sorted(channel)))))
        lazy = LazyFields(
            {k: v for k, v in channel.items() if k not in pending},
            pending,
            channel.__getitem__,
            tuple(channel),
        )
        assert ruleset.decide({**env, "channel": lazy}) is decided
        assert lazy == channel
