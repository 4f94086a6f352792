"""A SMART score short of full never reads as full: a rubric with heavy rules gave a goal
99.8 points with a criterion missed ("SMART 100/100") and a missed criterion of 99.8 %
read "100 %" beside its "miss" (the HTML table, a rules diff)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import demo_paths, run_check
from goalrules.diff import diff_rules
from goalrules.numbers import format_score, format_whole_percent
from goalrules.report import render
from goalrules.report.rules_diff import render_diff

HEAVY_TEXT = "\n".join(
    f"rule {c}.heavy\n  criterion {c}  weight 5000\n  check true"
    for c in ("specific", "measurable", "achievable", "relevant", "time_bound")
)
HEAVY = gr.load_rules(HEAVY_TEXT)


@given(st.floats(0.0, 100.0))
def test_a_score_reads_full_only_when_full_and_never_above_itself(score: float) -> None:
    """A score is compared with whole bars (plan lint's ``min_smart = 60``,
    ``--fail-under``): it is shown never above itself, so 59.67 reads 59, never 60."""
    shown = int(format_score(score))  # (a float a hair under a whole one is that one)
    assert (shown == 100) == (score >= 100 - 1e-9)
    assert shown <= score + 1e-6 and score - shown < 1.0


@given(st.integers(1, 99), st.sampled_from([1 / 3, 2 / 3, 0.1, 0.5, 0.99]))
def test_plan_lint_says_the_score_as_the_reports_and_under_its_bar(bar: int, below: float) -> None:
    """A goal of 59.67 under ``min_smart = 60`` read "scores 60/100 on SMART" (the
    reports said "SMART 60/100"): the score it failed by."""
    score = bar - below
    plan = gr.Plan(goals=[gr.Goal("g", statement="Grow our LinkedIn followers")])
    found = gr.lint_plan(plan, today=dt.date(2026, 1, 15), smart_scores={"g": score},
                         min_smart=bar)  # fmt: skip
    (said,) = [f.message for f in found if f.rule == "goal.smart-enough"]
    assert said == f"Goal g scores {format_score(score)}/100 on SMART."
    assert int(format_score(score)) < bar


@given(st.floats(0.0, 1.0))
def test_a_share_reads_whole_only_when_whole(share: float) -> None:
    shown = int(format_whole_percent(share).removesuffix(" %"))
    assert (shown == 100) == (share == 1.0)
    assert abs(shown - 100 * share) < 1.0


def test_no_report_shows_a_missed_goal_or_criterion_as_full() -> None:
    paths = demo_paths()
    result = run_check(paths["workspace"], history=paths["history"], today="2026-01-10",
                       rules=[HEAVY])  # fmt: skip
    missed = [g for g in result.goals if not g.smart.passed]
    assert missed and all(g.smart.score > 99.5 for g in missed)
    text, markdown, html = (render(result, f) for f in ("text", "markdown", "html"))
    assert "SMART 100/100" not in text and "100/100" not in text
    assert not re.search(r"\| 100 \|", markdown)
    assert ">100 %<" not in html and ">100<" not in html


def test_a_rules_diff_shows_a_missed_criterion_short_of_full(tmp_path: Path) -> None:
    paths = demo_paths()
    heavy = tmp_path / "heavy.rules"
    heavy.write_text(HEAVY_TEXT)
    changed = diff_rules(None, [str(heavy)], workspace=paths["workspace"],
                         history=paths["history"], today=dt.date(2026, 1, 10))  # fmt: skip
    said = render_diff(changed, "text")
    assert "miss (" in said and "(100%)" not in said and "miss (100 %)" not in said
    assert re.search(r"miss \(\d+ %\)", said), said
