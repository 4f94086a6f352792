from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.metrics import formula_names
from goalrules.units import unit_info

DOMAIN_TABLE = {
    "brand_awareness": {
        "post_reach",
        "impressions",
        "followers",
        "audience_growth_rate",
        "potential_reach",
        "share_of_voice",
        "video_views",
    },
    "reputation": {"sentiment_score", "share_of_voice", "nps"},
    "traffic": {"visits", "click_through_rate", "bounce_rate", "share_of_traffic"},
    "engagement": {
        "engagement_rate_by_reach",
        "post_engagement_rate",
        "daily_engagement_rate",
        "amplification_rate",
        "virality_rate",
        "engagements",
    },
    "community": {"followers", "active_members", "comments", "user_generated_posts"},
    "conversions": {
        "conversions",
        "conversion_rate",
        "social_conversion_rate",
        "revenue",
        "return_on_ad_spend",
        "cost_per_acquisition",
    },
    "leads": {"leads", "leads_per_platform", "lead_conversion_rate", "cost_per_lead"},
    "customer_service": {"average_response_time", "first_response_time", "resolution_rate", "csat"},
    "social_listening": {"mentions", "sentiment_score", "share_of_voice"},
    "press_mentions": {"press_mentions"},
    "recruiting": {"applications", "hires", "source_of_hire_share"},
}


@pytest.mark.parametrize("objective", sorted(DOMAIN_TABLE))
def test_objective_table(objective: str) -> None:
    assert DOMAIN_TABLE[objective] <= set(gr.metrics_for(objective))


@given(st.sampled_from(sorted(gr.catalog)))
def test_every_formula_refers_to_catalog_metrics_with_fitting_units(key: str) -> None:
    m = gr.catalog[key]
    for name in m.inputs():
        assert name in gr.catalog
    m.check_formula()
    assert unit_info(m.unit).key == m.dimension


@given(st.sampled_from(sorted(gr.catalog)))
def test_aliases_resolve_to_their_metric(key: str) -> None:
    m = gr.catalog[key]
    for alias in m.aliases:
        assert gr.catalog[alias].key == key or alias in gr.catalog


def test_lower_is_better_metrics() -> None:
    for key in ("bounce_rate", "average_response_time", "cost_per_lead"):
        assert gr.catalog[key].direction is gr.Direction.LOWER


def test_kinds() -> None:
    assert gr.catalog["followers"].kind is gr.MetricKind.STOCK
    assert gr.catalog["visits"].kind is gr.MetricKind.FLOW
    assert gr.catalog["click_through_rate"].kind is gr.MetricKind.RATIO


def test_unknown_metric() -> None:
    with pytest.raises(gr.UnknownMetricError) as info:
        gr.catalog["folowers"]
    assert "followers" in info.value.suggestions
    with pytest.raises(KeyError):
        gr.catalog["nope"]
    assert "folowers" not in gr.catalog
    assert gr.catalog.get("nope") is None


def test_aliases() -> None:
    assert gr.catalog["CTR"].key == "click_through_rate"
    assert gr.catalog["engagement rate"].key == "engagement_rate_by_reach"


def test_catalog_is_read_only() -> None:
    with pytest.raises(TypeError):
        gr.catalog["x"] = gr.catalog["followers"]  # type: ignore[index]


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_compute_share_of_voice(brand: int, other: int) -> None:
    v = gr.catalog["share_of_voice"].compute({"mentions": brand, "competitor_mentions": other})
    assert v == pytest.approx(100 * brand / (brand + other))


def test_compute_needs_inputs() -> None:
    with pytest.raises(gr.GoalRulesError, match="needs"):
        gr.catalog["click_through_rate"].compute({"clicks": 1})
    with pytest.raises(gr.GoalRulesError, match="zero"):
        gr.catalog["click_through_rate"].compute({"clicks": 1, "impressions": 0})


def test_formula_names() -> None:
    assert formula_names("mentions / (mentions + competitor_mentions)") == (
        "mentions",
        "competitor_mentions",
    )


@pytest.mark.parametrize(
    ("channel", "objective", "fits"),
    [
        ("linkedin", "leads", True),
        ("LinkedIn", "recruiting", True),
        ("tiktok", "brand_awareness", True),
        ("tiktok", "customer_service", False),
        ("twitter", "customer_service", True),
        ("fb", "community", True),
        ("youtube", "leads", False),
        ("pinterest", "conversions", True),
        ("newnet", "leads", None),
    ],
)
def test_platform_fit(channel: str, objective: str, fits: bool | None) -> None:
    assert gr.channel_fits(channel, objective) is fits


@given(st.floats(0.01, 1e7), st.integers(1, 10**9))
@example(spend=0.96875, impressions=2)  # a CPM of 484.375: three decimals
def test_a_cost_per_mille_is_a_price_per_thousand_impressions(
    spend: float, impressions: int
) -> None:
    # "CPM $8" is 8 USD a thousand impressions, 0.008 USD an impression: its unit says so,
    # and the formula gives the figure ad platforms report
    from goalrules.units import quantity

    catalog = gr.catalog
    cpm = catalog["cpm"].compute({"spend": spend, "impressions": impressions})
    assert cpm == pytest.approx(1000 * spend / impressions, rel=1e-12)
    # (the number given as a number: its text, "484.375 USD / ...", is refused as
    # ambiguous, 484,375 with '.' between thousands or 484.375)
    per_impression = quantity(cpm, catalog["cpm"].unit).to("USD / impression")
    assert per_impression.magnitude == pytest.approx(spend / impressions, rel=1e-12)
