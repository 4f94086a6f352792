"""Meta Business Suite's page export names its metric on line 2, and the metric was the
first known name found *inside* the title: "Facebook unfollows" read as new followers,
"Views from ads" as every view, "Facebook video views" as impressions. The title is
read as a whole; any other title is an error naming the file and its line. Files laid
out like the real export (UTF-16, ``sep=,``, the title, ``"Date","Primary"``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.io.exports.presets import presets
from tests import export_files as ef

KNOWN = {"Facebook follows": ("facebook", "new_followers"), "Views": ("facebook", "impressions"),
         "Facebook visits": ("facebook", "profile_visits"),
         "Content interactions": ("facebook", "engagements"),
         "Facebook link clicks": ("facebook", "clicks"),
         "Instagram follows": ("instagram", "new_followers")}  # fmt: skip
# ("Viewers" and "Reach", a day's reach, are read by no month: test_import_daily_reach.py)


@pytest.mark.parametrize("title", sorted(KNOWN))
def test_the_titles_meta_writes_read_as_their_metric(tmp_path: Path, title: str) -> None:
    p = ef.meta_page(tmp_path / "page.csv", title, [("2026-01-02T00:00:00", 3)])
    assert [(r.channel, r.metric) for r in import_exports(p).history] == [KNOWN[title]]


@pytest.mark.parametrize("title", ["Facebook unfollows", "Views from ads", "Facebook video views",
                                   "Paid reach", "Organic views", "Facebook followers"])  # fmt: skip
def test_a_title_that_only_holds_a_known_name_is_an_error(tmp_path: Path, title: str) -> None:
    p = ef.meta_page(tmp_path / "page.csv", title, [("2026-01-02T00:00:00", 3)])
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.source == str(p) and err.value.line == 2
    assert title.lower() in str(err.value)


_WORDS = st.text(st.characters(whitelist_categories=("Ll",)), min_size=2, max_size=8)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(presets()["meta-page"].title_metric)), _WORDS, st.booleans())
def test_a_known_name_with_another_word_is_never_read_as_it(
    tmp_path: Path, name: str, word: str, before: bool
) -> None:
    title = f"{word} {name}" if before else f"{name} {word}"
    if title in presets()["meta-page"].title_metric:
        return  # another known title ("instagram" + "reach")
    p = ef.meta_page(tmp_path / "page.csv", title, [("2026-01-02T00:00:00", 3)])
    with pytest.raises(DataError):
        import_exports(p)
