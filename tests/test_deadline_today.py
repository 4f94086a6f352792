"""A goal judged on its deadline's day, the history holding the value on it (the day's
count of followers, the month's leads): the outcome is known, as it is the day after.
Before, 13 months of followers short of the target on the deadline read "Only 13
monthly observations over 12.0 months: too little history to judge"
(``insufficient_data``), and the next day ``expired``."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

DEADLINE = dt.date(2026, 1, 31)
DAY_AFTER = DEADLINE + dt.timedelta(days=1)


def monthly(values: list[float], last: dt.date = DEADLINE) -> list[tuple[dt.date, float]]:
    first = add_months(last, 1 - len(values))
    return [(month_end(add_months(first, i)), v) for i, v in enumerate(values)]


def followers(target: str, deadline: dt.date = DEADLINE) -> gr.Goal:
    return gr.Goal("f", metric="followers", target=target, start="2025-06-30",
                   deadline=deadline)  # fmt: skip


def test_followers_short_of_the_target_on_the_deadline_day_expire() -> None:
    history = monthly([round(1000 * 1.03**i) for i in range(13)])  # 1,426 on 31 January
    a = gr.assess_achievability(followers("1,500 followers"), history, today=DEADLINE)
    assert a.verdict is gr.Verdict.EXPIRED
    assert "too little history" not in a.explanation
    assert "The deadline (2026-01-31) is today, and that is short of 1,500 followers" in (
        a.explanation
    )
    assert a.probability is None and a.months_left == 0
    after = gr.assess_achievability(followers("1,500 followers"), history, today=DAY_AFTER)
    assert after.verdict is gr.Verdict.EXPIRED and "has passed" in after.explanation


def test_a_target_met_on_the_deadline_day_is_achieved_by_it() -> None:
    history = monthly([round(1000 * 1.03**i) for i in range(13)])
    a = gr.assess_achievability(followers("1,400 followers"), history, today=DEADLINE)
    assert a.verdict is gr.Verdict.ACHIEVED
    assert "by the deadline (2026-01-31)" in a.explanation


def test_a_month_of_leads_complete_on_the_deadline_day() -> None:
    history = monthly([round(100 * 1.03**i) for i in range(13)])  # 143 leads in January
    level = gr.Goal("l", metric="leads", target="200 leads a month", start="2025-06-30",
                    deadline=DEADLINE)  # fmt: skip
    a = gr.assess_achievability(level, history, today=DEADLINE)
    assert a.verdict is gr.Verdict.EXPIRED
    assert "is today, and that is short of 200 leads a month" in a.explanation
    met = gr.assess_achievability(
        gr.Goal("l", metric="leads", target="140 leads a month", start="2025-06-30",
                deadline=DEADLINE), history, today=DEADLINE)  # fmt: skip
    assert met.verdict is gr.Verdict.ACHIEVED  # the month is over: its level stands
    total = gr.Goal("t", metric="leads", target="2,000 leads", start="2025-02-01",
                    deadline=DEADLINE)  # fmt: skip
    t = gr.assess_achievability(total, history, today=DEADLINE, cumulative=True)
    assert t.verdict is gr.Verdict.EXPIRED and "too little history" not in t.explanation


def test_a_count_older_than_the_deadline_day_is_still_forecast() -> None:
    history = monthly([round(1000 * 1.03**i) for i in range(13)], last=dt.date(2025, 12, 31))
    a = gr.assess_achievability(followers("1,500 followers"), history, today=DEADLINE)
    assert a.verdict in {gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC, gr.Verdict.ACHIEVABLE}
    assert a.probability is not None


@settings(max_examples=40, deadline=None)
@given(
    growth=st.floats(-0.05, 0.08),
    months=st.integers(3, 24),
    share=st.floats(0.5, 1.5),
    kind=st.sampled_from(["followers", "leads"]),
)
def test_the_deadline_day_reads_as_the_day_after(
    growth: float, months: int, share: float, kind: str
) -> None:
    """With the value on the deadline in the history, the deadline's day and the day
    after give one verdict, achieved or expired, never a lack of history."""
    history = monthly([round(1000 * (1 + growth) ** i) for i in range(months)])
    target = max(1, round(history[-1][1] * share))
    unit = "followers" if kind == "followers" else "leads a month"
    goal = gr.Goal("g", metric=kind, target=f"{target} {unit}", start=history[0][0],
                   deadline=DEADLINE)  # fmt: skip
    on_it = gr.assess_achievability(goal, history, today=DEADLINE)
    after = gr.assess_achievability(goal, history, today=DAY_AFTER)
    assert on_it.verdict is after.verdict
    assert on_it.verdict in {gr.Verdict.ACHIEVED, gr.Verdict.EXPIRED}
    assert (on_it.verdict is gr.Verdict.ACHIEVED) == (history[-1][1] >= target)


def test_a_review_on_the_deadline_day_reads_the_target_not_the_path_tolerance() -> None:
    """1,426 followers on the deadline, short of 1,500: within 5 % of the path's end, the
    review read "on track" that day and "behind" the next."""
    from goalrules.judgments.review import review_goal

    history = gr.MetricSeries(
        "followers", points=monthly([round(1000 * 1.03**i) for i in range(13)])
    )
    goal = followers("1,500 followers")
    paces = []
    for today in (DEADLINE, DAY_AFTER):
        a = gr.assess_achievability(goal, history, today=today)
        paces.append(review_goal(goal, history, a, today).pace)
    assert paces == ["behind", "behind"]
