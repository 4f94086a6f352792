"""GA4's dimensions of time written as numbers (*Hour* ``00`` to ``23``, *Day* of the
month ``01`` to ``31``, *Day of week* ``0`` to ``6``, *Nth day*; the Data API's
``hour``, ``day``, ``dayOfWeek``, ``nthDay``, as Google's API schema names them) split
a day (or a month) into parts. Two rows of one day and source differing only in the hour
were "two different rows for 2026-01-01: which one is right? Remove the other": an
error that told the user to delete a right row. Now they are added up, as rows that
differ in a text dimension (a landing page) are; a number in a column that is no
dimension (*Total users*) still tells no rows apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES

D = dt.date


def test_a_daily_report_by_hour_adds_up_its_hours(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Date", "Hour", "Session source / medium", "Sessions", "Key events"],
        ["20260101", "05", "facebook / cpc", "10", "1"],
        ["20260101", "06", "facebook / cpc", "10", "1"],
        ["20260102", "05", "facebook / cpc", "7", "0"]])  # fmt: skip
    r = import_exports(p)
    assert [(x.month, x.channel, x.visits, x.leads) for x in r.performance] == [
        (D(2026, 1, 1), "facebook", 27, 2)]  # fmt: skip


def test_the_data_api_by_day_of_the_month_adds_up_its_days(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "api.csv", [
        ["yearMonth", "day", "sessionSourceMedium", "sessions", "keyEvents"],
        ["202601", "01", "facebook / cpc", "10", "1"],
        ["202601", "02", "facebook / cpc", "10", "1"]])  # fmt: skip
    assert [(x.month, x.visits) for x in import_exports(p).performance] == [(D(2026, 1, 1), 20)]


def test_a_number_in_a_metric_column_still_tells_no_rows_apart(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source / medium", "Total users", "Sessions", "Key events"],
        ["202601", "facebook / cpc", "5", "10", "1"],
        ["202601", "facebook / cpc", "6", "10", "1"]])  # fmt: skip
    with pytest.raises(DataError, match="two different rows"):
        import_exports(p)


@FILES
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 23), st.integers(0, 500),
                          st.integers(0, 9)),
                min_size=1, max_size=20, unique_by=lambda t: t[:2]),
       st.permutations(range(20)))  # fmt: skip
def test_hours_add_up_to_the_days_report_in_any_order(
    tmp_path: Path, hours: list[tuple[int, int, int, int]], order: list[int]
) -> None:
    """A report by Date and Hour, its rows in any order, gives the months the report by
    Date alone gives (each day the sum of its hours)."""
    start = D(2026, 1, 30)
    by_hour = [[f"{start + dt.timedelta(days=d):%Y%m%d}", f"{h:02d}", "facebook / cpc", str(v),
                str(k)] for d, h, v, k in hours]  # fmt: skip
    by_hour = [by_hour[i] for i in order if i < len(by_hour)]
    days: dict[str, list[int]] = {}
    for day, _, _, v, k in by_hour:
        acc = days.setdefault(day, [0, 0])
        acc[0] += int(v)
        acc[1] += int(k)
    tag = abs(hash((tuple(hours), tuple(order))))
    header = ["Date", "Session source / medium", "Sessions", "Key events"]
    a = ef.write_csv(tmp_path / f"h-{tag}.csv", [[header[0], "Hour", *header[1:]], *by_hour])
    b = ef.write_csv(tmp_path / f"d-{tag}.csv", [header, *[[d, "facebook / cpc", str(v), str(k)]
                                                          for d, (v, k) in sorted(days.items())]])  # fmt: skip
    assert import_exports(a).performance == import_exports(b).performance
