"""Charts as inline SVG, drawn by matplotlib when it is installed
(``pip install 'goalrules[report]'``); without it the reports leave them out."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import io
from typing import Any

from goalrules.check import GoalResult
from goalrules.judgments.channels import ChannelDecision


def charts_available() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]


_EPOCH = _dt.date(1970, 1, 1)  # matplotlib's default date epoch


def _day_number(day: _dt.date) -> float:
    """A date as matplotlib's date number (days since its epoch)."""
    return float((day - _EPOCH).days)


def _goal_chart(g: GoalResult) -> str | None:
    ach = g.smart.achievability
    if not charts_available() or ach is None or g.history is None or ach.last_date is None:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    goal = g.smart.goal
    points = g.history.monthly(g.history.kind) if g.history.kind else g.history.monthly()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.xaxis_date()
    ax.plot(
        [_day_number(p.date) for p in points],
        [p.value for p in points],
        marker="o",
        color="#2563eb",
        label="history",
    )
    if goal.deadline is not None and ach.months_left and ach.months_left > 0:
        steps = max(2, int(ach.months_left) + 1)
        xs, lo, mid, hi = [], [], [], []
        for i in range(steps + 1):
            months = ach.months_left * i / steps
            band = ach.band(months)
            if band is None:
                break
            xs.append(_day_number(ach.last_date) + months * 365.25 / 12)
            lo.append(band[0])
            mid.append(band[1])
            hi.append(band[2])
        if xs:
            xs[-1] = _day_number(goal.deadline)
            ax.fill_between(xs, lo, hi, color="#93c5fd", alpha=0.4, label="80 % band")
            ax.plot(xs, mid, linestyle="--", color="#2563eb", label="projection")
        ax.axvline(_day_number(goal.deadline), color="#6b7280", linestyle=":", label="deadline")
    if ach.target_value is not None:
        ax.axhline(ach.target_value, color="#dc2626", label="target")
    ax.set_title(f"{goal.id}: {ach.verdict.value} (p = {ach.probability or 0:.0%})", fontsize=10)
    ax.legend(fontsize=7, loc="upper left")
    ax.tick_params(labelsize=7)
    fig.autofmt_xdate()
    return _svg(fig)


def _channel_charts(
    decisions: list[ChannelDecision] | tuple[ChannelDecision, ...], portfolio_rate: float | None
) -> list[str]:
    if not charts_available() or not decisions:
        return []
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []
    fig, ax = plt.subplots(figsize=(6, 3))
    names = [d.channel for d in decisions]
    width = 0.27
    xs = range(len(names))
    ax.bar(
        [x - width for x in xs],
        [d.evidence.visits for d in decisions],
        width,
        label="visits",
        color="#93c5fd",
    )
    ax.bar(list(xs), [d.evidence.leads for d in decisions], width, label="leads", color="#2563eb")
    ax.bar(
        [x + width for x in xs],
        [d.evidence.customers for d in decisions],
        width,
        label="customers",
        color="#1e3a8a",
    )
    ax.set_yscale("symlog")
    ax.set_xticks(list(xs), names, fontsize=8)
    ax.set_title("Funnel: visits -> leads -> customers", fontsize=10)
    ax.legend(fontsize=7)
    out.append(_svg(fig))

    fig, ax = plt.subplots(figsize=(6, 3))
    rates = [(d.evidence.lead_rate or 0) * 100 for d in decisions]
    lows = [
        max(0.0, r - (d.evidence.lead_rate_low or 0) * 100)
        for r, d in zip(rates, decisions, strict=True)
    ]
    highs = [
        max(0.0, (d.evidence.lead_rate_high or 0) * 100 - r)
        for r, d in zip(rates, decisions, strict=True)
    ]
    ax.errorbar(names, rates, yerr=[lows, highs], fmt="o", color="#2563eb", capsize=4)
    if portfolio_rate is not None:
        ax.axhline(portfolio_rate * 100, color="#dc2626", linestyle="--", label="portfolio")
        ax.legend(fontsize=7)
    ax.set_ylabel("lead rate, %", fontsize=8)
    ax.set_title("Lead rate with its 95 % Wilson interval", fontsize=10)
    ax.tick_params(labelsize=8)
    out.append(_svg(fig))
    return out
