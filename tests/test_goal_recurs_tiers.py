"""Recurring and tiered targets outside the review: the workspace file, the Goal model,
SMART scoring and ``goalrules check`` know ``recurs`` and ``tiers``."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import strategies as grs
from goalrules.cli import main
from goalrules.errors import GoalRulesError
from goalrules.model.recurrence import Recurrence, Tier

TODAY = dt.date(2026, 4, 15)

WORKSPACE = """\
[workspace]
name = "targets"
today = 2026-04-15

[[goal]]
id = "monthly-leads"
statement = "50 leads a month from LinkedIn"
metric = "leads"
recurs = "month"
start = 2026-01-01

[[goal]]
id = "followers"
statement = "Reach 2,000 LinkedIn followers by the end of 2026"
target = "2,000 followers"
deadline = 2026-12-31
tiers = {base = "1,600 followers", target = "2,000 followers", stretch = "2,600 followers"}
"""


def leads_goal(**changes: object) -> gr.Goal:
    return gr.Goal(
        "monthly-leads",
        statement="Leads from LinkedIn for the new segment",
        objective="leads",
        metric="leads",
        channel="linkedin",
        target="50 leads",
        start="2026-01-01",
        supports=["new-segment"],
        review="monthly",
    ).evolve(**changes)


# -- the model and the workspace file ------------------------------------------------


def test_the_workspace_file_holds_recurs_and_tiers(tmp_path: Path) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(WORKSPACE)
    ws = gr.load_workspace(path)
    leads, followers = ws.goals
    assert leads.recurs == Recurrence("month", "month") and leads.tiers == ()
    assert followers.recurs is None
    assert [t.name for t in followers.tiers] == ["base", "target", "stretch"]
    assert followers.tiers[2] == Tier("stretch", "2,600 followers")
    assert followers.target_tier is not None and followers.target_tier.means("2000 followers")


@pytest.mark.parametrize(
    ("good", "bad", "field", "word"),
    [
        ('recurs = "month"', 'recurs = "fortnight"', "goal[0].recurs", "fortnight"),
        ("base =", "floor =", "goal[1].tiers", "floor"),
        ('target = "2,000 followers", stretch', 'target = "lots of", stretch',
         "goal[1].tiers.target", "lots of"),
    ],
)  # fmt: skip
def test_a_bad_recurs_or_tier_names_its_field(
    tmp_path: Path, good: str, bad: str, field: str, word: str
) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(WORKSPACE.replace(good, bad))
    with pytest.raises(GoalRulesError) as info:
        gr.load_workspace(path)
    assert info.value.field == field and word in str(info.value)
    assert str(path) in str(info.value)


@given(
    period=st.sampled_from(["week", "month", "quarter", "year"]),
    form=st.sampled_from(["{p}", "every {p}", "each {p}", "{p}ly", "per {p}", "{P}"]),
)
def test_a_goal_reads_recurs_as_the_recurrence_parser_does(period: str, form: str) -> None:
    words = form.format(p=period, P=period.upper())
    goal = gr.Goal("g", recurs=words)
    assert goal.recurs == Recurrence.parse(words)
    assert goal.recurs is not None and goal.recurs.period == period
    assert gr.Goal("g", recurs=goal.recurs) == goal  # a Recurrence passes as it is


# -- SMART ------------------------------------------------------------------------


def test_a_recurring_goal_is_time_bound_by_its_period() -> None:
    plain = gr.score_smart(leads_goal(), today=TODAY)
    assert not plain.criteria["time_bound"].passed
    recurring = gr.score_smart(leads_goal(recurs="month"), today=TODAY)
    assert recurring.criteria["time_bound"].passed
    assert recurring.score > plain.score
    assert not any("deadline" in s for s in recurring.suggestions)


def test_a_statement_that_recurs_is_time_bound_without_a_deadline() -> None:
    goal = leads_goal(statement="50 leads a month from LinkedIn")
    assert goal.deadline is None and goal.recurs is None
    assert gr.score_smart(goal, today=TODAY).criteria["time_bound"].passed
    # "within a month" is a deadline the goal lacks here, never a recurrence
    vague = leads_goal(statement="50 leads within a month from LinkedIn")
    assert not gr.score_smart(vague, today=TODAY).criteria["time_bound"].passed


def test_a_goal_with_tiers_is_measurable_through_its_target_tier() -> None:
    bare = leads_goal(target=None, recurs="month")
    assert not gr.score_smart(bare, today=TODAY).criteria["measurable"].passed
    tiered = bare.evolve(tiers={"base": "40 leads", "target": "50 leads", "stretch": "65 leads"})
    report = gr.score_smart(tiered, today=TODAY)
    assert report.criteria["measurable"].passed
    assert report.to_dict()["criteria"]["measurable"]["passed"] is True
    # base and stretch alone say no target: the goal is not measurable through them
    edges = bare.evolve(tiers={"base": "40 leads", "stretch": "65 leads"})
    assert not gr.score_smart(edges, today=TODAY).criteria["measurable"].passed


EDGES = {
    "base": st.sampled_from(["x1.2", "+10%", "40 leads"]),
    "stretch": st.sampled_from(["x3", "+80%", "900 followers"]),
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    goal=grs.goals().filter(lambda g: g.target is not None),
    drop_target=st.booleans(),
    edges=st.fixed_dictionaries({}, optional=EDGES),
)
def test_tiers_that_agree_with_the_target_never_lower_the_score(
    goal: gr.Goal, drop_target: bool, edges: dict[str, str]
) -> None:
    assert goal.target is not None
    before = goal.evolve(target=None) if drop_target else goal
    after = before.evolve(tiers={**edges, "target": str(goal.target)})
    low = gr.score_smart(before, today=TODAY)
    high = gr.score_smart(after, today=TODAY)
    assert high.score >= low.score - 1e-9
    for name in ("measurable", "time_bound"):
        assert high.criteria[name].score >= low.criteria[name].score - 1e-9


# -- goalrules check ------------------------------------------------------------------


def test_check_runs_on_a_workspace_with_recurring_and_tiered_goals(tmp_path: Path) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(WORKSPACE)
    out = io.StringIO()
    assert main(["check", str(path), "--today", "2026-04-15"], out=out) == 0
    text = out.getvalue()
    assert "monthly-leads" in text and "followers" in text
    assert "Add a deadline" not in text  # the recurring goal is bound by its month
    out = io.StringIO()
    assert main(["check", str(path), "--format", "json"], out=out) == 0
    goals = {g["id"]: g for g in json.loads(out.getvalue())["goals"]}
    assert goals["monthly-leads"]["smart"]["criteria"]["time_bound"]["passed"] is True


def test_check_refuses_a_bad_period_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(WORKSPACE.replace('recurs = "month"', 'recurs = "fortnight"'))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and "goal[0].recurs" in err[0]
