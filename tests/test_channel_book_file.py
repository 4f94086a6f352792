"""A book file read by `goalrules channels BOOK.csv` as one account's file is read: its
column names without case, and the months over by today (the month under way left out),
so that each account's decisions read as its own file's."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import DataError

pl = pytest.importorskip("polars")

from goalrules.scale.batch import decide_channels_table  # noqa: E402


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_book_files_column_names_are_read_without_case(tmp_path: Path, suffix: str) -> None:
    """A book whose header says "Spend" (or "Followers", "Account"): the book path read it
    as no spend at all ("no spend recorded: the decision ignores cost", facebook REDUCE)
    where the account's own file reads its spend (facebook CUT, its leads 100 USD each)."""
    rows = [
        {"Account": account, "Channel": ch, "Month": f"2026-0{m}", "Visits": v, "Leads": leads,
         " Spend ": float(spend)}
        for ch, v, leads, spend in (("linkedin", 1000, 30, 900), ("facebook", 3000, 20, 2000),
                                    ("instagram", 2000, 40, 100))
        for m in range(1, 7)
        for account in ("a", "b")
    ]  # fmt: skip
    book = tmp_path / f"book.{suffix}"
    frame = pl.DataFrame(rows)
    if suffix == "csv":  # the file once read as spending nothing: only " Spend " not lower
        frame = frame.rename({c: c.lower() for c in frame.columns if c != " Spend "})
    frame.write_csv(book) if suffix == "csv" else frame.write_parquet(book)
    out = io.StringIO()
    assert main(["channels", str(book), "--format", "json"], out=out) == 0
    facebook = next(d for d in json.loads(out.getvalue()) if d["channel"] == "facebook")
    assert (facebook["decision"], facebook["rule"]) == ("cut", "cut.costly-below")
    one = gr.decide_channels([{k.strip().lower(): v for k, v in r.items() if k != "Account"}
                              for r in rows if r["Account"] == "a"])  # fmt: skip
    assert facebook["reasons"] == list(next(d for d in one if d.channel == "facebook").reasons)


def test_two_columns_one_name_without_case_are_an_error() -> None:
    table = pl.DataFrame({"account": ["a"], "channel": ["x"], "month": ["2026-01"],
                          "visits": [10], "leads": [1], "spend": [5.0], "Spend": [7.0]})  # fmt: skip
    with pytest.raises(DataError, match="columns 'spend' and 'Spend' are both 'spend'"):
        decide_channels_table(table)


def test_a_book_on_the_command_line_leaves_out_the_month_under_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --today, one account's file is judged on the months over by today (the
    month under way would read as a fall) and a book was judged on every month: "18,500
    visits ... over 7 months", its partial month in its totals, shares and trends, where
    the account's own file read "18,000 visits ... over 6 months"."""
    import datetime as dt

    from goalrules.dates import add_months

    this_month = dt.date.today().replace(day=1)
    months = [add_months(this_month, -k) for k in range(6, -1, -1)]
    lines = ["account,channel,month,visits,leads"]
    for account in ("north", "south"):
        for channel, visits, leads in (("linkedin", 1000, 30), ("facebook", 3000, 60)):
            for m in months:
                part = 6 if m == this_month else 1  # the month under way: a few days
                lines.append(f"{account},{channel},{m:%Y-%m},{visits // part},{leads // part}")
    book = tmp_path / "book.csv"
    book.write_text("\n".join(lines) + "\n", encoding="utf-8")
    own = tmp_path / "north.csv"
    own.write_text("\n".join(line.split(",", 1)[1] for line in lines
                             if line.startswith(("account", "north"))) + "\n")  # fmt: skip
    out = io.StringIO()
    assert main(["channels", str(book), "--format", "json"], out=out) == 0
    assert f"the rows of {this_month:%Y-%m} are left out" in capsys.readouterr().err
    books = {d["channel"]: d["reasons"] for d in json.loads(out.getvalue())
             if d["account"] == "north"}  # fmt: skip
    out = io.StringIO()
    assert main(["channels", str(own), "--format", "json"], out=out) == 0
    rows = json.loads(out.getvalue())
    assert books == {d["channel"]: d["reasons"] for d in rows}
    assert any("over 6 months" in r for r in books["facebook"])
