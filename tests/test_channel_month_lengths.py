"""A channel's visits and leads are flows: a month's count is its days' counts, so a
month's length is no rise or fall. Ten visits a day are 310 in January and 280 in
February; read as monthly counts, a steady channel whose months end in February read
"Declining: visits -5 % and leads -5 % a month" and was cut."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pytest.importorskip("polars")

from tests.books import book_reads_as_rows


def _months(start: dt.date, n: int) -> list[dt.date]:
    out, y, m = [], start.year, start.month
    for _ in range(n):
        out.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _a_day(name: str, months: list[dt.date], visits: float, leads: float) -> list[dict[str, Any]]:
    """A channel of ``visits`` and ``leads`` every day of ``months``."""
    rows = []
    for d in months:
        days = calendar.monthrange(d.year, d.month)[1]
        rows.append({"channel": name, "month": d.strftime("%Y-%m"), "visits": visits * days,
                     "leads": leads * days})  # fmt: skip
    return rows


def test_three_steady_months_ending_in_february_are_not_a_decline() -> None:
    months = _months(dt.date(2025, 12, 1), 3)  # December, January, February
    rows = (_a_day("linkedin", months, 100, 3) + _a_day("facebook", months, 300, 3)
            + _a_day("x", months, 200, 2.5))  # fmt: skip
    decided = book_reads_as_rows(rows)  # the table path (Dask, Spark) decides the same
    for d in decided.values():
        assert d.evidence.visits_trend == 0.0 and d.evidence.leads_trend == 0.0
        assert "trend a month: visits +0 %, leads +0 %" in d.reasons
        assert not any(r.startswith(("Declining", "Visits rising", "Leads rising"))
                       for r in d.reasons)  # fmt: skip
    # it read "cut" for facebook and "reduce" for x: "Declining (visits -5 % and leads -5 %)"
    assert decided["facebook"].rule == "reduce.below-portfolio"
    assert decided["x"].decision is gr.Decision.KEEP and decided["x"].rule == "keep.steady"


def test_a_trend_is_of_the_counts_a_day() -> None:
    """February's 28 days with January's daily count read as a fall of 0 %, and the same
    monthly count in both (280 and 280) as a rise: more a day in February."""
    jan_feb = _months(dt.date(2026, 1, 1), 2)
    steady = gr.channel_evidence(_a_day("x", jan_feb, 10, 1))[0]["x"]
    assert steady.visits_trend == 0.0
    same_count = [{"channel": "x", "month": "2026-01", "visits": 280, "leads": 28},
                  {"channel": "x", "month": "2026-02", "visits": 280, "leads": 28}]  # fmt: skip
    ev = gr.channel_evidence(same_count)[0]["x"]
    a_day = (280 / 28 - 280 / 31) / (560 / 59)  # the slope a day over the mean a day
    assert ev.visits_trend == a_day and a_day > 0
    assert ev.leads_trend == pytest.approx(a_day, rel=1e-12)  # (the same ratios)


@settings(max_examples=60, deadline=None)
@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 1)),
    st.integers(2, 30),
    st.integers(1, 5000),
    st.integers(0, 50),
)
def test_a_steady_daily_flow_reads_steady_in_any_months(
    start: dt.date, n: int, visits: int, leads: int
) -> None:
    """Whatever months a book covers (leap Februaries, a year's turn), a channel of the
    same count every day has trends of 0 and is never declining nor rising; the table
    path reads the same."""
    months = _months(start, n)
    rows = _a_day("x", months, visits, min(leads, visits)) + _a_day("linkedin", months, 50, 2)
    decided = book_reads_as_rows(rows)
    for d in decided.values():
        assert d.evidence.visits_trend == 0.0 and d.evidence.leads_trend == 0.0
        assert d.rule not in {"reduce.declining", "cut.declining-below",
                              "reduce.declining-not-costly", "optimize.rising-visits",
                              "optimize.rising-leads"}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 1)),
    st.integers(2, 18),
    st.one_of(st.floats(-0.05, -0.002), st.floats(0.002, 0.3)),
)
def test_a_rise_or_fall_a_day_reads_as_itself_whatever_the_months(
    start: dt.date, n: int, growth: float
) -> None:
    """Visits a day rising (falling) by the same step each month read as a rise (fall)
    from any first month and over any months: February between January and March is no
    fall, and March after February no rise."""
    rows = []
    for i, d in enumerate(_months(start, n)):
        days = calendar.monthrange(d.year, d.month)[1]
        rows.append({"channel": "x", "month": d.strftime("%Y-%m"),
                     "visits": 1000 * (1 + growth * i) * days, "leads": 10 * days})  # fmt: skip
    trend = gr.channel_evidence(rows)[0]["x"].visits_trend
    assert trend is not None and (trend > 0) is (growth > 0) and trend != 0
