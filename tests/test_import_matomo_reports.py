"""Matomo's Referrers.getCampaigns and Referrers.getSocials have the same columns, but a
campaigns export's labels are campaigns' names: they were read as channels
('spring-sale': 100 visits, judged beside Facebook as a network). They are campaigns now,
of the channel '(not set)' (the export does not say which channel), with a note; a
label no network's name in a file that does not say which report it is, is an error.
Files laid out like Matomo's CSV (UTF-16 with a BOM, a date column for several periods,
its rows' metadata beside the metrics) and JSON (made here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

HEADER = ["date", "label", "nb_uniq_visitors", "nb_visits", "nb_actions", "nb_conversions",
          "revenue"]  # fmt: skip


def _campaigns(path: Path, rows: list[tuple[str, str, int, int]]) -> Path:
    """Referrers.getCampaigns as Matomo's CSV writes it: metadata_segment, idsubdatatable."""
    body = [[d, name, v, v, 2 * v, c, 0, f"referrerType==campaign;referrerName={name}", i]
            for i, (d, name, v, c) in enumerate(rows, start=1)]  # fmt: skip
    return ef.write_csv(path, [[*HEADER, "metadata_segment", "idsubdatatable"], *body],
                        encoding="utf-16")  # fmt: skip


def _socials(path: Path, rows: list[tuple[str, str, str, int, int]]) -> Path:
    """Referrers.getSocials: metadata_url and metadata_logo."""
    body = [[d, name, v, v, 2 * v, c, 0, url, f"plugins/Morpheus/icons/dist/socials/{url}.png"]
            for d, name, url, v, c in rows]  # fmt: skip
    return ef.write_csv(path, [[*HEADER, "metadata_url", "metadata_logo"], *body],
                        encoding="utf-16")  # fmt: skip


def _rows(result: object) -> dict[tuple[str, str, str | None], tuple[float, float]]:
    return {(f"{r.month:%Y-%m}", r.channel, r.campaign): (r.visits, r.leads)
            for r in result.performance}  # type: ignore[attr-defined]  # fmt: skip


def test_campaigns_are_campaigns_of_an_unknown_channel(tmp_path: Path) -> None:
    f = _campaigns(tmp_path / "export.csv", [("2026-01", "spring-sale", 100, 4),
                                             ("2026-01", "newsletter_jan", 45, 2),
                                             ("2026-02", "spring-sale", 60, 1)])  # fmt: skip
    result = import_exports(f)
    assert _rows(result) == {("2026-01", "(not set)", "newsletter_jan"): (45, 2),
                             ("2026-01", "(not set)", "spring-sale"): (100, 4),
                             ("2026-02", "(not set)", "spring-sale"): (60, 1)}  # fmt: skip
    assert any("getCampaigns" in n and "2 campaigns" in n and "'(not set)'" in n
               for n in result.notes)  # fmt: skip


def test_campaigns_with_a_crm_export_are_an_error(tmp_path: Path) -> None:
    """Joined on channel, the campaigns' visits would meet the CRM's contacts of unknown
    source (both '(not set)'): a conversion rate of two unrelated unknowns."""
    f = _campaigns(tmp_path / "export.csv", [("2026-01", "spring-sale", 100, 4)])
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv",
                              [("", "", "2026-01-07 10:00", "")] * 3)  # fmt: skip
    with pytest.raises(DataError, match="campaigns whose channel") as err:
        import_exports([f, crm])
    assert err.value.source == str(f)


def test_campaigns_as_json_are_campaigns_too(tmp_path: Path) -> None:
    def row(v: int) -> dict[str, object]:
        return {"label": "spring-sale", "nb_visits": v, "nb_conversions": 1, "revenue": 0,
                "segment": "referrerType==campaign;referrerName==spring-sale", "idsubdatatable": 1}  # fmt: skip

    f = tmp_path / "campaigns.json"
    f.write_text(json.dumps({"2026-01": [row(100)], "2026-02": [row(50)]}), encoding="utf-8")
    assert {r.channel for r in import_exports(f).performance} == {"(not set)"}


def test_socials_stay_networks_even_those_goalrules_does_not_know(tmp_path: Path) -> None:
    f = _socials(tmp_path / "export.csv", [("2026-01", "Facebook", "facebook.com", 100, 4),
                                           ("2026-01", "XING", "xing.com", 10, 1)])  # fmt: skip
    result = import_exports(f)
    assert _rows(result) == {("2026-01", "facebook", None): (100, 4),
                             ("2026-01", "xing", None): (10, 1)}  # fmt: skip
    assert not any("getCampaigns" in n for n in result.notes)


def test_a_label_no_network_names_without_metadata_is_an_error(tmp_path: Path) -> None:
    f = ef.matomo_csv(tmp_path / "matomo.csv", [("2026-01", "LinkedIn", 100, 3),
                                                ("2026-01", "spring-sale", 90, 4)])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(f)
    assert err.value.line == 3 and "'spring-sale'" in str(err.value)
    assert "campaign" in str(err.value)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(["2026-01", "2026-02"]),
                          st.sampled_from(["facebook", "linkedin", "twitter", "instagram",
                                           "youtube", "spring", "q1-webinar"]),
                          st.integers(1, 900), st.integers(0, 9)),
                min_size=1, max_size=6, unique_by=lambda r: (r[0], r[1])))  # fmt: skip
def test_no_campaigns_label_is_ever_a_channel(
    tmp_path: Path, rows: list[tuple[str, str, int, int]]
) -> None:
    """Whatever the campaigns are named (a network's name among them), no visit of a
    campaigns export lands on a channel of its own, and none is lost."""
    result = import_exports(_campaigns(tmp_path / "export.csv", rows))
    assert {r.channel for r in result.performance} == {"(not set)"}
    assert sum(r.visits for r in result.performance) == sum(v for _, _, v, _ in rows)
    assert {r.campaign for r in result.performance} == {name for _, name, _, _ in rows}
