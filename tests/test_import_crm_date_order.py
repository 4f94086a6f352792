"""A HubSpot contacts export opened and saved again by a spreadsheet holds its dates in
the spreadsheet's locale: ``07/01/2026 10:00`` for 7 January in Britain, ``1/7/2026 10:00``
in the US. The CRM's dates were read month first only: a British file whose days were
all 12 or under put January's leads in July, without a word, and one with a later day
(``17/01/2026``) was an error. Now the file's own dates say the order (a day over 12 in
any of its date columns), and when none does it is an error naming the cell (pass
--dayfirst or --monthfirst). Files laid out like HubSpot's export (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

CRM = "hubspot-crm-exports-all-contacts.csv"
UK, US = "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"


def _contacts(path: Path, dates: list[tuple[dt.datetime, dt.datetime | None]], form: str) -> Path:
    return ef.hubspot_contacts(path, [
        ("Organic social", "Facebook", lead.strftime(form), c.strftime(form) if c else "")
        for lead, c in dates
    ])  # fmt: skip


def _months(result: object) -> dict[str, tuple[float, float | None]]:
    return {f"{r.month:%Y-%m}": (r.leads, r.customers)
            for r in result.performance}  # type: ignore[attr-defined]  # fmt: skip


T = dt.datetime


def test_a_day_first_file_whose_days_are_all_12_or_under_is_an_error(tmp_path: Path) -> None:
    f = _contacts(tmp_path / CRM, [(T(2026, 1, 7, 10), None), (T(2026, 2, 9, 10), T(2026, 2, 11, 12))],
                  UK)  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(f)
    assert err.value.line == 2 and "--dayfirst" in str(err.value)
    assert _months(import_exports(f, dayfirst=True)) == {"2026-01": (1, 0), "2026-02": (1, 1)}


def test_a_day_over_12_in_one_date_column_decides_the_others(tmp_path: Path) -> None:
    f = _contacts(tmp_path / CRM, [(T(2026, 1, 17, 10), None), (T(2026, 2, 9, 10), T(2026, 2, 11, 12))],
                  UK)  # fmt: skip
    assert _months(import_exports(f)) == {"2026-01": (1, 0), "2026-02": (1, 1)}
    us = _contacts(tmp_path / "hubspot-crm-exports-us.csv",
                   [(T(2026, 1, 7, 10), None), (T(2026, 2, 9, 10), T(2026, 2, 19, 12))], US)  # fmt: skip
    assert _months(import_exports(us)) == {"2026-01": (1, 0), "2026-02": (1, 1)}


DAYS = st.datetimes(min_value=T(2025, 1, 1), max_value=T(2026, 11, 30)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(DAYS, st.none() | DAYS), min_size=1, max_size=6),
       st.sampled_from([UK, US]))  # fmt: skip
def test_a_spreadsheets_dates_give_the_right_months_or_an_error(
    tmp_path: Path, dates: list[tuple[dt.datetime, dt.datetime | None]], form: str
) -> None:
    """Whichever locale saved the file, the months read are the contacts' own, or the
    import is an error that asks which order: never a lead moved to another month."""
    f = _contacts(tmp_path / CRM, dates, form)
    want: dict[str, list[float]] = {}
    for lead, customer in dates:
        want.setdefault(f"{lead:%Y-%m}", [0, 0])[0] += 1
        if customer is not None:
            want.setdefault(f"{customer:%Y-%m}", [0, 0])[1] += 1
    expected = {k: (v[0], v[1]) for k, v in want.items()}
    try:
        got = _months(import_exports(f))
    except DataError as exc:
        asked = "--dayfirst" in str(exc)
        got = _months(import_exports(f, dayfirst=form == UK)) if asked else {}
    assert got == expected
