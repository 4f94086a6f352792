from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io import normalize_source
from goalrules.judgments.channels import rank

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
    assert any("lead rate 9 % (95 % CI" in r and "vs portfolio" in r for r in li.reasons)


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
