"""Channel decisions where a piece of evidence is unknown or absent, and the words say
the decision does not use it: the decision must then be the one it would be without it
(a spend with no other channel's to compare with, leads with no visits to be a share of)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")

from tests.books import book_reads_as_rows  # noqa: E402

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def series(
    name: str, visits: float, leads: float, fall: float = 0.0, **extra: Any
) -> list[dict[str, Any]]:
    """A channel's six months, its visits and leads changing by ``fall`` a month."""
    return [
        {"channel": name, "month": m, "visits": round(visits * (1 - fall) ** i),
         "leads": round(leads * (1 - fall) ** i), **extra}
        for i, m in enumerate(MONTHS)
    ]  # fmt: skip


# -- the spend of one channel alone: "the decision does not use cost" -------------------


def test_a_steady_channel_whose_spend_alone_is_recorded_is_kept_as_steady() -> None:
    """Its cost line says "no other channel's spend recorded to compare its cost with:
    the decision does not use cost"; it read "No rule of the ruleset decided (the evidence
    it needs is missing): kept, the neutral default" (keep.steady asked for the
    portfolio's cost), where the same channel without spend is "keep.steady"."""
    rows = series("instagram", 2000, 44, spend=300) + series("facebook", 2000, 44)
    rows += series("linkedin", 3000, 60)
    decided = {d.channel: d for d in gr.decide_channels(rows)}
    instagram = decided["instagram"]
    assert instagram.rule == "keep.steady"
    assert instagram.reasons[0].startswith("Converts not credibly differently from the portfolio")
    assert any("the decision does not use cost" in r for r in instagram.reasons)
    book_reads_as_rows(rows)


def test_a_declining_channel_below_the_portfolio_is_cut_with_or_without_its_spend() -> None:
    """A channel falling 10 % a month and converting credibly below: cut. With its spend
    recorded and no other channel's, it read "reduce" (cut.declining-below asked for the
    portfolio's cost, unknown), while its words said the decision does not use cost."""
    plain = series("facebook", 2000, 10, fall=0.1) + series("linkedin", 1000, 60)
    paid = series("facebook", 2000, 10, fall=0.1, spend=300) + series("linkedin", 1000, 60)
    without = {d.channel: d for d in gr.decide_channels(plain)}["facebook"]
    with_spend = {d.channel: d for d in gr.decide_channels(paid)}["facebook"]
    assert without.decision is gr.Decision.CUT
    assert (with_spend.decision, with_spend.rule) == (without.decision, without.rule)
    book_reads_as_rows(paid)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(200, 5000),  # visits in the first month
            st.sampled_from([0.005, 0.01, 0.02, 0.04]),  # lead rate
            st.sampled_from([-0.1, -0.03, 0.0, 0.03, 0.15]),  # fall a month
        ),
        min_size=2,
        max_size=4,
    ),
    st.integers(0, 3),
    st.integers(1, 2000),
)
def test_one_channels_spend_alone_changes_no_decision(
    shape: list[tuple[int, float, float]], which: int, spend: int
) -> None:
    """With no other channel's spend to compare it with, a channel's cost is no benchmark
    (the portfolio's cost is unknown, and the words say the decision does not use cost):
    every decision and its rule are those of the same book without that spend."""
    names = ("facebook", "linkedin", "instagram", "tiktok")
    paid_one = names[which % len(shape)]
    plain: list[dict[str, Any]] = []
    paid: list[dict[str, Any]] = []
    for name, (visits, rate, fall) in zip(names, shape, strict=False):
        rows = series(name, visits, visits * rate, fall=fall)
        plain += rows
        paid += [{**r, "spend": spend} for r in rows] if name == paid_one else rows
    before = {d.channel: (d.decision, d.rule) for d in gr.decide_channels(plain)}
    after = {d.channel: (d.decision, d.rule) for d in gr.decide_channels(paid)}
    assert after == before


# -- leads with no visits (lead forms, offline attribution) -------------------------------


def test_leads_with_no_visits_are_judged_on_the_leads_not_nothing_to_judge() -> None:
    """LinkedIn lead forms: 0 visits, 40 leads a month (a quarter of the leads). It read
    "experiment: No visits recorded over 6 months: nothing to judge it on yet", even as
    a lead source doing the job of its role; its leads are judged now."""
    rows = series("linkedin", 0, 40) + series("facebook", 3000, 60)
    rows += series("instagram", 2000, 30)
    lead_source = [gr.Channel("linkedin", role="leads")]
    kept = {d.channel: d for d in gr.decide_channels(rows, channels=lead_source)}["linkedin"]
    assert (kept.decision, kept.rule) == (gr.Decision.KEEP, "keep.fulfils-role")
    said = " ".join(kept.reasons)
    assert "nothing to judge" not in said and "no visits recorded, but leads" in said
    # leads falling 10 % a month, no role: declining
    falling = series("linkedin", 0, 40, fall=0.1) + rows[6:]
    reduced = {d.channel: d for d in gr.decide_channels(falling)}["linkedin"]
    assert (reduced.decision, reduced.rule) == (gr.Decision.REDUCE, "reduce.declining")
    book_reads_as_rows(falling)
    # no visits and no leads: nothing to judge yet, as before
    silent = series("linkedin", 0, 0) + rows[6:]
    empty = {d.channel: d for d in gr.decide_channels(silent)}["linkedin"]
    assert (empty.decision, empty.rule) == (gr.Decision.EXPERIMENT, "experiment.no-visits")
    assert empty.reasons[0].startswith("No visits or leads recorded over 6 months")


# -- an amount that is not 0 never reads 0.00 --------------------------------------------


def test_a_cost_under_half_a_cent_reads_as_the_rules_message_writes_it() -> None:
    """Spend recorded in thousands (0.9 a month for 300 leads): the rule said "Leads cost
    0.003 USD / lead, over 2 times the portfolio's 0.00124 USD / lead", and the cost line
    beside it "cost per lead 0.00 USD (portfolio 0.00 USD)"."""
    rows = series("facebook", 10000, 300, spend=0.9) + series("linkedin", 10000, 300, spend=0.1)
    rows += series("instagram", 10000, 300, spend=0.12)
    facebook = book_reads_as_rows(rows)["facebook"]
    assert facebook.rule == "reduce.costly"
    assert "0.003 USD / lead" in facebook.reasons[0]
    cost = next(r for r in facebook.reasons if r.startswith("spend "))
    assert cost.startswith("spend 5.40 USD, cost per lead 0.003 USD (portfolio 0.00124 USD)")
    assert "0.00 USD" not in cost
    assert facebook.to_dict()["evidence"]["cost_per_lead"] == pytest.approx(0.003)


@settings(max_examples=60, deadline=None)
@given(st.floats(1e-6, 5000), st.integers(1, 10**6))
def test_a_cost_that_is_not_zero_never_reads_zero(spend: float, leads: int) -> None:
    """Whatever the spend and the leads: the cost line's numbers are the spend and the cost
    per lead, each 0 only when it is 0."""
    from goalrules.judgments.channel_text import _money

    for value in (spend, spend / leads):
        text = _money(value, "USD")
        assert float(text.split()[0].replace(",", "")) != 0, (value, text)


# -- a spend of 0 is no cost: its free leads are not in the portfolio's cost ---------------


def test_a_channel_of_0_spend_does_not_make_a_paid_channel_costly() -> None:
    """Facebook at 10 USD a lead and Instagram at 8.33 USD, LinkedIn organic with spend
    written 0 (as the docs advise when nothing was spent): Facebook read "Leads cost 10 USD
    / lead, over 2 times the portfolio's 4.58 USD / lead: reduce the spend" (LinkedIn's
    free leads in the portfolio's cost); with LinkedIn's spend left blank it is kept."""
    rows = series("facebook", 3000, 60, spend=600) + series("instagram", 3000, 60, spend=500)
    blank = rows + series("linkedin", 6000, 120)
    zero = rows + series("linkedin", 6000, 120, spend=0)
    for book in (blank, zero):
        decided = book_reads_as_rows(book)
        assert (decided["facebook"].decision, decided["facebook"].rule) == (
            gr.Decision.KEEP,
            "keep.steady",
        )
        cost = next(r for r in decided["facebook"].reasons if r.startswith("spend "))
        assert "cost per lead 10.00 USD (portfolio 9.17 USD)" in cost


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from([None, 0, 150, 600]), min_size=3, max_size=3),
    st.lists(st.sampled_from([0.005, 0.02, 0.05]), min_size=3, max_size=3),
)
def test_a_spend_of_0_decides_as_no_spend(spends: list[int | None], rates: list[float]) -> None:
    """A channel whose spend is 0 has no cost (its line says so): every decision, rule and
    the portfolio's cost are those of the book with that spend left blank."""
    names = ("facebook", "linkedin", "instagram")
    zero: list[dict[str, Any]] = []
    blank: list[dict[str, Any]] = []
    for name, spend, rate in zip(names, spends, rates, strict=True):
        extra = {} if spend is None else {"spend": spend}
        zero += series(name, 2000, 2000 * rate, **extra)
        blank += series(name, 2000, 2000 * rate, **({} if not spend else extra))
    a, b = gr.decide_channels(zero), gr.decide_channels(blank)
    assert [(d.channel, d.decision, d.rule) for d in a] == [
        (d.channel, d.decision, d.rule) for d in b
    ]
    assert a.portfolio is not None and b.portfolio is not None
    assert a.portfolio.cost_per_lead == b.portfolio.cost_per_lead


# -- "in line" is not what an interval that holds the portfolio's rate says ------------------


def test_a_small_channel_is_not_said_to_convert_in_line_with_the_portfolio() -> None:
    """18 visits in six months and no lead: its 95 % interval (0 % to 17.6 %) holds the
    portfolio's 2 %, so it is kept as steady; it read "Converts in line with the portfolio
    (lead rate 0 %, 95 % CI 0 % to 17.6 %, vs 2 %)", a likeness no interval showed."""
    rows = series("facebook", 1000, 20) + series("x", 3, 0)
    x = book_reads_as_rows(rows)["x"]
    assert x.rule == "keep.steady"
    assert x.reasons[0].startswith(
        "Converts not credibly differently from the portfolio (lead rate 0 %, 95 % CI 0 % to "
        "17.6 %, vs 2 %) and not declining"
    )
    assert "in line" not in " ".join(x.reasons)


# -- an awareness role is judged by its own metric: the words say so ----------------------


def test_an_awareness_role_says_the_trend_it_was_judged_by() -> None:
    """Instagram as a brand builder, its followers growing 500 a month: kept as doing the
    job of its role. It read "It does the job of its role (brand_awareness): 11.8 % of
    visits, 6.2 % of leads, lead rate 1 % vs 1.9 %" and "it fulfils its role
    (brand_awareness)": numbers that were not why, and no word of the followers."""
    rows = series("facebook", 3000, 60) + series("instagram", 400, 4)
    for i, r in enumerate(rows[6:]):
        r["followers"] = 10000 + 500 * i
    brand = [gr.Channel("instagram", role="brand_awareness")]
    instagram = {d.channel: d for d in gr.decide_channels(rows, channels=brand)}["instagram"]
    assert instagram.rule == "keep.fulfils-role"
    assert instagram.reasons[0].startswith(
        "It does the job of its role (brand awareness). It brings 11.8 % of visits"
    )
    assert (
        "it fulfils its role (brand awareness): followers, engagements or reach +4.4 % a month"
        in instagram.reasons
    )
    # followers falling: it does not, and says by how much
    for i, r in enumerate(rows[6:]):
        r["followers"] = 10000 - 500 * i
    falling = {d.channel: d for d in gr.decide_channels(rows, channels=brand)}["instagram"]
    assert any(
        r.startswith("it does not fulfil its role (brand awareness): followers, engagements or "
                     "reach -5.7 % a month") for r in falling.reasons
    )  # fmt: skip
