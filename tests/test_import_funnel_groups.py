"""Visits by GA4 channel group joined with a CRM's leads by network: 'social' had 500
visits and 0 leads, 'facebook' 1 lead and 0 visits (two wrong rows, with notes that
called the missing leads 0). A group on one side and its networks on the other is an
error naming the file that counts by group. Files laid out like GA4's and HubSpot's
exports (made here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

NETWORKS = {"Facebook": ("facebook.com / referral", "facebook"),
            "LinkedIn": ("linkedin.com / referral", "linkedin"),
            "Twitter": ("t.co / referral", "x")}  # fmt: skip


def _ga4(path: Path, rows: list[tuple[str, int]], *, groups: bool) -> Path:
    p = ef.ga4_report(path, [("202601", dim, v, 0) for dim, v in rows])
    if groups:
        p.write_text(
            p.read_text().replace("Session source / medium", "Session default channel group")
        )
    return p


def _crm(path: Path, networks: list[str]) -> Path:
    return ef.hubspot_contacts(path, [("Organic social", n, "2026-01-07 10:00", "")
                                      for n in networks])  # fmt: skip


def test_visits_by_channel_group_and_leads_by_network_are_an_error(tmp_path: Path) -> None:
    ga4 = _ga4(
        tmp_path / "ga4.csv", [("Organic Social", 500), ("Organic Search", 300)], groups=True
    )
    crm = _crm(tmp_path / "hubspot-crm-exports-all-contacts.csv", ["Facebook"])
    with pytest.raises(DataError) as err:
        import_exports([ga4, crm])
    assert err.value.source == str(ga4)
    assert "'social'" in str(err.value) and "'facebook'" in str(err.value)


def test_visits_by_organic_video_and_youtube_leads_are_an_error(tmp_path: Path) -> None:
    """GA4's channel grouping puts YouTube in Organic Video (not Organic Social): its
    visits were the channel 'video' with 0 leads, HubSpot's YouTube leads a channel
    with no visits."""
    ga4 = _ga4(tmp_path / "ga4.csv", [("Organic Video", 500), ("Organic Search", 300)], groups=True)
    crm = _crm(tmp_path / "hubspot-crm-exports-all-contacts.csv", ["YouTube"] * 3)
    with pytest.raises(DataError) as err:
        import_exports([ga4, crm])
    assert err.value.source == str(ga4)
    assert "'video'" in str(err.value) and "'youtube'" in str(err.value)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(sorted(NETWORKS)), min_size=1, max_size=8),
       st.dictionaries(st.sampled_from(sorted(NETWORKS)), st.integers(1, 900), min_size=1))  # fmt: skip
def test_by_network_each_networks_leads_meet_its_visits(
    tmp_path: Path, contacts: list[str], visits: dict[str, int]
) -> None:
    """GA4 by source / medium and the CRM by network: each network's leads are on its
    own row, beside its own visits, and no lead is lost."""
    ga4 = _ga4(tmp_path / "ga4.csv", [(NETWORKS[n][0], v) for n, v in visits.items()],
               groups=False)  # fmt: skip
    crm = _crm(tmp_path / "hubspot-crm-exports-all-contacts.csv", contacts)
    rows = {r.channel: r for r in import_exports([ga4, crm]).performance}
    assert sum(r.leads for r in rows.values()) == len(contacts)
    for name, (_, channel) in NETWORKS.items():
        if name in visits:
            assert rows[channel].visits == visits[name]
        if name in contacts:
            assert rows[channel].leads == contacts.count(name)


def test_a_month_the_crm_has_no_contact_in_is_noted(tmp_path: Path) -> None:
    """Visits in January to March, the CRM's contacts in January and March: February's
    leads are read as 0 only with a note that says so (the CRM export may not cover
    February), never silently."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "facebook.com / referral", 90, 0),
                                               ("202602", "facebook.com / referral", 80, 0),
                                               ("202603", "facebook.com / referral", 70, 0)])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Organic social", "Facebook", "2026-01-07 10:00", ""),
        ("Organic social", "Facebook", "2026-03-07 10:00", "")])  # fmt: skip
    result = import_exports([ga4, crm])
    rows = {r.month.month: (r.visits, r.leads) for r in result.performance}
    assert rows == {1: (90, 1), 2: (80, 0), 3: (70, 1)}
    said = [n for n in result.notes if "no lead or customer at all in 2026-02" in n]
    assert len(said) == 1 and "unknown, not 0" in said[0]


def test_a_month_before_the_crms_first_contact_has_its_leads_unknown(tmp_path: Path) -> None:
    """Visits in January and February, the CRM export's contacts all in February (a CRM
    adopted in February, an export filtered by date): January's leads were read as 0
    (with a note), so the leads read as rising from 0. They are unknown now."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "facebook.com / referral", 90, 0),
                                               ("202601", "linkedin.com / referral", 40, 0),
                                               ("202602", "facebook.com / referral", 80, 0)])  # fmt: skip
    crm = _crm(tmp_path / "hubspot-crm-exports-all-contacts.csv", ["Facebook"])
    crm.write_text(crm.read_text().replace("2026-01-07", "2026-02-07"))
    result = import_exports([ga4, crm])
    rows = {(r.month.month, r.channel): (r.visits, r.leads, r.customers)
            for r in result.performance}  # fmt: skip
    assert rows == {(1, "facebook"): (90, None, None), (1, "linkedin"): (40, None, None),
                    (2, "facebook"): (80, 1, 0)}  # fmt: skip
    said = [n for n in result.notes if "contacts run from 2026-02 to 2026-02" in n]
    assert len(said) == 1 and "of 2026-01, where the analytics have visits, are unknown" in said[0]
    assert not [n for n in result.notes if "read as 0 leads" in n]


def test_plausibles_direct_traffic_meets_the_crms(tmp_path: Path) -> None:
    """Plausible names direct traffic 'Direct / None': it was the channel 'direct',
    never met by the CRM's direct leads ('(none)'), so each side had a wrong row."""
    web = ef.plausible_json(tmp_path / "plausible.json",
                            [("2026-01-01", "Direct / None", 70, 0),
                             ("2026-01-01", "Facebook", 30, 0)])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv",
                              [("Direct traffic", "", "2026-01-09 10:00", "")])  # fmt: skip
    rows = {r.channel: (r.visits, r.leads) for r in import_exports([web, crm]).performance}
    assert rows == {"(none)": (70, 1), "facebook": (30, 0)}


def test_plausibles_events_without_a_goal_filter_are_not_leads(tmp_path: Path) -> None:
    """Plausible's events are every event (pageviews included) unless the query filters
    by a goal: 80 visits with 240 events were read as 240 leads. Without the goal filter
    the export has no leads column: its leads are unknown (said in a note), unless the CRM
    gives them."""
    rows = [("2026-01-01", "Facebook", 80, 240)]
    every = ef.plausible_json(tmp_path / "plausible.json", rows, goal=None)
    alone = import_exports(every)
    assert [(r.visits, r.leads) for r in alone.performance] == [(80, None)]
    assert any("no leads column" in n for n in alone.notes)
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv",
                              [("Organic social", "Facebook", "2026-01-09 10:00", "")])  # fmt: skip
    assert [(r.visits, r.leads) for r in import_exports([every, crm]).performance] == [(80, 1)]
    goal = ef.plausible_json(tmp_path / "plausible-goal.json", [("2026-01-01", "Facebook", 80, 3)])
    assert [(r.visits, r.leads) for r in import_exports(goal).performance] == [(80, 3)]


def test_plausible_as_a_table_says_what_its_events_are(tmp_path: Path) -> None:
    """A table of Plausible's results (no query to tell a goal filter by): its events are
    read as leads, and the note says when that is so."""
    p = ef.write_csv(tmp_path / "plausible.csv", [["time:month", "visit:source", "visits", "events"],
                                                  ["2026-01-01", "Facebook", 80, 3]])  # fmt: skip
    result = import_exports(p)
    assert [(r.visits, r.leads) for r in result.performance] == [(80, 3)]
    assert any("only when the query filtered by a goal" in n for n in result.notes)
