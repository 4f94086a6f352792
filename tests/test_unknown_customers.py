"""Customers that were not measured are unknown, never 0: an analytics export without
a customers column, a blank cell, a month not measured, through every path that
reads, judges and shows customers."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
import goalrules.strategies as grs
from goalrules.cli import main
from goalrules.io.attribution import attribute_sessions
from goalrules.io.exports import import_exports
from goalrules.io.tables import load_performance
from goalrules.judgments.channel_evidence import channel_evidence
from tests import export_files as ef
from tests.books import row_path_decision

D = dt.date
TODAY = "2025-07-15"
# "0 customers" written as a fact (text, markdown, HTML cells): never for an unknown
ZERO = re.compile(r"(?<![\d,.])0 customers?\b|<td[^>]*>\s*0\s*</td>\s*(?=<td[^>]*>[^<]*%)")


def run(*argv: str) -> tuple[int, str]:
    """The exit code and output, its wrapped lines joined (one space between words)."""
    out = io.StringIO()
    code = main(list(argv), out=out)
    text = out.getvalue()
    return code, text if "--format" in argv else " ".join(text.split())


MONTHS = [f"2025{m:02d}" for m in range(1, 7)]
SOURCES = ["linkedin / paid_social", "facebook / cpc", "lnkd.in / referral", "instagram / social"]


def _ga4(path: Path, rows: list[tuple[str, str, int, int]]) -> Path:
    return ef.ga4_report(path, rows)


ga4_rows = st.lists(
    st.tuples(
        st.sampled_from(SOURCES), st.integers(50, 5_000), st.integers(0, 40), st.integers(0, 30)
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda t: t[0],
)


def _ga4_file(tmp: Path, channels: list[tuple[str, int, int, int]]) -> Path:
    rows = []
    for i, m in enumerate(MONTHS):
        for src, visits, leads, step in channels:
            v = visits + step * i
            rows.append((m, src, v, min(v, leads + i)))
    return _ga4(tmp / "Traffic_acquisition.csv", rows)


# -- the defect: a GA4 export without customers --------------------------------------------


def test_ga4_without_customers_shows_no_zero_customers(tmp_path: Path) -> None:
    path = _ga4_file(
        tmp_path, [("linkedin / paid_social", 1175, 33, 0), ("facebook / cpc", 800, 12, 0)]
    )
    code, text = run("channels", str(path), "--today", TODAY)
    assert code == 0
    assert "customers unknown" in text and "customers not measured" in text
    assert not ZERO.search(text), text
    code, md = run("channels", str(path), "--today", TODAY, "--format", "markdown")
    assert code == 0 and not ZERO.search(md), md
    code, out = run("channels", str(path), "--today", TODAY, "--format", "json")
    data = json.loads(out)
    for d in data:
        ev = d["evidence"]
        assert ev["customers"] is None and ev["customer_rate"] is None
        assert ev["cost_per_customer"] is None
        assert not any(ZERO.search(r) for r in d["reasons"])
    code, html = run("channels", str(path), "--today", TODAY, "--format", "html")
    assert code == 0 and "not measured" in html
    assert not ZERO.search(html)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ga4_rows)
def test_any_ga4_export_without_customers_reads_unknown(
    tmp_path_factory: pytest.TempPathFactory, channels: list[tuple[str, int, int, int]]
) -> None:
    path = _ga4_file(tmp_path_factory.mktemp("ga4"), channels)
    result = import_exports(path, today=D(2025, 7, 15))
    assert result.performance and all(r.customers is None for r in result.performance)
    assert sum("customers: not in this export" in n for n in result.notes) == 1
    decisions = gr.decide_channels(result.channel_months(), today=D(2025, 7, 15), all_sources=True)
    p = decisions.portfolio
    assert p.customers is None and p.customer_rate is None and p.cost_per_customer is None
    for d in decisions:
        assert d.evidence.customers is None and d.evidence.customer_rate is None
        assert not any(ZERO.search(r) for r in d.reasons), d.reasons


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_a_workspace_checked_with_a_ga4_export_shows_no_zero_customers(
    tmp_path: Path, fmt: str
) -> None:
    # the workspace names channels the export has no rows for: nothing measured either
    path = _ga4_file(
        tmp_path, [("linkedin / paid_social", 1175, 33, 4), ("facebook / cpc", 800, 12, 0)]
    )
    ws = str(gr.demo_paths()["workspace"])
    code, out = run("check", ws, "--performance", str(path), "--today", TODAY, "--format", fmt)
    assert code == 0
    assert not ZERO.search(" ".join(out.split())), fmt
    if fmt != "markdown":  # (markdown's table gives each decision's first reason only)
        assert "not measured" in out or '"customers": null' in out


def test_import_writes_an_empty_cell_and_reads_it_back_unknown(tmp_path: Path) -> None:
    path = _ga4_file(tmp_path, [("linkedin / paid_social", 1175, 33, 5)])
    out = tmp_path / "performance.csv"
    code, _ = run("import", str(path), "--today", TODAY, "--output", str(out))
    assert code == 0
    lines = out.read_text().splitlines()
    assert lines[0].split(",")[5] == "customers"
    assert all(line.split(",")[5] == "" for line in lines[1:])
    again = import_exports(out)  # goalrules' own performance file
    first = import_exports(path, today=D(2025, 7, 15))
    assert [r.customers for r in again.performance] == [None] * len(lines[1:])
    assert [(r.month, r.channel, r.visits, r.leads) for r in again.performance] == [
        (r.month, r.channel, r.visits, r.leads) for r in first.performance
    ]
    assert all(r.customers is None for r in load_performance(out))
    code, text = run("channels", str(out), "--today", TODAY)
    assert code == 0 and not ZERO.search(text)


def test_a_crm_joined_with_analytics_still_gives_customers_and_a_known_0(tmp_path: Path) -> None:
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [("202601", "linkedin / paid_social", 100, 9),
                                               ("202602", "linkedin / paid_social", 70, 9)])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ("Paid social", "LinkedIn", "2026-01-05 10:00", "2026-02-10 09:30"),
        ("Paid social", "LinkedIn", "2026-02-03 10:00", ""),
    ])  # fmt: skip
    imported = import_exports([ga4, crm])
    rows = {(r.month, r.channel): r.customers for r in imported.performance}
    assert rows == {(D(2026, 1, 1), "linkedin"): 0.0, (D(2026, 2, 1), "linkedin"): 1.0}
    ev, p = channel_evidence(imported.channel_months())
    assert ev["linkedin"].customers == 1.0 and p.customers == 1.0


def test_a_crm_export_without_customer_dates_gives_unknown_customers(tmp_path: Path) -> None:
    crm = ef.write_csv(tmp_path / "hubspot-crm-exports-all-contacts.csv", [
        ["Record ID", "Original Source", "Original Source Drill-Down 1", "Became a Lead Date"],
        [1, "Paid social", "LinkedIn", "2026-01-05 10:00"],
    ])  # fmt: skip
    result = import_exports(crm)
    assert [r.customers for r in result.performance] == [None]
    assert any("customers: not in this export" in n for n in result.notes)


def test_a_known_zero_stays_zero() -> None:
    rows = [{"channel": "linkedin", "month": f"2025-0{m}", "visits": 1000, "leads": 20, "customers": 0}
            for m in range(1, 7)]  # fmt: skip
    decisions = gr.decide_channels(rows, today=D(2025, 7, 15))
    ev = decisions[0].evidence
    assert ev.customers == 0.0 and ev.customer_rate == 0.0
    assert decisions.portfolio.customers == 0.0
    assert any("0 customers" in r for r in decisions[0].reasons)


# -- rows and tables ------------------------------------------------------------------------


def test_absent_blank_and_nan_customers_are_unknown_and_so_are_visits(
    tmp_path: Path,
) -> None:
    no_col = [{"channel": "x", "month": "2025-01", "visits": 10, "leads": 1}]
    blank = [{"channel": "x", "month": "2025-01", "visits": 10, "leads": 1, "customers": ""}]
    nan = [{"channel": "x", "month": "2025-01", "visits": 10, "leads": 1, "customers": math.nan}]
    for rows in (no_col, blank, nan):
        ev, p = channel_evidence(rows)
        assert ev["x"].customers is None and p.customers is None
    # an empty count of visits: not measured, unknown too (never 0)
    ev, p = channel_evidence([{"channel": "x", "month": "2025-01", "visits": "", "leads": 1}])
    assert ev["x"].visits is None and p.visits is None
    f = tmp_path / "perf.csv"
    f.write_text("month,channel,visits,leads,customers\n2025-01,x,10,1,\n2025-02,x,12,1,0\n")
    assert [r.customers for r in load_performance(f)] == [None, 0.0]
    f.write_text("month,channel,visits,leads\n2025-01,x,10,1\n")
    assert [r.customers for r in load_performance(f)] == [None]
    f.write_text("month,channel,visits,leads,customers\n2025-01,x,,1,0\n")
    assert [(r.visits, r.leads) for r in load_performance(f)] == [(None, 1.0)]
    with pytest.raises(gr.ValidationError):
        gr.ChannelMonth(channel="x", month="2025-01", visits=1, leads=1, customers=-1)


def test_a_month_not_measured_makes_the_total_unknown_with_a_note() -> None:
    rows = [{"channel": "linkedin", "month": f"2025-0{m}", "visits": 1000, "leads": 20,
             "customers": None if m == 3 else 2} for m in range(1, 7)]  # fmt: skip
    rows += [{"channel": "facebook", "month": f"2025-0{m}", "visits": 900, "leads": 9, "customers": 1}
             for m in range(1, 7)]  # fmt: skip
    ev, p = channel_evidence(rows)
    assert ev["linkedin"].customers is None  # never the partial sum, 10
    assert ev["linkedin"].customer_rate is None and ev["linkedin"].cost_per_customer is None
    assert any("customers measured in 5 of 6 months" in q for q in ev["linkedin"].quality)
    assert ev["facebook"].customers == 6.0 and not ev["facebook"].quality
    assert p.customers is None and p.customer_rate is None


def test_customers_above_leads_is_noted_only_when_known() -> None:
    rows = [{"channel": "x", "month": "2025-01", "visits": 10, "leads": 1, "customers": 3},
            {"channel": "y", "month": "2025-01", "visits": 10, "leads": 1}]  # fmt: skip
    ev, _ = channel_evidence(rows)
    assert any("3 customers from 1 leads" in q for q in ev["x"].quality)
    assert not ev["y"].quality


def test_a_campaign_not_measured_has_unknown_customers() -> None:
    rows = [{"channel": "x", "month": "2025-01", "visits": 10, "leads": 1, "campaign": "a"},
            {"channel": "x", "month": "2025-01", "visits": 10, "leads": 1, "customers": 1,
             "campaign": "b"}]  # fmt: skip
    ev, _ = channel_evidence(rows)
    assert {c.campaign: c.customers for c in ev["x"].campaigns} == {"a": None, "b": 1.0}
    assert ev["x"].customers is None


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        grs.channel_months(max_visits=500),
        min_size=1,
        max_size=12,
        unique_by=lambda r: (r.channel, r.month),
    )
)  # (a month twice: an error)
def test_a_channel_total_is_known_only_when_every_month_is(rows: list[gr.ChannelMonth]) -> None:
    ev, p = channel_evidence(rows)
    for name, e in ev.items():
        mine = [r.customers for r in rows if r.channel == name]
        if any(c is None for c in mine):
            assert e.customers is None and e.customer_rate is None
        else:
            assert e.customers == pytest.approx(math.fsum(c for c in mine if c is not None))
    if any(r.customers is None for r in rows):
        assert p.customers is None and p.customer_rate is None and p.cost_per_customer is None
    else:
        assert p.customers is not None


# -- the conversions role ---------------------------------------------------------------------


def _conversions(customers: float | None) -> gr.ChannelDecision:
    rows = []
    for m in range(1, 7):
        rows.append({"channel": "tiktok", "month": f"2025-0{m}", "visits": 400, "leads": 4,
                     "customers": customers})  # fmt: skip
        rows.append({"channel": "linkedin", "month": f"2025-0{m}", "visits": 4000, "leads": 120,
                     "customers": 30})  # fmt: skip
    chans = [gr.Channel("tiktok", role="conversions")]
    return {d.channel: d for d in gr.decide_channels(rows, channels=chans, today=D(2025, 7, 15))}[
        "tiktok"
    ]


def test_conversions_with_unknown_customers_is_cannot_tell() -> None:
    unknown = _conversions(None)
    assert unknown.evidence.fulfils_role is None
    assert any("cannot be checked" in r and "customers were not measured" in r
               for r in unknown.reasons)  # fmt: skip
    assert not any("does not fulfil" in r for r in unknown.reasons)
    known = _conversions(0)
    assert known.evidence.fulfils_role is False  # measured, and none: it does not


def test_conversions_with_another_channel_unknown_is_cannot_tell() -> None:
    rows = [{"channel": "tiktok", "month": f"2025-0{m}", "visits": 400, "leads": 40, "customers": 9}
            for m in range(1, 7)]  # fmt: skip
    rows += [{"channel": "linkedin", "month": f"2025-0{m}", "visits": 400, "leads": 4}
             for m in range(1, 7)]  # fmt: skip
    chans = [gr.Channel("tiktok", role="conversions")]
    d = {x.channel: x for x in gr.decide_channels(rows, channels=chans, today=D(2025, 7, 15))}
    assert d["tiktok"].evidence.fulfils_role is None
    assert any("another judged channel's customers" in r for r in d["tiktok"].reasons)


# -- sessions, events and context sources --------------------------------------------------------


def test_sessions_without_a_customer_flag_are_unknown() -> None:
    base = {"date": "2025-01-03", "utm_source": "linkedin", "utm_medium": "cpc", "lead": "1"}
    assert [r.customers for r in attribute_sessions([base, base])] == [None]
    flagged = [base | {"customer": "1"}, base | {"customer": ""}]
    assert [r.customers for r in attribute_sessions(flagged)] == [1.0]
    mixed = [base | {"customer": "1"}, base]
    assert [r.customers for r in attribute_sessions(mixed)] == [None]


def test_events_without_purchase_events_are_unknown(tmp_path: Path) -> None:
    b = ef.bigquery_events(
        tmp_path / "events.csv",
        [
            ("u1", "1", 1767607200000000, "session_start", "https://c.com/?gclid=x", "", ""),
            ("u1", "1", 1767607260000000, "purchase", "https://c.com/buy", "", ""),
            ("u2", "7", 1767607300000000, "page_view", "https://c.com/", "https://t.co/a", ""),
            ("u2", "7", 1767607400000000, "generate_lead", "https://c.com/thanks", "", ""),
        ],
    )  # fmt: skip  (a lead event: events that mark none are an error, their leads unknown)
    got = {r.channel: r.customers for r in import_exports(b).performance}
    assert got == {"google": 1.0, "x": 0.0}  # purchases tracked: x's 0 is known


def test_context_sources_with_unknown_customers() -> None:
    rows = [{"channel": "google", "medium": "organic", "month": "2025-01", "visits": 100,
             "leads": 2}, {"channel": "linkedin", "month": "2025-01", "visits": 50, "leads": 1,
             "customers": 0}]  # fmt: skip
    decisions = gr.decide_channels(rows)
    (ctx,) = decisions.context
    assert ctx.customers is None and ctx.customers_share is None
    assert "customers not measured" in ctx.describe()


# -- the table path (polars) gives the row path's answers ------------------------------------------


def _book(seed: int) -> list[dict[str, Any]]:
    import random

    rng = random.Random(seed)
    rows = []
    names = ["linkedin", "facebook", "tiktok", "x", "instagram"]
    for a in range(3):
        for ch in rng.sample(names, rng.randint(1, 5)):
            how = rng.choice(["known", "unknown", "some"])
            for m in range(1, rng.randint(2, 9)):
                visits = rng.randint(0, 3000)
                leads = rng.randint(0, visits // 20 + 1) if visits else 0
                customers: int | None = rng.randint(0, leads)
                if how == "unknown" or (how == "some" and rng.random() < 0.4):
                    customers = None
                rows.append({"account": f"a{a}", "channel": ch, "month": D(2025, m, 1),
                             "visits": visits, "leads": leads, "customers": customers,
                             "spend": rng.choice([None, float(rng.randint(0, 900))])})  # fmt: skip
    return rows


CHANNELS = {
    "linkedin": gr.Channel("linkedin", role="leads", formats_tried=["a", "b"]),
    "facebook": gr.Channel("facebook", role="traffic", formats_tried=["a", "b"]),
    "tiktok": gr.Channel("tiktok", role="conversions", formats_tried=["a", "b", "c"]),
    "x": gr.Channel("x", role="conversions", formats_tried=["a"]),
}


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6))
def test_the_table_path_gives_the_row_paths_answers_with_unknown_customers(seed: int) -> None:
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import book_decisions, decide_channels_table

    rows = _book(seed)
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=CHANNELS)
    pairs = book_decisions(table)
    assert len(pairs) == table.height
    for account, d in pairs:
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert d.decision is one.decision and d.rule == one.rule
        a, b = d.evidence, one.evidence
        assert (a.customers is None) == (b.customers is None)
        if a.customers is not None and b.customers is not None:
            assert a.customers == pytest.approx(b.customers)
        assert a.fulfils_role == b.fulfils_role
        assert (a.customer_rate is None) == (b.customer_rate is None)
        assert (d.portfolio is not None) and (d.portfolio.customers is None) == (
            one.portfolio is not None and one.portfolio.customers is None
        )
        assert a.quality == b.quality  # customers known in some months: the same note
        assert d.reasons == one.reasons


def test_a_book_without_a_customers_column(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    from goalrules.scale.batch import decide_channels_table

    rows = [{"account": "a", "channel": "linkedin", "month": f"2025-0{m}", "visits": 100 * m,
             "leads": m} for m in range(1, 6)]  # fmt: skip
    out = decide_channels_table(pl.DataFrame(rows))
    assert out["customers"].to_list() == [None] and out["p_customers"].to_list() == [None]
    book = tmp_path / "book.csv"
    pl.DataFrame(rows).write_csv(book)
    code, text = run("channels", str(book), "--today", TODAY)
    assert code == 0 and not ZERO.search(text), text
    assert "customers not measured" in text


# -- goalrules' own performance file --------------------------------------------------------------


def test_own_file_blank_or_absent_customers_and_all_errors(tmp_path: Path) -> None:
    from goalrules.io.cells import CellErrors

    f = tmp_path / "performance.csv"
    f.write_text("month,channel,visits,leads\n2025-01,linkedin,100,3\n")
    result = import_exports(f)
    assert [r.customers for r in result.performance] == [None]
    assert any("customers: not in this file" in n for n in result.notes)
    f.write_text(
        "month,channel,visits,leads,customers\n2025-01,linkedin,100,3,\n2025-02,linkedin,9,1,0\n"
    )
    result = import_exports(f, errors="collect")
    assert [r.customers for r in result.performance] == [None, 0.0]
    f.write_text("month,channel,visits,leads,customers\n2025-01,linkedin,,3,\n2025-02,x,1,1,-1\n")
    with pytest.raises(CellErrors) as info:
        import_exports(f, errors="collect")
    cells = {(p.line, p.column) for p in info.value.problems}
    assert cells == {(3, "customers")}  # a blank count (visits, customers) is no error


perf_rows = st.lists(
    st.tuples(
        st.integers(1, 12),
        st.sampled_from(["linkedin", "facebook", "x"]),
        st.sampled_from([None, "organic", "paid"]),
        st.one_of(st.none(), st.integers(0, 10_000)),  # visits, leads: None not measured
        st.one_of(st.none(), st.integers(0, 500)),
        st.one_of(st.none(), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda t: t[:3],
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(perf_rows)
def test_an_imported_performance_file_round_trips_unknown_customers(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[Any, ...]]
) -> None:
    from goalrules.io.exports.rows import ImportResult, PerformanceRow

    rows = tuple(
        PerformanceRow(D(2025, m, 1), ch, med, *(None if x is None else float(x) for x in n))
        for m, ch, med, *n in drawn
    )
    path = tmp_path_factory.mktemp("perf") / "performance.csv"
    path.write_text(ImportResult(performance=rows).performance_csv())
    again = import_exports(path)
    key = lambda r: (r.month, r.channel, r.medium or "")  # noqa: E731
    assert sorted(again.performance, key=key) == sorted(rows, key=key)
    read = {
        (r.month, r.channel, r.medium): (r.visits, r.leads, r.customers)
        for r in load_performance(path)
    }
    assert read == {(r.month, r.channel, r.medium): (r.visits, r.leads, r.customers) for r in rows}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        grs.channel_months(max_visits=500),
        min_size=1,
        max_size=10,
        unique_by=lambda r: (r.channel, r.month),
    )
)  # (a month twice: an error)
def test_the_words_say_not_measured_exactly_when_customers_are_unknown(
    rows: list[gr.ChannelMonth],
) -> None:
    decisions = gr.decide_channels(rows, all_sources=True)
    for d in decisions:
        line = next(r for r in d.reasons if re.match(r"[\d,]+ visits\b", r))
        if d.evidence.customers is None:
            assert "customers not measured" in line and not re.search(r"\d customers?\b", line)
        else:
            n = f"{d.evidence.customers:,.0f}"
            assert re.search(rf"\b{re.escape(n)} customers?\b", line), line
        assert d.to_dict()["evidence"]["customers"] == d.evidence.customers


def test_a_ga4_export_with_purchases_gives_customers_and_a_blank_is_unknown(tmp_path: Path) -> None:
    header = ["Year month", "Session source / medium", "Sessions", "Key events", "Purchases"]
    rows = [header, ["202601", "linkedin / paid_social", "100", "9", "0"],
            ["202602", "linkedin / paid_social", "120", "8", ""],
            ["202602", "facebook / cpc", "90", "3", "2"]]  # fmt: skip
    path = ef.write_csv(tmp_path / "ga4.csv", rows, preamble=["# Traffic acquisition", "#"])
    result = import_exports(path)
    got = {(r.month, r.channel): (r.visits, r.customers) for r in result.performance}
    assert got == {
        (D(2026, 1, 1), "linkedin"): (100.0, 0.0),  # measured: a known 0
        (D(2026, 2, 1), "linkedin"): (120.0, None),  # blank: unknown, its visits kept
        (D(2026, 2, 1), "facebook"): (90.0, 2.0),
    }
    assert any("customers are empty in 1 channel month" in n for n in result.notes)
    assert not any("not in this export" in n for n in result.notes)
