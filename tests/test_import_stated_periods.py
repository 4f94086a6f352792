"""The period an analytics export states, wherever it states it.

A Plausible Stats API v2 response echoes the query it ran, its ``date_range`` resolved
(``"query": {"date_range": ["2024-08-13", "2024-08-19"], ...}``, as the API's own
example responses show): a query of ``"30d"`` or from the 15th by ``time:month`` gives
its first and last months in part. They were read as whole months without a word (17
days of January as January's visits); they are now said, written with their days, and
left out of the channel decisions, as GA4's are.

A GA4 report compared with another period states both in its preamble (``# Start date``
/ ``# End date``, ``# Comparison start date`` / ``# Comparison end date``). The last
start and end read were taken as the period: a report without a date column put its
rows (January's) in the comparison's month (December), and with *Year month* the
months each period covers in part were said of the comparison only ("the export runs
from 2025-12-10 to 2025-12-31" beside January 10-31 read as a whole January). Each
period is now read: rows without a date column are an error (either period's), and the
months each covers in part are said. Files laid out as the exports are (made here)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.own_or_export import read_performance_file
from tests import export_files as ef

D = dt.date


def _plausible(path: Path, date_range: list[str], months: list[D]) -> Path:
    """A Plausible v2 response by time:month and visit:source, filtered by a goal."""
    query = {"metrics": ["visits", "events"], "date_range": date_range,
             "filters": [["is", "event:goal", ["Signup"]]],
             "dimensions": ["time:month", "visit:source"]}  # fmt: skip
    results = [{"dimensions": [m.isoformat(), "Facebook"], "metrics": [100 + i, 3]}
               for i, m in enumerate(months)]  # fmt: skip
    path.write_text(json.dumps({"results": results, "meta": {}, "query": query}), "utf-8")
    return path


MONTHS = [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]


@pytest.mark.parametrize("date_range", [["2026-01-15", "2026-03-14"],
                                        ["2026-01-15T00:00:00+01:00",
                                         "2026-03-14T23:59:59+01:00"]])  # fmt: skip
def test_a_plausible_response_states_its_period(tmp_path: Path, date_range: list[str]) -> None:
    p = _plausible(tmp_path / "plausible.json", date_range, MONTHS)
    result = import_exports(p)
    assert result.partial_days == ((D(2026, 1, 1), 17), (D(2026, 3, 1), 14))
    assert sum("covers only" in n for n in result.notes) == 2
    rows, said = read_performance_file(p)
    assert [r.month for r in rows] == [D(2026, 2, 1)]
    assert any("2026-01, 2026-03 left out" in n for n in said)


def test_a_plausible_response_of_whole_months_says_nothing(tmp_path: Path) -> None:
    p = _plausible(tmp_path / "plausible.json", ["2026-01-01", "2026-03-31"], MONTHS)
    result = import_exports(p)
    assert not result.partial_months and not any("covers only" in n for n in result.notes)


def _ga4(path: Path, rows: list[list[Any]], periods: list[tuple[str, str]]) -> Path:
    preamble = ["# ----------------------------------------", "# Traffic acquisition",
                "# ----------------------------------------", "#",
                f"# Start date: {periods[0][0]}", f"# End date: {periods[0][1]}"]  # fmt: skip
    for start, end in periods[1:]:
        preamble += [f"# Comparison start date: {start}", f"# Comparison end date: {end}"]
    return ef.write_csv(path, rows, preamble=preamble)


def test_a_comparison_without_a_date_column_is_an_error(tmp_path: Path) -> None:
    p = _ga4(tmp_path / "ga4.csv", [["Session source / medium", "Sessions", "Key events"],
                                    ["google / organic", "100", "3"]],
             [("20260101", "20260131"), ("20251201", "20251231")])  # fmt: skip
    with pytest.raises(DataError, match=r"2 periods .*a comparison"):
        import_exports(p)


def test_each_compared_period_says_the_months_it_covers_in_part(tmp_path: Path) -> None:
    p = _ga4(tmp_path / "ga4.csv", [["Year month", "Session source / medium", "Sessions",
                                     "Key events"],
                                    ["202512", "facebook / referral", "80", "1"],
                                    ["202601", "facebook / referral", "100", "2"]],
             [("20260110", "20260131"), ("20251210", "20251231")])  # fmt: skip
    result = import_exports(p)
    assert result.partial_days == ((D(2025, 12, 1), 22), (D(2026, 1, 1), 22))
    said = [n for n in result.notes if "covers only" in n]
    assert "2026-01 covers only 2026-01-10 to 2026-01-31" in said[1]
    assert "runs from 2026-01-10 to 2026-01-31" in said[1]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.integers(0, 150))
def test_the_months_said_in_part_are_those_the_range_cuts(
    tmp_path: Path, start: D, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    months = sorted({(start + dt.timedelta(days=i)).replace(day=1) for i in range(length + 1)})
    p = _plausible(tmp_path / f"p{start}{length}.json", [start.isoformat(), end.isoformat()],
                   months)  # fmt: skip
    got = dict(import_exports(p).partial_days)
    want = {}
    for m in months:
        last = m.replace(day=calendar.monthrange(m.year, m.month)[1])
        lo, hi = max(m, start), min(last, end)
        if (lo, hi) != (m, last):
            want[m] = (hi - lo).days + 1
    assert got == want
