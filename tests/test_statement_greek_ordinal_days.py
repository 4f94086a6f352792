"""A Greek ordinal day is that day.

Greek writes the first of a month (and, less often, other days) as an ordinal: "έως την
1η Ιουνίου", "από την 1ης Μαρτίου". It read "⁇η june" and no deadline.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 12, 4)
GENITIVE = get_month_names("wide", context="format", locale="el")


def test_the_first_of_june_as_greek_writes_it() -> None:
    text = "Αύξηση των ακολούθων στο Instagram σε 10.000 έως την 1η Ιουνίου 2027"
    reading = gr.read_statement(text, start=START)
    assert reading.goal.deadline == dt.date(2027, 6, 1)
    assert str(reading.goal.target.amount) == "10000 follower"


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 12), st.integers(1, 28), st.sampled_from(["η", "ης"]))
def test_a_greek_ordinal_day_is_that_day(month: int, day: int, ending: str) -> None:
    text = (
        f"Αύξηση των ακολούθων στο Instagram σε 10.000 έως την {day}{ending} {GENITIVE[month]} 2027"
    )
    goal = gr.read_statement(text, start=START).goal
    assert goal.deadline == dt.date(2027, month, day)
    plain = gr.read_statement(text.replace(f"{day}{ending} ", f"{day} "), start=START).goal
    assert plain.deadline == goal.deadline
