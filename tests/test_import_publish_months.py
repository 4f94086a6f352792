"""Per-post exports (Meta's content export, YouTube's Table data, X's content export,
Facebook Insights) give each post's totals; goalrules adds them up by the month each
post was published. A note now says what such a month's figure is (its posts' totals,
not what the account made that month): it was shown as if it were the month's views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
SAID = "per-post figures added up by the month each post was published"


def test_a_per_post_export_says_what_its_months_are(tmp_path: Path) -> None:
    meta = ef.meta_content(tmp_path / "content.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/p/a", 1200, 900, 50, 3, 4, 2),
        ("10/02/2026 18:00", "https://www.instagram.com/p/b", 1500, 1000, 40, 2, 1, 0)])  # fmt: skip
    yt = ef.youtube_table(tmp_path / "Table data.csv", [("a1", "Mar 3, 2026", 100, 1, 900)])
    for p, metric in ((meta, "impressions"), (yt, "video_views")):
        r = import_exports(p)
        said = [n for n in r.notes if SAID in n]
        assert len(said) == 1 and metric in said[0] and "not what the account made" in said[0]


def test_a_daily_export_says_nothing_of_it(tmp_path: Path) -> None:
    p = ef.youtube_chart(tmp_path / "Totals.csv", [(D(2026, 1, 1), 10), (D(2026, 1, 2), 12)])
    assert not any(SAID in n for n in import_exports(p).notes)
