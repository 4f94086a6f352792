"""Calibration of the achievability probability on real series (M3 monthly).

Run: python benchmarks/calibration_real.py [--data PATH] [--series N] [--no-anchor] [--no-tables]
     [--tune]

Replays rolling origins over the 1,428 monthly series of the M3 competition
(shared/data/m3-monthly.json; see its README): at every third month a cutoff, a history
of the last 6, 12, 18 or 24 months before it, targets at 0.9, 1, 1.1, 1.25, 1.5 and 2
times the value at the cutoff, deadlines 3, 6 and 12 months later, and the truth from
what followed. Each series is judged twice: as a stock (followers: the month's value)
and as a flow (visits: the month's total), since goalrules treats the two differently.

The series are split in two by their position in the file: the defaults of the growth
model were chosen on the even ones (``--tune`` re-runs that search), and the figures are
reported on the odd ones, which the tuning never saw. Beside goalrules today and the
flat-prior random walk it used before (``prior="flat", window=6``), the same cases are
forecast by a plain Gaussian random walk on all the history and, with the ``bench``
extra, by statsforecast's AutoETS (the anchor): its mean and 80 % interval read as a
normal predictive. Printed per forecaster and kind: the goals, expected calibration
error, largest bin error (bins of 100+ goals), Brier score, how often ACHIEVABLE and
UNREALISTIC verdicts on targets above the cutoff value came true (for the anchors, the
same 50 % and 10 % thresholds), the largest bin error per horizon, and ms per goal.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import NormalDist

import goalrules as gr
from goalrules.dates import month_end
from goalrules.judgments.achievability import Verdict
from goalrules.judgments.backtest import (
    DEFAULT_HISTORIES,
    DEFAULT_MULTIPLES,
    Backtest,
    BacktestCase,
    backtest_cases,
    origins,
    summarize,
)
from goalrules.model import MetricKind, Point

HORIZONS = (3, 6, 12)
KINDS = {"stock": ("followers", MetricKind.STOCK), "flow": ("visits", MetricKind.FLOW)}
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "m3-monthly.json"
_NORMAL = NormalDist()


def load(path: Path) -> list[tuple[str, list[Point]]]:
    import datetime as dt

    out = []
    for item in json.loads(path.read_text()):
        start = dt.date(2000, 1, 1)
        pts = [
            Point(month_end(gr.add_months(start, i)), float(v))
            for i, v in enumerate(item["values"])
        ]
        out.append((item["id"], pts))
    return out


def goalrules_cases(
    series: Sequence[tuple[str, list[Point]]], kind: str, **options: object
) -> list[BacktestCase]:
    metric, how = KINDS[kind]
    cases: list[BacktestCase] = []
    for name, pts in series:
        cases.extend(
            backtest_cases(
                [(p.date, p.value) for p in pts], metric=metric, kind=how, name=name, **options
            )
        )
    return cases


Forecast = Callable[[list[float], int], tuple[float, float]]  # log values, h -> (mean, sd)


def anchor_cases(
    series: Sequence[tuple[str, list[Point]]],
    forecast: Callable[[list[float], Sequence[int]], dict[int, tuple[float, float]]],
) -> list[BacktestCase]:
    """The same cases as backtest_cases, forecast by ``forecast`` (on log values) with a
    normal predictive; verdicts by goalrules' default thresholds."""
    cases: list[BacktestCase] = []
    for name, pts in series:
        by_month = {p.date.year * 12 + p.date.month - 1: p.value for p in pts}
        for cutoff, months, seen in origins(pts, HORIZONS, DEFAULT_HISTORIES, 3):
            logs = [math.log(p.value) for p in seen]
            current = by_month[cutoff]
            predictions = forecast(logs, HORIZONS)
            for h in HORIZONS:
                truth = by_month.get(cutoff + h)
                if truth is None:
                    continue
                mean, sd = predictions[h]
                for mult in DEFAULT_MULTIPLES:
                    target = current * mult
                    if sd <= 0:
                        p = 1.0 if mean >= math.log(target) else 0.0
                    else:
                        p = 1 - _NORMAL.cdf((math.log(target) - mean) / sd)
                    verdict = (
                        Verdict.ACHIEVABLE
                        if p >= 0.5
                        else Verdict.STRETCH
                        if p >= 0.1
                        else Verdict.UNREALISTIC
                    )
                    if mult <= 1.0 and current >= target:
                        verdict = Verdict.ACHIEVED
                    cases.append(
                        BacktestCase(
                            name, seen[-1].date, h, mult, months, p, verdict, truth >= target
                        )
                    )
    return cases


def random_walk(logs: list[float], horizons: Sequence[int]) -> dict[int, tuple[float, float]]:
    changes = [b - a for a, b in itertools.pairwise(logs)]
    k = len(changes)
    m = sum(changes) / k
    s = math.sqrt(sum((c - m) ** 2 for c in changes) / (k - 1)) if k > 1 else 0.0
    return {h: (logs[-1] + m * h, s * math.sqrt(h)) for h in horizons}


def auto_ets() -> Callable[[list[float], Sequence[int]], dict[int, tuple[float, float]]] | None:
    try:
        import numpy as np
        from statsforecast.models import AutoETS
    except ImportError:
        return None

    z80 = _NORMAL.inv_cdf(0.9)

    def forecast(logs: list[float], horizons: Sequence[int]) -> dict[int, tuple[float, float]]:
        y = np.asarray(logs)
        season = 12 if len(y) >= 24 else 1
        try:
            out = AutoETS(season_length=season).forecast(y=y, h=max(horizons), level=[80])
            mean, hi = out["mean"], out["hi-80"]
            return {h: (float(mean[h - 1]), float(hi[h - 1] - mean[h - 1]) / z80) for h in horizons}
        except Exception:  # a fit that fails: fall back to the random walk
            return random_walk(logs, horizons)

    return forecast


def line(label: str, kind: str, r: Backtest, ms: float) -> str:
    v = r.verdicts
    ach = v.get("achievable", (0, math.nan))
    unr = v.get("unrealistic", (0, math.nan))
    per_h = " ".join(
        f"{h}:{sub.max_bin_error:.3f}" if sub.max_bin_error is not None else f"{h}:-"
        for h, sub in r.horizons.items()
    )
    mbe = f"{r.max_bin_error:.3f}" if r.max_bin_error is not None else "  -  "
    return (
        f"{label:<22} {kind:<5} {r.goals:>8,} {r.ece:6.3f} {mbe:>6} {r.brier:6.3f} "
        f"{ach[1]:6.1%} ({ach[0]:>6,}) {unr[1]:6.1%} ({unr[0]:>6,})  {per_h}  {ms:6.3f}"
    )


def table(r: Backtest) -> str:
    rows = ["    bin        goals   predicted  observed"]
    for b in r.bins:
        if b.goals:
            rows.append(
                f"    {b.low:.1f}-{b.high:.1f}  {b.goals:>8,}   {b.predicted:8.3f}  {b.observed:8.3f}"
            )
    return "\n".join(rows)


def tune(series: Sequence[tuple[str, list[Point]]]) -> None:
    """Grid search of tau and damping on the tuning half: the ECE of stocks and flows."""
    print("tuning on", len(series), "series")
    for tau in (0.005, 0.01, 0.02, 0.04):
        for damping in (0.8, 0.9, 0.95):
            prior = gr.GrowthPrior(tau=tau, damping=damping)
            figures = []
            for kind in ("stock",):  # flows are judged on the same monthly values
                r = summarize(goalrules_cases(series, kind, prior=prior), by_horizon=False)
                figures.append(
                    f"{kind} ece {r.ece:.3f} max {r.max_bin_error or 0:.3f} brier {r.brier:.3f}"
                )
            print(f"tau {tau:<5} damping {damping:<4}  " + "  ".join(figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--series", type=int, default=0, help="only the first N of each half")
    parser.add_argument("--no-anchor", action="store_true", help="skip AutoETS (slow)")
    parser.add_argument("--tune", action="store_true", help="run the tuning search instead")
    parser.add_argument("--no-tables", action="store_true", help="leave out the reliability tables")
    args = parser.parse_args()
    data = load(args.data)
    tuning, held_out = data[0::2], data[1::2]
    if args.series:
        tuning, held_out = tuning[: args.series], held_out[: args.series]
    if args.tune:
        tune(tuning)
        return
    print(f"M3 monthly: {len(held_out)} held-out series (tuned on the other {len(tuning)})")
    print(
        f"{'forecaster':<22} {'kind':<5} {'goals':>8} {'ECE':>6} {'maxbin':>6} {'Brier':>6} "
        f"{'ACHIEVABLE met':>16} {'UNREALISTIC met':>17}  max bin by horizon  ms/goal"
    )
    forecasters: list[tuple[str, Callable[[str], list[BacktestCase]]]] = [
        ("goalrules", lambda kind: goalrules_cases(held_out, kind)),
        ("goalrules before", lambda kind: goalrules_cases(held_out, kind, prior="flat", window=6)),
        ("Gaussian random walk", lambda kind: anchor_cases(held_out, random_walk)),
    ]
    ets = None if args.no_anchor else auto_ets()
    if ets is not None:
        forecasters.append(("AutoETS (anchor)", lambda kind: anchor_cases(held_out, ets)))
    elif not args.no_anchor:
        print("(statsforecast is not installed: pip install '.[bench]' for the AutoETS anchor)")
    for label, run in forecasters:
        kinds = list(KINDS) if label.startswith("goalrules") else ["stock"]
        for kind in kinds:
            t0 = time.perf_counter()
            cases = run(kind)
            ms = (time.perf_counter() - t0) * 1e3 / max(len(cases), 1)
            r = summarize(cases)
            print(line(label, kind if label.startswith("goalrules") else "both", r, ms), flush=True)
            if not args.no_tables:
                print(table(r))


if __name__ == "__main__":
    main()
