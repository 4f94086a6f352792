"""An additional amount before its number: "Get an additional 500 followers", "additional
500", "a further 500 leads", "an extra 2,000" read a level of 500 (the account already
past it, a goal met on day one), where "500 additional followers" read +500; Tagalog
"dagdag na 500", "karagdagang 500", Malay "tambahan 500" and "500 pengikut tambahan"
alike. Each is a change of the stock now; of a flow ("generate an extra $100", "a further
500 leads") it is what the period brings, a level, as before."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def _target(statement: str, lang: str | None = None) -> gr.Target | None:
    kwargs = {"lang": lang} if lang else {}
    return gr.read_statement(statement, start=START, **kwargs).goal.target


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Get an additional 500 followers by Q3", None, "+500 follower"),
        ("Get additional 500 followers by Q3", None, "+500 follower"),
        ("Get a further 500 followers by Q3", None, "+500 follower"),
        ("Reach an extra 2,000 followers by Q3", None, "+2000 follower"),
        ("Makakuha ng dagdag na 500 followers sa Q3", "tl", "+500 follower"),
        ("Makakuha ng karagdagang 500 followers sa Q3", "tl", "+500 follower"),
        ("Tambahan 500 pengikut menjelang S3", "ms", "+500 follower"),
        ("Dapatkan 500 pengikut tambahan menjelang S3", "ms", "+500 follower"),
    ],
)
def test_an_additional_amount_is_a_change(statement: str, lang: str | None, target: str) -> None:
    got = _target(statement, lang)
    assert got is not None and got.means(target), got


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Get 500 followers by Q3", "500 follower"),
        ("Get a further 500 leads by Q3", "500 lead"),
        ("Generate an extra $100 from Instagram by June", "100 USD"),
    ],
)
def test_a_plain_amount_or_a_flow_is_still_a_level(statement: str, target: str) -> None:
    got = _target(statement)
    assert got is not None and got.means(target)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 90_000),
    st.sampled_from(["an additional", "additional", "a further", "an extra"]),
    st.sampled_from(["followers", "Instagram followers", "subscribers"]),
)
def test_additional_before_reads_as_more_after(n: int, words: str, noun: str) -> None:
    before = _target(f"Get {words} {n:,} {noun} by Q3")
    after = _target(f"Get {n:,} more {noun} by Q3")
    assert before is not None and before == after
