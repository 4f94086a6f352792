"""A goal on a metric in per cent whose target is a plain number (``target = 4`` in a
workspace, for an engagement rate of 4 %) was converted as a plain number is, a share
of one: 4 was 400 %, and the goal read "Reaching 400 % by 2026-12-31 needs growth of
939.8 % a month ... under 1 % (unrealistic)"; a change "+0.5" added 50 points. A plain
target, change or baseline is read the way that puts its level within a factor of ten of
the history's latest value (per cent, said in a note; a share of one as before), and one
the history cannot place is ``insufficient_data``, asking for its unit."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end

D = dt.date
TODAY = D(2026, 11, 3)
# a LinkedIn page's monthly engagement rate by reach, in per cent, as a sheet holds it
RATE = [3.1, 3.3, 3.0, 3.4, 3.2, 3.5, 3.3, 3.6, 3.4, 3.7]


def history(values: list[float]) -> list[tuple[D, float]]:
    return [(month_end(add_months(D(2026, 1, 1), i)), v) for i, v in enumerate(values)]


def judge(target: object, values: list[float] = RATE, metric: str = "engagement_rate",
          **fields: object) -> gr.Achievability:  # fmt: skip
    goal = gr.Goal("er", metric=metric, target=target, deadline="2026-12-31", **fields)
    return gr.assess_achievability(goal, history(values), today=TODAY)


def test_a_plain_target_near_the_history_is_per_cent() -> None:
    written = judge("4 %")
    for plain in (4, "4"):
        a = judge(plain)
        # it read "Reaching 400 % by 2026-12-31 ... needs growth of 10,297.5 % a month"
        assert a.target_value == 4.0 and a.verdict is written.verdict
        assert a.probability == written.probability
        assert "read as 4 %" in a.explanation and "400 %" not in a.explanation
    assert "plain number" not in written.explanation


def test_a_plain_target_beside_a_history_in_shares() -> None:
    shares = [v / 100 for v in RATE]  # 0.031 ... 0.037, as exports hold rates
    a = judge(4, shares)
    assert a.target_value == 4.0 and a.current_value is not None
    assert abs(a.current_value - 3.7) < 1e-9  # the history read as shares too
    assert a.probability == judge("4 %").probability
    # a plain share of one, as the history is written, reads as before, without a note
    b = judge(0.04, shares)
    assert b.target_value == 4.0 and b.probability == a.probability
    assert "plain number, 0.04" not in b.explanation


def test_a_plain_change_adds_points_not_shares() -> None:
    # "+0.5" added 50 points: 53.7 %, "unrealistic" against a 3.7 % rate
    a = judge("+0.5", start="2026-10-31")
    points = judge("+0.5 points", start="2026-10-31")
    assert a.target_value is not None and abs(a.target_value - 4.2) < 1e-9
    assert a.probability == points.probability and a.verdict is points.verdict
    assert "read as +0.5 %" in a.explanation


def test_a_plain_baseline_is_per_cent_too() -> None:
    a = judge("+20%", baseline="3")  # 3 % + 20 %: 3.6 %, not 360 %
    assert a.target_value is not None and abs(a.target_value - 3.6) < 1e-9
    assert "The baseline is a plain number, 3, read as 3 %" in a.explanation


def test_a_plain_target_the_history_cannot_place_is_not_judged() -> None:
    bounce = [48, 47, 46, 47, 45, 46, 44, 45, 44, 45]
    # 4 % is far below a 45 % bounce rate, and 400 % is no bounce rate: which is meant?
    a = judge(4, bounce, metric="bounce_rate")
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA and a.probability is None
    assert "4 % or, as a share of one, 400 %?" in a.explanation
    assert "write it with its unit ('4 %')" in a.explanation
    # the same target with its unit is judged
    assert judge("4 %", bounce, metric="bounce_rate").probability is not None
    assert judge(40, bounce, metric="bounce_rate").target_value == 40.0


@settings(max_examples=30, deadline=None)
@given(st.floats(1.5, 60.0), st.floats(0.4, 2.5), st.floats(-0.04, 0.06))
def test_a_plain_target_above_one_reads_as_written_with_percent(
    latest: float, ratio: float, growth: float
) -> None:
    values = [round(latest / (1 + growth) ** (9 - i), 3) for i in range(10)]
    target = round(values[-1] * ratio, 2)
    if target <= 1.0:
        return
    plain, written = judge(target, values), judge(f"{target} %", values)
    assert plain.target_value == pytest.approx(target) == written.target_value
    assert plain.verdict is written.verdict
    assert plain.probability == pytest.approx(written.probability, abs=1e-9)
