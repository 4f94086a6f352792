"""A daily export whose rows are weeks or months. A social suite's per-network export
(Buffer Analyze, Hootsuite: ``Date, Posts, Reach, Impressions, Engagements, Link Clicks,
Reactions, Comments, Shares, Engagement Rate, New Fans, Total Fans``, as
../EXPORTS lists it) grouped by week writes each row under the week's first day: a
week's 7,000 impressions were read as one Monday's, and the six other days as no row.
Now it is an error naming the dates; a run of days (with a day left out, or a stock of
followers a week apart) still reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.steps import row_step
from tests import export_files as ef

D = dt.date


def _suite(path: Path, days: list[dt.date]) -> Path:
    return ef.suite_network(path, [(d.isoformat(), 7000, 700, 70, 1000 + 70 * i)
                                   for i, d in enumerate(days)])  # fmt: skip


def test_a_suite_export_by_week_is_no_run_of_days(tmp_path: Path) -> None:
    weeks = [D(2026, 1, 5) + dt.timedelta(days=7 * i) for i in range(4)]
    with pytest.raises(DataError, match="a week apart") as err:
        import_exports(_suite(tmp_path / "buffer-instagram.csv", weeks))
    assert err.value.field == "date" and "2026-01-05, 2026-01-12" in str(err.value)


def test_a_suite_export_by_month_is_no_run_of_days(tmp_path: Path) -> None:
    months = [D(2026, m, 1) for m in (11, 12)] + [D(2027, 1, 1)]
    with pytest.raises(DataError, match="a month apart"):
        import_exports(_suite(tmp_path / "hootsuite-linkedin.csv", months))


def test_days_with_one_left_out_read(tmp_path: Path) -> None:
    days = [D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 8)]
    r = import_exports(_suite(tmp_path / "buffer-instagram.csv", days))
    assert {h.date for h in r.history if h.metric == "impressions"} == set(days)


def test_a_stock_a_week_apart_reads(tmp_path: Path) -> None:
    """Sprout Social's followers alone (a total on each day): a total is right on any
    day, a week apart or not."""
    weeks = [D(2026, 1, 5) + dt.timedelta(days=7 * i) for i in range(3)]
    p = ef.write_csv(tmp_path / "sprout.csv", [["Date", "Network", "Profile", "Followers"],
        *[[f"{d:%m/%d/%Y}", "LinkedIn", "Campfire", str(100 + i)] for i, d in enumerate(weeks)]])  # fmt: skip
    r = import_exports(p)
    assert [h.value for h in r.history if h.metric == "followers"] == [100, 101, 102]


@given(st.dates(D(2020, 1, 1), D(2030, 1, 1)), st.integers(3, 30),
       st.lists(st.integers(1, 6), min_size=2, max_size=40))  # fmt: skip
def test_no_run_of_days_is_taken_for_weeks_or_months(
    start: dt.date, weeks: int, gaps: list[int]
) -> None:
    """Days with gaps of one to six days are never weeks or months; any run of three
    weeks or more is weeks, in any order."""
    days = [start]
    for g in gaps:
        days.append(days[-1] + dt.timedelta(days=g))
    assert row_step(days) is None or all(d.day == 1 for d in days)
    run = [start + dt.timedelta(days=7 * i) for i in range(weeks)]
    assert row_step(run[::-1]) == "week" == row_step(run)
