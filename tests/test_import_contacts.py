"""A CRM's contacts export without its Record ID column: two rows alike in every cell
were dropped as one duplicate (a lead lost when two contacts came the same way in the
same minute). Without an id, the file cannot tell the two readings apart: an error
naming both lines; with the Record ID, a contact given twice counts once. Files laid out
like HubSpot's export (made here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

HEADER = ["Original Source", "Original Source Drill-Down 1", "Became a Lead Date"]


def _leads(path: Path) -> dict[str, float]:
    return {r.channel: r.leads for r in import_exports(path).performance}


def test_rows_alike_without_a_record_id_are_an_error(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "contacts.csv", [
        HEADER, ["Organic social", "Facebook", "2026-01-07 10:00"],
        ["Organic social", "LinkedIn", "2026-01-08 10:00"],
        ["Organic social", "Facebook", "2026-01-07 10:00"]])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.source == str(p) and err.value.line == 4
    assert "lines 2 and 4" in str(err.value) and "Record ID" in str(err.value)


def test_with_the_record_id_a_contact_given_twice_counts_once(tmp_path: Path) -> None:
    p = ef.hubspot_contacts(tmp_path / "contacts.csv", [
        ("Organic social", "Facebook", "2026-01-07 10:00", "")] * 1)  # fmt: skip
    text = p.read_text()
    p.write_text(text + text.splitlines()[1] + "\n")  # the same contact again
    assert _leads(p) == {"facebook": 1}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(["Facebook", "LinkedIn", "Twitter"]), min_size=1, max_size=8))
def test_contacts_with_ids_count_one_lead_each_however_alike(
    tmp_path: Path, networks: list[str]
) -> None:
    """Contacts told apart by their Record ID count one lead each, even when every
    other cell is alike (the same network, the same minute)."""
    p = ef.hubspot_contacts(tmp_path / "contacts.csv",
                            [("Organic social", n, "2026-01-07 10:00", "") for n in networks])  # fmt: skip
    want: dict[str, float] = {}
    for n in networks:
        key = {"Twitter": "x"}.get(n, n.lower())
        want[key] = want.get(key, 0) + 1
    assert _leads(p) == want


def test_a_contact_without_an_original_source_is_not_direct_traffic(tmp_path: Path) -> None:
    """An empty Original Source (HubSpot does not know where the contact came from) was
    read as direct traffic, and joined with the analytics' direct visits. It is the
    channel '(not set)', with a note."""
    p = ef.hubspot_contacts(tmp_path / "contacts.csv", [
        ("", "", "2026-01-07 10:00", ""), ("Direct traffic", "", "2026-01-08 10:00", "")])  # fmt: skip
    result = import_exports(p)
    assert {r.channel: r.leads for r in result.performance} == {"(not set)": 1, "(none)": 1}
    assert any("1 lead or customer with an empty 'original source'" in n for n in result.notes)
