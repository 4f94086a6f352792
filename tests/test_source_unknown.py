"""Sources no export names are context, not channels to keep or cut, and not direct
traffic. GA4's Unassigned channel group was imported as direct traffic (its visits added
to Direct's); its "(not set)" and the CRM's contacts of no known source sat in the Direct
group; HubSpot's "Offline sources" and "Other campaigns" and GA4's "(other)" row (the
sources past a report's row limit) were judged as networks ("offline sources:
experiment")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.exports import import_exports
from goalrules.judgments.sources import classify_source
from tests import export_files as ef

TODAY = dt.date(2026, 7, 1)
UNKNOWN = ("(not set)", "(other)", "unassigned", "offline sources", "other campaigns")


def _rows(extra: str, visits: int) -> list[gr.ChannelMonth]:
    rows = []
    for m in range(1, 7):
        month = f"2026-{m:02d}"
        rows += [gr.ChannelMonth(channel="linkedin", month=month, visits=1000, leads=20),
                 gr.ChannelMonth(channel="facebook", month=month, visits=800, leads=12),
                 gr.ChannelMonth(channel="(none)", month=month, visits=500, leads=5),
                 gr.ChannelMonth(channel=extra, month=month, visits=visits, leads=3)]  # fmt: skip
    return rows


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(UNKNOWN), st.sampled_from(["", "Offline Sources", "UNASSIGNED"]))
def test_a_source_no_export_names_is_context_not_a_channel(name: str, spelling: str) -> None:
    name = spelling if spelling.lower() == name else name
    decisions = gr.decide_channels(_rows(name, 300), today=TODAY)
    assert {d.channel for d in decisions} == {"linkedin", "facebook"}
    groups = {s.group: s for s in decisions.context}
    assert groups["Direct"].visits == 6 * 500  # direct traffic alone
    assert groups["Unknown source"].visits == 6 * 300
    assert groups["Unknown source"].leads == 6 * 3


def test_the_groups_of_sources_no_export_names() -> None:
    for name in UNKNOWN:
        group = classify_source(name, "organic")
        assert (group.name, group.judged) == ("Unknown source", False)
    assert classify_source("(direct)", "(none)").name == "Direct"
    assert classify_source("(none)", "organic").name == "Direct"


def test_ga4_unassigned_channel_group_is_not_direct_traffic(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "Direct", 120, 0),
                                                 ("202601", "Unassigned", 30, 0),
                                                 ("202601", "Organic Social", 50, 0)])  # fmt: skip
    ga4.write_text(
        ga4.read_text().replace("Session source / medium", "Session default channel group")
    )
    rows = import_exports(ga4).performance
    visits = {r.channel: r.visits for r in rows}
    assert visits["(none)"] == 120  # Direct's, not 150
    assert visits["unassigned"] == 30
    keys = ("month", "channel", "visits", "leads")
    decisions = gr.decide_channels(
        [{k: r.to_dict()[k] for k in keys} for r in rows], today=dt.date(2026, 3, 1)
    )
    groups = {s.group: s.visits for s in decisions.context}
    assert groups["Direct"] == 120 and groups["Unknown source"] == 30


def test_crm_contacts_of_no_known_source_are_not_direct(tmp_path: Path) -> None:
    crm = ef.hubspot_contacts(
        tmp_path / "hubspot-crm-exports-all-contacts.csv",
        [("", "", "2026-01-07 10:00", ""), ("Offline sources", "IMPORT", "2026-01-08 10:00", ""),
         ("Direct traffic", "", "2026-01-09 10:00", ""),
         ("Organic social", "LinkedIn", "2026-01-09 11:00", "")],
    )  # fmt: skip
    rows = import_exports(crm).performance
    groups = {classify_source(r.channel, r.medium).name for r in rows if r.leads}
    assert groups == {"Unknown source", "Direct", "Organic Social"}
