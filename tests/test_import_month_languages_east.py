"""TikTok Studio's Overview.csv in Russian, Ukrainian, Bulgarian, Serbian, Slovak,
Slovenian, Latvian and Estonian (the account's language: '7 марта', '7. februára'):
read as the days they are. They were refused ("cannot read a date from '7 марта'")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.dates import format_skeleton

from goalrules.io.exports import import_exports
from goalrules.io.exports.dates import column_months, read_date
from tests import export_files as ef

D = dt.date
LANGUAGES = ["ru", "uk", "bg", "sr", "sk", "sl", "lv", "et"]


@pytest.mark.parametrize("locale", LANGUAGES)
def test_tiktok_overview_in_the_accounts_language(tmp_path: Path, locale: str) -> None:
    days = [D(2026, 2, 26) + dt.timedelta(days=i) for i in range(8)]  # over March 1
    cells = [format_skeleton("MMMMd", d, locale=locale) for d in days]
    p = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [(c, 100 + i, 1) for i, c in enumerate(cells)])  # fmt: skip
    r = import_exports(p, today=D(2026, 3, 10))
    views = {row.date: row.value for row in r.history if row.metric == "video_views"}
    assert views == {d: 100 + i for i, d in enumerate(days)}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_month_reads_in_its_language(locale: str) -> None:
    cells = [format_skeleton("MMMMd", D(2026, m, 8), locale=locale) for m in range(1, 13)]
    months = column_months(cells)
    assert [read_date(c, "month d", months) for c in cells] == [
        read_date(f"{D(2026, m, 8):%B} 8", "month d") for m in range(1, 13)
    ]
