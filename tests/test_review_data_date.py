"""A review compares the value with the path at the day the data stands for, and says
how old the data is when it is stale. Before, a total ("600 leads in 2026") whose months
ran to March 31 was held to the path of the review's date: on 04-15 it read "behind by
17 %" where it was 4 % behind at its data's date; and the demo reviewed on 2026-03-10
read "behind the path by 20 %" from a history that ends in December 2025, without
saying so."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.dates import add_months, month_end, months_between
from goalrules.judgments.review import review_goal
from goalrules.model import MetricSeries

D = dt.date
LEADS = MetricSeries("leads", [(D(2026, 1, 31), 45), (D(2026, 2, 28), 47), (D(2026, 3, 31), 50)],
                     unit="lead")  # fmt: skip
TOTAL = gr.Goal("g", statement="Get 600 leads in total from LinkedIn in 2026", metric="leads",
                channel="linkedin", target="600 leads", start="2026-01-01",
                deadline="2026-12-31")  # fmt: skip


def test_a_total_is_held_to_the_path_at_its_data_date() -> None:
    today = D(2026, 4, 15)
    ach = gr.assess_achievability(TOTAL, LEADS, today=today)
    assert ach.cumulative and ach.current_value == 142
    r = review_goal(TOTAL, LEADS, ach, today)
    assert r.data_date == D(2026, 3, 31)
    share = (D(2026, 3, 31) - D(2026, 1, 1)).days / (D(2026, 12, 31) - D(2026, 1, 1)).days
    assert r.elapsed == share and r.path == 600 * share
    assert r.behind_by is not None and abs(r.behind_by - (1 - 142 / (600 * share))) < 1e-12
    assert 0 < r.behind_by < 0.05 and r.pace == "on_track"  # not 17 % behind (04-15)
    assert "on the path" in r.trend()
    assert "data to" not in r.trend()  # two weeks is a flow's month's natural lag


def test_the_demo_says_its_data_is_months_old(tmp_path: Path) -> None:
    paths = gr.demo_paths()
    store = tmp_path / "goals.db"
    result = gr.review(paths["workspace"], paths["history"], store=store,
                       today=D(2026, 3, 10))  # fmt: skip
    (li,) = [g for g in result.goals if g.goal.id == "li-followers"]
    assert "data to 2025-12-28, 2 months old" in li.trend()
    assert "behind the path by 20 %" not in li.trend()  # the path of March, not December's
    out = io.StringIO()
    assert main(["review", "--store", str(store), "--date", "2026-03-10"], out=out) == 0
    assert "data to 2025-12-28, 2 months old" in out.getvalue()  # the stored review, too


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(500, 5_000), min_size=3, max_size=12),
    st.integers(0, 300),
    st.sampled_from(["x2", "+50%", "+300 followers", "3000 followers"]),
)
def test_the_pace_is_the_same_whatever_day_the_same_data_is_reviewed(
    values: list[float], later: int, target: str
) -> None:
    """Once the data stops, the review's pace, path and share of the time stand at the
    data's date: reviewing the same history later moves none of them, and the trend says
    the data's age exactly when it is more than a month old."""
    points = [(month_end(add_months(D(2025, 1, 1), i)), v) for i, v in enumerate(values)]
    history = MetricSeries("followers", points, unit="follower")
    last = points[-1][0]
    goal = gr.Goal("g", metric="followers", target=target, start=D(2025, 1, 1),
                   deadline=last + dt.timedelta(days=400))  # fmt: skip
    first = review_goal(goal, history, gr.assess_achievability(goal, history, today=last), last)
    day = last + dt.timedelta(days=later)
    r = review_goal(goal, history, gr.assess_achievability(goal, history, today=day), day)
    assert (r.pace, r.path, r.elapsed, r.behind_by) == (
        first.pace, first.path, first.elapsed, first.behind_by)  # fmt: skip
    said = re.search(r"data to (\S+), (\d+) months? old", r.trend())
    assert (said is not None) == (months_between(last, day) > 1)
    if said:
        assert said.group(1) == last.isoformat()
