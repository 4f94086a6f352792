"""A review agrees with the judgment it rests on and with itself: the baseline it
measures progress from is the value the target was counted from, a total is measured
from nothing, and the flags' messages word their numbers as the trend line does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.tables import history_for, load_history
from goalrules.io.workspace import load_workspace
from goalrules.judgments.achievability import Achievability, Verdict
from goalrules.judgments.review import Previous, review_goal, share_percent
from goalrules.model import MetricSeries

D = dt.date

FOLLOWERS = MetricSeries(
    "followers",
    [(D(2025, 7, 31), 820), (D(2025, 8, 31), 850), (D(2025, 9, 30), 880),
     (D(2025, 10, 31), 910), (D(2025, 11, 30), 950), (D(2025, 12, 31), 1000),
     (D(2026, 1, 31), 1060), (D(2026, 3, 31), 1180), (D(2026, 4, 10), 1200)],
    unit="follower",
)  # fmt: skip
LEADS = MetricSeries(
    "leads",
    [(D(2025, m, 28), v) for m, v in zip(range(7, 13), (30, 32, 35, 36, 40, 42), strict=True)]
    + [(D(2026, 1, 31), 45), (D(2026, 2, 28), 47), (D(2026, 3, 31), 50)],
    unit="lead",
)


def test_a_target_added_to_a_stock_counts_from_the_value_on_the_start_day() -> None:
    """ "+300 followers" from 2026-01-01 counts from 1,000 (seen on 2025-12-31), not from
    1,060, January's last value, which the month's point (dated on the 1st) holds: the
    judgment said 1,360 and the review, measuring from 1,000, disagreed with it."""
    goal = gr.Goal("g", metric="followers", channel="linkedin", target="+300 followers",
                   start="2026-01-01", deadline="2026-06-30")  # fmt: skip
    today = D(2026, 4, 15)
    ach = gr.assess_achievability(goal, FOLLOWERS, today=today)
    assert ach.target_value == pytest.approx(1300)
    assert ach.baseline_value == pytest.approx(1000)
    r = review_goal(goal, FOLLOWERS, ach, today)
    assert (r.baseline, r.target) == (pytest.approx(1000), pytest.approx(1300))
    assert r.progress == pytest.approx(200 / 300)
    assert "67 % of the way" in r.trend()


def test_the_note_names_the_day_the_value_was_seen() -> None:
    """A stock's latest value is named by the day it was seen, as the next sentence
    names it, not by the first of its month."""
    paths = gr.demo_paths()
    goal = next(g for g in load_workspace(paths["workspace"]).goals if g.id == "li-followers")
    history = history_for(goal, load_history(paths["history"]))
    text = gr.assess_achievability(goal, history, today=D(2026, 1, 10)).explanation
    # the demo's goal starts 13 days after the last count: counted from it, no note
    assert "1,136 followers on 2025-12-28" in text
    assert "counted from" not in text and "(2025-12-01)" not in text
    later = goal.evolve(start="2026-02-15")
    text = gr.assess_achievability(later, history, today=D(2026, 2, 15)).explanation
    assert "2026-02-15, after the history ends" in text
    assert "1,136 followers on 2025-12-28" in text
    assert "(2025-12-01)" not in text


def test_a_total_is_reviewed_from_nothing_on_a_straight_path() -> None:
    """ "600 leads in 2026" is a total: its progress is the total so far over the target
    and its path a straight line from 0, not from a month's leads (the review said "-8 %
    of the way, behind the path by 100 %" on the start day)."""
    goal = gr.Goal("g", statement="Get 600 leads in total from LinkedIn in 2026",
                   metric="leads", channel="linkedin", target="600 leads",
                   start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    first = review_goal(goal, LEADS, gr.assess_achievability(goal, LEADS, D(2026, 1, 1)),
                        D(2026, 1, 1))  # fmt: skip
    assert first.baseline == 0.0 and first.progress == 0.0 and first.pace == "on_track"
    today = D(2026, 4, 15)
    ach = gr.assess_achievability(goal, LEADS, today=today)
    assert ach.cumulative and ach.current_value == 142
    r = review_goal(goal, LEADS, ach, today)
    assert r.progress == pytest.approx(142 / 600)
    assert r.path == pytest.approx(600 * r.elapsed)  # type: ignore[operator]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(100, 10_000), min_size=4, max_size=14),
    st.integers(1, 28),
    st.integers(0, 400),
    st.sampled_from(["x2", "+50%", "+300 followers", "x1.2"]),
)
def test_the_review_measures_from_what_the_target_was_counted_from(
    values: list[float], day: int, start_after: int, target: str
) -> None:
    """Whatever the days of a stock's observations and of the goal's start, the review's
    baseline is the one the judgment counted the target from."""
    points = []
    month = D(2024, 1, day)
    for v in values:
        points.append((month, v))
        month = D(month.year + month.month // 12, month.month % 12 + 1, day)
    history = MetricSeries("followers", points, unit="follower")
    start = D(2024, 1, 1) + dt.timedelta(days=start_after)
    goal = gr.Goal("g", metric="followers", target=target, start=start,
                   deadline=start + dt.timedelta(days=400))  # fmt: skip
    today = points[-1][0]
    ach = gr.assess_achievability(goal, history, today=today)
    if ach.target_value is None:
        return
    r = review_goal(goal, history, ach, max(today, start))
    assert r.baseline == ach.baseline_value
    seen = [v for d, v in points if d <= start] or [points[0][1]]
    assert r.baseline == pytest.approx(seen[-1])
    if target.startswith("x"):
        assert ach.target_value == pytest.approx(seen[-1] * float(target[1:]))
    elif target.endswith("followers"):
        assert ach.target_value == pytest.approx(seen[-1] + 300)


GOAL = gr.Goal("g", metric="followers", baseline="100 followers", target="200 followers",
               start="2026-01-01", deadline="2026-12-31")  # fmt: skip


def _ach(verdict: str, p: float, current: float) -> Achievability:
    return Achievability(Verdict(verdict), probability=p, current_value=current,
                         target_value=200, unit="follower")  # fmt: skip


def _percents(text: str) -> list[str]:
    return re.findall(r"(?:under |over )?\d+ %", text)


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1.3), st.floats(0, 1), st.floats(0, 1))
def test_the_flags_word_their_numbers_as_the_trend_does(
    progress: float, before: float, now: float
) -> None:
    """ "The deadline has passed at 55.6 %" beside "56 % of the way", "fell from 45.6 %
    to 0 %" beside "P 46 % -> under 1 %": every number a flag says is the trend's."""
    current = 100 + 100 * progress
    expired = review_goal(GOAL, None, _ach("expired", now, current), D(2027, 1, 5),
                          Previous(D(2026, 12, 1), "stretch", before))  # fmt: skip
    way = share_percent(expired.progress)
    assert f"{way} of the way" in expired.trend()
    for flag in expired.flags:
        if flag.name in ("expired", "achieved"):
            assert _percents(flag.message) == [way]
        if flag.name == "slipping":
            trend = expired.trend()
            said = re.search(r"P (.*?) -> (.*?),", trend)
            assert said is not None
            assert _percents(flag.message) == [said.group(1), said.group(2)]


@given(st.floats(-2, 3, allow_nan=False))
def test_a_share_is_never_shown_as_the_whole_it_is_not(x: float) -> None:
    shown = share_percent(x)
    number = int(shown.split()[0])
    assert number == (99 if round(100 * x) >= 100 and x < 1 else round(100 * x))
    assert not shown.startswith("-0")
    assert share_percent(0.996) == "99 %" and share_percent(1.0) == "100 %"
    assert share_percent(None, "-") == "-"


def test_a_judged_goal_never_says_it_has_no_history() -> None:
    """A goal judged on its history says what it knows: "expired" with 60 % of the way
    made (a deadline not after the start: no share of the time) read "no history to
    judge" beside a flag giving that 60 %; too little history says so."""
    goal = gr.Goal("g", metric="followers", baseline="100 followers", target="200 followers",
                   start="2026-01-01", deadline="2025-12-01")  # fmt: skip
    r = review_goal(goal, None, Achievability(Verdict("expired"), current_value=160,
                    target_value=200, unit="follower"), D(2026, 2, 1))  # fmt: skip
    assert r.trend() == "60 % of the way"
    assert [f.message for f in r.flags if f.name == "expired"] == [
        "The deadline has passed at 60 % of the way to the target."
    ]
    thin = review_goal(GOAL, None, Achievability(Verdict("insufficient_data")), D(2026, 2, 1))
    assert "no history" not in thin.trend()
    none = review_goal(GOAL, None, None, D(2026, 2, 1))
    assert none.trend() == "no history to judge"
