"""A chance is shown one way in a report: a rule's message says it as the explanation
beside it does (whole percent, never rounded across one half or a verdict's threshold,
never "0 %" or "100 %" for a chance that is neither). The SMART finding said "(chance
33.8 %)" beside "Chance of reaching the target: 34 %", and "(chance 0 %)" beside "under
1 %", its other percentages then written with eight decimals ("needs 11.43867426 % a
month") to keep that "0 %" apart from 0."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import demo_paths
from goalrules.cli import main
from goalrules.judgments.achievability import chance_edges_of
from goalrules.judgments.achievability_text import chance_percent

GOAL = gr.Goal("g", metric="followers", channel="linkedin", objective="brand_awareness",
               target="2,000 followers", start="2026-01-01", deadline="2026-12-31")  # fmt: skip
SAID = re.compile(r"Chance of reaching the target: ((?:under |over )?\d+ %)")


def _supported(report: gr.SmartReport) -> str:
    for criterion in report.criteria.values():
        for finding in criterion.findings:
            if finding.rule == "achievable.supported-by-growth":
                assert finding.message is not None
                return finding.message
    raise AssertionError("no achievable.supported-by-growth finding")


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 0.4999), st.sampled_from(["stretch", "unrealistic"]))  # (it fails)
def test_the_smart_finding_says_the_chance_as_the_explanation(p: float, verdict: str) -> None:
    ach = gr.Achievability(gr.Verdict(verdict), probability=p, required_rate=0.114387,
                           historical_rate=0.02615)  # fmt: skip
    message = _supported(gr.score_smart(GOAL, achievability=ach, today="2026-03-01"))
    assert f"(chance {chance_percent(p, ach.chance_edges)})." in message, message
    assert "needs 11.4 % a month" in message and "grew 2.6 % a month" in message, message


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.sampled_from([None, "60 %", "30 %"]))
def test_the_achievability_reason_says_the_chance_as_the_explanation(
    p: float, achievable: str | None
) -> None:
    rules = gr.shipped_ruleset(
        "achievability", params={"achievable": achievable} if achievable else None
    )
    facts = {"met": False, "deadline_passed": False, "deadline_seen": False,
             "observations": 12, "span": "11 months", "current": "1,000 followers",
             "target": "2,000 followers", "probability": p, "required_rate": 0.1,
             "historical_rate": 0.02}  # fmt: skip
    said = [f.message for f in rules.evaluate(history=facts).findings
            if f.outcome.value == "pass" and f.definition.decision]  # fmt: skip
    assert said and said[0] is not None
    assert f"({chance_percent(p, chance_edges_of(rules))})" in said[0], said[0]


def test_every_format_of_the_demo_says_each_chance_one_way(tmp_path: object) -> None:
    paths = demo_paths()
    args = ["check", str(paths["workspace"]), "--history", str(paths["history"]),
            "--performance", str(paths["performance"]), "--today", "2026-01-10"]  # fmt: skip
    import io

    out = io.StringIO()
    assert main([*args, "--format", "json"], out=out) == 0
    doc = json.loads(out.getvalue())
    seen = 0
    for goal in doc["goals"]:
        ach = goal["achievability"]
        if not ach or ach["probability"] is None:
            continue
        explained = SAID.search(ach["explanation"])
        assert explained is not None
        for finding in goal["smart"]["criteria"]["achievable"]["findings"]:
            if finding["rule"] == "achievable.supported-by-growth":
                assert f"(chance {explained.group(1)})" in finding["message"], finding["message"]
                seen += 1
    assert seen
    for fmt in ("text", "markdown", "html"):
        out = io.StringIO()
        assert main([*args, "--format", fmt], out=out) == 0
        shown = set(
            re.findall(
                r"[Cc]hance[^0-9<>]{0,40}?((?:under |over |&lt; |&gt; )?\d+(?:\.\d+)? %)",
                out.getvalue(),
            )
        )
        assert shown and not any("." in s for s in shown), (fmt, shown)
