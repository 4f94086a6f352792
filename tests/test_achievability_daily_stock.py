"""A stock counted daily, judged before its month is over, is read in whole months to
the latest count. Read in calendar months, 3 March's count made a three-day "month": a
follower count growing a steady 3 % a month "grew 2.6 % a month", its chance of 1,500
followers by September read 60 % (97 % on 31 March), and the 80 % range stopped short
of the 1,625 it reached."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.stock_months import months_to_latest
from goalrules.model import Point

D = dt.date
FIRST = D(2025, 6, 1)
DATA = Path("/work/shared/data/social-monthly.json")


def daily(until: D, per_day: float = 0.001) -> list[tuple[D, float]]:
    return [(FIRST + dt.timedelta(days=i), round(1000 * (1 + per_day) ** i))
            for i in range((until - FIRST).days + 1)]  # fmt: skip


GOAL = gr.Goal("f", metric="followers", target="1,500 followers", start="2026-03-01",
               deadline="2026-09-30")  # fmt: skip
TRUTH = 1000 * 1.001 ** (D(2026, 9, 30) - FIRST).days  # 1,625 on the deadline


def test_a_daily_count_judged_on_the_3rd() -> None:
    a = gr.assess_achievability(GOAL, daily(D(2026, 3, 3)), today=D(2026, 3, 3))
    true_rate = 1.001 ** (365.25 / 12) - 1  # 3.09 % a month
    assert a.historical_rate == pytest.approx(true_rate, abs=0.002)  # it read 2.6 %
    assert a.forecast is not None and a.forecast["low"] <= TRUTH <= a.forecast["high"]
    assert a.probability is not None and a.probability > 0.8  # it read 60 %
    assert "grew 3 % a month" in a.explanation  # it read "grew 2.6 % a month"


def test_the_chance_grows_as_the_month_goes_by() -> None:
    chances = []
    for day in (3, 10, 18, 25, 31):
        today = D(2026, 3, day)
        a = gr.assess_achievability(GOAL, daily(today), today=today)
        assert a.probability is not None
        chances.append(a.probability)
    assert chances == sorted(chances)
    assert chances[-1] - chances[0] < 0.1  # before: 60 % on the 3rd, 97 % on the 31st


def test_one_count_a_month_is_read_as_it_is() -> None:
    months = [Point(add_months(D(2025, 11, 1), i), 1000.0 + 30 * i) for i in range(7)]
    assert months_to_latest(months, months) == months  # dated on the 1st, each a month


def _real() -> list[list[int]]:
    if not DATA.exists():
        return [[1000 + 40 * i for i in range(13)]]
    rows = json.loads(DATA.read_text())
    return [r["values"][:13] for r in rows if r["source"] == "GH_STARS"][:30]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_real()), st.integers(1, 27))
def test_a_real_count_read_daily_judges_alike_on_any_day(counts: list[int], day: int) -> None:
    # a public star count's months, drawn day by day (geometric between month-ends)
    ends = [month_end(add_months(FIRST, i)) for i in range(len(counts))]
    points: list[tuple[D, float]] = []
    for i in range(len(counts) - 1):
        a, va, b, vb = ends[i], counts[i], ends[i + 1], counts[i + 1]
        span = (b - a).days
        points += [(a + dt.timedelta(days=k), va * (vb / va) ** (k / span)) for k in range(span)]
    points.append((ends[-1], float(counts[-1])))
    today = ends[-2] + dt.timedelta(days=day)  # inside the last month
    seen = [(d, v) for d, v in points if d <= today]
    month_end_rate = gr.assess_achievability(
        GOAL.evolve(target=f"{round(counts[-2] * 1.2)} followers", start=ends[-2].isoformat()),
        [(d, v) for d, v in points if d <= ends[-2]], today=ends[-2],
    ).historical_rate  # fmt: skip
    mid = gr.assess_achievability(
        GOAL.evolve(target=f"{round(counts[-2] * 1.2)} followers", start=ends[-2].isoformat()),
        seen, today=today,
    ).historical_rate  # fmt: skip
    assert month_end_rate is not None and mid is not None
    # the same six months' growth, shifted by under a month: never a partial month's
    assert math.isclose(mid, month_end_rate, abs_tol=0.01 + abs(month_end_rate) / 2)
