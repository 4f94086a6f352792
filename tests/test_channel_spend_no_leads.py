"""Spend that brought no lead is no free channel: beside a portfolio whose leads have a
cost, a paid channel with no lead at all is reduced (cut when it converts credibly
below), never kept as "converting not credibly differently" with its cost read as none.
A book once read "tiktok KEEP: keep it and keep measuring" for 500 USD a month over six
months and not one lead (its cost per lead missing, as for a channel of no spend)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.channels import rank

pytest.importorskip("polars")

from tests.books import book_reads_as_rows

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]
TODAY = "2026-08-01"


def _book(
    tiktok_visits: int, spend: float = 500.0, others_spend: bool = True
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for m in MONTHS:
        rows.append({"channel": "linkedin", "month": m, "visits": 2000, "leads": 40,
                     "spend": 400.0 if others_spend else None})  # fmt: skip
        rows.append({"channel": "facebook", "month": m, "visits": 1500, "leads": 30,
                     "spend": 300.0 if others_spend else None})  # fmt: skip
        rows.append({"channel": "tiktok", "month": m, "visits": tiktok_visits, "leads": 0,
                     "spend": spend})  # fmt: skip
    return [{k: v for k, v in r.items() if v is not None} for r in rows]


def _tiktok(rows: list[dict[str, Any]], **kw: Any) -> gr.ChannelDecision:
    return {d.channel: d for d in gr.decide_channels(rows, today=TODAY, **kw)}["tiktok"]


def test_a_paid_channel_of_few_visits_and_no_lead_is_reduced() -> None:
    d = _tiktok(_book(10))
    assert d.decision is gr.Decision.REDUCE
    assert d.rule == "reduce.paid-no-leads"
    assert d.why.startswith("It spent 3,000 USD over 6 months and brought no leads")
    assert "portfolio's leads cost 17.14 USD / lead" in d.why


def test_a_paid_channel_of_many_visits_and_no_lead_is_cut() -> None:
    d = _tiktok(_book(3000))
    assert d.decision is gr.Decision.CUT
    assert d.rule == "cut.paid-no-leads-below"
    assert "credibly below the portfolio" in d.why


def test_no_spend_and_no_lead_is_not_read_as_a_cost() -> None:
    d = _tiktok(_book(10, spend=0.0))
    assert d.decision is gr.Decision.KEEP
    assert d.rule == "keep.steady"


def test_with_no_portfolio_cost_the_evidence_says_cost_is_not_used() -> None:
    d = _tiktok(_book(10, others_spend=False))
    assert d.decision is gr.Decision.KEEP  # a cost with nothing to compare weighs as none
    cost = [line for line in d.reasons if line.startswith("spend ")]
    assert cost and "no leads to cost" in cost[0]
    assert "the decision does not use cost" in cost[0]


def test_a_traffic_driver_bought_for_its_visits_is_kept() -> None:
    rows = _book(4000)
    d = _tiktok(rows, channels=[gr.Channel("tiktok", role="traffic")])
    assert d.decision is gr.Decision.KEEP
    assert d.rule == "keep.fulfils-role"


def test_the_table_path_decides_as_the_row_path() -> None:
    for visits in (10, 3000):
        decided = book_reads_as_rows(_book(visits))
        assert decided["tiktok"].decision is not gr.Decision.KEEP


paid_books = st.lists(
    st.tuples(
        st.integers(0, 4000),  # visits a month
        st.integers(0, 80),  # leads a month
        st.sampled_from([None, 0.0, 50.0, 400.0, 1500.0]),  # spend a month
    ),
    min_size=3,
    max_size=4,
)


def _paid_rows(channels: list[tuple[int, int, float | None]]) -> list[dict[str, Any]]:
    rows = []
    for i, (visits, leads, spend) in enumerate(channels):
        for k, m in enumerate(MONTHS):
            row: dict[str, Any] = {"channel": f"ch{i}", "month": m, "visits": visits + k,
                                   "leads": min(leads, visits + k)}  # fmt: skip
            if spend is not None:
                row["spend"] = spend
            rows.append(row)
    return rows


@settings(max_examples=25)
@given(paid_books)
def test_the_two_paths_agree_on_paid_books_with_channels_of_no_lead(
    channels: list[tuple[int, int, float | None]],
) -> None:
    book_reads_as_rows(_paid_rows(channels))


@settings(max_examples=40)
@given(paid_books, st.sampled_from(["EUR", "MYR", "JPY"]))
def test_the_currency_changes_no_decision(
    channels: list[tuple[int, int, float | None]], currency: str
) -> None:
    rows = _paid_rows(channels)
    usd = {d.channel: (d.decision, d.rule) for d in gr.decide_channels(rows)}
    other = {d.channel: (d.decision, d.rule) for d in gr.decide_channels(rows, currency=currency)}
    assert usd == other


@settings(max_examples=40)
@given(paid_books)
def test_a_paid_channel_of_no_lead_is_never_kept_beside_a_costed_portfolio(
    channels: list[tuple[int, int, float | None]],
) -> None:
    decided = gr.decide_channels(_paid_rows(channels))
    for d in decided:
        ev, p = d.evidence, d.portfolio
        assert p is not None
        if ev.leads == 0 and ev.spend and p.cost_per_lead is not None and ev.visits:
            # in its trial or no formats: experiment; else it shrinks
            assert rank(d.decision) > 0 or d.decision is gr.Decision.OPTIMIZE, d.why


@settings(max_examples=40)
@given(st.integers(1, 4000), st.sampled_from([50.0, 400.0, 1500.0]), st.integers(1, 40))
def test_a_first_lead_never_moves_a_paid_channel_towards_cut(
    visits: int, spend: float, leads: int
) -> None:
    none = _tiktok(_book(visits, spend))
    some_rows = [dict(r, leads=min(leads, r["visits"])) if r["channel"] == "tiktok" else r
                 for r in _book(visits, spend)]  # fmt: skip
    some = _tiktok(some_rows)
    assert rank(some.decision) <= rank(none.decision)


@given(
    st.sampled_from(["USD", "EUR", "MYR", "JPY"]),
    st.floats(-1e9, 1e9, allow_nan=False),
)
def test_a_quantity_of_a_run_time_unit_compares_with_a_plain_zero(
    currency: str, value: float
) -> None:
    """``channel.spend > 0``: zero is zero in every unit (a sign test), the fast and the
    careful code alike; any other plain number beside such a quantity names no unit."""
    spend = gr.quantity(f"{value!r} {currency}")
    for text, want in (("spend > 0", value > 0), ("0 >= spend", value <= 0),
                       ("spend == 0", value == 0)):  # fmt: skip
        assert gr.compile_expression(text, {"spend": "quantity"})({"spend": spend}) is want
    with pytest.raises(gr.GoalRulesError, match="cannot compare"):
        gr.compile_expression("spend > 5", {"spend": "quantity"})({"spend": spend})


def test_spend_with_customers_measured_and_none_says_so() -> None:
    rows = [dict(r, customers=0 if r["channel"] == "tiktok" else 1) for r in _book(10)]
    cost = [line for line in _tiktok(rows).reasons if line.startswith("spend ")]
    assert cost and "no customers to cost" in cost[0]
    linkedin = {d.channel: d for d in gr.decide_channels(rows, today=TODAY)}["linkedin"]
    assert "per customer 400.00 USD" in next(
        line for line in linkedin.reasons if line.startswith("spend ")
    )
