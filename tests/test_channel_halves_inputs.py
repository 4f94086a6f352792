"""Channel decisions on a network written as its ad platform ("Facebook Ads") and on a
month whose spend some rows give and others not: confident wrong answers that were
given, held as examples and as Hypothesis properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.vocabulary import paid_network
from tests.books import book_reads_as_rows
from tests.test_channel_inputs import MONTHS
from tests.test_channel_inputs import steady as rows_of

NETWORKS = ["Facebook", "fb", "Meta", "LinkedIn", "IG", "TikTok", "Twitter", "X", "Reddit"]


# -- "Facebook Ads" is facebook's paid half ------------------------------------------------


def test_an_ad_platform_is_its_networks_paid_half_not_a_channel_of_its_own() -> None:
    rows = (
        [
            {**r, "visits": 3000 - 100 * i, "leads": 60 - 5 * i}
            for i, r in enumerate(rows_of("Facebook"))
        ]
        + rows_of("Facebook Ads", visits=500, leads=10, spend=300)
        + rows_of("LinkedIn", leads=40, spend=200)
    )
    decided = {d.channel: d for d in gr.decide_channels(rows)}
    # it judged "facebook" and "facebook ads" as two networks (cut and reduce): one
    # network now, its rows of no medium and its paid rows
    assert set(decided) == {"facebook", "linkedin"}
    assert decided["facebook"].evidence.visits == sum(3000 - 100 * i for i in range(6)) + 3000
    # with the organic rows said organic, the paid rows are its paid half
    organic = [{**r, "medium": "organic"} for r in rows if r["channel"] == "Facebook"]
    halves = {d.channel: d for d in gr.decide_channels(organic + rows[6:])}
    assert {"facebook", "facebook (organic)", "facebook (paid)"} <= set(halves)
    assert halves["facebook (paid)"].evidence.spend == 1800


def test_google_ads_is_paid_search_context_not_a_social_channel() -> None:
    out = gr.decide_channels(rows_of("Google Ads", spend=100) + rows_of("linkedin"))
    assert [d.channel for d in out] == ["linkedin"]  # it judged "google ads" as a network
    assert [c.group for c in out.context] == ["Paid Search"]


@pytest.mark.parametrize("name", ["ads", "leads", "uploads", "downloads", "spads"])
def test_a_name_ending_in_ads_that_is_no_network_stays_as_named(name: str) -> None:
    assert paid_network(name) is None
    assert gr.ChannelMonth(channel=name, month="2026-01").channel == name


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(NETWORKS),
    st.sampled_from([" Ads", " ads", "_ads", "-ads", "Ads", " ADS"]),
    st.sampled_from([None, "cpc", "paid"]),
)
def test_every_networks_ads_row_is_the_network_paid(
    network: str, suffix: str, medium: str | None
) -> None:
    row = gr.ChannelMonth(channel=network + suffix, month="2026-01", medium=medium)
    assert row.channel == gr.normalize_channel(network)
    assert row.medium == "paid"


def test_a_book_reads_an_ad_platform_as_its_network() -> None:
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import decide_channels_table

    rows = rows_of("Facebook") + rows_of("Facebook Ads", visits=500, leads=10)
    table = decide_channels_table(pl.DataFrame([{"account": "a", **r} for r in rows]))
    # the book sums a network's mediums: one facebook, its visits both rows' (and no
    # "two different rows of facebook in 2026-01" error)
    assert table["channel"].to_list() == ["facebook"]
    assert table["visits"].item() == 6 * 1500


# -- spend given by some rows of a month ---------------------------------------------------


def _organic_and_paid(paid_spend: float | None = 300.0) -> list[dict[str, Any]]:
    organic = [{**r, "medium": "organic", "visits": 3000 - 100 * i, "leads": 60 - 5 * i}
               for i, r in enumerate(rows_of("facebook"))]  # fmt: skip
    return [
        *organic,
        *rows_of("facebook", visits=500, leads=10, medium="paid", spend=paid_spend),
        *rows_of("linkedin", leads=40, spend=200),
    ]


def test_a_month_whose_spend_some_rows_give_has_an_unknown_spend() -> None:
    out = gr.decide_channels(_organic_and_paid())
    decided = {d.channel: d for d in out}
    whole = decided["facebook"]
    # it read the organic rows' missing spend as 0: spend 1,800 over every lead, "its
    # leads cost 5.71 USD / lead against the portfolio's 5.41": reduce, not cut
    assert whole.evidence.spend is None and whole.evidence.cost_per_lead is None
    assert not any("5.71" in line for line in whole.reasons)
    assert "spend not recorded in every month: cost per lead unknown (see data quality)" in (
        whole.reasons
    )
    assert whole.evidence.quality[-1].startswith(
        "spend recorded in 0 of 6 months (6 more in some of their rows only"
    )
    assert decided["facebook (paid)"].evidence.cost_per_lead == 30.0  # its own rows: known
    # linkedin's spend alone is known: no benchmark for its own cost
    assert out.portfolio is not None and out.portfolio.cost_per_lead is None


def test_a_book_reads_a_month_of_partial_spend_as_the_rows_do() -> None:
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import decide_channels_table

    rows = [{k: v for k, v in r.items() if k != "medium"} for r in _organic_and_paid()]
    for i, r in enumerate(rows):  # the organic and paid rows of a month: two campaigns
        r["campaign"] = "paid" if "spend" in r and r["channel"] == "facebook" else f"c{i % 2}"
    for r in rows:
        r.setdefault("spend", None)
    table = decide_channels_table(pl.DataFrame([{"account": "a", **r} for r in rows]))
    assert table.filter(pl.col("channel") == "facebook")["spend"].item() is None
    book_reads_as_rows(rows)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.booleans(), min_size=2, max_size=3), min_size=6, max_size=6))
def test_a_channels_spend_is_known_exactly_when_every_row_gives_it(
    given_by: list[list[bool]],
) -> None:
    rows = []
    for month, flags in zip(MONTHS, given_by, strict=True):
        for k, has in enumerate(flags):
            rows.append({"channel": "x", "month": month, "campaign": f"c{k}", "visits": 500,
                         "leads": 10, **({"spend": 50} if has else {})})  # fmt: skip
    ev = {d.channel: d for d in gr.decide_channels(rows + rows_of("linkedin"))}["x"].evidence
    if all(all(f) for f in given_by):
        assert ev.spend == 50 * sum(map(len, given_by))
    else:
        assert ev.spend is None and ev.cost_per_lead is None
        assert any(q.startswith("spend recorded in ") for q in ev.quality) == any(
            any(f) for f in given_by
        )


# -- a channel whose rows end before the others' -------------------------------------------


def test_a_channel_whose_rows_stop_says_its_months_since_are_unknown() -> None:
    rows = rows_of("facebook") + rows_of("linkedin", visits=800, leads=40)[:3]
    decided = {d.channel: d for d in gr.decide_channels(rows)}
    # it read "Converts credibly above ... keep" with no word that linkedin has no rows
    # for April to June: as if its last months were known
    note = (
        "no rows after 2026-03 while the channels judged run to 2026-06: its 3 months since "
        "are unknown (not 0), and its evidence reads the months given"
    )
    shares = (
        "rows in 3 of the 6 months of the channels judged: its shares of their visits, "
        "leads and customers are of its 3 months (a month without rows is not 0)"
    )
    assert decided["linkedin"].evidence.quality == (note, shares)
    assert f"data quality: {note}" in decided["linkedin"].reasons
    assert decided["facebook"].evidence.quality == ()


def test_a_book_says_a_channels_rows_stop_as_the_rows_do() -> None:
    pytest.importorskip("polars")
    rows = rows_of("facebook") + rows_of("linkedin", visits=800, leads=40)[:4]
    row_path = book_reads_as_rows(rows)
    assert "its 2 months since are unknown" in row_path["linkedin"].evidence.quality[0]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6))
def test_a_note_names_the_months_since_exactly_when_rows_stop_early(a: int, b: int) -> None:
    out = gr.decide_channels(rows_of("x")[:a] + rows_of("linkedin")[:b])
    for d in out:
        last = a if d.channel == "x" else b
        ended = [q for q in d.evidence.quality if q.startswith("no rows after")]
        if last < max(a, b):
            since = max(a, b) - last
            assert ended == [
                f"no rows after 2026-{last:02d} while the channels judged run to "
                f"2026-{max(a, b):02d}: its {'month' if since == 1 else f'{since} months'} "
                "since are unknown (not 0), and its evidence reads the months given"
            ]
        else:
            assert ended == []
