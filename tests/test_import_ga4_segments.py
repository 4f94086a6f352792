"""A GA4 exploration with segments compared writes each segment's rows under a
``Segment`` column: "All Users" and "Mobile Traffic" give the same month and source
twice. The rows were added up: Facebook had 1,700 visits where GA4 counted 1,000 (the
700 mobile sessions are among them). Two segments or more are an error now, one segment
other than All Users is read with a note. Files laid out like GA4's exploration and
Data API exports (made here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

PREAMBLE = ["# ----------------------------------------", "# Free form 1",
            "# Account: Campfire", "# Property: Campfire web",
            "# ----------------------------------------", "#",
            "# Start date: 20260101", "# End date: 20260131"]  # fmt: skip
HEADER = ["Segment", "Year month", "Session source / medium", "Sessions", "Key events"]


def _exploration(path: Path, rows: list[tuple[str, str, int, int]]) -> Path:
    body = [[seg, "202601", sm, v, k] for seg, sm, v, k in rows]
    return ef.write_csv(path, [HEADER, *body], preamble=PREAMBLE)


def test_segments_compared_are_never_added_up(tmp_path: Path) -> None:
    f = _exploration(tmp_path / "ga4.csv", [
        ("All Users", "facebook.com / referral", 1000, 10),
        ("Mobile Traffic", "facebook.com / referral", 700, 6),
        ("All Users", "google / organic", 3000, 30),
        ("Mobile Traffic", "google / organic", 1200, 9),
    ])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(f)
    assert err.value.field == "segment" and "'All Users', 'Mobile Traffic'" in str(err.value)


def test_the_data_apis_comparisons_are_segments_too(tmp_path: Path) -> None:
    f = ef.write_csv(tmp_path / "api.csv", [
        ["yearMonth", "sessionSourceMedium", "comparison", "sessions", "keyEvents"],
        ["202601", "facebook.com / referral", "All Users", "1000", "10"],
        ["202601", "facebook.com / referral", "United States", "400", "4"],
    ])  # fmt: skip
    with pytest.raises(DataError, match="2 segments"):
        import_exports(f)


def test_one_segment_is_read_with_a_note(tmp_path: Path) -> None:
    f = _exploration(tmp_path / "ga4.csv", [("Mobile Traffic", "facebook.com / referral", 700, 6)])
    result = import_exports(f)
    assert [(r.channel, r.visits, r.leads) for r in result.performance] == [("facebook", 700, 6)]
    assert any("segment 'Mobile Traffic'" in n for n in result.notes)
    every = _exploration(tmp_path / "all.csv", [("All Users", "facebook.com / referral", 900, 5)])
    assert not any("the rows are the segment" in n for n in import_exports(every).notes)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(["All Users", "Mobile Traffic", "Paid Traffic", "Returning users"]),
             min_size=2, max_size=4, unique=True),
    st.integers(1, 5000),
)  # fmt: skip
def test_no_two_segments_are_ever_summed(tmp_path: Path, segments: list[str], visits: int) -> None:
    f = _exploration(tmp_path / "ga4.csv",
                     [(s, "linkedin.com / referral", visits, 1) for s in segments])  # fmt: skip
    with pytest.raises(DataError, match=f"{len(segments)} segments"):
        import_exports(f)
