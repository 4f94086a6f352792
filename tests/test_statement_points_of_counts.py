"""Percentage points change a rate, never a count.

"Increase engagement by 2 percentage points" read engagements (a count) +2 points, and
"Grow followers by 2 percentage points" followers +2 points: a target in a unit the
metric cannot have, shown as read. A count with a rate of its own ("engagement",
"conversions", "clicks") names that rate, as "engagement from 2 % to 4 %" did; any other
count makes the target unread, with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.metrics import catalog

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "metric"),
    [
        ("Increase engagement on Facebook by 2 percentage points by December", None,
         "engagement_rate_by_reach"),
        ("Raise engagement by 2 pp in Q3", None, "engagement_rate_by_reach"),
        ("Increase conversions by 0.5 points by Q4", None, "conversion_rate"),
        ("Increase clicks by 1 percentage point", None, "click_through_rate"),
        ("Αύξηση του engagement στο Facebook κατά 2 ποσοστιαίες μονάδες έως τον Δεκέμβριο",
         "el", "engagement_rate_by_reach"),
    ],
)  # fmt: skip
def test_points_of_a_count_with_a_rate_name_the_rate(
    statement: str, lang: str | None, metric: str
) -> None:
    goal = read(statement, lang).goal
    assert goal.metric == metric
    assert goal.target is not None and "percentage_point" in str(goal.target)


@pytest.mark.parametrize(
    "statement",
    [
        "Grow followers by 2 percentage points by December",
        "Grow website visits from social by 3 percentage points",
    ],
)
def test_points_of_a_count_are_not_read(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None
    assert any("percentage point" in note and "counted" in note for note in reading.notes)


COUNTS = ["followers", "engagement", "conversions", "clicks", "website visits", "leads"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(COUNTS), st.sampled_from(["percentage points", "pp", "points"]))
def test_a_target_in_points_is_of_a_rate(noun: str, points: str) -> None:
    """Whatever is counted, a target read in percentage points is a rate's."""
    goal = read(f"Increase {noun} by 2 {points} by December").goal
    if goal.target is not None and "percentage_point" in str(goal.target):
        assert goal.metric is not None
        assert catalog[goal.metric].unit in ("percent", "percentage_point")
