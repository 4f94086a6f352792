"""Results in notebooks: `_repr_html_` with outcome badges, `to_frame()`, and the
notebook-style docs page built from executed cells."""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import sys
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.check import run_check

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 1, 10)


@pytest.fixture(scope="module")
def result() -> object:
    p = gr.demo_paths()
    return run_check(p["workspace"], history=p["history"], performance=p["performance"],
                     today=TODAY)  # fmt: skip


def test_reports_show_as_tables_with_badges(result: object) -> None:
    smart = result.goals[2].smart  # type: ignore[attr-defined]
    page = smart._repr_html_()
    assert "<table" in page and "SMART" in page and "background:#" in page
    assert smart.report._repr_html_().count("<tr>") == 1 + sum(
        1 for f in smart.report.findings if f.outcome.value != "skipped"
    )
    assert "achievability" in smart.achievability._repr_html_()
    decision = result.channels[0]  # type: ignore[attr-defined]
    assert html.escape(decision.channel) in decision._repr_html_()


def test_text_is_escaped() -> None:
    rules = gr.load_rules('rule r check 1 > 2 says "<b>bold</b> & more"')
    page = rules.evaluate()._repr_html_()
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in page


def test_frames(result: object) -> None:
    pytest.importorskip("pandas")
    smart = result.goals[2].smart  # type: ignore[attr-defined]
    assert list(smart.to_frame()["criterion"]) == list(smart.criteria)
    assert set(smart.report.to_frame().columns) == {"rule", "outcome", "criterion", "decision",
                                                   "message"}  # fmt: skip
    decisions = gr.decide_channels(gr.load_performance(gr.demo_paths()["performance"]))
    frame = decisions.to_frame()
    assert list(frame["channel"]) == [d.channel for d in decisions]
    assert "<table" in decisions._repr_html_()
    pl = pytest.importorskip("polars")
    assert isinstance(decisions.to_frame("polars"), pl.DataFrame)


def test_the_notebook_page_is_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_notebook_page.py"),
                           "--check"], capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
