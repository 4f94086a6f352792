"""Data files are read as streams: rows one at a time, progress as bytes or rows."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import demo_paths, run_check
from goalrules.io import iter_sessions, load_sessions, read_rows, scan_table


def sessions_csv(path: Path, n: int) -> Path:
    sources = ["linkedin", "fb", "x", "instagram"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "landing_url", "lead", "customer"])
        for i in range(n):
            url = f"https://campfire.example/p?utm_source={sources[i % 4]}&utm_campaign=c{i % 3}"
            w.writerow([f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", url, i % 7 == 0, i % 31 == 0])
    return path


def recorder(calls: list[tuple[str, int, int]]) -> Callable[[str, int, int], None]:
    def record(stage: str, done: int, total: int) -> None:
        calls.append((stage, done, total))

    return record


def test_sessions_stream_with_progress_in_bytes(tmp_path: Path) -> None:
    path = sessions_csv(tmp_path / "sessions.csv", 40_000)  # about 3 MB
    size = path.stat().st_size
    calls: list[tuple[str, int, int]] = []
    rows = iter_sessions(path, progress=lambda *a: calls.append(a))
    first = next(rows)
    # a stream: the first row arrives before the file has been read through
    assert first["date"] == "2026-01-01" and not any(done == size for _, done, _ in calls)
    streamed = gr.attribute_sessions([first, *rows])
    assert streamed == gr.attribute_sessions(load_sessions(path))
    assert sum(r.visits for r in streamed) == 40_000
    assert {stage for stage, _, _ in calls} == {"sessions.csv"}
    done = [d for _, d, _ in calls]
    assert done == sorted(done) and len(done) >= 3 and done[-1] == size
    assert all(total == size for _, _, total in calls)


def test_check_reports_progress_while_reading(tmp_path: Path) -> None:
    paths = demo_paths()
    calls: list[tuple[str, int, int]] = []
    result = run_check(
        paths["workspace"],
        history=paths["history"],
        performance=paths["performance"],
        progress=lambda *a: calls.append(a),
    )
    stages = [stage for stage, _, _ in calls]
    assert {"history.csv", "performance.csv", "goals"} <= set(stages)
    for stage in ("history.csv", "performance.csv"):
        last = [(d, t) for s, d, t in calls if s == stage][-1]
        assert last[0] == last[1] == paths[stage.split(".")[0]].stat().st_size
    assert result.goals and result.channels


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=8),
            min_size=3, max_size=3,
        ),
        max_size=12,
    )
)  # fmt: skip
def test_streamed_rows_equal_the_csv_module(tmp_path_factory: pytest.TempPathFactory,
                                            cells: list[list[str]]) -> None:  # fmt: skip
    """Quotes, commas, line breaks inside cells and non-ASCII text read as the csv module
    reads the whole text (cells stripped, header lower-cased)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Date", " Channel ", "value"])
    w.writerows(cells)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    expected = [
        (r.line_num, {k.strip().lower(): (v or "").strip() for k, v in row.items()})
        for r in [csv.DictReader(io.StringIO(buf.getvalue()))]
        for row in r
    ]
    got = [(line, row) for line, row in read_rows(path, ("date", "channel"))]
    assert [row for _, row in got] == [row for _, row in expected]
    assert [line for line, _ in got] == sorted(line for line, _ in got)


def test_bad_streams_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "h.csv"
    bad.write_bytes(b"date,metric,value\n2026-01-31,followers,10\n2026-02-28,followers,\xff1\n")
    with pytest.raises(gr.WorkspaceError) as info:
        gr.load_history(bad)
    assert info.value.line == 3 and "UTF-8" in str(info.value) and "h.csv" in str(info.value)
    extra = tmp_path / "p.csv"
    extra.write_text("month,channel,visits,leads,customers\n2026-01,fb,1,1,1,9\n")
    with pytest.raises(gr.DataError, match="more cells") as info2:
        gr.load_performance(extra)
    assert info2.value.line == 2
    huge = tmp_path / "huge.csv"
    huge.write_text(
        'date,metric,value\n2026-01-31,followers,10\n2026-02-28,"' + "x" * 200_000 + '",1\n'
    )
    with pytest.raises(gr.DataError, match="not readable as CSV: field larger") as info3:
        gr.load_history(huge)
    assert info3.value.line == 3
    empty = tmp_path / "e.csv"
    empty.write_text("  \n")
    with pytest.raises(gr.WorkspaceError, match="empty"):
        list(read_rows(empty))
    with pytest.raises(gr.WorkspaceError, match="no such file"):
        list(read_rows(tmp_path / "nope.csv"))


def test_parquet_and_scan_table_progress_in_rows(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    import datetime as dt

    n = 300_000
    frame = pl.DataFrame({
        "account": [f"a{i // 50}" for i in range(n)],
        "channel": ["linkedin"] * n,
        "month": [dt.date(2026, 1 + i % 12, 1) for i in range(n)],
        "visits": list(range(n)),
        "leads": [i % 9 for i in range(n)],
        "customers": [i % 2 for i in range(n)],
    })  # fmt: skip
    for name in ("book.parquet", "book.csv"):
        path = tmp_path / name
        frame.write_parquet(path) if name.endswith("parquet") else frame.write_csv(path)
        calls: list[tuple[str, int, int]] = []
        read = scan_table(path, progress=recorder(calls))
        assert read.equals(scan_table(path)) and read.height == n
        assert calls[-1] == (name, n, n) and len(calls) >= 2
        assert all(done <= total for _, done, total in calls)
    rows_calls: list[tuple[str, int, int]] = []
    rows = list(read_rows(tmp_path / "book.parquet", progress=lambda *a: rows_calls.append(a)))
    assert len(rows) == n and rows[-1][0] == n and rows_calls[-1] == ("book.parquet", n, n)


def test_cli_progress_bar_only_on_a_terminal_after_half_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from goalrules import cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    clock = iter([0.0, 0.1, 0.7, 0.9, 1.0])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    show = cli._progress()
    assert show is not None
    show("history.csv", 10, 100)  # t=0: too early to draw
    show("history.csv", 20, 100)  # t=0.1
    assert err.getvalue() == ""
    show("history.csv", 50, 100)  # t=0.7: drawn from now on
    show("history.csv", 100, 100)
    out = err.getvalue()
    assert "history.csv" in out and " 50 %" in out and out.endswith("100 %\n")
    show("goals", 5, 5)  # a stage that ends before half a second prints nothing
    assert err.getvalue() == out
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cli._progress() is None


def test_performance_of_several_accounts_is_not_merged(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("account,month,channel,visits,leads,customers\na,2026-01,fb,100,3,1\n"
                   "a,2026-02,fb,120,4,1\n")  # fmt: skip
    assert len(gr.load_performance(one)) == 2
    two = tmp_path / "two.csv"
    two.write_text(one.read_text() + "b,2026-02,fb,90,1,0\n")
    with pytest.raises(gr.DataError, match="more than one account") as info:
        gr.load_performance(two)
    assert info.value.line == 4 and info.value.field == "account"


@pytest.mark.parametrize(
    ("name", "text", "loader", "expected"),
    [
        ("h.csv", "date,metric,value\n2026-13-45,followers,10\n", gr.load_history,
         "h.csv:2: date: '2026-13-45' is not a valid date"),
        ("p.csv", "month,channel,visits,leads,customers\n2026-01,fb,many,1,0\n",
         gr.load_performance, "p.csv:2: visits: 'many' is not a number"),
        ("p.csv", "month,channel,visits,leads,customers\n,fb,1,1,0\n", gr.load_performance,
         "p.csv:2: month: cannot read a date from ''"),
        ("s.csv", "date;metric;value\n2026-01-31;followers;10\n", gr.load_history,
         "the columns seem separated by ';'"),
    ],
)  # fmt: skip
def test_a_bad_cell_names_file_line_and_column_once(
    tmp_path: Path, name: str, text: str, loader: Callable[[Path], object], expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(gr.GoalRulesError) as info:
        loader(path)
    message = str(info.value).splitlines()[0]
    assert expected in message
    field = info.value.field
    assert field is None or f"{field}: {field}:" not in message
