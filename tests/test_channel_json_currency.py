"""A channel's JSON names the currency of its spend and costs.

``channels --format json`` gave "spend": 5550.0 and "cost_per_lead": 17.29 with no
currency (the note that says USD was assumed goes to stderr, and programs read the JSON):
the evidence now carries "currency" beside the spend, the one the reasons write.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr


@given(st.sampled_from(["USD", "EUR", "GBP", "MYR", "PHP", "SAR"]), st.booleans())
def test_the_evidence_names_its_spends_currency(currency: str, paid: bool) -> None:
    rows = [
        {"channel": ch, "month": f"2025-{m:02d}", "visits": 1000, "leads": 20,
         **({"spend": 100.0} if paid or ch == "x" else {})}
        for ch in ("linkedin", "facebook", "x")
        for m in range(1, 7)
    ]  # fmt: skip
    for d in gr.decide_channels(rows, today=dt.date(2025, 8, 1), currency=currency):
        ev = d.to_dict()["evidence"]
        if ev["spend"] is None:
            assert ev["currency"] is None
        else:
            assert ev["currency"] == currency
            assert any(f"{ev['spend']:,.2f} {currency}" in r for r in d.reasons), d.reasons


def test_a_code_that_is_no_currency_is_an_error_naming_it() -> None:
    rows = [{"channel": "linkedin", "month": "2025-01", "visits": 10, "leads": 1, "spend": 5}]
    with pytest.raises(gr.GoalRulesError, match="currency: 'XYZ' is no currency code"):
        gr.decide_channels(rows, currency="XYZ")
