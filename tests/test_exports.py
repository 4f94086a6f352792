"""Reading real exports: one test per preset on a file laid out like the tool's export
(made here, small: see tests/export_files.py), the funnel join, paid vs organic, the
anchor, year-less dates, bad input, and properties."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import run_check
from goalrules.cli import main
from goalrules.errors import DataError, GoalRulesError
from goalrules.io.exports import Anchor, detect_preset, import_exports, presets
from goalrules.io.exports.dates import place_yearless, read_date
from tests import export_files as ef

D = dt.date
TODAY = D(2026, 11, 30)
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def history(result: Any) -> dict[tuple[str, str, str], float]:
    return {(r.date.isoformat(), r.channel, r.metric): r.value for r in result.history}


def perf(result: Any) -> dict[tuple[str, str, str | None], tuple[float, float, float | None]]:
    return {
        (f"{r.month:%Y-%m}", r.channel, r.medium): (r.visits, r.leads, r.customers)
        for r in result.performance
    }


# -- one test per preset -------------------------------------------------------------------


def test_ga4_exploration_csv(tmp_path: Path) -> None:
    p = ef.ga4_report(tmp_path / "Traffic_acquisition.csv", [
        ("202601", "facebook / paid_social", 100, 3), ("202601", "l.facebook.com / referral", 50, 1),
        ("202602", "lnkd.in / referral", 70, 2), ("202602", "t.co / referral", 10, 0),
    ])  # fmt: skip
    assert detect_preset(p).preset.id == "ga4"
    r = import_exports(p)
    assert perf(r) == {
        ("2026-01", "facebook", "paid"): (100, 3, None),
        ("2026-01", "facebook", "organic"): (50, 1, None),
        ("2026-02", "linkedin", "organic"): (70, 2, None),
        ("2026-02", "x", "organic"): (10, 0, None),
    }  # fmt: skip  (the Grand total row is not a channel)


def test_ga4_daily_dates_are_read(tmp_path: Path) -> None:
    p = ef.ga4_report(tmp_path / "ga4.csv", [("20260131", "fb / cpc", 7, 1),
                                             ("20260201", "fb / cpc", 5, 0)], dimension="Date")  # fmt: skip
    assert perf(import_exports(p)) == {("2026-01", "facebook", "paid"): (7, 1, None),
                                       ("2026-02", "facebook", "paid"): (5, 0, None)}  # fmt: skip


def test_ga4_data_api_table() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"yearMonth": ["202601", "202601"], "sessionSource": ["linkedin", "google"],
                       "sessionMedium": ["paid_social", "organic"], "sessionCampaignName": ["(not set)"] * 2,
                       "sessions": ["40", "300"], "keyEvents": ["2", "9"], "totalUsers": ["30", "250"]})  # fmt: skip
    r = import_exports(df)
    assert perf(r)[("2026-01", "linkedin", "paid")] == (40, 2, None)


def test_meta_page_export_utf16(tmp_path: Path) -> None:
    p = ef.meta_page(tmp_path / "Facebook follows.csv", "Facebook follows",
                     [("2025-08-01T00:00:00", 20), ("2025-08-03T00:00:00", 5)])  # fmt: skip
    r = import_exports(p, anchors=["1000 followers on 2025-08-03"])
    h = history(r)
    assert h[("2025-08-01", "facebook", "new_followers")] == 20
    # days the export leaves out had no gain
    assert [h[(f"2025-08-0{d}", "facebook", "followers")] for d in (1, 2, 3)] == [995, 995, 1000]


def test_meta_content_export_per_post(tmp_path: Path) -> None:
    p = ef.meta_content(tmp_path / "posts.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", 100, 80, 10, 2, 3, 1),
        ("09/20/2026 09:00", "https://www.instagram.com/p/b/", 60, 50, 4, 0, 1, 0),
        ("10/02/2026 09:00", "https://www.facebook.com/1/posts/2", 50, 40, 5, 1, 1, 0),
    ])  # fmt: skip
    h = history(import_exports(p))
    assert h[("2026-09-01", "instagram", "impressions")] == 160
    assert h[("2026-09-01", "instagram", "engagements")] == 10 + 2 + 3 + 1 + 4 + 1
    assert h[("2026-10-01", "facebook", "post_reach")] == 40


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_linkedin_followers_workbook(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("python_calamine")
    p = ef.linkedin_followers(tmp_path / f"campfire_followers_1767225600000{suffix}",
                              [("12/30/2025", 5), ("12/31/2025", 7), ("01/01/2026", 0),
                               ("01/02/2026", 2)])  # fmt: skip
    r = import_exports(p, anchors=["1,500 LinkedIn followers on 2025-12-31"])
    h = history(r)
    assert h[("2025-12-31", "linkedin", "followers")] == 1500
    assert h[("2025-12-30", "linkedin", "followers")] == 1493
    assert h[("2026-01-01", "linkedin", "followers")] == 1500
    assert h[("2026-01-02", "linkedin", "followers")] == 1502
    assert h[("2026-01-02", "linkedin", "new_followers")] == 2


def test_linkedin_content_and_visitors(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    c = ef.linkedin_content(tmp_path / "campfire_content.xlsx", [("01/02/2026", 100, 3, 4, 1, 2)])
    v = ef.linkedin_visitors(tmp_path / "campfire_visitors.xlsx", [("01/02/2026", 30)])
    h = history(import_exports([c, v]))
    assert h[("2026-01-02", "linkedin", "impressions")] == 100
    assert h[("2026-01-02", "linkedin", "engagements")] == 4 + 1 + 2 + 3
    assert h[("2026-01-02", "linkedin", "profile_visits")] == 30


def test_x_account_overview_newest_first(tmp_path: Path) -> None:
    p = ef.x_overview(tmp_path / "account_overview_analytics.csv",
                      [(D(2026, 8, 24), 100, 10, 5, 1), (D(2026, 8, 25), 120, 12, 3, 2)])  # fmt: skip
    assert detect_preset(p).preset.id == "x-overview"
    h = history(import_exports(p, anchors=["800 followers on 2026-08-25"]))
    assert h[("2026-08-25", "x", "impressions")] == 120
    assert h[("2026-08-24", "x", "new_followers")] == 4
    assert h[("2026-08-24", "x", "followers")] == 799
    assert h[("2026-08-25", "x", "followers")] == 800


def test_x_content_export(tmp_path: Path) -> None:
    p = ef.x_content(tmp_path / "account_content.csv",
                     [("Tue, Aug 25, 2026", 100, 5, 1), ("Wed, Aug 26, 2026", 50, 2, 0)])  # fmt: skip
    h = history(import_exports(p))
    assert h[("2026-08-01", "x", "impressions")] == 150
    assert h[("2026-08-01", "x", "clicks")] == 1


def test_youtube_chart_and_table(tmp_path: Path) -> None:
    c = ef.youtube_chart(tmp_path / "Chart data.csv", [(D(2026, 9, 1), 40), (D(2026, 9, 2), 50)])
    t = ef.youtube_table(tmp_path / "Table data.csv",
                         [("a", "Sep 14, 2026", 100, 3, 1000), ("b", "Oct 2, 2026", 50, 1, 500)])  # fmt: skip
    assert detect_preset(c).preset.id == "youtube-chart"
    assert detect_preset(t).preset.id == "youtube-table"
    h = history(import_exports(c))
    assert h[("2026-09-02", "youtube", "video_views")] == 50
    h = history(import_exports(t))  # the Total row is not a video
    assert h[("2026-09-01", "youtube", "video_views")] == 100
    assert h[("2026-10-01", "youtube", "impressions")] == 500


def test_an_undated_row_s_empty_cells_are_not_said_to_hold_0(tmp_path: Path) -> None:
    """A deleted video (no publish time) with an empty Views cell: the note says what
    the row held, and an empty cell held nothing ("0 video_views" before)."""
    header = ["Content", "Video title", "Video publish time", "Duration", "Views",
              "Subscribers", "Impressions"]  # fmt: skip
    p = ef.write_csv(tmp_path / "Table data.csv", [
        header, ["Total", "", "", "", 300, 5, 1000],
        ["a", "A", "Sep 14, 2026", 100, 300, 4, 900], ["gone", "Deleted", "", 100, "", 1, ""],
    ])  # fmt: skip
    r = import_exports(p)
    said = next(n for n in r.notes if "without a 'video publish time'" in n)
    assert "1 new_followers" in said and "video_views" not in said and "impressions" not in said
    assert history(r)[("2026-09-01", "youtube", "video_views")] == 300


def test_youtube_subscribers_gained_and_lost(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "Totals.csv", [["Date", "Subscribers gained", "Subscribers lost"],
                                               ["2026-09-01", 10, 2], ["2026-09-02", 5, 6]])  # fmt: skip
    h = history(import_exports(p, anchors=["2000 followers on 2026-09-02"]))
    assert h[("2026-09-01", "youtube", "followers")] == 2001
    assert h[("2026-09-02", "youtube", "new_followers")] == -1


def test_tiktok_overview_without_year(tmp_path: Path) -> None:
    p = ef.tiktok_overview(tmp_path / "Overview.csv",
                           [(D(2026, 10, 1), 100, 5, 10, 2, 1), (D(2026, 10, 2), 90, 4, 8, 1, 0)])  # fmt: skip
    r = import_exports(p, today=D(2026, 10, 29))
    h = history(r)
    assert h[("2026-10-01", "tiktok", "video_views")] == 100
    assert h[("2026-10-02", "tiktok", "engagements")] == 9
    assert any("no year" in n for n in r.notes)
    # downloaded in September: October 1 is last year's, never a date in the future
    r = import_exports(p, today=D(2026, 9, 15))
    assert {row.date.year for row in r.history} == {2025}
    assert {row.date.year for row in import_exports(p, year=2024).history} == {2024}


def test_tiktok_follower_history(tmp_path: Path) -> None:
    p = ef.tiktok_followers(tmp_path / "FollowerHistory.csv",
                            [(D(2026, 10, 1), 1000, 4), (D(2026, 10, 2), 1006, 6)])  # fmt: skip
    h = history(import_exports(p, today=TODAY))
    assert h[("2026-10-02", "tiktok", "followers")] == 1006


def test_hubspot_contacts_joined_with_ga4(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "linkedin / paid_social", 100, 9),
                                               ("202602", "lnkd.in / referral", 70, 9)])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Paid social", "LinkedIn", "2026-01-05 10:00", "2026-02-10 09:30"),
        ("Organic social", "LinkedIn", "2026-02-03 10:00", ""),
        ("Organic social", "Twitter", "2026-02-04 10:00", ""), ("Organic search", "", "2026-02-04 11:00", ""),
    ])  # fmt: skip
    r = import_exports([ga4, crm])
    p = perf(r)
    assert p[("2026-01", "linkedin", "paid")] == (100, 1, 0)  # CRM leads, not GA4 key events
    assert p[("2026-02", "linkedin", "paid")] == (0, 0, 1)
    assert p[("2026-02", "linkedin", "organic")] == (70, 1, 0)
    assert p[("2026-02", "x", "organic")] == (0, 1, 0)
    assert any("x (organic): the CRM has leads" in n for n in r.notes)


def test_sprout_and_suite_exports(tmp_path: Path) -> None:
    s = ef.sprout(tmp_path / "Profile Performance.csv",
                  [("08/01/2026", "Instagram", 100, 5, 1000), ("08/01/2026", "Twitter", 50, 2, 300)])  # fmt: skip
    h = history(import_exports(s))
    assert h[("2026-08-01", "x", "followers")] == 300
    b = ef.suite_network(
        tmp_path / "buffer-linkedin-analytics.csv", [("2026-01-01", 100, 5, 3, 500)]
    )
    h = history(import_exports(b))
    assert h[("2026-01-01", "linkedin", "followers")] == 500
    nameless = ef.suite_network(tmp_path / "report.csv", [("2026-01-01", 100, 5, 3, 500)])
    with pytest.raises(DataError, match="which network"):
        import_exports(nameless)


def test_matomo_plausible_umami_bigquery(tmp_path: Path) -> None:
    m = ef.matomo_csv(tmp_path / "matomo.csv", [("2026-01", "LinkedIn", 100, 3)])
    assert perf(import_exports(m)) == {("2026-01", "linkedin", None): (100, 3, None)}
    p = ef.plausible_json(tmp_path / "plausible.json", [("2026-01", "Facebook", 80, 2)])
    assert perf(import_exports(p)) == {("2026-01", "facebook", None): (80, 2, None)}
    u = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-01-05 10:00:00", "/", "utm_source=linkedin&utm_medium=paid_social", "", ""),
        ("v1", "2026-01-05 10:01:00", "/signup", "", "", "signup"),
        ("v2", "2026-01-06 10:00:00", "/", "fbclid=abc", "m.facebook.com", ""),
    ])  # fmt: skip
    assert perf(import_exports(u)) == {("2026-01", "linkedin", "paid"): (1, 1, None),
                                       ("2026-01", "facebook", "organic"): (1, 0, None)}  # fmt: skip
    b = ef.bigquery_events(tmp_path / "events.csv", [
        ("u1", "1", 1767607200000000, "session_start", "https://c.com/?gclid=x", "", ""),
        ("u1", "1", 1767607260000000, "generate_lead", "https://c.com/form", "", ""),
        ("u2", "7", 1767607300000000, "page_view", "https://c.com/", "https://t.co/a", ""),
    ])  # fmt: skip
    assert perf(import_exports(b)) == {("2026-01", "google", "paid"): (1, 1, None),
                                       ("2026-01", "x", "organic"): (1, 0, None)}  # fmt: skip


def test_own_files_import_too(tmp_path: Path) -> None:
    s = ef.write_csv(tmp_path / "sessions.csv", [
        ["date", "landing_url", "referrer", "lead"],
        ["2026-01-03", "https://c.com/?utm_source=linkedin&utm_medium=cpc", "", "1"],
        ["2026-01-04", "https://c.com/?fbclid=1", "", "0"],
        ["2026-01-05", "https://c.com/?li_fat_id=9", "", "0"],
    ])  # fmt: skip
    assert perf(import_exports(s)) == {("2026-01", "linkedin", "paid"): (2, 1, None),
                                       ("2026-01", "facebook", "organic"): (1, 0, None)}  # fmt: skip
    demo = gr.demo_paths()
    assert len(import_exports(demo["history"]).history) > 10
    assert len(import_exports(demo["performance"]).performance) > 10


def test_every_preset_has_a_test_file_here() -> None:
    tested = {"ga4", "ga4-api", "ga4-bigquery", "matomo", "plausible", "umami", "sessions",
              "hubspot", "meta-page", "meta-content", "linkedin-followers", "linkedin-visitors",
              "linkedin-content", "x-overview", "x-content", "youtube-chart", "youtube-table",
              "tiktok-overview", "tiktok-content", "tiktok-followers", "sprout", "suite-network", "history",
              "performance", "facebook-insights-posts"}  # fmt: skip
    # (facebook-insights-posts: tests/test_import_real_files.py; tiktok-content:
    # tests/test_import_tiktok_content.py)
    assert set(presets()) == tested


# -- bad input -----------------------------------------------------------------------------


def test_a_file_no_preset_matches_names_the_closest(tmp_path: Path) -> None:
    p = ef.write_csv(
        tmp_path / "x.csv", [["Date", "Impressions", "Unfollows"], ["Tue, Aug 25, 2026", 1, 2]]
    )
    with pytest.raises(DataError, match=r"closest is 'x-overview'.*new follows"):
        import_exports(p)


def test_text_where_a_number_belongs_names_file_row_and_column(tmp_path: Path) -> None:
    p = ef.youtube_chart(tmp_path / "Chart data.csv", [(D(2026, 9, 1), 40)])
    p.write_text(p.read_text() + "2026-09-02,lots\n")
    with pytest.raises(DataError) as e:
        import_exports(p)
    assert (e.value.source, e.value.line, e.value.field) == (str(p), 3, "views")


def test_a_short_row_is_an_error(tmp_path: Path) -> None:
    p = ef.x_overview(tmp_path / "o.csv", [(D(2026, 8, 24), 100, 10, 5, 1)])
    p.write_text(p.read_text() + '"Wed, Aug 26, 2026",5\n')
    with pytest.raises(DataError, match="short row") as e:
        import_exports(p)
    assert e.value.line == 3


def test_yearless_dates_are_a_run_of_days_ending_on_today(tmp_path: Path) -> None:
    days = [D(2025, 12, 30), D(2026, 1, 2), D(2026, 1, 5)]
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, 1, 1, 1, 1, 1) for d in days])
    assert {r.date for r in import_exports(p, today=D(2026, 1, 6)).history} == set(days)
    # downloaded before January 5: the run ends a year earlier, and the note says so
    r = import_exports(p, today=D(2026, 1, 3))
    assert {row.date for row in r.history} == {d.replace(year=d.year - 1) for d in days}
    assert any("2024-12-30 to 2025-01-05" in n for n in r.notes)
    with pytest.raises(DataError, match=r"runs? backwards") as e:  # --year: all in 2026
        import_exports(p, year=2026)
    assert e.value.line == 3


def test_cli_import_json_shape_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ef.x_overview(tmp_path / "o.csv", [(D(2026, 8, 24), 100, 10, 5, 1)])
    out = io.StringIO()
    assert (
        main(
            ["import", str(p), "--format", "json", "--anchor", "10 followers on 2026-08-24"],
            out=out,
        )
        == 0
    )
    data = json.loads(out.getvalue())
    assert set(data) == {"history", "performance", "notes"}
    assert set(data["history"][0]) == {"date", "channel", "metric", "value", "unit"}
    assert main(["import", str(tmp_path / "missing.csv")]) == 2
    bad = ef.write_csv(tmp_path / "b.csv", [["a", "b"], [1, 2]])
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "closest" in err[1]


def test_cli_import_writes_files_check_reads(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "linkedin / referral", 100, 3),
                                               ("202602", "linkedin / referral", 120, 4)])  # fmt: skip
    x = ef.x_overview(tmp_path / "o.csv", [(D(2026, 1, d), 100, 10, 5, 1) for d in range(1, 29)])
    assert main(["import", str(ga4), str(x), "--output", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "history.csv").exists()
    result = run_check(gr.demo_paths()["workspace"], history=tmp_path / "out" / "history.csv",
                          performance=tmp_path / "out" / "performance.csv")  # fmt: skip
    # as of the workspace's today (2026-01-10) no month of the rows is over: the channels
    # the workspace names have no data, and are not judged (not "experiment, 0 months")
    assert not result.channels
    assert any("named in the channels, but no rows of them (no data)" in n for n in result.notes)
    direct = run_check(gr.demo_paths()["workspace"], performance=ga4, history=x)
    assert [c.channel for c in direct.channels] == [c.channel for c in result.channels]
    assert any("new followers" in n for n in direct.notes)


# -- tables in memory ------------------------------------------------------------------------


def test_dataframes_wherever_data_is_taken() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"month": ["2026-01", "2026-02"] * 2, "channel": ["li", "li", "x", "x"],
                       "visits": [100, 120, 50, 40], "leads": [5, 6, 1, 0], "customers": [1, 1, 0, 0],
                       "campaign": [None, "spring", float("nan"), None]})  # fmt: skip
    assert {d.channel for d in gr.decide_channels(df)} == {"linkedin", "x"}
    assert len(gr.decide_channels(df.to_dict("records"))) == 2
    df.loc[1, "leads"] = float("nan")  # an empty cell: not measured, unknown (never 0)
    li = {d.channel: d for d in gr.decide_channels(df)}["linkedin"]
    assert (li.evidence.visits, li.evidence.leads, li.evidence.lead_rate) == (220, None, None)
    df.loc[1, "channel"] = float("nan")
    with pytest.raises(DataError, match="channel empty"):
        gr.decide_channels(df)
    h = pd.DataFrame({"date": pd.date_range("2025-01-31", periods=12, freq="ME"),
                      "value": [1000 + 40 * i for i in range(12)]})  # fmt: skip
    g = gr.Goal("g", metric="followers", target="2000 followers", start="2026-01-01",
                deadline="2026-12-31")  # fmt: skip
    a = gr.assess_achievability(g, h, today=D(2026, 1, 1))
    assert a.probability == gr.assess_achievability(g, list(h.itertuples(index=False)),
                                                    today=D(2026, 1, 1)).probability  # fmt: skip
    assert len(gr.MetricSeries(points=h.set_index("date")["value"])) == 12


# -- properties ---------------------------------------------------------------------------

DAYS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 500), st.integers(0, 400), st.integers(0, 20),
              st.integers(0, 10)),
    min_size=1, max_size=25, unique_by=lambda t: t[0],
)  # fmt: skip


def _x_days(rows: list[tuple[int, int, int, int, int]]) -> list[tuple[D, int, int, int, int]]:
    return [(D(2026, 1, 1) + dt.timedelta(days=o), a, b, c, e) for o, a, b, c, e in rows]


@FILES
@given(DAYS)
def test_wide_to_long_and_back_loses_nothing(tmp_path: Path, rows: Any) -> None:
    days = _x_days(rows)
    r = import_exports(ef.x_overview(tmp_path / "o.csv", days))
    h = history(r)
    for d, imp, eng, new, lost in days:
        assert h[(d.isoformat(), "x", "impressions")] == imp
        assert h[(d.isoformat(), "x", "engagements")] == eng
        assert h[(d.isoformat(), "x", "new_followers")] == new - lost
    assert len(r.history) == len(days) * 7  # seven metrics a day, nothing more


@FILES
@given(DAYS, st.integers(5000, 10000), st.randoms(use_true_random=False))
def test_anchor_at_end_or_start_and_row_order_change_nothing(
    tmp_path: Path, rows: Any, total: int, rnd: random.Random
) -> None:
    # a run of days, as X lists them (a day without a row is unknown: see
    # test_import_day_gaps)
    days = _x_days([(i, *r[1:]) for i, r in enumerate(rows)])
    p = ef.x_overview(tmp_path / "o.csv", days)
    first, last = min(d[0] for d in days), max(d[0] for d in days)
    at_end = import_exports(p, anchors=[f"{total} followers on {last}"])
    stock = {r.date: r.value for r in at_end.history if r.metric == "followers"}
    at_start = import_exports(p, anchors=[f"{stock[first]:g} followers on {first}"])
    assert history(at_start) == history(at_end)
    shuffled = list(days)
    rnd.shuffle(shuffled)
    lines = p.read_text().splitlines()
    body = lines[1:]
    rnd.shuffle(body)
    p.write_text("\n".join([lines[0], *body]) + "\n")
    assert history(import_exports(p, anchors=[f"{total} followers on {last}"])) == history(at_end)


@given(st.lists(st.tuples(st.sampled_from(["linkedin", "facebook", "x"]),
                          st.sampled_from(["cpc", "paid_social", "", "social", "organic"]),
                          st.integers(1, 4), st.booleans()), min_size=2, max_size=60))  # fmt: skip
def test_paid_plus_organic_is_the_network_total(sessions: list[tuple[str, str, int, bool]]) -> None:
    rows = [{"date": D(2026, m, 3), "utm_source": s, "utm_medium": med, "lead": lead}
            for s, med, m, lead in sessions]  # fmt: skip
    decided = gr.decide_channels(gr.attribute_sessions(rows))
    totals = {d.channel: d.evidence for d in decided if d.medium is None}
    for d in decided:
        if d.medium is not None:
            assert d.network in totals
    for net, ev in totals.items():
        parts = [d.evidence for d in decided if d.network == net and d.medium]
        if parts:
            assert sum(p.visits for p in parts) == ev.visits
            assert sum(p.leads for p in parts) == ev.leads


@given(st.lists(st.dates(D(2020, 1, 1), D(2030, 12, 31)), min_size=1, max_size=30),
       st.dates(D(2021, 1, 1), D(2030, 12, 31)))  # fmt: skip
def test_yearless_dates_never_land_after_today(days: list[D], today: D) -> None:
    yearless = sorted({D(1, d.month, d.day if (d.month, d.day) != (2, 29) else 28) for d in days})
    try:
        placed, note = place_yearless(yearless, today=today, year=None, source="f", lines=list(
            range(2, 2 + len(yearless))))  # fmt: skip
    except GoalRulesError:
        return  # they would run backwards: an error, never a guess
    assert all(p <= today for p in placed) and "no year" in note


@pytest.mark.parametrize(("text", "form", "day"), [
    ("20260131", "yyyymmdd", D(2026, 1, 31)), ("202601", "yyyymm", D(2026, 1, 1)),
    ("09/15/2026 18:00", "mdy", D(2026, 9, 15)), ("Tue, Aug 25, 2026", "x", D(2026, 8, 25)),
    ("2025-08-01T00:00:00", "iso", D(2025, 8, 1)), ("2026-08-15 13:12:39 +0000", "iso", D(2026, 8, 15)),
    ("Sep 14, 2026", "mon d, yyyy", D(2026, 9, 14)), ("1767607200000000", "epoch_us", D(2026, 1, 5)),
])  # fmt: skip
def test_the_date_forms_of_exports(text: str, form: str, day: D) -> None:
    assert read_date(text, form) == day


def test_anchor_texts() -> None:
    a = Anchor.parse("1,500 LinkedIn followers on 2025-12-31")
    assert (a.value, a.channel, a.metric, a.date) == (
        1500,
        "linkedin",
        "followers",
        D(2025, 12, 31),
    )
    with pytest.raises(GoalRulesError):
        Anchor.parse("many followers on 2025-12-31")
    with pytest.raises(GoalRulesError):
        Anchor.parse("1500 visits on 2025-12-31")


# no lone CR (not CSV) nor other delimiters (the sniffer may rightly choose them)
_CELL = st.text(st.sampled_from('ab1,"\n é'), max_size=6)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    grid=st.lists(st.lists(_CELL, min_size=3, max_size=3), min_size=1, max_size=90),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_csv_rows_are_streamed_as_read_whole(
    tmp_path: Path, grid: list[list[str]], encoding: str, newline: str
) -> None:
    """A CSV file's rows, read from the file on each pass, are the rows of the file read
    whole with the csv module (cells stripped), on every pass, sliced or indexed."""
    import csv

    from goalrules.io.exports.raw import read_sheets

    grid = [["h1", "h2", "h3"], *grid]
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(grid)
    path = tmp_path / "grid.csv"
    path.write_bytes(out.getvalue().encode(encoding))
    rows = read_sheets(path)[0].rows
    whole = [
        tuple(c.strip() for c in r) for r in csv.reader(io.StringIO(out.getvalue(), newline=""))
    ]
    assert [cells for _, cells in rows] == whole == [cells for _, cells in rows]
    assert len(rows) == len(whole) and rows == tuple(rows) and bool(rows)
    assert rows[: len(rows)] == tuple(rows) and rows[-1] == tuple(rows)[-1]
    lines = [line for line, _ in rows]
    assert lines[0] == 1 and lines == sorted(set(lines))
