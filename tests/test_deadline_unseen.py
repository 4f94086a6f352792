"""A deadline that has passed after the history's end: the value by the deadline was
never seen, so the goal is neither ``expired`` nor confidently ``achieved`` (unless the
value seen before the deadline already met the target). It is judged on the forecast at
the deadline and says so; before, the text said "The deadline has passed, short of
1,300 followers" beside a JSON chance of 70 % and a median of 1,325."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

JUDGED = {gr.Verdict.ACHIEVABLE, gr.Verdict.STRETCH, gr.Verdict.UNREALISTIC}


def monthly(first: dt.date, values: list[float]) -> list[tuple[dt.date, float]]:
    return [(month_end(add_months(first, i)), v) for i, v in enumerate(values)]


def goal(target: str, deadline: str = "2025-12-31", **kw: object) -> gr.Goal:
    return gr.Goal("f", metric=kw.pop("metric", "followers"), target=target,
                   start="2025-05-01", deadline=deadline, **kw)  # type: ignore[arg-type]  # fmt: skip


def test_a_deadline_after_the_history_end_is_not_expired() -> None:
    history = monthly(dt.date(2025, 5, 1), [1000, 1050, 1100, 1150, 1200, 1250, 1300 - 25])
    assert history[-1][0] == dt.date(2025, 11, 30)
    a = gr.assess_achievability(goal("1,300 followers"), history, today=dt.date(2026, 2, 10))
    assert a.verdict in JUDGED
    assert "has passed, short of" not in a.explanation
    assert "has passed, but the history ends on 2025-11-30, before it" in a.explanation
    assert "whether the target was met is not known" in a.explanation
    assert a.probability is not None and a.forecast is not None
    assert (a.probability >= 0.5) == (a.forecast["median"] >= 1300)
    assert a.suggested_deadline is None  # no later deadline for one gone by
    assert "move the deadline" not in a.explanation
    assert a.to_dict()["verdict"] == a.verdict.value


def test_a_history_that_reaches_the_deadline_still_expires() -> None:
    history = monthly(dt.date(2025, 5, 1), [1000, 1050, 1100, 1150, 1200, 1250, 1270, 1280])
    a = gr.assess_achievability(goal("1,300 followers"), history, today=dt.date(2026, 2, 10))
    assert a.verdict is gr.Verdict.EXPIRED
    assert "not known" not in a.explanation


def test_a_target_met_before_the_deadline_is_achieved() -> None:
    history = monthly(dt.date(2025, 5, 1), [1000, 1100, 1200, 1300, 1350])
    a = gr.assess_achievability(goal("1,300 followers"), history, today=dt.date(2026, 2, 10))
    assert a.verdict is gr.Verdict.ACHIEVED
    assert "by the deadline" in a.explanation


def test_a_total_whose_last_month_is_before_the_deadline_month() -> None:
    history = monthly(dt.date(2025, 1, 1), [40, 45, 50, 48, 52, 55, 60, 58, 62, 65, 70])
    g = goal("700 leads", metric="leads")
    g = g.evolve(start=dt.date(2025, 1, 1), statement="700 leads this year")
    a = gr.assess_achievability(g, history, today=dt.date(2026, 2, 10), cumulative=True)
    assert a.verdict in JUDGED, a.explanation
    assert "not known" in a.explanation and "has passed, short of" not in a.explanation


def test_the_review_raises_no_expired_flag_for_an_unseen_deadline() -> None:
    from goalrules.judgments.review import review_goal

    history = monthly(dt.date(2025, 5, 1), [1000, 1050, 1100, 1150, 1200, 1250, 1275])
    g = goal("1,300 followers")
    a = gr.assess_achievability(g, history, today=dt.date(2026, 2, 10))
    r = review_goal(g, None, a, dt.date(2026, 2, 10))
    assert "expired" not in [f.name for f in r.flags]
    seen = gr.assess_achievability(g, [*history, (dt.date(2025, 12, 31), 1280)],
                                   today=dt.date(2026, 2, 10))  # fmt: skip
    assert "expired" in [f.name for f in review_goal(g, None, seen, dt.date(2026, 2, 10)).flags]


@settings(max_examples=60, deadline=None)
@given(
    months=st.integers(4, 14),
    growth=st.floats(0.0, 0.08),
    wiggle=st.lists(st.floats(-0.01, 0.01), min_size=14, max_size=14),
    target_ratio=st.floats(1.001, 1.5),
    after_end=st.integers(1, 200),
    judged_after=st.integers(1, 120),
)
def test_a_passed_deadline_is_expired_only_when_the_history_reaches_it(
    months: int, growth: float, wiggle: list[float], target_ratio: float, after_end: int,
    judged_after: int,
) -> None:  # fmt: skip
    """Short of the target at the history's last value: ``expired`` exactly when the
    history reaches the deadline; otherwise a forecast verdict (or too little data) whose
    chance and median agree, and never "has passed, short of"."""
    values = [1000 * (1 + growth) ** i * (1 + wiggle[i]) for i in range(months)]
    history = monthly(dt.date(2024, 1, 1), values)
    last = history[-1][0]
    target = math.ceil(max(values) * target_ratio)
    deadline = last + dt.timedelta(days=after_end)
    today = deadline + dt.timedelta(days=judged_after)
    g = goal(f"{target} followers", deadline=deadline.isoformat()).evolve(start=dt.date(2024, 1, 1))
    a = gr.assess_achievability(g, history, today=today)
    assert a.verdict not in (gr.Verdict.EXPIRED, gr.Verdict.ACHIEVED)
    assert "has passed, short of" not in a.explanation
    if a.verdict in JUDGED:
        assert a.probability is not None and a.forecast is not None
        assert (a.probability >= 0.5) == (a.forecast["median"] >= target)
        assert "not known" in a.explanation
    seen = [*history, (deadline, values[-1])]
    assert gr.assess_achievability(g, seen, today=today).verdict is gr.Verdict.EXPIRED
