"""A month an analytics export covers only in part is said so, whatever says the period:
GA4's preamble (``# Start date`` / ``# End date``), or, for an export that states none
(the GA4 Data API's rows, ``date,sessionSourceMedium,sessions,keyEvents``, as
docs/bring-your-data.md lists them; a GA4 CSV by *Date* whose preamble was cut), its
first and last day. Files given together are one period: two reports of January 1-15
and 16-31 cover January (each said it covered half of it, beside the month's whole
sum), and two with a gap between them leave the gap said."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES, GA4_DAILY

D = dt.date
API = ["date", "sessionSourceMedium", "sessions", "keyEvents"]
MONTHLY = ["Year month", "Session source / medium", "Sessions", "Key events"]


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _daily(path: Path, header: list[str], first: dt.date, last: dt.date) -> Path:
    rows = [[f"{d:%Y%m%d}", "facebook / cpc", "10", "1"] for d in _days(first, last)]
    return ef.write_csv(path, [header, *rows])


def _monthly(path: Path, start: str, end: str, visits: int) -> Path:
    """A GA4 traffic acquisition report by Year month, its period in the preamble."""
    preamble = ["# ----------------------------------------", "# Traffic acquisition",
                "# ----------------------------------------", "#",
                f"# Start date: {start}", f"# End date: {end}"]  # fmt: skip
    return ef.write_csv(path, [MONTHLY, [start[:6], "facebook / cpc", str(visits), "1"]],
                        preamble=preamble)  # fmt: skip


def _partial(notes: tuple[str, ...]) -> dict[str, str]:
    """The months said to be covered in part, with their notes."""
    return {n.split(" covers only")[0][-7:]: n for n in notes if " covers only " in n}


def test_a_daily_export_that_states_no_period_says_its_cut_months(tmp_path: Path) -> None:
    """Rows from January 15 to February 14 were written as January's 170 visits and
    February's 140, as whole months, without a word."""
    for header in (API, GA4_DAILY):
        p = _daily(tmp_path / f"{header[0]}.csv", header, D(2026, 1, 15), D(2026, 2, 14))
        r = import_exports(p)
        assert [(x.month, x.visits) for x in r.performance] == [
            (D(2026, 1, 1), 170), (D(2026, 2, 1), 140)]  # fmt: skip
        said = _partial(r.notes)
        assert set(said) == {"2026-01", "2026-02"}
        assert "2026-01-15 to 2026-01-31 (17 of 31 days" in said["2026-01"]
        assert "2026-02-01 to 2026-02-14 (14 of 28 days" in said["2026-02"]
        assert "states no period" in said["2026-01"]
    whole = _daily(tmp_path / "whole.csv", API, D(2026, 1, 1), D(2026, 2, 28))
    assert _partial(import_exports(whole).notes) == {}


def test_reports_that_together_cover_a_month_say_nothing_of_a_part(tmp_path: Path) -> None:
    """January 1-15 and 16-31, downloaded apart: January's 150 visits were shown with
    two notes that its counts were half of the month's."""
    a = _monthly(tmp_path / "ga4 a.csv", "20260101", "20260115", 100)
    b = _monthly(tmp_path / "ga4 b.csv", "20260116", "20260131", 50)
    for files in ([a, b], [b, a]):
        r = import_exports(files)
        assert [(x.month, x.visits) for x in r.performance] == [(D(2026, 1, 1), 150)]
        assert _partial(r.notes) == {}


def test_reports_with_a_gap_say_the_days_they_cover_together(tmp_path: Path) -> None:
    a = _monthly(tmp_path / "ga4 a.csv", "20260101", "20260110", 100)
    b = _monthly(tmp_path / "ga4 b.csv", "20260120", "20260131", 50)
    said = _partial(import_exports([b, a]).notes)
    assert list(said) == ["2026-01"]
    assert "2026-01-01 to 2026-01-10 and 2026-01-20 to 2026-01-31 (22 of 31 days" in said["2026-01"]
    assert str(a) in said["2026-01"] and str(b) in said["2026-01"]


def test_a_monthly_column_covers_its_months_whatever_its_cells(tmp_path: Path) -> None:
    """The Data API's yearMonth and a month written as its first day (Plausible's
    ``time:month``, 2026-03-01) are whole months, not the first day of the last one."""
    api = ef.write_csv(tmp_path / "api.csv", [["yearMonth", "sessionSourceMedium", "sessions",
        "keyEvents"], ["202601", "facebook / cpc", "5", "1"], ["202603", "facebook / cpc", "7", "0"]])  # fmt: skip
    plausible = ef.plausible_json(tmp_path / "plausible.json", [
        ("2026-01-01", "Facebook", 5, 1), ("2026-03-01", "Facebook", 7, 0)])  # fmt: skip
    for p in (api, plausible):
        r = import_exports(p)
        assert [x.month for x in r.performance] == [D(2026, 1, 1), D(2026, 3, 1)]
        assert _partial(r.notes) == {}


@FILES
@given(st.integers(0, 58), st.integers(0, 58), st.integers(1, 57), st.booleans())
def test_the_months_said_in_part_are_those_the_days_do_not_fill(
    tmp_path: Path, a: int, b: int, cut: int, reverse: bool
) -> None:
    """A daily export of any days of January and February, whole or cut in two files
    (in any order): the months said to be covered in part are exactly those its first
    and last days do not fill, and cutting it changes neither the rows nor the notes."""
    first, last = sorted(
        (D(2026, 1, 1) + dt.timedelta(days=a), D(2026, 1, 1) + dt.timedelta(days=b))
    )
    days = _days(first, last)
    tag = f"{first:%m%d}-{last:%m%d}-{cut}"
    whole = _daily(tmp_path / f"whole-{tag}.csv", API, first, last)
    r = import_exports(whole)
    want = set()
    for m in {d.replace(day=1) for d in days}:
        end = m.replace(day=calendar.monthrange(m.year, m.month)[1])
        if max(first, m) != m or min(last, end) != end:
            want.add(f"{m:%Y-%m}")
    assert set(_partial(r.notes)) == want
    if len(days) < 2:
        return
    k = min(cut, len(days) - 1)
    parts = [_daily(tmp_path / f"a-{tag}.csv", API, days[0], days[k - 1]),
             _daily(tmp_path / f"b-{tag}.csv", API, days[k], days[-1])]  # fmt: skip
    together = import_exports(parts[::-1] if reverse else parts)
    assert together.performance == r.performance
    assert set(_partial(together.notes)) == want


def test_event_files_a_day_is_missing_from_say_the_gap(tmp_path: Path) -> None:
    """GA4 BigQuery events exported a file a period, read as one: February 1-13 and
    15-28 were taken for all of February (from the first file's first day to the last
    one's last), the 14th's visits missing without a word."""

    def at(day: dt.date, hour: int) -> int:
        return int(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC).timestamp() * 1e6)

    def events(days: list[dt.date]) -> list[tuple[str, str, int, str, str, str, str]]:
        return [(f"u{d.day}", "1", at(d, 10), "page_view", "https://campfire.example/?utm_source=facebook",
                 "", "social") for d in days] + [(f"u{d.day}", "1", at(d, 11), "generate_lead",
                 "https://campfire.example/thanks", "", "social") for d in days]  # fmt: skip

    a = ef.bigquery_events(tmp_path / "events_a.csv", events([D(2026, 2, 1), D(2026, 2, 13)]))
    b = ef.bigquery_events(tmp_path / "events_b.csv", events([D(2026, 2, 15), D(2026, 2, 28)]))
    said = _partial(import_exports([a, b]).notes)
    assert list(said) == ["2026-02"]
    assert "2026-02-01 to 2026-02-13 and 2026-02-15 to 2026-02-28 (27 of 28 days" in said["2026-02"]
