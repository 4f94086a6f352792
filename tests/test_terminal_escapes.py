"""Text from data is shown as written, never obeyed: a workspace's name, a goal's id, a
channel in an export or a key in an error that holds a terminal's escape codes (or a
line feed) reaches the terminal as ``\\x1b[2J`` and ``\\n``, in every report and
message, and an error stays one line."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.report import render, render_channels
from goalrules.visible import visible

ESC = "\x1b"
# what a report may hold of the control characters: its own line feeds and tabs
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _workspace(folder: Path) -> Path:
    gr.init_workspace(folder, today=gr.parse_date("2026-01-10"))
    ws = folder / "workspace.toml"
    text = ws.read_text("utf-8")
    text = re.sub(
        r'(?m)^name = ".*"$', 'name = "Acme\\\\u001b]0;owned\\\\u0007\\\\u001b[2J"', text, count=1
    )
    text = text.replace('"li-followers"', '"li\\u009b31mfollowers"')
    ws.write_text(text, "utf-8")
    perf = folder / "performance.csv"
    perf.write_text(perf.read_text("utf-8").replace("instagram", '"insta\x1b[8mgram"'), "utf-8")
    return ws


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    status = main(argv, out=out)
    return status, out.getvalue(), capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_a_check_shows_escape_codes_as_written(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path / "ws")
    status, out, err = _run(["check", str(ws), "--format", fmt], capsys)
    assert status == 0
    assert not _HIDDEN.search(out) and not _HIDDEN.search(err)
    if fmt != "json":  # (JSON writes "\u001b", which reads back as the character)
        shown = out.replace("\\[", "[").replace("\\]", "]")  # (markdown's own escapes)
        assert "\\x1b]0;owned\\x07\\x1b[2J" in shown
        assert "li\\x9b31mfollowers" in shown


def test_a_report_written_to_a_file_shows_them_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path / "ws")
    for name in ("r.txt", "r.md", "r.html"):
        assert _run(["check", str(ws), "--output", str(tmp_path / name)], capsys)[0] == 0
        written = (tmp_path / name).read_text("utf-8").replace("\\[", "[")
        assert "\\x1b[2J" in written and not _HIDDEN.search(written)


def test_a_channel_named_with_escape_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path / "ws")
    status, out, err = _run(["channels", str(tmp_path / "ws" / "performance.csv")], capsys)
    assert status == 0 and "insta\\x1b[8mgram" in out
    assert not _HIDDEN.search(out + err)
    decisions = gr.decide_channels(gr.load_performance(tmp_path / "ws" / "performance.csv"))
    assert not _HIDDEN.search(render_channels(decisions))  # the Python API's reports too
    result = gr.run_check(ws, history=tmp_path / "ws" / "history.csv")
    assert not _HIDDEN.search(render(result, "text"))


def test_an_error_naming_a_key_with_a_line_feed_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.toml"
    ws.write_text('[workspace]\nname = "x"\n[[goal]]\nid = "a"\n"bad\\nkey\\u001b[31m" = 1\n')
    status, out, err = _run(["check", str(ws)], capsys)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "bad\\nkey\\x1b[31m" in err and ESC not in err


def test_a_note_quoting_a_cell_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    perf = tmp_path / "p.csv"
    perf.write_text('month,channel,visits,leads\n2026-01,linkedin,10,"x\x1b[31m\n7"\n')
    status, _, err = _run(["channels", str(perf)], capsys)
    assert status == 2 and err.count("\n") == 1 and ESC not in err


@given(st.text())
def test_visible_text_holds_no_control_character(text: str) -> None:
    shown = visible(text)
    assert not any(unicodedata.category(c) == "Cc" for c in shown)
    assert not _HIDDEN.search(shown)
    assert visible(shown) == shown  # showing twice changes nothing
    kept = visible(text, keep="\n\t")
    assert kept.count("\n") == text.count("\n") and kept.count("\t") == text.count("\t")


@given(st.text(st.characters(exclude_categories=("Cc", "Zl", "Zp", "Cf"))))
def test_text_without_controls_is_shown_unchanged(text: str) -> None:
    assert visible(text) == text


def test_each_escape_names_its_character() -> None:
    assert visible("a\x1b[2Jb\rc\u202ed\x85") == "a\\x1b[2Jb\\rc\\u202ed\\x85"


@pytest.mark.parametrize("name", ["li-$\\frac{a}{$-followers", "$x^2$ reach", "$$"])
def test_a_chart_draws_a_dollar_in_a_name_as_written(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """matplotlib reads "$...$" as math: a goal's id or a channel's name is drawn as
    written, and an unbalanced one does not stop the report with a traceback."""
    pytest.importorskip("matplotlib")
    folder = tmp_path / "ws"
    gr.init_workspace(folder, today=gr.parse_date("2026-01-10"))
    ws = folder / "workspace.toml"
    quoted = name.replace("\\", "\\\\")
    ws.write_text(ws.read_text("utf-8").replace('"li-followers"', f'"{quoted}"'), "utf-8")
    perf = folder / "performance.csv"
    perf.write_text(perf.read_text("utf-8").replace("instagram", f'"{name}"'), "utf-8")
    status, out, err = _run(["check", str(ws), "--format", "html"], capsys)
    assert status == 0, err
    assert f"<!-- {name}: " in out  # the chart's title, as matplotlib notes it in the SVG


def test_the_progress_bar_shows_a_files_name_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import time

    from goalrules import cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    clock = iter([0.0, 1.0, 2.0])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    show = cli._progress()
    assert show is not None
    show("\x1b[2Jh.csv", 10, 100)
    show("\x1b[2Jh.csv", 100, 100)
    drawn = err.getvalue()
    assert "\\x1b[2Jh.csv" in drawn and ESC not in drawn
