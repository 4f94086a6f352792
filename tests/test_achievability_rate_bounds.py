"""Rates have bounds, and no number shown passes them. An engagement rate, a
click-through rate or a conversion rate (counts over counts) is never below zero:
falling to 0 % it read "The forecast puts it at about -1.07 % by then (80 % range
-1.43 % to -0.952 %)". NPS runs from -100 to 100 points, and a plain number is points:
"NPS 90" read 9,000 percentage points ("needs 497 percentage_points a month ... under
1 %")."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.metrics import catalog

TODAY = dt.date(2026, 1, 31)
JUDGED = {gr.Verdict.ACHIEVABLE, gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC}


def monthly(values: list[float]) -> list[tuple[dt.date, float]]:
    first = add_months(TODAY, 1 - len(values))
    return [(month_end(add_months(first, i)), v) for i, v in enumerate(values)]


def goal(metric: str, target: str, deadline: str = "2026-07-31") -> gr.Goal:
    return gr.Goal("g", metric=metric, target=target, start=TODAY, deadline=deadline)


def test_an_engagement_rate_falling_to_zero_is_no_negative_forecast() -> None:
    falling = monthly([3.0, 2.8, 2.5, 2.2, 2.0, 1.7, 1.5, 1.2, 1.0, 0.7, 0.5, 0.2, 0.0])
    a = gr.assess_achievability(goal("engagement_rate_by_reach", "2 %"), falling, today=TODAY)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "runs below zero by the deadline" in a.explanation
    assert "cannot be negative" in a.explanation


def test_which_rates_are_never_negative() -> None:
    for key in ("engagement_rate_by_reach", "click_through_rate", "conversion_rate", "csat"):
        assert catalog[key].never_negative, key
    for key in ("audience_growth_rate", "nps", "new_followers"):  # net changes may be
        assert not catalog[key].never_negative, key


def test_a_plain_nps_target_is_points() -> None:
    rising = monthly([-20, -10, 0, 5, 10, 20, 25, 30, 35, 40, 45, 50, 55])
    a = gr.assess_achievability(goal("nps", "90", "2027-07-31"), rising, today=TODAY)
    assert a.target_value == 90.0 and a.verdict in JUDGED
    assert "Reaching 90 points by 2027-07-31" in a.explanation
    assert "9,000" not in a.explanation and "percentage_point" not in a.explanation
    past = gr.assess_achievability(goal("nps", "120", "2027-07-31"), rising, today=TODAY)
    assert past.verdict is gr.Verdict.INSUFFICIENT_DATA and past.probability is None
    assert "past 100 points" in past.explanation


@settings(max_examples=50, deadline=None)
@given(
    metric=st.sampled_from(["engagement_rate_by_reach", "click_through_rate", "conversion_rate"]),
    start=st.floats(0.0, 10.0),
    steps=st.lists(st.floats(-1.0, 1.0), min_size=4, max_size=15),
    target=st.floats(0.1, 20.0),
)
def test_no_number_shown_for_a_rate_of_counts_is_negative(
    metric: str, start: float, steps: list[float], target: float
) -> None:
    values = [start]
    for step in steps:
        values.append(max(0.0, values[-1] + step))
    a = gr.assess_achievability(goal(metric, f"{target:.2f} %"), monthly(values), today=TODAY)
    shown = [a.projected_value, a.suggested_value, a.carried_value]
    if a.forecast is not None:
        shown += [a.forecast["low"], a.forecast["median"], a.forecast["high"]]
    assert all(v is None or v >= 0.0 for v in shown)


def test_a_straight_line_past_the_target_says_how_far_it_may_move_back() -> None:
    """It read "Reaching 1 % by 2026-07-31 needs -0.875 % a month" for a rate at 6.25 %."""
    history = monthly([0.0, 0.0, 0.0, 0.0, 6.25])
    a = gr.assess_achievability(goal("engagement_rate_by_reach", "1 %"), history, today=TODAY)
    assert "needs -" not in a.explanation
    assert (
        "That is past the target of 1 % already: it would still meet it by 2026-07-31 if it "
        "fell by up to 0.875 % a month." in a.explanation
    )
    times = monthly([5.0, 0.0, 3.0, 0.0, 2.0, 0.0, 1.0])  # hours to a first reply
    b = gr.assess_achievability(goal("first_response_time", "0.5 hours"), times, today=TODAY)
    assert "needs a fall of 0.0833 hours a month" in b.explanation
