"""A forecast whose central 80 % range spans more than a hundredfold says nothing of
where the metric will be. Three months of leads, 10, 50 and 20, read "The forecast puts
it at about 20 leads a month by then (80 % range 0 to 14,537,936 leads a month) ...
Chance of reaching the target: 45 % (stretch)"; on the held-out half of the public
social-like series such goals came true 27 % of the time against a mean chance of 44 %.
Such a goal is ``insufficient_data`` now, and the reason gives the range."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 11, 3)
JUDGED = {gr.Verdict.ACHIEVABLE, gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC}


def history(values: list[int]) -> list[tuple[D, float]]:
    first = add_months(D(2026, 10, 1), 1 - len(values))  # the last month: October 2026
    return [(month_end(add_months(first, i)), float(v)) for i, v in enumerate(values)]


def judge(values: list[int], target: str, metric: str = "leads") -> gr.Achievability:
    goal = gr.Goal("g", metric=metric, target=target, deadline="2027-04-30")
    return gr.assess_achievability(goal, history(values), today=TODAY)


def test_three_months_that_swing_fivefold_cannot_tell() -> None:
    a = judge([10, 50, 20], "40 leads a month")
    # it read "80 % range 0 to 14,537,936 leads a month" and a 45 % chance (stretch)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert a.forecast is None and a.suggested_target is None
    assert "cannot tell where leads will be by 2027-04-30" in a.explanation
    assert "14,537,936 leads a month, more than a hundredfold" in a.explanation
    assert a.to_dict()["probability"] is None
    # what the goal's progress is read from is kept; SMART's fix is more months, not "at
    # least three months" of a history that has them
    assert a.current_value == 20.0 and a.target_value == 40.0
    assert a.remedy.startswith("Track leads a few more months")


def test_a_change_from_a_later_start_that_cannot_be_told() -> None:
    goal = gr.Goal("g", metric="leads", target="+50%", start="2027-01-01",
                   deadline="2027-06-30")  # fmt: skip
    a = gr.assess_achievability(goal, history([10, 50, 20]), today=TODAY)
    # it read "80 % range -100 % to +22,413,012.8 %" and a 47 % chance (stretch)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert a.from_start is not None and not a.from_start.judged
    assert "range of the change from 2027-01-01 runs from -100 % to +22,413,012.8 %" in (
        a.explanation
    )


def test_steadier_months_and_smooth_counts_are_judged() -> None:
    leads = judge([22, 26, 24, 28], "40 leads a month")
    assert leads.verdict in JUDGED and leads.forecast is not None
    followers = judge([1000, 1060, 1120], "1,300 followers", metric="followers")
    assert followers.verdict in JUDGED


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(1, 300), min_size=3, max_size=6),
    st.sampled_from([0.8, 1.2, 2.0, 4.0]),
    st.sampled_from([0.9, 1.5, 3.0]),
)
def test_a_chance_is_given_only_beside_a_range_of_a_hundredfold_or_less(
    values: list[int], ratio: float, raise_by: float
) -> None:
    target = values[-1] * ratio
    a = judge(values, f"{target:.2f} leads a month")
    if a.verdict in JUDGED:
        assert a.forecast is not None and a.forecast["high"] <= 100 * a.forecast["low"]
    # the range does not depend on the target: a higher one is judged or not alike
    b = judge(values, f"{target * raise_by:.2f} leads a month")
    assert (a.verdict in JUDGED) is (b.verdict in JUDGED)
    if a.verdict in JUDGED and b.verdict in JUDGED:
        assert a.probability is not None and b.probability is not None
        if raise_by > 1:
            assert b.probability <= a.probability + 1e-12
