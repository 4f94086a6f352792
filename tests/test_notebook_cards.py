"""A judgment's notebook card shows its numbers as its explanation writes them.

The achievability card listed the JSON's fields as they are: "probability 0.0959" beside
the explanation's "Chance of reaching the target: 9 %", "required_rate 0.040776",
"months_left 10.129032"; a channel's card its evidence's unrounded fractions. Now each
number is the one the explanation and the reports show.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import run_check
from goalrules.dates import add_months

TODAY = dt.date(2026, 1, 10)
RAW_FRACTION = re.compile(r"(?<![\d.,])0\.\d{3,}")  # 0.0959, 0.040776: a JSON number


def _cells(page: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", page)]


def _chance_said(explanation: str) -> str:
    found = re.search(r"Chance of reaching the target: (.+?) \(", explanation)
    assert found is not None, explanation
    return found.group(1)


def test_the_demos_cards_show_what_the_reports_show() -> None:
    p = gr.demo_paths()
    run = run_check(p["workspace"], history=p["history"], performance=p["performance"],
                    today=TODAY)  # fmt: skip
    judged = [g.smart.achievability for g in run.goals if g.smart.achievability is not None]
    assert judged
    for a in judged:
        if a.probability is None:
            continue
        page = a._repr_html_()
        cells = _cells(page)
        assert cells[cells.index("chance") + 1] == _chance_said(a.explanation)
        assert not RAW_FRACTION.search(" ".join(cells)), cells
    for d in run.channels:
        cells = _cells(d._repr_html_())
        shown = [c for i, c in enumerate(cells) if i % 2 == 1]
        assert [f"data quality: {c}" if cells[2 * i] == "data quality" else c
                for i, c in enumerate(shown)] == [
            line for line in d.reasons if line in shown or line.startswith("data quality: ")
        ]  # fmt: skip
        assert not RAW_FRACTION.search(" ".join(cells)), cells


@given(
    st.lists(st.floats(100.0, 1e5, allow_nan=False), min_size=3, max_size=12),
    st.floats(1.01, 3.0),
    st.integers(2, 18),
)
def test_an_achievability_cards_chance_is_its_explanations(
    values: list[float], factor: float, months: int
) -> None:
    start = add_months(dt.date(2025, 12, 1), -len(values) + 1)
    history = [(add_months(start, i), v) for i, v in enumerate(values)]
    goal = gr.Goal("g", metric="followers", target=f"{values[-1] * factor:.0f} followers",
                   start="2026-01-01",
                   deadline=add_months(dt.date(2026, 1, 31), months).isoformat())  # fmt: skip
    a = gr.assess_achievability(goal, history, today=TODAY)
    rows = dict(a.shown_rows())
    if a.probability is None:
        assert "chance" not in rows
    else:
        assert rows["chance"] == _chance_said(a.explanation)
    assert not RAW_FRACTION.search(" ".join(rows.values())), rows
