"""Peak memory of `import_exports` against the size of the file it reads.

Writes exports of a few megabytes (a GA4 daily report, an X account overview, an Umami
event export), imports each and prints the peak of Python's allocations (tracemalloc)
as a multiple of the file's size, next to a baseline measured in the same run: the
plain way of reading the same file (its bytes, then every row as a list of strings with
the csv module). ``read x`` is the peak of reading the file into its grid of cells
alone; ``import x`` the whole import, whose own rows (one per day and metric: a wide
file becomes several rows per line) count too. The aim is a read that peaks at no more
than 3x the file.

    python benchmarks/import_bench.py [MEGABYTES]
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from goalrules.io.exports import import_exports
from goalrules.io.exports.raw import read_sheets


def _ga4(path: Path, rows: int) -> None:
    sources = ["facebook / paid_social", "lnkd.in / referral", "t.co / referral",
               "google / organic", "(direct) / (none)", "newsletter / email"]  # fmt: skip
    campaigns = [f"campaign-{i}" for i in range(40)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Traffic acquisition\n# Start date: 20200101\n# End date: 20261231\n")
        w = csv.writer(fh)
        w.writerow(["Date", "Session source / medium", "Session campaign", "Sessions",
                    "Key events", "Total revenue"])  # fmt: skip
        day = dt.date(2020, 1, 1)
        for i in range(rows):
            d = day + dt.timedelta(days=i // (len(sources) * len(campaigns)))
            w.writerow([d.strftime("%Y%m%d"), sources[i % len(sources)],
                        campaigns[(i // len(sources)) % len(campaigns)], 50 + i % 97, i % 7,
                        f"{i % 13}.5"])  # fmt: skip


def _x(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares",
                    "New follows", "Unfollows", "Replies", "Reposts", "Profile visits",
                    "Create Post", "Video views", "Media views"])  # fmt: skip
        day = dt.date(1900, 1, 1)
        for i in range(rows):
            d = day + dt.timedelta(days=rows - i)
            w.writerow([d.strftime("%a, %b %d, %Y"), 1000 + i % 500, i % 40, i % 90, 1, 2,
                        i % 5, i % 2, 3, 4, 9, 0, i % 50, i % 60])  # fmt: skip


def _umami(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id", "website_id", "session_id", "created_at", "url_path",
                    "url_query", "referrer_path", "referrer_query", "referrer_domain",
                    "page_title", "event_type", "event_name", "visit_id"])  # fmt: skip
        start = dt.datetime(2026, 1, 1)
        for i in range(rows):
            at = start + dt.timedelta(seconds=37 * i)
            visit = i // 4
            w.writerow([f"e{i:09d}", "w1", f"s{visit // 3}", at.strftime("%Y-%m-%d %H:%M:%S"),
                        "/pricing" if i % 4 else "/", "utm_source=linkedin" if i % 9 == 0 else "",
                        "", "", "t.co" if i % 11 == 0 else "", "Campfire", 1 + (i % 4 == 3),
                        "signup" if i % 4 == 3 else "", f"v{visit:08d}"])  # fmt: skip


def _rows_for(write: Callable[[Path, int], None], path: Path, megabytes: float) -> None:
    write(path, 1000)
    per_row = path.stat().st_size / 1000
    write(path, max(1000, int(megabytes * 1e6 / per_row)))


def _peak(fn: Callable[[], Any]) -> tuple[int, float]:
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    fn()
    took = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, took


def _baseline(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert rows


def main(megabytes: float = 4.0) -> None:
    cases = {
        "ga4 (daily, campaigns)": ("ga4.csv", _ga4),
        "x-overview (daily)": ("account_overview_analytics.csv", _x),
        "umami (events)": ("umami.csv", _umami),
    }
    print(f"{'export':<26} {'file MB':>8} {'baseline x':>11} {'read x':>7} {'import x':>9} "
          f"{'import/baseline':>16} {'rows out':>9} {'s':>6}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, write) in cases.items():
            path = Path(tmp) / name
            _rows_for(write, path, megabytes)
            size = path.stat().st_size
            base, _ = _peak(lambda p=path: _baseline(p))
            read, _ = _peak(lambda p=path: read_sheets(p))
            out: list[Any] = []
            peak, took = _peak(
                lambda p=path, o=out: o.append(import_exports(p, today=dt.date(2026, 12, 31)))
            )
            rows = len(out[0].history) + len(out[0].performance)
            print(f"{label:<26} {size / 1e6:8.2f} {base / size:11.1f} {read / size:7.1f} "
                  f"{peak / size:9.1f} {peak / base:16.2f} {rows:9d} {took:6.2f}")  # fmt: skip


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 4.0)
