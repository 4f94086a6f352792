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
def test_a_score_reads_full_only_when_full(score: float) -> None:
    shown = int(format_score(score))
    assert (shown == 100) == (score == 100.0)
    assert abs(shown - score) < 1.0


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
