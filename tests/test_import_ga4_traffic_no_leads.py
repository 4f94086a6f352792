"""GA4's traffic acquisition report exported with sessions and users but no Key events
column (the report's default metrics): `goalrules import` refused it ("no leads column"),
so the visits a marketer has could not be read at all. It now imports with the visits
known and the leads unknown (empty, never 0), with a note saying the export has no
leads and how to add them (the key events, or a CRM export beside it); the channels
decision on it reads "leads unknown", never 0 leads or a lead rate of 0 %."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.io.exports import import_exports
from tests import export_files as ef

SOURCES = ["linkedin / referral", "l.facebook.com / referral", "t.co / referral",
           "instagram / referral", "google / organic"]  # fmt: skip


def ga4_traffic(path: Path, rows: list[tuple[str, str, int]], *, key_events: bool = False,
                channel_first: bool = False) -> Path:  # fmt: skip
    """The report as GA4 writes it (EXPORTS.md): a '#' preamble with its start and end
    dates, the header, the Grand total row right after it, then one row a month and
    source / medium: Sessions, Engaged sessions, Total users (no Key events)."""
    months = sorted(m for m, _, _ in rows)
    preamble = ["# ----------------------------------------",
                "# Traffic acquisition: Session source / medium",
                "# Account: Campfire", "# Property: campfire.example",
                "# ----------------------------------------", "#",
                f"# Start date: {months[0]}01", f"# End date: {months[-1]}28"]  # fmt: skip
    header = ["Year month", "Session source / medium", "Sessions", "Engaged sessions",
              "Total users"]  # fmt: skip
    if channel_first:
        header[0], header[1] = header[1], header[0]
    body = []
    for m, sm, s in rows:
        row: list[Any] = [m, sm, s, s * 6 // 10, s * 8 // 10]
        if channel_first:
            row[0], row[1] = row[1], row[0]
        body.append(row + ([s // 20] if key_events else []))
    total: list[Any] = ["Grand total", "", sum(r[2] for r in body), sum(r[3] for r in body),
                        sum(r[4] for r in body)]  # fmt: skip
    if key_events:
        header.append("Key events")
        total.append(sum(r[5] for r in body))
    return ef.write_csv(path, [header, total, *body], preamble=preamble)


def _six_months() -> list[tuple[str, str, int]]:
    return [(f"2026{m:02d}", sm, 300 + 97 * i + 13 * m) for m in range(1, 7)
            for i, sm in enumerate(SOURCES)]  # fmt: skip


def test_a_traffic_report_without_key_events_imports_its_visits(tmp_path: Path,
                                                                capsys: Any) -> None:  # fmt: skip
    p = ga4_traffic(tmp_path / "traffic_acquisition.csv", _six_months())
    result = import_exports(p)
    social = {(r.month.month, r.channel): r for r in result.performance}
    assert social[(1, "linkedin")].visits == 300 + 13 and social[(1, "linkedin")].leads is None
    assert all(r.leads is None for r in result.performance)
    (said,) = [n for n in result.notes if "no leads column" in n]
    assert "leads are unknown (not 0)" in said and "CRM export" in said and "line 9" in said
    assert "traffic_acquisition.csv" in said
    out = tmp_path / "performance.csv"
    assert main(["import", str(p), "--output", str(out)], out=io.StringIO()) == 0
    assert "no leads column" in capsys.readouterr().err
    rows = list(csv.DictReader(out.open()))
    assert rows and all(r["leads"] == "" for r in rows) and all(r["visits"] for r in rows)


def test_the_channels_decision_reads_leads_unknown_never_0(tmp_path: Path) -> None:
    p = ga4_traffic(tmp_path / "traffic_acquisition.csv", _six_months())
    imported = tmp_path / "performance.csv"
    assert main(["import", str(p), "--output", str(imported)], out=io.StringIO()) == 0
    for read in (p, imported):  # the export itself, or the rows it imported to
        text = io.StringIO()
        assert main(["channels", str(read), "--today", "2026-07-10"], out=text) == 0
        said = text.getvalue()
        assert "leads unknown" in said
        assert "lead rate 0" not in said and " 0 leads" not in said and "0.0 %" not in said
        data = io.StringIO()
        assert main(["channels", str(read), "--today", "2026-07-10", "--format", "json"],
                    out=data) == 0  # fmt: skip
        judged = [c for c in json.loads(data.getvalue()) if "evidence" in c]
        assert {c["channel"] for c in judged} == {"linkedin", "facebook", "x", "instagram"}
        for channel in judged:
            evidence = channel["evidence"]
            assert evidence["visits"] and evidence["leads"] is None
            assert evidence["lead_rate"] is None and channel["decision"] != "cut"


def test_a_crm_export_beside_it_gives_the_leads(tmp_path: Path) -> None:
    p = ga4_traffic(tmp_path / "traffic_acquisition.csv", _six_months())
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv",
                              [("Organic social", "LinkedIn", "2026-01-09 10:00", "")])  # fmt: skip
    result = import_exports([p, crm])
    jan = {r.channel: r for r in result.performance if r.month.month == 1}
    assert jan["linkedin"].leads == 1 and jan["linkedin"].visits == 313
    assert not any("no leads column" in n for n in result.notes)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.permutations(range(10)), st.booleans(), st.booleans())
def test_visits_read_alike_in_any_order_and_leads_only_from_key_events(
    tmp_path: Path, order: list[int], key_events: bool, channel_first: bool
) -> None:
    rows = _six_months()[:10]
    p = ga4_traffic(tmp_path / "t.csv", [rows[i] for i in order], key_events=key_events,
                    channel_first=channel_first)  # fmt: skip
    result = import_exports(p)
    visits = {(r.month.month, r.channel): r.visits for r in result.performance}
    plain = import_exports(ga4_traffic(tmp_path / "u.csv", rows)).performance
    assert visits == {(r.month.month, r.channel): r.visits for r in plain}
    assert sum(visits.values()) == sum(s for _, _, s in rows)
    leads = [r.leads for r in result.performance]
    if key_events:
        assert all(x is not None for x in leads)
        assert not any("no leads column" in n for n in result.notes)
    else:
        assert all(x is None for x in leads)
        assert any("no leads column" in n for n in result.notes)
