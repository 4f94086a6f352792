"""Speed of the SMART and achievability judgments.

Run: python benchmarks/judgments_bench.py

1. ``assess_achievability`` against a plain Python function, written here, that computes
   the flat-prior numbers (monthly resample, growth rate, required rate, Student t
   probability) from two lists, in the same run. The calibrated growth model does more
   (smoothing weight, seasonal indices, the shrunk and damped drift): its budget is
   0.3 ms a goal.
2. ``score_smart`` + ``assess_achievability`` on goals with 12-month histories: goals per
   second on one core (budget: >= 5,000), and where the time goes (cProfile summary).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import itertools
import math
import pstats
import random
import time

import goalrules as gr
from goalrules.dates import add_months
from goalrules.judgments.stats import student_t_sf

TODAY = dt.date(2026, 5, 1)


def plain(
    dates: list[dt.date], values: list[float], target: float, deadline: dt.date
) -> tuple[float, float, float]:
    """The same numbers by hand: monthly last values, CMGR, required rate, probability."""
    months: dict[tuple[int, int], float] = {}
    for d, v in sorted(zip(dates, values, strict=True)):
        months[(d.year, d.month)] = v
    vals = list(months.values())[-7:]
    cur = vals[-1]
    last = dates[-1]
    n = (
        (deadline.year - last.year) * 12
        + deadline.month
        - last.month
        + (deadline.day - last.day) / 30.44
    )
    r = [math.log(b / a) for a, b in itertools.pairwise(vals)]
    k = len(r)
    m = sum(r) / k
    s = math.sqrt(sum((x - m) ** 2 for x in r) / (k - 1))
    cmgr = (vals[-1] / vals[0]) ** (1 / (len(vals) - 1)) - 1
    required = (target / cur) ** (1 / n) - 1
    t = (math.log(target / cur) - m * n) / (s * math.sqrt(n + n * n / k))
    return cmgr, required, student_t_sf(t, k - 1)


def make_goals(count: int, seed: int = 3) -> list[tuple[gr.Goal, list[tuple[dt.date, float]]]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        v = rng.uniform(500, 20000)
        hist = []
        for mth in range(12):
            v *= math.exp(rng.gauss(0.03, 0.04))
            hist.append((add_months(dt.date(2025, 5, 1), mth), v))
        goal = gr.Goal(
            f"g{i}",
            statement="Grow LinkedIn followers",
            objective="brand_awareness",
            metric="followers",
            channel="linkedin",
            target=f"{hist[-1][1] * rng.uniform(1.05, 2):.0f} followers",
            start=TODAY,
            deadline=f"within {rng.randint(3, 12)} months",
            supports=("growth",),
            review="monthly",
        )
        out.append((goal, hist))
    return out


def main() -> None:
    goals = make_goals(2000)
    # warm up every path once over the same goals (caches, allocator, CPU clocks)
    for goal, hist in goals:
        gr.score_smart(goal, hist, today=TODAY, objectives=["growth"])
    # 1. achievability vs the plain function
    t0 = time.perf_counter()
    for goal, hist in goals:
        gr.assess_achievability(goal, hist, today=TODAY)
    t_ours = time.perf_counter() - t0
    prepared = [
        ([d for d, _ in h], [v for _, v in h], g.resolved_target().magnitude, g.deadline)
        for g, h in goals
    ]  # type: ignore[union-attr]
    t0 = time.perf_counter()
    for dates, values, target, deadline in prepared:
        plain(dates, values, target, deadline)
    t_plain = time.perf_counter() - t0
    n = len(goals)
    series = [(g, gr.MetricSeries(metric="followers", points=h, unit="follower")) for g, h in goals]
    t0 = time.perf_counter()
    for goal, s in series:
        gr.assess_achievability(goal, s, today=TODAY)
    t_series = time.perf_counter() - t0
    print(f"plain function on two lists:         {n / t_plain:9,.0f} goals/s")
    print(
        f"assess_achievability, (date, value): {n / t_ours:9,.0f} goals/s, {t_ours / t_plain:.1f}x"
    )
    print(f"assess_achievability, MetricSeries:  {n / t_series:9,.0f} goals/s, "
          f"{t_series / t_plain:.1f}x the flat-prior formula by hand "
          f"({t_series / n * 1e3:.3f} ms a goal; budget 0.3 ms)")  # fmt: skip

    # 2. score_smart + assess_achievability
    t0 = time.perf_counter()
    for goal, hist in goals:
        gr.score_smart(goal, hist, today=TODAY, objectives=["growth"])
    t_both = time.perf_counter() - t0
    print(f"score_smart + assess_achievability: {n / t_both:,.0f} goals/s (budget 5,000)")

    prof = cProfile.Profile()
    prof.enable()
    for goal, hist in goals[:500]:
        gr.score_smart(goal, hist, today=TODAY, objectives=["growth"])
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(12)
    print("where the time goes (cProfile, top functions by own time):")
    print("\n".join(buf.getvalue().splitlines()[6:22]))


if __name__ == "__main__":
    main()
