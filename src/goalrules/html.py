"""The HTML report: one self-contained file, from a Jinja2 template (autoescaped, so
a goal statement holding ``<script>`` shows as text), with charts as inline SVG drawn
by matplotlib when it is installed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib.util
import io
from typing import Any

from goalrules.check import CheckResult, GoalResult, PlanResult
from goalrules.judgments.channels import ChannelDecision

__all__ = ["charts_available", "html", "html_channels", "html_plan"]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def charts_available() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


@functools.cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goalrules", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


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


def _portfolio_rate(decisions: list[ChannelDecision] | tuple[ChannelDecision, ...]) -> float | None:
    visits = sum(d.evidence.visits for d in decisions)
    leads = sum(d.evidence.leads for d in decisions)
    return leads / visits if visits else None


def _channels(
    decisions: list[ChannelDecision] | tuple[ChannelDecision, ...],
) -> list[dict[str, Any]]:
    rows = []
    for d in decisions:
        ev = d.evidence
        rate = "n/a"
        if ev.lead_rate is not None:
            lo, hi = (ev.lead_rate_low or 0) * 100, (ev.lead_rate_high or 0) * 100
            rate = f"{ev.lead_rate * 100:.1f} % ({lo:.1f}-{hi:.1f})"
        rows.append(
            {
                "channel": d.channel,
                "decision": d.decision.value,
                "visits": f"{ev.visits:,.0f}",
                "leads": f"{ev.leads:,.0f}",
                "customers": f"{ev.customers:,.0f}",
                "rate": rate,
                "why": d.reasons[0] if d.reasons else "",
            }
        )
    return rows


def _plan(plan: PlanResult) -> dict[str, Any]:
    return {
        "days": plan.days,
        "tactics": [
            {
                "rank": r.rank,
                "id": r.id,
                "text": r.tactic.text,
                "quadrant": r.quadrant.value.replace("_", " "),
                "value": r.tactic.value,
                "complexity": r.tactic.complexity,
                "owners": ", ".join(r.tactic.owners) or "(nobody)",
                "due": ", ".join(d.isoformat() for d in plan.due_dates(r.id)) or "-",
            }
            for r in plan.ranked
        ],
        "lint": [f.to_dict() for f in plan.lint],
    }


def _goals(result: CheckResult) -> list[dict[str, Any]]:
    goals = []
    for g in result.goals:
        crit = []
        for name in CRITERIA:
            c = g.smart.criteria[name]
            if c.passed:
                crit.append({"css": "ok", "label": "met"})
            elif c.unknown and c.score == 0:
                crit.append({"css": "unk", "label": "unknown"})
            else:
                crit.append({"css": "miss", "label": f"{c.score:.0%}"})
        ach = g.smart.achievability
        goals.append({
            "id": g.id, "statement": g.smart.goal.statement, "score": f"{g.smart.score:.0f}",
            "criteria": crit, "verdict": ach.verdict.value if ach else "no history",
            "explanation": ach.explanation if ach else "", "suggestions": list(g.smart.suggestions),
            "chart": _goal_chart(g),
        })  # fmt: skip
    return goals


def _page(title: str, today: str, **parts: Any) -> str:
    import goalrules

    return str(
        _template().render(
            title=title,
            today=today,
            version=goalrules.__version__,
            charts_available=charts_available(),
            criteria=[c.replace("_", "-") for c in CRITERIA],
            goals=parts.get("goals"),
            channels=parts.get("channels"),
            channel_charts=parts.get("channel_charts"),
            plan=parts.get("plan"),
            summary=parts.get("summary"),
        )
    )


def html(result: CheckResult) -> str:
    """The whole check as one HTML page."""
    return _page(
        f"goalrules check: {result.name or 'workspace'}",
        result.today.isoformat(),
        goals=_goals(result),
        channels=_channels(result.channels),
        channel_charts=_channel_charts(result.channels, _portfolio_rate(result.channels)),
        plan=_plan(result.plan) if result.plan else None,
    )


def html_channels(decisions: list[ChannelDecision]) -> str:
    import datetime as dt

    return _page(
        "goalrules channels",
        dt.date.today().isoformat(),
        channels=_channels(decisions),
        channel_charts=_channel_charts(decisions, _portfolio_rate(decisions)),
    )


def html_book(decided: Any, rows: list[dict[str, Any]], summary: str) -> str:
    """Channel decisions of many accounts as one HTML page."""
    import datetime as dt

    book = []
    for r, row in zip(decided.iter_rows(named=True), rows, strict=True):
        rate = "n/a"
        if r["lead_rate"] is not None:
            lo, hi = (r["lead_rate_low"] or 0) * 100, (r["lead_rate_high"] or 0) * 100
            rate = f"{r['lead_rate'] * 100:.1f} % ({lo:.1f}-{hi:.1f})"
        book.append({
            "account": r["account"], "channel": r["channel"], "decision": r["decision"],
            "visits": f"{r['visits']:,.0f}", "leads": f"{r['leads']:,.0f}",
            "customers": f"{r['customers']:,.0f}", "rate": rate,
            "why": "; ".join(row["reasons"][1:]),
        })  # fmt: skip
    return _page("goalrules channels by account", dt.date.today().isoformat(),
                 channels=book, summary=summary)  # fmt: skip


def html_plan(plan: PlanResult) -> str:
    return _page("goalrules plan", plan.start.isoformat(), plan=_plan(plan))
