"""A day's reach counts each person once that day: the days of a month add up to more
than the month's reach. Meta Business Suite's page export of *Reach* (or *Viewers*) was
read as the metric ``post_reach`` a day, and goalrules summed its days into months: 1,000
to 1,546 people a day read "Post reach: 46,996 people in March 2026", achievable, for a
month that reached far fewer. Tools reading Meta's API say the same of their own daily
reach (Databox, "Why may Page Reach be different": daily unique values added together
count a user who saw posts on the 1st and the 8th twice; Swonkie, "Why is the total reach
not shown": summed days count repeated users; Facebook gives unique reach for a day, 7
days or 28 days only). A daily export's reach is now not read: an error when it is the
file's one metric, else a note; a per-post export's reach (each post's) is summed by
month as before. Files laid out as the exports are (Meta's UTF-16 ``sep=,`` file, its
metric on line 2 and ``"Date","Primary"``; Sprout Social's Profile Performance rows)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.reach import PEOPLE_ONCE_A_DAY
from tests import export_files as ef

D = dt.date
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
                 max_examples=25)  # fmt: skip


def _days(first: D, n: int, each: int) -> list[tuple[str, int]]:
    return [((first + dt.timedelta(days=i)).isoformat() + "T00:00:00", each) for i in range(n)]


@pytest.mark.parametrize("title", ["Reach", "Facebook reach", "Viewers", "Instagram reach"])
def test_a_meta_page_export_of_reach_is_an_error_not_a_months_sum(
    tmp_path: Path, title: str
) -> None:
    p = ef.meta_page(tmp_path / "Jan-01-2026_Mar-31-2026_1234.csv", title,
                     _days(D(2026, 1, 1), 90, 1000))  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.source == str(p) and err.value.line == 2
    said = str(err.value)
    assert title.lower() in said and "once that day" in said and "history file" in said


def _sprout(path: Path, rows: list[list[Any]]) -> Path:
    header = ["Date", "Network", "Profile", "Audience", "Net Audience Growth", "Impressions",
              "Reach", "Engagements"]  # fmt: skip
    return ef.write_csv(path, [header, *rows])


def test_a_suites_daily_reach_is_left_out_with_a_note(tmp_path: Path) -> None:
    rows = [[f"01/{d:02d}/2026", "Facebook", "Campfire", 800 + d, 1, 900, 600, 40]
            for d in range(1, 11)]  # fmt: skip
    r = import_exports(_sprout(tmp_path / "Profile Performance.csv", rows))
    assert "post_reach" not in {h.metric for h in r.history}
    # the metrics whose days add up are read as before
    assert sum(h.value for h in r.history if h.metric == "impressions") == 9000
    said = [n for n in r.notes if "'reach' not read as post_reach" in n]
    assert len(said) == 1 and "once that day" in said[0]
    # said once, by its own note: not among the columns not read as well
    unread = [n.split("columns not read: ")[1] for n in r.notes if "columns not read: " in n]
    assert unread and not any("reach" in n for n in unread)


def test_a_per_post_exports_reach_is_summed_by_month(tmp_path: Path) -> None:
    p = ef.meta_content(tmp_path / "posts.csv", [
        ("01/05/2026 18:00", "https://www.instagram.com/reel/a/", 100, 80, 10, 2, 3, 1),
        ("01/20/2026 09:00", "https://www.instagram.com/p/b/", 60, 50, 4, 0, 1, 0),
    ])  # fmt: skip
    r = import_exports(p)
    assert [(h.date, h.value) for h in r.history if h.metric == "post_reach"] == [
        (D(2026, 1, 1), 130)
    ]
    assert not [n for n in r.notes if "once that day" in n]


@FILES
@given(st.sampled_from(["sprout", "suite-network"]), st.integers(1, 40),
       st.lists(st.integers(0, 5_000), min_size=3, max_size=20))  # fmt: skip
def test_no_daily_export_gives_reach_a_month_sums(
    tmp_path: Path, preset: str, start: int, reach: list[int]
) -> None:
    """Whatever the daily reach, no daily export's rows give a metric that counts
    people once a day; the file's other metrics read the same with or without it."""
    first = D(2026, 1, 1) + dt.timedelta(days=start)
    days = [first + dt.timedelta(days=i) for i in range(len(reach))]
    if preset == "sprout":
        with_reach = _sprout(tmp_path / "Profile Performance.csv", [
            [f"{d:%m/%d/%Y}", "LinkedIn", "Campfire", 900 + i, 1, 10 * i, v, i]
            for i, (d, v) in enumerate(zip(days, reach, strict=True))])  # fmt: skip
    else:
        with_reach = ef.write_csv(tmp_path / "buffer-instagram.csv", [
            ["Date", "Impressions", "Reach", "Engagements", "New followers"],
            *[[d.isoformat(), 10 * i, v, i, 1] for i, (d, v) in
              enumerate(zip(days, reach, strict=True))]])  # fmt: skip
    got = import_exports(with_reach)
    assert not {h.metric for h in got.history} & PEOPLE_ONCE_A_DAY
    rows = [line.split(",") for line in with_reach.read_text().splitlines()]
    keep = [i for i, name in enumerate(rows[0]) if name != "Reach"]
    without = ef.write_csv(tmp_path / f"without-{with_reach.name}",
                           [[r[i] for i in keep] for r in rows])  # fmt: skip
    assert got.history == import_exports(without).history
