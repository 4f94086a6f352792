"""Rule language speed, against a hand-written Python lambda in the same run.

Run: python benchmarks/dsl_bench.py   (pip install -e '.[bench]' for the comparisons)

1. The rule ``visits > 1000 and leads / visits > 2 % and channel in [...]`` on a dict:
   goalrules' compiled code vs the lambda, and vs the rule-engine and zen-engine
   packages on the same expression (skipped when they are not installed).
2. Compiling a 50-rule file (the grammar already built, as in a running process).
3. Batch: 100,000 facts through a 20-rule set, with ``outcome_table`` (no findings
   built) and with ``evaluate`` (a Report of findings per fact).
"""

from __future__ import annotations

import random
import statistics
import time
import timeit
import tracemalloc
from collections.abc import Callable
from typing import Any

import goalrules as gr

RULE = 'visits > 1000 and leads / visits > 2 % and channel in ["linkedin", "facebook"]'
FIELDS = {"visits": "visit", "leads": "lead", "channel": str}
FACT = {"visits": 1200, "leads": 30, "channel": "linkedin"}


def per_call(fn: Callable[[], Any], number: int = 100_000, repeat: int = 15) -> float:
    """Best time per call, in nanoseconds."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e9


def bench_single() -> None:
    compiled = gr.compile_expression(RULE, FIELDS)
    lam = lambda f: (  # noqa: E731 - the baseline is a lambda
        f["visits"] > 1000
        and f["leads"] / f["visits"] > 0.02
        and f["channel"] in ("linkedin", "facebook")
    )
    assert compiled(FACT) is lam(FACT) is True
    # interleave to share the machine's mood between the two
    ours, base = [], []
    for _ in range(7):
        ours.append(per_call(lambda: compiled(FACT), repeat=3))
        base.append(per_call(lambda: lam(FACT), repeat=3))
    t_ours, t_base = min(ours), min(base)
    print(
        f"single rule on a dict: goalrules {t_ours:7.1f} ns, lambda {t_base:7.1f} ns, "
        f"ratio {t_ours / t_base:.2f}x (budget 1.5x, aim 1.2x)"
    )

    try:
        import rule_engine

        ctx = rule_engine.Context(default_value=None)
        re_rule = rule_engine.Rule(
            'visits > 1000 and leads / visits > 0.02 and channel in ["linkedin", "facebook"]',
            context=ctx,
        )
        assert re_rule.matches(FACT)
        t = per_call(lambda: re_rule.matches(FACT), number=10_000, repeat=5)
        print(f"  rule-engine:  {t:9.1f} ns ({t / t_ours:.0f}x goalrules)")
    except ImportError:
        print("  rule-engine:  not installed (pip install -e '.[bench]')")
    try:
        import zen

        expr = zen.compile_expression(
            'visits > 1000 and leads / visits > 0.02 and channel in ["linkedin", "facebook"]'
        )
        assert expr.evaluate(FACT) is True
        t = per_call(lambda: expr.evaluate(FACT), number=10_000, repeat=5)
        print(f"  zen-engine:   {t:9.1f} ns ({t / t_ours:.1f}x goalrules)")
    except ImportError:
        print("  zen-engine:   not installed (pip install -e '.[bench]')")


def fifty_rules() -> str:
    lines = [
        "ruleset bench",
        "param floor = 100 visits",
        "fact visits: visit",
        "fact leads: lead",
        "fact customers: customer",
        "fact spend: USD",
        "fact channel: text",
        "fact start: date",
    ]
    checks = [
        "visits >= floor",
        "leads / visits > {p} %",
        "customers / leads >= {p} %",
        'channel in ["linkedin", "facebook", "x"]',
        "spend / leads < {n} USD per lead",
        "months_between(start, today) >= {m} months",
        "wilson_lower(leads, visits) > {p} % or visits < {n}",
        "max(visits, {n}) > 10 and not (leads == 0)",
    ]
    for i in range(50):
        check = checks[i % len(checks)].format(p=1 + i % 5, n=100 + i, m=1 + i % 6)
        lines.append(
            f"rule r{i} criterion c{i % 5} weight {1 + i % 3}\n  when visits > 0\n  check {check}\n"
            f'  says "rule {i}: visits {{visits}}, leads {{leads}}"'
        )
    return "\n".join(lines)


def bench_compile() -> None:
    text = fifty_rules()
    t0 = time.perf_counter()
    gr.load_rules(text)  # first call also builds the LALR parser
    first = time.perf_counter() - t0
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        rs = gr.load_rules(text)
        runs.append(time.perf_counter() - t0)
    print(
        f"compile a 50-rule file: {statistics.median(runs) * 1e3:.1f} ms (budget 50 ms); "
        f"first call incl. the parser: {first * 1e3:.1f} ms; {len(rs)} rules"
    )


def bench_batch() -> None:
    rs = gr.load_rules(fifty_rules()).without(*[f"r{i}" for i in range(20, 50)])
    import datetime as dt

    rng = random.Random(7)
    facts = [
        {
            "visits": rng.randint(0, 5000),
            "leads": rng.randint(1, 200),
            "customers": rng.randint(0, 50),
            "spend": rng.uniform(0, 5000),
            "channel": rng.choice(["linkedin", "facebook", "x", "tiktok"]),
            "start": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300)),
        }
        for _ in range(100_000)
    ]
    today = dt.date(2026, 11, 1)
    n_rules = len(rs)
    t0 = time.perf_counter()
    table = rs.outcome_table(facts, today=today)
    t_table = time.perf_counter() - t0
    assert len(table) == n_rules
    del table
    tracemalloc.start()  # memory on a tenth of the facts (tracing is slow)
    rs.outcome_table(facts[:10_000], today=today)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    fns = [r._fast for r in rs.rules]
    t0 = time.perf_counter()
    for f in facts:
        for fn in fns:
            fn(f, today)
    t_raw = time.perf_counter() - t0

    t0 = time.perf_counter()
    for report in rs.evaluate_many(facts[:20_000], today=today):
        report.decision  # noqa: B018 - force aggregation
    t_reports = (time.perf_counter() - t0) * 5

    def baseline(f: dict[str, Any]) -> bool:
        return f["visits"] > 0 and f["leads"] / f["visits"] > 0.02

    t0 = time.perf_counter()
    for f in facts:
        for _ in range(n_rules):
            baseline(f)
    t_base = time.perf_counter() - t0
    evals = len(facts) * n_rules
    print(f"batch, 100,000 facts x {n_rules} rules = {evals:,} rule evaluations:")
    print(f"  compiled rules, bare loop:  {t_raw:6.2f} s ({evals / t_raw:,.0f} rules/s)")
    print(
        f"  outcome_table:              {t_table:6.2f} s ({evals / t_table:,.0f} rules/s), "
        f"traced peak for 10,000 facts {peak / 1e6:.2f} MB (outcome lists)"
    )
    print(f"  evaluate -> Report:         {t_reports:6.2f} s (extrapolated from 20,000 facts)")
    print(
        f"  hand-written 2-clause baseline, same loop: {t_base:6.2f} s "
        f"(goalrules {t_raw / t_base:.2f}x; its rules are longer)"
    )


if __name__ == "__main__":
    bench_single()
    bench_compile()
    bench_batch()
