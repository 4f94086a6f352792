"""Month-first dates that came back day first: LinkedIn writes MM/DD/YYYY, and a
followers workbook saved again by a spreadsheet in a day-first locale holds 02/01/2026
for January 2. With no day over 12 in the column, January 1 to 3 were read as January 1,
February 1 and March 1 without a word. A daily export's days that read as days a month
apart one way and as a run of days the other way are an error naming the column (pass
--dayfirst or --monthfirst). Files laid out like the real export (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date


def _new(result: Any) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == "new_followers"}


def test_day_first_dates_in_a_month_first_export_are_an_error(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    p = ef.linkedin_followers(tmp_path / "campfire_followers.xlsx",
                              [("01/01/2026", 1), ("02/01/2026", 2), ("03/01/2026", 3)])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.line == 4 and err.value.field == "date" and str(p) in str(err.value)
    assert "--dayfirst" in str(err.value)
    assert _new(import_exports(p, dayfirst=True)) == {D(2026, 1, 1): 1, D(2026, 1, 2): 2,
                                                      D(2026, 1, 3): 3}  # fmt: skip
    assert _new(import_exports(p, dayfirst=False)) == {D(2026, 1, 1): 1, D(2026, 2, 1): 2,
                                                       D(2026, 3, 1): 3}  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(2024, 2027), st.integers(1, 12), st.integers(1, 14), st.integers(2, 20),
       st.booleans())  # fmt: skip
def test_a_run_of_days_reads_as_itself_or_is_refused(
    tmp_path: Path, year: int, month: int, day: int, length: int, day_first: bool
) -> None:
    """A run of two days or more written month first (as LinkedIn writes it) reads as
    itself; written day first (after a spreadsheet), it reads as itself or is an error:
    never other days. (Runs starting on the 1st to the 14th: where the days are 12 or
    less, the two orders both read.)"""
    start = D(year, month, day)
    days = [start + dt.timedelta(days=i) for i in range(length)]
    form = "%d/%m/%Y" if day_first else "%m/%d/%Y"
    p = ef.write_csv(tmp_path / "followers.csv", [
        ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers",
         "Total followers"], *[[d.strftime(form), 0, i, 0, i] for i, d in enumerate(days)]])  # fmt: skip
    try:
        got = _new(import_exports(p))
    except DataError:
        assert day_first
        return
    assert got == {d: i for i, d in enumerate(days)}
