"""A per-post export's months and the period it covers: Meta names its exports by their
period (``Jan-15-2026_Feb-14-2026_<id>.csv``), and a month the period covers only part
of sums only that part's posts. January's posts from the 15th were read as January's
views without a word; a note now says which months are partial. Files laid out like the
real export (made here)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.io.exports.spans import name_range
from tests import export_files as ef

D = dt.date


def _name(start: D, end: D) -> str:
    return f"{start:%b-%d-%Y}_{end:%b-%d-%Y}_2260327001369726.csv"


def _posts(days: list[D]) -> list[tuple[str, str, int, int, int, int, int, int]]:
    """One post a day (ISO times: the test's days may be 12 or less, which the export's
    month-first dates would leave ambiguous without a later day)."""
    return [(f"{d:%Y-%m-%d} 10:00", f"https://www.instagram.com/p/{i}/", 100, 50, 1, 1, 1, 1)
            for i, d in enumerate(days)]  # fmt: skip


def test_the_months_a_named_period_covers_in_part_are_noted(tmp_path: Path) -> None:
    p = ef.meta_content(tmp_path / _name(D(2026, 1, 15), D(2026, 2, 14)),
                        _posts([D(2026, 1, 20), D(2026, 2, 13)]))  # fmt: skip
    result = import_exports(p)
    views = {r.date: r.value for r in result.history if r.metric == "impressions"}
    assert views == {D(2026, 1, 1): 100, D(2026, 2, 1): 100}
    partial = [n for n in result.notes if "covers only" in n]
    assert len(partial) == 2
    assert "2026-01 covers only 2026-01-15 to 2026-01-31" in partial[0]
    assert "2026-02 covers only 2026-02-01 to 2026-02-14" in partial[1]


def test_a_whole_month_and_a_name_without_a_period_say_nothing(tmp_path: Path) -> None:
    whole = ef.meta_content(
        tmp_path / _name(D(2026, 2, 1), D(2026, 2, 28)), _posts([D(2026, 2, 3)])
    )
    plain = ef.meta_content(tmp_path / "posts.csv", _posts([D(2026, 2, 3)]))
    for p in (whole, plain):
        assert not any("covers only" in n for n in import_exports(p).notes)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dates(D(2024, 1, 1), D(2027, 12, 31)), st.integers(0, 70))
def test_a_note_names_exactly_the_months_the_period_covers_in_part(
    tmp_path: Path, start: D, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    assert name_range(_name(start, end)) == (start, end)
    p = ef.meta_content(tmp_path / _name(start, end), _posts([start, end]))
    noted = {n.split(": ", 1)[1][:7] for n in import_exports(p).notes if "covers only" in n}
    want = set()
    for day in (start, end):
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if max(first, start) != first or min(last, end) != last:
            want.add(f"{day:%Y-%m}")
    assert noted == want
