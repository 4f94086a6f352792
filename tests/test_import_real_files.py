"""Real files as people have them (laid out here exactly as the platforms write them, see
tests/export_files.py): what used to be refused now reads right, and what cannot be read
right is refused in one line naming the file and the line."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import CellErrors, detect_preset, import_exports
from goalrules.io.exports.dates import (
    MONTH_LOCALES,
    YEARLESS,
    column_months,
    month_number,
    read_date,
)
from tests import export_files as ef

D = dt.date


def history(result: Any) -> dict[tuple[str, str, str], float]:
    return {(r.date.isoformat(), r.channel, r.metric): r.value for r in result.history}


# -- YouTube -----------------------------------------------------------------------------


def test_youtube_table_with_undated_videos_leaves_them_out_with_their_views(
    tmp_path: Path,
) -> None:
    videos = [(f"v{i}", f"Видео {i}", f"Sep {i + 1}, 2026", str(10 * i)) for i in range(1, 28)]
    videos += [("gone1", "", "", "40"), ("gone2", "Private", "", "2")]  # no publish time
    videos += [("v99", "No views yet", "Oct 2, 2026", "")]  # an empty Views cell
    p = ef.youtube_table_2026(tmp_path / "Table data.csv", videos)
    assert detect_preset(p).preset.id == "youtube-table"
    r = import_exports(p)
    h = history(r)
    assert h[("2026-09-01", "youtube", "video_views")] == sum(10 * i for i in range(1, 28))
    assert ("2026-10-01", "youtube", "video_views") not in h  # empty, not 0
    note = next(n for n in r.notes if "without a 'video publish time'" in n)
    assert "2 rows" in note and "42 video_views" in note
    assert any("empty cell of video_views left out" in n for n in r.notes)


# -- TikTok ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "today"),
    [
        (["7 de marzo", "8 de marzo", "9 de marzo"], D(2026, 3, 10)),  # Spanish
        (["7 de março", "8 de março", "9 de março"], D(2026, 3, 10)),  # Portuguese
        (["7 mars", "8 mars", "9 mars"], D(2026, 3, 10)),  # French
        (["7. März", "8. März", "9. März"], D(2026, 3, 10)),  # German
        (["7 marzo", "8 marzo", "9 marzo"], D(2026, 3, 10)),  # Italian
        (["7 Mawrth", "8 Mawrth", "9 Mawrth"], D(2026, 3, 10)),  # Welsh
        (["7 Mac", "8 Mac", "9 Mac"], D(2026, 3, 10)),  # Malay
        (["7 Μαρτίου", "8 Μαρτίου", "9 Μαρτίου"], D(2026, 3, 10)),  # Greek
        (["Marso 7", "Marso 8", "Marso 9"], D(2026, 3, 10)),  # Tagalog
        (["7 مارس", "8 مارس", "9 مارس"], D(2026, 3, 10)),  # Arabic
    ],
)
def test_tiktok_overview_in_the_accounts_language(
    tmp_path: Path, dates: list[str], today: D
) -> None:
    p = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [(d, 100 + i, 1) for i, d in enumerate(dates)])  # fmt: skip
    h = history(import_exports(p, today=today))
    assert [h[(f"2026-03-0{d}", "tiktok", "video_views")] for d in (7, 8, 9)] == [100, 101, 102]


def test_month_names_come_from_babel_for_every_language() -> None:
    from babel.dates import format_skeleton, get_month_names

    for locale in MONTH_LOCALES:
        for month, name in get_month_names("wide", locale=locale).items():
            if month_number(name) is None:  # two languages give it to different months:
                # a column written in the language's own pattern reads it
                cell = format_skeleton("MMMMd", D(2026, month, 8), locale=locale)
                assert read_date(cell, "month d", column_months([cell])) == D(YEARLESS, month, 8)
            else:
                assert month_number(name) == month, (locale, name)
    assert read_date("Sept 3", "month d") == D(YEARLESS, 9, 3)
    assert read_date("Frobuary 3", "month d") is None


def test_a_365_day_tiktok_export_crosses_the_year(tmp_path: Path) -> None:
    first = D(2025, 2, 28)
    days = [first + dt.timedelta(days=i) for i in range(365)]
    assert days[-1] == D(2026, 2, 27)
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, i, 0, 0, 0, 0) for i, d in
                                                      enumerate(days)])  # fmt: skip
    r = import_exports(p, today=D(2026, 2, 28))
    views = {row.date: row.value for row in r.history if row.metric == "video_views"}
    assert sorted(views) == days and views[D(2026, 1, 1)] == days.index(D(2026, 1, 1))
    # newest first (as some exports write it): the same days
    q = ef.tiktok_overview(tmp_path / "newest.csv", [(d, i, 0, 0, 0, 0) for i, d in
                                                    reversed(list(enumerate(days)))])  # fmt: skip
    assert history(import_exports(q, today=D(2026, 2, 28))) == history(r)


def test_yearless_dates_that_truly_run_backwards_name_the_rows(tmp_path: Path) -> None:
    days = [D(2026, 10, d) for d in range(1, 10)]
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, 1, 0, 0, 0, 0) for d in days])
    lines = p.read_text().splitlines()
    lines[5], lines[6] = "September 15,1,0,0,0,0", lines[6]  # line 6 of the file turns back
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"turns back from October 4 \(line 5\) to "
                                         r"September 15 \(line 6\)"):  # fmt: skip
        import_exports(p, today=D(2026, 10, 30))


def test_tiktok_followers_undefined_and_a_day_twice(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "FollowerHistory.csv", [
        ["Date", "Followers", "Difference in followers from previous day"],
        ["October 1", "undefined", "undefined"], ["October 2", 1000, 4], ["October 3", 1006, 6],
    ])  # fmt: skip
    r = import_exports(p, today=D(2026, 10, 30))
    assert history(r)[("2026-10-03", "tiktok", "followers")] == 1006
    assert ("2026-10-01", "tiktok", "followers") not in history(r)
    assert any("empty cell of followers left out" in n for n in r.notes)
    p.write_text(p.read_text() + "October 3,1007,7\n")  # two values of a stock for one day
    with pytest.raises(DataError, match="lines 4 and 5") as e:
        import_exports(p, today=D(2026, 10, 30))
    assert e.value.line == 5


# -- X -----------------------------------------------------------------------------------


def test_x_legacy_tweet_activity_after_a_spreadsheet(tmp_path: Path) -> None:
    p = ef.x_tweet_activity_legacy(tmp_path / "tweet_activity_metrics_campfire.csv", [
        ("2016-11-26 5:8:54", 100, 5, 1), ("2016-11-27 15:08:04 +0000", 50, 2, 0),
        ("2016-12-01 0:0:1", 10, 1, 0),
    ])  # fmt: skip
    r = import_exports(p)
    h = history(r)
    assert h[("2016-11-01", "x", "impressions")] == 150
    assert h[("2016-12-01", "x", "engagements")] == 1
    assert any("Windows-1252" in n for n in r.notes)


# -- Meta --------------------------------------------------------------------------------


def test_instagram_export_in_swedish(tmp_path: Path) -> None:
    posts = [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", 100, 80, 10, 2, 3, 1),
        ("09/20/2026 09:00", "https://www.instagram.com/p/b/", 60, 50, 4, 0, 1, 0),
    ]
    sv = ef.meta_content_swedish(tmp_path / "Sep-01-2026_Sep-30-2026_2260327001369726.csv", posts)
    en = ef.meta_content(tmp_path / "posts.csv", posts)
    assert detect_preset(sv).preset.id == "meta-content"
    assert history(import_exports(sv)) == history(import_exports(en))
    assert history(import_exports(sv))[("2026-09-01", "instagram", "engagements")] == 21


def test_legacy_facebook_insights_post_export(tmp_path: Path) -> None:
    p = ef.facebook_insights_posts(
        tmp_path / "Facebook Insights Data Export (Post Level) - Campfire - 2019-12-01.csv",
        [("11/2/2019 9:00:00 AM", 120, 300), ("11/20/2019 5:30:00 PM", 80, 150),
         ("12/1/2019 8:00:00 AM", 10, 20)],
    )  # fmt: skip
    assert detect_preset(p).preset.id == "facebook-insights-posts"
    h = history(import_exports(p))
    assert h[("2019-11-01", "facebook", "post_reach")] == 200
    assert h[("2019-11-01", "facebook", "impressions")] == 450
    assert h[("2019-12-01", "facebook", "impressions")] == 20


# -- the command line: several files, anchors, the funnel ---------------------------------


def _ws(tmp_path: Path) -> Path:
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[workspace]\nname = "Campfire"\n\n[[goal]]\nid = "li"\nstatement = "Reach 1,700 '
        'LinkedIn followers by 2026-06-30"\nmetric = "followers"\nchannel = "linkedin"\n'
        'target = "1700 followers"\nstart = "2026-01-01"\ndeadline = "2026-06-30"\n',
        encoding="utf-8",
    )
    return ws


def test_check_takes_several_history_files_and_an_anchor(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    li = ef.linkedin_followers(tmp_path / "campfire_followers.xlsx",
                               [(f"12/{d:02d}/2025", 20) for d in range(1, 32)])  # fmt: skip
    x = ef.x_overview(tmp_path / "account_overview_analytics.csv",
                      [(D(2025, 12, d), 100, 10, 1, 0) for d in range(1, 29)])  # fmt: skip
    out = io.StringIO()
    code = main(["check", str(_ws(tmp_path)), "--history", str(li), str(x), "--anchor",
                 "1,500 linkedin followers on 2025-12-31", "--today", "2026-01-02", "--format",
                 "json"], out=out)  # fmt: skip
    assert code == 0
    data = json.loads(out.getvalue())
    goal = data["goals"][0]
    assert goal["achievability"] is not None
    # without naming the network, the anchor fits both networks' gains: an error
    assert main(["check", str(_ws(tmp_path)), "--history", str(li), str(x), "--anchor",
                 "1500 followers on 2025-12-31"]) == 2  # fmt: skip
    # with one export only, it applies to the one network that needs it
    assert main(["import", str(li), "--anchor", "1500 followers on 2025-12-31"],
                out=io.StringIO()) == 0  # fmt: skip


def test_channels_joins_ga4_with_a_crm_export(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "linkedin / paid_social", 100, 9),
                                               ("202602", "linkedin / paid_social", 120, 9)])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Paid social", "LinkedIn", "2026-01-05 10:00", "2026-02-10 09:30"),
        ("Paid social", "LinkedIn", "2026-02-03 10:00", ""),
    ])  # fmt: skip
    out = io.StringIO()
    assert main(["channels", str(ga4), str(crm), "--format", "json"], out=out) == 0
    joined = import_exports([ga4, crm])
    assert {(r.visits, r.leads) for r in joined.performance} == {(100, 1), (120, 1)}
    text = out.getvalue()
    assert "linkedin" in text


# -- DataFrames ----------------------------------------------------------------------------


def test_a_dataframe_of_several_metrics_is_judged_on_the_goals_metric() -> None:
    pd = pytest.importorskip("pandas")
    months = pd.date_range("2025-01-31", periods=12, freq="ME")
    long = pd.DataFrame({"date": list(months) * 2, "metric": ["followers"] * 12 + ["leads"] * 12,
                         "value": [1000 + 40 * i for i in range(12)] + [5] * 12})  # fmt: skip
    g = gr.Goal("g", metric="followers", target="2000 followers", start="2026-01-01",
                deadline="2026-12-31")  # fmt: skip
    only = long[long.metric == "followers"][["date", "value"]]
    a = gr.assess_achievability(g, long, today=D(2026, 1, 1))
    assert a.probability == gr.assess_achievability(g, only, today=D(2026, 1, 1)).probability
    wide = pd.DataFrame({"date": months, "leads": [5] * 12,
                         "followers": [1000 + 40 * i for i in range(12)]})  # fmt: skip
    assert gr.assess_achievability(g, wide, today=D(2026, 1, 1)).probability == a.probability
    visits = gr.Goal("v", metric="visits", target="2000 visits", start="2026-01-01",
                     deadline="2026-12-31")  # fmt: skip
    for table in (long, wide):
        with pytest.raises(gr.GoalRulesError, match="visits"):
            gr.assess_achievability(visits, table, today=D(2026, 1, 1))


def test_decide_channels_refuses_a_table_without_a_count_column() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"month": ["2026-01"], "channel": ["x"], "visits": [5], "customers": [1]})
    with pytest.raises(DataError, match="missing column leads"):
        gr.decide_channels(df)


# -- workbooks, all errors ------------------------------------------------------------------


def test_a_workbook_claiming_a_far_cell_is_refused_before_reading(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    import re
    import zipfile

    ok = ef.suite_network(tmp_path / "ok.xlsx", [("2026-01-01", 100, 5, 3, 500)])
    big = tmp_path / "linkedin-report.xlsx"
    with zipfile.ZipFile(ok) as zin, zipfile.ZipFile(big, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = re.sub(r'<dimension ref="[^"]+"/>', '<dimension ref="A1:XFD1048576"/>',
                              data.decode())  # fmt: skip
                text = text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="n">'
                                    "<v>1</v></c></row></sheetData>")  # fmt: skip
                data = text.encode()
            zout.writestr(item, data)
    assert big.stat().st_size < 10_000
    with pytest.raises(DataError, match=r"claims 1,048,576 rows x 16,384 columns"):
        import_exports(big)
    assert main(["import", str(big)]) == 2


def test_all_errors_lists_every_bad_cell(tmp_path: Path, capsys: Any) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source / medium", "Sessions", "Key events"],
        ["202601", "facebook / cpc", "60.234", "1"], ["202601", "x / cpc", "60%", "-3"],
        ["202602", "x / cpc", "lots", "1"], ["2026x", "li / cpc", "5", "1"],
    ])  # fmt: skip
    with pytest.raises(CellErrors) as e:
        import_exports(p, errors="collect")
    table = e.value.table()
    assert [(r["line"], r["column"]) for r in table] == [
        (2, "sessions"),
        (3, "sessions"),
        (3, "key events"),
        (4, "sessions"),
        (5, "year month"),
    ]
    with pytest.raises(CellErrors) as e:
        import_exports(p, errors="collect", limit=2)
    assert len(e.value.problems) == 2 and e.value.truncated
    out = io.StringIO()
    assert main(["import", str(p), "--all-errors"], out=out) == 2
    assert out.getvalue().splitlines()[0] == "file,line,column,value,why"
    assert len(out.getvalue().splitlines()) == 6
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    # and a good file imports as usual
    good = ef.ga4_report(tmp_path / "good.csv", [("202601", "fb / cpc", 7, 1)])
    assert import_exports(good, errors="collect").performance


def test_decimal_says_how_to_read_an_ambiguous_count(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "Chart data.csv", [["Date", "Views"], ["2026-09-01", "60.234"],
                                                   ["2026-09-02", "1.234"]])  # fmt: skip
    with pytest.raises(DataError, match="ambiguous") as e:
        import_exports(p)
    assert (e.value.line, e.value.field) == (2, "views")
    h = history(import_exports(p, decimal=","))
    assert h[("2026-09-01", "youtube", "video_views")] == 60234
    assert h[("2026-09-02", "youtube", "video_views")] == 1234
    # 1.234.567 can only be grouped by points: the file says so itself, and a note says
    # how its 60.234 was read
    grouped = ef.write_csv(tmp_path / "Chart data 2.csv", [["Date", "Views"],
                           ["2026-09-01", "60.234"], ["2026-09-02", "1.234.567"]])  # fmt: skip
    r = import_exports(grouped, preset="youtube-chart")
    assert history(r)[("2026-09-01", "youtube", "video_views")] == 60234
    assert any("decimal comma" in n and "1.234.567" in n for n in r.notes)
    # read with a decimal point, 60.234 would be a fraction of a view (and 1.234.567 is
    # no English number): the first is the error
    with pytest.raises(DataError, match="counts whole things"):
        import_exports(grouped, decimal=".", preset="youtube-chart")


def test_a_preset_may_say_its_tools_decimal_mark(tmp_path: Path, monkeypatch: Any) -> None:
    import importlib

    from goalrules.errors import PluginError

    presets_module = importlib.import_module("goalrules.io.exports.presets")

    german = presets_module.preset_from_dict({
        "id": "de-tool", "output": "history", "require": ["datum", "aufrufe"],
        "channel": {"fixed": "youtube"}, "date": {"columns": ["datum"], "forms": ["dmy"]},
        "decimal": ",", "metric": [{"metric": "video_views", "column": ["aufrufe"]}],
    })  # fmt: skip
    table = {**presets_module.presets(), "de-tool": german}
    monkeypatch.setattr(presets_module, "presets", lambda: table)
    p = ef.write_csv(tmp_path / "bericht.csv", [["Datum", "Aufrufe"], ["01.09.2026", "60.234"],
                                                ["02.09.2026", "1.234.567"]])  # fmt: skip
    h = history(import_exports(p))
    assert h[("2026-09-01", "youtube", "video_views")] == 60234
    assert h[("2026-09-02", "youtube", "video_views")] == 1234567
    with pytest.raises(PluginError, match="decimal"):
        presets_module.preset_from_dict({"id": "x", "output": "history", "decimal": ";"})


def test_an_empty_revenue_cell_is_unknown_revenue_not_lost_visits(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source / medium", "Sessions", "Key events", "Total revenue"],
        ["202601", "facebook / cpc", "100", "3", ""], ["202601", "x / cpc", "50", "1", "12.5"],
    ])  # fmt: skip
    r = import_exports(p)
    rows = {x.channel: x for x in r.performance}
    assert (rows["facebook"].visits, rows["facebook"].revenue) == (100, None)
    assert rows["x"].revenue == 12.5
    assert any("revenue is unknown" in n for n in r.notes)
