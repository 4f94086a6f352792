"""Arabic numbers written in words, as Arab marketers write them: the units before the
tens and "و" (and) written onto each following word ("خمسة وعشرين ألف", 25,000), the
hundreds in one word ("ثلاثمائة", "خمسمئة"), the teens ("خمسة عشر") and the dual
("مئتين", "ألفين"). "ألفين وخمسمائة متابع" read 2,000 followers (the "وخمسمائة" left
unread and dropped without a note), and "ألف ونيف" (a thousand and some) 1,000; a
compound read no number. Each is read whole now, and a word after a number that no
pack reads makes it no target, with a note, never a part of the number dropped."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

UNITS = {
    1: "واحد", 2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة",
    8: "ثمانية", 9: "تسعة",
}  # fmt: skip
TENS = {
    2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين",
    9: "تسعين",
}  # fmt: skip
HUNDREDS = {
    1: "مئة", 2: "مئتين", 3: "ثلاثمائة", 4: "أربعمائة", 5: "خمسمائة", 6: "ستمائة",
    7: "سبعمائة", 8: "ثمانمائة", 9: "تسعمائة",
}  # fmt: skip


def arabic_below_thousand(n: int) -> str:
    """``n`` (1..999, no teens) in Arabic words: hundreds, then units before tens, each
    after the first joined by "و"."""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    parts = ([HUNDREDS[h]] if h else []) + ([UNITS[u]] if u else []) + ([TENS[t]] if t else [])
    return " و".join(parts)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 999).filter(lambda n: not 10 <= n % 100 < 20),
    st.sampled_from([("ألف", 1_000), ("مليون", 1_000_000)]),
)
def test_a_compound_of_thousands_is_read_whole(n: int, scale: tuple[str, int]) -> None:
    word, times = scale
    if n in (1, 2):  # one thousand is "ألف", two "ألفين": no unit written before them
        return
    said = f"الوصول إلى {arabic_below_thousand(n)} {word} متابع على إنستغرام بحلول نهاية العام"
    reading = read(said)
    assert str(reading.goal.target) == f"{n * times} follower", reading.notes


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("خمسة وعشرين ألف", 25_000),
        ("مئة وخمسين ألف", 150_000),
        ("ثلاثمائة ألف", 300_000),
        ("خمسة عشر ألف", 15_000),
        ("ألفين وخمسمائة", 2_500),
        ("مليون ومئتي ألف", 1_200_000),
        ("مئتين وخمسين ألف", 250_000),
    ],
)
def test_arabic_numbers_in_words(words: str, value: int) -> None:
    reading = read(f"الوصول إلى {words} متابع على إنستغرام بحلول نهاية العام")
    assert str(reading.goal.target) == f"{value} follower", reading.notes


def test_a_word_after_a_number_that_no_pack_reads_is_said() -> None:
    # "ألف ونيف": a thousand and some, read 1,000 with no note
    reading = read("الوصول إلى ألف ونيف متابع على إنستغرام بحلول نهاية العام")
    assert reading.goal.target is None
    assert any('"ونيف"' in note for note in reading.notes), reading.notes
