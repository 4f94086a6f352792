"""A month an export covers only in part is left out of the channel decisions, as the
month under way is: `goalrules channels api.csv` on a GA4 Data API export of a steady
10 visits a day from January 15 to April 14 read "trend a month: visits +4.4 %" over 4
months (January's 17 days and April's 14 read as whole months), with only a note on
stderr that the counts were part of a month's. Export from April 1 to July 10 and the
cut July reads as a fall: a channel could be cut on a month nobody finished."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
API = ["date", "sessionSourceMedium", "sessions", "keyEvents"]


def _export(path: Path, first: dt.date, last: dt.date) -> Path:
    rows = []
    day = first
    while day <= last:
        rows += [[f"{day:%Y%m%d}", "facebook / cpc", "10", "1"],
                 [f"{day:%Y%m%d}", "linkedin / social", "12", "1"]]  # fmt: skip
        day += dt.timedelta(days=1)
    return ef.write_csv(path, [API, *rows])


def _whole_months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The months from ``first`` to ``last`` that hold every one of their days."""
    out, month = [], first.replace(day=1)
    while month <= last:
        following = (month + dt.timedelta(days=32)).replace(day=1)
        if first <= month and following - dt.timedelta(days=1) <= last:
            out.append(month)
        month = following
    return out


def test_the_cut_months_are_left_out_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(tmp_path / "api.csv", D(2026, 1, 15), D(2026, 4, 14))
    assert main(["channels", str(path), "--today", "2026-06-01"]) == 0
    out, err = capsys.readouterr()
    assert "over 2 months" in out and "over 4 months" not in out
    assert "+4.4 %" not in out
    assert "2026-01, 2026-04 left out of the channel decisions" in err


def test_the_api_keeps_them_when_asked(tmp_path: Path) -> None:
    result = import_exports(_export(tmp_path / "api.csv", D(2026, 1, 15), D(2026, 4, 14)))
    assert result.partial_months == (D(2026, 1, 1), D(2026, 4, 1))
    assert {r.month for r in result.channel_months()} == {D(2026, 2, 1), D(2026, 3, 1)}
    assert len({r.month for r in result.channel_months(partial=True)}) == 4
    assert result.left_out_note() is not None
    # what `import` writes is what the export said: every month, with its note
    assert {r.month for r in result.performance} == {D(2026, m, 1) for m in (1, 2, 3, 4)}


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(D(2025, 1, 1), D(2025, 12, 31)), st.integers(20, 200))
def test_decisions_read_whole_months_only(tmp_path: Path, first: dt.date, days: int) -> None:
    last = first + dt.timedelta(days=days)
    path = _export(tmp_path / f"api-{first}-{days}.csv", first, last)
    rows, notes = gr.io.own_or_export.read_performance_file(path)
    assert sorted({r.month for r in rows}) == _whole_months(first, last)
    cut = sorted({r.month for r in import_exports(path).performance} - {r.month for r in rows})
    said = [n for n in notes if "left out of the channel decisions" in n]
    assert bool(said) == bool(cut)
    for month in cut:
        assert f"{month:%Y-%m}" in said[0]
