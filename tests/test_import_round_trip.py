"""What `goalrules import` writes is what the export said: its performance file, read
again, gives the rows the export gave. GA4's traffic acquisition report with *Total
revenue* (its columns as docs/bring-your-data.md lists them: *Year month*, *Session
source / medium*, *Sessions*, *Key events*, *Total revenue*) was written without its
revenue, and a Parquet file without a column its first hundred rows did not have
(revenue, a campaign): the rows that had one lost it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES

D = dt.date
HEADER = ["Year month", "Session source / medium", "Sessions", "Key events", "Total revenue"]
PREAMBLE = ["# ----------------------------------------", "# Traffic acquisition",
            "# ----------------------------------------", "#"]  # fmt: skip


def _again(tmp_path: Path, original: Path) -> tuple[object, object]:
    """The performance rows of an export and of the file `goalrules import` wrote."""
    first = import_exports(original)
    written = tmp_path / f"{original.stem}-performance.csv"
    written.write_text(first.performance_csv(), encoding="utf-8")
    return first.performance, import_exports(written).performance


def test_revenue_is_written_and_read_again(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [HEADER,
        ["202601", "facebook / cpc", "120", "4", "1234.50"],
        ["202601", "newsletter / email", "40", "1", ""],
        ["202602", "facebook / cpc", "100", "3", "99.90"]], preamble=PREAMBLE)  # fmt: skip
    first, again = _again(tmp_path, p)
    revenue = {(r.month, r.channel): r.revenue for r in first}  # type: ignore[attr-defined]
    assert revenue[(D(2026, 1, 1), "facebook")] == 1234.5
    assert revenue[(D(2026, 1, 1), "email")] is None  # empty: unknown, not 0
    assert again == first


def test_a_file_without_revenue_is_written_as_before(tmp_path: Path) -> None:
    p = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "facebook / cpc", 120, 4)])
    p.write_text(p.read_text().replace(",Total revenue", "").replace(",1234.5\n", "\n")
                 .replace(",0\n", "\n"))  # fmt: skip
    r = import_exports(p)
    assert r.performance_csv().splitlines()[0] == (
        "month,channel,medium,visits,leads,customers,campaign"
    )


@FILES
@given(st.lists(st.tuples(st.sampled_from(["202601", "202602", "202603"]),
                          st.sampled_from(["facebook / cpc", "instagram / social", "t.co / referral",
                                           "(direct) / (none)", "newsletter / email"]),
                          st.integers(0, 10**7), st.integers(0, 500),
                          st.one_of(st.none(), st.integers(0, 10**8))),
                min_size=1, max_size=12, unique_by=lambda t: (t[0], t[1])))  # fmt: skip
def test_any_report_reads_the_same_from_what_import_wrote(
    tmp_path: Path, rows: list[tuple[str, str, int, int, int | None]]
) -> None:
    """Revenue in cents or empty, any counts, any sources: the written file gives back
    every row, revenue included."""
    body = [[m, s, str(v), str(k), "" if c is None else f"{c // 100}.{c % 100:02d}"]
            for m, s, v, k, c in rows]  # fmt: skip
    p = ef.write_csv(tmp_path / f"ga4-{abs(hash(tuple(rows)))}.csv", [HEADER, *body],
                     preamble=PREAMBLE)  # fmt: skip
    first, again = _again(tmp_path, p)
    assert again == first


def test_parquet_keeps_a_column_its_first_rows_lack(tmp_path: Path) -> None:
    """A report by campaign: 120 campaigns without revenue, then one with it."""
    pl = pytest.importorskip("polars")
    header = [*HEADER[:2], "Session campaign", *HEADER[2:]]
    body = [["202601", "facebook / cpc", f"spring-{i:03d}", "10", "1", ""] for i in range(120)]
    body.append(["202601", "facebook / cpc", "summer", "120", "4", "1234.50"])
    p = ef.write_csv(tmp_path / "ga4.csv", [header, *body], preamble=PREAMBLE)
    out = tmp_path / "performance.parquet"
    assert main(["import", str(p), "-q", "--format", "parquet", "--output", str(out)],
                out=io.StringIO()) == 0  # fmt: skip
    table = pl.read_parquet(out)
    assert table.height == len(body)
    assert table.filter(pl.col("campaign") == "summer")["revenue"].to_list() == [1234.5]
