"""Decision tables: rows compiled to rules with the same checker, hit policies, overlap
and coverage checks, and the platform-fit table that `fits()` reads."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalrules as gr
from goalrules import plugins
from goalrules.engine.decision_table import load_table
from goalrules.errors import DataError, GoalRulesError, RuleSyntaxError
from goalrules.metrics import channel_fits, platform_fit
from goalrules.vocabulary import Objective

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"

LEVELS = """\
# hit: first
# fact visits: visit
visits, => level, => note
>= 1,000 visits, high, "a lot"
>= 100 visits, medium, "some"
-, low, "few"
"""


def test_first_hit_and_explanations() -> None:
    t = load_table(LEVELS)
    assert t.evaluate(visits=1500).value == {"level": "high", "note": "a lot"}
    assert t.evaluate(visits=150).value == {"level": "medium", "note": "some"}
    r = t.evaluate(visits=10)
    assert r.value == {"level": "low", "note": "few"} and r.rows == (3,)
    assert "line 4" in t.evaluate(visits=1500).explain()  # the rule sits on its row's line


def test_collect_and_priority() -> None:
    collect = load_table(LEVELS.replace("# hit: first", "# hit: collect"))
    assert [o["level"] for o in collect.evaluate(visits=1500).outputs] == ["high", "medium", "low"]
    ranked = load_table(
        LEVELS.replace("# hit: first", "# hit: priority\n# priority: low, medium, high")
    )
    assert ranked.evaluate(visits=1500).value == {"level": "low", "note": "few"}
    with pytest.raises(RuleSyntaxError, match="priority"):
        load_table(LEVELS.replace("# hit: first", "# hit: priority"))


def test_unique_overlaps_are_found_before_and_refused_at_run_time() -> None:
    t = load_table(LEVELS.replace("# hit: first", "# hit: unique"))
    with pytest.raises(DataError, match="hit policy is unique"):
        t.evaluate(visits=1500)
    fit = load_table('# hit: unique\ngoal.channel, goal.objective, => fits\n'
                     '"youtube", in ["brand_awareness", "engagement"], true\n"youtube", -, false\n'
                     '"x", "traffic", true\n')  # fmt: skip
    problems = fit.problems()
    assert any("rows on lines 3 and 4 overlap" in p for p in problems)
    assert any("no row covers" in p and "'linkedin'" in p for p in problems)
    assert any("goal.channel = 'x', goal.objective = 'leads'" in p for p in problems)


def test_errors_point_at_the_cell() -> None:
    with pytest.raises(GoalRulesError) as e:
        load_table("# fact visits: visit\nvisits, => level\n>= 1000 followers, high\n")
    assert (e.value.line, e.value.column) == (3, 1) and "cannot compare" in e.value.message
    with pytest.raises(GoalRulesError) as e:
        load_table(
            "# fact visits: visit\n# fact leads: lead\nvisits, leads, => x\n-, > 3 visits, 1\n"
        )
    assert (e.value.line, e.value.column) == (4, 4)
    with pytest.raises(GoalRulesError) as e:
        load_table("# fact visits: visit\nvisits, => x\n> 3 visits, 1\n-\n")
    assert e.value.line == 4


def test_the_platform_fit_table_is_what_fits_reads() -> None:
    table = load_table(SHIPPED / "platform_fit.table.csv")
    for channel in platform_fit():
        for objective in Objective:
            got = table.evaluate(goal={"channel": channel, "objective": objective.value}).value
            assert (got is not None and got["fits"]) == channel_fits(channel, objective)
    assert channel_fits("LinkedIn", "leads") and not channel_fits("tiktok", "customer_service")


class _Tiktok:
    goalrules_replaces = ("platform_fit",)  # replacing goalrules' own table is declared

    @plugins.hookimpl
    def goalrules_platform_fit(self) -> str:
        return '# hit: first\ngoal.channel, goal.objective, => fits\n"tiktok", -, true\n'


def test_a_plugin_can_replace_the_platform_fit_table() -> None:
    plugin = _Tiktok()
    plugins.register(plugin)
    try:
        assert channel_fits("tiktok", "customer_service") is True
        assert channel_fits("linkedin", "leads") is None  # the new table knows only tiktok
        g = gr.Goal(
            "g", channel="tiktok", objective="customer_service", metric="average_response_time"
        )
        finding = gr.score_smart(g).report.finding("relevant.channel-fits-objective")
        assert finding.outcome.value == "pass"
    finally:
        plugins.unregister(plugin)
    assert channel_fits("tiktok", "customer_service") is False
