"""Per-post exports whose tool writes its times in words (YouTube's Table data: 'Mar 3,
2026'; X's content export: 'Mon Feb 17 2025'), saved again by a spreadsheet in some
locale: the times come back slashed, day first or month first. A day over 12 says
which; else the import asks (--dayfirst / --monthfirst), never reading 3 April as
March 4 (it did: both exports read every slashed time month first)."""

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
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
                 max_examples=30)  # fmt: skip


def _views(result: Any, metric: str = "video_views") -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == metric}


def test_youtube_table_saved_day_first(tmp_path: Path) -> None:
    # 3 April and 14 June 2026: the 14 says day first (it was read March and refused)
    p = ef.youtube_table(tmp_path / "Table data.csv", [("a1", "03/04/2026", 100, 1, 900),
                                                      ("b2", "14/06/2026", 50, 0, 400)])  # fmt: skip
    assert _views(import_exports(p)) == {D(2026, 4, 1): 100, D(2026, 6, 1): 50}


def test_youtube_table_with_only_days_up_to_12_asks(tmp_path: Path) -> None:
    # 3 April and 5 June, or March 4 and May 6: it was read as March and May
    p = ef.youtube_table(tmp_path / "Table data.csv", [("a1", "03/04/2026", 100, 1, 900),
                                                      ("b2", "05/06/2026", 50, 0, 400)])  # fmt: skip
    with pytest.raises(DataError, match=r"March 4 month first and 3 April day first") as e:
        import_exports(p)
    assert e.value.line == 3 and e.value.field == "video publish time"
    assert _views(import_exports(p, dayfirst=True)) == {D(2026, 4, 1): 100, D(2026, 6, 1): 50}
    assert _views(import_exports(p, dayfirst=False)) == {D(2026, 3, 1): 100, D(2026, 5, 1): 50}


def test_x_content_saved_day_first_asks(tmp_path: Path) -> None:
    # 2 and 4 March 2025, saved by a spreadsheet in the UK: it was read as February and
    # April, 100 impressions in each, where March had 300
    p = ef.x_content(tmp_path / "content.csv", [("02/03/2025", 100, 10, 2),
                                                ("04/03/2025", 200, 4, 2)])  # fmt: skip
    with pytest.raises(DataError, match="--dayfirst or --monthfirst"):
        import_exports(p)
    assert _views(import_exports(p, dayfirst=True), "impressions") == {D(2025, 3, 1): 300}


def test_the_tools_own_times_read_as_before(tmp_path: Path) -> None:
    p = ef.youtube_table(tmp_path / "Table data.csv", [("a1", "Mar 3, 2026", 100, 1, 900),
                                                      ("b2", "Apr 4, 2026", 50, 0, 400)])  # fmt: skip
    assert _views(import_exports(p)) == {D(2026, 3, 1): 100, D(2026, 4, 1): 50}
    # Facebook Insights writes its own times month first ('11/2/2019 9:00:00 AM')
    q = ef.facebook_insights_posts(tmp_path / "Facebook Insights Data Export (Post Level).csv",
                                   [("11/2/2019 9:00:00 AM", 120, 300),
                                    ("12/3/2019 9:00:00 AM", 80, 200)])  # fmt: skip
    assert _views(import_exports(q), "post_reach") == {D(2019, 11, 1): 120, D(2019, 12, 1): 80}


@FILES
@given(st.lists(st.dates(D(2024, 1, 1), D(2026, 12, 31)), min_size=1, max_size=6, unique=True),
       st.booleans())  # fmt: skip
def test_a_slashed_post_time_is_its_month_or_asked(
    tmp_path: Path, days: list[D], dayfirst: bool
) -> None:
    """Posts whose times a spreadsheet wrote day first or month first: each is counted
    in its own month, or the import asks which order, never another month."""
    form = "%d/%m/%Y" if dayfirst else "%m/%d/%Y"
    videos = [(f"v{i}", d.strftime(form), 10 + i, 0, 100) for i, d in enumerate(days)]
    p = ef.youtube_table(tmp_path / "Table data.csv", videos)
    want: dict[D, float] = {}
    for i, d in enumerate(days):
        want[d.replace(day=1)] = want.get(d.replace(day=1), 0) + 10 + i
    asked = ""
    try:
        got = _views(import_exports(p))
    except DataError as err:  # asked only when no day is over 12
        asked = str(err)
        got = _views(import_exports(p, dayfirst=dayfirst))
    assert not asked or ("--dayfirst or --monthfirst" in asked and all(d.day <= 12 for d in days))
    assert got == want
