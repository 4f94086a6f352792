"""Meta's content exports in the account's language: a sum of engagements whose reactions
column has a name goalrules did not know was read from the other columns alone (a
Swedish Facebook export: comments and shares, 7, for 47 engagements). The translated
names seen in real exports are read; a part under a name still unknown leaves the sum
out with a note, never a smaller sum; LinkedIn's older 'Shares (total)' the same way.
Files laid out like the real exports (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
POSTS = [("02/13/2026 10:00", 500, 300, 40, 5, 2), ("02/20/2026 18:30", 900, 610, 12, 1, 0)]


def _values(result: Any, metric: str) -> dict[tuple[D, str], float]:
    return {(r.date, r.channel): r.value for r in result.history if r.metric == metric}


@pytest.mark.parametrize("language", ["en", "sv", "es", "fr"])
def test_facebook_export_reactions_are_counted_in_every_language(
    tmp_path: Path, language: str
) -> None:
    """Reactions + comments + shares of February's posts: 60 in every language (the
    Swedish export was read as 10, its 'Reaktioner' left out of the sum)."""
    p = ef.meta_facebook(tmp_path / "Feb-01-2026_Feb-28-2026_2260327001369726.csv", POSTS,
                         language=language)  # fmt: skip
    result = import_exports(p, today=D(2026, 3, 5))
    assert _values(result, "engagements") == {(D(2026, 2, 1), "facebook"): 60}
    assert _values(result, "post_reach") == {(D(2026, 2, 1), "facebook"): 910}


def test_french_export_with_day_first_dates_and_semicolons(tmp_path: Path) -> None:
    """A French export: ';' between cells, dates day first (13/02/2026), the permalink
    column 'Permalien' (which says the network)."""
    posts = [("13/02/2026 10:00", 500, 300, 40, 5, 2), ("03/02/2026 18:30", 900, 610, 12, 1, 0)]
    p = ef.meta_facebook(tmp_path / "posts.csv", posts, language="fr", delimiter=";")
    result = import_exports(p, today=D(2026, 3, 5))
    assert _values(result, "engagements") == {(D(2026, 2, 1), "facebook"): 60}


def test_a_part_under_an_unknown_name_leaves_the_sum_out_with_a_note(tmp_path: Path) -> None:
    """The reactions column under a name goalrules does not know (a language it has no
    names for): engagements are not read (comments and shares alone would be 10), and a
    note says which part is missing."""
    header = list(ef.META_FB["sv"])
    header[header.index("Reaktioner")] = "Reaksiyonlar"
    p = ef.meta_facebook(tmp_path / "posts.csv", POSTS, header=header)
    result = import_exports(p, today=D(2026, 3, 5))
    assert _values(result, "engagements") == {}
    assert _values(result, "post_reach") == {(D(2026, 2, 1), "facebook"): 910}
    said = [n for n in result.notes if "engagements not read" in n]
    assert len(said) == 1 and "'likes' or 'reactions'" in said[0] and str(p) in said[0]


_PARTS = ("Reaktioner", "Kommentarer", "Delningar")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    renamed=st.sets(st.sampled_from(_PARTS), max_size=3),
    counts=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 50), st.integers(0, 50)),
                    min_size=1, max_size=4),
)  # fmt: skip
def test_engagements_are_the_whole_sum_or_not_read(
    tmp_path: Path, renamed: set[str], counts: list[tuple[int, int, int]]
) -> None:
    """Whichever parts carry a name goalrules does not know, engagements are the sum of
    all three parts or not read at all: never the sum of the parts it found."""
    header = [f"X-{n}" if n in renamed else n for n in ef.META_FB["sv"]]
    posts = [(f"02/{13 + i}/2026 10:00", 100, 50, r, c, s) for i, (r, c, s) in enumerate(counts)]
    p = ef.meta_facebook(tmp_path / "posts.csv", posts, header=header)
    got = _values(import_exports(p, today=D(2026, 3, 5)), "engagements")
    if renamed:
        assert got == {}
    else:
        assert got == {(D(2026, 2, 1), "facebook"): sum(r + c + s for r, c, s in counts)}


def test_a_needed_part_missing_from_a_required_sum_is_an_error(tmp_path: Path) -> None:
    """A preset whose summed metric is not optional: a part it needs that the file lacks
    is an error naming the file and the header line, not a smaller sum."""
    from goalrules.io.exports.history import read_history_part
    from goalrules.io.exports.presets import Match, preset_from_dict
    from goalrules.io.exports.raw import read_sheets
    from goalrules.io.exports.rows import DateOptions

    p = ef.write_csv(tmp_path / "daily.csv", [["Date", "Likes", "Comments"],
                                              ["2026-02-01", "3", "4"]])  # fmt: skip
    own = preset_from_dict({
        "id": "likes-and-shares", "output": "history", "require": ["date", "likes"],
        "date": {"columns": ["date"], "forms": ["iso"]}, "channel": {"fixed": "x"},
        "metric": [{"metric": "engagements", "sum": ["likes", "comments", "shares"],
                    "need": [["likes"], ["comments"], ["shares", "reposts"]]}],
    })  # fmt: skip
    sheet = read_sheets(p)[0]
    match = Match(own, sheet, 0, {"date": 0, "likes": 1, "comments": 2})
    with pytest.raises(DataError) as err:
        read_history_part(match, DateOptions(D(2026, 3, 1)))
    assert err.value.line == 1 and err.value.source == str(p)
    assert "'shares' or 'reposts'" in str(err.value)


@pytest.mark.parametrize("reposts", ["Reposts", "Shares"])
def test_linkedins_shares_before_they_were_reposts_are_counted(
    tmp_path: Path, reposts: str
) -> None:
    """LinkedIn's content export called reposts 'Shares (total)' before 2023: they were
    left out of engagements (4 + 1 + 3, not 4 + 1 + 2 + 3)."""
    pytest.importorskip("python_calamine")
    p = ef.linkedin_content(tmp_path / "campfire_content.xlsx", [("01/02/2026", 100, 3, 4, 1, 2)],
                            reposts=reposts)  # fmt: skip
    got = {r.date: r.value for r in import_exports(p).history if r.metric == "engagements"}
    assert got == {D(2026, 1, 2): 4 + 1 + 2 + 3}


def test_tiktoks_engagements_without_its_shares_column_are_not_read(tmp_path: Path) -> None:
    """A TikTok Overview without its Shares column: engagements were likes + comments."""
    p = ef.write_csv(tmp_path / "Overview.csv", [["Date", "Video Views", "Profile Views", "Likes",
                                                  "Comments"], ["March 7", 100, 1, 5, 2]])  # fmt: skip
    result = import_exports(p, today=D(2026, 3, 10))
    assert {r.metric for r in result.history} == {"video_views", "profile_visits"}
    assert any("engagements not read" in n and "'shares'" in n for n in result.notes)
