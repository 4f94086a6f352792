"""Where the row path's time goes: ``decide_channels`` on the book of
``benchmarks/performance.py`` (8 channels x 12 months of ``ChannelMonth`` rows).

Run: python benchmarks/row_path_profile.py [--calls 200] [--top 12] [--sort tottime]

Prints the time a call takes against the loop that only sums the same rows (both timed
in this run, the best of several rounds: the ratio ``performance.py`` reports), then the
top entries of a ``cProfile`` over ``--calls`` calls.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import sys
import time

import goalrules as gr

NAMES = ("linkedin", "facebook", "x", "instagram", "tiktok", "youtube", "pinterest", "reddit")


def book() -> list[gr.ChannelMonth]:
    """The rows ``performance.py`` times (the same seed, the same draws)."""
    rnd = random.Random(4)
    rows = [{"channel": ch, "month": f"2025-{m:02d}", "visits": rnd.randint(100, 5000),
             "leads": rnd.randint(0, 100), "customers": rnd.randint(0, 20)}
            for ch in NAMES for m in range(1, 13)]  # fmt: skip
    return [gr.ChannelMonth(**r) for r in rows]


def summing(rows: list[gr.ChannelMonth]) -> None:
    sums: dict[str, list[float]] = {}
    for r in rows:
        s = sums.setdefault(r.channel, [0.0, 0.0, 0.0])
        s[0] += r.visits
        s[1] += r.leads
        s[2] += r.customers


def best(fn: object, calls: int, rounds: int = 9) -> float:
    """The best time a call over ``rounds`` rounds of ``calls`` calls, in seconds."""
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(calls):
            fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t) / calls)
    return min(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    args = parser.parse_args(argv)
    rows = book()
    today = dt.date(2026, 1, 1)
    gr.decide_channels(rows, today=today)  # rulesets compiled, caches warm

    base = best(lambda: summing(rows), args.calls * 10)
    call = best(lambda: gr.decide_channels(rows, today=today), args.calls)
    print(f"decide_channels: {call * 1e6:.0f} us a call; the summing loop {base * 1e6:.1f} us; "
          f"{call / base:.1f}x")  # fmt: skip

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.calls):
        gr.decide_channels(rows, today=today)
    profile.disable()
    pstats.Stats(profile).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
