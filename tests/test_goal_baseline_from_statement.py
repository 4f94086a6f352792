"""A level a statement starts from is the goal's baseline, and one the history does not
show is said.

- "Grow our followers from 1,000 by 25%" set the 1,000 aside ("a second number is not
  judged"), so +25 % was counted from whatever the history showed.
- In a workspace, a statement's baseline was dropped even where the reader found it
  ("from 900 to 1,300"): a goal read from its words lost the level it named.
- A baseline given beside a history that shows another level at the start (1,000 against
  1,221 followers) passed unsaid: the text showed the history's 1,221 and a target of
  1,250, counted from the 1,000 no line named.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 12, 5)


@settings(max_examples=40, deadline=None)
@given(st.integers(100, 900_000), st.integers(1, 300))
def test_from_a_level_by_a_change_starts_from_that_level(level: int, percent: int) -> None:
    text = f"Grow our LinkedIn followers from {level:,} by {percent}% within six months"
    goal = gr.read_statement(text, start=START).goal
    assert goal.baseline is not None and goal.baseline.magnitude == level
    assert goal.target is not None and str(goal.target) == f"+{percent}%"


@pytest.mark.parametrize(
    ("text", "baseline", "target"),
    [
        ("Grow LinkedIn followers from 1,000 by 500 by June 2027", "1000 follower", "+500 follower"),
        ("Cut CPL from $40 by 20% by June 2027", "40 USD / lead", "-20%"),
        ("Αύξηση των ακολούθων στο LinkedIn από 1.000 κατά 25% μέσα σε έξι μήνες",
         "1000 follower", "+25%"),
        ("Tingkatkan pengikut LinkedIn daripada 1,000 sebanyak 25% dalam tempoh enam bulan",
         "1000 follower", "+25%"),
        ("زيادة متابعي لينكدإن من 1,000 بنسبة 25% خلال ستة أشهر", "1000 follower", "+25%"),
    ],
)  # fmt: skip
def test_from_a_level_in_words_and_languages(text: str, baseline: str, target: str) -> None:
    goal = gr.read_statement(text, start=START).goal
    assert str(goal.baseline) == baseline and str(goal.target) == target


@pytest.mark.parametrize(
    ("text", "baseline"),
    [
        ("Grow leads from 40 a month by 25% by June 2027", "40 lead / month"),
        ("Increase monthly visits from 3,000 by 50% within six months", "3000 visit / month"),
        ("Grow revenue from €20,000 a month by 10% in 2027", "20000 EUR / month"),
    ],
)
def test_a_flow_level_keeps_its_period(text: str, baseline: str) -> None:
    """A flow's level read "from 40 a month by 25%" as 40 leads, its month dropped."""
    assert str(gr.read_statement(text, start=START).goal.baseline) == baseline


def test_another_count_after_from_is_no_baseline() -> None:
    goal = gr.read_statement("Get 500 leads from 3 campaigns by June 2027", start=START).goal
    assert goal.baseline is None and str(goal.target) == "500 lead"


WORKSPACE = """\
[workspace]
name = "B"
today = 2026-12-05
[[goal]]
id = "by-change"
statement = "Grow our LinkedIn followers from 1,000 by 25% within six months"
[[goal]]
id = "to-level"
statement = "Grow our LinkedIn followers from 900 to 1,300 within six months"
[[goal]]
id = "given"
statement = "Grow our LinkedIn followers by 25% within six months"
baseline = "1,000 followers"
[[goal]]
id = "as-history"
statement = "Grow our LinkedIn followers by 25% within six months"
baseline = "1,200 followers"
"""

HISTORY = [
    (dt.date(2026, m, 28), v)
    for m, v in zip(range(6, 12), (1000, 1041, 1083, 1127, 1173, 1221), strict=True)
]


@pytest.fixture
def judged(tmp_path: Path) -> dict[str, gr.Achievability]:
    (tmp_path / "w.toml").write_text(WORKSPACE, encoding="utf-8")
    ws = gr.load_workspace(tmp_path / "w.toml")
    return {g.id: gr.assess_achievability(g, HISTORY, today=START) for g in ws.goals}


def test_a_workspace_statement_keeps_its_level(judged: dict[str, gr.Achievability]) -> None:
    assert judged["by-change"].target_value == pytest.approx(1250)
    assert judged["to-level"].baseline_value == pytest.approx(900)


def test_a_baseline_the_history_does_not_show_is_said(judged: dict[str, gr.Achievability]) -> None:
    for key in ("by-change", "to-level", "given"):
        text = judged[key].explanation
        assert "is not the history's level at the start" in text
        assert "1,221 followers on 2026-11-28" in text
    assert "counted from the baseline given" in judged["given"].explanation
    assert "counted from" not in judged["to-level"].explanation.split("history.")[1]
    # within a tenth of the history's level: nothing to say
    assert "baseline given" not in judged["as-history"].explanation
