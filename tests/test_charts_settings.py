"""The charts of the HTML reports are drawn with matplotlib's own settings, whatever a
``matplotlibrc`` says: the user's, or one planted in the current folder. Before, a
``matplotlibrc`` with ``text.usetex: True`` (common among people who write papers)
made ``goalrules demo --format html`` end in a 115-line traceback where LaTeX is not
installed, and one with ``date.epoch: 0000-12-31T00:00:00`` (matplotlib's epoch before
3.3, which its changelog offered to keep old plots) labelled the demo's months "Jan 55"
and "Sep 57" instead of 2025 and 2027."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main

matplotlib = pytest.importorskip("matplotlib")

SRC = str(Path(gr.__file__).resolve().parents[1])


def _page(*argv: str) -> str:
    out = io.StringIO()
    assert main([*argv, "--format", "html"], out=out) == 0
    return out.getvalue()


def test_a_users_matplotlib_settings_change_no_chart(tmp_path: Path) -> None:
    history = str(gr.demo_paths()["history"])
    plain = [_page("demo", "--today", "2026-01-10"), _page("backtest", history)]
    styled = {"text.usetex": True, "lines.linewidth": 7.0, "axes.facecolor": "black",
              "font.size": 20.0, "svg.fonttype": "none"}  # fmt: skip
    with matplotlib.rc_context(styled):
        pages = [_page("demo", "--today", "2026-01-10"), _page("backtest", history)]
        assert matplotlib.rcParams["lines.linewidth"] == 7.0  # the caller's, afterwards
    assert pages == plain
    assert "<svg" in pages[0] and "<svg" in pages[1]


def test_a_matplotlibrc_planted_in_the_current_folder_changes_nothing(tmp_path: Path) -> None:
    """Nor is its backend module (importable from the current folder) ever run."""
    (tmp_path / "matplotlibrc").write_text(
        "date.epoch: 0000-12-31T00:00:00\ntext.usetex: True\nbackend: module://planted\n"
    )
    (tmp_path / "planted.py").write_text(
        "import pathlib\npathlib.Path('RAN').write_text('planted code ran')\n"
    )
    env = {**os.environ, "PYTHONPATH": SRC, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    env.pop("MPLBACKEND", None)
    argv = [sys.executable, "-m", "goalrules.cli", "demo", "--today", "2026-01-10",
            "--format", "html"]  # fmt: skip
    proc = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert not (tmp_path / "RAN").exists()
    months = re.findall(r"<!-- ([A-Z][a-z]{2}) (\d+) -->", proc.stdout)
    assert months, "the goal charts label their months"
    assert {int(year) for _, year in months} <= set(range(2023, 2028))


def test_a_report_is_the_same_bytes_on_every_run() -> None:
    """matplotlib named each drawing's paths and clips at random (a new salt a run), so
    two runs of one report differed in every chart; an id is now of its content alone
    (two charts share one only for the same marker or clip, which is the same
    definition)."""
    history = str(gr.demo_paths()["history"])
    for argv in (("demo", "--today", "2026-01-10"), ("backtest", history)):
        first = _page(*argv)
        assert "<svg" in first and _page(*argv) == first
        defined: dict[str, str] = {}
        for oid, body in re.findall(r'<clipPath id="([^"]+)">(.*?)</clipPath>', first, re.S):
            assert defined.setdefault(oid, body) == body
