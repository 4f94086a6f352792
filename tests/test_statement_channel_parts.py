"""A format or part of a network: "Get 1M views on YT Shorts", "Instagram Reels", "TikTok
Shop sales", "Instagram Stories" were read on the whole channel without a word (a target
for Shorts judged on every YouTube view). The reading stands, with a note, as "LinkedIn
ads" (the paid half) is said."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
PART = "names one part of the channel"


@pytest.mark.parametrize(
    ("statement", "channel", "said"),
    [
        ("Get 1M views on YT Shorts by Q4", "youtube", "YT Shorts"),
        ("Get 1M views on Instagram Reels by Q4", "instagram", "Instagram Reels"),
        ("Grow TikTok Shop sales 20% by Q4", "tiktok", "TikTok Shop"),
    ],
)
def test_a_part_of_a_channel_is_said(statement: str, channel: str, said: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.channels == (channel,)
    assert any(f'"{said}" {PART}' in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Grow Instagram followers 20% by Q4",
        "Grow YouTube channel subscribers to 10k by Q4",
        "Grow Facebook Group members to 5k by Q4",
    ],
)
def test_a_whole_channel_is_not_said_as_a_part(statement: str) -> None:
    assert not any(PART in n for n in gr.read_statement(statement, start=START).notes)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Instagram", "YouTube", "TikTok", "Facebook"]),
    st.sampled_from(["Reels", "Shorts", "Stories", "Live", "Shop"]),
    st.sampled_from(["Get 1M views on {c}", "Grow {c} followers 20%"]),
)
def test_a_part_never_changes_the_reading(channel: str, part: str, shape: str) -> None:
    whole = gr.read_statement(f"{shape.format(c=channel)} by Q4", start=START)
    parted = gr.read_statement(f"{shape.format(c=f'{channel} {part}')} by Q4", start=START)
    assert parted.goal.channels == whole.goal.channels
    assert parted.goal.target == whole.goal.target and parted.goal.metric == whole.goal.metric
    assert any(PART in note for note in parted.notes), parted.notes
