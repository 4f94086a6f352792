"""How far to trust "Chance of reaching the target: 70 %" on your own accounts.

Run: python examples/trust_the_forecast.py

An agency's accounts (three years of monthly LinkedIn followers and website visits for
six clients, written here; in practice `gr.load_history("history.csv")`): fit a growth
prior on the portfolio, backtest the probability on the same histories with rolling
origins, then judge a new goal with the fitted prior. The same backtest runs from the
command line: `goalrules backtest history.csv --format html --output backtest.html`.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import goalrules as gr
from goalrules.dates import add_months, month_end

rng = random.Random(2026)
START = dt.date(2023, 1, 31)
histories: dict[tuple[str, str], gr.MetricSeries] = {}
for client in ("acme", "birch", "cobalt", "dune", "ember", "fjord"):
    followers, visits = rng.uniform(800, 20_000), rng.uniform(2_000, 50_000)
    growth = rng.gauss(0.015, 0.01)  # each client grows at its own pace, and slows down
    f_points, v_points = [], []
    for i in range(36):
        day = month_end(add_months(START, i))
        followers *= math.exp(growth * 0.97**i + rng.gauss(0, 0.01))
        season = 0.2 * math.cos(2 * math.pi * (i - 10) / 12)  # a November peak
        monthly_visits = visits * math.exp(season + rng.gauss(0, 0.15))
        f_points.append((day, round(followers)))
        v_points.append((day, round(monthly_visits)))
    histories[(client, "followers")] = gr.MetricSeries("followers", points=f_points)
    histories[(client, "visits")] = gr.MetricSeries("visits", points=v_points)

# 1. a prior from the portfolio's own followers (empirical Bayes across the clients)
prior = gr.fit_prior(s for (_, metric), s in histories.items() if metric == "followers")
print(f"fitted prior: drifts centred on {prior.mean:+.2%} a month, spread {prior.tau:.2%}")

# 2. how the probability held on these histories, replayed month after month
result = gr.backtest(histories, horizons=(3, 6), prior=prior)
print(f"{result.goals:,} goals replayed: expected calibration error {result.ece:.3f}, "
      f"Brier {result.brier:.3f}")  # fmt: skip
for name, (goals, met) in result.verdicts.items():
    print(f"  {name:<12} {goals:>5} goals, came true {met:.0%}")
print(result.trust())
assert result.goals > 1000 and result.ece is not None and result.ece < 0.1

# 3. a new goal for one client, judged with the fitted prior
history = histories[("acme", "followers")]
today = history.points[-1].date
current = history.points[-1].value
goal = gr.Goal("acme-followers", metric="followers", target=f"{round(current * 1.15)} followers",
               start=today, deadline="within 6 months")  # fmt: skip
a = gr.assess_achievability(goal, history, today=today, prior=prior)
print(a.explanation)
