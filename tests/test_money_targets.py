"""A money target in the team's own currency is measurable, and reads as written.

The catalog counts revenue in USD; that currency stands for the team's own. "Grow revenue
to €50,000 by June" was told "State the target in USD." (measurable missed), and "RM 1.2
million in sales" was shown as "1,200,000 MYRs".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.numbers import format_count, plural
from goalrules.report.reading import render_reading

START = dt.date(2026, 5, 1)


def fit(statement: str) -> gr.Outcome:
    reading = gr.read_statement(statement, start=START)
    report = gr.score_smart(reading.goal, today=START)
    return report.report.finding("measurable.target-unit-fits").outcome


@pytest.mark.parametrize(
    "statement",
    [
        "Grow revenue to €50,000 by December 2026",
        "Hit RM 1.2 million in sales by December 2026",
        "Hit £80,000 in revenue by the end of 2026",
        "Bring in ₱2,000,000 in sales by December 2026",
        "Grow revenue to $50,000 by December 2026",
        "Cut our cost per lead to €12 by December 2026",
    ],
)
def test_a_money_target_in_any_currency_fits_a_money_metric(statement: str) -> None:
    assert fit(statement) is gr.Outcome.PASS
    reading = gr.read_statement(statement, start=START)
    text = render_reading(reading, gr.score_smart(reading.goal, today=START))
    assert "State the target in USD" not in text


def test_money_still_does_not_fit_a_count() -> None:
    goal = gr.Goal("g", metric="followers", target="50000 EUR", start="2026-05-01",
                   deadline="2026-12-31")  # fmt: skip
    finding = gr.score_smart(goal, today=START).report.finding("measurable.target-unit-fits")
    assert finding.outcome is gr.Outcome.FAIL
    assert "EUR" in finding.message and "follower" in finding.message


def test_a_ringgit_target_is_written_with_its_code() -> None:
    reading = gr.read_statement("Hit RM 1.2 million in sales by December 2026", start=START)
    text = render_reading(reading, gr.score_smart(reading.goal, today=START))
    assert "1,200,000 MYR " in text and "MYRs" not in text


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    st.floats(0, 1e9, allow_nan=False),
)
def test_a_currency_code_is_never_made_plural(code: str, amount: float) -> None:
    assert plural(code, amount) == code
    assert format_count(amount, code).endswith(f" {code}")


def test_words_still_take_their_plural() -> None:
    assert plural("follower", 2) == "followers"
    assert plural("lead", 1) == "lead"


HISTORY = [(dt.date(2026, m, 1), v) for m, v in
           zip(range(6, 12), [30000.0, 31000.0, 32500.0, 33000.0, 34800.0, 35500.0], strict=True)]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["EUR", "GBP", "JPY", "INR", "CHF"]),
    st.integers(36_000, 90_000),
)
def test_a_revenue_goal_in_any_currency_is_judged_as_in_dollars(code: str, target: int) -> None:
    """The history's bare numbers are in the goal's currency: the chance, the verdict and
    the forecast are those of the same goal in USD, and the text names the goal's currency
    (it was an error: "the target is in 'EUR', which does not fit the metric's unit 'USD'")."""

    def judged(currency: str) -> gr.Achievability:
        goal = gr.Goal("rev", metric="revenue", target=f"{target} {currency}",
                       start="2026-12-01", deadline="2027-06-30")  # fmt: skip
        return gr.assess_achievability(goal, HISTORY, today=dt.date(2026, 12, 1))

    ours, dollars = judged(code), judged("USD")
    assert ours.verdict == dollars.verdict
    assert ours.probability == dollars.probability
    assert ours.explanation.replace(code, "USD") == dollars.explanation
    assert code in ours.explanation


def test_a_history_in_another_currency_than_the_goal_is_still_refused() -> None:
    goal = gr.Goal("rev", metric="revenue", target="50000 EUR", start="2026-12-01",
                   deadline="2027-06-30")  # fmt: skip
    series = gr.MetricSeries(metric="revenue", points=tuple(gr.Point(d, v) for d, v in HISTORY),
                             unit="GBP")  # fmt: skip
    with pytest.raises(gr.GoalRulesError, match="GBP"):
        gr.assess_achievability(goal, series, today=dt.date(2026, 12, 1))


@pytest.mark.parametrize("code", ["MYR", "PHP", "SAR", "AED", "EGP", "SGD"])
def test_a_goal_set_in_any_currency_code(code: str) -> None:
    """A workspace's target in ringgit, pesos or riyals was refused: "unknown unit 'MYR'
    (did you mean 'yr'?)"; only nine currencies were units."""
    for text in (f"50000 {code}", f"{code} 50,000", f"50,000 {code}"):
        amount = gr.quantity(text)
        assert amount.magnitude == 50000 and str(amount.units) == code
    per_lead = gr.quantity(f"12 {code} / lead")
    assert str(per_lead.units) == f"{code} / lead"
    goal = gr.Goal("rev", metric="revenue", target=f"{code} 50,000", start="2026-12-01",
                   deadline="2027-06-30")  # fmt: skip
    judged = gr.assess_achievability(goal, HISTORY, today=dt.date(2026, 12, 1))
    assert code in judged.explanation and judged.probability is not None


def test_a_word_that_is_no_currency_is_still_an_unknown_unit() -> None:
    with pytest.raises(gr.GoalRulesError, match="unknown unit 'XYZ'"):
        gr.quantity("50000 XYZ")


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 28))
def test_a_ratio_reads_as_its_month_not_a_day(day: int) -> None:
    """A cost per lead is a month's figure, dated by the month's end: it read "34.1 USD /
    lead on 2026-11-30" whichever day of November the value was dated."""
    points = [(dt.date(2026, m, day), v) for m, v in
              zip(range(6, 12), [40.0, 38.5, 37.9, 36.0, 35.2, 34.1], strict=True)]  # fmt: skip
    goal = gr.Goal("cpl", metric="cost_per_lead", target="30 EUR / lead", start="2026-12-01",
                   deadline="2027-06-30")  # fmt: skip
    text = gr.assess_achievability(goal, points, today=dt.date(2026, 12, 4)).explanation
    assert text.startswith("Cost per lead: 34.1 EUR / lead in November 2026.")
    stock = gr.Goal("f", metric="followers", target="3000 followers", start="2026-12-01",
                    deadline="2027-06-30")  # fmt: skip
    counts = [(d, v * 50) for d, v in points[::-1]]
    said = gr.assess_achievability(stock, counts, today=dt.date(2026, 12, 4)).explanation
    assert f"on 2026-11-{day:02d}." in said  # a count is a reading on its day


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("RM 50,000", "50000 MYR"),
        ("₱50,000", "50000 PHP"),
        ("A$50,000", "50000 AUD"),
        ("50.000 €", None),  # a dotted number stays ambiguous: an error, never a guess
        ("50,000 €", "50000 EUR"),
        ("RM 50k", "50000 MYR"),
        ("+RM 5,000", "5000 MYR"),
    ],
)
def test_a_workspace_target_in_money_as_people_write_it(written: str, amount: str | None) -> None:
    """A workspace's "target = 'RM 50,000'" read "cannot read a quantity from 'RM 50,000'",
    though a statement of the same words was read as 50,000 MYR."""
    if amount is None:
        with pytest.raises(gr.GoalRulesError):
            gr.Goal("rev", metric="revenue", target=written)
        return
    goal = gr.Goal("rev", metric="revenue", target=written, baseline="RM 40,000",
                   start="2026-12-01", deadline="2027-06-30")  # fmt: skip
    assert str(goal.target.amount) == amount
    assert str(goal.baseline) == "40000 MYR"


def test_a_currency_several_share_asks_for_its_code() -> None:
    with pytest.raises(
        gr.GoalRulesError, match="several currencies share: write the amount with its"
    ):
        gr.Goal("rev", metric="revenue", target="500 pesos")
    with pytest.raises(gr.GoalRulesError, match="cannot read a quantity"):
        gr.Goal("rev", metric="revenue", target="kr 500")
    # rupees are several currencies (INR, PKR, LKR, NPR...): "500 rupees" read 500 INR in a
    # workspace, while a statement of it reads no target
    with pytest.raises(gr.GoalRulesError, match="several currencies share"):
        gr.Goal("rev", metric="revenue", target="500 rupees")
    assert gr.read_statement("Make 500 rupees in sales by June").goal.target is None
