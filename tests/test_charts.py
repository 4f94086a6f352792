"""The charts read well: units on the axes, numbers as everywhere else, the legend
beside the data, the plan's 2x2, and a review's marks on the values it read."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from typing import Any

import pytest

import goalrules as gr

pytest.importorskip("matplotlib")


def _figures(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[Any]:
    figs: list[Any] = []
    monkeypatch.setattr(module, "_svg", lambda fig: (figs.append(fig), "<svg/>")[1])
    return figs


def test_goal_channel_and_plan_charts_label_their_axes(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    charts = importlib.import_module("goalrules.report.charts")
    figs = _figures(monkeypatch, charts)
    p = gr.demo_paths()
    r = gr.run_check(p["workspace"], history=p["history"], performance=p["performance"])
    li = next(g for g in r.goals if g.id == "li-followers")
    assert charts._goal_chart(li) == "<svg/>"
    charts._channel_charts(r.channels, 0.013)
    assert r.plan is not None and charts._plan_chart(r.plan) == "<svg/>"
    goal, funnel, rate, plan = (f.axes[0] for f in figs)
    assert goal.get_ylabel() == "followers" and "unrealistic" in goal.get_title()
    assert funnel.get_ylabel() == "count (log scale)"
    assert rate.get_ylabel().startswith("lead rate")
    assert plan.get_xlabel().startswith("complexity") and plan.get_ylabel().startswith("value")
    for ax in (goal, funnel, rate, plan):
        legend = ax.get_legend()
        if legend is not None:  # beside the plot, never over the data
            assert legend.get_bbox_to_anchor().x0 >= ax.get_window_extent().x1 - 1
        for label in ax.get_yticklabels():
            assert "e+" not in label.get_text() and "e-" not in label.get_text()
    ids = {t.get_text().split(". ", 1)[1] for t in plan.texts if ". " in t.get_text()}
    assert ids == {t.id for t in r.plan.ranked}


def test_review_marks_sit_on_the_values_they_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    review_report = importlib.import_module("goalrules.report.review")
    figs = _figures(monkeypatch, review_report)
    p = gr.demo_paths()
    store = os.path.join(tempfile.mkdtemp(), "g.db")
    for day in (dt.date(2026, 1, 10), dt.date(2026, 2, 10)):
        result = gr.review(p["workspace"], [p["history"]], store=store, today=day)
    g = next(x for x in result.goals if x.goal.id == "li-followers")
    review_report._burn_up(result, g)
    ax = figs[0].axes[0]
    values = {(round(x), round(y)) for x, y in ax.lines[0].get_xydata()}
    marks = {(round(x), round(y)) for x, y in ax.collections[-1].get_offsets()}
    assert marks and marks <= values


def _no_rate_rows(with_rates: bool) -> list[dict[str, Any]]:
    rows = []
    for i, month in enumerate(["2025-01", "2025-02", "2025-03", "2025-04"]):
        if with_rates:
            rows += [{"channel": "linkedin", "month": month, "visits": 300, "leads": 20},
                     {"channel": "facebook", "month": month, "visits": 1000, "leads": 10}]  # fmt: skip
        # more leads than visits in a month (lead ads): no lead rate, not 0
        rows.append(
            {"channel": "x", "month": month, "visits": 10 if i else 5, "leads": 8 if i else 9}
        )
    return rows


@pytest.mark.parametrize("with_rates", [True, False])
def test_a_channel_without_a_lead_rate_is_not_drawn_at_0(
    monkeypatch: pytest.MonkeyPatch, with_rates: bool
) -> None:
    """The lead-rate chart drew a channel with no lead rate (more leads than visits in
    a month) at 0 %, the rate of a channel that brings no leads; the table says n/a."""
    import importlib

    charts = importlib.import_module("goalrules.report.charts")
    figs = _figures(monkeypatch, charts)
    decisions = gr.decide_channels(_no_rate_rows(with_rates))
    assert next(d for d in decisions if d.channel == "x").evidence.lead_rate is None
    charts._channel_charts(decisions, decisions.portfolio.lead_rate)
    rate = figs[1].axes[0]
    points = len(rate.lines[0].get_xdata())
    drawn = [t.get_text() for t in rate.get_xticklabels()] if points else []
    assert "x" not in drawn
    assert sorted(drawn) == (["facebook", "linkedin"] if with_rates else [])
    assert points == len(drawn)
