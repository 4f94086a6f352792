"""HubSpot exports contacts as CSV or as Excel. In an Excel export the Record ID is the
number 1.0 and the dates are date-times, so a contact that a CSV export gave too ("1",
"2026-01-07 10:00") was told apart from itself: the two overlapping exports counted its
lead twice, without a word. A cell is compared as the CSV export writes it now. Files
laid out like HubSpot's CSV and Excel exports (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.io.exports.contacts import cell_text
from tests import export_files as ef

HEADER = ["Record ID", "First Name", "Last Name", "Email", "Create Date", "Lifecycle Stage",
          "Original Source", "Original Source Drill-Down 1", "Original Source Drill-Down 2",
          "Became a Lead Date", "Became a Customer Date"]  # fmt: skip
NETWORKS = ["Facebook", "LinkedIn", "Instagram"]


def _lead(i: int) -> dt.datetime:
    return dt.datetime(2026, 1 + i % 3, 1 + i % 27, 10, 0)


def _csv(path: Path, ids: list[int]) -> Path:
    rows = [[i, "Ann", "Lee", f"a{i}@example.com", f"{_lead(i):%Y-%m-%d %H:%M}", "lead",
             "Organic social", NETWORKS[i % 3], "", f"{_lead(i):%Y-%m-%d %H:%M}", ""]
            for i in ids]  # fmt: skip
    return ef.write_csv(path, [HEADER, *rows])


def _xlsx(path: Path, ids: list[int]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for i in ids:
        sheet.append([i, "Ann", "Lee", f"a{i}@example.com", _lead(i), "lead", "Organic social",
                      NETWORKS[i % 3], None, _lead(i), None])  # fmt: skip
    book.save(path)
    return path


def test_a_contact_in_a_csv_and_an_excel_export_counts_once(tmp_path: Path) -> None:
    csv = _csv(tmp_path / "hubspot-crm-exports-all-contacts-2026-02-01.csv", [1, 2])
    xlsx = _xlsx(tmp_path / "hubspot-crm-exports-all-contacts-2026-03-01.xlsx", [1, 2, 3])
    result = import_exports([csv, xlsx])
    assert sum(r.leads for r in result.performance) == 3
    assert any("2 contacts an export read before gives too" in n for n in result.notes)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sets(st.integers(1, 40), min_size=1, max_size=8),
       st.sets(st.integers(1, 40), min_size=1, max_size=8), st.booleans())  # fmt: skip
def test_overlapping_exports_in_either_format_count_each_contact_once(
    tmp_path: Path, first: set[int], second: set[int], excel_first: bool
) -> None:
    a, b = (_xlsx, _csv) if excel_first else (_csv, _xlsx)
    files = [a(tmp_path / f"contacts-a{'.xlsx' if excel_first else '.csv'}", sorted(first)),
             b(tmp_path / f"contacts-b{'.csv' if excel_first else '.xlsx'}", sorted(second))]  # fmt: skip
    result = import_exports(files)
    assert sum(r.leads for r in result.performance) == len(first | second)


def test_a_cell_reads_as_the_csv_writes_it() -> None:
    assert cell_text(1.0) == "1" and cell_text(51234567801.0) == "51234567801"
    assert cell_text(dt.datetime(2026, 1, 7, 10, 0)) == "2026-01-07 10:00"
    assert cell_text(" Facebook ") == "Facebook" and cell_text(1.5) == "1.5"
