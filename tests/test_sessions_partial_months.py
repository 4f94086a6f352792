"""goalrules' own sessions file (``date,landing_url,referrer,lead``, one row a visit)
states no period: its sessions' first and last days are its period, as an event
export's are. Sessions from 15 September were attributed by month and September's 16
days decided on as a month: ``goalrules channels --utm sessions.csv`` read "1,390
visits over 5 months", "trend a month: visits +2.7 %" for 10 visits every day, and
``goalrules import sessions.csv`` wrote September without a word. A month the sessions
cover only in part is now said, left out of the decisions (``--utm``, and the file given
as performance) and written with its days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.io.month_parts import cut_ends
from goalrules.io.own_or_export import read_performance_file, read_sessions_file

D = dt.date


def _sessions(path: Path, first: D, last: D, per_day: int = 10) -> Path:
    lines = ["date,landing_url,referrer,lead"]
    day = first
    while day <= last:
        for i in range(per_day):
            lines.append(f"{day.isoformat()},https://acme.com/?utm_source=facebook"
                         f"&utm_medium=social,,{1 if i == 0 else 0}")  # fmt: skip
        day += dt.timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_utm_sessions_from_mid_month_leave_that_month_out(tmp_path: Path) -> None:
    path = _sessions(tmp_path / "sessions.csv", D(2025, 9, 15), D(2026, 1, 31))
    rows, notes = read_sessions_file(path)
    assert sorted({r.month for r in rows}) == [D(2025, m, 1) for m in (10, 11, 12)] + [
        D(2026, 1, 1)]  # fmt: skip
    assert {r.visits for r in rows if r.month.month in (10, 12, 1)} == {310}
    assert any("2025-09 left out of the channel decisions" in n for n in notes)


def test_the_import_says_the_month_and_writes_its_days(tmp_path: Path) -> None:
    path = _sessions(tmp_path / "sessions.csv", D(2025, 9, 15), D(2025, 12, 20))
    result = import_exports(path)
    assert result.partial_days == ((D(2025, 9, 1), 16), (D(2025, 12, 1), 20))
    assert sum("covers only" in n for n in result.notes) == 2
    assert read_performance_file(path)[0] == read_sessions_file(path)[0]


def test_whole_months_lose_nothing(tmp_path: Path) -> None:
    path = _sessions(tmp_path / "sessions.csv", D(2025, 9, 1), D(2025, 11, 30))
    rows, notes = read_sessions_file(path)
    assert len(rows) == 3 and not notes
    assert not import_exports(path).partial_months


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.dates(D(2025, 1, 1), D(2025, 12, 31)), st.integers(0, 120))
def test_the_months_decided_are_the_whole_months_the_sessions_cover(
    tmp_path: Path, first: D, length: int
) -> None:
    last = first + dt.timedelta(days=length)
    path = _sessions(tmp_path / f"s-{first}-{length}.csv", first, last, per_day=2)
    rows, _ = read_sessions_file(path)
    months = {r.month for r in rows}
    cut = cut_ends(first, last)
    every = {
        D(first.year + (first.month + i - 1) // 12, (first.month + i - 1) % 12 + 1, 1)
        for i in range((last.year - first.year) * 12 + last.month - first.month + 1)
    }
    assert months == every - set(cut)
    # every month decided is whole: its visits are its days' (two a day)
    for r in rows:
        nxt = (r.month + dt.timedelta(days=32)).replace(day=1)
        assert r.visits == 2 * (nxt - r.month).days
    # the import's rows, decided, are the same
    assert read_performance_file(path)[0] == rows
