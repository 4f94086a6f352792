"""A channel's shares of visits, leads and customers are of the months it has rows: a
channel started in September (or stopped, or missing a month) is not "few visits" for
the months it did not run, nor a converter that "does not fulfil its role". Held on
both paths (rows and table) and as a property."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("polars")

import goalrules as gr
from tests.books import book_reads_as_rows

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]


def rows_of(name: str, months: list[str], visits: float, leads: float) -> list[dict[str, Any]]:
    return [{"channel": name, "month": m, "visits": visits, "leads": leads} for m in months]


def test_a_channel_started_late_is_not_few_visits() -> None:
    """Three channels of 1,000 visits a month, one from September: it read "Few visits
    (14.3 % of the channels judged)" and "optimize", when it brought a third of the
    visits of every month it ran."""
    rows = (
        rows_of("linkedin", MONTHS, 1000, 30)
        + rows_of("facebook", MONTHS, 1000, 20)
        + rows_of("tiktok", MONTHS[8:], 1000, 40)
    )
    tiktok = book_reads_as_rows(rows)["tiktok"]
    assert tiktok.evidence.visits_share == pytest.approx(1 / 3)
    assert tiktok.evidence.leads_share == pytest.approx(40 / 90)
    assert tiktok.rule != "optimize.low-volume-high-conversion"
    assert "Few visits" not in " ".join(tiktok.reasons)
    assert tiktok.evidence.quality == (
        "rows in 4 of the 12 months of the channels judged: its shares of their visits, "
        "leads and customers are of its 4 months (a month without rows is not 0)",
    )


def test_every_channel_every_month_keeps_the_plain_shares_and_no_note() -> None:
    rows = rows_of("linkedin", MONTHS, 3000, 30) + rows_of("facebook", MONTHS, 1000, 20)
    decided = book_reads_as_rows(rows)
    assert decided["facebook"].evidence.visits_share == 0.25
    assert decided["facebook"].evidence.quality == ()


def test_a_month_no_channel_has_is_no_month_of_the_channels() -> None:
    """Every channel missing March: each still has rows in every month of the channels
    judged, and its shares are the plain ones."""
    months = [m for m in MONTHS if m != "2025-03"]
    rows = rows_of("linkedin", months, 3000, 30) + rows_of("facebook", months, 1000, 20)
    decided = book_reads_as_rows(rows)
    assert decided["facebook"].evidence.visits_share == 0.25
    assert decided["facebook"].evidence.quality == ()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(100, 5000), min_size=12, max_size=12),
    st.lists(st.integers(100, 5000), min_size=12, max_size=12),
    st.sets(st.integers(0, 11), min_size=3, max_size=12),
    st.integers(100, 5000),
)
def test_shares_are_of_the_months_a_channel_has_rows(
    a: list[int], b: list[int], ran: set[int], c: int
) -> None:
    """Whichever months the third channel ran: its share of visits is its visits over
    the channels' visits in those months, the same on both paths; a note says so when
    they are not all the months."""
    rows = [
        *({"channel": "linkedin", "month": m, "visits": v, "leads": v // 20}
          for m, v in zip(MONTHS, a, strict=True)),
        *({"channel": "facebook", "month": m, "visits": v, "leads": v // 30}
          for m, v in zip(MONTHS, b, strict=True)),
        *({"channel": "tiktok", "month": MONTHS[i], "visits": c, "leads": c // 25}
          for i in sorted(ran)),
    ]  # fmt: skip
    tiktok = book_reads_as_rows(rows)["tiktok"]
    of = sum(a[i] + b[i] + c for i in ran)
    assert tiktok.evidence.visits_share == pytest.approx(c * len(ran) / of)
    noted = any(q.startswith("rows in ") for q in tiktok.evidence.quality)
    assert noted is (len(ran) < 12)


def test_a_converter_started_late_fulfils_its_role() -> None:
    """x, from September, brought 16 of the 56 customers of its four months (28.6 %, over
    the 15 % a conversions role asks): it read "does not fulfil its role", its 16 taken
    as a share of the whole year's 136 customers (11.8 %)."""
    rows = [
        *({**r, "customers": 5} for r in rows_of("linkedin", MONTHS, 1000, 30)),
        *({**r, "customers": 5} for r in rows_of("facebook", MONTHS, 1000, 30)),
        *({**r, "customers": 4} for r in rows_of("x", MONTHS[8:], 1000, 30)),
    ]
    x = book_reads_as_rows(rows, [gr.Channel("x", role="conversions")])["x"]
    assert x.evidence.fulfils_role is True
    assert "it fulfils its role (conversions)" in x.reasons


@settings(max_examples=30, deadline=None)
@given(
    st.sets(st.integers(0, 11), min_size=2, max_size=12),
    st.integers(0, 12),
    st.integers(1, 12),
)
def test_a_conversions_role_reads_the_customers_of_its_months(
    ran: set[int], mine: int, others: int
) -> None:
    """Whichever months x ran: its conversions role is judged by its customers over the
    channels' customers in those months (its rate credibly above theirs, or a share of
    15 % or more), the same on both paths."""
    rows = [
        *({**r, "customers": others} for r in rows_of("linkedin", MONTHS, 1000, 40)),
        *({"channel": "x", "month": MONTHS[i], "visits": 1000, "leads": 40, "customers": mine}
          for i in sorted(ran)),
    ]  # fmt: skip
    x = book_reads_as_rows(rows, [gr.Channel("x", role="conversions")])["x"]
    share = mine / (mine + others) if mine + others else None
    ev = x.evidence
    credible = (
        ev.customer_rate_low is not None
        and x.portfolio.customer_rate is not None
        and ev.customer_rate_low >= x.portfolio.customer_rate
    )
    assert ev.fulfils_role is (credible or (share is not None and share >= 0.15))
