"""Numbers and dates an export's reader read confidently wrong: a count a spreadsheet
rounded to scientific notation, two-digit years, likes counted inside reactions and
again beside them, a GA4 Reports snapshot's many tables, UTC days near a month's end.
Each file is laid out like the tool's real export (made here, small)."""

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
from goalrules.io.cells import number
from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES

D = dt.date


def _values(result: Any, metric: str) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == metric}


# -- scientific notation: a spreadsheet's rounding ------------------------------------------


def test_views_a_spreadsheet_wrote_1_23E06_are_an_error_not_1230000(
    tmp_path: Path, capsys: Any
) -> None:
    """YouTube's Totals.csv opened and saved again in a spreadsheet: a wide count shown as
    1.23E+06 (the cell's digits are lost) was read as exactly 1,230,000 views."""
    p = ef.write_csv(tmp_path / "Totals.csv", [["Date", "Views"], ["1/1/2022", "1.23E+06"],
                                               ["1/2/2022", "1183"]])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.line == 2 and err.value.field == "views"
    assert "1,225,000 to 1,234,999" in str(err.value) and str(p) in str(err.value)
    assert main(["import", str(p)], out=io.StringIO()) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "scientific notation" in lines[0]


def test_legacy_tweet_activity_with_rounded_impressions_is_an_error(tmp_path: Path) -> None:
    """The legacy tweet activity after a spreadsheet round trip: its ids are 6.54E+17 (told
    apart by their links), and a post's impressions 2.1E+04 (any count from 20,500 to
    21,499) must not be read as 21,000."""
    p = ef.x_tweet_activity_legacy(tmp_path / "tweet_activity_metrics.csv",
                                   [("2016-01-22 3:29:41 +0000", 120, 4, 1)])  # fmt: skip
    ok = import_exports(p)
    assert _values(ok, "impressions") == {D(2016, 1, 1): 120}
    text = p.read_bytes().replace(b",120,", b",2.1E+04,")
    p.write_bytes(text)
    with pytest.raises(DataError, match="20,500 to 21,499") as err:
        import_exports(p)
    assert err.value.line == 2 and err.value.field == "impressions"


def test_scientific_notation_that_shows_every_digit_reads(tmp_path: Path) -> None:
    """1.5E+01 and 1.23E+02 show every digit of a whole count (15, 123): they read. A
    program's own exact notation (lowercase e: Python's repr, pandas) reads as written."""
    p = ef.write_csv(tmp_path / "Chart data.csv", [["Date", "Views"], ["2026-01-01", "1.5E+01"],
                     ["2026-01-02", "1.23E+02"], ["2026-01-03", "1e+06"]])  # fmt: skip
    assert _values(import_exports(p), "video_views") == {
        D(2026, 1, 1): 15, D(2026, 1, 2): 123, D(2026, 1, 3): 1_000_000}  # fmt: skip


def test_revenue_in_scientific_notation_is_an_error(tmp_path: Path) -> None:
    """Revenue is not a whole count: 1.5E+01 may have been 15.04."""
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source / medium", "Sessions", "Key events", "Total revenue"],
        ["202601", "google / organic", "10", "1", "1.5E+01"]],
        preamble=["# Start date: 20260101", "# End date: 20260131"])  # fmt: skip
    with pytest.raises(DataError, match="scientific notation") as err:
        import_exports(p)
    assert err.value.field == "total revenue"


@given(st.integers(0, 10**12), st.integers(0, 6))
def test_a_spreadsheets_scientific_count_reads_as_itself_or_not_at_all(n: int, places: int) -> None:
    """Whatever count a spreadsheet rounded to ``places`` digits after the point, the cell
    reads back as exactly that count, or is an error: never another number."""
    shown = f"{n:.{places}E}"  # as Excel and LibreOffice write it: 1.23E+06
    if int(shown.split("E")[1]) <= places:  # every digit of the count is shown
        assert number(shown, "f.csv", 2, "views") == n
    else:
        with pytest.raises(DataError, match="digits are lost"):
            number(shown, "f.csv", 2, "views")


# -- two-digit years ------------------------------------------------------------------------


def test_a_two_digit_year_is_read_as_spreadsheets_read_it_not_in_2099(tmp_path: Path) -> None:
    """HubSpot contacts saved again by a spreadsheet write dates as 12/31/99 10:00: the
    lead of 1999 was counted in December 2099, a month that has not come."""
    p = ef.hubspot_contacts(tmp_path / "hubspot-contacts.csv", [
        ("Organic social", "LinkedIn", "12/31/99 10:00", ""),
        ("Organic social", "LinkedIn", "1/3/00 9:15", "2/1/00 12:00")])  # fmt: skip
    r = import_exports(p, today=D(2026, 3, 1))
    leads = {(x.month, x.channel): x.leads for x in r.performance if x.leads}
    assert leads == {(D(1999, 12, 1), "linkedin"): 1, (D(2000, 1, 1), "linkedin"): 1}
    assert any("two-digit years" in n and "1999-12-31" in n for n in r.notes)


def test_a_two_digit_year_that_would_be_in_the_future_is_an_error(
    tmp_path: Path, capsys: Any
) -> None:
    """The Facebook Insights post-level export saved by Excel (11/2/19 9:00): a post
    dated 1/5/29 is 2029 to a spreadsheet, after the day the file was read: an error
    naming the cell, not a post in the future."""
    p = ef.facebook_insights_posts(
        tmp_path / "Facebook Insights Data Export (Post Level) - Campfire - 2026-03-01.csv",
        [("11/2/19 9:00", 120, 300), ("1/5/29 9:00", 80, 100)],
    )
    with pytest.raises(DataError, match="two-digit year") as err:
        import_exports(p, today=D(2026, 3, 1))
    assert err.value.line == 4 and err.value.field == "posted"
    assert main(["import", str(p), "--today", "2026-03-01"], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    fine = ef.facebook_insights_posts(tmp_path / "Facebook Insights Data Export (Post Level).csv",
                                      [("11/2/19 9:00", 120, 300)])  # fmt: skip
    assert _values(import_exports(fine, today=D(2026, 3, 1)), "post_reach") == {D(2019, 11, 1): 120}


@FILES
@given(st.dates(D(1930, 1, 1), D(2026, 3, 1)), st.dates(D(1930, 1, 1), D(2026, 3, 1)))
def test_two_digit_years_read_back_the_day_a_spreadsheet_meant(tmp_path: Path, a: D, b: D) -> None:
    """Any day from 1930 to today written m/d/yy (as Excel shortens it) reads back as
    that day, whatever the other rows hold."""
    rows = [["Date", "Network", "Profile", "Impressions"]]
    rows += [[f"{d.month}/{d.day}/{d:%y}", "Twitter", p, 5] for d, p in ((a, "a"), (b, "b"))]
    p = ef.write_csv(tmp_path / "sprout-profile-performance.csv", rows)
    asked = ""
    try:
        r = import_exports(p, today=D(2026, 3, 1))
    except DataError as err:  # days a month apart that read day first are one day apart
        # (1/1/00 and 2/1/00): the order is asked for, never guessed
        asked = str(err)
        r = import_exports(p, today=D(2026, 3, 1), dayfirst=False)
    assert not asked or ("--monthfirst" in asked and a.day == b.day <= 12)
    assert {x.date for x in r.history} == {a, b}


# -- Meta: likes are among the reactions ----------------------------------------------------

META_FB = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
           "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach",
           "Reactions", "Likes", "Comments", "Shares", "Saves", "Follows"]  # fmt: skip


def _meta_posts(path: Path, posts: list[tuple[str, str, str, Any, Any]]) -> Path:
    """Meta's content export with both Reactions and Likes: (publish time, permalink,
    post type, reactions, likes); each post 2 comments, 1 share, 1 save."""
    rows: list[list[Any]] = [META_FB]
    for i, (t, link, kind, reactions, likes) in enumerate(posts):
        rows.append([f"90{i}", "178", "Campfire", "", "A post", "", t, link, kind, "",
                     "Lifetime", 100, 50, reactions, likes, 2, 1, 1, 0])  # fmt: skip
    return ef.write_csv(path, rows)


def test_meta_likes_are_not_added_again_to_the_reactions_that_include_them(tmp_path: Path) -> None:
    """A Facebook post with 10 reactions (8 of them likes), 2 comments, 1 share, 1 save
    gave 22 engagements: its likes were counted twice. It is 14."""
    p = _meta_posts(tmp_path / "Sep-01-2026_Sep-30-2026_2260327001369726.csv", [
        ("09/15/2026 18:00", "https://www.facebook.com/178/posts/1", "Photo", 10, 8)])  # fmt: skip
    r = import_exports(p)
    assert _values(r, "engagements") == {D(2026, 9, 1): 14}
    assert any("'likes' not added to 'reactions'" in n for n in r.notes)


def test_an_instagram_post_without_reactions_counts_its_likes(tmp_path: Path) -> None:
    """In one export of both networks, an Instagram post's Reactions cell is empty: its
    likes are its reactions (counted once). A Facebook post's empty Reactions is unknown:
    its month's engagements are left out, not its likes alone."""
    p = _meta_posts(tmp_path / "content.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/abc/", "IG reel", "", 8),
        ("10/02/2026 09:00", "https://www.facebook.com/178/posts/2", "Photo", "", 5)])  # fmt: skip
    r = import_exports(p)
    by_network = {(x.channel, x.date): x.value for x in r.history if x.metric == "engagements"}
    assert by_network == {("instagram", D(2026, 9, 1)): 12}
    assert any("empty cell" in n and "engagements" in n for n in r.notes)


def test_fewer_reactions_than_likes_is_an_error(tmp_path: Path) -> None:
    """Reactions include likes: 3 reactions beside 8 likes cannot both be right."""
    p = _meta_posts(tmp_path / "content.csv", [
        ("09/15/2026 18:00", "https://www.facebook.com/178/posts/1", "Photo", 3, 8)])  # fmt: skip
    with pytest.raises(DataError, match="fewer than likes") as err:
        import_exports(p)
    assert err.value.line == 2 and err.value.field == "reactions"


@FILES
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=6),
       st.randoms(use_true_random=False))  # fmt: skip
def test_meta_engagements_count_each_reaction_once_in_any_order(
    tmp_path: Path, posts: list[tuple[int, int]], rnd: Any
) -> None:
    """Whatever the posts' likes and other reactions, September's engagements are the
    reactions plus comments, shares and saves, however the rows are ordered."""
    rows = [("09/15/2026 18:00", f"https://www.facebook.com/178/posts/{i}", "Photo",
             likes + other, likes) for i, (likes, other) in enumerate(posts)]  # fmt: skip
    rnd.shuffle(rows)
    r = import_exports(_meta_posts(tmp_path / "content.csv", rows))
    want = sum(likes + other + 4 for likes, other in posts)
    assert _values(r, "engagements") == {D(2026, 9, 1): want}


# -- GA4 Reports snapshot: several tables in one file -----------------------------------------


def _visits(result: Any) -> dict[tuple[D, str], float]:
    return {(r.month, r.channel): r.visits for r in result.performance if r.visits}


def test_a_reports_snapshot_reads_its_sessions_card_and_names_the_others(tmp_path: Path) -> None:
    """GA4's Reports snapshot holds a table a card, each under its own '#' lines: it was
    refused at its second table ("a short row"). Its sessions by channel group are read
    (leads from the CRM export given with it), and a note names the tables not read."""
    snap = ef.ga4_snapshot(tmp_path / "Reports_snapshot.csv", ef.SNAPSHOT_CARDS)
    # a CRM by channel too (a lead from direct traffic): by network ('Google'), its
    # leads could not meet the snapshot's 'search' (test_import_funnel_groups)
    crm = ef.hubspot_contacts(tmp_path / "hubspot-contacts.csv",
                              [("Direct traffic", "", "2026-01-05 10:00", "")])  # fmt: skip
    r = import_exports([snap, crm])
    jan = D(2026, 1, 1)
    assert _visits(r) == {(jan, "(none)"): 120, (jan, "search"): 80, (jan, "social"): 40}
    note = next(n for n in r.notes if "tables" in n)
    assert "Nth day" in note and "Country" in note and "Event name" in note
    assert "the other 3 were not read" in note


def test_a_reports_snapshot_alone_reads_its_sessions_and_says_what_to_export(
    tmp_path: Path, capsys: Any
) -> None:
    """Alone, the snapshot's sessions card has no key events: its channels carry their
    visits and leads unknown (never 0, converting nobody), and a note says what the file
    is and what to export for leads."""
    snap = ef.ga4_snapshot(tmp_path / "Reports_snapshot.csv", ef.SNAPSHOT_CARDS)
    result = import_exports(snap)
    assert result.performance and all(r.leads is None for r in result.performance)
    (said,) = [n for n in result.notes if "no leads column" in n]
    assert "Reports snapshot" in said and "Traffic acquisition" in said
    assert main(["import", str(snap)], out=io.StringIO()) == 0
    assert "leads are unknown (not 0)" in capsys.readouterr().err
    # a snapshot with no card goalrules reads: the same advice, not "closest preset"
    other = ef.ga4_snapshot(tmp_path / "Reports_snapshot (1).csv",
                            [ef.SNAPSHOT_CARDS[0], ef.SNAPSHOT_CARDS[2]])  # fmt: skip
    with pytest.raises(DataError, match=r"a file of 2 tables.*Traffic acquisition"):
        import_exports(other)


def test_a_reports_snapshot_over_two_months_cannot_be_read_by_month(tmp_path: Path) -> None:
    """A snapshot of January 15 to February 14: its card has no month column, so its
    sessions belong to no one month: an error, never January's."""
    snap = ef.ga4_snapshot(tmp_path / "Reports_snapshot.csv", ef.SNAPSHOT_CARDS,
                           start="20260115", end="20260214")  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-contacts.csv",
                              [("Organic search", "Google", "2026-01-20 10:00", "")])  # fmt: skip
    with pytest.raises(DataError, match=r"2026-01-15 to 2026-02-14.*Traffic acquisition"):
        import_exports([snap, crm])


def test_a_traffic_acquisition_export_without_key_events_is_not_0_leads(tmp_path: Path) -> None:
    """GA4's traffic acquisition with Sessions but no Key events column: every channel was
    given 0 leads (and a channel converting nobody is one to cut). Alone its leads are
    unknown, with a note naming the header's line; with a CRM export the leads come from
    there."""
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source / medium", "Sessions", "Engaged sessions"],
        ["202601", "linkedin.com / referral", "90", "40"]],
        preamble=["# Start date: 20260101", "# End date: 20260131"])  # fmt: skip
    alone = import_exports(p)
    assert [(x.channel, x.visits, x.leads) for x in alone.performance] == [("linkedin", 90, None)]
    assert any("no leads column" in n and "line 3" in n for n in alone.notes)
    crm = ef.hubspot_contacts(tmp_path / "hubspot-contacts.csv",
                              [("Organic social", "LinkedIn", "2026-01-05 10:00", "")])  # fmt: skip
    r = import_exports([p, crm])
    assert [(x.channel, x.visits, x.leads) for x in r.performance] == [("linkedin", 90, 1)]


@given(st.permutations(range(len(ef.SNAPSHOT_CARDS))))
def test_a_snapshots_cards_in_any_order_give_the_same_rows(order: list[int]) -> None:
    """Wherever the sessions card stands among the others, the same rows are read."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        snap = ef.ga4_snapshot(Path(tmp) / "Reports_snapshot.csv",
                               [ef.SNAPSHOT_CARDS[i] for i in order])  # fmt: skip
        crm = ef.hubspot_contacts(Path(tmp) / "hubspot-contacts.csv",
                                  [("Direct traffic", "", "2026-01-05 10:00", "")])  # fmt: skip
        r = import_exports([snap, crm])
    jan = D(2026, 1, 1)
    assert _visits(r) == {(jan, "(none)"): 120, (jan, "search"): 80, (jan, "social"): 40}


# -- UTC days near a month's end --------------------------------------------------------------


def test_umami_events_near_a_months_end_say_they_are_in_utc(tmp_path: Path) -> None:
    """Umami writes created_at in UTC and not the site's time zone: a visit at 23:30 UTC on
    January 31 is February's in Berlin. It stays in January (the file cannot say
    otherwise), and a note says which rows may belong to the next month."""
    p = ef.umami_csv(tmp_path / "umami-export.csv", [
        ("v1", "2026-01-31 23:30:00", "/", "utm_source=linkedin", "", ""),
        ("v2", "2026-01-15 10:00:00", "/", "", "google.com", ""),
        ("v2", "2026-01-15 10:05:00", "/thanks", "", "", "signup"),
        ("v3", "2026-02-01 04:00:00", "/", "", "google.com", "")])  # fmt: skip
    r = import_exports(p)
    assert {(x.month, x.channel): x.visits for x in r.performance} == {
        (D(2026, 1, 1), "linkedin"): 1, (D(2026, 1, 1), "google"): 1,
        (D(2026, 2, 1), "google"): 1}  # fmt: skip
    note = next(n for n in r.notes if "UTC" in n)
    assert "2 rows near a month's end" in note and "2026-01-31 (1)" in note
    assert "2026-02-01 (1)" in note
    mid = ef.umami_csv(tmp_path / "umami-mid.csv",
                       [("v1", "2026-01-15 23:30:00", "/", "", "google.com", "signup")])  # fmt: skip
    assert not any("UTC" in n for n in import_exports(mid).notes)  # no month in doubt


def test_events_none_of_which_marks_a_lead_are_not_0_leads(tmp_path: Path) -> None:
    """An Umami export of page views only: every channel was given 0 leads, with a note
    (a channel converting nobody is one to cut). Alone it is an error, as an analytics
    export without a leads column is; with a CRM export the leads come from there."""
    p = ef.umami_csv(tmp_path / "umami-export.csv", [
        ("v1", "2026-01-12 10:00:00", "/", "utm_source=linkedin", "", ""),
        ("v2", "2026-01-15 10:00:00", "/", "", "google.com", "")])  # fmt: skip
    with pytest.raises(DataError, match="no event marks a lead") as err:
        import_exports(p)
    assert err.value.source == str(p)
    crm = ef.hubspot_contacts(tmp_path / "hubspot-contacts.csv",
                              [("Organic social", "LinkedIn", "2026-01-12 10:00", "")])  # fmt: skip
    r = import_exports([p, crm])
    assert {(x.channel, x.leads) for x in r.performance if x.channel == "linkedin"} == {
        ("linkedin", 1)
    }


def test_legacy_tweet_times_in_utc_near_a_months_end_are_noted(tmp_path: Path) -> None:
    """The legacy tweet activity writes times with +0000: a post at 22:29 UTC on January
    31 counts in January, with a note; one at noon mid-month needs none."""
    p = ef.x_tweet_activity_legacy(tmp_path / "tweet_activity_metrics.csv", [
        ("2016-01-31 22:29:41 +0000", 120, 4, 1), ("2016-02-10 12:29:41 +0000", 100, 4, 1)])  # fmt: skip
    r = import_exports(p)
    assert _values(r, "impressions") == {D(2016, 1, 1): 120, D(2016, 2, 1): 100}
    assert any("'time' is in UTC" in n and "2016-01-31 (1)" in n for n in r.notes)


@given(st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2026, 12, 31)),
       st.integers(-12 * 60, 14 * 60))  # fmt: skip
def test_a_utc_time_whose_month_differs_somewhere_is_always_noted(
    moment: dt.datetime, offset: int
) -> None:
    """For any UTC time and any time zone, when the local month differs from the UTC
    month, the time is one the note counts."""
    from goalrules.io.exports.dates import near_month_end, utc_hour

    local = moment + dt.timedelta(minutes=offset)
    hour = utc_hour(f"{moment:%Y-%m-%d %H:%M:%S} +0000")
    assert hour is not None
    if (local.year, local.month) != (moment.year, moment.month):
        assert near_month_end(moment.date(), hour)


# -- a net change among counts ------------------------------------------------------------


def test_tiktoks_negative_comments_do_not_cancel_a_days_likes(tmp_path: Path) -> None:
    """TikTok's Overview has negative Comments on some days (more comments deleted than
    written): March 7's 2 likes and -2 comments gave 0 engagements, as if nobody had
    engaged. That day's engagements are unknown (a note says why); the other days and
    the day's views stand."""
    p = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [("March 7", 100, -2), ("March 8", 120, 1)])  # fmt: skip
    r = import_exports(p, today=D(2026, 3, 10))
    assert _values(r, "engagements") == {D(2026, 3, 8): 3}
    assert _values(r, "video_views") == {D(2026, 3, 7): 100, D(2026, 3, 8): 120}
    assert any("line 2: comments -2" in n for n in r.notes)
    assert not any("empty cell" in n for n in r.notes)
    # --all-errors finds no bad cell in it either: the import reads it
    assert import_exports(p, today=D(2026, 3, 10), errors="collect").history == r.history


@FILES
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=7))
def test_a_days_engagements_are_its_counts_sum_or_unknown(
    tmp_path: Path, comments: list[int]
) -> None:
    """Each day's engagements are likes + comments + shares when every part is a count,
    and absent otherwise: never a sum some negative part cancelled."""
    names = [f"March {i + 1}" for i in range(len(comments))]
    p = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [(n, 10, c) for n, c in zip(names, comments, strict=True)])  # fmt: skip
    got = _values(import_exports(p, today=D(2026, 3, 31)), "engagements")
    want = {D(2026, 3, i + 1): 2 + c for i, c in enumerate(comments) if c >= 0}
    assert got == want
