"""How trustworthy is a chance whose forecast spans more than a hundredfold?

Run: python benchmarks/calibration_wide.py [--half tune|held] [--series N] [--limits 10,30,100]

The goals of short histories (3, 4 and 6 months) of the public social-like series
(../shared/data/social-monthly.json; each source split in two by position, even: the
tuning half, odd: the held-out half; the first ``--series`` of each source's half), from
a cutoff every sixth month (never an interpolated month), 3 and 6 months ahead, targets
at 0.9, 1.1, 1.5 and 2 times the last month's value, judged by ``assess_achievability``
with no limit on the forecast's width. For each limit, the goals whose central 80 %
range (its high over its low) spans at least that many times, and the others: how many,
the mean chance, the share met, the Brier score and the expected calibration error (10
bins). ``achievability_limits.WIDEST`` (100) was chosen on the tuning half; goalrules
gives no chance for the goals beyond it (``insufficient_data``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments import achievability_limits

DATA = next(
    (
        found / "shared" / "data"
        for found in Path(__file__).resolve().parents
        if (found / "shared" / "data").is_dir()
    ),
    Path("shared") / "data",
)
Case = tuple[float, float, bool]  # the range's width (high / low), the chance, met


def cases(half: str, per_source: int) -> list[Case]:
    rows = json.loads((DATA / "social-monthly.json").read_text())
    by_source: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_source.setdefault(str(row["source"]), []).append(row)
    found: list[Case] = []
    for series in by_source.values():
        for row in series[(0 if half == "tune" else 1) :: 2][:per_source]:
            found.extend(_series_cases(row))
    return found


def _series_cases(row: dict[str, object]) -> list[Case]:
    values = [float(v) for v in row["values"]]  # type: ignore[attr-defined]
    interp = row.get("interp") or [False] * len(values)
    first = dt.date(int(str(row["start"])[:4]), int(str(row["start"])[5:7]), 1)
    out: list[Case] = []
    for months in (3, 4, 6):
        for cut in range(months, len(values) - 12, 6):
            if interp[cut - 1]:  # type: ignore[index]
                continue
            history = [
                (month_end(add_months(first, i)), values[i]) for i in range(cut - months, cut)
            ]
            last = history[-1][0]
            for ahead in (3, 6):
                if interp[cut - 1 + ahead]:  # type: ignore[index]
                    continue
                truth = values[cut - 1 + ahead]
                deadline = month_end(add_months(last, ahead)).isoformat()
                for multiple in (0.9, 1.1, 1.5, 2.0):
                    target = values[cut - 1] * multiple
                    goal = gr.Goal("g", metric=str(row["metric"]), target=f"{target:.3f}",
                                   deadline=deadline)  # fmt: skip
                    a = gr.assess_achievability(goal, history, today=last + dt.timedelta(3))
                    if a.probability is None or a.forecast is None:
                        continue
                    f = a.forecast
                    width = f["high"] / f["low"] if f["low"] > 0 else math.inf
                    out.append((width, a.probability, truth >= target))
    return out


def figures(found: list[Case]) -> str:
    if not found:
        return "no goals"
    n = len(found)
    brier = sum((p - met) ** 2 for _, p, met in found) / n
    bins: dict[int, list[Case]] = {}
    for case in found:
        bins.setdefault(min(int(case[1] * 10), 9), []).append(case)
    ece = sum(abs(sum(p for _, p, _ in b) - sum(met for _, _, met in b)) for b in bins.values()) / n
    mean_p = sum(p for _, p, _ in found) / n
    share = sum(met for _, _, met in found) / n
    return f"{n:6d} goals  chance {mean_p:.3f}  met {share:.3f}  Brier {brier:.3f}  ECE {ece:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "held"), default="held")
    parser.add_argument("--series", type=int, default=60, help="series per source's half")
    parser.add_argument("--limits", default="10,30,100,1000")
    args = parser.parse_args()
    achievability_limits.WIDEST = math.inf  # every goal judged: the chance beyond it too
    found = cases(args.half, args.series)
    print(f"{args.half} half, all goals: {figures(found)}")
    for limit in (float(x) for x in args.limits.split(",")):
        print(f"range {limit:g}x or more: {figures([c for c in found if c[0] >= limit])}")
        print(f"  narrower:          {figures([c for c in found if c[0] < limit])}")


if __name__ == "__main__":
    main()
