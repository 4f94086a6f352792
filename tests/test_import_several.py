"""Several exports of one account read together: an anchor carries through every file's
gains, and a day, a month, a post, a contact or a session two files share counts once
when they agree and is an error naming both files when they do not. Each file is laid
out like the tool's real export (made here, small)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES, GA4_DAILY, _followers, _x_overview

D = dt.date

# -- several exports of one account ----------------------------------------------------------


def test_an_anchor_in_februarys_export_carries_back_through_januarys(tmp_path: Path) -> None:
    """X's overview exported month by month, the anchor on the last day of February.
    Each file was anchored alone: January's totals ignored February's gains and ended at
    100 on January 31 (then 93 on February 1)."""
    jan = _x_overview(tmp_path / "account_overview_analytics_jan.csv",
                      [(D(2026, 1, 30), 5, 0), (D(2026, 1, 31), 5, 0)])  # fmt: skip
    feb = _x_overview(tmp_path / "account_overview_analytics_feb.csv",
                      [(D(2026, 2, 1), 7, 0), (D(2026, 2, 2), 7, 0)])  # fmt: skip
    want = {D(2026, 1, 30): 81, D(2026, 1, 31): 86, D(2026, 2, 1): 93, D(2026, 2, 2): 100}
    for files in ([jan, feb], [feb, jan]):
        r = import_exports(files, anchors=["100 followers on 2026-02-02"])
        assert _followers(r) == want
    out = io.StringIO()
    assert main(["import", str(jan), str(feb), "--anchor", "100 followers on 2026-02-02"],
                out=out) == 0  # fmt: skip
    assert "2026-01-31,x,followers,86," in out.getvalue()


def test_two_exports_that_overlap_agree_or_are_an_error(tmp_path: Path, capsys: Any) -> None:
    """TikTok's Overview downloaded twice, the periods overlapping on March 2: both files'
    rows for that day were kept (two points for one day). The same value is kept once;
    two values are an error naming both files."""
    header = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
    a = ef.write_csv(
        tmp_path / "Overview.csv",
        [header, ["March 1", 100, 5, 1, 0, 0], ["March 2", 200, 5, 1, 0, 0]],
    )
    b = ef.write_csv(
        tmp_path / "Overview (1).csv",
        [header, ["March 2", 200, 5, 1, 0, 0], ["March 3", 300, 5, 1, 0, 0]],
    )
    r = import_exports([a, b], today=D(2026, 3, 10))
    views = [(x.date, x.value) for x in r.history if x.metric == "video_views"]
    assert views == [(D(2026, 3, 1), 100), (D(2026, 3, 2), 200), (D(2026, 3, 3), 300)]
    assert any("kept once" in n and "Overview (1).csv" in n for n in r.notes)
    c = ef.write_csv(
        tmp_path / "Overview (2).csv",
        [header, ["March 2", 250, 5, 1, 0, 0], ["March 3", 300, 5, 1, 0, 0]],
    )
    with pytest.raises(DataError, match="as 200 and 250") as e:
        import_exports([a, c], today=D(2026, 3, 10))
    assert "Overview.csv" in str(e.value) and e.value.source == str(c)
    assert main(["import", str(a), str(c), "--today", "2026-03-10"], out=io.StringIO()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Overview (2).csv" in err[0]


def test_a_metric_given_per_post_and_per_day_is_an_error(tmp_path: Path) -> None:
    """X's content export (per post, summed by month on the 1st) with its account
    overview (per day): January 1 held the month's posts' impressions and that day's."""
    overview = _x_overview(tmp_path / "account_overview_analytics.csv",
                           [(D(2026, 1, 1), 1, 0), (D(2026, 1, 2), 1, 0)])  # fmt: skip
    content = ef.x_content(
        tmp_path / "account_content.csv",
        [("Thu, Jan 1, 2026", 500, 20, 3), ("Fri, Jan 2, 2026", 70, 2, 0)],
    )
    with pytest.raises(DataError, match="per post") as e:
        import_exports([overview, content])
    assert "account_content.csv" in str(e.value) and "account_overview_analytics.csv" in str(
        e.value
    )


@FILES
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=2, max_size=10),
       st.data())  # fmt: skip
def test_an_export_cut_into_overlapping_files_gives_what_the_whole_gives(
    tmp_path: Path, gains: list[tuple[int, int]], data: Any
) -> None:
    """One X overview cut in two files that overlap (or not), given in any order, with an
    anchor anywhere: the same rows as the whole file."""
    start = D(2025, 12, 27)
    days = [(start + dt.timedelta(days=i), n, lo) for i, (n, lo) in enumerate(gains)]
    cut = data.draw(st.integers(1, len(days) - 1), label="cut")
    overlap = data.draw(st.integers(0, cut), label="overlap")
    anchor = start + dt.timedelta(days=data.draw(st.integers(-2, len(days) + 2)))
    anchors = [f"{500 + sum(n for n, _ in gains)} followers on {anchor.isoformat()}"]
    tag = f"{len(days)}-{cut}-{overlap}"
    whole = _x_overview(tmp_path / f"account_overview_analytics-{tag}.csv", days)
    first = _x_overview(tmp_path / f"account_overview_analytics-a-{tag}.csv", days[:cut])
    second = _x_overview(tmp_path / f"account_overview_analytics-b-{tag}.csv",
                         days[cut - overlap:])  # fmt: skip
    files = data.draw(st.permutations([first, second]), label="order")
    want = import_exports(whole, anchors=anchors).history
    assert import_exports(files, anchors=anchors).history == want


# -- several analytics exports, and a period that cuts a month ----------------------------------

GA4_MONTHLY = ["Year month", "Session source / medium", "Sessions", "Key events"]


def _ga4(path: Path, start: str, end: str, rows: list[list[str]]) -> Path:
    return ef.write_csv(path, [GA4_MONTHLY, *rows],
                        preamble=[f"# Start date: {start}", f"# End date: {end}"])  # fmt: skip


def test_the_same_ga4_month_in_two_files_is_not_counted_twice(tmp_path: Path, capsys: Any) -> None:
    """January's GA4 report downloaded twice: two January rows for facebook (and 200
    visits once joined with a CRM). The same row is kept once; another row for the same
    month from an overlapping period is an error naming both files."""
    a = _ga4(tmp_path / "ga4.csv", "20260101", "20260131", [["202601", "facebook / social",
             "100", "3"]])  # fmt: skip
    b = _ga4(tmp_path / "ga4 (1).csv", "20260101", "20260131", [["202601", "facebook / social",
             "100", "3"]])  # fmt: skip
    r = import_exports([a, b])
    assert [(p.month, p.channel, p.visits, p.leads) for p in r.performance] == [
        (D(2026, 1, 1), "facebook", 100, 3)]  # fmt: skip
    assert any("kept once" in n for n in r.notes)
    c = _ga4(tmp_path / "ga4 mid.csv", "20260115", "20260214", [
        ["202601", "facebook / social", "60", "1"], ["202602", "facebook / social", "40", "2"]])  # fmt: skip
    with pytest.raises(DataError, match="periods overlap") as e:
        import_exports([a, c])
    assert "ga4.csv" in str(e.value) and e.value.source == str(c)
    assert main(["import", str(a), str(c)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_ga4_periods_that_cut_months_say_so_and_add_up_when_apart(tmp_path: Path) -> None:
    """A GA4 report from January 15 to February 14 by Year month: its January row is
    half of January, said as January's without a word. Two such reports whose periods
    do not overlap add up to the month."""
    c = _ga4(tmp_path / "ga4 a.csv", "20260115", "20260214", [
        ["202601", "facebook / social", "60", "1"], ["202602", "facebook / social", "40", "2"]])  # fmt: skip
    r = import_exports(c)
    jan = next(n for n in r.notes if n.startswith(f"{c}: 2026-01 covers only"))
    assert "2026-01-15 to 2026-01-31 (17 of 31 days" in jan
    assert any("2026-02 covers only 2026-02-01 to 2026-02-14" in n for n in r.notes)
    d = _ga4(tmp_path / "ga4 b.csv", "20260215", "20260314", [
        ["202602", "facebook / social", "35", "1"], ["202603", "facebook / social", "50", "0"]])  # fmt: skip
    got = {p.month: (p.visits, p.leads) for p in import_exports([d, c]).performance}
    assert got == {D(2026, 1, 1): (60, 1), D(2026, 2, 1): (75, 3), D(2026, 3, 1): (50, 0)}
    whole = _ga4(tmp_path / "ga4 c.csv", "20260101", "20260131",
                 [["202601", "facebook / social", "100", "3"]])  # fmt: skip
    assert not any("covers only" in n for n in import_exports(whole).notes)


@FILES
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 300), st.integers(0, 9)), min_size=2,
             max_size=12, unique_by=lambda t: t[0]),
    st.data(),
)  # fmt: skip
def test_a_daily_ga4_export_cut_in_two_gives_what_the_whole_gives(
    tmp_path: Path, days: list[tuple[int, int, int]], data: Any
) -> None:
    """A daily GA4 export cut in two files at any day (the periods apart, or
    overlapping), in any order: the months of the whole file, or an error naming both
    files; never a month counted twice."""
    start = D(2026, 1, 10)
    rows = sorted([[(start + dt.timedelta(days=d)).strftime("%Y%m%d"), "facebook / social",
                    str(v), str(k)] for d, v, k in days])  # fmt: skip
    cut = data.draw(st.integers(1, len(rows) - 1), label="cut")
    overlap = data.draw(st.integers(0, cut), label="overlap")
    tag = f"{len(rows)}-{cut}-{overlap}"
    whole = ef.write_csv(tmp_path / f"ga4-{tag}.csv", [GA4_DAILY, *rows])
    parts = [ef.write_csv(tmp_path / f"ga4-a-{tag}.csv", [GA4_DAILY, *rows[:cut]]),
             ef.write_csv(tmp_path / f"ga4-b-{tag}.csv", [GA4_DAILY, *rows[cut - overlap:]])]  # fmt: skip
    parts = data.draw(st.permutations(parts), label="order")
    want = import_exports(whole).performance
    if not overlap:
        assert import_exports(parts).performance == want
        return
    try:  # days in both files: the same months, or an error naming both
        got, error = import_exports(parts).performance, None
    except DataError as exc:
        got, error = None, exc
    if error is not None:
        assert "periods overlap" in str(error) and error.source in map(str, parts)
    else:
        assert got == want


# -- one contact in two CRM exports ------------------------------------------------------------

HUBSPOT = ["Record ID", "First Name", "Create Date", "Lifecycle Stage", "Original Source",
           "Original Source Drill-Down 1", "Original Source Drill-Down 2", "Became a Lead Date",
           "Became a Customer Date"]  # fmt: skip


def _contact(rid: str, lead: str, customer: str = "") -> list[str]:
    return [rid, "Ada", lead, "customer" if customer else "lead", "Organic social", "LinkedIn",
            "", lead, customer]  # fmt: skip


def test_a_contact_in_two_crm_exports_is_one_lead(tmp_path: Path, capsys: Any) -> None:
    """HubSpot exported in January and again in February: contact 101 in both. Its lead
    was counted in each file (2 January leads, in two rows for one month and channel)."""
    jan = ef.write_csv(tmp_path / "hubspot-crm-exports-jan.csv",
                       [HUBSPOT, _contact("101", "2026-01-05 10:00")])  # fmt: skip
    both = ef.write_csv(tmp_path / "hubspot-crm-exports-all.csv", [HUBSPOT,
        _contact("101", "2026-01-05 10:00"), _contact("102", "2026-01-20 10:00"),
        _contact("103", "2026-02-05 10:00")])  # fmt: skip
    r = import_exports([jan, both])
    rows = [(p.month, p.channel, p.leads) for p in r.performance]
    assert rows == [(D(2026, 1, 1), "linkedin", 2), (D(2026, 2, 1), "linkedin", 1)]
    assert any("counted once" in n for n in r.notes)
    # contact 101 a lead in one export and a customer in the other: an error naming both
    later = ef.write_csv(
        tmp_path / "hubspot-crm-exports-feb.csv",
        [HUBSPOT, _contact("101", "2026-01-05 10:00", "2026-02-03 10:00")],
    )
    with pytest.raises(DataError, match="contact '101'") as e:
        import_exports([jan, later])
    assert "hubspot-crm-exports-jan.csv (line 2)" in str(e.value)
    assert (e.value.source, e.value.line, e.value.field) == (str(later), 2, "record id")
    assert main(["import", str(jan), str(later)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@FILES
@given(st.lists(st.integers(0, 59), min_size=1, max_size=10, unique=True), st.data())
def test_contacts_split_over_exports_count_as_in_one(
    tmp_path: Path, days: list[int], data: Any
) -> None:
    """One contacts export, split in two files that may share contacts, in any order:
    the leads of the one file."""
    start = D(2026, 1, 1)
    rows = [_contact(str(100 + i), f"{start + dt.timedelta(days=d)} 10:00")
            for i, d in enumerate(days)]  # fmt: skip
    a = data.draw(st.sets(st.integers(0, len(rows) - 1)), label="first file")
    b = set(range(len(rows))) - a | data.draw(st.sets(st.integers(0, len(rows) - 1)), label="too")
    tag = f"{len(rows)}-{sorted(a)}-{sorted(b)}"
    whole = ef.write_csv(tmp_path / f"hubspot-{tag}.csv", [HUBSPOT, *rows])
    parts = [ef.write_csv(tmp_path / f"hubspot-a-{tag}.csv", [HUBSPOT, *[rows[i] for i in a]]),
             ef.write_csv(tmp_path / f"hubspot-b-{tag}.csv", [HUBSPOT, *[rows[i] for i in b]])]  # fmt: skip
    order = data.draw(st.permutations(parts), label="order")
    assert import_exports(order).performance == import_exports(whole).performance


# -- one post in two rows ----------------------------------------------------------------------


def _posts(path: Path, posts: list[tuple[str, str, int]]) -> Path:
    """Instagram's content export: (publish time, permalink, views) per post."""
    return ef.meta_content(path, [(t, link, v, v // 2, 1, 1, 1, 1) for t, link, v in posts])


def test_one_post_in_two_different_rows_is_not_summed(tmp_path: Path, capsys: Any) -> None:
    """The reel /a/ twice, 100 and then 120 views (a row pasted in from a later export):
    September's views were 250, the post counted twice."""
    p = _posts(tmp_path / "posts.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", 100),
        ("09/16/2026 18:00", "https://www.instagram.com/reel/b/", 30),
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", 120)])  # fmt: skip
    with pytest.raises(DataError, match="line 2 and line 4") as e:
        import_exports(p)
    assert (e.value.source, e.value.line) == (str(p), 4)
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_post_exports_split_by_date_add_up_and_overlaps_count_once(tmp_path: Path) -> None:
    """Two content exports, September 1-15 and 10-30: the posts both hold count once, the
    month is every post's sum. (Each file's September sum was different: an error.)"""
    a = _posts(tmp_path / "Sep-01-2026_Sep-15-2026_1.csv", [
        ("09/13/2026 18:00", "https://www.instagram.com/reel/a/", 100),
        ("09/14/2026 18:00", "https://www.instagram.com/reel/b/", 30)])  # fmt: skip
    b = _posts(tmp_path / "Sep-10-2026_Sep-30-2026_1.csv", [
        ("09/14/2026 18:00", "https://www.instagram.com/reel/b/", 30),
        ("09/25/2026 18:00", "https://www.instagram.com/reel/c/", 7)])  # fmt: skip
    for files in ([a, b], [b, a]):
        r = import_exports(files)
        views = {(x.date, x.channel): x.value for x in r.history if x.metric == "impressions"}
        assert views == {(D(2026, 9, 1), "instagram"): 137}
        assert any("counted once" in n for n in r.notes)
    later = _posts(tmp_path / "Sep-10-2026_Oct-05-2026_1.csv", [
        ("09/14/2026 18:00", "https://www.instagram.com/reel/b/", 45)])  # fmt: skip
    with pytest.raises(DataError, match="reel/b") as e:
        import_exports([a, later])
    assert str(a) in str(e.value) and e.value.line == 2


@FILES
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(0, 500)), min_size=1, max_size=8),
       st.data())  # fmt: skip
def test_posts_split_over_exports_sum_as_in_one(
    tmp_path: Path, posts: list[tuple[int, int]], data: Any
) -> None:
    """One content export split in two files that may share posts, in any order: the
    months of the one file."""
    start = D(2026, 8, 20)
    rows = [((start + dt.timedelta(days=d)).strftime("%m/%d/%Y 10:00"),
             f"https://www.instagram.com/reel/{i}/", v) for i, (d, v) in enumerate(posts)]  # fmt: skip
    a = data.draw(st.sets(st.integers(0, len(rows) - 1)), label="first file")
    b = set(range(len(rows))) - a | data.draw(st.sets(st.integers(0, len(rows) - 1)), label="too")
    tag = f"{len(rows)}-{sorted(a)}-{sorted(b)}"
    whole = _posts(tmp_path / f"posts-{tag}.csv", rows)
    parts = [_posts(tmp_path / f"posts-a-{tag}.csv", [rows[i] for i in sorted(a)]),
             _posts(tmp_path / f"posts-b-{tag}.csv", [rows[i] for i in sorted(b)])]  # fmt: skip
    order = data.draw(st.permutations(parts), label="order")
    assert (
        import_exports(order, dayfirst=False).history
        == import_exports(whole, dayfirst=False).history
    )


def test_all_errors_anchors_every_files_gains_together(tmp_path: Path) -> None:
    """--all-errors read each file with the anchor alone: January alone, anchored at 3 on
    February 2, ended at -2 on January 30 (an error); with February's losses it is 12."""
    jan = _x_overview(tmp_path / "account_overview_analytics_jan.csv",
                      [(D(2026, 1, 30), 5, 0), (D(2026, 1, 31), 5, 0)])  # fmt: skip
    feb = _x_overview(tmp_path / "account_overview_analytics_feb.csv",
                      [(D(2026, 2, 1), 0, 7), (D(2026, 2, 2), 0, 7)])  # fmt: skip
    anchors = ["3 followers on 2026-02-02"]
    collected = import_exports([jan, feb], anchors=anchors, errors="collect")
    assert collected == import_exports([jan, feb], anchors=anchors)
    assert _followers(collected) == {D(2026, 1, 30): 12, D(2026, 1, 31): 17, D(2026, 2, 1): 10,
                                     D(2026, 2, 2): 3}  # fmt: skip


# -- a session whose events two exports share ------------------------------------------------------


def test_a_session_across_two_daily_event_exports_is_one_visit(tmp_path: Path) -> None:
    """GA4 BigQuery events exported a day a file: a session from a LinkedIn ad starts at
    23:50 on January 5 and signs up at 00:10 on January 6. Read a file at a time it was
    two visits, the lead landing on '(none)'."""
    start, lead = 1767657000000000, 1767658200000000  # 2026-01-05 23:50, 2026-01-06 00:10 UTC
    day1 = ef.bigquery_events(tmp_path / "events_20260105.csv", [
        ("u1", "7", start, "session_start",
         "https://c.com/?utm_source=linkedin&utm_medium=paid_social", "", "paid_social"),
        ("u2", "8", start + 1, "page_view", "https://c.com/", "https://t.co/a", "")])  # fmt: skip
    day2 = ef.bigquery_events(tmp_path / "events_20260106.csv", [
        ("u1", "7", lead, "sign_up", "https://c.com/thanks", "", "")])  # fmt: skip
    whole = ef.bigquery_events(tmp_path / "events.csv", [
        ("u1", "7", start, "session_start",
         "https://c.com/?utm_source=linkedin&utm_medium=paid_social", "", "paid_social"),
        ("u2", "8", start + 1, "page_view", "https://c.com/", "https://t.co/a", ""),
        ("u1", "7", lead, "sign_up", "https://c.com/thanks", "", "")])  # fmt: skip
    want = [(r.channel, r.medium, r.visits, r.leads) for r in import_exports(whole).performance]
    assert want == [("linkedin", "paid", 1, 1), ("x", "organic", 1, 0)]
    for files in ([day1, day2], [day2, day1]):
        got = [(r.channel, r.medium, r.visits, r.leads) for r in import_exports(files).performance]
        assert got == want


def test_totals_from_an_anchor_that_contradict_a_files_totals_are_an_error(
    tmp_path: Path,
) -> None:
    """Sprout gives X's followers on January 31 (90); X's overview and the anchor give
    100 that day: two totals for one day, an error naming where each comes from."""
    sprout = ef.write_csv(tmp_path / "Profile Performance.csv", [
        ["Date", "Network", "Profile", "Followers"], ["01/31/2026", "X", "Campfire", 90]])  # fmt: skip
    x = _x_overview(tmp_path / "account_overview_analytics.csv",
                    [(D(2026, 1, 30), 5, 0), (D(2026, 1, 31), 5, 0)])  # fmt: skip
    with pytest.raises(DataError, match="the totals from the anchor") as e:
        import_exports([sprout, x], anchors=["100 x followers on 2026-01-31"])
    assert "Profile Performance.csv" in str(e.value) and "as 90 and 100" in str(e.value)
    agreeing = import_exports([sprout, x], anchors=["90 x followers on 2026-01-31"])
    assert _followers(agreeing) == {D(2026, 1, 30): 85, D(2026, 1, 31): 90}
