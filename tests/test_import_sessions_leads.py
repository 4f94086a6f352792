"""A sessions file without a ``lead`` column: every channel was read with 0 leads (as if
it converted nobody), in ``import`` and in ``channels --utm``. Its leads are unknown: an
error naming the file, unless a CRM export gives the leads."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import import_exports, read_sessions_file
from tests import export_files as ef

D = dt.date
SITE = "https://campfire.example/?utm_source={}&utm_medium=social"


def _sessions(path: Path, rows: list[tuple[str, str]], *, lead: bool) -> Path:
    header = ["date", "landing_url", "referrer", *(["lead"] if lead else [])]
    body = [[d, SITE.format(src), "", *(["0"] if lead else [])] for d, src in rows]
    return ef.write_csv(path, [header, *body])


ROWS = [("2026-01-05", "facebook"), ("2026-01-06", "linkedin"), ("2026-02-02", "facebook")]


def test_sessions_without_a_lead_column_are_an_error(tmp_path: Path, capsys: Any) -> None:
    p = _sessions(tmp_path / "sessions.csv", ROWS, lead=False)
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.source == str(p) and "'lead'" in str(err.value)
    with pytest.raises(DataError) as err:
        read_sessions_file(p)
    assert err.value.source == str(p) and err.value.field == "lead"
    assert main(["channels", "--utm", str(p)], out=io.StringIO()) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "no 'lead' column" in lines[0]


def test_a_crm_export_gives_the_leads_sessions_lack(tmp_path: Path) -> None:
    p = _sessions(tmp_path / "sessions.csv", ROWS, lead=False)
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Organic social", "Facebook", "2026-01-07 10:00", "")])  # fmt: skip
    rows = {(r.month.month, r.channel): (r.visits, r.leads)
            for r in import_exports([p, crm]).performance}  # fmt: skip
    assert rows[(1, "facebook")] == (1, 1) and rows[(1, "linkedin")] == (1, 0)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.dates(D(2026, 1, 1), D(2026, 12, 31)).map(lambda d: d.isoformat()),
                          st.sampled_from(["facebook", "linkedin", "x"])), min_size=1, max_size=8))  # fmt: skip
def test_with_a_lead_column_every_session_is_a_visit(
    tmp_path: Path, rows: list[tuple[str, str]]
) -> None:
    """With its lead column (every cell 0), the file reads: one visit a session, 0 leads
    that the file states."""
    p = _sessions(tmp_path / "sessions.csv", rows, lead=True)
    read = import_exports(p).performance
    assert sum(r.visits for r in read) == len(rows) and all(r.leads == 0 for r in read)


def test_a_bad_flag_or_an_empty_date_is_named_at_its_own_line(tmp_path: Path) -> None:
    """The line of a session's bad cell was its count among the sessions (blank lines
    not counted): the error now names the file's own line."""
    p = tmp_path / "sessions.csv"
    p.write_text("date,landing_url,lead\n2026-01-05,https://a.example/,1\n\n\n"
                 "2026-01-06,https://a.example/,2\n")  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert (err.value.source, err.value.line, err.value.field) == (str(p), 5, "lead")
    p.write_text(
        "date,landing_url,lead\n2026-01-05,https://a.example/,1\n\n,https://a.example/,0\n"
    )
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert (err.value.source, err.value.line, err.value.field) == (str(p), 4, "date")
