"""TikTok Studio's Content.csv (one row per video: ``Time, Video title, Video link, Post
time, Total likes, Total comments, Total shares, Total views``, as EXPORTS.md lays it
out) had no preset: "no export preset matches". It is read as a per-post export: each
video's totals by the month it was posted. Files laid out like TikTok's (made here): a
byte-order mark, quoted thousands, a blank row, titles with commas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import detect_preset, import_exports
from tests import export_files as ef

D = dt.date
HEADER = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
          "Total shares", "Total views"]  # fmt: skip


def _content(path: Path, videos: list[tuple[D, int, int, int, int]], *, bom: bool = True) -> Path:
    rows: list[list[object]] = [HEADER]
    for i, (d, likes, comments, shares, views) in enumerate(videos):
        rows.append(["2026-10-30", f"Video {i}, with a comma",
                     f"https://www.tiktok.com/@campfire/video/74{i:017d}",
                     f"{d:%Y-%m-%d} 18:05:00", f"{likes:,}", comments, shares, f"{views:,}"])  # fmt: skip
    ef.write_csv(path, rows)
    if bom:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return path


def _by(result: object, metric: str) -> dict[D, float]:
    return {r.date: r.value for r in result.history if r.metric == metric}  # type: ignore[attr-defined]


def test_content_csv_is_read_by_its_own_preset(tmp_path: Path) -> None:
    p = _content(tmp_path / "Content.csv", [(D(2026, 9, 2), 1200, 48, 31, 18400),
                                            (D(2026, 9, 9), 640, 12, 9, 9100),
                                            (D(2026, 10, 1), 10, 1, 0, 700)])  # fmt: skip
    assert detect_preset(p).preset.id == "tiktok-content"
    r = import_exports(p)
    assert {x.channel for x in r.history} == {"tiktok"}
    assert _by(r, "video_views") == {D(2026, 9, 1): 27500, D(2026, 10, 1): 700}
    assert _by(r, "engagements") == {D(2026, 9, 1): 1200 + 48 + 31 + 640 + 12 + 9,
                                     D(2026, 10, 1): 11}  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(videos=st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 10, 30)),
                                 *[st.integers(0, 10**6)] * 4), min_size=1, max_size=8))  # fmt: skip
def test_each_months_views_are_its_videos_sum(
    tmp_path_factory: pytest.TempPathFactory, videos: list[tuple[D, int, int, int, int]]
) -> None:
    p = _content(tmp_path_factory.mktemp("tt") / "Content.csv", videos)
    want: dict[D, float] = {}
    for d, *_, views in videos:
        want[d.replace(day=1)] = want.get(d.replace(day=1), 0) + views
    assert _by(import_exports(p), "video_views") == want


def test_an_empty_views_cell_is_missing_never_zero(tmp_path: Path) -> None:
    p = _content(tmp_path / "Content.csv", [(D(2026, 9, 2), 1, 1, 1, 500),
                                            (D(2026, 9, 9), 1, 1, 1, 300)])  # fmt: skip
    p.write_text(
        p.read_text(encoding="utf-8-sig").replace(',"300"\n', ",\n").replace(",300\n", ",\n")
    )
    r = import_exports(p)
    assert D(2026, 9, 1) not in _by(r, "video_views")  # 500 alone is not September's views


def test_a_video_listed_twice_with_other_figures_is_an_error(tmp_path: Path) -> None:
    p = _content(tmp_path / "Content.csv", [(D(2026, 9, 2), 1, 1, 1, 500)])
    lines = p.read_text(encoding="utf-8-sig").splitlines()
    lines.append(lines[1].replace(",500", ",900"))
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError):
        import_exports(p)


def test_a_post_time_that_could_be_day_or_month_first_is_asked_never_guessed(
    tmp_path: Path,
) -> None:
    """Content.csv in the account's locale: 03/04/2026 is 3 April in the UK. It was read
    as March 4 (month first) without a word."""

    def write(times: list[str]) -> Path:
        rows: list[list[object]] = [HEADER]
        rows += [["", "v", f"https://www.tiktok.com/@c/video/{i}", t, 1, 1, 1, 10]
                 for i, t in enumerate(times)]  # fmt: skip
        return ef.write_csv(tmp_path / "Content.csv", rows)

    with pytest.raises(DataError, match="dayfirst"):
        import_exports(write(["03/04/2026 18:00", "05/04/2026 09:00"]))
    uk = import_exports(write(["03/04/2026 18:00", "16/05/2026 09:00"]))
    assert _by(uk, "video_views") == {D(2026, 4, 1): 10, D(2026, 5, 1): 10}
    assert _by(import_exports(write(["03/04/2026 18:00"]), dayfirst=False),
               "video_views") == {D(2026, 3, 1): 10}  # fmt: skip
