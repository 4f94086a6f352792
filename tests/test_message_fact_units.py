"""A rule's message shows each fact in its own unit: a plain number given for a fact of
any unit (``fact spend: quantity``, the built-in ``channel.spend``) is the number it
is, never a percentage (a spend of 12 read "spend 1,200 %")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

RULES = gr.load_rules(
    "fact spend: quantity\nfact cpm: quantity\n"
    'rule shown criterion x check false fail "spend {spend}, cpm {cpm}, twice {spend * 2}"\n'
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=0, max_value=2))
def test_a_plain_number_for_a_quantity_reads_as_that_number(whole: int, places: int) -> None:
    value = whole / 10**places
    message = RULES.evaluate(spend=value, cpm=str(value)).findings[0].message
    assert message is not None and "%" not in message, message
    spend, cpm, twice = (part.split(" ")[-1] for part in message.split(", "))
    assert abs(_number(spend) - value) <= 0.005 * value, message
    assert abs(_number(cpm) - value) <= 0.005 * value, message
    assert abs(_number(twice) - 2 * value) <= 0.01 * value, message


def test_a_pint_number_without_a_unit_is_a_plain_number_too() -> None:
    message = RULES.evaluate(spend=gr.quantity("12"), cpm=gr.quantity("5 %")).findings[0].message
    assert message == "spend 12, cpm 5 %, twice 24"


def test_a_quantity_with_its_unit_keeps_it() -> None:
    message = RULES.evaluate(spend="12 USD", cpm="5 %").findings[0].message
    assert message == "spend 12 USD, cpm 5 %, twice 24 USD"


def test_a_built_in_money_field_given_a_plain_number() -> None:
    rules = gr.load_rules('rule r criterion x check false fail "spend {channel.spend}"')
    assert rules.evaluate(channel={"spend": 12}).findings[0].message == "spend 12"


def test_a_plain_number_beside_money_is_named_as_one() -> None:
    """Comparing a plain number with money cannot be done: the reason says which is the
    plain number (it said "cannot compare USD and ratio")."""
    rules = gr.load_rules(
        'fact spend: quantity\nfact cap: quantity\nrule r criterion x check spend <= cap fail "over"'
    )
    finding = rules.evaluate(spend="12 USD", cap=12).findings[0]
    assert finding.outcome.value == "unknown"
    assert finding.message is not None and "ratio" not in finding.message, finding.message
    assert "plain number" in finding.message, finding.message
