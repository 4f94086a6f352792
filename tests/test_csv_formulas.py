"""A CSV file goalrules writes runs nothing in the spreadsheet that opens it: a channel,
campaign, goal id, statement or bad cell that a spreadsheet would read as a formula
(``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``) gets the spreadsheet's text mark, a
leading ``'``, and goalrules reads its own files back as they were written."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.visible import FORMULA_STARTS, inert_cell, spreadsheet_text

NAMES = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@campfire", "-20% promo"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _runs(cell: str) -> bool:
    """Whether a spreadsheet would read ``cell`` as a formula."""
    if cell[:1] not in FORMULA_STARTS or not cell:
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def test_an_imported_history_runs_nothing_and_reads_back(tmp_path: Path) -> None:
    src = tmp_path / "history.csv"
    rows = ["date,channel,metric,value"]
    for name in NAMES:
        quoted = '"' + name.replace('"', '""') + '"'
        rows += [f"2026-0{m}-28,{quoted},followers,{m * 10}" for m in (1, 2, 3)]
    src.write_text("\n".join(rows) + "\n")
    out = io.StringIO()
    assert main(["import", str(src), "--format", "csv"], out=out) == 0
    cells = _cells(out.getvalue())
    assert not any(_runs(c) for row in cells for c in row), cells
    written = tmp_path / "imported.csv"
    written.write_text(out.getvalue())
    assert gr.load_history(written).keys() == gr.load_history(src).keys()
    assert {ch for ch, _ in gr.load_history(written)} == {n.lower() for n in NAMES}


def test_a_performance_files_campaigns_read_back(tmp_path: Path) -> None:
    src = tmp_path / "performance.csv"
    src.write_text(
        "month,channel,visits,leads,campaign\n"
        '2026-01,linkedin,100,5,"=1+2"\n2026-01,linkedin,50,1,"@spring"\n'
    )
    out = io.StringIO()
    assert main(["import", str(src), "--format", "csv"], out=out) == 0
    assert not any(_runs(c) for row in _cells(out.getvalue()) for c in row)
    written = tmp_path / "imported.csv"
    written.write_text(out.getvalue())
    assert {r.campaign for r in gr.load_performance(written)} == {"=1+2", "@spring"}


def test_a_checks_csv_and_the_table_of_bad_cells_run_nothing(tmp_path: Path, capsys: Any) -> None:
    ws = tmp_path / "w.toml"
    ws.write_text(
        '[workspace]\nname = "x"\n[[goal]]\nid = "=1+2"\n'
        'statement = "@SUM(A1) Double our LinkedIn followers within six months"\n'
    )
    out = io.StringIO()
    assert main(["check", str(ws), "--format", "csv"], out=out) == 0
    rows = _cells(out.getvalue())
    assert rows[1][0] == "'=1+2" and not any(_runs(c) for row in rows for c in row)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,channel,metric,value\n2026-01-31,linkedin,followers,=SUM(A1)\n")
    out = io.StringIO()
    assert main(["import", str(bad), "--all-errors"], out=out) == 2
    rows = _cells(out.getvalue())
    assert any("=SUM(A1)" in c for row in rows for c in row)
    assert not any(_runs(c) for row in rows for c in row), rows
    assert len(capsys.readouterr().err.splitlines()) == 1


@given(st.text())
def test_a_marked_cell_runs_nothing_and_reads_back(text: str) -> None:
    cell = inert_cell(text)
    assert not _runs(cell)
    if not (text[:1] == "'" and text[1:2] in FORMULA_STARTS and text[1:2]):
        assert spreadsheet_text(cell) == text
