"""One set of channel decisions, the same numbers in every format. The HTML table once
wrote a lead rate and its interval at one decimal whatever the text said: the demo's
Instagram, "credibly below the portfolio's 1.34 %" with an interval of 0.93 %-1.26 % in
the text, read "1.1 % (0.9 %-1.3 %)" in the HTML, an interval that seems to reach the
portfolio's 1.3 % it is credibly below; and neither the HTML nor the markdown said what
the portfolio's rate is that every "vs 1.3 %" of their reasons compares with."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.judgments.channel_text import portfolio_line
from goalrules.report import render_channels

MONTHS = [f"2025-{m:02d}" for m in range(1, 7)]
NAMES = ("linkedin", "facebook", "instagram", "tiktok")


def _cells(page: str) -> list[str]:
    """The lead-rate cells of an HTML page's channel table, as a reader reads them."""
    found = re.findall(r'<td class="num">([^<]*\(95|[^<]*%[^<]*)</td>', page)
    return [html.unescape(c) for c in found if "(" in c]


def _evidence(decisions: Any) -> list[str]:
    """Each channel's lead-rate evidence in the text's words, as the HTML cell writes
    it: ``1.08 % (0.93 %-1.26 %), credibly below the portfolio's 1.34 %``."""
    out = []
    for d in decisions:
        line = next((r for r in d.reasons if r.startswith("lead rate ")), None)
        if line is not None:
            out.append(line.removeprefix("lead rate ").replace("(95 % CI ", "("))
    return out


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(200, 60_000), st.integers(0, 900)), min_size=4, max_size=4))
def test_the_html_rates_are_the_texts(sizes: list[tuple[int, int]]) -> None:
    rows = [
        {"channel": name, "month": month, "visits": visits + 13 * i,
         "leads": min(leads + i, visits), "customers": 1}
        for name, (visits, leads) in zip(NAMES, sizes, strict=True)
        for i, month in enumerate(MONTHS)
    ]  # fmt: skip
    decisions = gr.decide_channels(rows)
    with mock.patch("goalrules.report.html._channel_charts", return_value=[]):  # (slow)
        page = html.unescape(render_channels(decisions, "html"))
    assert _cells(page) == _evidence(decisions)
    assert portfolio_line(decisions.portfolio) in page
    assert portfolio_line(decisions.portfolio) in render_channels(decisions, "markdown")


def test_the_demo_in_every_format_says_the_portfolio_and_the_same_rates() -> None:
    pages = {}
    for fmt in ("text", "markdown", "html"):
        out = io.StringIO()
        assert main(["demo", "--today", "2026-01-10", "--format", fmt], out=out) == 0
        pages[fmt] = out.getvalue()
    paths = gr.demo_paths()
    result = gr.run_check(paths["workspace"], history=paths["history"],
                          performance=paths["performance"], today=dt.date(2026, 1, 10))  # fmt: skip
    line = portfolio_line(result.channels.portfolio)
    assert line in " ".join(pages["text"].split())
    assert line in pages["markdown"]
    assert line in html.unescape(pages["html"])
    instagram = "1.08 % (0.93 %-1.26 %), credibly below the portfolio's 1.34 %"
    assert instagram in _cells(pages["html"])
    assert "1.1 % (0.9 %-1.3 %)" not in pages["html"]


def test_the_channels_page_is_as_of_the_date_judged(tmp_path: Any) -> None:
    """``goalrules channels ... --today 2026-01-10 --format html`` once headed its page
    "As of" the real date, not the date the channels were judged as of; so did a book."""
    performance = str(gr.demo_paths()["performance"])
    out = io.StringIO()
    assert main(["channels", performance, "--today", "2026-01-10", "--format", "html"],
                out=out) == 0  # fmt: skip
    assert "As of 2026-01-10." in out.getvalue()
    pytest.importorskip("polars")
    book = tmp_path / "book.csv"
    lines = Path(performance).read_text().splitlines()
    book.write_text("\n".join(["account," + lines[0]] + [f"acme,{x}" for x in lines[1:]]) + "\n")
    out = io.StringIO()
    assert main(["channels", str(book), "--today", "2026-01-10", "--format", "html"],
                out=out) == 0  # fmt: skip
    assert "As of 2026-01-10." in out.getvalue()


def _book_pages(tmp_path: Path, rows: list[dict[str, Any]]) -> tuple[str, list[Any]]:
    """The HTML page of a book (``goalrules channels BOOK.csv --format html``) and its
    decisions, as the text words them."""
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import book_decisions, decide_channels_table

    path = tmp_path / "book.csv"
    pl.DataFrame(rows).write_csv(path)
    out = io.StringIO()
    assert main(["channels", str(path), "--today", "2026-12-01", "--format", "html"],
                out=out) == 0  # fmt: skip
    decided = decide_channels_table(pl.read_csv(path, try_parse_dates=True))
    return html.unescape(out.getvalue()), [d for _, d in book_decisions(decided)]


def test_a_books_html_writes_the_rates_and_reasons_the_text_writes(tmp_path: Path) -> None:
    """A book's HTML page wrote each lead rate at one decimal whatever the text said:
    a rate of 3.04 % (95 % CI 2.997 %-3.084 %) read "3 % (3 %-3.1 %)", its bound the
    same as its rate; and its "why" left out the first reason, the deciding rule's
    message ("Converts credibly below the portfolio: ... Reduce the effort"), giving the
    evidence alone. It writes the text's rates (one account's page does) and every
    reason now, as the book's markdown does."""
    rows = [
        {"account": account, "channel": name, "month": f"2026-{m:02d}", "visits": 100_000,
         "leads": leads + m % 2, "customers": 30}
        for account in ("acme", "beta")
        for name, leads in (("linkedin", 2960), ("facebook", 3040), ("instagram", 3100))
        for m in range(1, 7)
    ]  # fmt: skip
    page, decisions = _book_pages(tmp_path, rows)
    assert _cells(page) == _evidence(decisions)
    assert "3 % (3 %-3.1 %)" not in page
    for d in decisions:
        assert "; ".join(d.reasons) in page


def test_one_accounts_markdown_and_html_say_what_the_data_leaves_unknown() -> None:
    """X stopped two months before the other channels, and it converts credibly above
    them: the text says "Converts credibly above the portfolio" with the note "no rows
    after 2026-04 ... its 2 months since are unknown (not 0)". The markdown and HTML
    summaries gave the decision's first reason alone, "Converts credibly above the
    portfolio ... keep", with no word of the months it has no rows for. They carry its
    data-quality notes now."""
    rows = [
        {"channel": name, "month": f"2026-{m:02d}", "visits": visits, "leads": leads}
        for name, visits, leads, last in (("linkedin", 2000, 40, 6), ("facebook", 3000, 45, 6),
                                          ("x", 1500, 60, 4))
        for m in range(1, last + 1)
    ]  # fmt: skip
    decisions = gr.decide_channels(rows)
    x = next(d for d in decisions if d.channel == "x")
    assert x.rule == "keep.converts-above"
    stopped = next(q for q in x.evidence.quality if q.startswith("no rows after 2026-04"))
    with mock.patch("goalrules.report.html._channel_charts", return_value=[]):  # (slow)
        page = html.unescape(render_channels(decisions, "html"))
    markdown = render_channels(decisions, "markdown")
    for out in (page, markdown):
        row = next(line for line in out.splitlines() if x.why in line)
        assert stopped in row
    for d in decisions:  # a channel of every month: its summary as it was
        if not d.evidence.quality:
            assert f"| {d.channel} | **{d.decision.value}** | {d.why} |" in markdown
