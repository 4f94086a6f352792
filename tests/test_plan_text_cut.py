"""The text report's plan table cuts a long tactic id or owners list with "…": "Sam,
Alex, Jor" read as an owner named Jor, and two tactics whose ids share their first 24
letters read as one; "(+12)" beside a date said 12 what: the header now says "next due
(+ more)"."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.report import render_plan
from goalrules.report.text import _cut

WS = """[workspace]
name = "x"
[[goal]]
id = "g"
statement = "Grow our LinkedIn followers by 25% within six months"
start = 2026-01-10
[[tactic]]
id = "weekly-carousel-on-linkedin-for-q1"
goal = "g"
text = "a"
value = 4
complexity = 2
owners = ["Sam", "Alex", "Jordan"]
eta = "every Monday"
[[tactic]]
id = "weekly-carousel-on-linkedin-for-q2"
goal = "g"
text = "b"
value = 3
complexity = 2
owners = ["Sam"]
eta = "2026-02-01"
"""


def test_a_cut_id_or_owner_list_says_it_is_cut(tmp_path: Path) -> None:
    ws = tmp_path / "w.toml"
    ws.write_text(WS)
    plan = gr.run_plan(gr.load_workspace(ws), today=gr.parse_date("2026-01-10"))
    text = render_plan(plan, "text")
    assert "weekly-carousel-on-link… " in text
    assert "Sam, Alex, Jo…" in text and "Sam, Alex, Jor " not in text
    assert "next due (+ more)" in text and "2026-01-12 (+" in text  # twelve more Mondays


@given(st.text(min_size=0, max_size=40), st.integers(min_value=2, max_value=30))
def test_a_cut_text_is_a_prefix_marked_as_cut(text: str, width: int) -> None:
    shown = _cut(text, width)
    assert len(shown) <= width
    assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
