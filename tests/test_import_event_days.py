"""Event exports' days: a GA4 BigQuery table flattened without ``event_date`` (only
``event_timestamp``, UTC microseconds) was refused, and one whose ``event_date`` cells
are empty put every session in year 1 (month 0001-01). An event's UTC day is its day only
with a note counting the events whose month could differ in the account's time zone; an
event without any date is an error naming its line. Files laid out like the real
exports (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
HEADER = ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "ga_session_id",
          "page_location", "page_referrer"]  # fmt: skip
FB = "https://campfire.example/?utm_source=facebook&utm_medium=social"
LI = "https://campfire.example/?utm_source=linkedin&utm_medium=social"


def _us(moment: dt.datetime) -> int:
    return int(moment.replace(tzinfo=dt.UTC).timestamp() * 1_000_000)


def _events(
    moments: list[tuple[dt.datetime, str, str, str]], *, event_date: str
) -> list[list[Any]]:
    """Rows of (UTC moment, user, event name, landing URL); ``event_date``: "column" (the
    property's day, here the UTC day), "empty" (the column, its cells empty) or "absent"."""
    rows: list[list[Any]] = []
    for moment, user, name, url in moments:
        day = f"{moment:%Y%m%d}" if event_date == "column" else ""
        rows.append([day, _us(moment), name, user, f"s-{user}", url, ""])
    if event_date == "absent":
        return [HEADER[1:], *[r[1:] for r in rows]]
    return [HEADER, *rows]


MOMENTS = [
    (dt.datetime(2026, 1, 31, 23, 30), "u1", "page_view", FB),
    (dt.datetime(2026, 1, 31, 23, 40), "u1", "generate_lead", FB),
    (dt.datetime(2026, 2, 14, 12, 0), "u2", "page_view", LI),
]


def _months(result: Any) -> dict[tuple[D, str], tuple[float, float]]:
    return {(r.month, r.channel): (r.visits, r.leads) for r in result.performance}


@pytest.mark.parametrize("event_date", ["absent", "empty"])
def test_events_dated_by_their_utc_timestamp_say_so(tmp_path: Path, event_date: str) -> None:
    """A session at 23:30 UTC on January 31 counts in January (its UTC day), and a note
    names 'event_timestamp' and counts the events near the month's end; never year 1."""
    p = ef.write_csv(tmp_path / "events.csv", _events(MOMENTS, event_date=event_date))
    result = import_exports(p, today=D(2026, 3, 1))
    assert _months(result) == {(D(2026, 1, 1), "facebook"): (1, 1),
                               (D(2026, 2, 1), "linkedin"): (1, 0)}  # fmt: skip
    utc = [n for n in result.notes if "'event_timestamp' is in UTC" in n]
    assert len(utc) == 1 and "2 rows near a month's end (2026-01-31 (2))" in utc[0]
    if event_date == "empty":
        assert any("3 events with an empty 'event_date' dated by 'event_timestamp'" in n
                   for n in result.notes)  # fmt: skip


def test_event_date_is_the_propertys_day_without_a_utc_note(tmp_path: Path) -> None:
    """With ``event_date`` (the day in the property's time zone), the UTC timestamp only
    orders the events: no note on UTC days."""
    p = ef.write_csv(tmp_path / "events.csv", _events(MOMENTS, event_date="column"))
    result = import_exports(p, today=D(2026, 3, 1))
    assert _months(result)[(D(2026, 1, 1), "facebook")] == (1, 1)
    assert not any("is in UTC" in n for n in result.notes)


def test_an_event_with_no_date_at_all_is_an_error(tmp_path: Path) -> None:
    """An Umami event whose created_at is empty: its session's month is unknown; the
    error names the file, line and column (it was a session in 0001-01)."""
    p = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-02-10 10:00:00", "/", "utm_source=facebook", "", ""),
        ("v2", "", "/", "utm_source=linkedin", "", "signup")])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p, today=D(2026, 3, 1))
    assert err.value.source == str(p) and err.value.line == 3
    assert err.value.field == "created_at" and "without a date" in str(err.value)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    moments=st.lists(st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2026, 12, 31)),
                     min_size=1, max_size=6),
    order=st.randoms(use_true_random=False),
)  # fmt: skip
def test_each_session_lands_in_its_first_events_utc_month_whatever_the_row_order(
    tmp_path: Path, moments: list[dt.datetime], order: Any
) -> None:
    """Each session (one per user here) counts in the UTC month of its first event, with
    the rows in any order; an event whose month could differ in some time zone is
    always counted by the note."""
    from goalrules.io.exports.dates import near_month_end

    events = [(m, f"u{i}", "sign_up", FB) for i, m in enumerate(moments)]
    rows = _events(events, event_date="absent")
    body = rows[1:]
    order.shuffle(body)
    p = ef.write_csv(tmp_path / "events.csv", [rows[0], *body])
    result = import_exports(p, today=D(2027, 1, 1))
    want: dict[D, int] = {}
    for m in moments:
        want[D(m.year, m.month, 1)] = want.get(D(m.year, m.month, 1), 0) + 1
    assert {r.month: r.visits for r in result.performance} == want
    near = sum(near_month_end(m.date(), m.hour + m.minute / 60) for m in moments)
    noted = [n for n in result.notes if "'event_timestamp' is in UTC" in n]
    assert (len(noted) == 1) == (near > 0)
    if near:
        assert f"{near} row{'s' if near > 1 else ''} near a month's end" in noted[0]


# -- sessions: their ids and their first event ---------------------------------------------


def test_events_without_a_session_id_column_are_an_error(tmp_path: Path) -> None:
    """Without ga_session_id every user's events were one visit, whatever their days."""
    rows = _events(MOMENTS, event_date="column")
    p = ef.write_csv(
        tmp_path / "events.csv", [[c for i, c in enumerate(r) if i != 4] for r in rows]
    )
    with pytest.raises(DataError) as err:
        import_exports(p, today=D(2026, 3, 1))
    assert err.value.source == str(p) and err.value.line == 1
    assert "session id" in str(err.value)


def test_events_with_an_empty_session_id_are_left_out_with_a_note(tmp_path: Path) -> None:
    late = (dt.datetime(2026, 2, 14, 13, 0), "u3", "sign_up", LI)
    rows = _events([*MOMENTS, late], event_date="column")
    rows[4][4] = ""  # u3's sign_up has no session id
    p = ef.write_csv(tmp_path / "events.csv", rows)
    result = import_exports(p, today=D(2026, 3, 1))
    assert _months(result) == {(D(2026, 1, 1), "facebook"): (1, 1),
                               (D(2026, 2, 1), "linkedin"): (1, 0)}  # fmt: skip
    said = [n for n in result.notes if "without a 'ga_session_id'" in n]
    assert len(said) == 1 and "line 5" in said[0] and "sign_up" in said[0]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.randoms(use_true_random=False))
def test_a_session_lands_on_its_first_event_in_any_row_order(tmp_path: Path, order: Any) -> None:
    """A visit from a search engine whose later page carries a utm_source (an internal
    link tagged by mistake): the visit is the search engine's, whatever the row order
    (a later event read first lent the session its utm_source)."""
    landing = "https://campfire.example/"
    tagged = "https://campfire.example/offer?utm_source=facebook&utm_medium=social"
    events = [(dt.datetime(2026, 1, 10, 9, 0), "u1", "page_view", landing),
              (dt.datetime(2026, 1, 10, 9, 5), "u1", "page_view", tagged),
              (dt.datetime(2026, 1, 10, 9, 9), "u1", "sign_up", tagged)]  # fmt: skip
    rows = _events(events, event_date="column")
    rows[1][6] = "https://www.google.com/"  # the landing's referrer
    # GA4 fills collected_traffic_source on the events whose page carries utm_*
    rows = [[*r, "collected_traffic_source.manual_source" if i == 0 else
             ("facebook" if "utm_source" in r[5] else "")] for i, r in enumerate(rows)]  # fmt: skip
    body = rows[1:]
    order.shuffle(body)
    p = ef.write_csv(tmp_path / "events.csv", [rows[0], *body])
    assert _months(import_exports(p, today=D(2026, 3, 1))) == {(D(2026, 1, 1), "google"): (1, 1)}
