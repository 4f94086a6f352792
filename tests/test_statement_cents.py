"""An amount in cents is read in the currency the statement names, or not at all.

"Lower CPC from $1.20 to 80 cents by June 2027" read no target and no baseline, without
a note; "Get CPC under 80 cents" said only that "80 cents" gives no currency. Cents are
now read as hundredths of the one currency the statement's other amounts name, with a
note; of no currency, of several, or of one with no hundredths (yen), not read, said so.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "RM": "MYR", "USD ": "USD"}


def _read(text: str) -> tuple[gr.Goal, tuple[str, ...]]:
    reading = gr.read_statement(text, start=START)
    return reading.goal, tuple(reading.notes)


@given(st.sampled_from(sorted(SIGNS)), st.integers(101, 999), st.integers(1, 100),
       st.sampled_from(["cents", "cent", "¢", " ¢", " Cents"]))  # fmt: skip
def test_cents_are_hundredths_of_the_currency_named(
    sign: str, base: int, cents: int, word: str
) -> None:
    spaced = "" if word.startswith(("¢", " ")) else " "
    goal, notes = _read(
        f"Lower CPC from {sign}{base / 100:.2f} to {cents}{spaced}{word} by June 2027"
    )
    code = SIGNS[sign]
    assert goal.target is not None and goal.baseline is not None
    assert goal.target.amount.to(f"{code} / click").magnitude == cents / 100
    assert goal.baseline.to(f"{code} / click").magnitude == base / 100
    assert any(f"as {code} {cents / 100:.2f}" in n for n in notes), notes


def test_cents_of_no_currency_or_of_several_are_not_read() -> None:
    for text, why in [
        ("Get CPC under 80 cents by June 2027", "no currency is named"),
        ("Reduce CPC from ¥120 to 80 cents by June 2027", "JPY has no cents"),
        ("Cut CPC from $1.20 or €1.10 to 80 cents by June 2027", "several currencies"),
    ]:
        goal, notes = _read(text)
        assert goal.target is None or goal.target.amount.magnitude != 0.8, text
        assert any("cents of which currency?" in n and why in n for n in notes), (text, notes)


def test_a_number_before_a_word_that_starts_with_cent_is_no_cents() -> None:
    _, notes = _read("Reach 5,000 centre followers on LinkedIn by June 2027")
    assert not any("cents" in n for n in notes)


def test_malay_sen_are_cents_of_the_ringgit() -> None:
    reading = gr.read_statement(
        "Kurangkan CPC dari RM1.20 kepada 80 sen menjelang Jun 2027", start=START, lang="ms"
    )
    assert reading.goal.target is not None, reading.notes
    assert reading.goal.target.amount.to("MYR / click").magnitude == 0.8
