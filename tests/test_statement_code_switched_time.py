"""Words that say when, in another language, in a statement of English words (Taglish,
Manglish): "Grow our IG followers by 20% ngayong taon" (this year), "bago matapos ang
taon", "before hujung tahun", "by katapusan ng taon". Read as English, they were
dropped: no deadline, and no word of why. Now a note quotes them and names their
language; the English words for the same time read the deadline as before."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

# (the words of another language, the language, the English words, the deadline)
WHEN = [
    ("ngayong taon", "Tagalog", "this year", dt.date(2026, 12, 31)),
    ("bago matapos ang taon", "Tagalog", "by the end of the year", dt.date(2026, 12, 31)),
    ("by katapusan ng taon", "Tagalog", "by the end of the year", dt.date(2026, 12, 31)),
    ("before hujung tahun", "Malay", "before the end of the year", dt.date(2026, 12, 31)),
    ("menjelang akhir tahun", "Malay", "by the end of the year", dt.date(2026, 12, 31)),
]
GOALS = [
    "Grow our IG followers by 20%",
    "Increase TikTok followers to 10k",
    "Get 500 leads from LinkedIn",
]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(WHEN), st.sampled_from(GOALS))
def test_when_in_another_language_is_said(when: tuple[str, str, str, dt.date], goal: str) -> None:
    words, language, english, due = when
    reading = gr.read_statement(f"{goal} {words}", start=START)
    assert reading.language == "en"
    assert reading.goal.deadline is None
    assert any(f"is {language} for" in note for note in reading.notes), reading.notes
    assert gr.read_statement(f"{goal} {english}", start=START).goal.deadline == due


def test_no_note_without_words_of_another_language() -> None:
    for said in ["Sell 500 Mac apps on Instagram", "Grow Instagram followers by 20%"]:
        reading = gr.read_statement(said, start=START)
        assert not any("which a statement read as English" in n for n in reading.notes)


def _by_pattern(text: str, phrases: list[str]) -> tuple[int, str] | None:
    """The first whole-word phrase as one pattern of every phrase finds it."""
    import re

    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)")
    m = pattern.search(text)
    return None if m is None else (m.start(), m.group(0))


_TIME_TABLE = ["ngayong taon", "taon", "hujung tahun", "tahun", "bago", "ba", "año_x", "ázy"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_TIME_TABLE, " ", "-", "_", "a", "ng", "é", "1", ".", "ayong", "bag"]),
        max_size=12,
    ),
    st.permutations(_TIME_TABLE),
)
def test_the_scan_finds_the_phrase_a_pattern_of_every_phrase_finds(
    pieces: list[str], order: list[str]
) -> None:
    from goalrules.model.foreign_time_words import _first_phrase

    text = "".join(pieces)
    phrases = sorted(order, key=len, reverse=True)  # longest first, ties as given
    by_first: dict[str, list[str]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    assert _first_phrase(text, by_first) == _by_pattern(text, phrases)
