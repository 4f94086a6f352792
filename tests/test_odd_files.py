"""A file that is not what it seems is named for what it is: a link in a loop is a loop
(not "no such file"), and a large file of NUL bytes is no text (not "empty")."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from goalrules.cli import main


def _error(argv: list[str], capsys: Any) -> str:
    assert main(argv, out=io.StringIO()) == 2
    err: str = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


@pytest.mark.parametrize("command", [["check"], ["import"], ["channels"], ["rules", "check"]])
def test_a_link_in_a_loop_is_named_a_loop(tmp_path: Path, capsys: Any, command: list[str]) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    os.symlink(b, a)
    os.symlink(a, b)
    err = _error([*command, str(a)], capsys)
    assert "symbolic links" in err and "no such file" not in err


def test_a_link_to_nothing_is_no_such_file(tmp_path: Path, capsys: Any) -> None:
    link = tmp_path / "workspace.toml"
    os.symlink(tmp_path / "moved.toml", link)
    assert "no such file" in _error(["check", str(link)], capsys)


def test_a_file_of_nul_bytes_is_no_text_not_empty(tmp_path: Path, capsys: Any) -> None:
    blank = tmp_path / "export.csv"
    with open(blank, "wb") as fh:
        fh.truncate(1 << 20)  # sparse: a megabyte of NUL bytes
    err = _error(["import", str(blank)], capsys)
    assert "holds no text: its 1,048,576 bytes" in err and "empty" not in err
    (tmp_path / "none.csv").write_bytes(b"")
    assert "the file is empty" in _error(["import", str(tmp_path / "none.csv")], capsys)


@pytest.mark.parametrize("command", [["import"], ["channels"], ["check", "--history"]])
def test_a_row_wider_than_a_spreadsheet_is_a_limit(
    tmp_path: Path, capsys: Any, command: list[str]
) -> None:
    """200,000 columns in 1 MB of text: named at once, not matched against every preset
    cell by cell (half a minute and 700 MB before)."""
    from goalrules.io.files import MAX_COLUMNS

    wide = tmp_path / "wide.csv"
    n = MAX_COLUMNS + 1
    wide.write_text(",".join(f"c{i}" for i in range(n)) + "\n" + ",".join("1" * n) + "\n")
    argv = [*command, str(wide)]
    if command[0] == "check":
        ws = tmp_path / "w.toml"
        ws.write_text('[workspace]\nname = "x"\n[[goal]]\nid = "a"\n')
        argv.append(str(ws))
    err = _error(argv, capsys)
    assert f"wide.csv:1: a row of {n:,} cells: more columns than a spreadsheet holds" in err


def test_records_wider_than_a_spreadsheet_are_a_limit() -> None:
    from goalrules.errors import LimitError
    from goalrules.io.exports.raw import records_sheet
    from goalrules.io.files import MAX_COLUMNS

    with pytest.raises(LimitError, match="more columns than a spreadsheet holds"):
        records_sheet([{f"c{i}": 1 for i in range(MAX_COLUMNS + 1)}], source="api.json")
    assert len(records_sheet([{f"c{i}": 1 for i in range(MAX_COLUMNS)}], source="x").rows) == 2


@pytest.mark.parametrize("end", ["", "\n"])
def test_a_line_longer_than_any_row_is_a_limit(tmp_path: Path, capsys: Any, end: str) -> None:
    """A file of one endless line is named at its line once it passes the limit, read
    in one pass (a line of 200 MB was searched and copied again with each 64 kB read:
    it had not finished in two minutes)."""
    from goalrules.io.exports.raw import LINE_LIMIT

    big = tmp_path / "export.csv"
    with open(big, "w") as fh:
        fh.write("date,channel,metric,value\n2026-01-31,linkedin,followers,1")
        fh.write("0" * LINE_LIMIT + end)
    err = _error(["import", str(big)], capsys)
    assert f"export.csv:2: a line longer than {LINE_LIMIT:,} characters" in err


def test_lines_split_across_reads_are_read_whole(tmp_path: Path) -> None:
    """Lines longer than one read, and lines that end exactly where a read does, come out
    as they are in the file."""
    from goalrules.io.exports.raw import CHUNK, _Text

    lines = ["a" * (CHUNK - 1) + "\n", "b" * (3 * CHUNK + 5) + "\n", "c\n", "d" * CHUNK]
    path = tmp_path / "lines.csv"
    path.write_text("".join(lines))
    assert list(_Text(path, "utf-8").lines()) == lines


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--output", "/dev/full"],
        ["demo", "--format", "markdown", "--output", "/dev/full"],
        ["demo", "--format", "html", "--output", "/dev/full"],
    ],
)
def test_a_full_disk_names_the_file_written(argv: list[str], capsys: Any) -> None:
    """'goalrules: error: No space left on device' named no file."""
    assert "error: /dev/full: No space left on device" in _error(argv, capsys)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_names_the_check_written(tmp_path: Path, capsys: Any) -> None:
    import goalrules as gr

    gr.init_workspace(tmp_path / "ws", today=gr.parse_date("2026-01-10"))
    for fmt in ("text", "json", "csv", "markdown"):
        argv = ["check", str(tmp_path / "ws"), "--format", fmt, "--output", "/dev/full", "-q"]
        assert "error: /dev/full: No space left on device" in _error(argv, capsys)
