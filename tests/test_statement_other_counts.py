"""Words that make a metric's noun count something else are not that metric.

"Cut customer churn by 10%" read customers -10 %; "remove 2,000 fake followers" read a
target of 2,000 followers; "grow average likes per post to 300" read 300 engagements, a
total, though the statement asks for an average a post. And "1,000 followers from an
influencer campaign" read no target, as if "an influencer" were "each influencer".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Cut customer churn from social by 10% in 2027", "customer churn"),
        ("Reduce churned customers by 10% in 2027", "churned customers"),
        ("Lower follower attrition on X by 20% by June 2027", "follower attrition"),
        ("Remove 2,000 fake followers from Instagram by January 2027", "fake followers"),
        ("Cut bot comments on Facebook by half by June 2027", "bot comments"),
    ],
)
def test_those_lost_or_to_remove_are_no_metric(text: str, words: str) -> None:
    reading = gr.read_statement(text, start=START)
    assert reading.goal.metric is None
    assert any(f'"{words}"' in note and "not read" in note for note in reading.notes)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 50_000),
    st.sampled_from(
        [
            ("likes", "engagements"),
            ("views", "video_views"),
            ("impressions", "impressions"),
            ("shares", "shares"),
        ]
    ),
    st.sampled_from(["post", "video", "reel", "tweet"]),
    st.sampled_from(["per", "each"]),
)
def test_an_average_a_post_is_no_total_however_it_is_ordered(
    n: int, metric: tuple[str, str], piece: str, each: str
) -> None:
    words, key = metric
    for text in (
        f"Grow average {words} {each} {piece} on Instagram to {n:,} by June 2027",
        f"Get {n:,} {words} {each} {piece} on Instagram by June 2027",
    ):
        goal = gr.read_statement(text, start=START).goal
        assert goal.metric == key
        assert goal.target is None


@pytest.mark.parametrize(
    "text",
    [
        "Get 1,000 followers from an influencer campaign by June 2027",
        "Get 500 leads from a webinar series by June 2027",
        "Grow engagement rate per post on Instagram to 4% by June 2027",
    ],
)
def test_a_or_an_further_on_is_no_average(text: str) -> None:
    goal = gr.read_statement(text, start=START).goal
    assert goal.target is not None and goal.deadline == dt.date(2027, 6, 30)


def test_customers_won_stay_customers() -> None:
    goal = gr.read_statement("Win 200 new customers from LinkedIn in 2027", start=START).goal
    assert goal.metric == "customers" and goal.target is not None
