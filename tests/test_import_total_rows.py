"""A row of totals under the data (a spreadsheet's sum row, a suite's export that ends
with one), as GA4's Grand total row and YouTube's first Total row: left out, whichever
export it ends. It was an error ("cannot read a date from 'Total'") in every export but
GA4's and YouTube's, though "Totals" was left out."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
DAYS = [D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3)]


def _with_total(path: Path, label: str = "Total") -> Path:
    """The file with a last row: the label, then each column's sum (or empty)."""
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    header, body = rows[0], rows[1:]
    total: list[Any] = [label]
    for j in range(1, len(header)):
        try:
            total.append(sum(float(r[j]) for r in body))
        except ValueError:
            total.append("")
    return ef.write_csv(path, [*rows, total])


FILES: dict[str, Callable[[Path], Path]] = {
    "tiktok-overview": lambda d: ef.tiktok_overview(
        d / "Overview.csv", [(day, 10 * i, 1, 2, 1, 0) for i, day in enumerate(DAYS, 1)]),
    "x-overview": lambda d: ef.x_overview(
        d / "account_overview_analytics.csv", [(day, 10 * i, 4, 1, 0) for i, day in
                                               enumerate(DAYS, 1)]),
    "sprout": lambda d: ef.sprout(
        d / "Profile Performance.csv", [(f"{day:%m/%d/%Y}", "LinkedIn", 10 * i, 4, 500 + i)
                                        for i, day in enumerate(DAYS, 1)]),
    "suite-network": lambda d: ef.suite_network(
        d / "buffer-instagram.csv", [(day.isoformat(), 10 * i, 4, 1, 500 + i)
                                     for i, day in enumerate(DAYS, 1)]),
}  # fmt: skip


@pytest.mark.parametrize("preset", sorted(FILES))
@pytest.mark.parametrize("label", ["Total", "TOTAL", "Totals"])
def test_a_total_row_under_the_data_is_left_out(tmp_path: Path, preset: str, label: str) -> None:
    plain = import_exports(FILES[preset](tmp_path), today=D(2026, 3, 31))
    summed = import_exports(_with_total(FILES[preset](tmp_path), label), today=D(2026, 3, 31))
    assert summed.history == plain.history
    assert {r.date for r in summed.history} == set(DAYS)
