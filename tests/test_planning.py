from __future__ import annotations

import datetime as dt
import itertools
import random
from importlib import resources

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules import strategies as grs
from goalrules.judgments.planning import quadrant

D = dt.date


@pytest.fixture(scope="module")
def campfire() -> gr.Workspace:
    path = resources.files("goalrules").joinpath("data/campfire/workspace.toml")
    return gr.load_workspace(str(path))


@pytest.mark.parametrize(
    ("value", "complexity", "expected"),
    [
        (5, 2, gr.Quadrant.QUICK_WIN),
        (4, 4, gr.Quadrant.BIG_BET),
        (2, 1, gr.Quadrant.FILL_IN),
        (2, 4, gr.Quadrant.TIME_SINK),
        (3, 3, gr.Quadrant.BIG_BET),
    ],
)
def test_quadrants(value: int, complexity: int, expected: gr.Quadrant) -> None:
    assert quadrant(value, complexity) is expected


def test_split_is_configurable() -> None:
    assert quadrant(3, 3, split=3.5) is gr.Quadrant.FILL_IN


def test_campfire_ranking(campfire: gr.Workspace) -> None:
    ranked = gr.prioritize(campfire.plan)
    assert [t.id for t in ranked][:2] == ["list-influencers", "weekly-linkedin-carousel"]
    assert ranked[0].quadrant is gr.Quadrant.QUICK_WIN
    assert ranked[-1].quadrant is gr.Quadrant.TIME_SINK
    assert [t.rank for t in ranked] == list(range(1, len(ranked) + 1))


def test_monthly_on_the_30th_is_due_in_february(campfire: gr.Workspace) -> None:
    due = [
        d.date
        for d in gr.schedule(campfire.plan, start=D(2026, 1, 10), days=90)
        if d.tactic == "sponsored-post"
    ]
    assert due == [D(2026, 1, 30), D(2026, 2, 28), D(2026, 3, 30)]


def test_schedule_window(campfire: gr.Workspace) -> None:
    due = gr.schedule(campfire.plan, start=D(2026, 1, 10), days=30)
    assert all(D(2026, 1, 10) <= d.date <= D(2026, 2, 9) for d in due)
    assert "list-influencers" in {d.tactic for d in due}


def test_owner_load(campfire: gr.Workspace) -> None:
    load = gr.owner_load(gr.schedule(campfire.plan, start=D(2026, 1, 10), days=60))
    assert set(load) == {"Brian", "Hailley"}  # Sam's webinar is due after 60 days
    assert load["Hailley"][D(2026, 1, 26)] == 2  # the Monday carousel and the 30th's post
    assert all(all(w.weekday() == 0 for w in weeks) for weeks in load.values())


def test_campfire_lint(campfire: gr.Workspace) -> None:
    found = {(f.item, f.rule) for f in gr.lint_plan(campfire.plan, today=D(2026, 1, 10))}
    assert ("goal launch-campaigns", "goal.has-tactic") in found
    assert ("objective smb-nps", "objective.has-goal") in found
    assert ("tactic redesign-profiles", "tactic.not-a-time-sink") in found


def test_lint_finds_each_problem() -> None:
    plan = gr.Plan(
        objectives=[gr.CompanyObjective("o1", "Grow")],
        goals=[
            gr.Goal("g1", supports=["o1"], start="2026-01-01", deadline="2026-03-31"),
            gr.Goal("g2"),
        ],
        tactics=[
            gr.Tactic("late", goal="g1", owners=["A"], eta="2026-06-01"),
            gr.Tactic("past", goal="g1", owners=["A"], eta="2025-12-01"),
            gr.Tactic("nobody", goal="g1", eta="2026-02-01"),
            gr.Tactic("whenever", goal="g1", owners=["A"]),
            gr.Tactic("orphan", owners=["A"], eta="2026-02-01"),
        ]
        + [gr.Tactic(f"busy{i}", goal="g1", owners=["B"], eta="2026-02-02") for i in range(4)],
    )
    found = {
        (f.item, f.rule) for f in gr.lint_plan(plan, today=D(2026, 1, 15), smart_scores={"g1": 30})
    }
    assert ("tactic late", "tactic.eta-before-goal-deadline") in found
    assert ("tactic past", "tactic.eta-not-past") in found
    assert ("tactic nobody", "tactic.has-owner") in found
    assert ("tactic whenever", "tactic.has-eta") in found
    assert ("tactic orphan", "tactic.has-goal") in found
    assert ("goal g2", "goal.has-tactic") in found
    assert ("goal g2", "goal.supports-company-objective") in found
    assert ("goal g1", "goal.smart-enough") in found
    assert ("owner B", "owner.not-overloaded") in found
    assert not any(item == "owner A" for item, _ in found)


def test_lint_params() -> None:
    plan = gr.Plan(
        goals=[gr.Goal("g")],
        tactics=[gr.Tactic(f"t{i}", goal="g", owners=["B"], eta="2026-02-02") for i in range(3)],
    )
    assert not any(
        f.rule == "owner.not-overloaded" for f in gr.lint_plan(plan, today=D(2026, 1, 1))
    )
    assert any(
        f.rule == "owner.not-overloaded"
        for f in gr.lint_plan(plan, today=D(2026, 1, 1), max_per_week=2)
    )


@given(grs.plans(), st.integers(0, 10**6))
def test_lint_is_independent_of_item_order(plan: gr.Plan, seed: int) -> None:
    rng = random.Random(seed)
    shuffled = gr.Plan(
        objectives=tuple(rng.sample(plan.objectives, len(plan.objectives))),
        goals=tuple(rng.sample(plan.goals, len(plan.goals))),
        tactics=tuple(rng.sample(plan.tactics, len(plan.tactics))),
    )
    today = D(2026, 1, 1)
    assert gr.lint_plan(plan, today=today) == gr.lint_plan(shuffled, today=today)


@given(grs.plans(), st.data())
def test_raising_value_never_lowers_rank_and_complexity_never_raises_it(
    plan: gr.Plan, data: st.DataObject
) -> None:
    if not plan.tactics:
        return
    t = data.draw(st.sampled_from(plan.tactics))
    before = {r.id: r.rank for r in gr.prioritize(plan)}[t.id]
    if t.value < 5:
        more = _with(plan, t.id, value=t.value + 1)
        assert {r.id: r.rank for r in gr.prioritize(more)}[t.id] <= before
    if t.complexity < 5:
        harder = _with(plan, t.id, complexity=t.complexity + 1)
        assert {r.id: r.rank for r in gr.prioritize(harder)}[t.id] >= before


def _with(plan: gr.Plan, tactic_id: str, **changes: int) -> gr.Plan:
    tactics = tuple(attrs.evolve(x, **changes) if x.id == tactic_id else x for x in plan.tactics)
    return attrs.evolve(plan, tactics=tactics)


@given(
    st.dates(D(2000, 1, 1), D(2050, 1, 1)),
    st.sampled_from(
        [
            "monthly on the 30th",
            "monthly on the 31st",
            "every Monday",
            "every 2 weeks from 2000-01-03",
        ]
    ),
)
def test_recurring_tactics_never_skip_a_period(start: D, eta: str) -> None:
    plan = gr.Plan(tactics=[gr.Tactic("t", owners=["A"], eta=eta)])
    due = [d.date for d in gr.schedule(plan, start=start, days=366)]
    if "month" in eta:
        months = {(d.year, d.month) for d in due}
        assert len(months) >= 12
    else:
        step = 7 if "Monday" in eta else 14
        assert all((b - a).days == step for a, b in itertools.pairwise(due))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"value": 7}, "value"),
        ({"complexity": 0}, "complexity"),
        ({"eta": "sometime soonish"}, "eta"),
    ],
)
def test_bad_tactics_name_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.Tactic("t", **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@given(grs.plans(), st.data())
def test_goals_linted_one_at_a_time_give_the_plans_lint(plan: gr.Plan, data: st.DataObject) -> None:
    """A check lints each goal as it judges it (GoalLinter) and hands the findings to
    lint_plan: the lint is the one lint_plan finds itself, whichever goals were done."""
    from goalrules.judgments.planning import GoalLinter

    today = D(2026, 1, 10)
    scores = {g.id: data.draw(st.floats(0, 100)) for g in plan.goals}
    whole = gr.lint_plan(plan, today=today, smart_scores=scores)
    linter = GoalLinter.for_plan(plan, today=today)
    done = {g.id: linter(g, scores[g.id]) for g in plan.goals if data.draw(st.booleans())}
    assert gr.lint_plan(plan, today=today, smart_scores=scores, goal_lint=done) == whole
    assert all(f.item == f"goal {gid}" for gid, found in done.items() for f in found)


def test_a_check_lints_goals_as_it_judges_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo workspace's plan lint, from the goals' own lint (one process and two
    forked workers), is the lint of the whole plan given the same scores."""
    from goalrules.check import demo_paths, start_check
    from goalrules.report import workers
    from goalrules.report.workers import judged

    monkeypatch.setattr(workers, "_FEWEST", 1)  # fork even for a few goals
    paths = demo_paths()
    for jobs in (1, 2):
        run = start_check(paths["workspace"], history=paths["history"])
        for _ in judged(run, lambda g: g.smart.score, jobs):
            pass
        assert set(run.lint) == {g.id for g in run.workspace.goals}
        plan = run.plan()
        assert plan is not None
        expected = gr.lint_plan(run.workspace.plan, today=run.today, smart_scores=run.scores)
        assert list(plan.lint) == expected


def test_a_window_past_the_calendar_is_an_error_naming_days(
    campfire: gr.Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--days 100000000`` once ended in an OverflowError traceback (exit 1)."""
    with pytest.raises(gr.GoalRulesError, match="runs past the last date") as raised:
        gr.schedule(campfire.plan, start=dt.date(2026, 1, 5), days=100_000_000)
    assert raised.value.field == "days"
    from goalrules.cli import main

    workspace = str(gr.demo_paths()["workspace"])
    assert main(["plan", workspace, "--days", "100000000"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "days: a schedule window of 100,000,000 days" in err
