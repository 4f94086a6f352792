"""GA4's default channel groups, as Google defines them
(support.google.com/analytics/answer/9756891), read by an import of a report by
"Session default channel group". "Unassigned" (a session none of Google's rules placed),
"Affiliates" and "Audio" were imported with the medium "organic", a guess shown as fact;
"Audio" was judged as a network of its own; "Paid Video" and "Paid Shopping" landed in
the organic groups, "Cross-network" in Paid Other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.judgments.sources import classify_source
from tests import export_files as ef

#: Google's default channel groups -> (the goalrules group their rows land in, the medium
#: Google's rule for the group implies: paid, organic, or None where it says neither)
GOOGLE = {
    "Direct": ("Direct", "organic"),
    "Cross-network": ("Cross-network", "paid"),
    "Paid Shopping": ("Paid Shopping", "paid"),
    "Paid Search": ("Paid Search", "paid"),
    "Paid Social": ("Paid Social", "paid"),
    "Paid Video": ("Paid Video", "paid"),
    "Display": ("Display", "paid"),
    "Paid Other": ("Paid Other", "paid"),
    "Organic Shopping": ("Organic Shopping", "organic"),
    "Organic Social": ("Organic Social", "organic"),
    "Organic Video": ("Organic Video", "organic"),
    "Organic Search": ("Organic Search", "organic"),
    "Email": ("Email", "organic"),
    "Affiliates": ("Affiliates", None),
    "Referral": ("Referral", "organic"),
    "Audio": ("Audio", None),
    "SMS": ("SMS", "organic"),
    "Mobile Push Notifications": ("Mobile Push Notifications", "organic"),
    "Unassigned": ("Unknown source", None),
}


def _report(tmp_path: Path, groups: list[str]) -> Path:
    rows = [("202601", g, 10 * (i + 1), i) for i, g in enumerate(groups)]
    path = ef.ga4_report(tmp_path / "ga4.csv", rows)
    path.write_text(
        path.read_text().replace("Session source / medium", "Session default channel group")
    )
    return path


def test_every_default_channel_group_lands_in_googles_group(tmp_path: Path) -> None:
    result = import_exports(_report(tmp_path, list(GOOGLE)))
    assert len(result.performance) == len(GOOGLE)
    by_visits = {r.visits: r for r in result.performance}
    for i, (name, (group, medium)) in enumerate(GOOGLE.items()):
        row = by_visits[10 * (i + 1)]
        assert (classify_source(row.channel, row.medium).name, row.medium) == (group, medium), name
        assert row.leads == i


@settings(max_examples=25, deadline=None)
@given(
    name=st.sampled_from(sorted(GOOGLE)), case=st.sampled_from([str.lower, str.upper, str.title])
)
def test_a_group_in_any_case_is_read_alike(
    tmp_path_factory: pytest.TempPathFactory, name: str, case: Callable[[str], str]
) -> None:
    path = _report(tmp_path_factory.mktemp("ga4"), [case(name)])
    (row,) = import_exports(path).performance
    assert (classify_source(row.channel, row.medium).name, row.medium) == GOOGLE[name]


def test_unassigned_is_an_unknown_medium_with_a_note(tmp_path: Path) -> None:
    result = import_exports(_report(tmp_path, ["Unassigned", "Organic Social"]))
    unassigned = next(r for r in result.performance if r.channel == "unassigned")
    assert unassigned.medium is None and unassigned.visits == 10
    assert any("Unassigned" in n and "unknown" in n for n in result.notes)


def test_a_custom_group_says_its_medium_only_when_its_name_does(tmp_path: Path) -> None:
    rows = import_exports(_report(tmp_path, ["Partners", "Paid Podcasts", "Organic Podcasts"]))
    media = {r.channel: r.medium for r in rows.performance}
    assert media == {"partners": None, "paid podcasts": "paid", "organic podcasts": "organic"}


def test_an_unassigned_row_keeps_the_funnels_organic_and_paid_apart(tmp_path: Path) -> None:
    ga4 = _report(tmp_path, ["Organic Social", "Paid Social", "Unassigned"])
    crm = ef.hubspot_contacts(
        tmp_path / "hubspot-crm-exports-all-contacts.csv",
        [("Organic social", "", "2026-01-07 10:00", ""),
         ("Paid social", "", "2026-01-08 10:00", ""),
         ("Paid social", "", "2026-01-09 10:00", "")],
    )  # fmt: skip
    rows = {
        (r.channel, r.medium): (r.visits, r.leads) for r in import_exports([ga4, crm]).performance
    }
    assert rows[("social", "organic")] == (10, 1)
    assert rows[("social", "paid")] == (20, 2)


@settings(max_examples=20, deadline=None)
@given(
    medium=st.sampled_from(["(not set)", ""]),
    source=st.sampled_from(["google", "facebook.com", "newsletter-partner"]),
)
def test_a_medium_ga4_could_not_tell_is_unknown_never_organic(
    tmp_path_factory: pytest.TempPathFactory, medium: str, source: str
) -> None:
    path = ef.ga4_report(tmp_path_factory.mktemp("ga4") / "ga4.csv",
                         [("202601", f"{source} / {medium}", 100, 2),
                          ("202601", "(direct) / (none)", 50, 1)])  # fmt: skip
    result = import_exports(path)
    media = {r.visits: r.medium for r in result.performance}
    assert media == {100: None, 50: "organic"}
    assert any("(not set)" in n and "unknown" in n for n in result.notes)
