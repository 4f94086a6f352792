"""Visits from an analytics export that covers part of a month, leads from a CRM export
that covers all of it. The GA4 Data API's daily rows (``date, sessionSourceMedium,
sessions, keyEvents``) from January 15 to February 14 beside HubSpot's contacts
(``Record ID, ..., Original Source, Original Source Drill-Down 1, Became a Lead Date,
Became a Customer Date``, as ../EXPORTS lists them): January's row put 17 days of visits
beside 31 days of leads, a lead rate near twice the real one. Now a CRM's leads and
customers of such a month count on the days the visits cover, with a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES

D = dt.date


def _api(path: Path, first: dt.date, last: dt.date) -> Path:
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return ef.write_csv(path, [["date", "sessionSourceMedium", "sessions", "keyEvents"],
                               *[[f"{d:%Y%m%d}", "facebook / cpc", "10", "1"] for d in days]])  # fmt: skip


def _hubspot(path: Path, leads: list[dt.date], customers: list[dt.date] = ()) -> Path:  # type: ignore[assignment]
    rows = [("Paid social", "Facebook", f"{d.isoformat()} 10:00", "") for d in leads]
    rows += [("Paid social", "Facebook", f"{d.isoformat()} 09:00", f"{d.isoformat()} 11:00")
             for d in customers]  # fmt: skip
    return ef.hubspot_contacts(path, rows)


def _funnel(r: object) -> dict[dt.date, tuple[float | None, float | None, float | None]]:
    return {p.month: (p.visits, p.leads, p.customers) for p in r.performance}  # type: ignore[attr-defined]


def test_a_months_leads_count_on_the_days_its_visits_cover(tmp_path: Path) -> None:
    ga = _api(tmp_path / "api.csv", D(2026, 1, 15), D(2026, 2, 14))
    crm = _hubspot(tmp_path / "hubspot-crm-exports-all-contacts.csv",
                   [D(2026, 1, 5), D(2026, 1, 20), D(2026, 2, 10), D(2026, 2, 25)],
                   [D(2026, 2, 3), D(2026, 2, 20)])  # fmt: skip
    r = import_exports([crm, ga])
    assert _funnel(r) == {D(2026, 1, 1): (170, 1, 0), D(2026, 2, 1): (140, 2, 1)}
    said = [n for n in r.notes if "counted on those days too" in n]
    assert len(said) == 2
    assert "2026-01-15 to 2026-01-31" in said[0] and "1 lead of other days" in said[0]
    assert "2026-02-01 to 2026-02-14" in said[1] and "2 leads and 1 customer" in said[1]


def test_whole_months_count_every_lead(tmp_path: Path) -> None:
    ga = _api(tmp_path / "api.csv", D(2026, 1, 1), D(2026, 2, 28))
    crm = _hubspot(tmp_path / "hubspot.csv", [D(2026, 1, 5), D(2026, 2, 25)])
    r = import_exports([ga, crm])
    assert _funnel(r) == {D(2026, 1, 1): (310, 1, 0), D(2026, 2, 1): (280, 1, 0)}
    assert not any("counted on those days too" in n for n in r.notes)


def test_a_channel_whose_leads_all_fall_outside_has_none_on_the_days_covered(
    tmp_path: Path,
) -> None:
    """Its leads are 0 on the days the visits cover, not the analytics' key events."""
    ga = _api(tmp_path / "api.csv", D(2026, 1, 15), D(2026, 1, 31))
    crm = _hubspot(tmp_path / "hubspot.csv", [D(2026, 1, 3)])
    r = import_exports([ga, crm])
    assert _funnel(r) == {D(2026, 1, 1): (170, 0, 0)}


@FILES
@given(st.integers(0, 58), st.integers(0, 58),
       st.lists(st.integers(0, 58), min_size=1, max_size=12))  # fmt: skip
def test_the_leads_beside_the_visits_are_those_of_the_days_they_cover(
    tmp_path: Path, a: int, b: int, leads: list[int]
) -> None:
    start = D(2026, 1, 1)
    first, last = sorted((start + dt.timedelta(days=a), start + dt.timedelta(days=b)))
    days = [start + dt.timedelta(days=k) for k in leads]
    tag = f"{first:%m%d}{last:%m%d}-{abs(hash(tuple(leads)))}"
    r = import_exports([_api(tmp_path / f"api-{tag}.csv", first, last),
                        _hubspot(tmp_path / f"hubspot-{tag}.csv", days)])  # fmt: skip
    for month, (_, got, _) in _funnel(r).items():
        inside = [d for d in days if d.replace(day=1) == month and first <= d <= last]
        visited = first.replace(day=1) <= month <= last.replace(day=1)
        # (a month past the CRM's first or last contact: its leads unknown, not 0)
        if visited and (got is not None or inside):
            assert got == len(inside)


def test_an_umami_export_of_a_date_range_says_its_cut_months(tmp_path: Path) -> None:
    """Umami's event export (``event_id, ..., created_at, ..., visit_id``) of January 15
    to February 14: given alone, its period was not read (only beside another file), so
    January's and February's visits were shown as whole months; with a CRM, its leads
    count on the same days."""
    visits = [(f"v{i}", f"{d.isoformat()} 10:00:00", "/", "utm_source=facebook&utm_medium=cpc",
               "", "") for i, d in enumerate([D(2026, 1, 15), D(2026, 1, 31), D(2026, 2, 14)])]  # fmt: skip
    visits.append(("v0", "2026-01-15 10:05:00", "/thanks", "", "", "signup"))
    um = ef.umami_csv(tmp_path / "umami.csv", visits)
    alone = import_exports(um)
    assert any("2026-01 covers only 2026-01-15 to 2026-01-31" in n for n in alone.notes)
    assert any("2026-02 covers only 2026-02-01 to 2026-02-14" in n for n in alone.notes)
    crm = _hubspot(tmp_path / "hubspot.csv", [D(2026, 1, 5), D(2026, 1, 20), D(2026, 2, 20)])
    r = import_exports([um, crm])
    assert {m: le for m, (_, le, _) in _funnel(r).items()} == {D(2026, 1, 1): 1, D(2026, 2, 1): 0}
