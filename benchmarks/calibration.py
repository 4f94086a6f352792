"""Calibration of the achievability probability.

Run: python benchmarks/calibration.py [--goals 20000] [--seed 1]

Simulates many follower histories as geometric random walks with known drift and
volatility (the world the flat prior assumes: ``--prior flat``, the default here),
sets a target and a deadline for each, asks goalrules for the probability of reaching
the target, then simulates the future of the same walk to see whether the
target was met. Goals given probability p should be met about p of the time: the
reliability table groups goals by predicted probability and compares the mean
prediction with the share met; the largest bin error is reported (aim: <= 0.05).

The predictive Student t is the Bayesian forecast of a Gaussian random walk whose drift
and volatility are unknown, under flat priors. The simulation draws each account's
drift from a wide normal (--drift-sd, default 0.4 a month) and its volatility
log-uniformly, which that model fits. With a narrow drift prior (--drift-sd 0.03) the
real accounts' drifts regress to the mean more than a flat prior expects, and the
forecasts come out over-confident: the table shows by how much.

goalrules' default model (``--prior default``) is calibrated on real series instead
(benchmarks/calibration_real.py): it expects drifts centred on zero that do not persist.
In this synthetic world, where every account keeps a drift of 2 % a month on average, it
is too cautious; ``gr.fit_prior`` on such accounts learns their centre.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import time

import goalrules as gr
from goalrules.dates import add_months

START = dt.date(2024, 1, 1)


def simulate(
    n_goals: int, seed: int, method: str, drift_sd: float, prior: str = "flat"
) -> list[tuple[float, bool]]:
    rng = random.Random(seed)
    out: list[tuple[float, bool]] = []
    for _ in range(n_goals):
        drift = rng.gauss(0.02, drift_sd)  # monthly log-growth of this account
        vol = math.exp(rng.uniform(math.log(0.01), math.log(0.1)))
        months = rng.randint(4, 12)  # observed months
        horizon = rng.randint(2, 12)  # months to the deadline
        v = rng.uniform(500, 50_000)
        history = [(START, v)]
        for i in range(1, months + 1):
            v *= math.exp(rng.gauss(drift, vol))
            history.append((add_months(START, i), v))
        last_day, current = history[-1]
        # targets spread around what the walk will plausibly reach
        target = current * math.exp(rng.gauss(drift * horizon, 0.15 + vol * math.sqrt(horizon)))
        if target <= current:
            continue  # already achieved: not a forecast
        goal = gr.Goal(
            "g",
            metric="followers",
            target=f"{target:.6f} followers",
            start=last_day,
            deadline=add_months(last_day, horizon),
        )
        a = gr.assess_achievability(
            goal, history, today=last_day, window=None, method=method,
            seed=rng.randint(0, 10**6), samples=800,
            prior=None if prior == "default" else prior,
        )  # fmt: skip
        if a.probability is None:
            continue
        future = current
        for _ in range(horizon):
            future *= math.exp(rng.gauss(drift, vol))
        out.append((a.probability, future >= target))
    return out


def reliability(results: list[tuple[float, bool]], bins: int = 10) -> float:
    print(f"{'predicted':>12} {'goals':>7} {'mean p':>8} {'met':>8} {'error':>8}")
    worst = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        group = [(p, met) for p, met in results if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not group:
            continue
        mean_p = sum(p for p, _ in group) / len(group)
        share = sum(met for _, met in group) / len(group)
        err = abs(mean_p - share)
        if len(group) >= 100:
            worst = max(worst, err)
        print(f"{lo:5.1f}-{hi:4.1f}   {len(group):7d} {mean_p:8.3f} {share:8.3f} {err:8.3f}")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--goals", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--drift-sd", type=float, default=0.4, help="spread of account drifts")
    parser.add_argument("--bootstrap", action="store_true", help="also calibrate the bootstrap")
    parser.add_argument(
        "--prior",
        default="flat",
        help="the growth model's prior: 'flat' (what the simulation draws from), 'default' "
        "(goalrules' own, fitted on real series), or 'tau=..., damping=...'",
    )
    args = parser.parse_args()
    methods = ["closed_form"] + (["bootstrap"] if args.bootstrap else [])
    for method in methods:
        t0 = time.perf_counter()
        n = args.goals if method == "closed_form" else args.goals // 5
        results = simulate(n, args.seed, method, args.drift_sd, args.prior)
        took = time.perf_counter() - t0
        print(f"\n== {method}, prior {args.prior}: {len(results):,} goals judged in {took:.1f} s")
        worst = reliability(results)
        print(f"largest bin error (bins with >= 100 goals): {worst:.3f} (aim <= 0.05)")


if __name__ == "__main__":
    main()
