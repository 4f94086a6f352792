"""Scale: the columnar backend and Dask, against the row backend, in one run.

Run: python benchmarks/scale_bench.py [--rows 1000000] [--dask-rows 100000,1000000,10000000]

1. A 20-rule set over --rows rows: row backend (compiled Python per row) vs columnar
   (polars) rows/s, their ratio (budget: columnar >= 20x) and the columnar peak memory.
   Then the engine choice: four rules hand-written in pyarrow.compute and in polars,
   beside the columnar backend, over the same rows (the outcomes checked equal).
2. Channel decisions for --channels channels x 24 months, the process pinned to one core
   (budget: 100,000 under 10 s on one core).
3. Dask with 1 and 2 local worker processes on the same data, at several sizes: time to
   evaluate every partition (results persisted on the workers), rows/s and the 2-vs-1
   speed-up (budget >= 1.6x), to show time grows linearly. Each worker is pinned to a
   core of its own (one worker = one core: polars keeps helper threads running beyond
   POLARS_MAX_THREADS=1, so an unpinned single worker borrows part of the second core);
   --no-pin leaves them unpinned. Dask's statistical profiler is off: it samples every
   worker's stack every 10 ms on the worker's own core. Each timing is the best of
   --repeat runs, each starting once the last run's keys are released. Beside it,
   the hand-written baseline: the same partitions evaluated by one and by two plain
   pinned processes, started together on a barrier: the speed-up this machine allows.
4. ``--crossover 2000,20000,100000``: where Dask starts to pay for channel decisions.
   At each size (channels x 24 months), ``decide_channels_table`` in this process
   against ``decide_channels_dask`` on a local cluster of two single-threaded workers
   (the book already in the workers' memory, as a pipeline's would be; the result
   brought back), best of --repeat runs each. The smallest size at which Dask is the
   faster is the crossover on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import resource
import time
from typing import Any

import numpy as np
import polars as pl

import goalrules as gr

RULES = """
ruleset scale
param floor = 100 visits
fact visits: visit
fact leads: lead
fact customers: customer
fact spend: USD
fact hours: hour
fact channel: text
fact start: date
"""
CHECKS = [
    "visits >= floor",
    "leads / visits > {p} %",
    "customers / leads >= {p} %",
    'channel in ["linkedin", "facebook", "x"]',
    "spend / leads < {n} USD per lead",
    "months_between(start, today) >= {m} months",
    "wilson_lower(leads, visits) > {p} % or visits < {n}",
    "hours < {n} hours and not (leads == 0)",
    "max(visits, {n}) > 1000",
    "start + {m} months <= today",
]


def ruleset() -> gr.RuleSet:
    lines = [RULES]
    for i in range(20):
        check = CHECKS[i % len(CHECKS)].format(p=1 + i % 5, n=100 + 10 * i, m=1 + i % 6)
        kind = f"criterion c{i % 4} weight {1 + i % 3}" if i % 5 else f"decision d{i} priority {i}"
        lines.append(f"rule r{i} {kind}\n  when visits > 0\n  check {check}")
    return gr.load_rules("\n".join(lines))


def table(n: int, seed: int = 3) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    visits = rng.integers(0, 5000, n).astype("float64")
    visits[rng.random(n) < 0.02] = np.nan  # some missing
    return pl.DataFrame(
        {
            "visits": visits,
            "leads": rng.integers(1, 200, n),
            "customers": rng.integers(0, 50, n),
            "spend": rng.uniform(0, 5000, n),
            "hours": rng.uniform(0, 80, n),
            "channel": rng.choice(["linkedin", "facebook", "x", "tiktok"], n),
            "start": pl.date_range(dt.date(2020, 1, 1), dt.date(2026, 12, 31), eager=True).sample(
                n, with_replacement=True, seed=seed
            ),
        }
    ).with_columns(pl.col("visits").fill_nan(None))


def agency_book(n_channels: int, months: int = 24, seed: int = 5) -> pl.DataFrame:
    """Monthly rows for n_channels channels (five per account)."""
    rng = np.random.default_rng(seed)
    names = np.array(["linkedin", "facebook", "x", "instagram", "tiktok"])
    idx = np.arange(n_channels)
    base = rng.uniform(100, 5000, n_channels)
    trend = rng.uniform(-0.05, 0.08, n_channels)
    rate = rng.uniform(0.005, 0.08, n_channels)
    m = np.arange(months)
    visits = np.maximum(0, base[:, None] * (1 + trend[:, None]) ** m[None, :]
                        * rng.normal(1, 0.05, (n_channels, months))).round()  # fmt: skip
    leads = np.minimum(
        visits, (visits * rate[:, None] * rng.uniform(0.7, 1.3, (n_channels, months))).round()
    )
    month_dates = pl.date_range(dt.date(2024, 1, 1), dt.date(2024 + (months - 1) // 12, (months - 1) % 12 + 1, 1),
                                interval="1mo", eager=True)  # fmt: skip
    return pl.DataFrame({
        "account": np.repeat(np.char.add("acc", (idx // 5).astype(str)), months),
        "channel": np.repeat(names[idx % 5], months),
        "month": np.tile(month_dates.to_numpy(), n_channels),
        "visits": visits.ravel(),
        "leads": leads.ravel(),
        "customers": (leads.ravel() // 5),
    })  # fmt: skip


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin(cpu: int) -> int:
    """Pin every thread of this process to one core (Linux); returns the core."""
    if hasattr(os, "sched_setaffinity"):
        for tid in os.listdir("/proc/self/task"):
            os.sched_setaffinity(int(tid), {cpu})
    return cpu


def _plain_process(cpu: int | None, parts: list[int], rows: int, barrier: Any, out: Any) -> None:
    os.environ["POLARS_MAX_THREADS"] = "1"
    frames = [table(rows, seed=i).to_pandas(use_pyarrow_extension_array=True) for i in parts]
    from goalrules.scale.distributed import evaluate_partition

    rs, today = ruleset(), dt.date(2026, 11, 1)
    if cpu is not None:
        pin(cpu)
    evaluate_partition(frames[0], rs, today)  # warm up
    barrier.wait()
    t0 = time.perf_counter()
    for frame in frames:
        evaluate_partition(frame, rs, today)
    out.put((t0, time.perf_counter()))


def plain_processes(n: int, partitions: int, processes: int, pinned: bool) -> float:
    """Wall time for `processes` plain processes to evaluate the partitions of n rows."""
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(processes), ctx.Queue()
    jobs = [
        ctx.Process(target=_plain_process, args=(k if pinned else None,
                    list(range(k, partitions, processes)), n // partitions, barrier, out))
        for k in range(processes)
    ]  # fmt: skip
    for job in jobs:
        job.start()
    spans = [out.get() for _ in jobs]
    for job in jobs:
        job.join()
    return max(end for _, end in spans) - min(start for start, _ in spans)


def dask_time(frame: Any, rs: gr.RuleSet, workers: int, args: argparse.Namespace) -> float:
    """Best of --repeat wall times for a Dask cluster of `workers` to evaluate `frame`."""
    import dask
    import dask.dataframe as dd
    import distributed

    from goalrules.scale.distributed import evaluate_dask

    today = dt.date(2026, 11, 1)
    # one polars thread per worker: the workers, not polars, share the cores; and no
    # statistical profiler, whose sampling (every 10 ms) runs on the worker's own core
    dask.config.set({"distributed.worker.profile.enabled": False})
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40,
                                  env={"POLARS_MAX_THREADS": "1"}) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        if args.pin:
            for cpu, address in enumerate(sorted(client.scheduler_info()["workers"])):
                client.run(pin, cpu % (os.cpu_count() or 1), workers=[address])
        ddf = dd.from_pandas(frame, npartitions=args.partitions).persist()
        distributed.wait(ddf)
        client.rebalance(ddf)  # spread the partitions over the workers
        times = []
        for run in range(args.repeat + 1):  # run 0 warms up: each worker compiles the rules
            t0 = time.perf_counter()
            # outcomes stay on the workers (persist), as a pipeline would keep them;
            # gathering 10 million rows to one client would time the client instead
            result = evaluate_dask(rs, ddf, today=today).persist()
            distributed.wait(result)
            if run:
                times.append(time.perf_counter() - t0)
            # release the result and wait until the scheduler has dropped its keys: the
            # next run builds the same keys, and must not find them still in memory
            keys = {future.key for future in distributed.futures_of(result)}
            del result
            while client.run_on_scheduler(_held, keys=keys):
                time.sleep(0.01)
    return min(times)


def _held(keys: set[Any], dask_scheduler: Any = None) -> bool:
    return any(k in dask_scheduler.tasks for k in keys)


ENGINE_RULES = """
fact visits: visit
fact leads: lead
fact channel: text
rule volume check visits >= 100
rule rate check leads / visits > 2 %
rule network check channel in ["linkedin", "facebook", "x"]
rule both check visits >= 100 and leads / visits > 2 %
"""


def engine_choice(df: pl.DataFrame) -> None:
    """The engine behind the columnar backend, chosen by this: four rules (outcome codes,
    a null giving unknown, `and` three-valued) hand-written in pyarrow.compute and in
    polars, beside goalrules' columnar backend, over the same table."""
    import pyarrow.compute as pc

    table = df.select("visits", "leads", "channel").to_arrow()
    networks = pl.Series(["linkedin", "facebook", "x"]).to_arrow()

    def code(cond: Any) -> Any:  # 1 pass, 0 fail, 2 unknown (null)
        return pc.if_else(pc.is_null(cond), 2, pc.if_else(cond, 1, 0))

    def by_pyarrow() -> Any:
        visits, leads = table["visits"], pc.cast(table["leads"], "double")
        volume = pc.greater_equal(visits, 100)
        rate = pc.greater(pc.divide(leads, pc.if_else(pc.equal(visits, 0), None, visits)), 0.02)
        network = pc.is_in(table["channel"], value_set=networks)
        both = pc.and_kleene(volume, rate)
        return [code(c) for c in (volume, rate, network, both)]

    def code_pl(cond: pl.Expr) -> pl.Expr:
        return pl.when(cond.is_null()).then(2).when(cond).then(1).otherwise(0)

    def by_polars() -> pl.DataFrame:
        volume = pl.col("visits") >= 100
        visits = pl.when(pl.col("visits") != 0).then(pl.col("visits"))
        rate = pl.col("leads") / visits > 0.02
        network = pl.col("channel").is_in(["linkedin", "facebook", "x"])
        return df.select(code_pl(volume), code_pl(rate).alias("r"),
                         code_pl(network).alias("n"), code_pl(volume & rate).alias("b"))  # fmt: skip

    rules = gr.load_rules(ENGINE_RULES)
    ours = rules.evaluate_table(df, outcomes="code")
    for other in (by_polars().to_numpy().T, [c.to_numpy() for c in by_pyarrow()]):
        for rule, column in zip(rules, other, strict=True):  # the same outcomes
            assert (ours[rule.id].to_numpy() == column).all(), rule.id
    runs = {
        "pyarrow.compute by hand": by_pyarrow,
        "polars by hand": by_polars,
        "goalrules columnar (polars)": lambda: rules.evaluate_table(df, outcomes="code"),
    }
    times = {}
    for name, fn in runs.items():
        fn()
        t0 = time.perf_counter()
        for _ in range(3):
            fn()
        times[name] = (time.perf_counter() - t0) / 3
    base = times["pyarrow.compute by hand"]
    print("engine choice, 4 rules over the same rows: " + "; ".join(
        f"{name} {t * 1000:.0f} ms ({t / base:.2f}x)" for name, t in times.items()))  # fmt: skip


def crossover(sizes: list[int], repeat: int) -> None:
    """Channel decisions: one process against two Dask workers, at several sizes."""
    import dask
    import dask.dataframe as dd
    import distributed

    from goalrules.scale.batch import decide_channels_dask, decide_channels_table

    dask.config.set({"distributed.worker.profile.enabled": False})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40,
                                  env={"POLARS_MAX_THREADS": "1"}) as cluster, \
            distributed.Client(cluster):  # fmt: skip
        first = None
        for n in sizes:
            book = agency_book(n)
            single = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                decide_channels_table(book)
                single.append(time.perf_counter() - t0)
            frame = dd.from_pandas(book.to_pandas(), npartitions=8).persist()
            distributed.wait(frame)
            decide_channels_dask(frame).compute()  # warm up: each worker compiles the rules
            spread = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                decide_channels_dask(frame).compute()
                spread.append(time.perf_counter() - t0)
            one, two = min(single), min(spread)
            if first is None and two < one:
                first = n
            print(f"crossover, {n:>7,} channels x 24 months: one process {one:6.2f} s, "
                  f"Dask (2 workers) {two:6.2f} s: Dask {one / two:.2f}x as fast")  # fmt: skip
        print("Dask first pays at " + (f"{first:,} channels" if first else
              f"none of these sizes (up to {sizes[-1]:,} channels)"))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--row-sample", type=int, default=50_000, help="rows timed on the row backend"
    )
    parser.add_argument("--dask-rows", default="100000,1000000")
    parser.add_argument("--channels", default="10000,100000", help="channel-decision sizes")
    parser.add_argument("--partitions", type=int, default=8, help="Dask partitions")
    parser.add_argument("--repeat", type=int, default=5, help="Dask timings: best of")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="leave Dask workers unpinned")  # fmt: skip
    parser.add_argument("--crossover", default="", help="channel sizes: one process vs Dask")
    args = parser.parse_args()
    if args.crossover:
        crossover([int(x) for x in args.crossover.split(",") if x], max(1, args.repeat))
        return
    rs = ruleset()
    today = dt.date(2026, 11, 1)
    df = table(args.rows)
    before = peak_mb()
    t0 = time.perf_counter()
    out = rs.evaluate_table(df, today=today, outcomes="code")
    t_col = time.perf_counter() - t0
    after = peak_mb()
    from goalrules.engine.ruleset import _unflatten

    sample = df.head(args.row_sample)
    facts = [_unflatten(r) for r in sample.iter_rows(named=True)]
    fns = [r._fast for r in rs.rules]
    t0 = time.perf_counter()
    for f in facts:
        for fn in fns:
            fn(f, today)
    t_row = time.perf_counter() - t0
    col_rate = args.rows / t_col
    row_rate = len(facts) / t_row
    print(f"20 rules over {args.rows:,} rows: columnar {t_col:.2f} s ({col_rate:,.0f} rows/s); "
          f"row backend {row_rate:,.0f} rows/s (timed on {len(facts):,} rows); "
          f"columnar / row = {col_rate / row_rate:.0f}x (budget 20x)")  # fmt: skip
    print(f"process peak memory {after:,.0f} MB (was {before:,.0f} MB before evaluating); "
          f"result {out.estimated_size() / 1e6:,.0f} MB")  # fmt: skip
    engine_choice(df)

    from goalrules.scale.batch import decide_channels_table

    roles = {
        n: gr.Channel(n, role=r, formats_tried=["video", "carousel"])
        for n, r in zip(["linkedin", "facebook", "x", "instagram", "tiktok"],
                        ["leads", "traffic", "traffic", "conversions", None], strict=True)
    }  # fmt: skip
    for n in [int(x) for x in args.channels.split(",") if x]:
        book = agency_book(n)
        everywhere = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        pin(0)  # the budget is for one core: every thread of this process on core 0
        t0 = time.perf_counter()
        decided = decide_channels_table(book, channels=roles)
        took = time.perf_counter() - t0
        if everywhere is not None:
            for tid in os.listdir("/proc/self/task"):
                os.sched_setaffinity(int(tid), everywhere)
        counts = dict(decided["decision"].value_counts().iter_rows())
        print(f"channel decisions, {n:,} channels x 24 months ({book.height:,} rows), one core: {took:.2f} s "
              f"({n / took:,.0f} channels/s) (budget: 100,000 channels under 10 s); {counts}")  # fmt: skip

    for n in [int(x) for x in args.dask_rows.split(",") if x]:
        frame = pl.concat(
            table(n // args.partitions, seed=i) for i in range(args.partitions)
        ).to_pandas(use_pyarrow_extension_array=True)
        times = {workers: dask_time(frame, rs, workers, args) for workers in (1, 2)}
        plain = {k: plain_processes(n, args.partitions, k, args.pin) for k in (1, 2)}
        print(f"dask {n:>11,} rows: 1 worker {times[1]:6.2f} s ({n / times[1]:,.0f} rows/s), "
              f"2 workers {times[2]:6.2f} s ({n / times[2]:,.0f} rows/s), "
              f"speed-up {times[1] / times[2]:.2f}x (budget 1.6x); plain processes "
              f"{plain[1]:.2f} s / {plain[2]:.2f} s = {plain[1] / plain[2]:.2f}x"
              f"{'' if args.pin else ' (unpinned)'}")  # fmt: skip


if __name__ == "__main__":
    main()
