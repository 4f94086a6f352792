"""Meta's "Views" in a content export is what Meta replaced impressions (and plays) with
in 2024-25, for every kind of content: "the number of times your content was played or
displayed". It was imported as video views, so a photo post's or a carousel's views
made an account's "video views". It is read as impressions (times content was shown,
counting repeats); a Reels export's "Plays" alone are video views. Files laid out like
Meta's exports (made here)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef

POST_TYPES = ["IG image", "IG carousel", "IG reel", "IG story", "Photo", "Video", "Text"]


def _export(path: Path, posts: list[tuple[str, int]]) -> Path:
    rows = [(f"09/{i + 13:02d}/2026 18:00", f"https://www.instagram.com/p/P{i}/", views, 50, 5, 1,
             2, 1) for i, (_, views) in enumerate(posts)]  # fmt: skip
    p = ef.meta_content(path, rows)
    lines = p.read_text().splitlines()
    out = [lines[0]] + [line.replace("IG reel", kind) for line, (kind, _) in
                        zip(lines[1:], posts, strict=True)]  # fmt: skip
    p.write_text("\n".join(out) + "\n")
    return p


@settings(max_examples=20, deadline=None)
@given(posts=st.lists(st.tuples(st.sampled_from(POST_TYPES), st.integers(0, 10**6)),
                      min_size=1, max_size=6))  # fmt: skip
def test_views_are_impressions_of_every_kind_of_post(
    tmp_path_factory: object, posts: list[tuple[str, int]]
) -> None:
    path = _export(tmp_path_factory.mktemp("meta") / "content.csv", posts)  # type: ignore[attr-defined]
    history = import_exports(path).history
    by_metric = {(r.metric, r.date.month): r.value for r in history}
    assert by_metric[("impressions", 9)] == sum(v for _, v in posts)
    assert not [r for r in history if r.metric == "video_views"]


def test_a_photo_posts_views_are_no_video_views(tmp_path: Path) -> None:
    result = import_exports(_export(tmp_path / "content.csv", [("IG image", 900)]))
    assert {r.metric: r.value for r in result.history}["impressions"] == 900
    assert "video_views" not in {r.metric for r in result.history}


def test_plays_are_video_views_beside_views(tmp_path: Path) -> None:
    p = _export(tmp_path / "content.csv", [("IG reel", 900)])
    lines = p.read_text().splitlines()
    lines[0] += ",Plays"
    lines[1] += ",700"
    p.write_text("\n".join(lines) + "\n")
    got = {r.metric: r.value for r in import_exports(p).history}
    assert got["impressions"] == 900 and got["video_views"] == 700


def test_a_posts_follows_are_said_to_be_gained_not_net(tmp_path: Path) -> None:
    """Meta's per-post "Follows" are the follows a post brought, no one lost: summed as
    new_followers (net new) without a word."""
    result = import_exports(_export(tmp_path / "content.csv", [("IG reel", 900), ("IG image", 5)]))
    assert {r.metric: r.value for r in result.history}["new_followers"] == 2
    said = [n for n in result.notes if "new_followers" in n and "gained" in n]
    assert len(said) == 1 and "not net of those lost" in said[0]


def test_a_page_export_of_views_says_nothing_of_followers(tmp_path: Path) -> None:
    p = ef.meta_page(tmp_path / "views.csv", "Views", [("2025-08-01T00:00:00", 20)])
    result = import_exports(p)
    assert [(r.metric, r.value) for r in result.history] == [("impressions", 20)]
    assert not [n for n in result.notes if "gained" in n or "follow" in n]
