"""A goal whose deadline has passed is judged on its value by then, and the path ends at
the target: a value 3 % short of it read "expired, on the path, 88 % of the way" (within
the on-track tolerance of the path), beside the flag saying the deadline passed short of
the target. Past the deadline a value short of the target is behind, by how far short it
is ("behind the path by 3 %"), never on the path; one that meets it is not behind."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.dates import add_months, month_end
from goalrules.judgments.review import review_goal

D = dt.date
WS = """
[[goal]]
id = "leads"
statement = "Reach 60 leads a month from LinkedIn by end of June 2026"
metric = "leads"
channel = "linkedin"
target = "60 leads"
start = 2026-01-01
deadline = 2026-06-30
"""
LEADS = [30, 33, 31, 36, 38, 40, 44, 47, 50, 53, 55, 58, 63]  # 2025-07 .. 2026-07


def _history(values: list[float]) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2025, 7, 1), i)), v) for i, v in enumerate(values)]


def test_a_goal_missed_by_a_little_is_behind_not_on_the_path(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    history = tmp_path / "history.csv"
    history.write_text("date,channel,metric,value\n" + "".join(
        f"{d},linkedin,leads,{v}\n" for d, v in _history(LEADS)))  # fmt: skip
    store = tmp_path / "g.db"
    (g,) = gr.review(ws, history, store=store, today=D(2026, 7, 10)).goals
    assert g.verdict == "expired" and g.by_deadline and g.value == 58
    assert g.pace == "behind" and g.path == 60
    assert "behind the path by 3 %" in g.trend() and "on the path" not in g.trend()
    assert [f.name for f in g.flags] == ["expired"]
    out = io.StringIO()  # the stored review says the same
    assert main(["review", "--store", str(store), "--date", "2026-07-10"], out=out) == 0
    assert g.trend() in out.getvalue()


@settings(max_examples=40, deadline=None)
@given(
    st.floats(0.5, 1.5),  # the value by the deadline, a share of the target
    st.integers(1, 90),  # days after the deadline
    st.sampled_from([("leads", "60 leads", 60.0), ("followers", "1,500 followers", 1500.0)]),
)
def test_past_the_deadline_short_of_the_target_is_behind(
    share: float, after: int, goal_of: tuple[str, str, float]
) -> None:
    metric, target, level = goal_of
    deadline = D(2026, 6, 30)
    goal = gr.Goal("g", metric=metric, channel="linkedin", target=target,
                   start=D(2026, 1, 1), deadline=deadline)  # fmt: skip
    values = [level * (0.5 + 0.04 * i) for i in range(11)] + [round(level * share)]
    history = _history(values)[:12]  # the last value is June's, the deadline's month
    today = deadline + dt.timedelta(days=after)
    ach = gr.assess_achievability(goal, history, today=today)
    r = review_goal(goal, gr.MetricSeries(metric, history), ach, today)
    assert r.by_deadline and r.value == round(level * share)
    if r.value < level:
        assert r.pace == "behind" and "on the path" not in r.trend()
        assert "behind the path by" in r.trend() and "just over" not in r.trend()
    else:
        assert r.pace in ("on_track", "ahead")


def test_a_tier_missed_by_a_little_is_behind_too(tmp_path: Path) -> None:
    """The tiers read "tier target (60): on the path" beside the goal's expiry."""
    ws = tmp_path / "ws.toml"
    ws.write_text(WS + 'tiers = {base = "56 leads", target = "60 leads", stretch = "70 leads"}\n')
    history = tmp_path / "history.csv"
    history.write_text("date,channel,metric,value\n" + "".join(
        f"{d},linkedin,leads,{v}\n" for d, v in _history(LEADS)))  # fmt: skip
    (g,) = gr.review(ws, history, store=":memory:", today=D(2026, 7, 10)).goals
    assert [(t.name, t.pace) for t in g.tiers] == [
        ("base", "ahead"), ("target", "behind"), ("stretch", "behind")]  # fmt: skip
    assert not any("on the path" in line for line in g.targets_lines())
    # no chance past the deadline: each says its outcome, not "P ?"
    assert g.targets_lines()[:2] == [
        "tier base (56): achieved, ahead of the path, 117 % of the way",
        "tier target (60): expired, behind the path, 88 % of the way",
    ]
