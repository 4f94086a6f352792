"""A relative target ("+25 %") counted from a start after the history ends, at reviews
before its start, once the history covers the start, and later: the baseline is the
value on the start day once it is seen, and unknown (never the latest value) before."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.report.review import render_review
from goalrules.reviews import row_of
from goalrules.reviews.audit import explanation

D = dt.date
# a follower count growing 3 % a month from 1,000 on 2025-05-01 (1,605 on 2026-09-01)
COUNTS = {D(2025 + (4 + i) // 12, (4 + i) % 12 + 1, 1): round(1000 * 1.03**i) for i in range(20)}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[workspace]\nname = "t"\n\n[[goal]]\nid = "li"\nmetric = "followers"\n'
        'channel = "linkedin"\ntarget = "+25%"\nstart = 2026-09-01\ndeadline = 2026-12-31\n'
    )
    history = tmp_path / "h.csv"
    history.write_text(
        "date,channel,metric,value\n"
        + "".join(f"{d.isoformat()},linkedin,followers,{v}\n" for d, v in COUNTS.items())
    )
    return ws, history


def _review(files: tuple[Path, Path], day: dt.date) -> gr.ReviewResult:
    return gr.review(files[0], files[1], store=":memory:", today=day, keep=False)


def test_before_the_history_reaches_the_start_no_baseline_is_shown(
    files: tuple[Path, Path],
) -> None:
    """Reviewed in May with counts to May 1: the value on September 1 is a forecast.
    --explain said "baseline 1,426" (the latest count) though the target is counted from
    the value on the start day."""
    result = _review(files, D(2026, 5, 2))
    g = result.goals[0]
    assert g.baseline is None and g.target is None and g.progress is None
    said = explanation(row_of(g))
    assert "baseline -, target -" in said and "1,426 followers against" in said
    assert "not started: it starts on 2026-09-01" in g.trend()


@pytest.mark.parametrize("day", [D(2026, 9, 3), D(2026, 11, 5)])
def test_once_the_history_covers_the_start_the_baseline_is_its_value_then(
    files: tuple[Path, Path], day: dt.date
) -> None:
    result = _review(files, day)
    g = result.goals[0]
    start_value = COUNTS[D(2026, 9, 1)]
    assert g.baseline == start_value and g.target == pytest.approx(1.25 * start_value)
    assert g.value is not None and g.elapsed is not None
    assert g.progress == pytest.approx((g.value - start_value) / (0.25 * start_value))
    data = json.loads(render_review(result, "json"))["goals"][0]
    assert data["progress"] == pytest.approx(g.progress, abs=1e-4)
    assert data["elapsed"] == pytest.approx(g.elapsed, abs=1e-4)
    assert f"{round(100 * g.progress)} % of the way" in g.trend()
    assert f"baseline {start_value:,}" in explanation(row_of(g))


def test_after_the_start_with_data_short_of_it_no_way_is_measured(
    files: tuple[Path, Path],
) -> None:
    """Reviewed in October with counts only to July 1 (an export not yet refreshed): the
    start's value is still a forecast, so no baseline, way or pace is said, and the
    data's age is."""
    result = gr.review(files[0], files[1], store=":memory:", today=D(2026, 10, 5),
                       keep=False, data_until=D(2026, 7, 1))  # fmt: skip
    g = result.goals[0]
    assert g.baseline is None and g.progress is None and g.pace is None
    assert "of the way" not in g.trend() and "data to 2026-07-01" in g.trend()
    assert "baseline -" in explanation(row_of(g))
