"""`check --history` with several of goalrules' own history files of one metric (a file
a month, or a file and an export that overlap) puts them together day by day, as
`review` does: a day two of them give is kept once when they agree and an error naming
both when they do not. It was an error ('2026-01.csv and 2026-02.csv both give
impressions on x: pass one of them'), however far apart their days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from goalrules.errors import DataError
from goalrules.io.own_or_export import read_history_files
from tests import export_files as ef

D = dt.date


def _own(path: Path, first: D, days: int, value: int = 1000) -> Path:
    rows = [["date", "channel", "metric", "value", "unit"]]
    rows += [[(first + dt.timedelta(days=i)).isoformat(), "x", "impressions", value,
              "impression"] for i in range(days)]  # fmt: skip
    return ef.write_csv(path, rows)


def _days(history: dict[tuple[str | None, str], object]) -> list[D]:
    series = history[("x", "impressions")]
    return [p.date for p in series.points]  # type: ignore[attr-defined]


def test_own_files_a_month_each_read_together(tmp_path: Path) -> None:
    jan = _own(tmp_path / "2026-01.csv", D(2026, 1, 1), 31)
    feb = _own(tmp_path / "2026-02.csv", D(2026, 2, 1), 28)
    history, notes = read_history_files([jan, feb])
    assert sorted(_days(history)) == [D(2026, 1, 1) + dt.timedelta(days=i) for i in range(59)]
    # an export over the same days, with the same values: each day once, with a note
    x = ef.x_overview(tmp_path / "account_overview_analytics.csv",
                      [(D(2026, 2, 1) + dt.timedelta(days=i), 1000, 50, 3, 1) for i in range(28)])  # fmt: skip
    history, notes = read_history_files([jan, feb, x])
    assert len(_days(history)) == len(set(_days(history))) == 59
    assert any("28 values that" in n and "kept once" in n for n in notes)


def test_own_files_that_disagree_on_a_day_are_an_error(tmp_path: Path) -> None:
    jan = _own(tmp_path / "2026-01.csv", D(2026, 1, 1), 31)
    late = _own(tmp_path / "late.csv", D(2026, 1, 31), 2, value=1200)
    with pytest.raises(DataError, match="on 2026-01-31 as 1000 and 1200") as e:
        read_history_files([jan, late])
    assert "2026-01.csv" in str(e.value) and "late.csv" in str(e.value)
