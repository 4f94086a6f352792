"""The backtest report: how far to trust the chance of reaching a target on a history.

Text for the terminal, markdown, JSON (:meth:`~goalrules.judgments.backtest.Backtest.
to_dict`) and a self-contained HTML page with the reliability chart (the mean predicted
probability of each bin against the share of its goals that came true; on the diagonal
the probability means what it says).
"""

from __future__ import annotations

import json
from typing import Any

from goalrules.judgments.backtest import Backtest, ReliabilityBin
from goalrules.numbers import format_count, format_decimal, format_percent
from goalrules.report.charts import _svg, charts_available, pyplot
from goalrules.visible import shown_as_written

__all__ = ["render_backtest"]

_VERDICTS = ("achievable", "stretch", "unrealistic")


def _pct(x: float | None) -> str:
    """A share or a mean chance to one decimal in the locale's signs (``97.6 %``; ``97,6
    %`` for a German team), never "0 %" or "100 %" for one that is neither ("over 99.9
    %": 2,499 goals of 2,500 came true, not all)."""
    if x is None:
        return "-"
    shown = round(x * 100, 1)
    if x > 0 and shown == 0:
        return f"under {format_percent(0.001)}"
    if x < 1 and shown >= 100:
        return f"over {format_percent(0.999)}"
    return format_percent(x)


def _num(x: float | None) -> str:
    """A calibration figure to three decimals in the locale's signs (``0.126``), never
    "0.000" (perfect) for one that is not."""
    if x is None:
        return "-"
    return f"under {format_decimal(0.001, 3)}" if 0 < x < 0.0005 else format_decimal(x, 3)


def _band(b: ReliabilityBin) -> str:
    """A bin's range of predicted probability: ``30-40 %``."""
    return f"{format_count(round(b.low * 100))}-{format_percent(b.high, digits=0)}"


def _summary(r: Backtest) -> list[str]:
    if not r.series and not r.goals:
        return ["No series to replay: the history holds no values"]
    lines = [
        f"{format_count(r.goals, 'goal')} replayed over {format_count(r.series)} series"
        + (f" ({format_count(r.skipped)} too short to replay)" if r.skipped else "")
    ]
    if r.goals:
        # a smaller bin off by more is said too: the table below shows it
        small = [b.error for b in r.bins if 0 < b.goals < r.min_bin and b.error is not None]
        worse = max(small, default=None)
        beside = (
            f"; a smaller bin is off by {_num(worse)}"
            if worse is not None and (r.max_bin_error is None or worse > r.max_bin_error)
            else ""
        )
        lines.append(
            f"expected calibration error {_num(r.ece)}, largest bin error "
            f"{_num(r.max_bin_error)} (bins of {r.min_bin}+ goals{beside}), "
            f"Brier score {_num(r.brier)}"
        )
    for name in _VERDICTS:
        if name in r.verdicts:
            n, met = r.verdicts[name]
            lines.append(f"{name.upper()} verdicts on targets above the current value: "
                         f"{format_count(n)}, came true {_pct(met)}")  # fmt: skip
    return lines


def _text(r: Backtest) -> str:
    out = ["Backtest: how far to trust the chance of reaching a target", ""]
    out += _summary(r)
    out += ["", r.trust(), "", "  predicted      goals   mean P   came true"]
    for b in r.bins:
        out.append(
            f"  {_band(b)}".ljust(15)
            + f"{format_count(b.goals):>7}   {_pct(b.predicted):>6}   {_pct(b.observed):>9}"
        )
    if r.horizons:
        out += ["", "  horizon   goals     ECE   largest bin   Brier"]
        for h, sub in r.horizons.items():
            out.append(
                f"  {h:>2} months {format_count(sub.goals):>7}  {_num(sub.ece):>6}  "
                f"{_num(sub.max_bin_error):>11}  {_num(sub.brier):>6}"
            )
    return "\n".join(out) + "\n"


def _markdown(r: Backtest) -> str:
    out = ["# Backtest", "", *[f"- {line}" for line in _summary(r)], "", r.trust(), ""]
    out += ["| predicted | goals | mean P | came true |", "|---|---:|---:|---:|"]
    out += [
        f"| {_band(b)} | {format_count(b.goals)} | {_pct(b.predicted)} | {_pct(b.observed)} |"
        for b in r.bins
    ]
    if r.horizons:
        out += ["", "| horizon | goals | ECE | largest bin | Brier |", "|---|---:|---:|---:|---:|"]
        out += [
            f"| {h} months | {format_count(sub.goals)} | {_num(sub.ece)} | "
            f"{_num(sub.max_bin_error)} | {_num(sub.brier)} |"
            for h, sub in r.horizons.items()
        ]
    return "\n".join(out) + "\n"


def _chart(r: Backtest) -> str | None:
    if not charts_available() or r.goals == 0:
        return None
    with pyplot() as plt:
        from matplotlib.ticker import FuncFormatter

        fig, ax = plt.subplots(figsize=(4.8, 4.4))
        ax.plot([0, 1], [0, 1], color="#9aa3b2", linestyle="--", linewidth=1, label="calibrated")
        full = [b for b in r.bins if b.predicted is not None and b.observed is not None]
        ax.plot(
            [b.predicted or 0.0 for b in full],
            [b.observed or 0.0 for b in full],
            marker="o",
            color="#2563eb",
            label="this history",
        )
        for b in full:
            ax.annotate(format_count(b.goals), (b.predicted or 0, b.observed or 0), fontsize=7,
                        textcoords="offset points", xytext=(4, -9), color="#5b6475")  # fmt: skip
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        for axis in (ax.xaxis, ax.yaxis):  # the ticks in the locale's signs, as the tables
            axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_percent(v, digits=0)))
        ax.set_xlabel("predicted chance of reaching the target")
        ax.set_ylabel("share of goals that came true")
        ax.set_title("Reliability")
        ax.legend(loc="upper left", fontsize=8)
        return _svg(fig)


def _html(r: Backtest) -> str:
    from goalrules import __version__
    from goalrules.report.html import _environment

    return str(
        _environment()
        .get_template("backtest.html.j2")
        .render(
            title="Backtest: how far to trust the chance of reaching a target",
            version=__version__,
            summary=_summary(r),
            trust=r.trust(),
            bins=[
                (_band(b), format_count(b.goals), _pct(b.predicted), _pct(b.observed))
                for b in r.bins
            ],
            horizons=[
                (
                    h,
                    format_count(sub.goals),
                    _num(sub.ece),
                    _num(sub.max_bin_error),
                    _num(sub.brier),
                )
                for h, sub in r.horizons.items()
            ],
            chart=_chart(r),
            charts_available=charts_available(),
        )
    )


@shown_as_written
def render_backtest(result: Backtest, fmt: str = "text") -> str:
    """A backtest in ``text``, ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        data: dict[str, Any] = result.to_dict()
        return json.dumps(data, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(result)
    if fmt == "html":
        return _html(result)
    return _text(result)
