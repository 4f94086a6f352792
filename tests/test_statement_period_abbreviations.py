"""A period written short after an amount: "Earn £5k/month by June", "£5k pcm", "£5k p/m",
"£5k pm", "£60k p.a.", "500 leads /wk", "50 leads pw", "$5k MRR" read a total (GBP 5,000
by June, 500 leads by June), the period dropped without a word: a rate read as a total.
Each is now the period it names, as "per month" is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

SHORT = {
    "month": ["/month", "/mo", " / month", " p/m", " pcm", " pm", " MRR"],
    "week": ["/week", "/wk", " /wk", " p/w", " pw"],
    "year": ["/year", "/yr", " p.a.", " p/a", " per annum", " ARR"],
}
LONG = {"month": " per month", "week": " per week", "year": " per year"}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(SHORT)),
    st.data(),
    st.sampled_from(["Earn £{n}{p} by June", "Drive ${n}{p} in sales by Q4", "Reach €{n}{p}"]),
    st.sampled_from(["5k", "12,500", "2.5M"]),
)
def test_a_period_written_short_is_the_period_written_long(
    period: str, data: st.DataObject, template: str, number: str
) -> None:
    short = data.draw(st.sampled_from(SHORT[period]))
    written = gr.read_statement(template.format(n=number, p=short), start=START).goal
    spelled = gr.read_statement(template.format(n=number, p=LONG[period]), start=START).goal
    assert written.target is not None and written.target == spelled.target
    assert written.deadline == spelled.deadline and written.metric == spelled.metric


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Earn £5k/month by June", "5000 GBP / month"),
        ("Earn £5k pm by June", "5000 GBP / month"),
        ("Get 500 leads p/m by June", "500 lead / month"),
        ("Get 500 leads /wk by June", "500 lead / week"),
        ("Get 50 leads pw by June", "50 lead / week"),
        ("Earn £60k p.a. by 2027", "60000 GBP / year"),
        ("Earn $5k MRR by June", "5000 USD / month"),
    ],
)
def test_the_short_period_is_read(statement: str, target: str) -> None:
    goal = gr.read_statement(statement, start=START).goal
    assert goal.target is not None and goal.target.means(target), goal.target


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Reach 10k followers by June", "10000 follower"),
        ("Drive $10k in monthly revenue by June", "10000 USD / month"),
        ("Earn $60k by 2027", "60000 USD"),
    ],
)
def test_no_period_is_read_where_none_is_written(statement: str, target: str) -> None:
    goal = gr.read_statement(statement, start=START).goal
    assert goal.target is not None and goal.target.means(target), goal.target
