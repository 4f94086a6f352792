"""``goalrules check`` of a large workspace: time and peak memory per goal at 1,000,
10,000 and 100,000 goals, streamed, against the report built in memory.

Run: python benchmarks/check_scale.py [--sizes 1000,10000,100000] [--format json] [--jobs N]

Each size runs in a fresh process (its peak resident memory is the process's own);
the workspace is written once per size: goals of four kinds (followers, engagements,
leads, visits on three networks; targets as multiples, percents and levels, their numbers
and deadlines varying from goal to goal, so that no two neighbours ask the same
question), judged against the bundled Campfire history. Printed per size: seconds, microseconds a goal,
peak memory and kilobytes a goal, for

- ``stream``: ``goalrules check --format FORMAT --output FILE`` (written as judged),
- ``N jobs``: the same with ``--jobs N`` (goals judged in N worker processes; peak
  memory is the main process's and the largest worker's, added: a forked worker maps
  the main process's pages, so this counts what they share twice), with ``--jobs``, and
- ``in memory``: ``run_check`` then ``render`` (the whole report held; skipped past
  10,000 goals, where it needs gigabytes),

``PSS MB`` is the peak of the processes' proportional set sizes, added (Linux's
``/proc/PID/smaps_rollup``, sampled five times a second): a page that n processes share
counts 1/n in each, so the sum is the memory the run takes, shared pages once.

And the ratios: the stream's memory to the one in memory, the jobs' speed to the
stream's. Flat memory a goal means the stream's peak does not grow
with the workspace beyond the workspace itself.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = [  # metric, channel, target (a goal's number varies with i), deadline
    ("followers", "linkedin", "x{m}", "within {h} months"),
    ("engagements", "instagram", "+{p}%", "end of Q{q} 2026"),
    ("leads", "linkedin", "{n} leads per month", "end of Q{q} 2026"),
    ("visits", "facebook", "+{p}%", "end of Q{q} 2026"),
]

CHILD = r"""
import json, os, resource, sys, threading, time

def pss_kb(pid):
    # the process's proportional set size: a page shared by n processes counts 1/n
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def children(pid):
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                found += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return found

peak_pss, stop = [0], threading.Event()

def sample():  # the processes' memory, added, a few times a second
    me = os.getpid()
    while not stop.wait(0.2):
        peak_pss[0] = max(peak_pss[0], pss_kb(me) + sum(pss_kb(c) for c in children(me)))

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
t = time.perf_counter()
mode, ws, history, fmt, out, jobs = sys.argv[1:7]
if mode == "stream":
    from goalrules.cli import main
    code = main(["--max-input-size", "256MB", "check", ws, "--history", history,
                 "--format", fmt, "--output", out, "--jobs", jobs])
    if code not in (0, 1):  # 1: a goal under --fail-under (not given here)
        raise SystemExit(f"goalrules check exited {code}")
else:
    from goalrules.check import run_check
    from goalrules.report import render
    text = render(run_check(ws, history=history), fmt)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(text)
seconds = time.perf_counter() - t
stop.set()
sampler.join()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "pss_mb": peak_pss[0] / 1024}))
"""


def workspace(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write('[workspace]\nname = "Agency book"\ntoday = 2026-01-10\n\n')
        fh.write('[[objective]]\nid = "grow"\ntext = "Grow the brand"\n\n')
        for i in range(n):
            metric, channel, target, deadline = KINDS[i % len(KINDS)]
            vary = {"m": 1.5 + (i % 7) / 4, "h": 3 + i % 10, "p": 5 + i % 61, "q": 1 + i % 4,
                    "n": 30 + i % 47}  # fmt: skip
            target, deadline = target.format(**vary), deadline.format(**vary)
            fh.write(
                f'[[goal]]\nid = "g{i}"\nstatement = "Goal {i}: {metric} on {channel}"\n'
                f'objective = "brand_awareness"\nmetric = "{metric}"\nchannel = "{channel}"\n'
                f'target = "{target}"\nstart = 2026-01-10\ndeadline = "{deadline}"\n'
                f'supports = ["grow"]\nowner = "owner{i % 50}"\n\n'
            )
    return path


def measure(
    mode: str, ws: Path, history: Path, fmt: str, out: Path, jobs: int = 1
) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(ws), str(history), fmt, str(out), str(jobs)],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--format", default="json",
                        choices=["json", "jsonl", "csv", "text", "html"])  # fmt: skip
    parser.add_argument("--jobs", type=int, default=0,
                        help="also check with this many worker processes (0: not)")  # fmt: skip
    args = parser.parse_args()
    from goalrules.check import demo_paths

    history = demo_paths()["history"]
    print(f"goalrules check --format {args.format}: time and peak memory a goal")
    print(f"{'goals':>8} {'mode':<10} {'seconds':>8} {'us/goal':>8} {'peak MB':>8} "
          f"{'kB/goal':>8} {'PSS MB':>8} {'ratio':>20}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            ws = workspace(Path(tmp) / f"ws{n}.toml", n)
            out = Path(tmp) / "report"
            stream = measure("stream", ws, history, args.format, out)
            whole = measure("memory", ws, history, args.format, out) if n <= 10_000 else None
            side = (
                measure("stream", ws, history, args.format, out, args.jobs) if args.jobs else None
            )
            label = f"{args.jobs} jobs"
            for mode, r in (("stream", stream), ("in memory", whole), (label, side)):
                if r is None:
                    continue
                ratio = (f"{stream['peak_mb'] / whole['peak_mb']:.2f}x"
                         if mode == "stream" and whole else "")  # fmt: skip
                if mode == label:
                    ratio = f"{stream['seconds'] / r['seconds']:.2f}x faster"
                print(f"{n:>8,} {mode:<10} {r['seconds']:>8.1f} {1e6 * r['seconds'] / n:>8.0f} "
                      f"{r['peak_mb']:>8.0f} {1024 * r['peak_mb'] / n:>8.1f} "
                      f"{r['pss_mb'] or float('nan'):>8.0f} {ratio:>20}",
                      flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
