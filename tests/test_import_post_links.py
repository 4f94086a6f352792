"""A post given twice under two spellings of its link (TikTok's ``?lang=en`` and
``?is_from_webapp=1``, Instagram's ``?igsh=``, a trailing slash, ``http`` for ``https``,
``twitter.com`` for ``x.com``) was two posts: its views were summed twice, silently.
It is one post: counted once when the rows agree, an error when they do not. A query
that names the post (Facebook's ``permalink.php?story_fbid=``) still tells posts apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.post_links import post_link
from tests import export_files as ef

D = dt.date
TIKTOK = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
          "Total shares", "Total views"]  # fmt: skip
LINK = "https://www.tiktok.com/@campfire/video/7412345678901234567"
SPELLINGS = [LINK, LINK + "?lang=en", LINK + "/", LINK.replace("https", "http"),
             LINK + "?is_from_webapp=1&sender_device=pc", LINK + "#comments",
             LINK.replace("www.", "m.")]  # fmt: skip


def _tiktok(path: Path, links: list[str], views: list[int]) -> Path:
    rows: list[list[object]] = [TIKTOK]
    rows += [["2026-10-30", "A video", link, "2026-09-02 18:00:00", 5, 1, 1, v]
             for link, v in zip(links, views, strict=True)]  # fmt: skip
    return ef.write_csv(path, rows)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(SPELLINGS), min_size=2, max_size=4))
def test_one_video_under_any_spelling_counts_once(
    tmp_path_factory: pytest.TempPathFactory, links: list[str]
) -> None:
    p = _tiktok(tmp_path_factory.mktemp("tt") / "Content.csv", links, [100] * len(links))
    r = import_exports(p)
    assert {x.value for x in r.history if x.metric == "video_views"} == {100}


def test_one_video_under_two_spellings_with_two_figures_is_an_error(tmp_path: Path) -> None:
    p = _tiktok(tmp_path / "Content.csv", [LINK, LINK + "?lang=en"], [100, 140])
    with pytest.raises(DataError, match="two different rows"):
        import_exports(p)


def test_instagram_share_links_are_one_post(tmp_path: Path) -> None:
    p = ef.meta_content(tmp_path / "posts.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/DAbc123/", 100, 80, 1, 1, 1, 1),
        ("09/15/2026 18:00", "https://www.instagram.com/reel/DAbc123/?igsh=MWQ1ZGUx", 100, 80, 1,
         1, 1, 1)])  # fmt: skip
    r = import_exports(p)
    assert {x.value for x in r.history if x.metric == "impressions"} == {100}


def test_a_query_that_names_the_post_tells_posts_apart() -> None:
    a = "https://www.facebook.com/permalink.php?story_fbid=111&id=9"
    b = "https://www.facebook.com/permalink.php?story_fbid=222&id=9"
    assert post_link(a) != post_link(b)
    assert post_link(a) == post_link("https://m.facebook.com/permalink.php?id=9&story_fbid=111")
    assert post_link("https://youtube.com/watch?v=abc") != post_link(
        "https://youtube.com/watch?v=abd"
    )
    assert post_link("https://www.instagram.com/p/AbC/") != post_link(
        "https://www.instagram.com/p/abc/"
    )
    assert post_link("https://twitter.com/c/status/18") == post_link(
        "https://x.com/c/status/18?s=20"
    )
    assert post_link("18011") == "18011"  # an id: as written
