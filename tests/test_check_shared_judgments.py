"""Goals of one check that ask the same question share one achievability judgment
(:meth:`goalrules.check.CheckRun.judgment`): a goal is judged, scored and written the
same whichever other goals the workspace holds and in whatever order."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.check import GoalResult, demo_paths, run_check, start_check
from goalrules.io import Workspace
from goalrules.io.exports import read_history_file
from goalrules.model import CompanyObjective, Goal, MetricSeries, Plan
from goalrules.report.stream import _goal_json

TODAY = dt.date(2026, 1, 10)

#: questions goals of a book ask again and again: metric, channel, target, deadline
QUESTIONS = [
    ("followers", "linkedin", "x1.5", "within 6 months"),
    ("followers", "linkedin", "+20%", "end of Q3 2026"),
    ("followers", "linkedin", "2,000 followers", "2026-12-31"),
    ("engagements", "instagram", "+30%", "end of Q2 2026"),
    ("leads", "linkedin", "50 leads per month", "end of Q3 2026"),
    ("leads", "linkedin", "600 leads", "2026-12-31"),
]
#: statements that leave every field to the workspace, some of which read as a total
#: over the period ("this year", "in total") or as a monthly level ("a month")
STATEMENTS = [
    None,
    "Goal 7: leads on linkedin",
    "Get 600 leads this year",
    "600 leads in total from LinkedIn",
    "Get 50 leads a month from LinkedIn",
    "Double our followers",
]


@functools.cache
def histories() -> Mapping[tuple[str | None, str], MetricSeries]:
    found, _notes = read_history_file(demo_paths()["history"], today=TODAY)
    return found


@st.composite
def books(draw: st.DrawFn) -> list[Goal]:
    """Goals of a few questions, each asked by goals that differ in id, statement,
    owner, objectives supported and start."""
    n = draw(st.integers(2, 7))
    goals = []
    for i in range(n):
        metric, channel, target, deadline = draw(st.sampled_from(QUESTIONS))
        goals.append(
            Goal(
                f"g{i}",
                statement=draw(st.sampled_from(STATEMENTS)),
                metric=metric,
                channel=channel,
                target=target,
                start=draw(st.sampled_from([TODAY, dt.date(2025, 11, 1)])),
                deadline=deadline,
                owner=draw(st.sampled_from([None, "ann", "bo"])),
                supports=draw(st.sampled_from([(), ("grow",)])),
            )
        )
    return goals


def judged(goals: list[Goal]) -> list[GoalResult]:
    plan = Plan(objectives=(CompanyObjective("grow", "Grow the brand"),), goals=tuple(goals))
    ws = Workspace(name="book", today=TODAY, plan=plan)
    return list(run_check(ws, history=histories(), today=TODAY).goals)


def written(g: GoalResult) -> tuple[Any, ...]:
    ach = g.smart.achievability
    return (
        g.to_dict(),
        _goal_json(g),
        ach.explanation if ach is not None else None,
        [f.message for f in g.smart.findings],
    )


@settings(max_examples=20, deadline=None)
@given(books(), st.randoms(use_true_random=False))
def test_a_goal_is_judged_the_same_beside_any_other_goals(goals: list[Goal], order: Any) -> None:
    together = {g.id: written(g) for g in judged(goals)}
    shuffled = list(goals)
    order.shuffle(shuffled)
    assert {g.id: written(g) for g in judged(shuffled)} == together
    for goal in goals:
        alone = judged([goal])[0]
        assert written(alone) == together[goal.id], goal


def test_goals_that_ask_the_same_question_share_one_judgment() -> None:
    # 50 leads a month by the end of Q3, asked by three goals in other words; a total over
    # the period (600 leads this year) is another question
    same: dict[str, Any] = {
        "metric": "leads",
        "channel": "linkedin",
        "target": "50 leads per month",
        "start": TODAY,
        "deadline": "end of Q3 2026",
    }
    goals = [
        Goal("a", statement="Goal 1: leads", **same),
        Goal("b", statement="Get 50 leads a month", owner="ann", **same),
        Goal("c", **same),
        Goal("d", statement="Get 600 leads this year", **{**same, "target": "600 leads"}),
    ]
    run = start_check(Workspace(name="book", today=TODAY, plan=Plan(goals=tuple(goals))),
                      history=histories(), today=TODAY)  # fmt: skip
    a, b, c, d = (g.smart.achievability for g in run.goals())
    assert a is b is c
    assert d is not a and d is not None and d.cumulative
    assert a is not None and not a.cumulative
