"""Two metrics joined before one target: "Increase followers and engagement by 20%" read
followers +20 %, the engagement dropped without a word ("followers or leads", "CPA and
CPL", Malay "pengikut dan penglibatan", Tagalog "followers at engagement", Greek
"ακολούθων και αλληλεπιδράσεων", Arabic "المتابعين والتفاعل", Welsh "dilynwyr ac
ymgysylltiad" alike). The reading stands, for the metric it chose, and a note says the
goal holds one of the two; "likes, comments and shares" are engagements, one metric."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
JOINED = "names two metrics for one target"


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Increase followers and engagement by 20% by Q4", None),
        ("Increase followers or leads by 20% by Q4", None),
        ("Reduce CPA and CPL by 10% by Q4", None),
        ("Increase website visits and leads by 20% by Q4", None),
        ("Tingkatkan pengikut dan penglibatan sebanyak 20% menjelang S4", "ms"),
        ("Dagdagan ang followers at engagement ng 20% sa Q4", "tl"),
        ("Αύξηση ακολούθων και αλληλεπιδράσεων κατά 20% έως το Δ' τρίμηνο", "el"),
        ("زيادة المتابعين والتفاعل بنسبة 20% بحلول الربع الرابع", "ar"),
        ("Cynyddu dilynwyr ac ymgysylltiad 20% erbyn Ch4", "cy"),
    ],
)
def test_two_metrics_for_one_target_are_said(statement: str, lang: str | None) -> None:
    reading = _read(statement, lang)
    assert reading.goal.metric is not None and reading.goal.target is not None
    assert any(JOINED in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement",
    [
        "Increase likes, comments and shares by 20% by Q4",
        "Grow Instagram followers and TikTok followers by 20% by Q4",
        "Grow followers on Instagram and TikTok by 20% by Q4",
        "Reach 10k followers and boost engagement by Q4",
    ],
)
def test_one_metric_is_not_said_as_two(statement: str) -> None:
    assert not any(JOINED in note for note in _read(statement).notes)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["followers", "leads", "website visits", "impressions", "clicks"]),
    st.sampled_from(["engagement", "conversions", "video views", "mentions"]),
    st.sampled_from(["and", "or", "&"]),
    st.integers(5, 90),
)
def test_the_metric_read_is_one_of_the_two_named(
    first: str, second: str, join: str, n: int
) -> None:
    reading = _read(f"Increase {first} {join} {second} by {n}% by Q4")
    alone = {_read(f"Increase {m} by {n}% by Q4").goal.metric for m in (first, second)}
    assert reading.goal.metric in alone
    assert reading.goal.target is not None and reading.goal.target.means(f"+{n}%")
    assert any(JOINED in note for note in reading.notes), reading.notes
