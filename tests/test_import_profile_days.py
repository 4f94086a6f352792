"""A daily export with a row a day for each profile of a network (Sprout Social's
Profile Performance: two LinkedIn pages): the network's figure a day is the profiles'
sum, so a day on which a profile that has rows on other days has none is unknown (left
out, with a note naming the profile), never the other profiles' sum."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
HEADER = ["Date", "Network", "Profile", "Audience", "Net Audience Growth", "Impressions",
          "Engagements"]  # fmt: skip
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
                 max_examples=25)  # fmt: skip


def _sprout(path: Path, rows: list[list[Any]]) -> Path:
    return ef.write_csv(path, [HEADER, *rows])


def _series(result: Any, channel: str, metric: str) -> dict[D, float]:
    return {r.date: r.value for r in result.history if (r.channel, r.metric) == (channel, metric)}


def test_a_day_without_one_profiles_row_is_unknown(tmp_path: Path) -> None:
    # Campfire Jobs has no row on January 2: LinkedIn's followers that day were read as
    # 1005 (Campfire's alone) between 1500 and 1512, its impressions as 300 for 400
    p = _sprout(tmp_path / "Profile Performance.csv", [
        ["01/01/2026", "LinkedIn", "Campfire", 1000, 5, 300, 20],
        ["01/01/2026", "LinkedIn", "Campfire Jobs", 500, 1, 100, 5],
        ["01/01/2026", "Facebook", "Campfire", 800, 2, 90, 4],
        ["01/02/2026", "LinkedIn", "Campfire", 1005, 5, 300, 20],
        ["01/02/2026", "Facebook", "Campfire", 802, 2, 90, 4],
        ["01/03/2026", "LinkedIn", "Campfire", 1010, 5, 300, 20],
        ["01/03/2026", "LinkedIn", "Campfire Jobs", 502, 1, 100, 5],
        ["01/03/2026", "Facebook", "Campfire", 801, -1, 90, 4],
    ])  # fmt: skip
    r = import_exports(p)
    assert _series(r, "linkedin", "followers") == {D(2026, 1, 1): 1500, D(2026, 1, 3): 1512}
    assert _series(r, "linkedin", "impressions") == {D(2026, 1, 1): 400, D(2026, 1, 3): 400}
    # Facebook has one profile: every day read
    assert _series(r, "facebook", "followers") == {D(2026, 1, 1): 800, D(2026, 1, 2): 802,
                                                   D(2026, 1, 3): 801}  # fmt: skip
    said = [n for n in r.notes if "left out on 1 day (2026-01-02)" in n]
    assert len(said) == 1 and "linkedin" in said[0] and "profile 'Campfire Jobs'" in said[0]


def test_a_profile_added_later_leaves_the_days_before_it_unknown(tmp_path: Path) -> None:
    rows = [[f"01/{d:02d}/2026", "LinkedIn", "Campfire", 1000 + d, 1, 100, 5] for d in range(1, 8)]
    rows += [[f"01/{d:02d}/2026", "LinkedIn", "Campfire Jobs", 500 + d, 1, 50, 2]
             for d in range(5, 8)]  # fmt: skip
    r = import_exports(_sprout(tmp_path / "Profile Performance.csv", rows))
    assert _series(r, "linkedin", "followers") == {D(2026, 1, d): 1500 + 2 * d for d in (5, 6, 7)}
    assert any("left out on 4 days (2026-01-01, 2026-01-02, 2026-01-03, 2026-01-04)" in n
               for n in r.notes)  # fmt: skip


def test_a_column_that_says_the_same_on_every_row_of_a_day_is_no_part(tmp_path: Path) -> None:
    # a weekday beside the profile: it changes from day to day, never within one
    header = [*HEADER, "Weekday"]
    rows = [[f"01/{d:02d}/2026", "LinkedIn", prof, 10, 1, 100, 5, D(2026, 1, d).strftime("%A")]
            for d in range(1, 6) for prof in ("Campfire", "Campfire Jobs")]  # fmt: skip
    r = import_exports(ef.write_csv(tmp_path / "Profile Performance.csv", [header, *rows]))
    assert _series(r, "linkedin", "impressions") == {D(2026, 1, d): 200 for d in range(1, 6)}
    # one profile, renamed in the middle of the period: one row a day, every day read
    renamed = [[f"01/{d:02d}/2026", "LinkedIn", "Campfire" if d < 3 else "Campfire HQ", 10, 1,
                100, 5] for d in range(1, 6)]  # fmt: skip
    r = import_exports(_sprout(tmp_path / "renamed.csv", renamed))
    assert _series(r, "linkedin", "impressions") == {D(2026, 1, d): 100 for d in range(1, 6)}
    assert not any("left out on" in n for n in r.notes)


@FILES
@given(st.integers(2, 4), st.integers(2, 8), st.sets(st.integers(0, 31), max_size=6),
       st.randoms(use_true_random=False))  # fmt: skip
def test_a_days_figure_is_every_profiles_sum_or_unknown(
    tmp_path: Path, profiles: int, n_days: int, gone: set[int], rnd: random.Random
) -> None:
    """Whatever rows are missing and however the rows are ordered, a file in which some
    day has two profiles' rows gives each day every profile's sum or nothing, never
    the sum of some of them (one row a day reads as one profile, renamed)."""
    full = {(d, k): 100 * k + d for d in range(1, n_days + 1) for k in range(profiles)}
    keep = [key for i, key in enumerate(sorted(full)) if i not in gone]
    rnd.shuffle(keep)
    rows = [[f"01/{d:02d}/2026", "LinkedIn", f"Page {k}", full[(d, k)], 0, full[(d, k)], 1]
            for d, k in keep]  # fmt: skip
    p = _sprout(tmp_path / "Profile Performance.csv", rows)
    got = _series(import_exports(p), "linkedin", "impressions")
    seen = {k for _, k in keep}  # a profile none of whose rows is left is not known
    if len({d for d, _ in keep}) == len(keep):  # one row a day: one profile, renamed
        assert got == {D(2026, 1, d): full[(d, k)] for d, k in keep}
        return
    complete = {d for d in range(1, n_days + 1) if all((d, k) in keep for k in seen)}
    assert got == {D(2026, 1, d): sum(full[(d, k)] for k in seen) for d in complete}
