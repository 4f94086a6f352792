"""A goal reviewed after its start, on data that ends before it, has made no known way:
a month on, "P 33 %, on the path, 0 % of the way, 0 % of the time" was said of a goal
whose history stopped six days before its start (the value read was the baseline
itself). It now says "no data since its start (DATE)", with no progress, time or pace;
on the start day itself the way is 0 by definition, as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.review import review_goal

D = dt.date
START = D(2026, 12, 4)


def _history(months: int, last: D) -> list[tuple[D, float]]:
    return [(add_months(last, i - months + 1), 1000 * 1.04**i) for i in range(months)]


def _goal(target: str, metric: str = "followers") -> gr.Goal:
    return gr.Goal("g", metric=metric, channel="linkedin", target=target, start=START,
                   deadline=add_months(START, 6))  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 40),  # days the data ends before the start
    st.integers(1, 150),  # days the review is after the start
    st.sampled_from(["+25%", "x2", "1,500 followers", "+300 followers"]),
)
def test_no_way_or_pace_is_said_from_data_before_the_start(
    before: int, after: int, target: str
) -> None:
    history = _history(6, START - dt.timedelta(days=before))
    today = START + dt.timedelta(days=after)
    goal = _goal(target)
    ach = gr.assess_achievability(goal, history, today=today)
    r = review_goal(goal, gr.MetricSeries("followers", history, unit="follower"), ach, today)
    assert r.unseen_since == START
    assert (r.progress, r.elapsed, r.pace, r.path) == (None, None, None, None)
    assert f"no data since its start ({START})" in r.trend()
    assert "of the way" not in r.trend() and "on the path" not in r.trend()
    assert r.to_dict()["progress"] is None and r.to_dict()["pace"] is None


def test_on_the_start_day_and_once_data_reaches_it_the_way_is_said() -> None:
    goal = _goal("+25%")
    before = _history(6, START - dt.timedelta(days=6))
    on_day = review_goal(goal, None, gr.assess_achievability(goal, before, today=START), START)
    assert on_day.unseen_since is None and on_day.progress == 0.0 and on_day.pace == "on_track"
    later = [*before, (month_end(START), before[-1][1] * 1.03)]
    today = D(2027, 1, 5)
    r = review_goal(goal, None, gr.assess_achievability(goal, later, today=today), today)
    assert r.unseen_since is None and r.progress is not None and r.pace is not None
    assert "no data since" not in r.trend()


def test_the_stored_review_says_it_too(tmp_path: Path) -> None:
    """Rendered again by date, the review lost the phrase ("P 14 %, data to 2026-01-28,
    2 months old"): the store keeps why no way is said."""
    from goalrules.reviews.stored import stored_review

    ws = tmp_path / "ws.toml"
    ws.write_text('[[goal]]\nid = "f"\nmetric = "followers"\nchannel = "linkedin"\n'
                  'target = "1,500 followers"\nstart = 2026-03-01\ndeadline = 2026-12-31\n')  # fmt: skip
    history = tmp_path / "history.csv"
    history.write_text("date,channel,metric,value\n" + "".join(
        f"{d},linkedin,followers,{v}\n" for d, v in _history(4, D(2026, 1, 28))))  # fmt: skip
    store = tmp_path / "g.db"
    (g,) = gr.review(ws, history, store=store, today=D(2026, 4, 10)).goals
    assert "no data since its start (2026-03-01)" in g.trend()
    assert stored_review(store, D(2026, 4, 10)).goals[0].trend() == g.trend()
