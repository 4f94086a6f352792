"""A spreadsheet writes a date as its serial number when the column is formatted as a
number (``46023``), in a CSV it saves and in a workbook. That number is a day in each of
Excel's two date systems (2026-01-01 counting from 1900, 2030-01-02 from 1904, Excel for
Mac before 2011), so it is read as neither: the error said only "cannot read a date from
46023 (this export writes dates as mdy or iso; name another form with date_format=)",
though no form reads it; it now names both days and says how to save the column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.dates import serial_day
from tests import export_files as ef


def test_a_buffer_export_saved_with_serial_days(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "buffer-instagram.csv", [
        ["Date", "Impressions", "Engagements", "New followers"],
        ["46023", "100", "5", "1"], ["46024", "120", "6", "2"]])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert (err.value.line, err.value.field) == (2, "date")
    assert "2026-01-01 in Excel's 1900 date system, 2030-01-02 in its 1904" in str(err.value)


def test_a_linkedin_workbook_whose_dates_are_numbers(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    days: list[Any] = [(46023 + i, i) for i in range(5)]  # numbers, as the cells hold them
    p = ef.linkedin_followers(tmp_path / "followers.xlsx", days)
    with pytest.raises(DataError, match="spreadsheet's number for a day"):
        import_exports(p)


@settings(max_examples=60, deadline=None)
@given(st.integers(20_000, 80_000))
def test_a_serial_number_names_both_days_and_reads_as_neither(n: int) -> None:
    said = serial_day(str(n))
    assert said is not None
    first = dt.date(1899, 12, 30) + dt.timedelta(days=n)
    assert first.isoformat() in said
    assert (first + dt.timedelta(days=1462)).isoformat() in said
    # a date, or a number that is no day of an export, is none
    assert serial_day(first.isoformat()) is None and serial_day("202601") is None
