"""A total ("600 leads in 2026") whose months have gaps sums only the months it has: its
total so far is a floor, not a value. The review says "at least 26 % of the way" and which
months have no data, gives no pace it cannot be sure of (only ahead, which a floor can
prove), and the JSON gives no progress; every format shows the same. Before, a missing
February read as a month of no leads: "16 % of the way, behind the path by 40 %"."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.review import review_goal
from goalrules.model import MetricSeries
from goalrules.report.review import render_review
from goalrules.reviews import ReviewResult, row_of
from goalrules.reviews.audit import explanation

D = dt.date
GOAL = gr.Goal("total", statement="Get 600 leads in total from LinkedIn in 2026",
               metric="leads", channel="linkedin", target="600 leads", start="2026-01-01",
               deadline="2026-12-31")  # fmt: skip
BEFORE = [(D(2025, m, 28), 40.0 + m) for m in range(1, 13)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.booleans(), min_size=4, max_size=4), st.integers(20, 120))
def test_a_total_with_gaps_is_a_floor(seen: list[bool], level: int) -> None:
    months = [(D(2026, m, 28), float(level)) for m, kept in zip(range(1, 5), seen, strict=True)
              if kept]  # fmt: skip
    series = MetricSeries("leads", BEFORE + months, unit="lead")
    today = D(2026, 5, 10)
    ach = gr.assess_achievability(GOAL, series, today=today)
    if not ach.cumulative or ach.current_value is None:
        return
    r = review_goal(GOAL, series, ach, today)
    last = max((m for m, kept in zip(range(1, 5), seen, strict=True) if kept), default=0)
    # months with no data before the last month with some (after it, the data is old)
    missing = tuple(f"2026-{m:02d}" for m in range(1, last) if not seen[m - 1])
    assert r.gaps == missing
    trend = r.trend()
    data = json.loads(render_review(ReviewResult("w", today, 1, (r,), None), "json"))
    if last == 0:  # no month since the start: nothing of the total is known, not 0
        assert r.unseen_since == GOAL.start and r.progress is None and r.pace is None
        assert f"no data since its start ({GOAL.start})" in trend
        assert data["goals"][0]["progress"] is None
    elif missing:
        assert f"at least {r.way().removeprefix('at least ')} of the way" in trend
        assert f"no data for {', '.join(missing)}" in trend
        assert data["goals"][0]["progress"] is None
        assert r.pace in (None, "ahead")
        assert "at least" in explanation(row_of(r))
    else:
        assert "at least" not in trend and data["goals"][0]["progress"] is not None
    result = ReviewResult("w", today, 1, (r,), None)
    md = render_review(result, "markdown")
    assert f"| {r.way()} |" in md
