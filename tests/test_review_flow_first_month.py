"""A flow goal (leads a month) reviewed before any month after its start is measured:
its baseline is the start's month, and so was its latest value, so the review of
2026-02-10 said "on the path, 0 % of the way, 8 % of the time" of a goal whose only month
was the one it is counted from (a shorter goal read "behind the path"). It now says
"no month measured since the start (2026-01-01)", with no progress, time or pace, in the
text, the JSON, the markdown and the stored review alike; a month later the way is read
from that month. Stocks read as before."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.review import review_goal
from goalrules.report.review import render_review
from goalrules.reviews.stored import stored_review

D = dt.date
START = D(2026, 1, 1)
LEADS = [30, 33, 31, 36, 38, 40, 44]  # July 2025 .. January 2026

WORKSPACE = """
[[goal]]
id = "leads"
statement = "Reach 80 leads a month from LinkedIn by the end of 2026"
metric = "leads"
channel = "linkedin"
target = "80 leads"
start = 2026-01-01
deadline = 2026-12-31
"""


def _files(tmp_path: Path, values: list[int]) -> tuple[Path, Path]:
    ws = tmp_path / "ws.toml"
    ws.write_text(WORKSPACE)
    rows = ["date,channel,metric,value"]
    for i, v in enumerate(values):
        rows.append(f"{month_end(add_months(D(2025, 7, 1), i)).isoformat()},linkedin,leads,{v}")
    history = tmp_path / "history.csv"
    history.write_text("\n".join(rows) + "\n")
    return ws, history


def test_a_review_with_only_the_start_month_says_no_month_is_measured(tmp_path: Path) -> None:
    ws, history = _files(tmp_path, LEADS)
    store = tmp_path / "goals.db"
    result = gr.review(ws, history, store=store, today=D(2026, 2, 10))
    (g,) = result.goals
    assert g.baseline == 44 and g.value == 44
    assert (g.progress, g.elapsed, g.pace, g.path) == (None, None, None, None)
    said = "no month measured since the start (2026-01-01)"
    assert said in g.trend()
    assert "of the way" not in g.trend() and "path" not in g.trend()
    assert g.trend().startswith("P ")  # the chance is still said
    data = json.loads(render_review(result, "json"))["goals"][0]
    assert (data["progress"], data["elapsed"], data["pace"]) == (None, None, None)
    markdown = render_review(result, "markdown")
    assert said in markdown and "0 %" not in markdown.replace("25 %", "")
    # the stored review, rendered again by date, says the same
    kept = stored_review(store, D(2026, 2, 10))
    assert kept.goals[0].trend() == g.trend()
    assert render_review(kept, "markdown") == markdown
    said_again = gr.explain_review(store, "leads", D(2026, 2, 10)).render()
    assert "progress -, elapsed -, pace - (no month measured since the start" in said_again
    # the same date again keeps its number and says the same, as a new revision
    again = gr.review(ws, history, store=store, today=D(2026, 2, 10))
    assert (again.number, again.revision) == (result.number, 2)
    assert again.goals[0].trend() == g.trend()


def test_a_month_later_the_way_is_the_month_after_the_start(tmp_path: Path) -> None:
    ws, history = _files(tmp_path, [*LEADS, 47])
    result = gr.review(ws, history, store=tmp_path / "goals.db", today=D(2026, 3, 10))
    (g,) = result.goals
    assert g.no_month_since is None and g.value == 47 and g.baseline == 44
    assert g.progress is not None and abs(g.progress - 3 / 36) < 1e-9
    assert g.pace is not None and "8 % of the way" in g.trend()


def _review(values: list[float], today: D, goal: gr.Goal) -> gr.GoalReview:
    history = [(month_end(add_months(D(2025, 7, 1), i)), v) for i, v in enumerate(values)]
    ach = gr.assess_achievability(goal, history, today=today)
    return review_goal(goal, gr.MetricSeries(goal.metric or "", history), ach, today)


def test_a_start_within_a_month_and_a_stated_baseline() -> None:
    """A month begun before the start holds days before it: it is not a month since."""
    goal = gr.Goal("g", metric="leads", channel="linkedin", target="80 leads",
                   baseline="40 leads", start=D(2026, 1, 15), deadline=D(2026, 12, 31))  # fmt: skip
    r = _review([*LEADS], D(2026, 2, 10), goal)
    assert r.no_month_since == D(2026, 1, 15) and r.progress is None
    from_first = goal.evolve(start=D(2026, 1, 1))  # the goal's own baseline: January counts
    r = _review([*LEADS], D(2026, 2, 10), from_first)
    assert r.no_month_since is None and r.progress is not None
    assert abs(r.progress - 4 / 40) < 1e-9


def test_a_stock_reads_as_before() -> None:
    goal = gr.Goal("f", metric="followers", channel="linkedin", target="1,500 followers",
                   start=START, deadline=D(2026, 12, 31))  # fmt: skip
    history = [(D(2025, 7 + i, 28) if i < 6 else D(2026, i - 5, 28), 1000 + 30 * i)
               for i in range(7)]  # fmt: skip
    ach = gr.assess_achievability(goal, history, today=D(2026, 2, 10))
    r = review_goal(goal, None, ach, D(2026, 2, 10))
    assert r.baseline == 1150 and r.value == 1180
    assert r.progress is not None and abs(r.progress - 30 / 350) < 1e-9 and r.pace is not None


@settings(max_examples=30, deadline=None)
@given(
    st.integers(5, 60),  # the start's month (the baseline, short of every target)
    st.lists(st.integers(5, 200), min_size=1, max_size=5),  # the months after it
    st.integers(0, 5),  # which month after the start is raised
    st.integers(1, 100),  # by how much
    st.sampled_from(["80 leads", "+30 leads", "+50%"]),
)
def test_raising_a_later_month_never_lowers_the_progress(
    first: int, after: list[int], which: int, more: int, target: str
) -> None:
    since = [first, *after]
    goal = gr.Goal("g", metric="leads", channel="linkedin", target=target, start=START,
                   deadline=D(2026, 12, 31))  # fmt: skip
    values = [*LEADS[:-1], *since]
    today = month_end(add_months(START, len(since) - 1)) + dt.timedelta(days=10)
    before = _review(values, today, goal)
    i = len(LEADS) - 1 + 1 + which % (len(since) - 1)  # a month after the start's
    raised = _review([v + more if j == i else v for j, v in enumerate(values)], today, goal)
    assert before.no_month_since is None and before.progress is not None
    assert raised.progress is not None and raised.progress >= before.progress - 1e-12


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 27), st.sampled_from(["80 leads", "+30 leads", "x2"]))
def test_no_month_after_the_start_gives_no_way_whatever_the_day(day: int, target: str) -> None:
    goal = gr.Goal("g", metric="leads", channel="linkedin", target=target, start=START,
                   deadline=D(2026, 12, 31))  # fmt: skip
    r = _review(LEADS, D(2026, 2, day), goal)
    assert r.no_month_since == START and (r.progress, r.pace, r.elapsed) == (None, None, None)
    assert r.to_dict()["progress"] is None


def test_no_tier_makes_a_way_before_a_month_is_measured(tmp_path: Path) -> None:
    ws, history = _files(tmp_path, LEADS)
    ws.write_text(WORKSPACE + 'tiers = {base = "60 leads", target = "80 leads"}\n')
    (g,) = gr.review(ws, history, store=":memory:", today=D(2026, 2, 10)).goals
    assert [t.name for t in g.tiers] == ["base", "target"]
    assert all(t.progress is None and t.pace is None for t in g.tiers)
    assert all(t.probability is not None for t in g.tiers)  # each keeps its chance
    (g,) = gr.review(ws, _files(tmp_path, [*LEADS, 47])[1], store=":memory:",
                     today=D(2026, 3, 10)).goals  # fmt: skip
    assert all(t.progress is not None for t in g.tiers)


def test_a_recurring_goal_speaks_of_its_periods(tmp_path: Path) -> None:
    """A recurring goal's months are its periods: the start's month is judged among them
    ("missed (44 of 50)"), so the line never says no month was measured."""
    ws, history = _files(tmp_path, LEADS)
    ws.write_text(WORKSPACE.replace('target = "80 leads"', 'target = "50 leads"\nrecurs = "month"'))
    (g,) = gr.review(ws, history, store=":memory:", today=D(2026, 2, 10)).goals
    assert g.periods[0].status == "missed" and g.no_month_since is None
    assert "no month measured" not in g.trend()
    assert "no data yet for its month from 2026-02-01" in g.trend()
