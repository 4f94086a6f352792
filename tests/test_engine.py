from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine import Outcome

RULES = """
ruleset demo "Demo"

param big = 1000 visits
fact visits: visit
fact leads: lead
fact channel: text
fact hours: hour
fact start: date

rule volume.enough
  criterion volume weight 2
  check visits >= big
  says "Only {visits} this month (need {big})."
  fix "Post more often on {channel}."

rule volume.rate
  criterion volume
  when visits > 0
  check leads / visits > 2 %
  fail "Lead rate {leads / visits} is at or under 2%."

rule quality.effort
  criterion quality
  check hours < 40 hours or channel in ["linkedin"]

rule keep decision keep priority 3
  check leads / visits > 5 %
  says "keep: lead rate {leads / visits}"

rule cut decision cut priority 1
  check leads == 0
  says "no leads"

rule fresh decision experiment priority 5
  when start is set
  check months_between(start, today) < 3 months
  says "still in trial"
"""


@pytest.fixture(scope="module")
def rs() -> gr.RuleSet:
    return gr.load_rules(RULES)


def test_criteria_are_weighted_shares(rs: gr.RuleSet) -> None:
    report = rs.evaluate(visits=500, leads=20, channel="x", hours=10)
    volume = report.criteria["volume"]
    assert volume.score == pytest.approx(1 / 3)  # enough (w2) fails, rate (w1) passes
    assert not volume.passed
    assert report.criteria["quality"].passed
    assert (
        report.finding("volume.enough").message == "Only 500 visits this month (need 1,000 visits)."
    )
    assert report.finding("volume.enough").fix == "Post more often on x."


def test_decision_is_the_passing_rule_of_highest_priority(rs: gr.RuleSet) -> None:
    report = rs.evaluate(visits=100, leads=10, channel="x", hours=1)
    assert report.decision == "keep"
    assert report.decided_by is not None and report.decided_by.message == "keep: lead rate 10 %"
    fresh = rs.evaluate(visits=100, leads=10, start=dt.date(2026, 4, 1), today=dt.date(2026, 5, 1))
    assert fresh.decision == "experiment"


def test_missing_fact_gives_unknown_naming_it(rs: gr.RuleSet) -> None:
    report = rs.evaluate(visits=2000)
    f = report.finding("volume.rate")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("leads",)
    assert f.message == "Cannot tell: leads is missing."
    assert report.finding("volume.enough").outcome is Outcome.PASS


def test_guard_skips(rs: gr.RuleSet) -> None:
    report = rs.evaluate(visits=0, leads=0, channel="x", hours=1)
    assert report.finding("volume.rate").outcome is Outcome.SKIPPED
    assert report.criteria["volume"].score == 0.0  # only `enough` applies, and fails
    assert report.finding("keep").outcome is Outcome.UNKNOWN  # 0 / 0 is undefined
    assert "division by zero" in (report.finding("keep").reason or "")


def test_explain_shows_values(rs: gr.RuleSet) -> None:
    text = rs.evaluate(visits=500, leads=20, channel="x", hours=10).explain()
    assert "volume.enough [FAIL]" in text
    assert "visits = 500 visits" in text
    assert "leads / visits = 4 %" in text


def test_to_dict_is_json_ready(rs: gr.RuleSet) -> None:
    import json

    d = rs.evaluate(visits=500, leads=20, channel="x", hours=10).to_dict()
    json.dumps(d)
    assert d["criteria"]["volume"]["score"] == pytest.approx(0.3333, abs=1e-4)
    assert d["decision"] is None


def test_params_can_be_overridden(rs: gr.RuleSet) -> None:
    low = rs.with_params(big="100 visits")
    assert low.evaluate(visits=500, leads=1).finding("volume.enough").outcome is Outcome.PASS
    assert low.params["big"] == 100
    with pytest.raises(gr.RuleTypeError):
        rs.with_params(big="3 followers")
    with pytest.raises(gr.UnknownNameError):
        rs.with_params(bigg="3 visits")
    assert gr.load_rules(RULES, params={"big": 10}).params["big"] == 10


def test_merge_replaces_by_id_and_without_removes(rs: gr.RuleSet) -> None:
    other = gr.load_rules(
        "fact visits: visit\nrule volume.enough criterion volume check visits > 1"
    )
    merged = rs.merge(other)
    assert len(merged) == len(rs)
    assert merged.rule("volume.enough").check_text == "visits > 1"
    assert len(rs.without("cut")) == len(rs) - 1
    with pytest.raises(gr.UnknownNameError):
        rs.without("nope")


def test_outcome_table(rs: gr.RuleSet) -> None:
    facts = [{"visits": v, "leads": v // 10, "channel": "x", "hours": 1} for v in (0, 500, 5000)]
    table = rs.outcome_table(facts)
    assert table["volume.enough"] == [Outcome.FAIL, Outcome.FAIL, Outcome.PASS]
    assert table["volume.rate"] == [Outcome.SKIPPED, Outcome.PASS, Outcome.PASS]


VALUES = st.one_of(
    st.none(),
    st.integers(-5, 5000),
    st.floats(-10, 1e5, allow_nan=False),
    st.sampled_from(["linkedin", "x", "12", "1,200", "abc", True, dt.date(2026, 1, 1)]),
)
# pint quantities in a quantity field carry that field's dimension (or none): the
# documented contract of compiled rules (see docs/dsl.md, "Fact values")
PINT = {
    "visits": st.sampled_from(
        [gr.quantity("3 visits"), gr.quantity("1.2k visits"), gr.quantity("2 %")]
    ),
    "leads": st.sampled_from([gr.quantity("3 leads"), gr.quantity("0.5")]),
    "hours": st.sampled_from([gr.quantity("2 h"), gr.quantity("150 min"), gr.quantity("45 min")]),
}


@st.composite
def fact_dicts(draw: st.DrawFn) -> dict[str, object]:
    keys = draw(
        st.lists(st.sampled_from(["visits", "leads", "channel", "hours", "start"]), unique=True)
    )
    return {k: draw(st.one_of(VALUES, PINT[k]) if k in PINT else VALUES) for k in keys}


@given(fact_dicts())
def test_fast_path_agrees_with_careful_path(facts: dict[str, object]) -> None:
    rs = gr.load_rules(RULES)
    for rule in rs:
        fast = rule.outcome(facts, today=dt.date(2026, 5, 1))
        careful = rule.trace(facts, today=dt.date(2026, 5, 1)).outcome
        assert fast is careful, (rule.id, facts)


def test_load_rules_from_a_path(tmp_path: pytest.TempPathFactory) -> None:
    p = tmp_path / "mine.rules"  # type: ignore[operator]
    p.write_text("ruleset mine\nfact n: number\nrule a criterion c check n > 1\n")
    rs = gr.load_rules(p)
    assert rs.name == "mine"
    assert gr.load_rules(str(p)).rule("a").line == 3
    with pytest.raises(gr.GoalRulesError, match="no such rule file"):
        gr.load_rules(str(tmp_path / "missing.rules"))  # type: ignore[operator]


@given(fact_dicts())
def test_decide_is_the_fast_path_of_decided_by(facts: dict[str, object]) -> None:
    rs = gr.load_rules(RULES)
    today = dt.date(2026, 5, 1)
    by_report = rs.evaluate(facts, today=today).decided_by
    assert rs.decide(facts, today=today) is (by_report.definition if by_report else None)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0, 1e5, allow_nan=False),
    st.floats(0, 1e4, allow_nan=False),
    st.sampled_from(["minute", "hour", "day"]),
)
def test_quantity_facts_give_the_outcomes_of_the_numbers_they_stand_for(
    visits: float, time: float, unit: str
) -> None:
    """Pint quantities are converted once at the boundary: any unit of the field's
    dimension gives the outcomes of the plain number in the declared unit."""
    rs = gr.load_rules(
        "fact visits: visit\nfact wait: hour\n"
        "rule a check visits > 1,000 visits\nrule b check wait <= 2 hours\n"
        "rule c decision d check visits / 2 > 10 visits and wait > 30 minutes"
    )
    hours = time * {"minute": 1 / 60, "hour": 1.0, "day": 24.0}[unit]
    assume(abs(hours - 2) > 1e-6 and abs(hours - 0.5) > 1e-6)  # no rounding at a threshold
    plain = rs.outcome_table([{"visits": visits, "wait": hours}])
    given = [{"visits": gr.quantity(visits, "visit"), "wait": gr.quantity(time, unit)}]
    assert rs.outcome_table(given) == plain
    assert [f.outcome for f in rs.evaluate(given[0]).findings] == [v[0] for v in plain.values()]
