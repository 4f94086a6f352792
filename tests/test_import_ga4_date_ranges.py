"""A GA4 Data API query of several date ranges gives each row the dimension
``dateRange``, valued ``date_range_0``, ``date_range_1`` (or the names the query gave the
ranges: developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/DateRange,
"the dateRange dimension is valued to this name"), and each range's rows repeat the
months and sources of the other. They were added up: the last 31 days (100 Google
sessions in January) beside the first half of January (40 of them) read 140 sessions in
January. Ranges may overlap and a month may hold days of both, so two ranges or more are
an error naming the column and the ranges; one range reads as before. Tables laid out as
``RunReport``'s rows are written to a CSV (made here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

HEADER = ["dateRange", "yearMonth", "sessionSource", "sessionMedium", "sessions", "keyEvents"]


def test_two_date_ranges_are_never_added_up(tmp_path: Path) -> None:
    f = ef.write_csv(tmp_path / "api.csv", [
        HEADER,
        ["date_range_0", "202601", "google", "organic", "100", "3"],
        ["date_range_1", "202601", "google", "organic", "40", "1"],
        ["date_range_0", "202601", "facebook", "referral", "50", "1"],
    ])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(f)
    assert err.value.field == "daterange" and err.value.source == str(f)
    assert "2 date ranges ('date_range_0', 'date_range_1')" in str(err.value)


def test_one_date_range_reads_as_without_the_column(tmp_path: Path) -> None:
    rows = [["date_range_0", "202601", "google", "organic", "100", "3"],
            ["date_range_0", "202602", "google", "organic", "90", "2"]]  # fmt: skip
    one = import_exports(ef.write_csv(tmp_path / "api.csv", [HEADER, *rows]))
    plain = import_exports(ef.write_csv(tmp_path / "plain.csv",
                                        [HEADER[1:], *[r[1:] for r in rows]]))  # fmt: skip
    assert one.performance == plain.performance
    assert [(r.month.isoformat(), r.visits) for r in one.performance] == [
        ("2026-01-01", 100), ("2026-02-01", 90)]  # fmt: skip


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.sampled_from(["date_range_0", "date_range_1", "last_28_days", "previous"]),
                min_size=2, max_size=8),
       st.lists(st.integers(0, 500), min_size=8, max_size=8))  # fmt: skip
def test_rows_of_several_ranges_never_give_a_month(
    tmp_path: Path, ranges: list[str], sessions: list[int]
) -> None:
    """Whatever the ranges are named and however many rows each has: one range reads,
    two or more are an error, never a month summed over them."""
    rows = [[name, "202601", f"site{i}.example", "referral", str(v), "0"]
            for i, (name, v) in enumerate(zip(ranges, sessions, strict=False))]  # fmt: skip
    path = ef.write_csv(tmp_path / "api.csv", [HEADER, *rows])
    if len(set(ranges)) > 1:
        with pytest.raises(DataError, match=f"{len(set(ranges))} date ranges"):
            import_exports(path)
    else:
        got = import_exports(path).performance
        assert sum(r.visits or 0 for r in got) == sum(sessions[: len(ranges)])
