"""An anchor is an exact total on a day. One whose number a word scales ('2k followers',
'2 thousand followers': read as 2 followers) or whose words make it a gain ('50 new
followers': read as a total of 50) is an error naming the word."""

from __future__ import annotations

import pytest

from goalrules.errors import DataError
from goalrules.io.exports import Anchor


@pytest.mark.parametrize(("text", "word"), [
    ("2k followers on 2026-01-01", "'k'"),
    ("12K LinkedIn followers on 2026-01-01", "'K'"),
    ("1.5k followers on 2026-01-01", "'k'"),
    ("2 thousand followers on 2026-01-01", "'thousand'"),
    ("1 million subscribers on 2026-01-01", "'million'"),
    ("3 mil followers on 2026-01-01", "'mil'"),
])  # fmt: skip
def test_a_scaled_anchor_is_an_error(text: str, word: str) -> None:
    with pytest.raises(DataError, match=f"scales its number with {word}") as e:
        Anchor.parse(text)
    assert e.value.field == "--anchor"


@pytest.mark.parametrize("text", ["50 new followers on 2026-01-01",
                                  "40 net followers on 2026-01-01"])  # fmt: skip
def test_a_gain_is_no_anchor(text: str) -> None:
    with pytest.raises(DataError, match="not a gain"):
        Anchor.parse(text)


@pytest.mark.parametrize(("text", "value", "channel"), [
    ("1500 followers on 2026-01-01", 1500, None),
    ("1,500 LinkedIn followers on 2026-01-01", 1500, "linkedin"),
    ("1 500 linkedin page followers on 2026-01-01", 1500, "linkedin"),
    ("2000 X followers as of 2026-01-01", 2000, "x"),
])  # fmt: skip
def test_exact_totals_read(text: str, value: int, channel: str | None) -> None:
    a = Anchor.parse(text)
    assert (a.value, a.channel, a.metric) == (value, channel, "followers")
