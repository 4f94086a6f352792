"""A per-post export's months and the period it covers: Meta names its exports by their
period (``Jan-15-2026_Feb-14-2026_<id>.csv``), and a month the period covers only part
of sums only that part's posts. January's posts from the 15th were read as January's
views without a word, then with a note; but the month's figure stayed in the history,
and an export from 15 July read as a steady account's views "growing 14.9 % a month"
(July's 17 days of posts as July's). Such a month is now left out, with a note; the
files given together cover a month whole when their periods do. Files laid out like
the real export (made here)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from goalrules.io.exports.spans import name_range
from tests import export_files as ef

D = dt.date


def _name(start: D, end: D) -> str:
    return f"{start:%b-%d-%Y}_{end:%b-%d-%Y}_2260327001369726.csv"


def _posts(days: list[D]) -> list[tuple[str, str, int, int, int, int, int, int]]:
    """One post a day (ISO times: the test's days may be 12 or less, which the export's
    month-first dates would leave ambiguous without a later day)."""
    return [(f"{d:%Y-%m-%d} 10:00", f"https://www.instagram.com/p/{i}/", 100, 50, 1, 1, 1, 1)
            for i, d in enumerate(days)]  # fmt: skip


def test_the_months_a_named_period_covers_in_part_are_left_out(tmp_path: Path) -> None:
    p = ef.meta_content(tmp_path / _name(D(2026, 1, 15), D(2026, 3, 14)),
                        _posts([D(2026, 1, 20), D(2026, 2, 13), D(2026, 3, 2)]))  # fmt: skip
    result = import_exports(p)
    views = {r.date: r.value for r in result.history if r.metric == "impressions"}
    assert views == {D(2026, 2, 1): 100}
    partial = [n for n in result.notes if " left out: the period" in n]
    assert len(partial) == 2
    assert "2026-01 left out" in partial[0] and "2026-01-15 to 2026-01-31" in partial[0]
    assert "2026-03 left out" in partial[1] and "(14 of 31 days)" in partial[1]


def test_files_whose_periods_cover_a_month_together_give_it(tmp_path: Path) -> None:
    first = ef.meta_content(tmp_path / _name(D(2025, 12, 15), D(2026, 1, 14)),
                            _posts([D(2025, 12, 20), D(2026, 1, 3)]))  # fmt: skip
    second = ef.meta_content(tmp_path / _name(D(2026, 1, 15), D(2026, 2, 14)),
                             [(p[0], p[1].replace("/p/", "/p/b"), *p[2:])
                              for p in _posts([D(2026, 1, 25), D(2026, 2, 1)])])  # fmt: skip
    result = import_exports([first, second])
    views = {r.date: r.value for r in result.history if r.metric == "impressions"}
    assert views == {D(2026, 1, 1): 200}
    assert [n.split(": ", 1)[1][:7] for n in result.notes if " left out: the period" in n] == [
        "2025-12", "2026-02"]  # fmt: skip


def test_a_steady_account_from_mid_month_does_not_grow(tmp_path: Path) -> None:
    import goalrules as gr

    days = [D(2025, 7, 15) + dt.timedelta(days=i) for i in range(0, 184, 3)]
    p = ef.meta_content(tmp_path / _name(D(2025, 7, 15), D(2026, 1, 14)), _posts(days))
    series = import_exports(p).histories()[("instagram", "impressions")]
    assert min(pt.date for pt in series.points) == D(2025, 8, 1)
    goal = gr.Goal("g", metric="impressions", channel="instagram",
                   target="1200 impressions a month", deadline="2026-06-30")  # fmt: skip
    a = gr.assess_achievability(goal, series, today=D(2026, 1, 20))
    assert a.historical_rate is not None and abs(a.historical_rate) < 0.03


def test_a_whole_month_and_a_name_without_a_period_say_nothing(tmp_path: Path) -> None:
    whole = ef.meta_content(
        tmp_path / _name(D(2026, 2, 1), D(2026, 2, 28)), _posts([D(2026, 2, 3)])
    )
    plain = ef.meta_content(tmp_path / "posts.csv", _posts([D(2026, 2, 3)]))
    for p in (whole, plain):
        result = import_exports(p)
        assert not any(" left out: the period" in n for n in result.notes)
        assert {r.date for r in result.history} == {D(2026, 2, 1)}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dates(D(2024, 1, 1), D(2027, 12, 31)), st.integers(0, 70))
def test_exactly_the_months_the_period_covers_in_part_are_left_out(
    tmp_path: Path, start: D, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    assert name_range(_name(start, end)) == (start, end)
    p = ef.meta_content(tmp_path / _name(start, end), _posts([start, end]))
    result = import_exports(p)
    noted = {n.split(": ", 1)[1][:7] for n in result.notes if " left out: the period" in n}
    want = set()
    for day in (start, end):
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if max(first, start) != first or min(last, end) != last:
            want.add(f"{day:%Y-%m}")
    assert noted == want
    assert {f"{r.date:%Y-%m}" for r in result.history} == {f"{start:%Y-%m}", f"{end:%Y-%m}"} - want


def test_an_x_tweet_activity_export_states_its_period_in_its_name(tmp_path: Path) -> None:
    """X's analytics name their exports by their first day and the day after their last
    (``daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv`` holds August
    2021's 31 days; ``tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv``, a
    month's download, as public repositories that keep them show): an export from 15
    February gives February's tweets of its last 14 days only, not February's, and one
    named ``..._20190430_en.csv`` ends on April 29."""
    name = "tweet_activity_metrics_campfire_20190215_20190501_en.csv"
    assert name_range(name) == (D(2019, 2, 15), D(2019, 4, 30))
    assert name_range("daily_tweet_activity_metrics_c_20210801_20210901_en.csv") == (
        D(2021, 8, 1), D(2021, 8, 31))  # fmt: skip
    p = ef.x_tweet_activity_legacy(tmp_path / name, [
        ("2019-02-20 10:00", 100, 5, 1), ("2019-03-05 10:00", 80, 2, 0),
        ("2019-04-11 09:30", 90, 3, 0)])  # fmt: skip
    result = import_exports(p)
    assert {r.date for r in result.history if r.metric == "impressions"} == {
        D(2019, 3, 1), D(2019, 4, 1)}  # fmt: skip
    assert any("2019-02 left out" in n for n in result.notes)
    # a name whose day after is April 30 ends on the 29th: April is not whole
    early = ef.x_tweet_activity_legacy(tmp_path / name.replace("0501", "0430"), [
        ("2019-03-05 10:00", 80, 2, 0), ("2019-04-11 09:30", 90, 3, 0)])  # fmt: skip
    assert {r.date for r in import_exports(early).history} == {D(2019, 3, 1)}
    # X's content export of today: account_analytics_content_<from>_<to>.csv (its name
    # as X's web app builds it from the range's ends in UTC, and as the files kept in
    # public repositories are named): a month is whole only when both readings of its
    # last day make it whole
    content = ef.x_content(tmp_path / "account_analytics_content_2025-11-16_2026-02-13.csv", [
        ("Sun, Nov 16, 2025", 100, 5, 1), ("Tue, Dec 02, 2025", 80, 2, 0),
        ("Fri, Feb 13, 2026", 90, 3, 0)])  # fmt: skip
    got = import_exports(content)
    assert {r.date for r in got.history if r.metric == "impressions"} == {D(2025, 12, 1)}
    assert sum("left out: the period" in n for n in got.notes) == 2
    # digits that are no days, or a period that runs backwards, state none
    assert name_range("export_20191301_20190201.csv") is None
    assert name_range("export_20190301_20190201.csv") is None
    assert name_range("export_2019-03-01_20190401.csv") is None  # one way of writing days
