"""A quote or bracket left open in a decision table's row swallowed the rest of the row
as one cell: the error read "the row has 1 cells, the header 2", naming no place. Now
it names the line and the column where the quote or bracket opened."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.decision_table import load_table

HEADER = "# fact channel: text\n# fact visits: visit\nchannel, visits, => points\n"


@pytest.mark.parametrize(
    ("row", "column", "opener"),
    [('"linkedin, > 100, 3', 1, '"'), ('in ["a", "b", > 100, 3', 4, "["),
     ('"x", (> 100, 3', 6, "(")],
)  # fmt: skip
def test_an_open_quote_or_bracket_is_named_where_it_opened(
    row: str, column: int, opener: str
) -> None:
    with pytest.raises(gr.RuleSyntaxError) as e:
        load_table(HEADER + row + "\n", source="points.table.csv")
    assert (e.value.source, e.value.line, e.value.column) == ("points.table.csv", 4, column)
    assert f"a '{opener}' left open" in e.value.message


def test_a_row_of_one_cell_says_one_cell() -> None:
    with pytest.raises(gr.GoalRulesError, match="the row has 1 cell, the header 3"):
        load_table(HEADER + "linkedin\n", source="points.table.csv")


@given(st.sampled_from(["linkedin", "facebook", "x"]), st.integers(0, 10_000), st.integers(0, 9))
def test_a_closed_row_reads_and_the_same_row_opened_is_placed(
    name: str, visits: int, points: int
) -> None:
    row = f'"{name}", > {visits}, {points}'
    table = load_table(HEADER + row + "\n", source="t.table.csv")
    assert table.evaluate(channel=name, visits=visits + 1).value == {"points": points}
    with pytest.raises(gr.RuleSyntaxError) as e:
        load_table(HEADER + row.replace(f'"{name}"', f'"{name}') + "\n", source="t.table.csv")
    assert (e.value.line, e.value.column) == (4, 1)
