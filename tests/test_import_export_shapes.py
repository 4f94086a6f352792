"""Export shapes a reader must not take for another: a file laid out exactly as the tool
writes it (tests/export_files.py) is read as what it means, or refused in one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import detect_preset, import_exports
from goalrules.io.exports.presets import NoPresetError
from tests import export_files as ef

D = dt.date

# -- YouTube Studio's chart split by video ----------------------------------------------

# two videos drawn in the chart; the channel's other videos are not in the file
BY_VIDEO = [(D(2026, 3, 9), "abcdefghijk", "Mar 9, 2026", 10),
            (D(2026, 3, 10), "abcdefghijk", "Mar 9, 2026", 30),
            (D(2026, 3, 10), "lmnopqrstuv", "Apr 1, 2025", 7)]  # fmt: skip


@pytest.mark.parametrize("preset", [None, "youtube-chart"])
def test_a_chart_split_by_video_is_refused_not_summed_as_the_channels_views(
    tmp_path: Path, preset: str | None
) -> None:
    """Its rows are the videos drawn in the chart: summed a day, they were given as the
    channel's views (37 on March 10, whatever the other videos had), or read as a table
    of videos by publish month (an error about a post in two rows)."""
    p = ef.youtube_chart_by_video(tmp_path / "Chart data.csv", BY_VIDEO)
    with pytest.raises(DataError) as err:
        import_exports(p, preset=preset)
    text = str(err.value)
    assert "Chart data.csv:1" in text and "content" in text
    assert "split by video" in text and "Totals.csv" in text


def test_a_chart_by_video_with_one_row_a_video_is_no_table_of_videos(tmp_path: Path) -> None:
    """One day a video looked like Table data.csv (a row a video): its days' views were
    read as views by month of publish time (10 in March 2026, 7 in April 2025)."""
    p = ef.youtube_chart_by_video(tmp_path / "Chart data.csv", [BY_VIDEO[0], BY_VIDEO[2]])
    with pytest.raises(DataError, match="split by video"):
        import_exports(p)
    renamed = p.rename(tmp_path / "views.csv")  # not named as Studio names it: no preset
    with pytest.raises(NoPresetError, match="no 'date' column"):
        import_exports(renamed)


def test_the_chart_of_the_channel_and_the_table_of_videos_still_read(tmp_path: Path) -> None:
    chart = ef.youtube_chart(tmp_path / "Chart data.csv", [(D(2026, 3, 9), 40)])
    table = ef.youtube_table(tmp_path / "Table data.csv",
                             [("abc", "Mar 9, 2026", 40, 1, 900)])  # fmt: skip
    assert detect_preset(chart).preset.id == "youtube-chart"
    assert detect_preset(table).preset.id == "youtube-table"
    got = {(r.date, r.metric): r.value for r in import_exports(chart).history}
    assert got == {(D(2026, 3, 9), "video_views"): 40}


def test_the_cli_refuses_a_chart_by_video_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ef.youtube_chart_by_video(tmp_path / "Chart data.csv", BY_VIDEO)
    assert main(["import", str(p)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "split by video" in captured.err


# -- a count written with the file's decimal mark between thousands ------------------------


def _ga4_with(path: Path, sessions: str, revenue: str) -> Path:
    header = ["Year month", "Session source / medium", "Sessions", "Key events", "Total revenue"]
    return ef.write_csv(path, [header, ["202601", "facebook / referral", sessions, "20", revenue],
                               ["202602", "facebook / referral", "300", "10", "0"]])  # fmt: skip


@pytest.mark.parametrize(("sessions", "revenue"), [("1,234", "12,5"), ("1.234", "12.5")])
def test_a_count_is_never_read_as_a_fraction_by_the_files_decimal_mark(
    tmp_path: Path, sessions: str, revenue: str
) -> None:
    """Revenue '12,5' shows a decimal comma, so '1,234' sessions were read as 1.234 visits
    (and '1.234' beside '12.5' as 1.234): a count has no fraction. It is 1234 only with
    the mark between thousands, which the file uses as its decimal mark: an error."""
    p = _ga4_with(tmp_path / "ga4.csv", sessions, revenue)
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert "ga4.csv:2" in str(err.value) and "sessions" in str(err.value)
    assert "1,234 only with" in str(err.value)


def test_a_count_with_the_other_mark_between_thousands_still_reads(tmp_path: Path) -> None:
    german = import_exports(_ga4_with(tmp_path / "de.csv", "1.234", "12,5"))
    english = import_exports(_ga4_with(tmp_path / "en.csv", "1,234", "12.5"))
    for result in (german, english):
        jan = next(r for r in result.performance if r.month == D(2026, 1, 1))
        assert (jan.visits, jan.revenue) == (1234, 12.5)


@pytest.mark.parametrize("decimal", [".", ","])
def test_a_network_count_read_with_a_named_decimal_mark_is_never_a_fraction(
    tmp_path: Path, decimal: str
) -> None:
    """X's impressions '1.234' read with --decimal . were 1.234 impressions."""
    header = ["Date", "Impressions", "Engagements", "New follows", "Unfollows"]
    cell = f"1{decimal}234"
    p = ef.write_csv(tmp_path / "account_overview_analytics.csv",
                     [header, ["Tue, Aug 25, 2026", cell, "50", "5", "1"]])  # fmt: skip
    with pytest.raises(DataError, match="counts whole things"):
        import_exports(p, decimal=decimal)
    other = "," if decimal == "." else "."
    got = import_exports(p, decimal=other)
    assert {r.metric: r.value for r in got.history}["impressions"] == 1234


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1000, 999_999), decimal=st.sampled_from([".", ","]))
def test_a_whole_count_reads_whole_or_not_at_all(n: int, decimal: str) -> None:
    """Written with either mark between thousands, a whole count reads as itself (the
    other mark) or is an error (the decimal mark): never a number with a fraction."""
    from goalrules.io.cells import number

    for mark in (".", ","):
        text = f"{n:,}".replace(",", mark)
        try:
            x = number(text, "f.csv", 2, "views", decimal=decimal, whole=True)
        except DataError:
            assert mark == decimal
            continue
        assert mark != decimal and x == n


# -- an email word with a social medium ------------------------------------------------

SOCIAL_MEDIUMS = ["social", "Social", "social-media", "social media", "sm", "social-network"]


def test_newsletter_with_a_social_medium_is_social_not_email(tmp_path: Path) -> None:
    """GA4 groups 'newsletter / social' as Organic Social (the medium says social); it was
    read as email, so its visits were added to the email visits the CRM's 'Email
    marketing' leads meet (email: 170 visits, of which 100 were social)."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [
        ("202601", "newsletter / social", 100, 0), ("202601", "newsletter / email", 70, 0),
        ("202601", "facebook.com / referral", 30, 0),
    ])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "contacts.csv", [
        ("Email marketing", "", "2026-01-07 10:00", ""),
        ("Organic social", "Facebook", "2026-01-08 10:00", ""),
    ])  # fmt: skip
    alone = {r.channel: r.visits for r in import_exports(ga4).performance}
    assert alone == {"social": 100, "email": 70, "facebook": 30}
    joined = import_exports([ga4, crm])
    got = {r.channel: (r.visits, r.leads) for r in joined.performance}
    assert got == {"email": (70, 1), "facebook": (30, 1), "social": (100, 0)}
    # a channel the CRM has no leads for, as any other: a note, not a report by group
    assert any(n.startswith("social (organic)") and "no leads" in n for n in joined.notes)


def test_a_report_by_channel_group_with_a_crm_by_network_is_still_an_error(
    tmp_path: Path,
) -> None:
    groups = ef.write_csv(tmp_path / "groups.csv", [
        ["Year month", "Session default channel group", "Sessions", "Key events"],
        ["202601", "Organic Social", "100", "2"], ["202601", "Email", "70", "1"],
    ])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "contacts.csv",
                              [("Organic social", "Facebook", "2026-01-08 10:00", "")])  # fmt: skip
    with pytest.raises(DataError, match="counts 'social' as one channel"):
        import_exports([groups, crm])


def test_a_session_tagged_newsletter_social_is_no_email_visit(tmp_path: Path) -> None:
    umami = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-01-05 10:00:00", "/", "utm_source=newsletter&utm_medium=social", "", ""),
        ("v1", "2026-01-05 10:01:00", "/signup", "", "", "signup"),
        ("v2", "2026-01-06 10:00:00", "/", "utm_source=newsletter&utm_medium=email", "", ""),
    ])  # fmt: skip
    got = {r.channel: (r.visits, r.leads) for r in import_exports(umami).performance}
    assert got["email"] == (1, 0) and sum(v for v, _ in got.values()) == 2


@given(source=st.sampled_from(["newsletter", "Newsletter", "email", "mailchimp", "hs_email",
                               "klaviyo", "mail.google.com"]),
       medium=st.sampled_from([*SOCIAL_MEDIUMS, "email", "e-mail", "referral", "(none)"]))  # fmt: skip
def test_the_channel_agrees_with_ga4s_group(source: str, medium: str) -> None:
    """An email word is the channel email exactly when GA4's grouping does not put its
    source / medium in a social group."""
    from goalrules.io.attribution import normalize_source
    from goalrules.judgments.sources import classify_source

    social = classify_source(source.lower(), medium.lower()).name.endswith("Social")
    assert social == (medium in SOCIAL_MEDIUMS)
    assert (normalize_source(source, medium) == "email") == (not social)


# -- a GA4 report by day saved again by a spreadsheet that writes the day first ----------

GA4_HEADER = ["Date", "Session source / medium", "Sessions", "Key events"]


def _ga4_by_day(path: Path, days: list[str], *, preamble: bool = True,
                sources: tuple[str, ...] = ("facebook / referral",)) -> Path:  # fmt: skip
    lines = ["# ----------------------------------------", "# Traffic acquisition",
             "# ----------------------------------------", "#", "# All Users",
             "# Start date: 20260101", "# End date: 20260131"]  # fmt: skip
    rows = [[d, s, "100", "1"] for d in days for s in sources]
    return ef.write_csv(path, [GA4_HEADER, *rows], preamble=lines if preamble else ())


UK_DAYS = [f"{d:02d}/01/2026" for d in range(1, 6)]  # 1 to 5 January, day first


def test_a_day_first_date_outside_the_declared_period_is_an_error(tmp_path: Path) -> None:
    """'02/01/2026' (2 January in Britain) read month first is 1 February: the days of
    January 1-5 were months (100 visits in each of January, February, March and May),
    though the export says it covers January (a day without visits: no run of days
    to tell by)."""
    days = [UK_DAYS[0], UK_DAYS[1], UK_DAYS[2], UK_DAYS[4]]
    p = _ga4_by_day(tmp_path / "ga4.csv", days)
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert (err.value.line, err.value.field) == (10, "date")
    assert "'02/01/2026' is in 2026-02, outside the period" in str(err.value)
    fixed = import_exports(p, dayfirst=True)
    assert [(r.month, r.visits) for r in fixed.performance] == [(D(2026, 1, 1), 400)]
    with pytest.raises(DataError, match="day after another"):  # every day: the run tells
        import_exports(_ga4_by_day(tmp_path / "every.csv", UK_DAYS))


def test_a_day_first_report_without_its_preamble_is_an_error(tmp_path: Path) -> None:
    """Read month first, the days of a report by day step by months; read day first,
    they run day after day: never the month-first guess."""
    p = _ga4_by_day(tmp_path / "ga4.csv", UK_DAYS[:3], preamble=False,
                    sources=("facebook / referral", "google / organic"))  # fmt: skip
    with pytest.raises(DataError, match="--dayfirst or --monthfirst"):
        import_exports(p)
    assert {r.month for r in import_exports(p, dayfirst=True).performance} == {D(2026, 1, 1)}


def test_a_month_outside_the_declared_period_is_an_error(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv",
                     [["Year month", "Session source / medium", "Sessions", "Key events"],
                      ["202601", "facebook / referral", "100", "1"],
                      ["202605", "facebook / referral", "100", "1"]],
                     preamble=["# Start date: 20260101", "# End date: 20260228"])  # fmt: skip
    with pytest.raises(DataError, match="'202605' is in 2026-05, outside the period"):
        import_exports(p)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 12), sources=st.integers(1, 3), preamble=st.booleans())
def test_a_run_of_days_is_read_in_its_month_or_refused(
    n: int, sources: int, preamble: bool
) -> None:
    """January 1 to n, written day first or month first, with or without the preamble:
    the visits are January's, or the import is an error; never another month's."""
    import tempfile

    names = tuple(f"site{i}.com / referral" for i in range(sources))
    with tempfile.TemporaryDirectory() as tmp:
        for days in ([f"{d:02d}/01/2026" for d in range(1, n + 1)],
                     [f"01/{d:02d}/2026" for d in range(1, n + 1)]):  # fmt: skip
            p = _ga4_by_day(Path(tmp) / "ga4.csv", days, preamble=preamble, sources=names)
            try:
                result = import_exports(p)
            except DataError:
                assert days[1].endswith("/01/2026")  # only the day-first file is refused
                continue
            assert {r.month for r in result.performance} == {D(2026, 1, 1)}
            assert sum(r.visits for r in result.performance) == 100 * n * sources


# -- a header that names a column read twice ----------------------------------------------


def test_a_metric_named_twice_in_the_header_is_an_error(tmp_path: Path) -> None:
    """A suite's workbook with two networks side by side under merged title cells: the
    header row names Impressions, Engagements and New fans twice. The first set was read
    as the file's network (impressions 100 a day), the second (200) dropped."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Report"
    ws.append(["", "Facebook", "", "", "Instagram", "", ""])
    ws.merge_cells("B1:D1")
    ws.merge_cells("E1:G1")
    ws.append(["Date", "Impressions", "Engagements", "New fans", "Impressions", "Engagements",
               "New fans"])  # fmt: skip
    ws.append(["2026-01-01", 100, 10, 1, 200, 20, 2])
    ws.append(["2026-01-02", 100, 10, 1, 200, 20, 2])
    p = tmp_path / "facebook-report.xlsx"
    book.save(p)
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert "'Impressions' twice (columns 2 and 5)" in str(err.value)
    assert err.value.line == 2


# -- a report by week --------------------------------------------------------------------


@pytest.mark.parametrize(("preamble", "weeks"), [
    (["# Start date: 20260126", "# End date: 20260208"], ["20260126", "20260202"]),
    ([], ["202605", "202606"]),
])  # fmt: skip
def test_a_report_by_week_is_not_read_by_month(
    tmp_path: Path, preamble: list[str], weeks: list[str]
) -> None:
    """The week of January 26 (six days of January, one of February) was counted in
    January whole; a week written as year and week (202605, week 5) was read as a month
    (May 2026). A week's rows cannot be split by month: an error."""
    rows = [["Week", "Session source / medium", "Sessions", "Key events"]]
    rows += [[w, "facebook / referral", "700", "7"] for w in weeks]
    p = ef.write_csv(tmp_path / "ga4.csv", rows, preamble=preamble)
    with pytest.raises(DataError, match="date column"):
        import_exports(p)


# -- sessions by page or by event ------------------------------------------------------


@pytest.mark.parametrize(("dimension", "values"), [
    ("Page path and screen class", ["/", "/pricing", "/blog"]),
    ("Event name", ["page_view", "session_start", "generate_lead"]),
    ("Audience name", ["All Users", "Purchasers", "Engaged users"]),
])  # fmt: skip
def test_sessions_by_page_or_event_are_not_added_up(
    tmp_path: Path, dimension: str, values: list[str]
) -> None:
    """A session that viewed three pages is in three rows: their sessions were added up
    as facebook's visits (200 from 100 sessions landing on /, 205 from the rows of
    page_view, session_start and generate_lead)."""
    rows = [["Year month", "Session source / medium", dimension, "Sessions", "Key events"]]
    rows += [["202601", "facebook / referral", v, "100", "1"] for v in values]
    p = ef.write_csv(tmp_path / "ga4.csv", rows,
                     preamble=["# Start date: 20260101", "# End date: 20260131"])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert (err.value.line, err.value.field) == (3, dimension.lower())
    assert "do not add up to the visits" in str(err.value)


def test_sessions_by_landing_page_add_up(tmp_path: Path) -> None:
    rows = [["Year month", "Session source / medium", "Landing page", "Sessions", "Key events"],
            ["202601", "facebook / referral", "/", "100", "1"],
            ["202601", "facebook / referral", "/pricing", "60", "3"]]  # fmt: skip
    p = ef.write_csv(tmp_path / "ga4.csv", rows)
    assert [(r.visits, r.leads) for r in import_exports(p).performance] == [(160, 4)]


def test_a_data_api_table_by_page_path_is_refused(tmp_path: Path) -> None:
    rows = [["yearMonth", "sessionSource", "sessionMedium", "pagePath", "sessions", "keyEvents"],
            ["202601", "facebook", "referral", "/", "100", "1"],
            ["202601", "facebook", "referral", "/blog", "40", "0"]]  # fmt: skip
    with pytest.raises(DataError, match="sessions by page, by event or by audience"):
        import_exports(ef.write_csv(tmp_path / "api.csv", rows))


def test_plausible_visits_by_page_are_not_added_up(tmp_path: Path) -> None:
    """Plausible's visits by event:page count a visit on each page it viewed: added up,
    facebook had 160 visits from 100."""
    import json

    data = {"query": {"dimensions": ["time:month", "visit:source", "event:page"],
                      "metrics": ["visits", "events"],
                      "filters": [["is", "event:goal", ["Signup"]]]},
            "results": [{"dimensions": ["2026-01-01", "Facebook", "/"], "metrics": [100, 2]},
                        {"dimensions": ["2026-01-01", "Facebook", "/pricing"],
                         "metrics": [60, 1]}]}  # fmt: skip
    p = tmp_path / "plausible.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match="visits by page or by goal"):
        import_exports(p)


@pytest.mark.parametrize("split", ["Traffic source", "Geography", "Device type"])
def test_a_chart_split_by_another_dimension_is_refused(tmp_path: Path, split: str) -> None:
    """Split by traffic source (or country, device), the chart holds the lines drawn in
    it: their sum was given as the channel's daily views."""
    p = ef.write_csv(tmp_path / "Chart data.csv", [
        ["Date", split, "Views"], ["2026-03-09", "Browse features", "40"],
        ["2026-03-09", "YouTube search", "25"], ["2026-03-10", "Browse features", "38"],
    ])  # fmt: skip
    with pytest.raises(DataError, match="lines drawn in the chart") as err:
        import_exports(p)
    assert err.value.field == split.lower()


# -- followers gained, not net of those lost ---------------------------------------------


def test_gross_gains_say_their_totals_count_no_one_lost(tmp_path: Path) -> None:
    """LinkedIn's 'Total followers' a day and Meta's 'Facebook follows' are followers
    gained (the exports have no unfollows): kept as new_followers ('net new followers')
    and made into totals with an anchor without a word, the totals after the anchor
    ran above the real count by every follower lost."""
    li = ef.linkedin_followers(tmp_path / "followers.xlsx",
                               [(f"01/0{d}/2026", 3) for d in range(1, 6)])  # fmt: skip
    result = import_exports(li, anchors=["1500 followers on 2026-01-01"])
    assert {(r.date, r.value) for r in result.history if r.metric == "followers"} == {
        (D(2026, 1, d), 1500 + 3 * (d - 1)) for d in range(1, 6)}  # fmt: skip
    [note] = [n for n in result.notes if "not net of those lost" in n]
    assert "linkedin" in note and "anchor of 2026-01-01 run above the real total" in note
    fb = ef.meta_page(tmp_path / "follows.csv", "Facebook follows",
                      [("2026-01-02T00:00:00", 4)])  # fmt: skip
    assert any("facebook" in n and "not net of those lost" in n
               for n in import_exports(fb).notes)  # fmt: skip


def test_net_gains_need_no_such_note(tmp_path: Path) -> None:
    header = ["Date", "Impressions", "Engagements", "New follows", "Unfollows"]
    x = ef.write_csv(tmp_path / "account_overview_analytics.csv",
                     [header, ["Tue, Aug 25, 2026", "100", "5", "5", "1"]])  # fmt: skip
    result = import_exports(x, anchors=["800 followers on 2026-08-25"])
    assert not [n for n in result.notes if "not net of those lost" in n]


def test_a_summed_count_with_a_part_within_another_is_never_a_fraction(tmp_path: Path) -> None:
    """Facebook's content export: reactions include likes, so likes are not added again;
    read with --decimal , its reactions '1,234' are no 1.234 reactions."""
    header = ["Post ID", "Page ID", "Page name", "Description", "Publish time", "Permalink",
              "Post type", "Date", "Views", "Reach", "Reactions", "Likes", "Comments",
              "Shares"]  # fmt: skip
    row = ["1", "9", "Campfire", "A post", "03/02/2026 10:00",
           "https://www.facebook.com/campfire/posts/1", "Photo", "Lifetime", "5000", "4000",
           "1,234", "1000", "20", "5"]  # fmt: skip
    p = ef.write_csv(tmp_path / "facebook-content.csv", [header, row])
    with pytest.raises(DataError, match="counts whole things"):
        import_exports(p, decimal=",", dayfirst=False)
    got = import_exports(p, decimal=".", dayfirst=False)
    assert {r.metric: r.value for r in got.history}["engagements"] == 1234 + 20 + 5


# -- a network's ads named as a source ---------------------------------------------------


def test_a_networks_ads_meet_the_network_in_the_funnel(tmp_path: Path) -> None:
    """HubSpot's Paid social drill-down 'Facebook Ads' and a utm_source 'facebook_ads'
    were channels of their own beside 'facebook': the CRM's lead on 'facebook ads' met
    no visits, facebook's 50 paid visits no leads, and the rows written were two rows
    of one channel that 'channels' refused ('rows 1 and 2 both give facebook')."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [
        ("202601", "facebook_ads / cpc", 100, 0), ("202601", "facebook / cpc", 50, 0),
        ("202601", "linkedin / paid_social", 80, 0),
    ])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "contacts.csv", [
        ("Paid social", "Facebook Ads", "2026-01-07 10:00", ""),
        ("Paid social", "LinkedIn Ads", "2026-01-08 10:00", ""),
        ("Paid social", "LinkedIn", "2026-01-09 10:00", ""),
    ])  # fmt: skip
    result = import_exports([ga4, crm])
    got = {(r.channel, r.medium): (r.visits, r.leads) for r in result.performance}
    assert got == {("facebook", "paid"): (150, 1), ("linkedin", "paid"): (80, 2)}
    assert not [n for n in result.notes if "no visits" in n or "no leads" in n]
    out = tmp_path / "performance.csv"
    out.write_text(result.performance_csv(), encoding="utf-8")
    from goalrules.io.tables import load_performance

    assert len(load_performance(out)) == 2  # one row a channel: read back as written


# -- Matomo's summary row --------------------------------------------------------------


def test_matomos_others_row_is_no_network(tmp_path: Path) -> None:
    """Matomo adds a row 'Others' for the referrers past a report's row limit: it was
    read as a network named 'others' and judged beside facebook (30 visits, 1 lead),
    or, in a CSV without the metadata columns, refused as a campaign's name."""
    import json

    data = {"2026-01": [
        {"label": "Facebook", "nb_visits": 100, "nb_conversions": 3,
         "segment": "referrerType==social;referrerName==Facebook"},
        {"label": "LinkedIn", "nb_visits": 50, "nb_conversions": 1,
         "segment": "referrerType==social;referrerName==LinkedIn"},
        {"label": "Others", "nb_visits": 30, "nb_conversions": 1}]}  # fmt: skip
    js = tmp_path / "matomo.json"
    js.write_text(json.dumps(data), encoding="utf-8")
    csv = ef.matomo_csv(tmp_path / "matomo.csv", [
        ("2026-01", "Facebook", 100, 3), ("2026-01", "LinkedIn", 50, 1),
        ("2026-01", "Others", 30, 1)])  # fmt: skip
    for p in (js, csv):
        got = {
            r.channel: (r.visits, r.leads) for r in import_exports(p, preset="matomo").performance
        }
        assert got == {"facebook": (100, 3), "linkedin": (50, 1), "(other)": (30, 1)}
    from goalrules.judgments.sources import classify_source

    assert classify_source("(other)").name == "Unknown source"  # context, never judged


def test_every_period_the_preamble_states_is_declared(tmp_path: Path) -> None:
    """A report compared with another period states both: rows of either are inside."""
    p = ef.write_csv(tmp_path / "ga4.csv",
                     [["Year month", "Session source / medium", "Sessions", "Key events"],
                      ["202512", "facebook / referral", "80", "1"],
                      ["202601", "facebook / referral", "100", "2"]],
                     preamble=["# Start date: 20260101", "# End date: 20260131",
                               "# Comparison start date: 20251201",
                               "# Comparison end date: 20251231"])  # fmt: skip
    got = {r.month: r.visits for r in import_exports(p).performance}
    assert got == {D(2025, 12, 1): 80, D(2026, 1, 1): 100}


def test_utm_source_social_is_the_channel_social_not_all(tmp_path: Path) -> None:
    """'social / social' names no network: it was written as the channel 'all' (every
    channel), beside facebook's own row; now 'social', as GA4's channel group and the
    email-word rows name such visits."""
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "social / social", 100, 2),
                                               ("202601", "facebook / referral", 50, 1)])  # fmt: skip
    got = {r.channel: r.visits for r in import_exports(ga4).performance}
    assert got == {"social": 100, "facebook": 50}
