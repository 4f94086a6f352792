"""A verdict's streak counts the goal's reviews before the date, whatever order they
were run in.

A team that missed January's review and ran it in February, after February's ('review
--today 2027-01-10' after '--today 2027-02-10'), got March's 'stretch 3 reviews
running' of its fourth stretch review in a row: the streak came from February's stored
row, counted before January's review existed. It is now counted from the goal's stored
reviews before the date, as they run now.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.store import open_store

D = dt.date
WS = gr.demo_paths()["workspace"]
HISTORY = gr.demo_paths()["history"]
DAYS = [D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10), D(2026, 4, 10)]


def _streaks(order: list[D]) -> dict[str, tuple[str | None, int]]:
    """Each goal's verdict and streak at the last of DAYS, the others run in ``order``."""
    db = open_store(":memory:")
    try:
        for day in order:
            gr.review(WS, HISTORY, store=db, today=day)
        last = gr.review(WS, HISTORY, store=db, today=DAYS[-1])
    finally:
        db.close()
    return {g.goal.id: (g.verdict, g.streak) for g in last.goals}


def test_a_review_run_late_counts_in_the_next_streak(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    for day in (DAYS[0], DAYS[2], DAYS[1]):  # February's review run after March's
        gr.review(WS, HISTORY, store=store, today=day)
    april = gr.review(WS, HISTORY, store=store, today=DAYS[3])
    li = next(g for g in april.goals if g.goal.id == "li-followers")
    assert li.verdict == "unrealistic"
    assert li.streak == 4
    assert "unrealistic 4 reviews running" in li.trend()


@settings(max_examples=12, deadline=None)
@given(st.permutations(DAYS[:-1]))
def test_the_order_reviews_were_run_in_changes_no_streak(order: list[D]) -> None:
    assert _streaks(order) == _streaks(DAYS[:-1])


def test_a_date_reviewed_again_with_another_verdict_breaks_the_streak(tmp_path: Path) -> None:
    """A later revision of an earlier date is that date's review now: the streak runs on
    its verdict, not the first revision's."""
    store = tmp_path / "goals.db"
    for day in DAYS[:3]:
        gr.review(WS, HISTORY, store=store, today=day)
    # February's review again, from a history that has the followers doubled by then
    doubled = tmp_path / "history.csv"
    doubled.write_text(HISTORY.read_text().rstrip("\n") + "\n2026-01-28,linkedin,followers,3000\n")
    again = gr.review(WS, doubled, store=store, today=DAYS[1])
    assert again.revision == 2
    assert next(g for g in again.goals if g.goal.id == "li-followers").verdict != "unrealistic"
    april = gr.review(WS, HISTORY, store=store, today=DAYS[3])
    li = next(g for g in april.goals if g.goal.id == "li-followers")
    assert li.verdict == "unrealistic" and li.streak == 2  # March's and April's
