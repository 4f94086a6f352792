"""One review, the same numbers in every format: the chance, the share of the way and of
the time, the pace and the flags that the text's trend line gives are the markdown
table's and the HTML table's, and the JSON's verdict, pace and flags are theirs (by
their names, which the other formats say in words)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.numbers import words
from goalrules.report.review import render_review
from goalrules.reviews.alerts import flag_words

D = dt.date
WS = """[workspace]
name = "agree"

[[goal]]
id = "fol"
statement = "Reach {target} LinkedIn followers by {deadline}"
metric = "followers"
channel = "linkedin"
target = "{target} followers"
start = 2026-01-01
deadline = {deadline}

[[goal]]
id = "bounce"
statement = "Cut the bounce rate to {bounce}% by {deadline}"
metric = "bounce_rate"
channel = "facebook"
target = "{bounce} %"
start = 2026-01-01
deadline = {deadline}
"""


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _html_rows(page: str) -> dict[str, list[str]]:
    table = page.split("<table>", 1)[1].split("</table>", 1)[0]
    out = {}
    for row in re.findall(r"<tr><td>(.*?)</tr>", table, flags=re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                 for c in re.split(r"</td>\s*<td[^>]*>", row)]  # fmt: skip
        out[cells[0]] = cells
    return out


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.floats(0.0, 0.08), min_size=8, max_size=14),
    st.integers(1500, 4000),
    st.integers(30, 50),
    st.sampled_from(["2026-06-30", "2026-12-31"]),
    st.sampled_from([D(2026, 2, 10), D(2026, 4, 10), D(2026, 8, 10)]),
)
def test_every_format_shows_the_same_numbers(
    tmp_path: Path, growth: list[float], target: int, bounce: int, deadline: str, day: D
) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS.format(target=target, bounce=bounce, deadline=deadline))
    rows = ["date,channel,metric,value,unit"]
    value, rate = 1000.0, 0.6
    for i, g in enumerate(growth):
        when = D(2025 + (5 + i) // 12, (5 + i) % 12 + 1, 28)
        rows.append(f"{when},linkedin,followers,{round(value)},")
        rows.append(f"{when},facebook,bounce_rate,{100 * rate:.1f},percent")
        value *= 1 + g
        rate *= 1 - g / 3
    history = tmp_path / "history.csv"
    history.write_text("\n".join(rows) + "\n")
    store = tmp_path / "g.db"
    store.unlink(missing_ok=True)
    gr.review(ws, history, store=store, today=day - dt.timedelta(days=31))
    result = gr.review(ws, history, store=store, today=day)
    text = render_review(result, "text")
    table = [r for r in render_review(result, "markdown").splitlines() if r.startswith("| ")]
    md = {c[0]: c for c in map(_cells, table[1:])}
    page = _html_rows(render_review(result, "html"))
    data = {g["id"]: g for g in json.loads(render_review(result, "json"))["goals"]}
    for g in result.goals:
        gid, trend = g.goal.id, g.trend()
        assert trend in text
        verdict, p, progress, elapsed, pace, said, flags = md[gid][1:]
        assert said == trend and page[gid][6] == trend
        # the JSON keeps the verdict's name, the others say it ("not enough data")
        assert verdict == (words(g.verdict) if g.verdict else "-") == page[gid][1]
        assert data[gid]["verdict"] == g.verdict
        assert page[gid][2:5] == [p, progress, elapsed]
        assert page[gid][5] == (words(g.pace) if g.pace else "-")
        assert pace == (words(g.pace) if g.pace else "-") and data[gid]["pace"] == g.pace
        if g.probability is not None:  # the trend's chance is the table's
            assert re.search(rf"P (.* -> )?{re.escape(p)}(,|$)", trend), (p, trend)
        if g.progress is not None and not g.met_at_start:
            assert f"{progress} of the way" in trend
        if g.elapsed is not None and g.progress is not None:
            assert f"{elapsed} of the time" in trend
        names = [f["name"] for f in data[gid]["flags"]]
        said_flags = [flag_words(n) or n for n in names]  # "a candidate to reset"
        assert flags == (", ".join(said_flags) or "-")
        assert " ".join(page[gid][7].split()) == " ".join(said_flags)
