"""A chart puts each monthly value on the day it stands for, the day a review reads its
value and the projection starts from: a stock's month on its last count's day
(2025-12-28), a flow's on its month's end. Before, every month sat on its 1st, so the
demo's last count (December 28) was drawn on December 1 and its projection started four
weeks after the line ended; and a flow's month under way was drawn as a fall."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import GoalResult
from goalrules.dates import month_end
from goalrules.model import MetricSeries
from goalrules.report.charts import _EPOCH, dated_points
from goalrules.vocabulary import MetricKind

pytest.importorskip("matplotlib")
D = dt.date


def _days(xs: Any) -> list[D]:
    return [_EPOCH + dt.timedelta(days=round(float(x))) for x in xs]


def _figures(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[Any]:
    figs: list[Any] = []
    monkeypatch.setattr(module, "_svg", lambda fig: (figs.append(fig), "<svg/>")[1])
    return figs


def test_the_burn_up_ends_on_the_day_the_review_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    review_report = importlib.import_module("goalrules.report.review")
    figs = _figures(monkeypatch, review_report)
    p = gr.demo_paths()
    store = os.path.join(tempfile.mkdtemp(), "g.db")
    result = gr.review(p["workspace"], [p["history"]], store=store, today=D(2026, 1, 10))
    li = next(x for x in result.goals if x.goal.id == "li-followers")
    review_report._burn_up(result, li)
    ax = figs[0].axes[0]
    days = _days(ax.lines[0].get_xdata())
    assert li.data_date == D(2025, 12, 28)
    assert days[-1] == li.data_date  # not 2025-12-01
    assert all(d.day == 28 for d in days)  # the demo counts followers on the 28th
    projection = next(line for line in ax.lines if line.get_label() == "projection")
    assert _days(projection.get_xdata())[0] == li.data_date  # it starts where the line ends


def test_the_check_chart_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    charts = importlib.import_module("goalrules.report.charts")
    figs = _figures(monkeypatch, charts)
    p = gr.demo_paths()
    r = gr.run_check(p["workspace"], history=p["history"])
    for gid, last in (("li-followers", D(2025, 12, 28)), ("branded-content", D(2025, 12, 31))):
        g = next(x for x in r.goals if x.id == gid)
        charts._goal_chart(g, r.today)
        days = _days(figs[-1].axes[0].lines[0].get_xdata())
        ach = g.smart.achievability
        assert ach is not None and days[-1] == ach.last_date == last


DAYS = st.integers(1, 28)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 17), DAYS), min_size=1, max_size=30, unique_by=lambda x: x[0]),
       st.sampled_from(["followers", "leads"]), st.integers(0, 17), DAYS)  # fmt: skip
def test_each_month_on_the_day_it_stands_for(
    seen: list[tuple[int, int]], metric: str, at: int, day: int
) -> None:
    def date(month: int, d: int) -> D:
        return D(2025 + month // 12, 1 + month % 12, d)

    pts = sorted((date(m, d), 100.0 + m) for m, d in seen)
    series = MetricSeries(metric, pts)
    today = date(at, day)
    stock = gr.catalog[metric].kind is MetricKind.STOCK
    drawn = dated_points(series, today)
    known = [p for p in pts if p[0] <= today]
    months = {(d.year, d.month) for d, _ in known}
    assert all(p.date <= today for p in drawn)
    for p in drawn:
        inside = [d for d, _ in known if (d.year, d.month) == (p.date.year, p.date.month)]
        assert p.date == (max(inside) if stock else month_end(p.date))
    if stock:
        assert len(drawn) == len(months)
    else:  # a month under way is left out, every complete one is drawn
        assert len(drawn) == len({m for m in months if month_end(D(*m, 1)) <= today})


def test_a_total_is_drawn_as_its_running_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """A total ("600 leads in 2026") is judged on its running total: the check's chart
    drew each month's leads (about 50) under a target line of 600."""
    import importlib

    charts = importlib.import_module("goalrules.report.charts")
    figs = _figures(monkeypatch, charts)
    goal = gr.Goal("total", statement="Get 600 leads in total from LinkedIn in 2026",
                   metric="leads", channel="linkedin", target="600 leads",
                   start="2026-01-01", deadline="2026-12-31")  # fmt: skip
    series = MetricSeries("leads", [(D(2025, m, 28), 40 + m) for m in range(1, 13)]
                          + [(D(2026, m, 28), 50 + m) for m in range(1, 4)], unit="lead")  # fmt: skip
    today = D(2026, 4, 10)
    ach = gr.assess_achievability(goal, series, today=today)
    assert ach.cumulative and ach.current_value == 51 + 52 + 53
    result = GoalResult(gr.score_smart(goal, history=series, today=today), series)
    charts._goal_chart(result, today)
    line = figs[-1].axes[0].lines[0]
    assert list(line.get_ydata()) == [51, 51 + 52, 51 + 52 + 53]
    assert _days(line.get_xdata()) == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)]
