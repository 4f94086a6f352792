"""A deadline between two counts of a stock: the count before it is short of the target,
the count after it meets it. When the target was crossed is not known: the explanation
says so, and what a straight line between the two reads on the deadline. Before, it read
"the target was met only later (1,400 followers on 2026-03-31)" as a fact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
VALUES = [1000, 1040, 1085, 1120, 1170, 1215, 1260, 1300, 1352, 1400]  # to 2026-03-31
HISTORY = [(month_end(add_months(D(2025, 6, 1), i)), v) for i, v in enumerate(VALUES)]


def judged(target: str, deadline: str) -> gr.Achievability:
    goal = gr.Goal("f", metric="followers", target=target, start="2026-01-01",
                   deadline=deadline)  # fmt: skip
    return gr.assess_achievability(goal, HISTORY, today=D(2026, 4, 5))


def test_counts_either_side_of_the_deadline_do_not_say_when_it_was_crossed() -> None:
    a = judged("1,380 followers", "2026-03-15")
    assert a.verdict is gr.Verdict.EXPIRED  # on the count before the deadline
    assert "met only later" not in a.explanation
    assert "falls between two counts" in a.explanation
    assert "when it was crossed is not known" in a.explanation
    assert "1,375 followers on the deadline, short of it" in a.explanation
    # a line past the target by then says so
    b = judged("1,370 followers", "2026-03-15")
    assert "1,375 followers on the deadline, past the target" in b.explanation


def test_a_target_met_after_the_next_count_was_met_only_later() -> None:
    a = judged("1,390 followers", "2026-02-10")  # 1,352 on 2026-02-28: still short
    assert a.verdict is gr.Verdict.EXPIRED
    assert "met only later (1,400 followers on 2026-03-31)" in a.explanation
    assert "falls between two counts" not in a.explanation


@settings(max_examples=40, deadline=None)
@given(st.integers(1000, 1450), st.integers(0, 300))
def test_the_note_only_where_the_counts_straddle_it(target: int, days: int) -> None:
    deadline = D(2025, 7, 1) + dt.timedelta(days=days)
    a = judged(f"{target} followers", deadline.isoformat())
    before = [(d, v) for d, v in HISTORY if d <= deadline]
    after = [v for d, v in HISTORY if d > deadline]
    # a count on the deadline's own day is the value then: nothing between two counts
    straddle = bool(before and after) and before[-1][0] < deadline
    straddle = straddle and before[-1][1] < target <= after[0]
    assert ("falls between two counts" in a.explanation) == (
        straddle and a.verdict is gr.Verdict.EXPIRED
    )
    if straddle:
        assert "met only later" not in a.explanation
