"""A ruleset's generated fast paths say what their plain forms say: ``RuleSet.decide`` of
decision rules in order of priority (one generated function, the needs tests written
out: the first rule that passes decides) names the rule a full report names, and so
does the loop it keeps for rules in any other order; ``RuleSet._numbers`` (one
generated check of the quantity fields) converts facts as the field-by-field loop."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dsl.runtime import DQ
from goalrules.engine.lazy_facts import LazyFields
from goalrules.errors import GoalRulesError
from goalrules.judgments.channels import _ruleset
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


_CHANNELS = _ruleset(())
_CHANNEL_FIELDS = ("visits", "leads", "customers", "hours", "spend", "lead_rate")
_QUANTITIES = st.sampled_from(
    [
        None,
        2.5,
        0,
        True,
        "12",
        "12 visits",
        DQ(3.0, (("[visit]", 1),)),
        DQ(3.0, (("[lead]", 1),)),
        DQ(7200.0, (("[time]", 1),)),
        DQ(3.0, (("[currency_USD]", 1),)),
        ["not", "a number"],
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(_CHANNEL_FIELDS), _QUANTITIES),
    st.dictionaries(
        st.sampled_from(("cost_per_lead", "cost_per_customer", "lead_rate")), _QUANTITIES
    ),
    st.sampled_from(["dict", "lazy", "mapping", "none", "number"]),
)
def test_numbers_is_the_conversion_field_by_field(
    channel: dict[str, Any], portfolio: dict[str, Any], kind: str
) -> None:
    """The generated check gives the facts back when nothing needs converting, and
    otherwise converts them as the field-by-field loop does (or fails as it fails)."""
    fact: Any = {
        "dict": channel,
        "lazy": LazyFields(channel, frozenset(), channel.__getitem__, tuple(channel)),
        "mapping": MappingProxyType(channel),
        "none": None,
        "number": 3.0,
    }[kind]
    env = {"channel": fact, "portfolio": portfolio}

    def outcome(fn: Any) -> Any:
        try:
            out = fn(env)
        except GoalRulesError as exc:
            return type(exc).__name__
        return (out is env, repr(out))

    assert outcome(_CHANNELS._numbers) == outcome(_CHANNELS._converted)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["criterion c", "decision keep", "decision cut"]),
            st.integers(0, 3),
            st.sampled_from(["x > 1", "x > 5", "x < 3", "true"]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(0, 8),
)
def test_a_reports_deciding_rule_from_its_codes_is_the_one_its_findings_name(
    rules: list[tuple[str, int, str]], x: int
) -> None:
    """The deciding rule read from a report's outcome codes (the decision rules in order
    of priority, the first in the file on ties) is the one read from all its findings."""
    from goalrules.engine.results import Report

    text = "ruleset t\nfact x: number\n" + "".join(
        f"rule r{i}\n  {kind}"
        + (f"  priority {priority}" if kind.startswith("decision") else "")
        + f"\n  check {check}\n"
        for i, (kind, priority, check) in enumerate(rules)
    )
    report = gr.load_rules(text).evaluate({"x": x})
    whole = Report(report.ruleset, tuple(report.findings))
    got, want = report.decided_by, whole.decided_by
    assert (got.rule_id if got else None) == (want.rule_id if want else None)
