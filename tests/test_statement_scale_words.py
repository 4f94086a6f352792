"""A word of scale from another language after a number, as Manglish and Taglish write
them in sentences of English words ("Target kita 1.2 juta views on YouTube by Q4",
"Target: 2.5 milyon na views", "10 rb followers"): read as English, the word was taken
for an adjective and skipped, so the target read 1.2 views. Now it is read as the scale
every pack that knows it gives it, with a note; "mil" (a million in English, a thousand
in Welsh) stays unread. Malay writes thousand and million short ("10rb", "1.5 jt"), and
a billion is "bilion", "bilyon", "biliwn", "δισεκατομμύρια", "مليار" (read bare)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

WORDS = [
    ("juta", "Malay", 1_000_000),
    ("ribu", "Malay", 1_000),
    ("rb", "Malay", 1_000),
    ("jt", "Malay", 1_000_000),
    ("libo", "Tagalog", 1_000),
    ("milyon", "Tagalog", 1_000_000),
    ("miliwn", "Welsh", 1_000_000),
    ("ألف", "Arabic", 1_000),
    ("مليون", "Arabic", 1_000_000),
]
SCALE = {1_000: "thousand", 1_000_000: "million"}


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(WORDS), st.integers(2, 99), st.sampled_from(["", ".5"]))
def test_a_scale_word_of_another_language_scales_the_number(
    word: tuple[str, str, int], n: int, part: str
) -> None:
    """As the English scale word reads, so does the other language's, with a note."""
    written, language, scale = word
    said = f"Target: {n}{part} {written} followers on TikTok by Q4"
    reading = read(said)
    english = read(f"Target: {n}{part} {SCALE[scale]} followers on TikTok by Q4")
    assert reading.goal.target is not None
    assert reading.goal.target == english.goal.target
    assert reading.goal.target.amount.magnitude == pytest.approx(float(f"{n}{part}") * scale)
    assert any(f'"{written}" in {language}' in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Target kita 1.2 juta views on YouTube by Q4", "1200000 view"),
        ("Target: 2.5 milyon na views sa YouTube by end of Q3", "2500000 view"),
        ("Get 10rb followers on TikTok by Q4", "10000 follower"),
        ("Dapatkan 10rb pengikut di TikTok menjelang Q4", "10000 follower"),
        ("Capai 1.5 jt tontonan di YouTube menjelang Q4", "1500000 view"),
        ("Capai 1 bilion tontonan di YouTube menjelang 2028", "1000000000 view"),
        ("Abutin ang 1 bilyong views sa YouTube bago matapos ang 2028", "1000000000 view"),
        ("Cyrraedd 1 biliwn o wyliadau ar YouTube erbyn 2028", "1000000000 view"),
        ("Στόχος 1 δισεκατομμύριο προβολές στο YouTube έως το 2028", "1000000000 view"),
        ("الوصول إلى 1 مليار مشاهدة على يوتيوب بحلول 2028", "1000000000 view"),
    ],
)
def test_code_switched_and_short_scales(statement: str, target: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target, reading.notes


def test_mil_stays_unread_in_english() -> None:
    # a million as English writes it, a thousand as Welsh does: no number is guessed
    reading = read("Get 10 mil followers on TikTok by Q4")
    assert reading.goal.target is None
    assert any("could be 10 million" in note for note in reading.notes)


def test_an_english_word_after_a_number_is_left() -> None:
    # "500 new followers": an adjective, as before (no scale read, no note)
    reading = read("Get 500 new followers on TikTok by Q4")
    assert str(reading.goal.target) == "+500 follower"
    assert not any(note.startswith('read "500') for note in reading.notes)
