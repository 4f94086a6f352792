"""What each field came from quotes the statement, not the text the reader prepared.

Before: "Reduce cost per lead below $25 by March" showed the target from "USD 25",
"Generate $20k in sales in Q3" from "USD 20k in" (money's noun read as "in"), "by the
start of Q3" from "by July 1"; now "$25", "$20k in sales", "by the start of Q3"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "field", "words"),
    [
        ("Reduce cost per lead below $25 by March", "target", "$25"),
        ("Generate $20k in sales in Q3", "target", "$20k in sales"),
        ("Cut CPA from $40 to $25 by June", "baseline", "$40"),
        ("Earn €10k in revenue by Q3", "target", "€10k in revenue"),
        ("Earn 20k dollars of revenue by Q3", "target", "20k dollars of revenue"),
        ("Get 500 leads by the start of Q3", "deadline", "by the start of Q3"),
        ("Grow followers 5k -> 8k by June", "baseline", "5k"),
    ],
)
def test_a_fields_words_are_the_statements(statement: str, field: str, words: str) -> None:
    assert gr.read_statement(statement, start=START).understood[field] == words


@settings(max_examples=40, deadline=None)
@given(
    sign=st.sampled_from(["$", "€", "£", "USD ", "EUR "]),
    number=st.sampled_from(["25", "1,500", "20k", "2.5M", "8,000"]),
    template=st.sampled_from(
        [
            "Generate {m} in sales from Instagram by Q3",
            "Reduce cost per lead below {m} by March",
            "Drive {m} a month in revenue from Facebook in Q3",
            "Bring in {m} of revenue through LinkedIn by the end of 2027",
        ]
    ),
)
def test_money_is_quoted_as_written(sign: str, number: str, template: str) -> None:
    statement = template.format(m=f"{sign}{number}")
    understood = gr.read_statement(statement, start=START).understood
    for field, words in understood.items():
        if field != "channel":  # (several channels are listed, not quoted)
            assert words in statement, (field, words)
    assert f"{sign}{number}" in understood["target"]


def test_a_notes_quotes_are_the_statements() -> None:
    # it quoted "USD 5k" and "USD 15k", the prepared text
    reading = gr.read_statement("Grow revenue by $5k to $15k by June", start=START)
    assert any('"$5k" is set aside' in note and '"$15k"' in note for note in reading.notes)
