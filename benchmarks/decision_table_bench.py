"""Decision tables at table scale: load, check and look up in 100-, 1,000- and 8,000-row
tables, against trying every row (the path without the index) in the same run.

Run: python benchmarks/decision_table_bench.py

The table is what a pricing or routing sheet looks like: a text input (one of 10
segments) and a quantity range per row (``[120 visits..130 visits)``), hit policy
first, with a catch-all last row. For each size it prints:

* load: reading the text and type-checking every row (rules are compiled when used);
* check: :meth:`DecisionTable.analyse` (gaps, overlaps, shadowed rows) on a fresh table;
* lookup: one ``evaluate`` through the index (after each row has been hit once, as in a
  running service), its ns per row of the table, and the same lookup trying every row
  (``table.ruleset.evaluate`` and the first row that passes), with the ratio.

ZEN (gorules' engine, Rust) publishes 350-400 ns/row for a first-hit table, flat from
100 to 8,000 rows thanks to indexing equality and range conditions, and 16-28 ns/row
for one typed expression. A "row" there is a row of input evaluated, one lookup (flat
across table sizes only because of the index), so each lookup here is printed against
it: the ratio says how many times ZEN's time ours takes. Those figures are printed for
reference, not measured here.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from goalrules.engine.decision_table import DecisionTable, load_table

ZEN_FIRST_HIT_NS_PER_ROW = (350, 400)
SEGMENTS = 10


def table_text(rows: int) -> str:
    lines = [
        "# hit: first",
        "# fact segment: text",
        "# fact visits: visit",
        "segment, visits, => tier",
    ]
    per = rows // SEGMENTS
    for i in range(rows - 1):
        seg, k = i % SEGMENTS, i // SEGMENTS
        lo, hi = k * 10, (k + 1) * 10
        lines.append(f'"s{seg}", [{lo} visits..{hi} visits), {i}')
    lines.append("-, -, -1")
    assert per > 0
    return "\n".join(lines) + "\n"


def best(fn: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def every_row(table: DecisionTable, facts: dict[str, Any]) -> Any:
    report = table.ruleset.evaluate(facts)
    return next((i for i, c in enumerate(report.codes, start=1) if c == 1), None)


def bench(rows: int) -> None:
    text = table_text(rows)
    load = best(lambda: load_table(text), repeat=2)
    check = best(lambda: load_table(text).analyse(), repeat=2) - load
    table = load_table(text)
    rng = random.Random(7)
    span = (rows // SEGMENTS + 1) * 10
    facts = [{"segment": f"s{rng.randrange(SEGMENTS)}", "visits": rng.uniform(0, span)}
             for _ in range(200)]  # fmt: skip
    for row in table.rows[:-1]:  # every row hit once: its rule compiled, as in a service
        seg, rng_cell = row.cells
        lo = float(rng_cell[1:].split(" ")[0])
        table.evaluate(segment=seg.strip('"'), visits=lo)
    for f in facts:  # the index and every row agree
        assert table.evaluate(f).rows[0] == every_row(table, f)
    n = len(facts)
    indexed = best(lambda: [table.evaluate(f) for f in facts]) / n
    sample = facts[:20]
    linear = best(lambda: [every_row(table, f) for f in sample], repeat=3) / len(sample)
    zen = sum(ZEN_FIRST_HIT_NS_PER_ROW) / 2 * 1e-9
    print(
        f"{rows:>6} rows: load {load:6.2f} s, check {max(check, 0.0):5.2f} s; a lookup "
        f"{indexed * 1e6:7.1f} us ({indexed / zen:5.0f}x ZEN's), trying every row "
        f"{linear * 1e6:9.1f} us: every row takes {linear / indexed:6.1f}x the index"
    )


def main() -> None:
    lo, hi = ZEN_FIRST_HIT_NS_PER_ROW
    print(f"ZEN (published): first hit {lo}-{hi} ns a lookup, flat from 100 to 8,000 rows")
    for rows in (100, 1_000, 8_000):
        bench(rows)


if __name__ == "__main__":
    main()
