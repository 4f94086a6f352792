"""Every review format names a verdict and a flag as a reader says them: "not enough
data", "a candidate to reset"; only the JSON keeps the names (``insufficient_data``,
``reset_candidate``) other tools read. Before, the text and markdown printed
"insufficient_data" and "! reset_candidate:", and the HTML's flag badges and its past
reviews' flags "reset_candidate"; and the review's markdown let a goal named
"<script>" be read as HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import goalrules as gr
from goalrules.report.review import render_review

D = dt.date
WORKSPACE = """
[workspace]
name = "words"

[[goal]]
id = "moon"
statement = "Reach 5,000 LinkedIn followers by 2026-09-30"
start = 2026-01-01

[[goal]]
id = "<b>tiktok</b>"
statement = "Reach 900 TikTok followers by 2026-12-31"
start = 2026-01-01
"""
HISTORY = """date,channel,metric,value
2025-12-28,linkedin,followers,1000
2026-01-28,linkedin,followers,1041
2026-02-28,linkedin,followers,1083
2026-03-28,linkedin,followers,1127
2026-04-28,linkedin,followers,1173
2026-05-28,linkedin,followers,1221
2026-04-28,tiktok,followers,500
2026-05-28,tiktok,followers,520
"""


def _visible(page: str) -> str:
    page = re.sub(r"<(style|svg)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_verdicts_and_flags_in_words_in_every_format(tmp_path: Path) -> None:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    history = tmp_path / "history.csv"
    history.write_text(HISTORY)
    store = tmp_path / "g.db"
    for day in (D(2026, 6, 1), D(2026, 6, 15)):
        result = gr.review(ws, history, store=store, today=day)
    moon, few = result.goals
    assert moon.verdict == "unrealistic" and few.verdict == "insufficient_data"
    assert "reset_candidate" in {f.name for f in moon.flags}
    for fmt in ("text", "markdown", "html"):
        shown = render_review(result, fmt)
        shown = _visible(shown) if fmt == "html" else shown
        assert "insufficient_data" not in shown and "reset_candidate" not in shown, fmt
        assert "not enough data" in shown and "a candidate to reset" in shown, fmt
    md = render_review(result, "markdown")
    assert "<b>" not in md and "| &lt;b>tiktok&lt;/b> |" in md
    data = json.loads(render_review(result, "json"))  # the names stay
    assert data["goals"][1]["verdict"] == "insufficient_data"
    assert "reset_candidate" in {f["name"] for f in data["goals"][0]["flags"]}
