"""The HTML reports in a real browser: Debian's headless Chromium, driven by Playwright.
Each page renders its title and sections, logs no console error, loads nothing from
the network (every request is the file itself or inline data), and draws its charts
at the page's width (``GOALRULES_SCREENSHOTS=docs/images`` keeps a screenshot of each,
the pictures in docs/cli.md). Skipped, with the reason, where there is no Chromium or no
Playwright (``.ci/run`` installs both)."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
     if p and Path(p).exists()),
    None,
)  # fmt: skip
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (apt-get install chromium)")
SHOTS = os.environ.get("GOALRULES_SCREENSHOTS")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage"]  # fmt: skip


def _write(tmp: Path) -> dict[str, Path]:
    paths = gr.demo_paths()
    ws, hist, perf = (str(paths[k]) for k in ("workspace", "history", "performance"))
    commands = {
        "check": ["demo"],
        "channels": ["channels", perf, "--today", "2026-01-10"],
        "plan": ["plan", ws],
        "review": ["review", ws, "--history", hist, "--store", str(tmp / "g.db")],
        "backtest": ["backtest", hist],
    }
    pages = {}
    for name, argv in commands.items():
        out = tmp / f"{name}.html"
        assert main(["-q", *argv, "--output", str(out)], out=io.StringIO()) == 0
        pages[name] = out
    return pages


def test_every_html_report_renders_offline_without_errors(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    pages = _write(tmp_path)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for name, path in pages.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                errors: list[str] = []
                requests: list[str] = []
                page.on(
                    "console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None
                )
                page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(path.as_uri(), wait_until="load")
                assert errors == [], (name, errors)
                outside = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
                assert outside == [], (name, outside)
                assert page.locator("h1").first.inner_text().strip(), name
                assert page.locator("table").count() > 0, name
                main_width = page.evaluate("document.querySelector('main').clientWidth")
                widths = page.evaluate(
                    "[...document.querySelectorAll('.chart svg, .card.chart svg')]"
                    ".map(s => s.getBoundingClientRect().width)"
                )
                for width in widths:  # charts fill their box, never spill out of the page
                    assert 0 < width <= main_width, (name, width, main_width)
                if name == "plan":
                    assert widths and max(widths) > main_width * 0.6
                if SHOTS:  # GOALRULES_SCREENSHOTS=docs/images: the pictures in the docs
                    Path(SHOTS).mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(Path(SHOTS) / f"report-{name}.jpeg"),
                                    type="jpeg", quality=70)  # fmt: skip
                page.close()
        finally:
            browser.close()
