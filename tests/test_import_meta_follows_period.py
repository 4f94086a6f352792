"""Meta's page export lists only the days with a gain ("Facebook follows": UTF-16, ``sep=,``,
the metric's name on line 2, ``"Date","Primary"``, as ../EXPORTS lays it out), so a day it
leaves out had none, but only within the period it covers, which Meta's file name states
(``Jan-01-2026_Jan-31-2026_<id>.csv``). A January export with an anchor on February 15
(the count a user sees today) read every day of February as a day without gain: January's
totals were the anchor minus January's gains, off by all the followers February brought.
Now the days outside the named period are unknown and no total is carried across them;
a file whose name states no period says what it assumed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef
from tests.test_import_unknowns import FILES

D = dt.date
JAN = "Jan-01-2026_Jan-31-2026_2260327001369726.csv"


def _follows(path: Path, gains: dict[dt.date, int]) -> Path:
    return ef.meta_page(path, "Facebook follows",
                        [(f"{d.isoformat()}T00:00:00", v) for d, v in sorted(gains.items())])  # fmt: skip


def _followers(r: object) -> dict[dt.date, float]:
    return {h.date: h.value for h in r.history if h.metric == "followers"}  # type: ignore[attr-defined]


GAINS = {D(2026, 1, 2): 5, D(2026, 1, 10): 3}


def test_an_anchor_after_the_named_period_carries_no_total_into_it(tmp_path: Path) -> None:
    p = _follows(tmp_path / JAN, GAINS)
    r = import_exports(p, anchors=["100 followers on 2026-02-15"])
    assert _followers(r) == {}
    [said] = [n for n in r.notes if "cannot be carried" in n]
    assert "2026-02-01 to 2026-02-15" in said and "outside the period" in said


def test_an_anchor_inside_or_next_to_the_named_period_gives_the_totals(tmp_path: Path) -> None:
    p = _follows(tmp_path / JAN, GAINS)
    inside = _followers(import_exports(p, anchors=["100 followers on 2026-01-31"]))
    assert inside[D(2026, 1, 2)] == 97 and inside[D(2026, 1, 10)] == 100
    before = _followers(import_exports(p, anchors=["92 followers on 2025-12-31"]))
    assert before[D(2026, 1, 2)] == 97 and before[D(2026, 1, 10)] == 100
    assert _followers(import_exports(p, anchors=["92 followers on 2025-12-20"])) == {}


def test_januarys_and_februarys_exports_carry_the_anchor_across(tmp_path: Path) -> None:
    jan = _follows(tmp_path / JAN, GAINS)
    feb = _follows(tmp_path / "Feb-01-2026_Feb-28-2026_2260327001369726.csv", {D(2026, 2, 3): 7})
    got = _followers(import_exports([feb, jan], anchors=["110 followers on 2026-02-15"]))
    assert got[D(2026, 1, 10)] == 103 and got[D(2026, 2, 3)] == 110


def test_a_file_that_states_no_period_says_what_it_assumed(tmp_path: Path) -> None:
    p = _follows(tmp_path / "Facebook follows.csv", GAINS)
    r = import_exports(p, anchors=["100 followers on 2026-02-15"])
    assert _followers(r)[D(2026, 1, 10)] == 100
    [said] = [n for n in r.notes if "states no period" in n]
    assert "2026-01-11 to 2026-02-15" in said
    inside = import_exports(p, anchors=["100 followers on 2026-01-05"])
    assert not any("states no period" in n for n in inside.notes)


@FILES
@given(st.dictionaries(st.integers(0, 30), st.integers(1, 9), min_size=1, max_size=8),
       st.integers(-20, 50))  # fmt: skip
def test_no_total_rests_on_a_day_outside_the_named_period(
    tmp_path: Path, gains: dict[int, int], at: int
) -> None:
    """Any gains in January, an anchor anywhere from mid-December to mid-February: the
    totals, when given, follow the gains from the anchor; none is given when a day
    outside January lies between the anchor and the data."""
    start = D(2026, 1, 1)
    by_day = {start + dt.timedelta(days=k): v for k, v in gains.items()}
    anchor = start + dt.timedelta(days=at)
    p = _follows(tmp_path / JAN, by_day)
    got = _followers(import_exports(p, anchors=[f"1000 followers on {anchor.isoformat()}"]))
    if anchor < D(2025, 12, 31) or anchor > D(2026, 1, 31):
        assert got == {}
        return
    for day, total in got.items():
        lo, hi = sorted((day, anchor))
        between = sum(v for d, v in by_day.items() if lo < d <= hi)
        assert total == (1000 - between if day <= anchor else 1000 + between)
