"""February 29 in an export whose dates have no year (TikTok Studio's Overview.csv and
FollowerHistory.csv, "February 29"): the day reads, in a leap year, and never moves
another day of the file."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.dates import YEARLESS, place_yearless, read_date
from tests import export_files as ef

D = dt.date


def _views(path: Path, **options: object) -> dict[D, float]:
    r = import_exports(path, **options)  # type: ignore[arg-type]
    return {row.date: row.value for row in r.history if row.metric == "video_views"}


def _run(first: D, n: int) -> list[D]:
    return [first + dt.timedelta(days=i) for i in range(n)]


def test_a_tiktok_export_over_february_29_reads_every_day(tmp_path: Path) -> None:
    # downloaded on 2024-03-03: the days February 20 to March 2 of 2024, the 29th among
    # them (it was 'cannot read a date from February 29')
    days = _run(D(2024, 2, 20), 12)
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, 10 + i, 1, 1, 1, 1)
                                                       for i, d in enumerate(days)])  # fmt: skip
    views = _views(p, today=D(2024, 3, 3))
    assert sorted(views) == days and views[D(2024, 2, 29)] == 19
    # the 365 days before 2024-06-01, a leap day among them, across the year boundary
    year = _run(D(2023, 6, 2), 366)
    q = ef.tiktok_overview(tmp_path / "year.csv", [(d, i, 1, 1, 1, 1)
                                                   for i, d in enumerate(year)])  # fmt: skip
    assert sorted(_views(q, today=D(2024, 6, 1))) == year


def test_a_run_holding_february_29_is_a_leap_years(tmp_path: Path) -> None:
    # downloaded a year later (or with --today left at the real date): the run is the
    # latest one not after that day holding February 29, 2024's; it was an error that
    # the file 'turns back from February 29 to March 1'
    days = _run(D(2024, 2, 25), 7)
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, 1, 1, 1, 1, 1) for d in days])
    r = import_exports(p, today=D(2025, 3, 3))
    assert sorted({row.date for row in r.history}) == days
    assert any("holding February 29, so in a leap year" in n and "2024-02-25 to 2024-03-02"
               in n for n in r.notes)  # fmt: skip


def test_february_29_in_a_year_without_one_is_an_error(tmp_path: Path) -> None:
    p = ef.tiktok_followers(tmp_path / "FollowerHistory.csv",
                            [(D(2024, 2, 28), 100, 1), (D(2024, 2, 29), 103, 3)])  # fmt: skip
    assert {r.date for r in import_exports(p, year=2024).history} == {D(2024, 2, 28),
                                                                      D(2024, 2, 29)}  # fmt: skip
    with pytest.raises(DataError, match="February 29 does not exist in 2025") as e:
        import_exports(p, year=2025)
    assert e.value.line == 3


def test_february_29_reads_without_a_year() -> None:
    assert read_date("February 29", "month d") == D(YEARLESS, 2, 29)
    assert read_date("29 de febrero", "month d") == D(YEARLESS, 2, 29)
    assert read_date("February 30", "month d") is None


#: first days of runs: any, or up to 59 days before a February 29
FIRST_DAYS = st.dates(D(2016, 1, 1), D(2030, 12, 31)) | st.builds(
    lambda year, back: D(year, 2, 29) - dt.timedelta(days=back),
    st.sampled_from([2016, 2020, 2024, 2028]), st.integers(0, 59),
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FIRST_DAYS, st.integers(1, 60), st.integers(0, 800))
def test_a_run_of_days_is_placed_where_it_was(first: D, n: int, later: int) -> None:
    """Any run of days (leap days or not), written without its year and downloaded on
    its last day or within the year after, is placed on its own days: the latest such
    run not after the download. Later downloads (a year and more): never after the
    download, the days in their order."""
    days = _run(first, n)
    today = days[-1] + dt.timedelta(days=later)
    yearless = [D(YEARLESS, d.month, d.day) for d in days]
    placed, _ = place_yearless(yearless, today=today, year=None, source="f",
                               lines=list(range(2, 2 + n)))  # fmt: skip
    assert all(p <= today for p in placed)
    assert [(p.month, p.day) for p in placed] == [(d.month, d.day) for d in days]
    assert all(a < b for a, b in itertools.pairwise(placed))
    if later < 365:
        assert placed == days
