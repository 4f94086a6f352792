"""Email is one channel, whichever tool sent it. GA4 writes an email's visits as
"newsletter / email", "mailchimp / email", "hs_email / email"; HubSpot writes their leads
as "Email marketing". Read as they were, the visits were the channels 'newsletter',
'mailchimp' and 'hs_email' with 0 leads each, and the leads the channel 'email' with no
visits (four wrong rows, though GA4's channel grouping put all of them in its Email
group). Files laid out like GA4's, its Data API's, HubSpot's and Umami's exports (made
here)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.attribution import normalize_source
from goalrules.io.exports import import_exports
from goalrules.judgments.sources import classify_source
from goalrules.vocabulary import normalize_channel
from tests import export_files as ef

CRM = "hubspot-crm-exports-all-contacts.csv"
EMAIL_SOURCES = ["newsletter", "mailchimp", "hs_email", "klaviyo", "spring_sale_2026",
                 "Newsletter_7", "brevo"]  # fmt: skip
EMAIL_MEDIUMS = ["email", "Email", "e-mail", "e_mail"]


def _perf(result: object) -> dict[str, tuple[float, float]]:
    return {r.channel: (r.visits, r.leads) for r in result.performance}  # type: ignore[attr-defined]


def test_ga4s_email_sources_meet_hubspots_email_marketing_leads(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [
        ("202601", "newsletter / email", 120, 0), ("202601", "mailchimp / email", 30, 0),
        ("202601", "hs_email / email", 10, 0), ("202601", "facebook.com / referral", 200, 0),
    ])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / CRM, [
        ("Email marketing", "", "2026-01-07 10:00", ""),
        ("Email marketing", "", "2026-01-09 10:00", ""),
        ("Organic social", "Facebook", "2026-01-08 10:00", ""),
    ])  # fmt: skip
    result = import_exports([ga4, crm])
    assert _perf(result) == {"email": (160, 2), "facebook": (200, 1)}
    assert not [n for n in result.notes if "no visits" in n or "no leads" in n]


def test_the_data_apis_medium_column_and_sessions_say_email_too(tmp_path: Path) -> None:
    api = ef.write_csv(tmp_path / "ga4-api.csv", [
        ["yearMonth", "sessionSource", "sessionMedium", "sessions", "keyEvents"],
        ["202601", "newsletter", "email", "90", "4"], ["202601", "spring_sale", "email", "10", "1"],
        ["202601", "linkedin.com", "referral", "50", "2"],
    ])  # fmt: skip
    assert _perf(import_exports(api)) == {"email": (100, 5), "linkedin": (50, 2)}
    umami = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-01-05 10:00:00", "/", "utm_source=mailchimp&utm_medium=email", "", ""),
        ("v1", "2026-01-05 10:01:00", "/signup", "", "", "signup"),
        ("v2", "2026-01-06 10:00:00", "/", "", "mail.google.com", ""),
    ])  # fmt: skip
    assert _perf(import_exports(umami)) == {"email": (2, 1)}


def test_a_networks_name_with_the_medium_email_stays_the_network() -> None:
    """GA4 groups "facebook / email" as Organic Social (its source rule comes first):
    the channel is the one GA4's grouping gives, as in the channel decisions."""
    assert normalize_source("facebook", "email") == "facebook"
    assert classify_source("facebook", "email").name == "Organic Social"
    assert normalize_source("google", "cpc") == "google"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(st.sampled_from(EMAIL_SOURCES), st.integers(1, 500), min_size=1),
    st.sampled_from(EMAIL_MEDIUMS),
    st.integers(1, 5),
)
def test_every_email_source_is_one_channel_whose_leads_meet_its_visits(
    tmp_path: Path, visits: dict[str, int], medium: str, leads: int
) -> None:
    """However the email traffic is split among tools and campaigns, and whichever way
    the medium is spelt, its visits add up on the one channel the CRM's leads are on."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv",
                        [("202601", f"{s} / {medium}", v, 0) for s, v in visits.items()])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / CRM,
                              [("Email marketing", "", "2026-01-07 10:00", "")] * leads)  # fmt: skip
    assert _perf(import_exports([ga4, crm])) == {"email": (sum(visits.values()), leads)}


@given(st.sampled_from(["mailchimp", "Newsletter", "hs_email", "mail.google.com",
                        "android-app://com.google.android.gm/", "outlook.live.com"]))  # fmt: skip
def test_email_tools_and_webmail_are_the_email_channel(name: str) -> None:
    assert normalize_channel(name) == "email"
    assert classify_source(normalize_channel(name)).name == "Email"
