"""TikTok Studio's Overview.csv as it comes in 2026: a UTF-8 file with a byte order mark,
dates written year first with slashes (``2026/05/10``), the views and the day's
followers (``Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,
Website clicks,...,Net growth,New followers,Lost followers``, as a team's manual of its
weekly TikTok exports describes the file). It was refused ("cannot read a date from
'2026/05/10'"); it now reads: views, profile views, engagements, and new followers from
*Net growth* (or *New followers* minus *Lost followers*; new followers alone are not the
net). *Reached audience* is a day's reach, which adds up to no month's: not read, with a
note. A date written year first is year, month, day in any export, with hyphens, slashes
or points."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import ImportResult, import_exports
from goalrules.io.exports.dates import read_date

D = dt.date
HEADER = ("Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,"
          "Website clicks,Phone number clicks,Lead submissions,App download link clicks,"
          "Net growth,New followers,Lost followers")  # fmt: skip


def _overview(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_bytes(("\ufeff" + "\n".join([header, *rows]) + "\n").encode("utf-8"))
    return path


def _series(result: ImportResult, metric: str) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == metric}


ROWS = ["2026/05/10,952,800,12,57,3,2,1,0,0,0,5,6,1",
        "2026/05/11,600,500,10,30,1,1,0,0,0,0,-1,1,2",
        "2026/05/12,700,650,8,40,2,0,1,0,0,0,3,3,0"]  # fmt: skip


def test_the_2026_overview_reads(tmp_path: Path) -> None:
    r = import_exports(_overview(tmp_path / "Overview.csv", ROWS), today=D(2026, 5, 13))
    assert _series(r, "video_views") == {D(2026, 5, 10): 952, D(2026, 5, 11): 600,
                                         D(2026, 5, 12): 700}  # fmt: skip
    assert _series(r, "engagements") == {D(2026, 5, 10): 62, D(2026, 5, 11): 32,
                                         D(2026, 5, 12): 42}  # fmt: skip
    assert _series(r, "new_followers") == {D(2026, 5, 10): 5, D(2026, 5, 11): -1,
                                           D(2026, 5, 12): 3}  # fmt: skip
    assert "post_reach" not in {h.metric for h in r.history}
    assert any("'reached audience' not read" in n for n in r.notes)


def test_new_followers_less_the_lost_are_the_net(tmp_path: Path) -> None:
    header = HEADER.replace(",Net growth", "")
    rows = [",".join(c for i, c in enumerate(row.split(",")) if i != 11) for row in ROWS]
    r = import_exports(_overview(tmp_path / "Overview.csv", rows, header))
    assert _series(r, "new_followers") == {D(2026, 5, 10): 5, D(2026, 5, 11): -1,
                                           D(2026, 5, 12): 3}  # fmt: skip
    # gains without their losses are no net: not read
    gained = HEADER.replace(",Net growth", "").replace(",Lost followers", "")
    rows = [",".join([*row.split(",")[:11], row.split(",")[12]]) for row in ROWS]
    alone = import_exports(_overview(tmp_path / "o2.csv", rows, gained))
    assert "new_followers" not in {h.metric for h in alone.history}


@settings(max_examples=60, deadline=None)
@given(st.dates(D(1990, 1, 1), D(2040, 12, 31)), st.sampled_from(["-", "/", "."]),
       st.booleans())  # fmt: skip
def test_a_date_written_year_first_is_year_month_day(day: D, mark: str, padded: bool) -> None:
    text = (f"{day.year}{mark}{day.month:02d}{mark}{day.day:02d}" if padded
            else f"{day.year}{mark}{day.month}{mark}{day.day}")  # fmt: skip
    assert read_date(text, "iso") == day
    # never read in a slashed day-or-month-first form
    assert read_date(text, "mdy") is None and read_date(text, "dmy") is None


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.sampled_from(["-", "/", "."]))
def test_the_dates_mark_changes_nothing(tmp_path: Path, mark: str) -> None:
    rows = [row.replace("/", mark, 2) for row in ROWS]
    r = import_exports(_overview(tmp_path / f"Overview{ord(mark)}.csv", rows))
    base = import_exports(_overview(tmp_path / "base.csv", ROWS))
    assert r.history == base.history
