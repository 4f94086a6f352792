"""Right-to-left text carries invisible direction marks: a spreadsheet in Arabic writes
a short date as ``8\u200f/1\u200f/2026`` (Babel's and CLDR's own Arabic pattern), and
numbers may come with a right-to-left mark or the Arabic letter mark (U+061C) before
them. Such a cell was "not a number" or "cannot read a date": an Arabic team's export
saved again by its spreadsheet could not be read at all, and a Facebook Insights file
whose first post had such a number lost that post (read as its row of descriptions).
The marks hold no value: a cell is read without them, and reads as the same cell
without them would. Files laid out like the exports (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.io.cells import number
from goalrules.io.exports import import_exports
from goalrules.io.exports.dates import read_date
from tests import export_files as ef

RLM, LRM, ALM = "\u200f", "\u200e", "\u061c"
MARKS = st.sampled_from(["", RLM, LRM, ALM, RLM + LRM])


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 10**7), digits=st.sampled_from(["latn", "arab"]), before=MARKS,
       after=MARKS)  # fmt: skip
def test_a_count_written_in_arabic_with_direction_marks_reads_as_itself(
    n: int, digits: str, before: str, after: str
) -> None:
    cell = before + format_decimal(n, locale="ar", numbering_system=digits) + after
    assert number(cell, "f.csv", 2, "views") == n


@settings(max_examples=60, deadline=None)
@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), before=MARKS)
def test_an_arabic_short_date_reads_day_first_as_itself(day: dt.date, before: str) -> None:
    cell = before + format_date(day, "short", locale="ar")  # 8\u200f/1\u200f/2026
    assert RLM in cell
    assert read_date(cell, "dmy") == day


def test_a_crm_export_saved_again_in_arabic_reads_its_dates(tmp_path: Path) -> None:
    # HubSpot's contacts, saved again by a spreadsheet in Arabic: its short dates (day
    # first, a right-to-left mark after the day and the month), then the time
    def when(d: dt.date) -> str:
        return f"{format_date(d, 'short', locale='ar')} 10:00"

    f = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Organic social", "Facebook", when(dt.date(2026, 1, 8)), ""),
        ("Organic social", "Facebook", when(dt.date(2026, 1, 20)), when(dt.date(2026, 2, 3))),
        ("Organic social", "LinkedIn", when(dt.date(2026, 2, 14)), ""),
    ])  # fmt: skip
    assert RLM in f.read_text(encoding="utf-8")
    rows = {(f"{r.month:%Y-%m}", r.channel): (r.leads, r.customers)
            for r in import_exports(f).performance}  # fmt: skip
    assert rows == {
        ("2026-01", "facebook"): (2, 0),
        ("2026-02", "facebook"): (0, 1),
        ("2026-02", "linkedin"): (1, 0),
    }


def test_a_tiktok_overview_in_arabic_with_marked_counts(tmp_path: Path) -> None:
    days = [dt.date(2026, 3, d) for d in (6, 7, 8)]
    views = [1234, 560, 10000]
    f = ef.tiktok_overview_localized(tmp_path / "Overview.csv", [
        (RLM + format_skeleton("MMMMd", d, locale="ar"), 0, 2) for d in days
    ])  # fmt: skip
    text = f.read_text(encoding="utf-8-sig").splitlines()
    body = [text[0]] + [
        line.replace(",0,", f",{RLM}{format_decimal(v, locale='ar', numbering_system='arab')},", 1)
        for line, v in zip(text[1:], views, strict=True)
    ]
    f.write_text("\n".join(body) + "\n", encoding="utf-8")
    result = import_exports(f, today=dt.date(2026, 3, 9))
    got = {r.date: r.value for r in result.history if r.metric == "video_views"}
    assert got == dict(zip(days, map(float, views), strict=True))


def test_a_first_post_with_a_marked_number_is_not_taken_for_the_descriptions(
    tmp_path: Path,
) -> None:
    f = ef.facebook_insights_posts(tmp_path / "Facebook Insights Data Export (Post Level).csv",
                                   [("11/2/2019 9:00:00 AM", 120, 300),
                                    ("11/20/2019 9:00:00 AM", 80, 200)])  # fmt: skip
    lines = f.read_text(encoding="utf-8").splitlines()
    descriptions = next(i for i, line in enumerate(lines) if "Lifetime:" in line)
    del lines[descriptions]  # saved again without the row of descriptions
    first = descriptions  # the first post now stands right under the titles
    # its metric cells as a spreadsheet in Arabic writes them
    lines[first] = lines[first].replace(",120,120,0,300,", f",{RLM}120,{RLM}120,0,{RLM}300,")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert RLM in f.read_text(encoding="utf-8")
    history = import_exports(f).history
    assert {(r.metric, r.date): r.value for r in history} == {
        ("post_reach", dt.date(2019, 11, 1)): 200.0,
        ("impressions", dt.date(2019, 11, 1)): 500.0,
    }
