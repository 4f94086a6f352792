"""A site that only its medium puts in a group not judged (a referral site, an affiliate,
an SMS or push tool, an ad network's banners) stays in that group through an import, and
in a team's own performance file or book with a ``medium`` column.

A GA4 traffic-acquisition export holds such rows beside the networks' (``partnerblog.com
/ referral``, ``awin / affiliate``). The medium was read as organic or paid alone, so the
site, a name no group knows, was judged as a channel of its own ("partnerblog REDUCE")
and counted in the networks' portfolio: its low lead rate lowered the portfolio's until
Facebook, declining and converting credibly below the networks, read "reduce" and not
"cut". It is shown as context now, under its group, as GA4 groups it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.attribution import normalize_source
from goalrules.io.exports import import_exports
from goalrules.judgments.sources import MEDIUM_GROUPS, classify_source
from goalrules.model.series import _medium
from tests import export_files as ef

MONTHS = ["202601", "202602", "202603", "202604", "202605", "202606"]


def _networks() -> list[tuple[str, str, int, int]]:
    """Six months of LinkedIn (steady, converting well) and Facebook (declining,
    converting credibly below LinkedIn), as GA4 names their sources."""
    rows = []
    for i, month in enumerate(MONTHS):
        rows += [
            (month, "linkedin.com / referral", 1000, 40),
            (month, "l.facebook.com / referral", 2000 - 60 * i, 44 - 3 * i),
        ]
    return rows


def _sites() -> list[tuple[str, str, int, int]]:
    """A partner's blog and an affiliate network: many visits, few key events."""
    return [
        (month, source, 900, 9)
        for month in MONTHS
        for source in ("partnerblog.com / referral", "awin / affiliate")
    ]


def _decided(path: Path) -> gr.ChannelDecisions:
    funnel = import_exports(path)
    return gr.decide_channels(funnel.channel_months(), today=gr.parse_date("2026-07-01"))


def test_a_ga4_exports_referral_and_affiliate_sites_are_context_not_channels(
    tmp_path: Path,
) -> None:
    alone = _decided(ef.ga4_report(tmp_path / "networks.csv", _networks()))
    both = _decided(ef.ga4_report(tmp_path / "ga4.csv", _networks() + _sites()))
    assert {d.channel for d in both} == {"facebook", "linkedin"}  # partnerblog was judged
    assert {c.group: c.sources for c in both.context} == {
        "Referral": ("referral",),
        "Affiliates": ("affiliates",),
    }
    # the networks' portfolio is theirs: the sites change no decision nor number
    assert both.portfolio == alone.portfolio
    assert [(d.channel, d.decision, d.reasons) for d in both] == [
        (d.channel, d.decision, d.reasons) for d in alone
    ]
    facebook = next(d for d in both if d.channel == "facebook")
    assert facebook.decision is gr.Decision.CUT  # it read reduce beside the sites


def test_sessions_from_a_partner_site_are_referral() -> None:
    """A session from a partner's site (its referrer alone, as GA4 reads it: "referrer /
    referral", or tagged so) was the channel 'partnerblog', judged beside the networks;
    a network's referrer stays the network."""
    sessions = [
        {"date": "2026-01-05", "referrer": "https://partnerblog.com/post"},
        {"date": "2026-01-05", "landing_url": "https://a.example/?utm_source=partnerblog.com&utm_medium=referral"},
        {"date": "2026-01-05", "landing_url": "https://a.example/?utm_source=awin&utm_medium=affiliate"},
        {"date": "2026-01-05", "landing_url": "https://a.example/?utm_source=fb&utm_medium=referral"},
        {"date": "2026-01-05", "referrer": "https://l.facebook.com/"},
        {"date": "2026-01-05", "referrer": "https://www.google.com/"},
    ]  # fmt: skip
    got = {r.channel: r.visits for r in gr.attribute_sessions(sessions)}
    assert got == {"referral": 2, "affiliates": 1, "facebook": 2, "google": 1}
    decided = gr.decide_channels(gr.attribute_sessions(sessions), all_sources=False)
    assert {d.channel for d in decided} == {"facebook"}


SITES = st.sampled_from(["partnerblog.com", "news.example.co.uk", "awin", "impact.com",
                         "acme-partners.net", "Some Site"])  # fmt: skip
MEDIUMS = st.sampled_from(["referral", "Referral", "affiliate", "sms", "push", "link", "app",
                           "banner", "interstitial"])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(SITES, MEDIUMS)
def test_a_site_keeps_the_group_its_medium_puts_it_in(site: str, medium: str) -> None:
    """A source no group knows by its name, with a medium of a group not judged: the
    channel it is read as (its medium read as organic or paid, as a row keeps it) falls
    in that group too, never a channel to judge."""
    group = classify_source(site.lower(), medium.lower())
    assert group.name in MEDIUM_GROUPS and not group.judged
    channel = normalize_source(site, medium)
    assert classify_source(channel, _medium(medium)).name == group.name


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["l.facebook.com", "linkedin.com", "t.co", "tiktok", "youtube.com",
                        "google", "chatgpt.com", "mailchimp"]), MEDIUMS)  # fmt: skip
def test_a_source_known_by_its_name_stays_itself(source: str, medium: str) -> None:
    """A network, a search engine, an AI assistant or an email tool is known by its
    name whatever the medium: its channel is the one it is without the medium."""
    if classify_source(source, medium.lower()).name in MEDIUM_GROUPS:
        return  # (GA4 puts tiktok / banner in Display; the network's rows stay its own)
    assert normalize_source(source, medium) == normalize_source(source)


# -- a team's own performance file, or a book, with a medium column ----------------------


def _own_rows() -> list[dict[str, object]]:
    """Six months of networks (source, medium) and of sites no group knows by their name,
    as a team's own file (GA4's Data API pulled into a sheet) writes them."""
    rows: list[dict[str, object]] = []
    for i, month in enumerate(f"2026-{m:02d}" for m in range(1, 7)):
        rows += [
            {"channel": "linkedin", "medium": "social", "month": month, "visits": 1000,
             "leads": 40},
            {"channel": "facebook", "medium": "social", "month": month,
             "visits": 2000 - 60 * i, "leads": 44 - 3 * i},
            {"channel": "Facebook", "medium": "cpc", "month": month, "visits": 500,
             "leads": 10},
        ]  # fmt: skip
    return rows


def _site_rows() -> list[dict[str, object]]:
    return [
        {"channel": site, "medium": medium, "month": f"2026-{m:02d}", "visits": 900, "leads": 9}
        for m in range(1, 7)
        for site, medium in (("partnerblog.com", "Referral"), ("otherblog.com", "referral"),
                             ("awin", "affiliate"))
    ]  # fmt: skip


def test_own_rows_of_referral_sites_are_context_not_channels() -> None:
    """'partnerblog.com, referral' in a team's own file read 'partnerblog.com REDUCE',
    its medium read as organic alone; two referral sites of a month are two rows, not a
    row given twice."""
    alone = gr.decide_channels(_own_rows())
    both = gr.decide_channels(_own_rows() + _site_rows())
    assert [d.channel for d in both] == [d.channel for d in alone]
    assert [(d.decision, d.reasons) for d in both] == [(d.decision, d.reasons) for d in alone]
    assert both.portfolio == alone.portfolio
    assert {c.group: c.sources for c in both.context} == {
        "Referral": ("otherblog.com", "partnerblog.com"),
        "Affiliates": ("awin",),
    }
    judged = gr.decide_channels(_own_rows() + _site_rows(), all_sources=True)
    assert {"partnerblog.com", "otherblog.com", "awin"} <= {d.channel for d in judged}


def test_a_book_reads_referral_sites_as_one_accounts_rows_do() -> None:
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import decide_channels_table

    rows = [{"account": "acme", **r} for r in _own_rows() + _site_rows()]
    book = decide_channels_table(pl.DataFrame(rows))
    one = gr.decide_channels(_own_rows() + _site_rows())
    assert sorted(book["channel"].to_list()) == sorted(d.channel for d in one)
    for d in one:
        row = book.filter(pl.col("channel") == d.channel).row(0, named=True)
        assert (row["decision"], row["rule"]) == (d.decision.value, d.rule)


@settings(max_examples=40, deadline=None)
@given(SITES, MEDIUMS)
def test_a_row_keeps_the_group_its_medium_puts_its_site_in(site: str, medium: str) -> None:
    row = gr.ChannelMonth(channel=site, month="2026-01", visits=1, leads=0, medium=medium)
    group = classify_source(site.lower(), medium.lower())
    assert classify_source(row.channel, row.medium).name == group.name


@pytest.mark.parametrize("kept", ["referral", "affiliate", "sms"])
def test_all_sources_splits_a_site_with_a_kept_medium_into_its_two_halves(kept: str) -> None:
    """With ``all_sources``, a site no group knows with a referral (affiliate, SMS) row
    and a paid row a month is judged whole and per half: the halves were named from the
    medium as kept ("partnerblog.com (referral)"), a half never looked up, and only the
    paid half was shown."""
    rows = []
    for m in range(1, 7):
        month = f"2026-{m:02d}"
        rows += [
            {"channel": "partnerblog.com", "month": month, "visits": 500, "leads": 10,
             "medium": kept},
            {"channel": "partnerblog.com", "month": month, "visits": 300, "leads": 3,
             "medium": "cpc"},
            {"channel": "linkedin", "month": month, "visits": 900, "leads": 20},
        ]  # fmt: skip
    decided = gr.decide_channels(rows, today=gr.deadline("2026-08-01"), all_sources=True)
    site = [(d.channel, d.medium) for d in decided if d.channel.startswith("partnerblog")]
    assert site == [
        ("partnerblog.com", None),
        ("partnerblog.com (organic)", "organic"),
        ("partnerblog.com (paid)", "paid"),
    ]
    halves = {d.medium: d.evidence.visits for d in decided if d.medium}
    assert halves == {"organic": 3000, "paid": 1800}


def test_the_notebook_table_says_the_data_quality_notes() -> None:
    """The notebook's table (``ChannelDecisions._repr_html_``) gave each decision's first
    reason alone: "Converts credibly above the portfolio" of a channel with no rows for
    its last months, without the note that says so (the reports give it)."""
    rows = [
        {"channel": ch, "month": f"2026-{m:02d}", "visits": 1000, "leads": leads}
        for ch, last, leads in (("linkedin", 6, 60), ("facebook", 6, 10), ("x", 4, 12))
        for m in range(1, last + 1)
    ]
    decided = gr.decide_channels(rows, today=gr.deadline("2026-08-01"))
    x = next(d for d in decided if d.channel == "x")
    assert any(q.startswith("no rows after 2026-04") for q in x.evidence.quality)
    assert "Data quality: no rows after 2026-04" in decided._repr_html_()
