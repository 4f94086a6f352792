"""A rule's message says keys (objectives, roles, metrics) as a sentence does: "brand
awareness", never the key ``brand_awareness`` (kept only where it is a command's
argument: ``goalrules catalog --objective brand_awareness``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.model import Objective

KEYED = sorted(o.value for o in Objective if "_" in o.value)
RAW_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _prose(text: str) -> str:
    """The message less the commands it names (whose arguments are keys)."""
    return re.sub(r"\(goalrules [^)]*\)", "", text)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(KEYED), st.sampled_from(["followers", "leads", "comments"]))
def test_the_relevance_messages_say_an_objective_in_words(objective: str, metric: str) -> None:
    """Before: "comments does not measure customer_service; it measures [community]." and
    "tiktok is not the usual network for customer_service."."""
    smart = gr.shipped_ruleset("smart")
    goal = {"metric": metric, "objective": objective, "channel": "tiktok"}
    report = smart.evaluate({"goal": goal})
    shown = [
        text
        for f in report.findings
        if f.rule in ("relevant.metric-measures-objective", "relevant.channel-fits-objective")
        and f.outcome.value == "fail"
        for text in (f.message, getattr(f, "fix", None) or "")
    ]
    said = " ".join(_prose(t) for t in shown)
    assert objective.replace("_", " ") in said or not said.strip()
    assert not RAW_KEY.findall(said), said
    assert "[" not in said, said


def test_a_brand_channel_doing_its_job_says_its_role_in_words() -> None:
    """Before: "It does the job of its role (brand_awareness)."."""
    facts = {
        "channel": {"months": 6, "formats": 3, "fulfils_role": True, "role": "brand_awareness",
                    "visits_share": 0.2, "leads_share": 0.1, "lead_rate": 0.01},
        "portfolio": {"lead_rate": 0.02},
    }  # fmt: skip
    report = gr.shipped_ruleset("channels").evaluate(facts)
    (kept,) = [f for f in report.findings if f.rule == "keep.fulfils-role"]
    assert "its role (brand awareness)" in kept.message


@pytest.mark.parametrize(
    ("expr", "shown"),
    [("role", "brand awareness"), ("tags", "a b, c")],
)
def test_words_in_a_rule(expr: str, shown: str) -> None:
    text = "fact role: text\nfact tags: list of text\n"
    rules = gr.load_rules(text + f'rule r decision keep check true\n  says "{{words({expr})}}"\n')
    facts = {"role": "brand_awareness", "tags": ["a_b", "c"]}
    (finding,) = rules.evaluate(facts).findings
    assert finding.message == shown


def test_words_of_a_number_is_a_type_error_at_its_place() -> None:
    with pytest.raises(gr.GoalRulesError, match=r"<rules>:2:.*words takes text"):
        gr.load_rules('rule r decision keep check true\n  says "{words(channel.visits)}"\n')


def test_customer_service_by_comments_on_tiktok() -> None:
    goal = {"metric": "comments", "objective": "customer_service", "channel": "tiktok"}
    report = gr.shipped_ruleset("smart").evaluate({"goal": goal})
    said = {f.rule: f.message for f in report.findings if f.outcome.value == "fail"}
    assert said["relevant.metric-measures-objective"] == (
        "comments does not measure customer service; it measures community."
    )
    assert said["relevant.channel-fits-objective"] == (
        "tiktok is not the usual network for customer service."
    )
