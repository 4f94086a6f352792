"""A count's history given in thousands ("followers (k)": 12.1, 12.5, ...) is not judged
as followers: read so, 14.1 followers "needs 217 % a month" to reach 15,000 and the goal
read as unrealistic, under 1 %. A count is whole by nature: a history of a count whose
values are not whole numbers, under a target at least a hundred times its latest value,
is ``insufficient_data``, with the reason; the same history in followers is judged."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
# the first months of a public star count (GHSTARS:jwasham/coding-interview-university,
# from 2021-04), as a spreadsheet in thousands would hold them
STARS = [166019, 173552, 183059, 188785, 190594, 193825]


FIRST = D(2021, 4, 1)


def history(values: list[float]) -> list[tuple[D, float]]:
    return [(month_end(add_months(FIRST, i)), v) for i, v in enumerate(values)]


def goal(target: str) -> gr.Goal:
    return gr.Goal("stars", metric="followers", target=target, start="2021-10-01",
                   deadline="2022-03-31")  # fmt: skip


def test_a_history_in_thousands_is_not_judged_as_followers() -> None:
    thousands = [round(v / 1000, 1) for v in STARS]  # 166.0, 173.6, ..., 193.8
    a = gr.assess_achievability(goal("210,000 followers"), history(thousands),
                                today=D(2021, 10, 5))  # fmt: skip
    # it read "unrealistic", a chance under 1 %: "needs growth of 102 % a month"
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert a.forecast is None and a.suggested_target is None
    assert "not whole counts" in a.explanation and "in thousands" in a.explanation
    assert "1,084 times the latest month's (193.8 in 2021-09)" in a.explanation
    assert "193,800 followers" in a.explanation
    data = a.to_dict()
    assert data["verdict"] == "insufficient_data" and data["probability"] is None
    # the same history in followers is judged, and what happened bears it out: the
    # count reached 210,702 in 2022-02, before the deadline
    judged = gr.assess_achievability(goal("210,000 followers"), history(STARS),
                                     today=D(2021, 10, 5))  # fmt: skip
    assert judged.verdict is gr.Verdict.ACHIEVABLE and judged.probability is not None


def test_whole_counts_far_below_the_target_are_judged_as_written() -> None:
    # a young account of 40 followers aiming at 10,000: unlikely, and said so
    small = history([22, 26, 31, 35, 38, 40])
    a = gr.assess_achievability(goal("10,000 followers"), small, today=D(2021, 10, 5))
    assert a.verdict is gr.Verdict.UNREALISTIC


def test_a_near_target_of_a_fractional_history_is_judged() -> None:
    # averaged counts (1,203.5) beside a target of the same size: nothing to doubt
    a = gr.assess_achievability(goal("1,400 followers"),
                                history([1150.5, 1162.0, 1171.5, 1180.0, 1192.5, 1203.5]),
                                today=D(2021, 10, 5))  # fmt: skip
    assert a.verdict is not gr.Verdict.INSUFFICIENT_DATA and a.probability is not None


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(2_000, 900_000), min_size=4, max_size=8),
    st.sampled_from([1.02, 1.1, 1.3, 2.0]),
)
def test_thousands_never_get_a_chance_and_followers_always_do(
    counts: list[int], factor: float
) -> None:
    target = f"{round(counts[-1] * factor):d} followers"
    today = D(2021, 12, 5)  # after the history's last month
    as_written = gr.assess_achievability(goal(target), history([float(c) for c in counts]),
                                         today=today)  # fmt: skip
    # (whole counts are never taken for thousands; a history that jumps sixfold in a
    # month may still be too wild to tell, and says so)
    assert "in thousands" not in as_written.explanation
    assert as_written.probability is not None or "hundredfold" in as_written.explanation
    scaled = [c / 1000 for c in counts]
    if all(float(v).is_integer() for v in scaled):
        return  # whole thousands: nothing tells them from a small account's counts
    in_thousands = gr.assess_achievability(goal(target), history(scaled), today=today)
    assert in_thousands.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert in_thousands.probability is None and "in thousands" in in_thousands.explanation


def test_a_flow_in_thousands_under_a_yearly_total() -> None:
    visits = history([11.2, 11.8, 12.4, 12.9, 13.1, 13.6])  # thousands of visits a month
    g = gr.Goal("v", metric="visits", target="150,000 visits", start="2021-10-01",
                deadline="2022-09-30")  # fmt: skip
    a = gr.assess_achievability(g, visits, today=D(2021, 10, 5), cumulative=True)
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and "in thousands" in a.explanation
    whole = history([11200, 11800, 12400, 12900, 13100, 13600])
    b = gr.assess_achievability(g, whole, today=D(2021, 10, 5), cumulative=True)
    assert b.verdict is not gr.Verdict.INSUFFICIENT_DATA and b.probability is not None
