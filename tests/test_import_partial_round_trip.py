"""What ``goalrules import`` writes is what a reader of the export sees. A GA4 report from
15 September (its ``# Start date: 20250915``) gives September's 16 days; the channel
decisions on the export leave September out (a month under way's counts read as a
month's are a fall or a rise that did not happen), but the performance file the import
wrote said nothing of it, and ``goalrules channels`` on that file judged the 16 days as
a month: "480 visits over 5 months", "trend a month: visits +2.7 %" for a channel of 10
visits every day. The file now has a ``days`` column (the days of its month a row
counts, empty for the whole month), and goalrules' own reader leaves such a month out
too, with a note. Files laid out as GA4's CSV download is (the ``#`` preamble with its
start and end dates, a row a month and source / medium)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io import load_performance
from goalrules.io.exports import import_exports
from goalrules.io.own_or_export import read_performance_file
from tests import export_files as ef

D = dt.date
SOURCES = {"facebook / referral": 10, "linkedin / referral": 5, "google / organic": 30}


def _ga4(path: Path, start: D, end: D) -> Path:
    """Sessions at a steady rate a day from ``start`` to ``end``, by Year month."""
    rows = [["Year month", "Session source / medium", "Sessions", "Key events"]]
    month = start.replace(day=1)
    while month <= end:
        first = max(month, start)
        last = min(month.replace(day=calendar.monthrange(month.year, month.month)[1]), end)
        days = (last - first).days + 1
        for source, per_day in SOURCES.items():
            rows.append([f"{month:%Y%m}", source, per_day * days, per_day * days // 20])
        month = (month + dt.timedelta(days=32)).replace(day=1)
    preamble = ["# ----------------------------------------", "# Traffic acquisition",
                "# ----------------------------------------", "#",
                f"# Start date: {start:%Y%m%d}", f"# End date: {end:%Y%m%d}"]  # fmt: skip
    return ef.write_csv(path, rows, preamble=preamble)


def _written(export: Path, out: Path) -> Path:
    out.write_text(import_exports(export).performance_csv(), encoding="utf-8")
    return out


def test_the_imported_file_leaves_out_the_month_the_export_covers_in_part(
    tmp_path: Path,
) -> None:
    export = _ga4(tmp_path / "ga4.csv", D(2025, 9, 15), D(2026, 1, 31))
    written = _written(export, tmp_path / "performance.csv")
    header, first = written.read_text().splitlines()[:2]
    assert header.endswith(",days") and first.startswith("2025-09,") and first.endswith(",16")
    from_export, said_export = read_performance_file(export)
    from_file, said_file = read_performance_file(written)
    assert from_file == from_export
    assert {r.month for r in from_file} == {D(2025, m, 1) for m in (10, 11, 12)} | {D(2026, 1, 1)}
    assert any("2025-09 left out of the channel decisions" in n for n in said_export)
    assert any("2025-09 left out of the channel decisions" in n for n in said_file)
    # kept when asked for, as the import's rows are (partial=True)
    assert len(load_performance(written, partial=True)) == len(import_exports(export).performance)


def test_whole_months_write_no_days_column(tmp_path: Path) -> None:
    export = _ga4(tmp_path / "ga4.csv", D(2025, 9, 1), D(2026, 1, 31))
    assert "days" not in import_exports(export).performance_csv().splitlines()[0]


def test_parquet_and_a_second_import_keep_the_days(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    from goalrules.cli import main

    export = _ga4(tmp_path / "ga4.csv", D(2025, 9, 15), D(2025, 12, 10))
    main(["import", str(export), "-q", "--format", "parquet", "--output",
          str(tmp_path / "p.parquet")])  # fmt: skip
    from_export, _ = read_performance_file(export)
    from_parquet, _ = read_performance_file(tmp_path / "p.parquet")
    assert from_parquet == from_export
    again = import_exports(_written(export, tmp_path / "performance.csv"))
    assert again.partial_days == ((D(2025, 9, 1), 16), (D(2025, 12, 1), 10))


@pytest.mark.parametrize("cell", ["0", "31", "1.5", "half", "-3"])
def test_a_days_cell_that_is_no_days_of_its_month_is_an_error(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "performance.csv"
    path.write_text("month,channel,medium,visits,leads,customers,campaign,days\n"
                    f"2025-09,facebook,organic,160,8,,,{cell}\n")  # fmt: skip
    with pytest.raises(DataError) as err:
        load_performance(path)
    assert (err.value.line, err.value.field) == (2, "days")


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.integers(1, 28), st.integers(1, 31), st.integers(1, 5))
def test_decisions_read_the_same_rows_from_the_export_and_from_its_import(
    tmp_path: Path, first_day: int, last_day: int, months: int
) -> None:
    """Whatever day the export starts and ends on, the channel decisions read the same
    months from the file the import wrote as from the export itself."""
    start = D(2025, 6, first_day)
    end_month = D(2025, 6 + months, 1)
    end = end_month.replace(day=min(last_day, calendar.monthrange(2025, 6 + months)[1]))
    export = _ga4(tmp_path / f"ga4-{first_day}-{last_day}-{months}.csv", start, end)
    written = _written(export, tmp_path / f"p-{first_day}-{last_day}-{months}.csv")
    try:
        from_export, _ = read_performance_file(export)
    except DataError:  # nothing left to decide on: the same from the written file
        with pytest.raises(DataError):
            read_performance_file(written)
        return
    assert read_performance_file(written)[0] == from_export
