"""A goal holds a channel, not a medium: "300 leads from LinkedIn ads", "200 leads from
paid social" and "organic Instagram" were read on the whole channel (organic and paid
together) without a word, so a history of the whole judged a target set for one half.
The statement now says so in a note; the channel read is the same as without the
medium's words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.model import read_statement

START = dt.date(2026, 12, 5)
NETWORKS = ["LinkedIn", "Facebook", "Instagram", "TikTok", "YouTube", "Pinterest", "Meta"]


def _medium_notes(text: str) -> list[str]:
    return [n for n in read_statement(text, start=START).notes if "paid or organic half" in n]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Get 300 leads from LinkedIn ads by June 2027", "LinkedIn ads"),
        ("Generate 200 leads from paid social in H1 2027", "paid social"),
        ("Get 300 leads from organic LinkedIn by June 2027", "organic LinkedIn"),
        ("Get 100 leads from Facebook advertising by March 2027", "Facebook advertising"),
        ("Grow leads from social media ads by 20% by June 2027", "social media ads"),
        ("Double our organic reach on Instagram within six months", "organic reach"),
        ("Increase sponsored posts reach on LinkedIn by 30% by June", "sponsored posts"),
    ],
)
def test_a_medium_named_is_said(text: str, words: str) -> None:
    (note,) = _medium_notes(text)
    assert note.startswith(f'"{words}" names the paid or organic half')


@pytest.mark.parametrize(
    "text",
    [
        "Grow Instagram followers by 20% in 6 months",
        "Get 300 leads from LinkedIn by June 2027",
        "Add 500 new followers per month on LinkedIn",
        "Reach 5,000 followers on X by the end of the year",
    ],
)
def test_no_medium_no_note(text: str) -> None:
    assert _medium_notes(text) == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(NETWORKS),
    st.sampled_from(["ads", "advertising", "sponsored posts", "paid"]),
    st.integers(10, 5000),
)
def test_the_medium_is_said_and_the_channel_kept(network: str, medium: str, n: int) -> None:
    plain = read_statement(f"Get {n} leads from {network} by June 2027", start=START)
    halved = read_statement(f"Get {n} leads from {network} {medium} by June 2027", start=START)
    assert halved.goal.channel == plain.goal.channel
    assert halved.goal.target == plain.goal.target
    assert len(_medium_notes(f"Get {n} leads from {network} {medium} by June 2027")) == 1
    assert _medium_notes(f"Get {n} leads from {network} by June 2027") == []
