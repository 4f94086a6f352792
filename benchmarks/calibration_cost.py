"""Cost of one achievability judgment: the persistence mixture against the single shrunk
model it extends (``GrowthPrior(steady=inf, flow_spread=0, flow_alpha=1)``, the model
before it), measured in the same run.

Run: python benchmarks/calibration_cost.py [--goals N]

Each goal is judged from scratch (``assess_achievability``) and its JSON written
(``to_dict``: the explanation and the forecast's 80 % range), on smooth and noisy
histories of 7 to 24 months, stocks and flows, targets at 0.9 to 2 times the current
value. Prints microseconds a goal for both and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import time

import goalrules as gr
from goalrules.dates import add_months, month_end

BEFORE = (
    gr.GrowthPrior(steady=math.inf, flow_spread=0.0, flow_alpha=1.0)
    if hasattr(gr.GrowthPrior(), "steady")
    else None
)


def cases(n: int) -> list[tuple[gr.Goal, gr.MetricSeries, dt.date]]:
    rng = random.Random(0)
    out = []
    for i in range(n):
        months = rng.randint(7, 24)
        growth, noise = rng.uniform(-0.02, 0.12), rng.choice([0.0, 0.005, 0.05, 0.3])
        metric = "followers" if i % 2 else "leads"
        first = dt.date(2024, 1, 31)
        values = [1000 * math.exp(growth * k + noise * rng.gauss(0, 1)) for k in range(months)]
        days = [month_end(add_months(first, k)) for k in range(months)]
        kind = "stock" if metric == "followers" else "flow"
        series = gr.MetricSeries(metric, kind=kind, points=list(zip(days, values, strict=True)))
        unit = gr.catalog[metric].unit
        target = values[-1] * rng.choice([0.9, 1.1, 1.25, 1.5, 2.0])
        goal = gr.Goal("g", metric=metric, target=f"{target:.3f} {unit}", start=days[-1],
                       deadline=month_end(add_months(days[-1], rng.choice([3, 6, 12]))))  # fmt: skip
        out.append((goal, series, days[-1]))
    return out


def run(prior: gr.GrowthPrior, goals: list[tuple[gr.Goal, gr.MetricSeries, dt.date]]) -> float:
    start = time.perf_counter()
    for goal, series, today in goals:
        gr.assess_achievability(goal, series, today=today, prior=prior).to_dict()
    return (time.perf_counter() - start) / len(goals) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=400)
    args = parser.parse_args()
    goals = cases(args.goals)
    run(gr.GrowthPrior(), goals[:20])  # warm the caches of both
    run(BEFORE, goals[:20])
    best_new = min(run(gr.GrowthPrior(), goals) for _ in range(3))
    best_old = min(run(BEFORE, goals) for _ in range(3))
    print(f"{len(goals)} goals, best of 3 runs")
    print(f"single shrunk model (before): {best_old:8.0f} us a goal")
    print(f"persistence mixture (now):    {best_new:8.0f} us a goal")
    print(f"ratio: {best_new / best_old:.2f}x")


if __name__ == "__main__":
    main()
