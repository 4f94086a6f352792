"""When achievability says it does not know: a history that ends too long before today
(the ruleset's ``max_gap``), and the reasons it gives then (no lower rule's chance, no
duration read in the wrong unit)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months

TODAY = dt.date(2026, 12, 3)


def history(last: dt.date, months: int = 12, growth: float = 1.03) -> list[tuple[dt.date, float]]:
    first = add_months(last.replace(day=1), -(months - 1))
    return [(add_months(first, i), 1000 * growth**i) for i in range(months)]


def goal(deadline: str = "2027-06-30", target: str = "2000 followers") -> gr.Goal:
    return gr.Goal(
        id="g", metric="followers", channel="linkedin", target=target,
        start=TODAY, deadline=deadline,
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 48), st.sampled_from(["500 followers", "2000 followers", "9000 followers"]))
def test_a_history_that_ends_long_ago_is_not_judged_from(gap: int, target: str) -> None:
    """Past the limit (12 months by default) the answer is "we don't know", whatever
    the target (met or not), with no chance and no forecast; within it, a judgment."""
    last = add_months(TODAY.replace(day=1), -gap)
    a = gr.assess_achievability(goal(target=target), history(last), today=TODAY)
    if gap > 12:
        assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
        assert a.probability is None and a.projected is None and a.suggested_target is None
        assert last.isoformat() in a.explanation and "too long ago" in a.explanation
    else:
        assert a.verdict is not gr.Verdict.INSUFFICIENT_DATA


def test_the_limit_is_the_ruleset_s_param() -> None:
    last = add_months(TODAY.replace(day=1), -18)
    g, h = goal(), history(last)
    assert gr.assess_achievability(g, h, today=TODAY).verdict is gr.Verdict.INSUFFICIENT_DATA
    wider = gr.assess_achievability(g, h, today=TODAY, params={"max_gap": "24 months"})
    assert wider.verdict is not gr.Verdict.INSUFFICIENT_DATA


def test_a_history_that_reaches_the_deadline_judges_a_past_goal() -> None:
    """Reviewing a goal due in 2024 from a history that runs to its deadline: the gap
    is measured to the deadline, not to today."""
    g = gr.Goal(
        id="old", metric="followers", target="5000 followers",
        start=dt.date(2024, 1, 1), deadline="2024-06-30",
    )  # fmt: skip
    a = gr.assess_achievability(g, history(dt.date(2024, 7, 1)), today=TODAY)
    assert a.verdict is gr.Verdict.EXPIRED
    # a history that stops on June 1 never saw the value on June 30: judged, not expired
    a = gr.assess_achievability(g, history(dt.date(2024, 6, 1)), today=TODAY)
    assert a.verdict is gr.Verdict.UNREALISTIC and "not known" in a.explanation


def test_smart_says_why_the_history_cannot_judge() -> None:
    last = add_months(TODAY.replace(day=1), -30)
    report = gr.score_smart(goal(), history(last), today=TODAY)
    said = [
        f.message
        for c in report.criteria.values()
        for f in c.findings
        if f.definition.id == "achievable.enough-history"
    ]
    assert said and "too long ago" in said[0] and last.isoformat() in said[0]


def test_too_little_history_gives_no_lower_rule_s_chance() -> None:
    """Two months of history: the reason is the rule that decided; "Unrealistic (0.002 %)",
    which also holds below it, is not given, and the span reads as a month, not 86,400."""
    a = gr.assess_achievability(goal(), history(dt.date(2026, 11, 1), months=2), today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert len(a.reasons) == 1 and "Only 2 monthly observations" in a.reasons[0]
    assert "86,400" not in a.reasons[0] and "%" not in a.reasons[0]


def test_one_observation_reads_in_the_singular() -> None:
    """One month of history: the rule's reason reads "Only 1 monthly observation", not
    "Only 1 monthly observations" (the rule words the count with plural())."""
    a = gr.assess_achievability(goal(), history(dt.date(2026, 11, 1), months=1), today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert a.reasons and a.reasons[0].startswith("Only 1 monthly observation over ")
    assert "observations" not in a.reasons[0]


def test_a_chance_that_underflows_is_never_0_percent() -> None:
    """A target far beyond the forecast (100,000 followers from 1,243 growing 2 % a
    month), judged after the deadline from a history that ends before it, had a chance
    of exactly 0.0: "Chance of reaching the target: 0 %", a certainty the forecast does
    not have (the value by the deadline was not seen). It is the least float above 0."""
    h = [(add_months(dt.date(2025, 6, 1), i), 1000 * 1.02**i) for i in range(12)]
    g = gr.Goal(id="g", metric="followers", channel="linkedin", target="100000 followers",
                start=dt.date(2025, 6, 1), deadline=dt.date(2026, 6, 30))  # fmt: skip
    a = gr.assess_achievability(g, h, today=dt.date(2026, 7, 10))
    assert a.verdict is gr.Verdict.UNREALISTIC
    assert a.probability is not None and 0.0 < a.probability < 1e-300
    assert "Chance of reaching the target: under 1 %" in a.explanation
