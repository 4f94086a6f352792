"""A book whose networks have organic and paid rows (a ``medium`` column, or an ad
platform's rows such as "Facebook Ads") decides and words each network, and each of its
halves, as one account's rows do: the network's decision made coherent with its halves';
and so does a book with followers, engagements or reach columns (an awareness or
engagement role judged by their trend)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")

from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def book_and_rows(rows: list[dict[str, Any]], channels: Sequence[gr.Channel] = ()) -> None:
    """The table path's decisions (and the words ``book_decisions`` gives them) of each
    account are the row path's: the same channels (a network and its halves), the same
    decision, rule, reasons and data-quality notes, and whether each does its role's job."""
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=channels)
    worded = book_decisions(table)
    for account in sorted({r["account"] for r in rows}):
        mine = [{k: v for k, v in r.items() if k != "account"} for r in rows
                if r["account"] == account]  # fmt: skip
        named = {gr.Channel(r["channel"]).id for r in mine}  # (a channel named without rows
        # is judged by the row path as one of no months: the book names channels for all)
        one = gr.decide_channels(mine, channels=[c for c in channels if c.id in named])
        book = [d for a, d in worded if a == account]
        assert [d.channel for d in book] == [d.channel for d in one]
        for b, o in zip(book, one, strict=True):
            assert (b.decision, b.rule, b.reasons) == (o.decision, o.rule, o.reasons), o.channel
            assert b.evidence.quality == o.evidence.quality, o.channel
            assert b.evidence.fulfils_role == o.evidence.fulfils_role, o.channel
            assert b.evidence.role_metric_trend == pytest.approx(o.evidence.role_metric_trend)


def test_a_network_whose_halves_invest_is_not_told_to_shrink_in_a_book() -> None:
    """Facebook organic flat, its paid campaign run for three months: both halves kept,
    the network kept (its note says the rules would say reduce, taken whole). The book
    read "facebook: reduce, Declining: visits -12.5 % and leads -12.5 % a month" with no
    word of its halves, where the same account's rows read "keep"."""
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(MONTHS):
        rows.append({"account": "a", "channel": "facebook", "medium": "organic", "month": m,
                     "visits": 3000, "leads": 66})  # fmt: skip
        if i < 3:
            rows.append({"account": "a", "channel": "facebook", "medium": "cpc", "month": m,
                         "visits": 2000, "leads": 44})  # fmt: skip
        for name in ("instagram", "linkedin"):
            rows.append({"account": "a", "channel": name, "month": m, "visits": 2000,
                         "leads": 44})  # fmt: skip
    table = decide_channels_table(pl.DataFrame(rows, strict=False))
    got = dict(zip(table["channel"], table["decision"], strict=True))
    assert got["facebook"] == "keep"
    assert got["facebook (organic)"] == got["facebook (paid)"] == "keep"
    facebook = next(d for _, d in book_decisions(table) if d.channel == "facebook")
    assert facebook.reasons[0].startswith("Both its halves are worth investing in")
    assert facebook.rule == "reduce.declining"
    book_and_rows(rows)


def test_an_ad_platforms_rows_beside_the_networks_organic_rows_are_its_paid_half() -> None:
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(MONTHS):
        rows.append({"account": "b", "channel": "LinkedIn", "medium": "organic", "month": m,
                     "visits": 3000, "leads": 66})  # fmt: skip
        rows.append({"account": "b", "channel": "LinkedIn Ads", "medium": None, "month": m,
                     "visits": 2000 - 200 * i, "leads": 20, "spend": 900.0})  # fmt: skip
        rows.append({"account": "b", "channel": "instagram", "medium": None, "month": m,
                     "visits": 2000, "leads": 44, "spend": 300.0})  # fmt: skip
    table = decide_channels_table(pl.DataFrame(rows, strict=False))
    assert {"linkedin (organic)", "linkedin (paid)"} <= set(table["channel"])
    book_and_rows(rows)


SOCIAL = ("followers", "engagements", "reach")


def _book(seed: int, accounts: int, social: bool = False) -> list[dict[str, Any]]:
    """Rows of ``accounts`` accounts; with ``social``, some of the columns followers,
    engagements and reach, each recorded in some rows (rising or falling), blank in others."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    columns = rng.sample(SOCIAL, rng.randint(1, 3)) if social else []
    for a in range(accounts):
        for name in rng.sample(["facebook", "linkedin", "instagram", "tiktok"], rng.randint(1, 4)):
            mediums = rng.choice([[None], ["organic", "paid"], ["social", "cpc"], ["organic"]])
            for medium in mediums:
                visits = rng.randint(50, 4000)
                fall = rng.choice([-0.15, -0.05, 0.0, 0.05, 0.2])
                rate = rng.choice([0.005, 0.02, 0.05])
                spend = rng.choice([None, 0, 300]) if medium in ("paid", "cpc") else None
                start, stop = rng.choice([(0, 6), (0, 6), (2, 6), (0, 3), (0, 2)])
                for i in range(start, stop):
                    v = round(visits * (1 + fall) ** i)
                    row = {"account": f"acc{a}", "channel": name, "medium": medium,
                           "month": MONTHS[i], "visits": v, "leads": round(v * rate)}  # fmt: skip
                    if spend is not None:
                        row["spend"] = float(spend)
                    for metric in columns:
                        if rng.random() < 0.7:  # else not recorded (None): unknown, not 0
                            row[metric] = max(0, round(500 * (1 + fall) ** i + rng.randint(-9, 9)))
                    rows.append(row)
    return rows


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 3))
def test_a_book_of_halves_decides_and_words_each_account_as_its_rows_do(
    seed: int, accounts: int
) -> None:
    rows = _book(seed, accounts)
    roles = [gr.Channel("linkedin", role="leads"), gr.Channel("facebook", role="traffic")]
    book_and_rows(rows, roles if seed % 2 else [])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 3))
def test_a_book_of_followers_engagements_or_reach_judges_each_role_as_its_rows_do(
    seed: int, accounts: int
) -> None:
    # the book once left an awareness role unknown (its followers not read), and cut a
    # channel its account's rows kept for its rising followers
    rows = _book(seed, accounts, social=True)
    roles = [
        gr.Channel("tiktok", role="brand_awareness"),
        gr.Channel("instagram", role="engagement"),
        gr.Channel("facebook", role="community" if seed % 2 else "traffic"),
        gr.Channel("linkedin", role="leads"),
    ]
    book_and_rows(rows, roles)
