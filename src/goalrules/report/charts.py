"""Charts as inline SVG, drawn by matplotlib when it is installed
(``pip install 'goalrules[report]'``); without it the reports leave them out (and say
so). Every chart is drawn at the page's width (the SVG scales), with tick labels a
reader can read, the legend beside the data rather than on it, and the unit on each
axis; numbers are written by [goalrules.numbers][]."""

from __future__ import annotations

import contextlib
import datetime as _dt
import importlib.util
import io
from collections.abc import Iterator
from typing import Any

import attrs

from goalrules.check import GoalResult, PlanResult
from goalrules.dates import month_end
from goalrules.judgments.achievability_text import whole_percent
from goalrules.judgments.channels import ChannelDecision
from goalrules.judgments.weekly_flows import monthly_of
from goalrules.metrics import catalog
from goalrules.model import MetricSeries, Point
from goalrules.numbers import format_number, format_percent, plural, words
from goalrules.visible import visible
from goalrules.vocabulary import MetricKind

WIDTH, HEIGHT = 10.0, 3.6  # inches: the page's width at the reports' 1080 px
_TICKS = 9


def charts_available() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


@contextlib.contextmanager
def pyplot() -> Iterator[Any]:
    """matplotlib's pyplot, drawing with matplotlib's own settings whatever a
    ``matplotlibrc`` says (the user's, or one in the current folder): a chart is the same
    on every machine, and never runs LaTeX on its labels (``text.usetex``, which
    failed with a traceback where LaTeX is not installed), the same report the same bytes
    on every run. The settings are the caller's
    again afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        # the SVG's ids from its content alone (not a random salt): the same report is
        # the same bytes on every run (two charts' ids meet only for the same content)
        matplotlib.rcParams["svg.hashsalt"] = "goalrules"
        # labels are data (a goal's id, a channel's name): drawn as written, never read
        # as matplotlib's math ("$\\frac{a}{$" in an id stopped the report with a traceback)
        matplotlib.rcParams["text.parse_math"] = False
        yield plt


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]


_EPOCH = _dt.date(1970, 1, 1)  # matplotlib's default date epoch


def _day_number(day: _dt.date) -> float:
    """A date as matplotlib's date number: days since its epoch, which a
    ``matplotlibrc`` may move (``date.epoch: 0000-12-31``, matplotlib's epoch before 3.3,
    drew 2025 as the year 55 when the days were counted from 1970)."""
    from matplotlib.dates import date2num

    return float(date2num(_dt.datetime(day.year, day.month, day.day)))  # type: ignore[no-untyped-call]


def dated_points(series: MetricSeries, today: _dt.date | None = None) -> list[Point]:
    """A history's monthly values as a chart draws them, each on the day it stands for
    (as a review's ``data_date`` and the judgment's last date): a stock's month (its last
    count) on that count's day, 2025-12-28, not the 1st; a flow's sum or a ratio's mean on
    its month's end. With ``today``: what was known then, and a flow's month not over yet
    left out (its sum is partial: the judgment leaves it out too)."""
    defn = catalog.get(series.metric or "")
    kind = series.kind or (defn.kind if defn is not None else None) or MetricKind.STOCK
    points = series.points
    if today is not None and points and points[-1].date > today:
        points = tuple(p for p in points if p.date <= today)
    last_day: dict[tuple[int, int], _dt.date] = {}
    for p in points:  # sorted by date: the last one of each month stays
        last_day[(p.date.year, p.date.month)] = p.date
    out = []
    # a weekly flow's months from its days, as the judgment reads them
    for p in (
        monthly_of(attrs.evolve(series, points=points), kind, today or _dt.date.max)
        if points
        else ()
    ):
        seen = last_day.get((p.date.year, p.date.month), month_end(p.date))
        end = month_end(p.date)
        if kind is MetricKind.STOCK:
            day = seen
        elif today is None or end <= today:
            day = end
        elif kind is MetricKind.FLOW:
            continue  # a month under way: its sum so far is no month's value
        else:
            day = seen  # a ratio's mean so far, as of its last day
        out.append(Point(day, p.value))
    return out


def running_total(points: Any, since: _dt.date) -> list[Point]:
    """Monthly points (each on the day it stands for) as the running total from the
    month ``since`` (the value a total target, "600 leads in 2026", is judged on), each
    at its month's end."""
    out, total = [], 0.0
    for p in points:
        if p.date >= since:
            total += p.value
            out.append(Point(month_end(p.date), total))
    return out


def _style(ax: Any, *, legend: bool = True) -> None:
    """Readable ticks, and the legend outside the plot, to the right of the data."""
    ax.tick_params(labelsize=_TICKS)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    if legend and ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=_TICKS, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def _count_axis(ax: Any, axis: str = "y") -> None:
    """Tick labels written as numbers are everywhere else (1,200; never 1.2e+03)."""
    from matplotlib.ticker import FuncFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v)))


def _goal_chart(g: GoalResult, today: _dt.date | None = None) -> str | None:
    ach = g.smart.achievability
    if not charts_available() or ach is None or g.history is None or ach.last_date is None:
        return None
    with pyplot() as plt:
        goal = g.smart.goal
        points = dated_points(g.history, today)
        if ach.cumulative and goal.start is not None:  # a total: the running total, as judged
            points = running_total(points, goal.start.replace(day=1))
        fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
        ax.xaxis_date()
        ax.plot(
            [_day_number(p.date) for p in points],
            [p.value for p in points],
            marker="o",
            color="#2563eb",
            label="total so far" if ach.cumulative else "history",
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
        chance = "n/a" if ach.probability is None else _chance(ach.probability, ach.chance_edges)
        ax.set_title(f"{visible(goal.id)}: {words(ach.verdict)} (chance {chance})", fontsize=11)
        unit = ach.unit if ach.unit and ach.unit != "dimensionless" else (goal.metric or "value")
        ax.set_ylabel(plural(unit.replace("_", " "), 2), fontsize=_TICKS + 1)
        _count_axis(ax)
        import matplotlib.dates as mdates

        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))  # type: ignore[no-untyped-call]
        _style(ax)
        fig.autofmt_xdate()
        return _svg(fig)


def _channel_charts(
    decisions: list[ChannelDecision] | tuple[ChannelDecision, ...], portfolio_rate: float | None
) -> list[str]:
    if not charts_available() or not decisions:
        return []
    with pyplot() as plt:
        out = []
        fig, ax = plt.subplots(figsize=(WIDTH / 2, HEIGHT))
        names = [visible(d.channel) for d in decisions]
        width = 0.27
        xs = range(len(names))
        # visits, leads or customers not measured: no bar (an unknown drawn as 0 would
        # read as none)
        for shift, what, color in ((-width, "visits", "#93c5fd"), (0.0, "leads", "#2563eb")):
            drawn = [
                (x + shift, n)
                for x, d in zip(xs, decisions, strict=True)
                if (n := getattr(d.evidence, what)) is not None
            ]
            ax.bar([x for x, _ in drawn], [n for _, n in drawn], width, label=what, color=color)
        # customers not measured: no bar (an unknown drawn as 0 would read as none)
        known = [
            (x, n)
            for x, d in zip(xs, decisions, strict=True)
            if (n := d.evidence.customers) is not None
        ]
        ax.bar(
            [x + width for x, _ in known],
            [n for _, n in known],
            width,
            label="customers",
            color="#1e3a8a",
        )
        ax.set_yscale("symlog")
        ax.set_xticks(list(xs), names)
        ax.set_ylabel("count (log scale)", fontsize=_TICKS + 1)
        _count_axis(ax)
        ax.set_title("Funnel: visits -> leads -> customers", fontsize=11)
        _style(ax)
        out.append(_svg(fig))

        fig, ax = plt.subplots(figsize=(WIDTH / 2, HEIGHT))
        # a channel with no lead rate (no visits, or more leads than visits) is left
        # out: drawn at 0 % it would read as a channel that brings no leads
        rated = [d for d in decisions if d.evidence.lead_rate is not None]
        rates = [(d.evidence.lead_rate or 0.0) * 100 for d in rated]
        lows = [
            max(0.0, r - (d.evidence.lead_rate_low or 0.0) * 100)
            if d.evidence.lead_rate_low is not None else 0.0
            for r, d in zip(rates, rated, strict=True)
        ]  # fmt: skip
        highs = [
            max(0.0, (d.evidence.lead_rate_high or 0.0) * 100 - r)
            if d.evidence.lead_rate_high is not None else 0.0
            for r, d in zip(rates, rated, strict=True)
        ]  # fmt: skip
        ax.errorbar([visible(d.channel) for d in rated], rates, yerr=[lows, highs], fmt="o",
                    color="#2563eb", capsize=4)  # fmt: skip
        if portfolio_rate is not None:
            ax.axhline(portfolio_rate * 100, color="#dc2626", linestyle="--", label="portfolio")
        from matplotlib.ticker import FuncFormatter

        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_percent(v / 100)))
        ax.set_ylabel("lead rate (leads per visit)", fontsize=_TICKS + 1)
        ax.set_title("Lead rate with its 95 % Wilson interval", fontsize=11)
        _style(ax)
        out.append(_svg(fig))
        return out


_QUADRANT_COLOURS = {
    "quick_win": "#16a34a", "big_bet": "#2563eb", "fill_in": "#6b7280", "time_sink": "#dc2626",
}  # fmt: skip


def _plan_chart(plan: PlanResult, *, split: float = 3) -> str | None:
    """The value vs complexity 2x2: each tactic where its scores put it, the quadrant
    lines at ``split``, and the quadrants named in their corners."""
    if not charts_available() or not plan.ranked:
        return None
    with pyplot() as plt:
        fig, ax = plt.subplots(figsize=(WIDTH * 0.6, WIDTH * 0.45))
        spots: dict[tuple[int, int], int] = {}
        for r in plan.ranked:
            x, y = r.tactic.complexity, r.tactic.value
            n = spots.get((x, y), 0)
            spots[(x, y)] = n + 1
            dx, dy = 0.0, -0.25 * n  # tactics on one spot stack downwards, labels apart
            colour = _QUADRANT_COLOURS.get(r.quadrant.value, "#334155")
            ax.scatter([x + dx], [y + dy], s=60, color=colour, zorder=3,
                       label=words(r.quadrant))  # fmt: skip
            ax.annotate(f"{r.rank}. {visible(r.id)}", (x + dx, y + dy), xytext=(6, 4),
                        textcoords="offset points", fontsize=_TICKS - 1)  # fmt: skip
        edge = split - 0.5
        ax.axvline(edge, color="#9ca3af", linewidth=1)
        ax.axhline(edge, color="#9ca3af", linewidth=1)
        for (cx, cy), name in {(1.0, 5.4): "quick win", (5.0, 5.4): "big bet",
                               (1.0, 0.6): "fill-in", (5.0, 0.6): "time sink"}.items():  # fmt: skip
            ax.text(cx, cy, name, fontsize=_TICKS, color="#6b7280",
                    ha="left" if cx < split else "right", va="center")  # fmt: skip
        ax.set_xlim(0.5, 5.5)
        ax.set_ylim(0.3, 5.7)
        ax.set_xticks([1, 2, 3, 4, 5])
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_xlabel("complexity (1 easy .. 5 hard)", fontsize=_TICKS + 1)
        ax.set_ylabel("value (1 little .. 5 much)", fontsize=_TICKS + 1)
        ax.set_title("Tactics: value vs complexity", fontsize=11)
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles, strict=True))
        ax.legend(unique.values(), unique.keys(), fontsize=_TICKS, loc="upper left",
                  bbox_to_anchor=(1.01, 1), frameon=False)  # fmt: skip
        ax.tick_params(labelsize=_TICKS)
        return _svg(fig)


def _chance(p: float, edges: tuple[float, ...]) -> str:
    """A chance in whole percent, in the locale's words, never shown as a certainty it is
    not ("< 1 %", "> 99 %", as the text's "under 1 %" and "over 99 %")."""
    shown, side = whole_percent(p, edges)
    return f"{('< ', '', '> ')[side + 1]}{format_percent(shown / 100, digits=0)}"
