"""A multiple "from" a level starts at that level.

"Double followers from 5,000 by December" read x2 with no baseline, the 5,000 dropped
without a note (so did "Double our engagement rate from 2%", Tagalog "I-double ang
engagement rate natin from 2%", Greek "Διπλασιασμός των ακολούθων από 5.000", Malay
"Gandakan pengikut daripada 5,000"); "Triple leads from 200 a month by Q4" read no
target, with a note that "triple every month compounds" (the "a month" is the 200's).
Each is the multiple from the level now, as "double our 5,000 followers" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "lang", "target", "baseline"),
    [
        ("Double followers from 5,000 by December", None, "x2", "5000 follower"),
        ("Double our engagement rate from 2% by December", None, "x2", "2 percent"),
        ("Triple leads from 200 a month by Q4", None, "x3", "200 lead / month"),
        ("Halve CPL from $40 by June", None, "x0.5", "40 USD / lead"),
        ("I-double ang engagement rate natin from 2% by December", "tl", "x2", "2 percent"),
        ("Διπλασιασμός των ακολούθων από 5.000 έως τον Δεκέμβριο", "el", "x2", "5000 follower"),
        ("Gandakan pengikut daripada 5,000 menjelang Disember", "ms", "x2", "5000 follower"),
        # as before: "from A to B", "from A by N%", and a year that is a level
        ("Grow followers from 4,000 to 6,000 by June", None, "6000 follower", "4000 follower"),
        ("Grow followers from 1,000 by 25%", None, "+25%", "1000 follower"),
        ("Grow Instagram revenue from 1900 to $2000 by December", None, "2000 USD", "1900 USD"),
    ],
)
def test_the_level_after_from_is_the_baseline(
    statement: str, lang: str | None, target: str, baseline: str
) -> None:
    goal = gr.read_statement(statement, start=START, lang=lang).goal
    assert (str(goal.target), str(goal.baseline)) == (target, baseline)


def test_a_multiple_again_each_period_still_compounds() -> None:
    reading = gr.read_statement("Double followers every month", start=START)
    assert reading.goal.target is None
    assert any("compounds" in note for note in reading.notes)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([("Double", "x2"), ("Triple", "x3"), ("Halve", "x0.5")]),
    st.integers(2, 500),
)
def test_from_a_level_or_our_level_read_alike(verb: tuple[str, str], hundreds: int) -> None:
    """ "Double followers from N" and "double our N followers" start at the same level."""
    word, multiple = verb
    n = hundreds * 100
    said_from = gr.read_statement(f"{word} followers from {n:,} by December", start=START).goal
    said_ours = gr.read_statement(f"{word} our {n:,} followers by December", start=START).goal
    assert str(said_from.target) == str(said_ours.target) == multiple
    assert said_from.baseline == said_ours.baseline
    assert said_from.baseline is not None and said_from.baseline.magnitude == n
