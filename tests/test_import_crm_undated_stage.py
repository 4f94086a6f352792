"""A HubSpot contacts export whose Lifecycle Stage says a contact became a lead (or a
customer) but whose "Became a Lead Date" (or customer date) is empty, as HubSpot leaves
it for a contact imported at that stage or moved past it: the contact was counted in no
month and nothing said so (3 leads read as 2 in January, with no word). The months still
count only the dated contacts (the undated one's month is unknown, never guessed), and
a note names the lines and says the months are short by that many."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef

HEADER = ["Record ID", "First Name", "Last Name", "Email", "Create Date", "Lifecycle Stage",
          "Original Source", "Original Source Drill-Down 1", "Original Source Drill-Down 2",
          "Became a Lead Date", "Became a Customer Date"]  # fmt: skip
STAGES = ["subscriber", "lead", "marketingqualifiedlead", "Sales Qualified Lead", "opportunity",
          "customer", "other"]  # fmt: skip


def contacts(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """(lifecycle stage, became a lead date, became a customer date), from LinkedIn."""
    out: list[list[object]] = [HEADER]
    for i, (stage, lead, customer) in enumerate(rows, start=1001):
        out.append([i, "Ann", "Lee", f"c{i}@example.com", "2026-01-08 18:14", stage,
                    "Organic social", "LinkedIn", "", lead, customer])  # fmt: skip
    return ef.write_csv(path, out)


def test_a_lead_without_its_date_is_said_not_dropped_silently(tmp_path: Path) -> None:
    p = contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("customer", "2026-01-13 11:09", "2026-02-05 10:00"),
        ("lead", "", ""),
        ("lead", "2026-01-19 10:16", ""),
        ("customer", "2026-02-05 14:34", ""),
        ("subscriber", "", ""),
    ])  # fmt: skip
    result = import_exports(p)
    rows = {r.month.month: (r.leads, r.customers) for r in result.performance}
    assert rows == {1: (2, 0), 2: (1, 1)}  # the dated contacts, as before
    (leads,) = [n for n in result.notes if "became a lead date" in n]
    assert "(line 3)" in leads and "short by 1" in leads
    (customers,) = [n for n in result.notes if "became a customer date" in n]
    assert "(line 5)" in customers and "short by 1" in customers


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.tuples(st.sampled_from(STAGES), st.booleans()), min_size=1, max_size=12))
def test_every_lead_is_counted_in_a_month_or_said_undated(
    tmp_path: Path, contacts_of: list[tuple[str, bool]]
) -> None:
    rows = [(stage, "2026-01-10 10:00" if dated else "", "") for stage, dated in contacts_of]
    result = import_exports(contacts(tmp_path / "hubspot.csv", rows))
    counted = sum(r.leads or 0 for r in result.performance)
    assert counted == sum(dated for _, dated in contacts_of)
    undated = sum(
        not dated and s.lower() not in ("subscriber", "other") for s, dated in contacts_of
    )
    said = [n for n in result.notes if "became a lead date" in n]
    if undated:
        assert len(said) == 1 and f"short by {undated} in all" in said[0]
    else:
        assert said == []
