"""Visits or leads not measured (``None``, an empty cell) are unknown end to end, never 0:
the performance readers keep them unknown (an explicit 0 stays 0), a channel's total,
trend, share and lead rate taken from them are unknown and said so, the portfolio's
total is unknown (never the sum of the channels measured) and its lead rate is that of
the channels measured; the decision is made with what is known. The table path
(``decide_channels_table``, on Dask and Spark too) decides and words each channel as
the row path does."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.tables import load_performance

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def series(
    name: str, visits: float | None, leads: float, rise: float = 0.0
) -> list[dict[str, Any]]:
    """Six months of a channel (visits ``None``: not measured), its counts rising by
    ``rise`` a month."""
    return [
        {"channel": name, "month": m, "leads": round(leads * (1 + rise) ** i),
         "visits": None if visits is None else round(visits * (1 + rise) ** i)}
        for i, m in enumerate(MONTHS)
    ]  # fmt: skip


def _by_channel(rows: list[dict[str, Any]], **options: Any) -> dict[str, gr.ChannelDecision]:
    return {d.channel: d for d in gr.decide_channels(rows, **options)}


# -- the row path ----------------------------------------------------------------------


def test_a_channel_whose_visits_were_not_measured_has_no_rate_share_or_visits_trend() -> None:
    """A channel with its leads from a CRM and no visits: it read '0 visits', 'trend a
    month: visits +0 %', 'N leads from 0 visits (more leads than visits)', and the
    portfolio 'together: 3,000 visits' (the others' sum as the total). Now its visits and
    what is taken from them are unknown, the portfolio's lead rate is the others'."""
    rows = series("facebook", None, 20, rise=0.15) + series("linkedin", 2000, 40)
    rows += series("instagram", 1000, 10)
    decided = _by_channel(rows)
    fb = decided["facebook"]
    ev = fb.evidence
    assert (ev.visits, ev.lead_rate, ev.visits_share, ev.visits_trend) == (None, None, None, None)
    assert ev.leads == sum(r["leads"] for r in rows if r["channel"] == "facebook")
    assert ev.leads_trend is not None and ev.leads_trend > 0.1
    assert fb.decision is gr.Decision.OPTIMIZE and fb.rule == "optimize.rising-leads"
    p = fb.portfolio
    assert p is not None and p.visits is None and p.unmeasured == 1
    assert p.lead_rate == pytest.approx(300 / 18000)  # linkedin and instagram: 50 / 3000
    words = " ".join(fb.reasons)
    assert "visits unknown (not measured), " in words and "0 visits" not in words
    assert "trend a month: visits unknown, leads +1" in words
    assert "more leads than visits" not in words
    assert "visits not measured (unknown, not 0)" in words
    from goalrules.judgments.channel_text import portfolio_line

    line = portfolio_line(p)
    assert "together: visits unknown (not measured for every channel), " in line
    assert "1 channel whose visits or leads were not measured left out" in line


def test_a_month_of_visits_not_measured_leaves_the_total_unknown_not_partial() -> None:
    rows = series("linkedin", 2000, 40) + series("instagram", 1000, 10)
    rows[2]["visits"] = None  # linkedin's March: not measured
    li = _by_channel(rows)["linkedin"]
    assert (li.evidence.visits, li.evidence.lead_rate, li.evidence.visits_trend) == (
        None, None, None)  # fmt: skip
    assert li.evidence.leads == 240 and li.evidence.leads_trend == 0.0
    assert (
        "data quality: visits measured in 5 of 6 months: their total, and so its lead rate, "
        "share of visits and visits trend, are unknown (not the sum of the months measured)"
    ) in li.reasons
    assert li.portfolio is not None and li.portfolio.visits is None
    assert li.portfolio.lead_rate == pytest.approx(60 / 6000)  # instagram's alone


def test_leads_not_measured_leave_the_lead_rate_and_a_leads_role_unknown() -> None:
    rows = series("linkedin", 2000, 40) + series("instagram", 1000, 10)
    for r in rows[:6]:
        r["leads"] = None
    li = _by_channel(rows, channels=[gr.Channel("linkedin", role="leads")])["linkedin"]
    ev = li.evidence
    assert (ev.leads, ev.lead_rate, ev.leads_share, ev.leads_trend) == (None, None, None, None)
    assert ev.fulfils_role is None  # cannot tell, not "does not do its job"
    assert ev.visits == 12000 and ev.visits_share == pytest.approx(12000 / 18000)


def test_a_traffic_role_of_visits_not_measured_cannot_be_told() -> None:
    rows = series("facebook", None, 20) + series("linkedin", 2000, 40)
    fb = _by_channel(rows, channels=[gr.Channel("facebook", role="traffic")])["facebook"]
    assert fb.evidence.fulfils_role is None  # it read False: "does not do its job"


def _role_line(d: gr.ChannelDecision) -> str:
    return next(r for r in d.reasons if r.startswith(("its role", "it ")))


def test_a_role_that_cannot_be_checked_names_the_count_not_measured() -> None:
    """A traffic or leads role left unchecked for visits not measured (a CRM's leads,
    no analytics) read "cannot be checked: followers, engagements or reach not recorded
    in two months or more", a reason that has nothing to do with it. It names the count
    not measured now: the channel's own, or another judged channel's (the portfolio's
    total then unknown)."""
    rows = series("facebook", None, 20) + series("linkedin", None, 5)  # 14 % of the leads
    rows += series("tiktok", 1000, 10)
    roles = [gr.Channel("facebook", role="traffic"), gr.Channel("linkedin", role="leads"),
             gr.Channel("tiktok", role="traffic")]  # fmt: skip
    decided = _by_channel(rows, channels=roles)
    assert _role_line(decided["facebook"]) == (
        "its role (traffic) cannot be checked: this channel's visits were not measured "
        "(unknown, not 0)"
    )
    assert _role_line(decided["linkedin"]) == (
        "its role (leads) cannot be checked: this channel's visits were not measured "
        "(unknown, not 0)"
    )
    assert _role_line(decided["tiktok"]) == (
        "its role (traffic) cannot be checked: another judged channel's visits were not "
        "measured (unknown, not 0)"
    )
    for d in decided.values():
        assert not any("followers" in r for r in d.reasons)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0.1, 0.3, 0.6]))
def test_a_share_role_left_unchecked_says_which_count_was_not_measured(
    seed: int, blank: float
) -> None:
    rows = _rows(seed, blank)
    roles = {"facebook": "traffic", "linkedin": "leads", "instagram": "conversions",
             "x": "traffic", "tiktok": "leads"}  # fmt: skip
    decided = gr.decide_channels(rows, channels=[gr.Channel(n, role=r) for n, r in roles.items()])
    for d in decided:
        line = _role_line(d)
        if d.evidence.fulfils_role is None:
            assert "were not measured (unknown, not 0)" in line, line
            assert "followers" not in line
        else:
            assert "cannot be checked" not in line


def test_the_performance_csv_reads_an_empty_count_as_unknown_and_0_as_0(tmp_path: Path) -> None:
    """An empty visits or leads cell was an error ('write 0 if there were none'): the
    file goalrules import writes for a CRM alone could not be read back."""
    p = tmp_path / "performance.csv"
    p.write_text(
        "month,channel,visits,leads,customers\n2026-01,facebook,,4,0\n"
        "2026-02,facebook,0,5,\n2026-01,linkedin,500,,1\n",
        encoding="utf-8",
    )
    got = {
        (r.channel, r.month.month): (r.visits, r.leads, r.customers) for r in load_performance(p)
    }
    assert got == {("facebook", 1): (None, 4, 0), ("facebook", 2): (0, 5, None),
                   ("linkedin", 1): (500, None, 1)}  # fmt: skip


def test_an_own_performance_workbook_reads_an_empty_count_as_unknown(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from goalrules.io.exports import read_performance_file

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["month", "channel", "visits", "leads", "customers"],
                ["2026-01", "facebook", None, 4, 0], ["2026-02", "facebook", 0, 5, 1]):  # fmt: skip
        sheet.append(row)
    p = tmp_path / "performance.xlsx"
    book.save(p)
    rows, notes = read_performance_file(p)
    assert [(r.visits, r.leads) for r in rows] == [(None, 4), (0, 5)]
    assert any("visits empty on 1 row: unknown, not 0" in n for n in notes)


def test_reports_write_an_unknown_count_as_unknown() -> None:
    from goalrules.judgments.channels import decisions_html
    from goalrules.report import render_channels
    from goalrules.report.html import html_channels

    rows = series("facebook", None, 20, rise=0.15) + series("linkedin", 2000, 40)
    for i, r in enumerate(series("x", 900, 9)):  # two campaigns, one of visits not measured
        rows += [{**r, "campaign": "spring"}, {**r, "campaign": "ads", "visits": None if i else 5}]
    decided = gr.decide_channels(rows)
    x = {d.channel: d for d in decided}["x"].evidence
    assert [(c.campaign, c.visits, c.lead_rate) for c in x.campaigns] == [
        ("ads", None, None), ("spring", 5400, pytest.approx(0.01))]  # fmt: skip
    assert ">unknown</td>" in decisions_html(decided)
    page = html_channels(decided, today=dt.date(2026, 8, 1))
    assert "not measured" in page
    text = render_channels(decided, "text")
    assert "visits unknown" in text and "campaign ads: visits unknown, 54 leads (n/a)" in text


# -- properties ------------------------------------------------------------------------


def _rows(seed: int, blank: float) -> list[dict[str, Any]]:
    """Rows of up to five channels, some of their visits or leads not measured."""
    rng = random.Random(seed)
    rows = []
    for name in rng.sample(["facebook", "linkedin", "instagram", "x", "tiktok"], rng.randint(2, 5)):
        visits, rate, rise = rng.randint(100, 5000), rng.choice([0.005, 0.02, 0.05]), rng.random()
        whole = rng.random() < blank / 2  # a channel of a CRM alone: no visits at all
        for i, month in enumerate(MONTHS[rng.randint(0, 2) :]):
            v = round(visits * (0.8 + 0.4 * rise) ** i)
            row: dict[str, Any] = {"channel": name, "month": month, "visits": v,
                                   "leads": round(v * rate), "customers": round(v * rate / 4)}  # fmt: skip
            if whole or rng.random() < blank:
                row[rng.choice(["visits", "visits", "leads"]) if not whole else "visits"] = None
            rows.append(row)
    return rows


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0.1, 0.3, 0.6]))
def test_an_unknown_count_never_shows_as_a_number(seed: int, blank: float) -> None:
    rows = _rows(seed, blank)
    decided = gr.decide_channels(rows)
    unmeasured = {r["channel"] for r in rows if r["visits"] is None or r["leads"] is None}
    for d in decided:
        ev = d.evidence
        if d.channel not in unmeasured:
            assert ev.visits is not None and ev.leads is not None
            continue
        assert ev.lead_rate is None and ev.lead_rate_low is None
        assert ev.visits is None or ev.leads is None
        if ev.visits is None:
            assert ev.visits_trend is None and ev.visits_share is None
        if ev.leads is None:
            assert ev.leads_trend is None and ev.leads_share is None
        words = " ".join(d.reasons)
        assert "from 0 visits" not in words and "lead rate 0 %" not in words
    p = decided.portfolio
    assert p is not None
    assert (p.visits is None) == any(r["visits"] is None for r in rows)
    assert (p.leads is None) == any(r["leads"] is None for r in rows)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0.1, 0.3]))
def test_the_portfolios_lead_rate_is_that_of_the_channels_measured(seed: int, blank: float) -> None:
    """A channel of visits or leads not measured is left out of the portfolio's lead rate:
    the rate is the one the other channels' rows give alone."""
    rows = _rows(seed, blank)
    unmeasured = {r["channel"] for r in rows if r["visits"] is None or r["leads"] is None}
    measured = [r for r in rows if r["channel"] not in unmeasured]
    got = gr.decide_channels(rows).portfolio
    assert got is not None and got.unmeasured == len(unmeasured)
    if not measured:
        assert got.lead_rate is None
        return
    alone = gr.decide_channels(measured).portfolio
    assert alone is not None and got.lead_rate == alone.lead_rate


# -- the table path agrees -------------------------------------------------------------

pl = pytest.importorskip("polars")

from tests.books import row_path_decision  # noqa: E402
from tests.test_batch import CHANNELS, book  # noqa: E402
from tests.test_channel_book_halves import _book as halves_book  # noqa: E402
from tests.test_channel_book_halves import book_and_rows  # noqa: E402


def _book(seed: int, accounts: int, blank: float) -> list[dict[str, Any]]:
    """A book (with organic and paid halves, spend in some rows) whose visits or leads
    are not measured in some rows, and in every row of some channels."""
    rng = random.Random(seed)
    rows = halves_book(seed, accounts)
    whole = {(r["account"], r["channel"]) for r in rows if rng.random() < blank / 3}
    for r in rows:
        if (r["account"], r["channel"]) in whole:
            r["visits"] = None
        elif rng.random() < blank:
            r[rng.choice(["visits", "leads"])] = None
    return rows


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 3), st.sampled_from([0.1, 0.3, 0.7]))
def test_a_book_of_unknown_counts_decides_and_words_each_account_as_its_rows_do(
    seed: int, accounts: int, blank: float
) -> None:
    rows = _book(seed, accounts, blank)
    roles = [gr.Channel("linkedin", role="leads"), gr.Channel("facebook", role="traffic"),
             gr.Channel("tiktok", role="conversions")]  # fmt: skip
    book_and_rows(rows, roles if seed % 2 else [])


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4), st.integers(2, 12))
def test_the_table_path_keeps_the_unknowns_the_row_path_keeps(
    seed: int, accounts: int, months: int
) -> None:
    from goalrules.scale.batch import book_decisions, decide_channels_table

    rows = book(seed, accounts, months, unknown=0.2, unmeasured=0.15)
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=CHANNELS)
    for account, d in book_decisions(table):
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)
        assert d.evidence.quality == one.evidence.quality
        assert d.evidence.fulfils_role == one.evidence.fulfils_role
        for name in ("visits", "leads", "lead_rate", "visits_share", "visits_trend", "leads_trend"):
            assert (getattr(d.evidence, name) is None) == (getattr(one.evidence, name) is None)
        assert d.portfolio is not None and one.portfolio is not None
        assert (d.portfolio.visits, d.portfolio.unmeasured) == (
            one.portfolio.visits, one.portfolio.unmeasured)  # fmt: skip
        assert d.portfolio.lead_rate == pytest.approx(one.portfolio.lead_rate)


def test_a_book_reads_nan_and_blank_counts_as_unknown() -> None:
    from goalrules.scale.batch import decide_channels_table

    table = pl.DataFrame({"account": ["a"] * 2, "channel": ["x"] * 2, "month": ["2026-01", "2026-02"],
                          "visits": [float("nan"), 900.0], "leads": ["30", " "]})  # fmt: skip
    got = decide_channels_table(table).row(0, named=True)
    assert (got["visits"], got["leads"], got["lead_rate"], got["p_visits"]) == (None,) * 4
    assert (got["visits_unmeasured"], got["leads_unmeasured"], got["p_unmeasured"]) == (1, 1, 1)


def test_unknown_counts_on_dask_match_the_table() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask, decide_channels_table

    rows = book(15, 8, 10, unknown=0.2, unmeasured=0.15)
    frame = pl.DataFrame(rows, strict=False).with_columns(pl.col("spend").cast(pl.Float64))
    got = decide_channels_dask(dd.from_pandas(frame.to_pandas(), npartitions=3), channels=CHANNELS)
    got = got.compute().sort_values(["account", "channel"])
    want = decide_channels_table(frame, channels=CHANNELS).sort("account", "channel")
    assert want["visits"].null_count() > 0 and want["p_unmeasured"].max() > 0
    for name in ("decision", "rule", "visits", "leads", "lead_rate", "p_visits", "p_unmeasured",
                 "visits_unmeasured", "fulfils_role"):  # fmt: skip
        seen = [None if v is None or v != v else v for v in got[name].tolist()]  # NaN: null
        assert seen == want[name].to_list(), name
