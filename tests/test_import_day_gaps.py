"""Daily gains with days missing: LinkedIn, X and YouTube list every day, so a day no
export has a row for (between two files, before the data when the anchor is earlier, a
row deleted) is unknown, not a day without gain. The totals an anchor gives were carried
across such days as if nobody had followed or left (a January from an anchor in March
read with February's gains as 0). Meta's page export lists only the days with a gain:
there a day left out had none. Files laid out like the real exports (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import GoalRulesError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date


def _followers(result: Any) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == "followers"}


def _x(path: Path, days: list[D], new: int = 5, lost: int = 1) -> Path:
    return ef.x_overview(path, [(d, 100, 10, new, lost) for d in days])


def _month(year: int, month: int, first: int = 1) -> list[D]:
    out = []
    day = D(year, month, first)
    while day.month == month:
        out.append(day)
        day += dt.timedelta(days=1)
    return out


def test_an_anchor_before_the_data_with_days_between_gives_no_total(tmp_path: Path) -> None:
    """X from January 15, anchor on December 31: January 1 to 14 have no row, so their
    gains are unknown: no total (it was the anchor plus January 15's gain on January
    15), and a note names the days without a row."""
    p = _x(tmp_path / "account_overview.csv", _month(2026, 1, 15))
    result = import_exports(p, anchors=["1000 x followers on 2025-12-31"])
    assert _followers(result) == {}
    said = [n for n in result.notes if "no export has a row for 2026-01-01 to 2026-01-14" in n]
    assert len(said) == 1 and "no followers total on 17 days" in said[0]


def test_a_month_between_two_files_stops_the_total(tmp_path: Path) -> None:
    """January and March exports, anchor at the end of March: February has no row, so
    January's totals are unknown (they were read as if February gained nothing);
    March's totals, and the end of February's, stand."""
    jan = _x(tmp_path / "account_overview_jan.csv", _month(2026, 1))
    mar = _x(tmp_path / "account_overview_mar.csv", _month(2026, 3))
    got = _followers(import_exports([jan, mar], anchors=["2000 x followers on 2026-03-31"]))
    assert min(got) == D(2026, 2, 28) and max(got) == D(2026, 3, 31)
    assert got[D(2026, 2, 28)] == 2000 - 31 * 4 and got[D(2026, 3, 31)] == 2000


def test_metas_left_out_days_had_no_gain(tmp_path: Path) -> None:
    """Meta's "Facebook follows" lists only the days with a gain: the days between are
    days without one, and the totals carry across them."""
    p = ef.meta_page(tmp_path / "follows.csv", "Facebook follows",
                     [("2026-01-02T00:00:00", 3), ("2026-01-05T00:00:00", 2)])  # fmt: skip
    got = _followers(import_exports(p, anchors=["100 facebook followers on 2026-01-01"]))
    assert got == {D(2026, 1, 2): 103, D(2026, 1, 3): 103, D(2026, 1, 4): 103,
                   D(2026, 1, 5): 105}  # fmt: skip


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    gains=st.lists(st.integers(-3, 9), min_size=2, max_size=30),
    dropped=st.sets(st.integers(0, 29), max_size=6),
    at=st.integers(-3, 32),
)  # fmt: skip
def test_a_total_is_given_only_where_no_missing_day_lies_before_the_anchor(
    tmp_path: Path, gains: list[int], dropped: set[int], at: int
) -> None:
    """Rows dropped from a run of days, an anchor anywhere (before, inside or after
    the data): every total given is the one the whole run gives, and a day's total is
    given exactly when every day between it and the anchor has a row."""
    start = D(2026, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(len(gains))]
    anchor_day = start + dt.timedelta(days=at)
    anchor = f"5000 x followers on {anchor_day.isoformat()}"
    whole = ef.x_overview(tmp_path / "whole.csv", [(d, 1, 1, max(g, 0), max(-g, 0))
                                                   for d, g in zip(days, gains, strict=True)])  # fmt: skip
    kept = [(d, 1, 1, max(g, 0), max(-g, 0)) for i, (d, g) in enumerate(zip(days, gains, strict=True))
            if i not in dropped]  # fmt: skip
    if not kept:
        return
    part = ef.x_overview(tmp_path / "part.csv", kept)
    try:
        full = _followers(import_exports(whole, anchors=[anchor]))
    except GoalRulesError:  # the anchor does not fit these gains (a negative total): not this test
        return
    got = _followers(import_exports(part, anchors=[anchor]))
    have = {d for d, *_ in kept}
    lo, hi = min(have), max(have)
    for day in (lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)):
        a, b = sorted((day, anchor_day))
        between = [a + dt.timedelta(days=i) for i in range(1, (b - a).days + 1)]
        known = all(x in have for x in between)
        assert (day in got) == known, (day, anchor_day)
        if known:
            assert got[day] == full[day]
