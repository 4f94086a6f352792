"""An unknown value in an export stays unknown all the way: a total carried from an anchor
across a day whose gain is an empty cell, a day's sum with one part empty. Each file is
laid out like the tool's real export (made here, small)."""

from __future__ import annotations

import codecs
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import Anchor, detect_preset, import_exports
from tests import export_files as ef
from tests.test_import_mutations import MAKERS, TODAY, _lines, _sample, _write

D = dt.date
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
                 max_examples=60)  # fmt: skip


def _x_overview(path: Path, days: list[tuple[D, int | str, int | str]]) -> Path:
    """X's account overview, newest first: (day, new follows, unfollows); a cell may be
    written empty."""
    rows: list[list[Any]] = [ef.X_HEADER]
    for d, new, lost in sorted(days, key=lambda t: t[0], reverse=True):
        rows.append([d.strftime("%a, %b %d, %Y"), 100, 5, 10, 0, 1, new, lost, 2, 3, 9, 0, 5, 6])
    return ef.write_csv(path, rows)


def _followers(result: Any) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == "followers"}


def test_no_total_is_carried_across_a_day_whose_gain_is_empty(tmp_path: Path, capsys: Any) -> None:
    """X across the new year, a day with its New follows and Unfollows left empty. The
    followers after it were carried from the anchor as if that day had gained 0 (102 on
    January 2, 106 on January 3: a total nobody knows)."""
    p = _x_overview(tmp_path / "account_overview_analytics.csv", [
        (D(2025, 12, 31), 1, 3), (D(2026, 1, 1), 2, 0), (D(2026, 1, 2), "", ""),
        (D(2026, 1, 3), 5, 1)])  # fmt: skip
    r = import_exports(p, anchors=["100 followers on 2025-12-31"])
    assert _followers(r) == {D(2025, 12, 31): 100, D(2026, 1, 1): 102}
    note = next(n for n in r.notes if "cannot be carried" in n)
    assert "2026-01-02" in note and "2026-01-02 to 2026-01-03" in note
    # the gains that are known are kept; the empty one is not a 0
    gains = {x.date: x.value for x in r.history if x.metric == "new_followers"}
    assert gains == {D(2025, 12, 31): -2, D(2026, 1, 1): 2, D(2026, 1, 3): 4}
    # an anchor after the empty day gives the days from it on, and none before it
    later = import_exports(p, anchors=["104 followers on 2026-01-03"])
    assert _followers(later) == {D(2026, 1, 2): 100, D(2026, 1, 3): 104}
    # the CLI writes the same rows, and says why the others are missing
    out = io.StringIO()
    assert main(["import", str(p), "--anchor", "100 followers on 2025-12-31"], out=out) == 0
    written = [ln for ln in out.getvalue().splitlines() if ",followers," in ln]
    assert written == ["2025-12-31,x,followers,100,follower", "2026-01-01,x,followers,102,follower"]
    assert "cannot be carried" in capsys.readouterr().err


def test_a_meta_follows_row_left_empty_is_not_a_day_without_gain(tmp_path: Path) -> None:
    """Meta leaves out days without a gain (no gain: the total carries on); a day it
    lists with an empty value is unknown, and the total stops there."""
    p = ef.meta_page(tmp_path / "Facebook follows.csv", "Facebook follows",
                     [("2026-01-01T00:00:00", 3), ("2026-01-03T00:00:00", 4)])  # fmt: skip
    r = import_exports(p, anchors=["100 followers on 2026-01-05"])
    assert _followers(r) == {D(2026, 1, 1): 96, D(2026, 1, 2): 96, D(2026, 1, 3): 100}
    text = p.read_bytes().decode("utf-16").replace('"4"', '""')
    blank = tmp_path / "Facebook follows 2.csv"
    blank.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    r = import_exports(blank, anchors=["100 followers on 2026-01-05"])
    assert _followers(r) == {D(2026, 1, 3): 100}  # the days after it had no row: no gain
    assert any("cannot be carried" in n for n in r.notes)


@FILES
@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=2, max_size=8),
    st.data(),
)
def test_every_total_given_is_the_true_total_whatever_the_empty_day_held(
    tmp_path: Path, gains: list[tuple[int, int]], data: Any
) -> None:
    """The file holds every day's gain but one, left empty; whatever that day truly
    gained, each followers total the import gives is the true one (anchor anywhere:
    before, inside or after the data)."""
    start = D(2025, 12, 28)
    days = [start + dt.timedelta(days=i) for i in range(len(gains))]
    hidden = data.draw(st.integers(0, len(gains) - 1), label="empty day")
    where = data.draw(st.integers(-3, len(gains) + 3), label="anchor day")
    truth: dict[D, int] = {}
    level = 1000
    for d, (new, lost) in zip(days, gains, strict=True):
        level += new - lost
        truth[d] = level
    anchor_day = start + dt.timedelta(days=where)
    if anchor_day < days[0]:
        anchor_value = truth[days[0]] - sum(n - lo for (n, lo), d in zip(gains, days,
                                            strict=True) if anchor_day < d <= days[0])  # fmt: skip
    elif anchor_day > days[-1]:
        anchor_value = truth[days[-1]]  # days after the data: no gain
    else:
        anchor_value = truth[anchor_day]
    rows: list[tuple[D, int | str, int | str]] = [
        (d, "" if i == hidden else n, "" if i == hidden else lo)
        for i, (d, (n, lo)) in enumerate(zip(days, gains, strict=True))
    ]
    p = _x_overview(tmp_path / f"account_overview_analytics-{len(gains)}-{hidden}.csv", rows)
    r = import_exports(p, anchors=[f"{anchor_value} followers on {anchor_day.isoformat()}"])
    got = _followers(r)
    assert all(truth[d] == v for d, v in got.items() if d in truth), (got, truth)
    assert days[hidden] not in got or anchor_day >= days[hidden]  # (d, anchor] has no gap


# -- a day's sum with one part empty ---------------------------------------------------------


def test_a_days_sum_with_one_profile_empty_is_unknown_not_the_others(tmp_path: Path) -> None:
    """Sprout with two Instagram profiles: one profile's impressions (and another day its
    followers) left empty. The day's total was the other profile's alone: 100
    impressions on August 1, 501 followers on August 2 (a fall of 199 that never
    happened)."""
    header = ["Date", "Network", "Profile", "Impressions", "Engagements", "Followers",
              "Net Follower Growth", "Video Views"]  # fmt: skip
    p = ef.write_csv(tmp_path / "Profile Performance.csv", [header,
        ["08/01/2026", "Instagram", "Campfire", 100, 10, 500, 1, ""],
        ["08/01/2026", "Instagram", "Campfire Shop", "", 5, 200, 2, ""],
        ["08/02/2026", "Instagram", "Campfire", 120, 10, 501, 1, ""],
        ["08/02/2026", "Instagram", "Campfire Shop", 30, 5, "", 2, ""],
        ["08/02/2026", "Facebook", "Campfire", 7, 1, 90, 0, ""]])  # fmt: skip
    r = import_exports(p)
    got = {(x.date, x.channel, x.metric): x.value for x in r.history}
    assert (D(2026, 8, 1), "instagram", "impressions") not in got
    assert got[(D(2026, 8, 2), "instagram", "impressions")] == 150
    assert got[(D(2026, 8, 1), "instagram", "followers")] == 700
    assert (D(2026, 8, 2), "instagram", "followers") not in got
    assert got[(D(2026, 8, 2), "facebook", "followers")] == 90  # another network: known
    note = next(n for n in r.notes if "instagram impressions left out" in n)
    assert "2026-08-01 (at least 100)" in note and "unknown" in note


def test_a_month_of_videos_with_one_empty_views_cell_is_unknown(tmp_path: Path) -> None:
    """YouTube's Table data.csv: three September videos, one with its Views empty. The
    month's views were the other two's (30), said as September's total."""
    p = ef.youtube_table_2026(tmp_path / "Table data.csv", [
        ("a", "Uno", "Sep 1, 2026", "10"), ("b", "Dos", "Sep 9, 2026", "20"),
        ("c", "Tres", "Sep 20, 2026", ""), ("d", "Cuatro", "Oct 2, 2026", "5")])  # fmt: skip
    r = import_exports(p)
    views = {x.date: x.value for x in r.history if x.metric == "video_views"}
    assert views == {D(2026, 10, 1): 5}
    assert any("2026-09 (at least 30)" in n for n in r.notes)


@FILES
@given(
    st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), min_size=1, max_size=5),
    st.data(),
)
def test_an_empty_cell_never_lowers_a_total(
    tmp_path: Path, days: list[tuple[int, int]], data: Any
) -> None:
    """Two profiles of one network a day; any one cell emptied: each day's impressions are
    the true sum of both profiles, or not given at all."""
    header = ["Date", "Network", "Profile", "Impressions", "Engagements", "Followers",
              "Net Follower Growth", "Video Views"]  # fmt: skip
    start = D(2026, 8, 1)
    rows: list[list[Any]] = []
    for i, (a, b) in enumerate(days):
        d = (start + dt.timedelta(days=i)).strftime("%m/%d/%Y")
        rows += [[d, "Instagram", "One", a, 1, 10, 0, 0], [d, "Instagram", "Two", b, 1, 10, 0, 0]]
    hole = data.draw(st.integers(0, len(rows) - 1), label="row emptied")
    rows[hole][3] = data.draw(st.sampled_from(["", "-", "—", "N/A", "undefined"]), label="cell")
    p = ef.write_csv(tmp_path / f"Profile Performance {len(days)}-{hole}.csv", [header, *rows])
    got = {x.date: x.value for x in import_exports(p).history if x.metric == "impressions"}
    truth = {start + dt.timedelta(days=i): a + b for i, (a, b) in enumerate(days)}
    assert all(truth[d] == v for d, v in got.items())
    assert start + dt.timedelta(days=hole // 2) not in got
    assert len(got) == len(days) - 1


# -- a channel month with one row empty ------------------------------------------------------

GA4_DAILY = ["Date", "Session source / medium", "Sessions", "Key events"]
GA4_PREAMBLE = ["# Start date: 20260101", "# End date: 20260228"]


def test_a_ga4_month_with_one_empty_day_is_unknown_not_the_other_days(
    tmp_path: Path, capsys: Any
) -> None:
    """GA4 by Date: January 2's Sessions empty on facebook. January's facebook row was
    40 visits and 3 leads (its key event on that day dropped with the row): neither is
    January's."""
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_DAILY,
        ["20260101", "facebook / social", "10", "1"],
        ["20260102", "facebook / social", "", "1"],
        ["20260131", "facebook / social", "30", "2"],
        ["20260201", "facebook / social", "7", "0"],
        ["20260101", "google / organic", "5", "0"],
        ["Grand total", "", "52", "4"]], preamble=GA4_PREAMBLE)  # fmt: skip
    r = import_exports(p)
    got = {(x.month, x.channel): (x.visits, x.leads) for x in r.performance}
    assert got == {(D(2026, 2, 1), "facebook"): (7, 0), (D(2026, 1, 1), "google"): (5, 0)}
    note = next(n for n in r.notes if "channel month left out" in n)
    assert "facebook (organic) in 2026-01 (the other rows: 40 visits, 3 leads)" in note
    out = io.StringIO()
    assert main(["import", str(p)], out=out) == 0
    assert "2026-01,facebook" not in out.getvalue() and "2026-02,facebook" in out.getvalue()
    assert "channel month left out" in capsys.readouterr().err


@FILES
@given(
    st.lists(st.tuples(st.integers(0, 28), st.sampled_from(["facebook / social", "t.co / referral"]),
                       st.integers(0, 500), st.integers(0, 9)), min_size=1, max_size=8,
             unique_by=lambda t: (t[0], t[1])),
    st.data(),
)  # fmt: skip
def test_a_ga4_channel_month_is_its_true_total_or_not_given(
    tmp_path: Path, rows: list[tuple[int, str, int, int]], data: Any
) -> None:
    """Daily GA4 rows across a month boundary, in any order, one Sessions cell emptied:
    each channel month given is the true sum of its days; the emptied one's is not
    given."""
    start = D(2026, 1, 20)
    body = [[(start + dt.timedelta(days=d)).strftime("%Y%m%d"), src, str(v), str(k)]
            for d, src, v, k in rows]  # fmt: skip
    body = data.draw(st.permutations(body), label="order")
    hole = data.draw(st.integers(0, len(body) - 1), label="row emptied")
    body[hole] = [*body[hole][:2], data.draw(st.sampled_from(["", "-", "N/A"])), body[hole][3]]
    p = ef.write_csv(tmp_path / f"ga4-{len(rows)}-{hole}.csv", [GA4_DAILY, *body],
                     preamble=GA4_PREAMBLE)  # fmt: skip
    truth: dict[tuple[D, str], list[int]] = {}
    for d, src, v, k in rows:
        day = start + dt.timedelta(days=d)
        acc = truth.setdefault((day.replace(day=1), src.split(" / ")[0]), [0, 0])
        acc[0] += v
        acc[1] += k
    truth = {((m, "x" if ch == "t.co" else ch)): v for (m, ch), v in truth.items()}
    got = {(x.month, x.channel): [x.visits, x.leads] for x in import_exports(p).performance}
    assert all(truth[k] == v for k, v in got.items()), (got, truth)
    emptied = D(int(body[hole][0][:4]), int(body[hole][0][4:6]), 1)
    assert (emptied, "x" if body[hole][1].startswith("t.co") else "facebook") not in got


# -- net gains ---------------------------------------------------------------------------------


def test_youtube_subscribers_written_two_ways_are_counted_once(tmp_path: Path) -> None:
    """YouTube's Totals.csv with Subscribers (net) and Subscribers gained / lost: both
    were added, so January 1 gained 6 (net 3) and January 2 lost 2 (net -1)."""
    p = ef.write_csv(tmp_path / "Totals.csv", [
        ["Date", "Views", "Subscribers", "Subscribers gained", "Subscribers lost"],
        ["1/1/2026", "10", "3", "5", "2"], ["1/2/2026", "12", "-1", "1", "2"]])  # fmt: skip
    r = import_exports(p, anchors=["100 followers on 2026-01-02"])
    net = {x.date: x.value for x in r.history if x.metric == "new_followers"}
    assert net == {D(2026, 1, 1): 3, D(2026, 1, 2): -1}
    assert _followers(r) == {D(2026, 1, 1): 101, D(2026, 1, 2): 100}


def test_gains_without_their_losses_are_not_the_net(tmp_path: Path, capsys: Any) -> None:
    """A YouTube chart with Subscribers gained but not lost, and an X overview without
    Unfollows: the gains alone were read as the net change of followers."""
    yt = ef.write_csv(
        tmp_path / "Chart data.csv",
        [["Date", "Views", "Subscribers gained"], ["2026-01-01", "10", "5"]],
    )
    r = import_exports(yt)
    assert {x.metric for x in r.history} == {"video_views"}
    assert any("columns not read: subscribers gained" in n for n in r.notes)
    x = ef.write_csv(
        tmp_path / "account_overview_analytics.csv",
        [["Date", "Impressions", "New follows"], ["Fri, Jan 2, 2026", "10", "5"]],
    )
    with pytest.raises(DataError, match="unfollows") as e:
        import_exports(x)
    assert (e.value.source, e.value.line, e.value.field) == (str(x), 1, "unfollows")
    assert main(["import", str(x)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


# -- a row of descriptions that is not there ----------------------------------------------------


def test_facebook_insights_without_its_row_of_descriptions_keeps_its_first_post(
    tmp_path: Path,
) -> None:
    """The 2010s Facebook Insights post export saved again without row 2 (the metric
    descriptions): its first post was skipped as if it were the descriptions (70 reach in
    November, not 570)."""
    name = "Facebook Insights Data Export (Post Level) - C - 2019-12-01.csv"
    p = ef.facebook_insights_posts(tmp_path / name, [("11/2/2019 9:00:00 AM", 500, 900),
                                                     ("11/20/2019 9:00:00 AM", 70, 90)])  # fmt: skip
    want = {(x.date, x.metric): x.value for x in import_exports(p).history}
    assert want == {(D(2019, 11, 1), "post_reach"): 570, (D(2019, 11, 1), "impressions"): 990}
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    no_row_2 = tmp_path / "no-descriptions" / name
    no_row_2.parent.mkdir()
    no_row_2.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    assert {(x.date, x.metric): x.value for x in import_exports(no_row_2).history} == want


# -- the anchor's own number --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "channel"),
    [
        ("1,500 followers on 2025-12-31", 1500, None),
        ("1 500 followers on 2025-12-31", 1500, None),  # was 1: the 500 dropped
        ("1\u202f500 LinkedIn followers on 2025-12-31", 1500, "linkedin"),
        ("1'500 followers on 2025-12-31", 1500, None),
        ("1,234,567 X followers on 2025-12-31", 1234567, "x"),
    ],
)
def test_an_anchor_reads_its_total_as_written(text: str, value: float, channel: Any) -> None:
    anchor = Anchor.parse(text)
    assert (anchor.value, anchor.channel) == (value, channel)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1.500 followers on 2025-12-31", "can read for sure"),  # was 1.5 followers
        ("1,5 followers on 2025-12-31", "can read for sure"),  # was 15
        ("1500.5 followers on 2025-12-31", "whole number"),
        ("1500 linkedin x followers on 2025-12-31", "linkedin and x"),  # was x alone
    ],
)
def test_an_anchor_that_cannot_be_read_for_sure_is_an_error(
    tmp_path: Path, capsys: Any, text: str, why: str
) -> None:
    with pytest.raises(DataError, match=why) as e:
        Anchor.parse(text)
    assert e.value.field == "--anchor"
    p = _x_overview(tmp_path / "account_overview_analytics.csv", [(D(2025, 12, 31), 1, 0)])
    assert main(["import", str(p), "--anchor", text], out=io.StringIO()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--anchor" in err[0]


# -- goalrules' own files, edited in a spreadsheet ---------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [("1500", 1500), ("1,500", 1500), ("1,234.5", 1234.5), ("0.034", 0.034), ("1 500", 1500)],
)
def test_an_own_history_value_reads_as_goalrules_writes_it(
    tmp_path: Path, cell: str, value: float
) -> None:
    p = ef.write_csv(
        tmp_path / "history.csv",
        [["date", "channel", "metric", "value"], ["2026-01-01", "x", "followers", cell]],
    )
    series = gr.load_history(p)[("x", "followers")]
    assert [pt.value for pt in series.points] == [value]


@pytest.mark.parametrize("cell", ["1,5", "12,50", "1.234,5", "-", "n/a"])
def test_an_own_file_with_a_decimal_comma_is_an_error_not_ten_times_more(
    tmp_path: Path, cell: str
) -> None:
    """A history or performance file saved by a German spreadsheet: '1,5' was read as 15
    and '12,50' as 1250 (the comma dropped)."""
    h = ef.write_csv(
        tmp_path / "history.csv",
        [["date", "channel", "metric", "value"], ["2026-01-01", "x", "followers", cell]],
    )
    with pytest.raises(DataError) as e:
        gr.load_history(h)
    assert (e.value.line, e.value.field) == (2, "value")
    p = ef.write_csv(tmp_path / "performance.csv", [["month", "channel", "visits", "leads"],
                                                     ["2026-01", "linkedin", "10", cell]])  # fmt: skip
    with pytest.raises(DataError) as e:
        gr.load_performance(p)
    assert (e.value.line, e.value.field) == (2, "leads")


# -- a session's flags ---------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["ja", "2", "✓", "maybe"])
def test_a_flag_that_is_not_yes_or_no_is_an_error_not_a_no(
    tmp_path: Path, capsys: Any, flag: str
) -> None:
    """A sessions file whose lead flag says 'ja' (or '2'): the session was read as no
    lead, and the month's leads came out short without a word."""
    p = ef.write_csv(tmp_path / "sessions.csv", [["date", "landing_url", "lead", "customer"],
        ["2026-01-03", "https://c.com/?utm_source=linkedin", "1", "0"],
        ["2026-01-04", "https://c.com/?utm_source=linkedin", flag, "0"]])  # fmt: skip
    with pytest.raises(DataError, match="not a yes or no") as e:
        import_exports(p)
    assert (e.value.source, e.value.line, e.value.field) == (str(p), 3, "lead")
    for argv in (["import", str(p)], ["channels", "--utm", str(p)]):
        assert main(argv, out=io.StringIO()) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"{p}:3" in err[0], err
    yes = ef.write_csv(tmp_path / "sessions-yes.csv", [["date", "landing_url", "lead"],
        ["2026-01-03", "https://c.com/?utm_source=linkedin", "True"],
        ["2026-01-04", "https://c.com/?utm_source=linkedin", "no"],
        ["2026-01-05", "https://c.com/?utm_source=linkedin", ""]])  # fmt: skip
    assert [(r.visits, r.leads) for r in import_exports(yes).performance] == [(3, 1)]


# -- the same day twice, told apart only by a dash -----------------------------------------------


@pytest.mark.parametrize("mark", ["—", "-", "", "N/A", "undefined"])
def test_the_same_day_twice_is_not_a_breakdown_because_of_a_dash(
    tmp_path: Path, capsys: Any, mark: str
) -> None:
    """X's overview with January 2 twice (a second export pasted under the first), one
    row with Media views written '—': the dash made the rows look like two profiles,
    and the day's impressions were added up (220)."""
    rows: list[list[Any]] = [ef.X_HEADER,
        ["Fri, Jan 2, 2026", 100, 1, 10, 0, 0, 5, 1, 0, 0, 3, 1, 0, mark],
        ["Fri, Jan 2, 2026", 120, 1, 10, 0, 0, 5, 1, 0, 0, 3, 1, 0, 5],
        ["Thu, Jan 1, 2026", 800, 1, 10, 0, 0, 2, 0, 0, 0, 3, 1, 0, 0]]  # fmt: skip
    p = ef.write_csv(tmp_path / "account_overview_analytics.csv", rows)
    with pytest.raises(DataError, match="lines 2 and 3") as e:
        import_exports(p)
    assert e.value.line == 3
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


# -- year-less dates out of order ------------------------------------------------------------------


def test_yearless_rows_out_of_order_are_not_wrapped_round_a_year(tmp_path: Path) -> None:
    """TikTok's Overview with its rows out of order (October 3, 1, 4, 2): the placing
    wrapped round the year and put October 4 and 2 in 2025, within the year span the
    check allowed."""
    days = [D(2026, 10, d) for d in (3, 1, 4, 2)]
    p = ef.tiktok_overview(tmp_path / "Overview.csv", [(d, 10, 1, 1, 1, 1) for d in days])
    with pytest.raises(DataError, match="does not run day by day") as e:
        import_exports(p, today=D(2026, 11, 30))
    assert e.value.field == "date" and e.value.line in (3, 4, 5)
    with pytest.raises(DataError, match="run"):  # --year refuses rows out of order too
        import_exports(p, year=2026)


@FILES
@given(st.integers(1, 400), st.integers(2, 12), st.permutations(range(12)))
def test_reordered_yearless_rows_read_the_same_days_or_not_at_all(
    tmp_path: Path, offset: int, n: int, order: list[int]
) -> None:
    start = D(2025, 1, 1) + dt.timedelta(days=offset)
    days = [start + dt.timedelta(days=i) for i in range(n)]
    shuffled = [days[i] for i in order if i < n]
    tag = f"{offset}-{n}-{''.join(map(str, order))}"
    p = ef.tiktok_overview(tmp_path / f"Overview-{tag}.csv",
                           [(d, 5, 1, 1, 1, 1) for d in shuffled])  # fmt: skip
    try:
        got, error = {r.date for r in import_exports(p, today=days[-1]).history}, None
    except DataError as exc:
        got, error = None, str(exc)
    assert got == set(days) if error is None else "day by day" in error


def test_a_blank_line_above_the_row_of_descriptions_changes_nothing(tmp_path: Path) -> None:
    name = "Facebook Insights Data Export (Post Level) - C - 2019-12-01.csv"
    p = ef.facebook_insights_posts(tmp_path / name, [("11/2/2019 9:00:00 AM", 500, 900)])
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    q = tmp_path / "blank" / name
    q.parent.mkdir()
    q.write_text(lines[0] + "\n" + "".join(lines[1:]), encoding="utf-8")
    assert import_exports(q).history == import_exports(p).history


# -- the same file written another way -----------------------------------------------------------

WAYS = ("utf-8-bom", "crlf", "blank-line", "no-final-newline", "utf-16")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
          deadline=None, max_examples=60)  # fmt: skip
@given(st.sampled_from(sorted(MAKERS)), st.sampled_from(WAYS),
       st.lists(st.integers(0, 5000), min_size=6, max_size=6))  # fmt: skip
def test_the_same_export_written_another_way_reads_the_same(
    tmp_path: Path, preset: str, way: str, values: list[int]
) -> None:
    """Every preset's sample re-encoded (UTF-8 with a byte-order mark, UTF-16), with CRLF
    line ends, a blank line under the header, or no final newline: the same rows."""
    path = _sample(tmp_path, preset, values)
    if path.suffix == ".json":
        return
    want = import_exports(path, today=TODAY)
    lines, enc, newline = _lines(path)
    text = newline.join(lines)
    target = path.with_name(f"{way}-{path.name}")
    if way == "utf-8-bom":
        target.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    elif way == "utf-16":
        target.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    elif way == "crlf":
        _write(target, lines, enc, "\r\n")
    elif way == "blank-line":
        header = detect_preset(path).header_line
        _write(target, [*lines[:header], "", *lines[header:]], enc, newline)
    else:
        _write(target, [ln for ln in lines if ln], enc, newline)
    got = import_exports(target, today=TODAY)
    assert (got.history, got.performance) == (want.history, want.performance)


def test_a_file_name_that_names_two_networks_is_an_error(tmp_path: Path, capsys: Any) -> None:
    """A Buffer export named 'facebook-vs-instagram-report.csv': the network came from the
    longest name in it, and every row was read as Instagram's."""
    rows = [(f"2026-01-0{i + 1}", 100, 10, 2, 500 + i) for i in range(2)]
    p = ef.suite_network(tmp_path / "facebook-vs-instagram-report.csv", rows)
    with pytest.raises(DataError, match="facebook and instagram") as e:
        import_exports(p)
    assert e.value.source == str(p) and e.value.line == 2
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    one = ef.suite_network(tmp_path / "buffer-instagram-2026.csv", rows)
    assert {r.channel for r in import_exports(one).history} == {"instagram"}


def test_a_post_without_a_permalink_is_not_facebooks_by_default(
    tmp_path: Path, capsys: Any
) -> None:
    """Instagram's content export with one reel's permalink empty: its 30 views went to
    Facebook. Its post type (IG reel) says Instagram; a type that does not say is an
    error naming the line."""
    p = ef.meta_content(tmp_path / "posts.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", 100, 50, 1, 1, 1, 1),
        ("09/16/2026 18:00", "", 30, 20, 1, 1, 1, 1)])  # fmt: skip
    views = {(r.channel, r.value) for r in import_exports(p).history if r.metric == "impressions"}
    assert views == {("instagram", 130)}
    text = p.read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace("IG reel", "Photo")
    q = tmp_path / "posts-photo.csv"
    q.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="Facebook or an Instagram post") as e:
        import_exports(q)
    assert (e.value.line, e.value.field) == (3, "permalink")
    assert main(["import", str(q)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
