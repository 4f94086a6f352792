"""A number that counts pieces of content or activities is never the metric's target.

"Run 3 campaigns to double leads" read a target of 3 leads, "Double followers with 4
videos a week" one of 4 followers a week (the metric new followers), "Double our leads of
3 campaigns" 3 leads, each without a word. The count of campaigns, videos or posts is
now set aside with a note, and the target is the verb's (x2), or none.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
PIECES = ["campaigns", "videos", "posts", "reels", "webinars", "newsletters", "ads"]


@given(
    st.sampled_from(PIECES),
    st.integers(2, 40),
    st.sampled_from(["Run {n} {p} to double {m}", "Double {m} with {n} {p} a week",
                     "Double our {m} of {n} {p}", "Double {m} by posting {n} {p} a month"]),
    st.sampled_from(["leads", "followers", "visits"]),
)  # fmt: skip
def test_a_count_of_content_is_no_target(piece: str, n: int, form: str, metric: str) -> None:
    text = form.format(n=n, p=piece, m=metric) + " by June 2027"
    reading = gr.read_statement(text, start=START)
    target = reading.goal.target
    assert target is not None and str(target) == "x2", (text, target, reading.notes)
    assert any(f"counts {piece}" in note for note in reading.notes), reading.notes


def test_pieces_a_named_metric_counts_are_its_target() -> None:
    reading = gr.read_statement("Get 100 UGC posts by June 2027", start=START)
    assert reading.goal.metric == "user_generated_posts"
    assert reading.goal.target is not None and reading.goal.target.amount.magnitude == 100


def test_beside_a_target_they_are_set_aside_as_before() -> None:
    reading = gr.read_statement(
        "Publish 12 posts a month to reach 5,000 followers by June 2027", start=START
    )
    assert reading.goal.target is not None and reading.goal.target.amount.magnitude == 5000
