"""A review after a goal's deadline, with a history that ends before it: the trend said
"P 88 %, on the path, 42 % of the way" and nothing of the deadline, as if the goal were
under way; it now says the deadline has passed and that whether it was met is not known
(no flag says it was missed: the history does not show the value by then)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.report.review import render_review

D = dt.date


@settings(max_examples=6, deadline=None)
@given(after=st.integers(min_value=1, max_value=400))
def test_a_deadline_passed_beyond_the_history_is_said(tmp_path_factory: object, after: int) -> None:
    tmp = tmp_path_factory.mktemp("d")  # type: ignore[attr-defined]
    ws = tmp / "ws.toml"
    ws.write_text(
        '[workspace]\nname = "t"\n\n[[goal]]\nid = "li"\nmetric = "followers"\n'
        'channel = "linkedin"\ntarget = "1,500 followers"\nstart = 2026-01-01\n'
        "deadline = 2026-09-30\n"
    )
    history = tmp / "h.csv"
    history.write_text(
        "date,channel,metric,value\n"
        + "".join(f"2026-{m:02d}-28,linkedin,followers,{1000 + 40 * m}\n" for m in range(1, 7))
    )
    day = D(2026, 9, 30) + dt.timedelta(days=after)
    result = gr.review(ws, history, store=":memory:", today=day, keep=False)
    said = "its deadline, 2026-09-30, has passed: the history does not reach it"
    assert said in result.goals[0].trend()
    assert "expired" not in {f.name for f in result.goals[0].flags}
    assert said in render_review(result, "markdown")
    before = gr.review(ws, history, store=":memory:", today=D(2026, 9, 30), keep=False)
    assert "has passed" not in before.goals[0].trend()
