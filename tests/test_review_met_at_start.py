"""A goal whose baseline already meets its target has no way to make a share of: its
review says the target was met at the start, not "-150 % of the way" (a goal of 50 leads
a month that started at 52); its flags say so too ("Achieved: -150 % of the way to the
target" before), and one that fell short by its deadline is still flagged expired."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.achievability import Achievability, Verdict
from goalrules.judgments.review import review_goal
from goalrules.report.review import render_review
from goalrules.reviews import ReviewResult

D = dt.date


def _goal(metric: str) -> gr.Goal:
    unit = {"followers": "followers", "bounce_rate": "%"}[metric]
    return gr.Goal("g", metric=metric, target=f"50 {unit}", start="2026-01-01",
                   deadline="2026-06-30")  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["followers", "bounce_rate"]), st.floats(1, 100), st.floats(1, 100),
       st.booleans())  # fmt: skip
def test_a_share_of_the_way_only_where_there_is_a_way(
    metric: str, baseline: float, value: float, passed: bool
) -> None:
    goal = _goal(metric)
    lower = metric == "bounce_rate"
    meets = value <= 50 if lower else value >= 50
    verdict = "achieved" if meets else ("expired" if passed else "stretch")
    ach = Achievability(Verdict(verdict), probability=None if meets or passed else 0.3,
                        current_value=value, target_value=50.0, baseline_value=baseline,
                        last_date=D(2026, 3, 31))  # fmt: skip
    today = D(2026, 8, 1) if passed else D(2026, 4, 5)
    r = review_goal(goal, None, ach, today)
    way = 50.0 - baseline
    if (-way if lower else way) > 0:  # a way to go: its share, as before
        assert not r.met_at_start and r.progress == (value - baseline) / way
        return
    assert r.met_at_start and r.progress == (1.0 if meets else None)
    trend = r.trend()
    assert "of the way" not in trend and "the target was met at the start" in trend
    names = {f.name for f in r.flags}
    assert ("achieved" in names) == meets
    if passed and not meets:
        assert "expired" in names
    for f in r.flags:
        assert "%" not in f.message.split(":")[0] and "-" not in f.message, f.message
    result = ReviewResult("w", today, 1, (r,), None)
    data = json.loads(render_review(result, "json"))
    assert data["goals"][0]["progress"] == (1.0 if meets else None)
    for fmt in ("text", "markdown"):
        assert "of the way" not in render_review(result, fmt)


def test_a_tier_met_at_the_start_is_all_the_way() -> None:
    """A base tier under the baseline (1,600 followers from 1,700) read "-50 % of the
    way"; it is met: all of it."""
    from goalrules.judgments.review_periods import review_tiers
    from goalrules.model import MetricSeries
    from goalrules.model.recurrence import Tier

    goal = gr.Goal("g", metric="followers", target="2000 followers", start="2026-01-01",
                   deadline="2026-12-31")  # fmt: skip
    series = MetricSeries("followers", [(D(2025, m, 28), 1500 + 20 * m) for m in range(1, 13)])
    tiers = (Tier("base", "1600 followers"),
             Tier("target", "2000 followers"))  # fmt: skip
    base, target = review_tiers(goal, series, tiers, D(2026, 2, 5), value=1740.0,
                                baseline=1740.0, elapsed=0.1)  # fmt: skip
    assert base.progress == 1.0 and target.progress == 0.0
    short = review_tiers(goal, series, tiers[:1], D(2026, 2, 5), value=1550.0,
                         baseline=1740.0, elapsed=0.1)  # fmt: skip
    assert short[0].progress is None
