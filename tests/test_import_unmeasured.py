"""An import whose exports do not measure a count writes it unknown (an empty cell), never
0: a CRM export without analytics has no visits; an analytics source the CRM has no
counterpart of ((other), (not set)) has no leads; the analytics' visits of no known
source and the CRM's contacts of none are never joined into a lead rate. The
performance file written reads back with the same unknowns, and ``channels`` says them."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalrules.cli import main
from goalrules.io.exports import import_exports
from goalrules.io.tables import load_performance
from tests import export_files as ef


def _contacts(path: Path) -> Path:
    """Six months of HubSpot contacts: facebook rising, linkedin steady, offline events."""
    contacts = []
    for m in range(1, 7):
        for i in range(3 + m):
            contacts.append(("Organic social", "Facebook", f"2026-{m:02d}-{1 + i:02d} 10:00", ""))
        for i in range(2):
            contacts.append(("Organic social", "LinkedIn", f"2026-{m:02d}-{1 + i:02d} 11:00", ""))
        contacts.append(("Offline sources", "", f"2026-{m:02d}-05 10:00", ""))
        contacts.append(("", "", f"2026-{m:02d}-06 10:00", ""))  # source unknown to HubSpot
    return ef.hubspot_contacts(path, contacts)


def _ga4(path: Path) -> Path:
    rows = []
    for m in range(1, 7):
        p = f"2026{m:02d}"
        rows += [(p, "facebook / social", 1000 + 50 * m, 3), (p, "linkedin / social", 500, 1),
                 (p, "(not set) / (not set)", 40, 0), (p, "(other) / (other)", 80, 0)]  # fmt: skip
    return ef.ga4_report(path, rows)


def test_a_crm_export_alone_writes_its_visits_unknown_not_0(tmp_path: Path) -> None:
    """A HubSpot contacts export with no analytics file beside it wrote 'visits = 0' in
    every row: 'channels' then printed 'together: 0 visits', 'trend a month: visits
    +0 %' and 'N leads from 0 visits (more leads than visits)' for every month."""
    result = import_exports(_contacts(tmp_path / "contacts.csv"))
    assert result.performance and all(r.visits is None for r in result.performance)
    assert any("visits unknown (not 0)" in n for n in result.notes)
    text = result.performance_csv().splitlines()
    assert text[1].startswith("2026-01,(not set),,,1,0")  # empty cells (medium, visits), not 0
    out = tmp_path / "performance.csv"
    out.write_text(result.performance_csv(), encoding="utf-8")
    rows = load_performance(out)
    assert all(r.visits is None for r in rows) and {r.leads for r in rows} >= {4.0, 2.0}


def test_channels_of_a_crm_export_alone_say_the_visits_are_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crm = _contacts(tmp_path / "contacts.csv")
    out = tmp_path / "performance.csv"
    assert main(["import", str(crm), "--output", str(out), "--today", "2026-08-01"]) == 0
    capsys.readouterr()
    assert main(["channels", str(out), "--today", "2026-08-01"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "0 visits" not in text and "visits +0 %" not in text
    assert "from 0 visits" not in text
    assert "together: visits unknown (not measured for every channel), 51 leads" in text
    assert "trend a month: visits unknown, leads +15 %" in text
    assert "visits unknown (not measured), 39 leads" in text  # facebook
    # judged on what is known: facebook's rising leads; linkedin cannot be told
    assert "facebook OPTIMIZE - Leads rising 15 % a month" in text
    assert (
        "linkedin KEEP - No rule of the ruleset decided (the evidence it needs is missing)" in text
    )


def test_an_unknown_source_has_no_leads_from_the_crm_and_is_never_joined(tmp_path: Path) -> None:
    """GA4's (other) row got 'leads 0' from the join (the CRM has no such source), and its
    (not set) visits met the CRM's contacts of empty source: two unrelated unknowns, 40
    visits and 1 lead read as a lead rate of 2.5 %."""
    result = import_exports([_ga4(tmp_path / "ga4.csv"), _contacts(tmp_path / "contacts.csv")])
    got = {(r.month.month, r.channel): (r.visits, r.leads, r.customers) for r in result.performance}
    assert got[(1, "(other)")] == (80, None, None)
    assert got[(1, "(not set)")] == (40, None, None)  # never 40 visits with 1 lead
    assert got[(1, "offline sources")] == (None, 1, 0)  # the CRM's: visits unknown
    assert got[(1, "facebook")] == (1050, 4, 0)  # a network on both sides: joined
    said = [n for n in result.notes if "source of unknown origin" in n]
    assert len(said) == 1 and "the CRM's 6 leads of (not set)" in said[0]
    # (the unknown sources are context, not the "no leads in the CRM (0)" of a network)
    assert not [n for n in result.notes if "(other)" in n and "(0)" in n]


def test_an_unknown_sources_lead_rate_is_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(_ga4(tmp_path / "ga4.csv")), str(_contacts(tmp_path / "contacts.csv"))]
    out = tmp_path / "performance.csv"
    assert main(["import", *files, "--output", str(out), "--today", "2026-08-01"]) == 0
    capsys.readouterr()
    assert main(["channels", str(out), "--today", "2026-08-01", "--all-sources"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for name in ("(not set)", "(other)"):
        block = text.split(f"{name} ")[1][:900]
        assert "no lead rate" in block and "lead rate 0 %" not in block, block
    assert "lead rate 2.5 %" not in text


def test_visits_not_measured_in_a_performance_file_stay_unknown_beside_a_crm(
    tmp_path: Path,
) -> None:
    """goalrules' own performance file (as `import` writes it) with an empty visits
    cell, imported with a CRM export: the join read the empty cell as 0 visits."""
    own = tmp_path / "performance.csv"
    own.write_text(
        "month,channel,medium,visits,leads,customers,campaign\n"
        "2026-01,facebook,organic,,0,,\n2026-02,facebook,organic,900,0,,\n",
        encoding="utf-8",
    )
    crm = ef.hubspot_contacts(tmp_path / "contacts.csv", [
        ("Organic social", "Facebook", "2026-01-07 10:00", ""),
        ("Organic social", "Facebook", "2026-02-07 10:00", "2026-02-20 10:00"),
    ])  # fmt: skip
    result = import_exports([own, crm])
    got = {r.month.month: (r.visits, r.leads, r.customers) for r in result.performance}
    assert got == {1: (None, 1, 0), 2: (900, 1, 1)}
