"""Words read as a wider metric than they name: "$2M in pipeline" is read as revenue and
"75 SQLs", "300 MQLs" as leads (every lead), as the corpus expects; they said nothing, so
a pipeline target was judged against sales and a qualified-lead target against every lead
unseen. The reading stands, and a note says it."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "metric", "said"),
    [
        ("Reach $2mm in pipeline by December", "revenue", '"pipeline" names the value'),
        ("Generate 75 SQLs per month via LinkedIn by September 30th", "leads",
         '"SQLs" names qualified leads'),
        ("Generate 300 MQLs from LinkedIn in the next six months", "leads",
         '"MQLs" names qualified leads'),
        ("Get 200 marketing qualified leads by Q4", "leads",
         '"marketing qualified leads" names qualified leads'),
    ],
)  # fmt: skip
def test_a_wider_reading_is_said(statement: str, metric: str, said: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.metric == metric
    assert any(said in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    "statement", ["Generate $100k in revenue by Q4", "Get 300 leads from LinkedIn by Q4"]
)
def test_no_note_where_the_metric_is_named(statement: str) -> None:
    notes = gr.read_statement(statement, start=START).notes
    assert not any("names qualified leads" in n or "open opportunities" in n for n in notes)
