"""A monthly level exactly at its target ("2,400 leads a year", 200 leads a month, flat
at 200) read "That is past the target of 200 leads a month already, but not in the
deadline's season: keeping it by 2026-12-31 needs growth of 0 % a month", of a model
that found no season. It now says the level is at the target and meets it if it holds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 1, 5)


def flat(level: float, months: int = 12) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2025, 1, 31), i)), level) for i in range(months)]


def test_a_year_target_at_the_monthly_level_is_at_the_target() -> None:
    g = gr.Goal.from_statement("Get 2,400 leads a year by 2026", start=TODAY)
    a = gr.assess_achievability(g, flat(200.0), today=TODAY)
    assert "season" not in a.explanation
    assert "at the target of 200 leads a month already" in a.explanation


@settings(max_examples=25, deadline=None)
@given(level=st.integers(1, 100_000), months=st.integers(3, 14))
def test_no_season_is_said_of_a_history_without_one(level: int, months: int) -> None:
    g = gr.Goal("l", metric="leads", target=f"{level} leads a month", start=TODAY,
                deadline="2026-09-30")  # fmt: skip
    a = gr.assess_achievability(g, flat(float(level), months), today=TODAY)
    if not a.seasonal:
        assert "season" not in a.explanation
