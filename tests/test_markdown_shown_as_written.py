"""Text from data in a markdown report is shown as written, not read as markdown: a
goal's statement, a channel's name or a note with ``[x](javascript:...)`` makes no link,
``![](https://...)`` no image fetched when the page is viewed, ``**`` no emphasis,
``&lt;`` no ``<`` and ``<script>`` no tag, in the check's, the channels' and the rules
diff's markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.report import render, render_channels
from goalrules.report.markdown import _md_escape
from goalrules.report.rules_diff import _md

markdown = pytest.importorskip("markdown")

HOSTILE = "[x](javascript:alert(1)) ![](https://evil.example/p.png) **now** `c` ~~d~~ &lt;b&gt;"
# tags a renderer makes of markdown that data must never make
_MADE = re.compile(r"<(a|img|em|strong|code|del|s|script|b)\b")
# the same, but for the report's own bold ("**reduce**")
_MADE_OF_DATA = re.compile(r"<(a|img|em|code|del|s|script|b)\b")


def _html(md: str) -> str:
    return str(markdown.markdown(md, extensions=["tables"]))


def test_a_statement_and_a_channel_make_no_link_image_or_emphasis(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    gr.init_workspace(folder, today=gr.parse_date("2026-01-10"))
    ws = folder / "workspace.toml"
    text = ws.read_text("utf-8").replace(
        "Grow our LinkedIn followers by 25% within six months",
        f"Grow our LinkedIn followers by 25% within six months {HOSTILE}",
    )
    ws.write_text(text, "utf-8")
    perf = folder / "performance.csv"
    perf.write_text(perf.read_text("utf-8").replace("instagram", '"![](https://evil.example/i)"'))
    result = gr.run_check(ws, history=folder / "history.csv", performance=perf)
    md = render(result, "markdown")
    page = _html(md)
    assert not _MADE_OF_DATA.search(page), page
    assert "[x](javascript:alert(1))" in page  # shown, as written
    assert "&amp;lt;b&amp;gt;" in page  # "&lt;" as written, not "<"
    decisions = gr.decide_channels(gr.load_performance(perf))
    assert not _MADE_OF_DATA.search(_html(render_channels(decisions, "markdown")))


@given(st.text(alphabet="[]()!*_`~&<>|\\#:/ xyz\n"))
def test_escaped_text_renders_as_itself(text: str) -> None:
    """Whatever the text, the escaped text in a list item or a table cell makes no tag of
    its own; what is shown is the text (line feeds as spaces)."""
    for shown in (_md_escape(text), _md(text)):
        page = _html(f"- a {shown}\n\n| h |\n|---|\n| {shown} |\n")
        assert not _MADE.search(page), (text, page)


def test_a_reviews_and_a_track_records_markdown_show_data_as_written(tmp_path: Path) -> None:
    import datetime as dt

    from goalrules.report.review import render_review
    from goalrules.report.track import render_track_record
    from goalrules.reviews.track import track_record_of

    folder = tmp_path / "ws"
    gr.init_workspace(folder, today=gr.parse_date("2026-01-10"))
    ws = folder / "workspace.toml"
    text = re.sub(r'(?m)^name = ".*"$', f'name = "Acme {HOSTILE}"', ws.read_text("utf-8"), count=1)
    ws.write_text(text, "utf-8")
    result = gr.review(
        ws, history=folder / "history.csv", store=tmp_path / "goals.db", today=dt.date(2026, 1, 10)
    )
    page = _html(render_review(result, "markdown"))
    assert not _MADE.search(page) and "[x](javascript:alert(1))" in page
    goal = {"deadline": "2025-12-31", "channel": "[n](javascript:alert(1)) <b>x</b>",
            "metric": "followers", "data_to": "2025-12-28"}  # fmt: skip
    rows = [
        {"workspace": "w", "goal_id": "g", "date": dt.date(2025, 3, 10), "probability": 0.4,
         "verdict": "stretch", "progress": 0.5, "goal": goal},
        {"workspace": "w", "goal_id": "g", "date": dt.date(2026, 1, 10), "probability": None,
         "verdict": "achieved", "progress": 1.0, "goal": goal},
    ]  # fmt: skip
    record = track_record_of(rows, dt.date(2026, 3, 1))
    md = render_track_record(record, "markdown")
    assert "javascript" in md
    assert not _MADE_OF_DATA.search(_html(md))
