"""A referrer on a country's domain under a second-level suffix (``pinterest.co.uk``,
``bbc.co.uk``, ``abc.net.au``) was the channel named by that suffix's first label: 'co',
'com', 'net'. Pinterest's British visits were not Pinterest's, and every ``.co.uk``
site's visits were one channel 'co', added up. The name a domain is registered under
comes from the Public Suffix List now. GA4 and Umami exports laid out as the tools write
them (made here)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from goalrules.io.attribution import normalize_source
from goalrules.io.exports import import_exports
from tests import export_files as ef


def test_country_domains_are_their_sites_in_a_ga4_export(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [
        ("202601", "pinterest.co.uk / referral", 40, 1),
        ("202601", "pinterest.com.au / referral", 25, 0),
        ("202601", "pinterest.com / referral", 100, 3),
        ("202601", "bbc.co.uk / social", 300, 2),
        ("202601", "abc.net.au / social", 12, 0),
        ("202601", "news.com.au / referral", 7, 0),
    ])  # fmt: skip
    got = {r.channel: (r.visits, r.leads) for r in import_exports(ga4).performance}
    # (a site its referral medium alone groups is GA4's Referral: the channel 'referral')
    assert got == {"pinterest": (165, 4), "bbc": (300, 2), "abc": (12, 0), "referral": (7, 0)}


def test_a_referrer_domain_in_an_event_export(tmp_path: Path) -> None:
    umami = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-01-05 10:00:00", "/", "", "uk.pinterest.com", ""),
        ("v2", "2026-01-05 11:00:00", "/", "", "www.pinterest.co.uk", "signup"),
        ("v3", "2026-01-06 10:00:00", "/", "", "www.theguardian.co.uk", ""),
    ])  # fmt: skip
    got = {r.channel: (r.visits, r.leads) for r in import_exports(umami).performance}
    # (a referrer alone is GA4's "referrer / referral": a site no group knows by its name
    # is the channel 'referral', shown as context, never judged beside the networks)
    assert got == {"pinterest": (2, 1), "referral": (1, 0)}


@given(
    st.sampled_from(["pinterest", "facebook", "linkedin", "reddit", "example", "bbc", "shop-42"]),
    st.sampled_from(["com", "co.uk", "com.au", "de", "co.jp", "com.br", "net.au", "org.uk"]),
    st.sampled_from(["", "www.", "m.", "uk.", "news."]),
)
def test_the_country_domain_changes_no_channel(name: str, suffix: str, sub: str) -> None:
    assert normalize_source(f"{sub}{name}.{suffix}") == normalize_source(f"{name}.com")
