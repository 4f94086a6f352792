from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import statistics
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io import normalize_source
from goalrules.judgments.channels import ChannelDecisions, Portfolio, rank
from goalrules.report import render_channels

MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"]


def guide_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, m in enumerate(MONTHS):
        rows += [
            {
                "channel": "linkedin",
                "month": m,
                "visits": 120 + 5 * i,
                "leads": 10 + i,
                "customers": 2,
            },
            {
                "channel": "facebook",
                "month": m,
                "visits": 2000 + 80 * i,
                "leads": 30,
                "customers": 3,
            },
            {
                "channel": "twitter",
                "month": m,
                "visits": 900 - 100 * i,
                "leads": 8 - 2 * i,
                "customers": 0,
            },
        ]
    return rows


CHANNELS = [
    gr.Channel("linkedin", role="leads", formats_tried=["video", "carousel", "article"]),
    gr.Channel("facebook", role="traffic", formats_tried=["video", "live"]),
    gr.Channel("x", role="traffic", formats_tried=["video", "image"]),
]


def decisions(rows: list[dict[str, object]], **kw: object) -> dict[str, gr.Decision]:
    return {d.channel: d.decision for d in gr.decide_channels(rows, channels=CHANNELS, **kw)}  # type: ignore[arg-type]


def test_the_guides_linkedin_example_is_optimized_never_cut() -> None:
    out = gr.decide_channels(guide_rows(), channels=CHANNELS)
    li = next(d for d in out if d.channel == "linkedin")
    assert li.decision is gr.Decision.OPTIMIZE
    assert any("lead rate 9 % (95 % CI" in r and "the portfolio's" in r for r in li.reasons)


def test_a_traffic_driver_driving_traffic_is_kept() -> None:
    assert decisions(guide_rows())["facebook"] is gr.Decision.KEEP


def test_everything_down_is_cut() -> None:
    assert decisions(guide_rows())["x"] is gr.Decision.CUT


def test_under_the_trial_length_it_is_experiment() -> None:
    short = [r for r in guide_rows() if r["month"] in MONTHS[:2]]
    assert set(decisions(short).values()) == {gr.Decision.EXPERIMENT}


def test_too_few_formats_is_experiment() -> None:
    chans = [gr.Channel("linkedin", role="leads", formats_tried=["video"])]
    out = gr.decide_channels(guide_rows(), channels=chans)
    assert next(d for d in out if d.channel == "linkedin").decision is gr.Decision.EXPERIMENT


def test_params_change_the_trial_length() -> None:
    assert set(decisions(guide_rows(), trial_months=6).values()) == {gr.Decision.EXPERIMENT}


def test_cost_per_lead_and_campaigns() -> None:
    rows = guide_rows()
    for r in rows:
        r["spend"] = 100
        r["campaign"] = "spring" if r["month"] < "2026-03" else "summer"
    out = {d.channel: d for d in gr.decide_channels(rows, channels=CHANNELS)}
    ev = out["linkedin"].evidence
    assert ev.cost_per_lead == pytest.approx(400 / 46)
    assert [c.campaign for c in ev.campaigns] == ["spring", "summer"]
    assert any("cost per lead" in r for r in out["linkedin"].reasons)


def test_data_quality_is_reported_not_dropped() -> None:
    rows = [*guide_rows(), {"channel": "tiktok", "month": "2026-01", "visits": 3, "leads": 5}]
    out = {d.channel: d for d in gr.decide_channels(rows, channels=CHANNELS)}
    assert out["tiktok"].evidence.quality
    assert any("more leads than visits" in r for r in out["tiktok"].reasons)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"channel": "x", "month": "2026-13", "visits": 3}, "month"),
        ({"channel": "x", "month": "2026-01", "visits": -3}, "visits"),
        ({"channel": "x", "month": "2026-01", "visits": "many"}, "visits"),
    ],
)
def test_bad_rows_name_row_and_field(row: dict[str, object], field: str) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.decide_channels([row])
    assert info.value.field == f"[1].{field}"


@pytest.mark.parametrize(
    ("source", "channel"),
    [
        ("fb", "facebook"),
        ("m.facebook.com", "facebook"),
        ("l.facebook.com", "facebook"),
        ("t.co", "x"),
        ("x.com", "x"),
        ("Twitter", "x"),
        ("lnkd.in", "linkedin"),
        ("https://www.linkedin.com/feed/", "linkedin"),
        ("", "(none)"),
        (None, "(none)"),
    ],
)
def test_sources_normalise(source: str | None, channel: str) -> None:
    assert normalize_source(source) == channel


def test_utm_attribution() -> None:
    sessions = [
        {
            "date": "2026-01-03",
            "landing_url": "https://site.com/p?utm_source=fb&utm_medium=social&utm_campaign=spring",
            "lead": "1",
        },
        {"date": "2026-01-04T10:00", "utm_source": "lnkd.in", "customer": "true", "lead": True},
        {"date": "2026-01-09", "referrer": "https://t.co/abc"},
        {"date": "2026-02-01"},
    ]
    rows = {(r.channel, r.month.month, r.campaign): r for r in gr.attribute_sessions(sessions)}
    assert rows[("facebook", 1, "spring")].leads == 1
    assert rows[("linkedin", 1, None)].customers == 1
    assert rows[("x", 1, None)].visits == 1
    assert rows[("(none)", 2, None)].visits == 1


def _shuffle_key(seed: int) -> random.Random:
    return random.Random(seed)


@given(st.integers(0, 10**6))
def test_order_of_rows_changes_nothing(seed: int) -> None:
    rows = guide_rows()
    shuffled = list(rows)
    _shuffle_key(seed).shuffle(shuffled)
    assert decisions(rows) == decisions(shuffled)


def test_aliases_change_nothing() -> None:
    rows = guide_rows()
    renamed = [
        {
            **r,
            "channel": {"twitter": "x", "facebook": "fb", "linkedin": "lnkd.in"}[str(r["channel"])],
        }
        for r in rows
    ]
    assert decisions(rows) == decisions(renamed)


month_counts = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(0, 300), st.integers(0, 50)), min_size=1, max_size=8
)


@given(month_counts, st.sampled_from(["leads", "traffic", "conversions", None]))
def test_under_trial_always_experiment(
    counts: list[tuple[int, int, int]], role: str | None
) -> None:
    counts = counts[:2]
    rows = [
        {
            "channel": "linkedin",
            "month": f"2026-0{i + 1}",
            "visits": v,
            "leads": min(l_, v),
            "customers": min(c, l_),
        }
        for i, (v, l_, c) in enumerate(counts)
    ]
    rows += [{"channel": "facebook", "month": "2026-01", "visits": 100, "leads": 3}]
    out = gr.decide_channels(
        rows, channels=[gr.Channel("linkedin", role=role, formats_tried=["a", "b"])]
    )
    assert all(d.decision is gr.Decision.EXPERIMENT for d in out)


@given(
    month_counts.filter(lambda c: len(c) >= 3),
    st.integers(2, 5),
    st.sampled_from(["leads", "traffic", "conversions"]),
)
def test_more_leads_from_the_same_visits_is_never_closer_to_cut(
    counts: list[tuple[int, int, int]], factor: int, role: str
) -> None:
    # "better in every month": the same visits, more leads and customers each month
    rows = []
    for i, (v, l_, c) in enumerate(counts):
        month = f"2025-{i + 1:02d}"
        worse_leads = min(l_, v // factor)
        worse_customers = min(c, worse_leads)
        rows.append(
            {
                "channel": "worse",
                "month": month,
                "visits": v,
                "leads": worse_leads,
                "customers": worse_customers,
            }
        )
        rows.append(
            {
                "channel": "better",
                "month": month,
                "visits": v,
                "leads": worse_leads * factor,
                "customers": worse_customers * factor,
            }
        )
        rows.append(
            {"channel": "other", "month": month, "visits": 1000, "leads": 20, "customers": 2}
        )
    chans = [
        gr.Channel(n, role=role, formats_tried=["a", "b"]) for n in ("worse", "better", "other")
    ]
    out = {d.channel: d.decision for d in gr.decide_channels(rows, channels=chans)}
    assert rank(out["better"]) <= rank(out["worse"])


def test_monthly_rows_and_sessions_agree() -> None:
    rng = random.Random(5)
    sessions = []
    for month in (1, 2, 3, 4):
        for _ in range(rng.randint(50, 120)):
            src = rng.choice(["fb", "lnkd.in", "t.co"])
            rate = 0.1 if src == "lnkd.in" else 0.02
            day = dt.date(2026, month, rng.randint(1, 28))
            sessions.append({"date": day, "utm_source": src, "lead": rng.random() < rate})
    monthly = gr.attribute_sessions(sessions)
    as_rows = [
        {
            "channel": r.channel,
            "month": r.month,
            "visits": r.visits,
            "leads": r.leads,
            "customers": r.customers,
        }
        for r in monthly
    ]
    assert decisions(as_rows) == {
        d.channel: d.decision for d in gr.decide_channels(monthly, channels=CHANNELS)
    }


# -- the shipped exports: verdicts a marketer would sign ----------------------------------

EXPORTS = Path(__file__).resolve().parents[1] / "examples" / "data" / "exports"
JULY = dt.date(2026, 7, 1)


def ga4_alone() -> ChannelDecisions:
    from goalrules.io.exports import read_performance_file

    rows, _ = read_performance_file(EXPORTS / "ga4-traffic-acquisition.csv", today=JULY)
    return gr.decide_channels(rows, today=JULY)


def funnel() -> ChannelDecisions:
    result = gr.import_exports(
        [EXPORTS / "ga4-traffic-acquisition.csv", EXPORTS / "hubspot-contacts.csv"]
    )
    return gr.decide_channels(result.channel_months(), today=JULY)


def by_name(decided: list[gr.ChannelDecision]) -> dict[str, gr.ChannelDecision]:
    return {d.channel: d for d in decided}


@pytest.mark.parametrize("decide", [ga4_alone, funnel])
def test_search_and_direct_are_context_not_channels(decide: Any) -> None:
    decided = decide()
    names = set(by_name(decided))
    assert names == {
        "facebook", "facebook (organic)", "facebook (paid)", "instagram", "linkedin",
        "linkedin (organic)", "linkedin (paid)", "x",
    }  # fmt: skip
    groups = {c.group: c for c in decided.context}
    assert set(groups) == {"Organic Search", "Direct"}
    assert groups["Organic Search"].sources == ("google",)
    assert groups["Direct"].sources == ("direct",)  # (direct) / (none): never "(none)"
    judged_visits = sum(d.evidence.visits for d in decided if d.medium is None)
    context_visits = sum(c.visits for c in decided.context)
    assert groups["Direct"].visits_share == pytest.approx(
        groups["Direct"].visits / (judged_visits + context_visits)
    )
    assert decided.portfolio is not None
    assert decided.portfolio.visits == judged_visits
    text = render_channels(decided)
    assert "(none)" not in text and "Not judged" in text and "Organic Search (google)" in text


@pytest.mark.parametrize("decide", [ga4_alone, funnel])
def test_linkedin_is_not_reduced_when_its_halves_grow(decide: Any) -> None:
    d = by_name(decide())
    for name in ("linkedin (organic)", "linkedin (paid)"):
        assert rank(d[name].decision) == 0, d[name].reasons
    assert d["linkedin"].decision is gr.Decision.KEEP
    assert d["linkedin"].reasons[0].startswith("Converts credibly above the portfolio")


def test_facebook_is_not_cut_on_rising_leads() -> None:
    d = by_name(ga4_alone())
    fb = d["facebook"]
    assert fb.evidence.leads_trend is not None and fb.evidence.leads_trend > 0
    assert fb.decision is gr.Decision.REDUCE
    assert fb.rule == "reduce.below-portfolio"
    text = " ".join(fb.reasons)
    assert "fulfil" not in text and "no role given" in text
    # (its paid half's visits a day fall 2.4 % a month from February's peak, its leads
    # 0.5 %: declining, and it converts credibly below the portfolio)
    assert "Its halves disagree (organic keep, paid cut)" in fb.reasons[0]
    assert "no spend recorded: the decision ignores cost" in fb.reasons


def test_the_funnel_cuts_only_what_declines_and_converts_below() -> None:
    d = by_name(funnel())
    # both halves declining (their leads a day falling 6.3 % and 4.2 % a month), the paid
    # one converting credibly below: the whole cut, as its paid half
    assert d["facebook"].decision is gr.Decision.CUT and d["facebook"].rule == "cut.declining-below"
    assert d["facebook (organic)"].decision is gr.Decision.REDUCE
    paid = d["facebook (paid)"]
    assert paid.decision is gr.Decision.CUT and paid.rule == "cut.declining-below"
    assert paid.evidence.visits_trend < -0.02 and paid.evidence.leads_trend < 0  # type: ignore[operator]
    assert d["x"].decision is gr.Decision.REDUCE and d["instagram"].decision is gr.Decision.REDUCE


def test_all_sources_judges_search_and_direct() -> None:
    from goalrules.io.exports import read_performance_file

    rows, _ = read_performance_file(EXPORTS / "ga4-traffic-acquisition.csv", today=JULY)
    decided = gr.decide_channels(rows, today=JULY, all_sources=True)
    names = {d.channel for d in decided}
    assert {"google", "direct"} <= names and "(none)" not in names
    assert decided.context == ()
    d = by_name(decided)
    assert d["google"].group == "Organic Search" and d["direct"].group == "Direct"


# -- every reason states a fact that holds ------------------------------------------------

_NUM = r"([+-]?\d+(?:\.\d+)?)"


def _close(text: str, value: float | None, digits: int = 1) -> bool:
    """``text`` (a percentage as shown, rounded to ``digits``) is ``value``."""
    return value is not None and abs(float(text) - value * 100) <= 0.5 * 10**-digits + 1e-9


def _dsl_pct(text: str, value: float | None) -> bool:
    """A DSL percentage (3 significant digits) is ``value``."""
    return value is not None and abs(float(text) / 100 - value) <= max(abs(value) * 6e-3, 1e-6)


def check_reasons(d: gr.ChannelDecision, p: Portfolio) -> None:
    """Each reason's numbers and words against the evidence they came from (a
    network's note on its halves quotes the halves, checked as decisions of their own)."""
    ev = d.evidence
    own = [r for r in d.reasons if r != d.hierarchy]
    text = " ".join(own)
    for line in own:
        m = re.fullmatch(
            rf"lead rate {_NUM} % \(95 % CI {_NUM} %-{_NUM} %\), (credibly above|credibly below|"
            rf"not credibly different from) the portfolio's {_NUM} %",
            line,
        )
        if m:
            assert _close(m[1], ev.lead_rate) and _close(m[2], ev.lead_rate_low)
            assert _close(m[3], ev.lead_rate_high) and _close(m[5], p.lead_rate)
            assert ev.lead_rate_low is not None and ev.lead_rate_high is not None
            assert p.lead_rate is not None
            assert (m[4] == "credibly above") == (ev.lead_rate_low > p.lead_rate), line
            assert (m[4] == "credibly below") == (ev.lead_rate_high < p.lead_rate), line
        m = re.fullmatch(rf"trend a month: visits {_NUM} %, leads {_NUM} %", line)
        if m:
            assert _close(m[1], ev.visits_trend) and _close(m[2], ev.leads_trend), line
    for m in re.finditer(rf"visits {_NUM}% and leads {_NUM}% a month", text):
        assert _dsl_pct(m[1], ev.visits_trend) and _dsl_pct(m[2], ev.leads_trend)
    if "Declining" in text:
        vt, lt = ev.visits_trend, ev.leads_trend
        assert vt is not None and lt is not None
        assert vt <= 0 and lt <= 0 and min(vt, lt) < -0.02, (vt, lt)
    for m in re.finditer(rf"Leads rising {_NUM}% a month", text):
        assert _dsl_pct(m[1], ev.leads_trend) and ev.leads_trend > 0.1  # type: ignore[operator]
    for m in re.finditer(rf"Visits rising {_NUM}% a month", text):
        assert _dsl_pct(m[1], ev.visits_trend) and ev.visits_trend > 0.1  # type: ignore[operator]
    if "Converts credibly below" in text or "converting credibly below" in text:
        assert ev.lead_rate_high is not None and p.lead_rate is not None
        assert ev.lead_rate_high < p.lead_rate
    if "credibly above the portfolio:" in text:
        assert ev.lead_rate_low is not None and p.lead_rate is not None
        assert ev.lead_rate_low > p.lead_rate
    assert ("no role given" in text) == (ev.role is None)
    if ev.role is None:
        assert "its role" not in text.replace("a role", "")
    assert ("It does the job of its role" in text) <= bool(ev.fulfils_role)
    assert ("the decision ignores cost" in text) == (p.spend is None)
    assert bool(re.search(r"cost per lead [\d,.]+ USD", text)) <= bool(ev.spend and ev.leads)


@pytest.mark.parametrize("decide", [ga4_alone, funnel])
def test_the_exports_reasons_hold(decide: Any) -> None:
    decided = decide()
    for d in decided:
        check_reasons(d, d.portfolio)


def _channel_rows(
    name: str, counts: list[tuple[int, int, int]], medium: str | None = None
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, (v, l_, c) in enumerate(counts):
        row: dict[str, object] = {"channel": name, "month": f"2025-{i + 1:02d}", "visits": v,
                                  "leads": min(l_, v), "customers": min(c, l_, v)}  # fmt: skip
        if medium:
            row["medium"] = medium
        rows.append(row)
    return rows


series = st.lists(
    st.tuples(st.integers(0, 4000), st.integers(0, 200), st.integers(0, 30)), min_size=3, max_size=8
)
NAMES = ["linkedin", "facebook", "x", "instagram", "tiktok", "youtube", "pinterest", "acme"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(series, min_size=2, max_size=5),
    st.lists(st.sampled_from([None, "leads", "traffic", "conversions"]), min_size=5, max_size=5),
    st.booleans(),
)
def test_every_reason_holds_over_generated_portfolios(
    portfolio: list[list[tuple[int, int, int]]], roles: list[str | None], spend: bool
) -> None:
    n = min(len(s) for s in portfolio)
    rows = []
    for name, s in zip(NAMES, portfolio, strict=False):
        rows += _channel_rows(name, s[:n])
    if spend:
        for i, r in enumerate(rows):
            r["spend"] = 50 + 37 * (i % 7)
    chans = [gr.Channel(name, role=role, formats_tried=["a", "b"])
             for name, role in zip(NAMES, roles, strict=False)]  # fmt: skip
    for d in gr.decide_channels(rows, channels=chans):
        check_reasons(d, d.portfolio)


# -- neutral defaults --------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 5),
    st.integers(3, 12),
    st.integers(50, 20_000),
    st.floats(0.0, 0.3),
    st.permutations(NAMES),
)
def test_identical_steady_channels_are_all_kept(
    k: int, months: int, visits: int, rate: float, names: list[str]
) -> None:
    leads = int(visits * rate)
    rows = []
    for name in names[:k]:
        rows += _channel_rows(name, [(visits, leads, leads // 10)] * months)
    decided = gr.decide_channels(rows)
    assert {d.decision for d in decided} == {gr.Decision.KEEP}, decided[0].reasons
    assert len({d.reasons for d in decided}) == 1  # identical channels, identical words


@settings(max_examples=40, deadline=None)
@given(st.lists(series, min_size=1, max_size=4), st.integers(300, 5000), st.integers(3, 8))
def test_an_average_steady_channel_with_no_role_and_no_cost_is_kept(
    others: list[list[tuple[int, int, int]]], visits: int, months: int
) -> None:
    rows: list[dict[str, object]] = []
    for name, s in zip(NAMES[1:], others, strict=False):
        rows += _channel_rows(name, (s * months)[:months])
    total_v = sum(float(r["visits"]) for r in rows)  # type: ignore[arg-type]
    total_l = sum(float(r["leads"]) for r in rows)  # type: ignore[arg-type]
    rate = total_l / total_v if total_v else 0.05
    # the average channel: the portfolio's own lead rate, the same visits every month
    rows += [{"channel": "linkedin", "month": f"2025-{i + 1:02d}", "visits": visits,
              "leads": visits * rate, "customers": 0} for i in range(months)]  # fmt: skip
    d = by_name(gr.decide_channels(rows))["linkedin"]
    assert d.decision is gr.Decision.KEEP, d.reasons


@settings(max_examples=30, deadline=None)
@given(st.lists(series, min_size=2, max_size=5), st.permutations(NAMES), st.randoms())
def test_renaming_or_reordering_channels_changes_nothing(
    portfolio: list[list[tuple[int, int, int]]], names: list[str], rnd: random.Random
) -> None:
    n = min(len(s) for s in portfolio)
    rows = []
    for name, s in zip(NAMES, portfolio, strict=False):
        rows += _channel_rows(name, s[:n])
    rename = dict(zip(NAMES, names, strict=True))
    renamed = [{**r, "channel": rename[str(r["channel"])]} for r in rows]
    rnd.shuffle(renamed)
    before = {d.channel: (d.decision, d.reasons) for d in gr.decide_channels(rows)}
    after = {d.channel: (d.decision, d.reasons) for d in gr.decide_channels(renamed)}
    assert {rename[c]: v for c, v in before.items()} == after


# -- a network and its halves -------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(series, series, st.lists(series, min_size=1, max_size=3))
def test_a_network_goes_the_way_both_its_halves_go(
    organic: list[tuple[int, int, int]],
    paid: list[tuple[int, int, int]],
    others: list[list[tuple[int, int, int]]],
) -> None:
    n = min(len(organic), len(paid), *(len(o) for o in others))
    rows = _channel_rows("linkedin", organic[:n], "organic")
    rows += _channel_rows("linkedin", paid[:n], "paid_social")
    for name, s in zip(NAMES[1:], others, strict=False):
        rows += _channel_rows(name, s[:n])
    d = by_name(gr.decide_channels(rows))
    halves = [d["linkedin (organic)"], d["linkedin (paid)"]]
    whole = d["linkedin"]
    if all(rank(h.decision) == 0 for h in halves):
        assert rank(whole.decision) == 0, [h.decision for h in halves]
    if all(rank(h.decision) > 0 for h in halves):
        assert rank(whole.decision) > 0, [h.decision for h in halves]
    if halves[0].decision != halves[1].decision:
        assert whole.reasons[0].startswith(("Its halves disagree", "Both its halves"))
    # the words agree with the decision: what the rules would say of the network taken
    # whole, when its halves overrule it, is quoted in the note, never given as advice
    decided = whole.decided_by
    alone = decided.decision if decided is not None and decided.decision else "keep"
    if alone != whole.decision.value:
        assert whole.hierarchy is not None and whole.reasons[0] == whole.hierarchy
        assert decided is None or decided.message not in whole.reasons[1:]
        assert not any(r.startswith("No rule of the ruleset decided") for r in whole.reasons)


# -- costs -------------------------------------------------------------------------------


def test_costs_inform_reduce_and_cut() -> None:
    declining = [(1000 - 100 * i, 10 - i, 1) for i in range(6)]
    steady = [(2000, 80, 8)] * 6
    rows = _channel_rows("x", declining) + _channel_rows("linkedin", steady)
    assert by_name(gr.decide_channels(rows))["x"].decision is gr.Decision.CUT
    cheap = [{**r, "spend": 10 if r["channel"] == "x" else 800} for r in rows]
    x = by_name(gr.decide_channels(cheap))["x"]
    assert x.decision is gr.Decision.REDUCE and x.rule == "reduce.declining-not-costly"
    assert any(r.startswith("spend 60.00 USD, cost per lead") for r in x.reasons)
    assert any("per customer 10.00 USD" in r for r in x.reasons)
    costly = [{**r, "spend": 900 if r["channel"] == "x" else 100} for r in rows]
    assert by_name(gr.decide_channels(costly))["x"].decision is gr.Decision.CUT
    li = by_name(gr.decide_channels(costly))["linkedin"]
    assert li.evidence.cost_per_customer == pytest.approx(600 / 48)
    assert (
        "no spend recorded: the decision ignores cost"
        in by_name(gr.decide_channels(rows))["x"].reasons
    )


# -- source classification ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "medium", "group", "judged"),
    [
        ("l.facebook.com", "referral", "Organic Social", True),
        ("lnkd.in", None, "Organic Social", True),
        ("t.co", "referral", "Organic Social", True),
        ("facebook", "paid_social", "Paid Social", True),
        ("linkedin", "cpc", "Paid Social", True),
        ("google", "organic", "Organic Search", False),
        ("bing", "cpc", "Paid Search", False),
        ("(direct)", "(none)", "Direct", False),
        ("(none)", "organic", "Direct", False),
        ("chatgpt.com", "referral", "AI assistants", False),
        ("perplexity", None, "AI assistants", False),
        ("newsletter", "email", "Email", False),
        ("news.example.com", "referral", "Referral", False),
        ("youtube", "organic", "Organic Video", True),
        ("partner-blog", None, "Unassigned", True),
    ],
)
def test_sources_are_grouped_as_ga4_does(
    source: str, medium: str | None, group: str, judged: bool
) -> None:
    from goalrules.judgments.sources import classify_source

    g = classify_source(source, medium)
    assert (g.name, g.judged) == (group, judged)


def test_a_plugin_judges_a_source_goalrules_shows_as_context() -> None:
    from goalrules import plugins

    class Plugin:
        @plugins.hookimpl
        def goalrules_source_groups(self) -> str:
            return '[[group]]\nname = "Search we run"\njudged = true\nsource = "google"\n'

    rows = _channel_rows("google", [(1000, 30, 3)] * 4) + _channel_rows("x", [(900, 20, 1)] * 4)
    assert {d.channel for d in gr.decide_channels(rows)} == {"x"}
    plugin = Plugin()
    plugins.register(plugin)
    try:
        decided = gr.decide_channels(rows)
        assert {d.channel for d in decided} == {"google", "x"}
        assert by_name(decided)["google"].group == "Search we run"
    finally:
        plugins.unregister(plugin)
    assert {d.channel for d in gr.decide_channels(rows)} == {"x"}


def test_a_channel_given_a_role_is_judged_whatever_its_group() -> None:
    rows = _channel_rows("google", [(1000, 30, 3)] * 4) + _channel_rows("x", [(900, 20, 1)] * 4)
    decided = gr.decide_channels(rows, channels=[gr.Channel("google", role="traffic")])
    assert {d.channel for d in decided} == {"google", "x"}


def test_a_bad_source_group_table_is_an_error() -> None:
    from goalrules.judgments.sources import _read

    with pytest.raises(gr.GoalRulesError, match="group 1: not a regular expression"):
        _read('[[group]]\nname = "A"\nsource = "(("\n')
    with pytest.raises(gr.GoalRulesError, match="unknown key colour"):
        _read('[[group]]\nname = "A"\ncolour = "red"\n')


# -- the shipped rules --------------------------------------------------------------------


def test_no_shipped_channel_rule_is_always_true() -> None:
    from importlib import resources

    from goalrules.engine.rule_tests import run_rule_tests

    rules = resources.files("goalrules").joinpath("rules")
    run = run_rule_tests([str(rules / "channels.test.rules")])
    assert run.exit_code == 0, run.text()
    (cov,) = run.coverage
    assert cov.constant == () and cov.unexercised == (), run.text()
    text = (rules / "channels.rules").read_text("utf-8")
    assert not re.search(r"check\s+true\b", text)


def test_a_network_whose_halves_grow_is_not_reduced_and_says_what_whole_would_be() -> None:
    organic = [(2199 + 32 * i, 16 + 3 * i, 0) for i in range(6)]
    paid = [(941 - 86 * i, 54 + 2 * i, 0) for i in range(6)]
    rows = _channel_rows("linkedin", organic, "organic")
    rows += _channel_rows("linkedin", paid, "paid_social")
    rows += _channel_rows("facebook", [(1593 + 41 * i, 72 - 2 * i, 0) for i in range(6)])
    d = by_name(gr.decide_channels(rows))
    assert d["linkedin (organic)"].decision is gr.Decision.OPTIMIZE
    assert d["linkedin (paid)"].decision is gr.Decision.KEEP
    whole = d["linkedin"]
    assert whole.decision is gr.Decision.OPTIMIZE  # the larger half's
    assert whole.reasons[0].startswith(
        "Both its halves are worth investing in (organic optimize, paid keep): the network is "
        "not told to reduce as a whole"
    )
    assert "Taken whole, the rules would say reduce: Converts credibly below" in whole.reasons[0]
    assert whole.rule == "reduce.below-portfolio"  # the rule that would have decided alone


def test_a_small_book_without_polars_names_the_account_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    from goalrules.cli import main

    lines = ["account,channel,month,visits,leads,customers"]
    lines += [f"a{i % 2},linkedin,2025-{i // 2 % 12 + 1:02d},100,3,0" for i in range(52)]
    path = tmp_path / "book.csv"
    path.write_text("\n".join(lines) + "\n")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "polars" else real(name, *a)
    )
    assert main(["channels", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'account' column" in err and "large tables" not in err


def test_a_channel_given_a_role_but_no_formats_is_not_held_in_trial() -> None:
    rows = _channel_rows("x", [(900, 20, 1)] * 4) + _channel_rows("linkedin", [(900, 40, 4)] * 4)
    d = by_name(gr.decide_channels(rows, channels=[gr.Channel("x", role="traffic")]))["x"]
    assert d.decision is not gr.Decision.EXPERIMENT
    assert "formats tried: not given (the trial counts months only)" in d.reasons
    assert d.report.finding("experiment.formats").outcome == "unknown"


# -- the exact Theil-Sen slope past EXACT_POINTS -----------------------------------------


def _all_slopes(xs: list[float], ys: list[float]) -> list[float]:
    return sorted(
        (y2 - y1) / (x2 - x1)
        for (x1, y1), (x2, y2) in itertools.combinations(zip(xs, ys, strict=True), 2)
        if x2 != x1
    )


@settings(max_examples=12, deadline=None)
@given(
    st.integers(257, 420),
    st.sampled_from(["months", "repeated x", "floats"]),
    st.integers(0, 10**6),
)
def test_theil_sen_past_the_listed_size_is_the_exact_median(n: int, kind: str, seed: int) -> None:
    from goalrules.judgments.stats import EXACT_POINTS, select_slope, theil_sen

    assert n > EXACT_POINTS
    rnd = random.Random(seed)
    if kind == "months":
        xs = [float(i) for i in range(n)]
        ys = [float(rnd.randint(0, 20)) for _ in xs]  # many tied slopes
    elif kind == "repeated x":
        xs = [float(rnd.randint(0, 40)) for _ in range(n)]
        ys = [float(rnd.randint(0, 4)) for _ in range(n)]  # equal points, equal x
    else:
        xs = [rnd.uniform(0, 100) for _ in range(n)]
        ys = [0.3 * x + rnd.gauss(0, 1) for x in xs]
    slopes = _all_slopes(xs, ys)
    assert theil_sen(xs, ys) == pytest.approx(statistics.median(slopes), rel=1e-12, abs=1e-12)
    ranks = sorted({0, len(slopes) // 3, len(slopes) - 1})
    assert select_slope(xs, ys, ranks) == pytest.approx([slopes[k] for k in ranks], abs=1e-12)
