"""A number that begins "0." or "0," is never a group of thousands, in any language.

Before: Greek "στα 0.800 €" (cost per click) read 800 EUR a click and Malay "RM0.800"
RM800: the packs that write "." between thousands ("10.000") took "0.800" for 0,800, a
thousand's group with no thousand, where English reads 0.8 (its own doubt about "1.500"
starts at 1, as this now does). English "€0,800" read 800 EUR and "0,500 followers" 500
(now said, not read: 0.8 with a decimal comma, or a slip?), and Greek "0,800", 0.8 with
the decimal comma Greek writes, was left unread as "0.8 or 800".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
COST_PER_CLICK = {
    "el": "Μείωση του κόστους ανά κλικ στα {n} € έως τον Ιούνιο του 2027",
    "ms": "Kurangkan kos setiap klik kepada RM{n} menjelang Jun 2027",
}


def target_of(statement: str, lang: str) -> float | None:
    """The target's amount, in its unit (EUR or MYR a click)."""
    target = gr.read_statement(statement, start=START, lang=lang).goal.target
    if target is None:
        return None
    return float(getattr(target.amount, "magnitude", target.amount))


@pytest.mark.parametrize(("lang", "written", "value"), [("el", "0.800", 0.8), ("ms", "0.800", 0.8)])
def test_a_leading_zero_is_a_decimal(lang: str, written: str, value: float) -> None:
    target = target_of(COST_PER_CLICK[lang].format(n=written), lang)
    assert target is not None
    assert target == pytest.approx(value)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(COST_PER_CLICK)), st.integers(0, 999))
def test_zero_point_three_digits_is_never_hundreds(lang: str, digits: int) -> None:
    written = f"0.{digits:03d}"
    target = target_of(COST_PER_CLICK[lang].format(n=written), lang)
    assert target is None or target == pytest.approx(float(written))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(COST_PER_CLICK)), st.integers(1, 999), st.integers(0, 999))
def test_a_group_after_one_to_three_digits_is_thousands(lang: str, head: int, tail: int) -> None:
    written = f"{head}.{tail:03d}"
    target = target_of(COST_PER_CLICK[lang].format(n=written), lang)
    assert target is not None
    assert target == head * 1000 + tail


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Reduce cost per click to €0,800 by June 2027", "en"),
        ("Reach 0,500 followers by June 2027", "en"),
        ("Reach 0,500,000 followers by June 2027", "en"),
        ("Kurangkan kos setiap klik kepada RM0,800 menjelang Jun 2027", "ms"),
    ],
)
def test_a_leading_zero_before_a_comma_is_said_in_english(statement: str, lang: str) -> None:
    reading = gr.read_statement(statement, start=START, lang=lang)
    assert reading.goal.target is None
    assert any("decimal comma" in n and "not read" in n for n in reading.notes), reading.notes


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 999))
def test_greek_zero_comma_is_a_decimal(digits: int) -> None:
    written = f"0,{digits:03d}"
    target = target_of(COST_PER_CLICK["el"].format(n=written), "el")
    assert target is None or target == pytest.approx(digits / 1000)
