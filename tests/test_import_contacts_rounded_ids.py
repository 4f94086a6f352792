"""A HubSpot contacts export saved again by a spreadsheet that wrote its Record IDs in
scientific notation (``1.23457E+11``: rounded, every contact the same id). Such ids tell
no contact apart: each row is a contact of its own (with a note), two rows alike in
every cell are asked about, and such an export given twice is an error, never counted
twice. It was refused as 'two different rows for the contact '1.23457E+11''."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
HEADER = ["Record ID", "First Name", "Email", "Create Date", "Lifecycle Stage",
          "Original Source", "Original Source Drill-Down 1", "Became a Lead Date",
          "Became a Customer Date"]  # fmt: skip
CONTACTS = [
    ["1.23457E+11", "Ann", "ann@example.com", "2026-01-07 10:00", "lead", "Organic social",
     "LinkedIn", "2026-01-07 10:00", ""],
    ["1.23457E+11", "Bo", "bo@example.com", "2026-01-09 10:00", "customer", "Organic social",
     "LinkedIn", "2026-01-09 10:00", "2026-02-01 09:00"],
    ["1.23457E+11", "Cy", "cy@example.com", "2026-02-09 10:00", "lead", "Paid social",
     "Facebook", "2026-02-09 10:00", ""],
]  # fmt: skip


def _leads(result: Any) -> dict[tuple[str, str, str | None], tuple[float | None, float | None]]:
    return {(f"{r.month:%Y-%m}", r.channel, r.medium): (r.leads, r.customers)
            for r in result.performance}  # fmt: skip


def test_rounded_record_ids_count_each_row_as_a_contact(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "hubspot-contacts.csv", [HEADER, *CONTACTS])
    r = import_exports(p)
    assert _leads(r) == {("2026-01", "linkedin", "organic"): (2, 0),
                         ("2026-02", "linkedin", "organic"): (0, 1),
                         ("2026-02", "facebook", "paid"): (1, 0)}  # fmt: skip
    assert any("a spreadsheet rounded" in n and "1.23457E+11" in n for n in r.notes)


def test_rows_alike_with_rounded_ids_are_asked_about(tmp_path: Path) -> None:
    twice = ef.write_csv(tmp_path / "hubspot-contacts.csv", [HEADER, *CONTACTS, CONTACTS[0]])
    with pytest.raises(DataError, match="alike in every cell") as e:
        import_exports(twice)
    assert e.value.line == 5
    a = ef.write_csv(tmp_path / "a.csv", [HEADER, *CONTACTS])
    b = ef.write_csv(tmp_path / "b.csv", [HEADER, CONTACTS[2]])
    with pytest.raises(DataError, match=r"a\.csv \(line 4\) and this file \(line 2\)"):
        import_exports([a, b])


def test_full_record_ids_read_as_before(tmp_path: Path) -> None:
    whole = [[str(123456789012 + i), *row[1:]] for i, row in enumerate(CONTACTS)]
    p = ef.write_csv(tmp_path / "hubspot-contacts.csv", [HEADER, *whole])
    r = import_exports(p)
    assert _leads(r)[("2026-01", "linkedin", "organic")] == (2, 0)
    assert not any("rounded" in n for n in r.notes)
    again = ef.write_csv(tmp_path / "again.csv", [HEADER, *whole])
    assert _leads(import_exports([p, again])) == _leads(r)  # overlapping: counted once
