"""Peak memory of `import_exports` against the size of the file it reads.

Writes exports of a few megabytes (a GA4 daily report, an X account overview, an Umami
event export), imports each and prints the peak of Python's allocations (tracemalloc)
as a multiple of the file's size, next to a baseline measured in the same run: the
plain way of reading the same file (its bytes, then every row as a list of strings with
the csv module), which is what reading an export took before its rows were streamed.

- ``read x``: the peak of opening the file as a grid of cells (a CSV file's rows are
  read from the file on each pass, so this is the first rows and a buffer);
- ``import x``: the peak of the whole import;
- ``output x``: what the import's result holds once done (its own rows: one per day and
  metric, so a wide file makes several per line);
- ``reading x``: ``import x`` less ``output x``, the memory the import needs beyond
  its result. The aim is a reading of no more than 3x the file.

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
    import_exports(path, today=dt.date(2026, 12, 31))  # loads what the import loads once
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


def _import(path: Path) -> tuple[int, int, float, Any]:
    """The peak of an import, what its result holds, the time, and the result."""
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    result = import_exports(path, today=dt.date(2026, 12, 31))
    took = time.perf_counter() - t0
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, kept, took, result


def main(megabytes: float = 4.0) -> None:
    cases = {
        "ga4 (daily, campaigns)": ("ga4.csv", _ga4),
        "x-overview (daily)": ("account_overview_analytics.csv", _x),
        "umami (events)": ("umami.csv", _umami),
    }
    print(f"{'export':<24} {'file MB':>7} {'baseline x':>10} {'read x':>6} {'import x':>8} "
          f"{'output x':>8} {'reading x':>9} {'reading/baseline':>16} {'rows out':>8} "
          f"{'s':>6}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, write) in cases.items():
            path = Path(tmp) / name
            _rows_for(write, path, megabytes)
            size = path.stat().st_size
            base, _ = _peak(lambda p=path: _baseline(p))
            read, _ = _peak(lambda p=path: read_sheets(p))
            peak, kept, took, result = _import(path)
            rows = len(result.history) + len(result.performance)
            print(f"{label:<24} {size / 1e6:7.2f} {base / size:10.1f} {read / size:6.1f} "
                  f"{peak / size:8.1f} {kept / size:8.1f} {(peak - kept) / size:9.1f} "
                  f"{(peak - kept) / base:16.2f} {rows:8d} {took:6.2f}")  # fmt: skip
            del result


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 4.0)
