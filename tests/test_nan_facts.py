"""A NaN fact (a table's empty cell, ``df.to_dict("records")``) is missing, as ``None``
is: ``ruleset.evaluate`` and ``ruleset.decide`` on dicts read it so. A NaN share once
made "channel.visits_share < low_volume" fail (every comparison with NaN is false), and
"not (trend > 10 %)" pass: a confident answer from a cell nobody filled."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

RULES = gr.shipped_ruleset("channels")
SHARES = ("visits_share", "leads_share", "lead_rate", "lead_rate_low", "lead_rate_high",
          "visits_trend", "leads_trend")  # fmt: skip


def channel(values: dict[str, Any]) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "x", "months": 6.0, "formats": 3.0, "visits": 1000.0, "leads": 30.0,
        "customers": None, "role": None, "fulfils_role": None, "spend": None,
        "cost_per_lead": None, "cost_per_customer": None, "customer_rate": None,
        "customer_rate_low": None, "hours": None, "role_metric_trend": None,
        "formats_tried": None,
    }  # fmt: skip
    return {**base, **values}


PORTFOLIO = {"channels": 2, "visits": 2000.0, "leads": 40.0, "customers": None,
             "lead_rate": 0.02, "customer_rate": None, "cost_per_lead": None,
             "cost_per_customer": None}  # fmt: skip


def test_a_nan_share_is_unknown_not_false() -> None:
    facts = {"channel": channel({**dict.fromkeys(SHARES, 0.0), "visits_share": math.nan,
                                 "lead_rate_low": 0.025, "lead_rate_high": 0.04}),
             "portfolio": PORTFOLIO}  # fmt: skip
    found = {f.rule_id: f.outcome for f in RULES.evaluate(facts).findings}
    assert found["optimize.low-volume-high-conversion"].value == "unknown"


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries({k: st.floats(-0.5, 1.0) for k in SHARES}),
    st.sets(st.sampled_from(SHARES), min_size=1),
)
def test_nan_reads_as_none(values: dict[str, float], blank: set[str]) -> None:
    """Whichever facts are NaN: the same outcomes, messages and decision as with None."""
    with_nan = {"channel": channel({**values, **dict.fromkeys(blank, math.nan)}),
                "portfolio": PORTFOLIO}  # fmt: skip
    with_none = {"channel": channel({**values, **dict.fromkeys(blank)}),
                 "portfolio": PORTFOLIO}  # fmt: skip
    a, b = RULES.evaluate(with_nan), RULES.evaluate(with_none)
    assert [(f.rule_id, f.outcome, f.message) for f in a.findings] == [
        (f.rule_id, f.outcome, f.message) for f in b.findings
    ]
    assert RULES.decide(with_nan) is RULES.decide(with_none)
