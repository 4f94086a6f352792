"""HubSpot renamed what its contacts exports are read by. *Original Source* is
*Original Traffic Source* since (with its *Drill-Down 1* and *2*: exports and the
scripts that read them name the columns so), and the lifecycle stages' dates of today's
pipelines are *Date entered "Lead (Lifecycle Stage Pipeline)"* (``hs_v2_date_entered_
lead``) beside or instead of *Became a Lead Date*; a report's export writes ``(No
value)`` in a cell of no value (as a team's script reading its
``hubspot-custom-report-...csv`` handles it). An export of today's names matched no
preset ("needs original source"); a ``(No value)`` date was an error, and a ``(No
value)`` source would have been a channel of that name. They read now: the renamed
columns as the old ones, ``(No value)`` as an empty cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import ImportResult, import_exports
from tests import export_files as ef

D = dt.date
OLD = ["Record ID", "First Name", "Create Date", "Lifecycle Stage", "Original Source",
       "Original Source Drill-Down 1", "Became a Lead Date", "Became a Customer Date"]  # fmt: skip
NEW = ["Record ID", "First Name", "Create Date", "Lifecycle Stage", "Original Traffic Source",
       "Original Traffic Source Drill-Down 1", 'Date entered "Lead (Lifecycle Stage Pipeline)"',
       'Date entered "Customer (Lifecycle Stage Pipeline)"']  # fmt: skip
CONTACTS = [
    ["1", "A", "2026-01-05 10:00", "lead", "Paid Social", "Facebook", "2026-01-05 10:00", ""],
    ["2", "B", "2026-01-10 10:00", "customer", "Organic Search", "Google", "2026-01-10 10:00",
     "2026-02-01 09:00"],
    ["3", "C", "2026-02-10 10:00", "subscriber", "Organic Search", "", "", ""],
    ["4", "D", "2026-02-11 10:00", "marketingqualifiedlead", "", "", "2026-02-11 10:00", ""],
]  # fmt: skip


def _rows(result: ImportResult) -> list[tuple[D, str, str | None, float | None, float | None]]:
    return sorted((r.month, r.channel, r.medium, r.leads, r.customers)
                  for r in result.performance)  # fmt: skip


def test_todays_column_names_read_as_the_old_ones(tmp_path: Path) -> None:
    old = import_exports(ef.write_csv(tmp_path / "old.csv", [OLD, *CONTACTS]))
    new = import_exports(ef.write_csv(tmp_path / "new.csv", [NEW, *CONTACTS]))
    assert _rows(new) == _rows(old)
    assert (D(2026, 1, 1), "facebook", "paid", 1, 0) in _rows(new)


def test_no_value_is_an_empty_cell(tmp_path: Path) -> None:
    """A report's export: (No value) wherever a cell holds none, the id as Contact ID."""
    header = ["Contact ID", *NEW[1:]]
    said = [[c or "(No value)" for c in row] for row in CONTACTS]
    report = import_exports(ef.write_csv(tmp_path / "hubspot-custom-report.csv", [header, *said]))
    plain = import_exports(ef.write_csv(tmp_path / "plain.csv", [header, *CONTACTS]))
    assert _rows(report) == _rows(plain)
    assert not any("(no value)" in r.channel for r in report.performance)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.sampled_from(range(len(CONTACTS))), min_size=1, max_size=4, unique=True),
       st.lists(st.booleans(), min_size=3, max_size=3))  # fmt: skip
def test_which_names_the_export_uses_changes_nothing(
    tmp_path: Path, picked: list[int], renamed: list[bool]
) -> None:
    """Each of the source, its drill-down and the dates under its old or new name: the
    rows read are the same."""
    header = list(OLD)
    for i, (col, new) in enumerate(zip((4, 5, 6), renamed, strict=True)):
        if new:
            header[col] = NEW[col]
        if i == 2 and new:  # the dates are renamed together
            header[7] = NEW[7]
    rows = [CONTACTS[i] for i in sorted(picked)]
    got = import_exports(ef.write_csv(tmp_path / f"h{picked}{renamed}.csv", [header, *rows]))
    want = import_exports(ef.write_csv(tmp_path / f"o{picked}{renamed}.csv", [OLD, *rows]))
    assert _rows(got) == _rows(want)
