"""Numbers written in words in Malay, Tagalog, Welsh and Greek, as marketers write a
target: "seratus lima puluh ribu" (150,000) read 50,000, Tagalog "dalawampu't limang
libong" (25,000) 5,000, Greek "είκοσι πέντε χιλιάδες" (25,000) 5,000 (the word a pack
did not know was dropped without a note), and Welsh "dau ddeg pump mil" (25,000) 17,000
(two, ten and five added). The packs know the tens and hundreds now, number words that
do not make a number are not added up (a note says so), and a scale after a word that
is no number leaves the whole number unread ("blah hundred thousand" read 1,000)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.model.amounts import normalize_numbers

START = dt.date(2026, 5, 1)

SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "ninety"]  # fmt: skip
VALUE = {w: i for i, w in enumerate(SMALL[:12], 1)} | {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "ninety": 90,
}  # fmt: skip

CY_TENS = {2: "dau ddeg", 3: "tri deg", 4: "pedwar deg", 5: "pum deg", 6: "chwe deg",
           7: "saith deg", 8: "wyth deg", 9: "naw deg"}  # fmt: skip
CY_UNITS = {1: "un", 2: "dau", 3: "tri", 4: "pedwar", 5: "pump", 6: "chwech", 7: "saith",
            8: "wyth", 9: "naw"}  # fmt: skip
EL_TENS = {2: "είκοσι", 3: "τριάντα", 4: "σαράντα", 5: "πενήντα", 6: "εξήντα", 7: "εβδομήντα",
           8: "ογδόντα", 9: "ενενήντα"}  # fmt: skip
EL_UNITS = {1: "ένα", 2: "δύο", 3: "τρεις", 4: "τέσσερις", 5: "πέντε", 6: "έξι", 7: "επτά",
            8: "οκτώ", 9: "εννέα"}  # fmt: skip
TL_TENS = {2: "dalawampu", 3: "tatlumpu", 4: "apatnapu", 5: "limampu", 6: "animnapu",
           7: "pitumpu", 8: "walumpu", 9: "siyamnapu"}  # fmt: skip
TL_UNITS = {1: "isang", 2: "dalawang", 3: "tatlong", 4: "apat na", 5: "limang", 6: "anim na",
            7: "pitong", 8: "walong", 9: "siyam na"}  # fmt: skip


@given(st.sampled_from(SMALL), st.sampled_from(SMALL))
def test_number_words_that_make_no_number_are_not_added(a: str, b: str) -> None:
    """Two small numbers make one only as a ten and a unit, either way round ("twenty
    five", "five and twenty"); "two ten" is never 12."""
    x, y = VALUE[a], VALUE[b]
    makes = (x % 10 == 0 and x >= 20 and y < 10) or (y % 10 == 0 and y >= 20 and x < 10)
    read = normalize_numbers(f"reach {a} {b} thousand followers")
    if makes:
        assert read == f"reach {(x + y) * 1000} followers"
    else:
        assert read == f"reach {a} {b} thousand followers"
        reading = gr.read_statement(f"Reach {a} {b} thousand Instagram followers by June")
        assert reading.goal.target is None
        assert any("is no number goalrules reads" in n for n in reading.notes), reading.notes


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 9), st.integers(1, 9), st.sampled_from(["cy", "el", "tl"]))
def test_tens_and_units_in_words(tens: int, unit: int, lang: str) -> None:
    n = tens * 10 + unit
    if lang == "cy":
        said = (
            f"Cyrraedd {CY_TENS[tens]} {CY_UNITS[unit]} mil o ddilynwyr ar Instagram erbyn Rhagfyr"
        )
    elif lang == "el":
        said = f"Στόχος {EL_TENS[tens]} {EL_UNITS[unit]} χιλιάδες ακόλουθοι στο Instagram έως τον Δεκέμβριο"
    else:
        said = f"Makakuha ng {TL_TENS[tens]}'t {TL_UNITS[unit]} libong followers sa TikTok bago matapos ang taon"
    reading = gr.read_statement(said, start=START)
    assert str(reading.goal.target) == f"{n * 1000} follower", reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Capai seratus lima puluh ribu tontonan YouTube menjelang Disember", "150000 view"),
        ("Makakuha ng limang daang leads sa LinkedIn sa loob ng 3 buwan", "500 lead"),
        ("Makakuha ng apat na raang leads sa LinkedIn sa loob ng 3 buwan", "400 lead"),
        ("Makakuha ng isang milyong views sa YouTube bago matapos ang taon", "1000000 view"),
        ("Cyrraedd pum cant o ddilynwyr ar Instagram erbyn Rhagfyr", "500 follower"),
        ("Cyrraedd tri chant o ddilynwyr ar Instagram erbyn Rhagfyr", "300 follower"),
        ("Στόχος διακόσιες χιλιάδες προβολές στο YouTube έως τον Δεκέμβριο", "200000 view"),
        ("Στόχος εκατό χιλιάδες προβολές στο YouTube έως τον Δεκέμβριο", "100000 view"),
        ("Στόχος εκατόν πενήντα χιλιάδες προβολές στο YouTube έως τον Δεκέμβριο", "150000 view"),
    ],
)
def test_hundreds_in_words(statement: str, target: str) -> None:
    reading = gr.read_statement(statement, start=START)
    assert str(reading.goal.target) == target, reading.notes


def test_a_scale_after_no_number_leaves_the_whole_number() -> None:
    # "blah hundred thousand": the "thousand" left read 1,000 views
    reading = gr.read_statement("Reach blah hundred thousand views on YouTube by December")
    assert reading.goal.target is None
    assert any('"blah hundred thousand"' in note for note in reading.notes), reading.notes
