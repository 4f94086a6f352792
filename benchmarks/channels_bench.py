"""Channel decisions for an agency's book.

Run: python benchmarks/channels_bench.py [--channels 10000] [--months 24]
     python benchmarks/channels_bench.py --cli [--channels 100000] [--months 24] [--jobs 2]

Budget: 10,000 channels x 24 months decided in under 5 s on one core. Each account
(five channels) is decided as its own portfolio, as an agency would. Prints the
throughput at a few sizes to show how time grows with rows, and a hand-written baseline
that only sums visits and leads per channel (the floor for any per-row Python).

``--cli``: the command line on a book. Writes a CSV of ``--channels`` channels x
``--months`` months (an ``account`` column: five channels an account), then runs
``goalrules channels BOOK.csv --format json`` (and ``--format text`` with ``--text``;
each once more with ``--jobs N`` when given) in a fresh process and prints its wall time
and peak resident memory (budget: 100,000 channels x 24 months in 10 s and 1 GB),
beside a baseline in the same run: a fresh process that reads the same file with polars
and sums visits and leads per channel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


BASELINE = """
import sys
import polars as pl
book = pl.read_csv(sys.argv[1], try_parse_dates=True)
sums = book.group_by("account", "channel").agg(pl.col("visits", "leads").sum())
print(sums.height)
"""


#: ``python -c PEAK -m MODULE ARGS...`` (or ``-c CODE ARGS...``) runs what follows ``PEAK``
#: and writes, as it exits, the process's own peak resident memory (``VmHWM``, counted
#: from its start): ``ru_maxrss`` carries the launching process's memory across ``exec``,
#: so a benchmark holding a large book would see its own peak in every process it starts
PEAK = """
import atexit, runpy, sys
def peak():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                sys.stderr.write(f"peak-kB {line.split()[1]}\\n")
atexit.register(peak)
if sys.argv[1] == "-c":
    code = sys.argv[2]
    sys.argv = ["-c", *sys.argv[3:]]
    exec(compile(code, "<string>", "exec"), {"__name__": "__main__"})
else:
    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def run(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of a fresh process (for ``python -m``
    and ``python -c``, its own peak, where ``/proc`` tells it; else ``ru_maxrss``)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if len(command) > 2 and command[1] in ("-m", "-c") and os.path.exists("/proc/self/status"):
        command = [command[0], "-c", PEAK, *command[1:]]
    t = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - t
    said = proc.stderr.read().decode()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {said}")
    peaks = [int(line.split()[1]) for line in said.splitlines() if line.startswith("peak-kB ")]
    return took, (peaks[-1] if peaks else usage.ru_maxrss) / 1024


def cli(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from scale_bench import agency_book

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.csv"
        book = agency_book(args.channels, months=args.months)
        book.write_csv(path)
        rows, size = book.height, path.stat().st_size
        del book
        print(f"book: {args.channels:,} channels x {args.months} months = {rows:,} rows, "
              f"{size / 1e6:.1f} MB CSV")  # fmt: skip
        base, base_mb = run([sys.executable, "-c", BASELINE, str(path)])
        print(f"baseline (polars reads the file and sums per channel): {base:.2f} s, "
              f"{base_mb:,.0f} MB")  # fmt: skip
        for fmt in ["json", "text"] if args.text else ["json"]:
            for jobs in sorted({1, args.jobs}):
                out = Path(folder) / f"decisions.{fmt}"
                took, mb = run([sys.executable, "-m", "goalrules.cli", "--max-input-size",
                                "4GB", "channels", str(path), "--format", fmt, "--output",
                                str(out), "--jobs", str(jobs)])  # fmt: skip
                ok = took <= 10 and mb <= 1024
                print(f"goalrules channels --format {fmt} --jobs {jobs}: {took:.2f} s "
                      f"({took / base:.1f}x the baseline), peak {mb:,.0f} MB (of one process), "
                      f"{out.stat().st_size / 1e6:.0f} MB written; budget 10 s and 1,024 MB: "
                      f"{'ok' if ok else 'OVER'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=None)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--cli", action="store_true", help="time the command line on a book")
    parser.add_argument("--text", action="store_true", help="with --cli, --format text too")
    parser.add_argument("--jobs", type=int, default=1,
                        help="with --cli, also run the command with --jobs N")  # fmt: skip
    args = parser.parse_args()
    if args.cli:
        args.channels = args.channels or 100_000
        cli(args)
        return
    args.channels = args.channels or 10_000
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
