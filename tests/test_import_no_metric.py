"""An export whose rows hold no metric goalrules reads from it (YouTube's Totals.csv of
watch time, or of subscribers gained without those lost) is an error naming the file:
it imported nothing with exit 0 and an empty performance header, its one sign a note
that the column was not read."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
DAYS = [D(2026, 1, 1), D(2026, 1, 2)]


@pytest.mark.parametrize("column", ["Watch time (hours)", "Subscribers gained"])
def test_a_totals_file_of_no_metric_read_is_an_error(
    tmp_path: Path, column: str, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ef.youtube_chart(tmp_path / "Totals.csv", [(d, 15) for d in DAYS], column=column)
    with pytest.raises(DataError, match="none of its columns is one goalrules reads") as e:
        import_exports(p)
    assert e.value.line == 1 and "views" in str(e.value)
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_totals_file_of_one_metric_read_imports_it(tmp_path: Path) -> None:
    p = ef.youtube_chart(tmp_path / "Totals.csv", [(d, 15) for d in DAYS], column="Impressions")
    assert [(r.date, r.metric, r.value) for r in import_exports(p).history] == [
        (d, "impressions", 15) for d in DAYS]  # fmt: skip
