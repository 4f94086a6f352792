"""A CRM contact of no known source (HubSpot's Original Source empty, "Offline sources":
imports, the CRM's own forms and calls, "Other campaigns") was imported with the medium
"organic", a guess shown as fact: organic or paid is unknown. HubSpot's "AI referrals"
without a drill-down was judged as a network of its own, not as the AI assistants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.judgments.sources import classify_source
from tests import export_files as ef

UNKNOWN = ["", "Offline sources", "Other campaigns", "OFFLINE SOURCES", "other Campaigns"]


@settings(max_examples=20, deadline=None)
@given(source=st.sampled_from(UNKNOWN))
def test_a_contact_of_no_known_source_has_no_medium(
    tmp_path_factory: pytest.TempPathFactory, source: str
) -> None:
    path = ef.hubspot_contacts(
        tmp_path_factory.mktemp("crm") / "hubspot-crm-exports-all-contacts.csv",
        [(source, "", "2026-01-07 10:00", ""), ("Organic social", "LinkedIn", "2026-01-08 10:00", "")],
    )  # fmt: skip
    rows = {r.channel: r for r in import_exports(path).performance}
    unknown = [r for ch, r in rows.items() if ch != "linkedin"]
    assert len(unknown) == 1 and unknown[0].medium is None and unknown[0].leads == 1
    assert classify_source(unknown[0].channel).name == "Unknown source"
    assert rows["linkedin"].medium == "organic"


def test_ai_referrals_are_the_ai_assistants(tmp_path: Path) -> None:
    path = ef.hubspot_contacts(
        tmp_path / "hubspot-crm-exports-all-contacts.csv",
        [("AI Referrals", "", "2026-01-07 10:00", ""), ("AI referrals", "chatgpt.com", "2026-01-08 10:00", "")],
    )  # fmt: skip
    groups = {classify_source(r.channel, r.medium).name for r in import_exports(path).performance}
    assert groups == {"AI assistants"}
