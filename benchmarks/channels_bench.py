"""Channel decisions for an agency's book.

Run: python benchmarks/channels_bench.py [--channels 10000] [--months 24]

Budget: 10,000 channels x 24 months decided in under 5 s on one core. Each account
(five channels) is decided as its own portfolio, as an agency would. Prints the
throughput at a few sizes to show how time grows with rows, and a hand-written baseline
that only sums visits and leads per channel (the floor for any per-row Python).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import goalrules as gr
from goalrules.model import ChannelMonth


def book(
    n_channels: int, months: int, seed: int = 11
) -> tuple[list[ChannelMonth], list[gr.Channel]]:
    rng = random.Random(seed)
    roles = ["leads", "traffic", "conversions", None]
    rows: list[ChannelMonth] = []
    channels = []
    for c in range(n_channels):
        name = f"account{c // 5}-{['linkedin', 'facebook', 'x', 'instagram', 'tiktok'][c % 5]}"
        channels.append(
            gr.Channel(name, role=rng.choice(roles), formats_tried=["video", "carousel"])
        )
        visits = rng.uniform(100, 5000)
        rate = rng.uniform(0.005, 0.08)
        trend = rng.uniform(-0.05, 0.08)
        for m in range(months):
            visits = max(0.0, visits * (1 + trend + rng.gauss(0, 0.05)))
            v = round(visits)
            leads = min(v, round(v * rate * rng.uniform(0.7, 1.3)))
            rows.append(
                ChannelMonth(name, dt.date(2024 + m // 12, m % 12 + 1, 1), v, leads, leads // 5)
            )
    return rows, channels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=24)
    args = parser.parse_args()
    for n in sorted({args.channels // 10, args.channels // 2, args.channels}):
        rows, channels = book(n, args.months)
        # an agency's book: each account (five channels) is its own portfolio
        by_account: dict[str, list[ChannelMonth]] = {}
        for r in rows:
            by_account.setdefault(r.channel.split("-", 1)[0], []).append(r)
        roles = {c.id: c for c in channels}
        t0 = time.perf_counter()
        out = []
        for account_rows in by_account.values():
            names = {r.channel for r in account_rows}
            out += gr.decide_channels(account_rows, channels=[roles[x] for x in names])
        took = time.perf_counter() - t0
        t0 = time.perf_counter()
        sums: dict[str, list[float]] = {}
        for r in rows:
            s = sums.setdefault(r.channel, [0.0, 0.0])
            s[0] += r.visits
            s[1] += r.leads
        base = time.perf_counter() - t0
        counts: dict[str, int] = {}
        for d in out:
            counts[d.decision.value] = counts.get(d.decision.value, 0) + 1
        print(f"{n:>6,} channels x {args.months} months = {len(rows):>8,} rows: {took:6.2f} s "
              f"({len(rows) / took:,.0f} rows/s, {n / took:,.0f} channels/s); "
              f"summing baseline {base:.2f} s; {counts}")  # fmt: skip
    print("budget: 10,000 channels x 24 months under 5 s")


if __name__ == "__main__":
    main()
