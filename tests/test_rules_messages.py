"""What a rule's message shows is what the rule saw: a value in the unit it was counted
in, never rounded into the threshold it missed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 1, 1)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=400))
def test_months_between_shows_the_calendar_months_it_counted(days: int) -> None:
    """``months_between`` counts calendar months; its message shows those months (Jan 1
    to Feb 28, 58 days, read "59.8 days": its months times an average month's days)."""
    end = START + dt.timedelta(days=days)
    rules = gr.load_rules(
        'fact end: date\nrule r criterion x check false fail "{months_between(today, end)}"'
    )
    message = rules.evaluate(end=end, today=START).findings[0].message
    assert message is not None
    number, word = message.split(" ")
    assert word in ("month", "months")
    exact = gr.months_between(START, end)
    assert abs(float(number.replace(",", "")) - exact) <= 0.005 * max(1.0, exact)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99),
    st.floats(min_value=-0.0009, max_value=0.0009).filter(lambda x: abs(x) > 1e-9),
    st.booleans(),
)
def test_a_share_never_reads_as_the_threshold_it_missed(
    threshold: int, off: float, as_param: bool
) -> None:
    """A rate of 4.96 % failing ``>= 5 %`` read "Lead rate 5 % is below 5 %"."""
    rate = threshold / 100 + off
    limit = "min_rate" if as_param else f"{threshold} %"
    rules = gr.load_rules(
        f"fact rate: %\nparam min_rate = {threshold} %\n"
        f'rule low criterion x check rate >= {limit} fail "Lead rate {{rate}} is below {threshold} %"\n'
        f'rule high decision keep check rate > {limit} says "Lead rate {{rate}} is above {threshold} %"\n'
    )
    for finding in rules.evaluate(rate=rate).findings:
        if finding.message is not None and "Lead rate" in finding.message:
            assert not finding.message.startswith(f"Lead rate {threshold} %"), finding.message


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=10, max_value=100_000),
    st.floats(min_value=-0.4999, max_value=0.4999).filter(lambda x: abs(x) > 1e-6),
    st.sampled_from(["visit", "USD"]),
)
def test_a_count_or_amount_never_reads_as_the_threshold_it_missed(
    threshold: int, off: float, unit: str
) -> None:
    """999.6 visits failing ``visits >= 1000`` read "Only 1,000 visits this month"."""
    value = threshold + off
    rules = gr.load_rules(
        f"fact x: {unit}\n"
        f'rule low criterion x check x >= {threshold} fail "Only {{x}}"\n'
        f'rule high criterion x check x <= {threshold} {unit} fail "Over: {{x}}"\n'
    )
    shown = gr.load_rules(f'fact x: {unit}\nrule r criterion x check false fail "{{x}}"')
    limit_text = shown.evaluate(x=threshold).findings[0].message
    for finding in rules.evaluate(x=value).findings:
        if finding.outcome.value == "fail":
            assert finding.message is not None
            assert not finding.message.endswith(f" {limit_text}"), (value, finding.message)


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=1e-6, max_value=0.0499), st.sampled_from(["visit", "customer"]))
def test_a_count_that_is_not_zero_never_reads_as_none(value: float, unit: str) -> None:
    """0.04 visits (an average a day) read "0 visits"."""
    rules = gr.load_rules(f'fact x: {unit}\nrule r criterion x check false fail "{{x}}"')
    message = rules.evaluate(x=value).findings[0].message
    assert message is not None and not message.startswith("0 "), message
    assert rules.evaluate(x=0).findings[0].message == f"0 {unit}s"


@settings(max_examples=150, deadline=None)
@given(
    st.floats(min_value=1e-300, max_value=4.9e-10)
    | st.floats(min_value=-4.9e-10, max_value=-1e-300),
    st.floats(min_value=0.011, max_value=0.99),
)
def test_a_share_that_is_not_zero_never_reads_0_percent(tiny: float, other: float) -> None:
    """A share of 1e-12 read "0 %" (eight decimals could not show it), and its neighbour
    was written with eight decimals in the attempt ("11.43867426 %")."""
    rules = gr.load_rules('fact a: %\nfact b: %\nrule r criterion x check false fail "{a} and {b}"')
    message = rules.evaluate(a=tiny, b=other).findings[0].message
    assert message is not None
    first, second = message.split(" and ")
    assert first not in ("0 %", "-0 %"), message
    assert first.startswith("-" if tiny < 0 else "0") or "under" in first or "over" in first, (
        message
    )
    alone = gr.load_rules('fact b: %\nrule r criterion x check false fail "{b}"')
    assert second == alone.evaluate(b=other).findings[0].message, message


def test_a_span_of_a_month_or_more_is_said_in_months_as_its_threshold() -> None:
    """The insufficient-data message said "Only 2 monthly observations over 30.4 days:
    need 3 over 2 months": a span of a month and its threshold in two units."""
    import goalrules as gr

    rs = gr.shipped_ruleset("achievability")
    facts = {"observations": 2, "span": gr.quantity("1 month"), "met": False,
             "deadline_passed": False, "deadline_seen": False}  # fmt: skip
    said = [f.message for f in rs.evaluate({"history": facts}).findings]
    assert "Only 2 monthly observations over 1 month: need 3 over 2 months to judge." in said


@given(st.floats(28.0, 3000.0))
def test_a_duration_of_four_weeks_or_more_reads_in_months(days: float) -> None:
    import re

    from goalrules.dsl.display import format_value
    from goalrules.dsl.types import DURATION

    shown = format_value(days * 86400.0, DURATION)  # (a run-time duration: seconds)
    found = re.fullmatch(r"([\d,.]+) months?", shown)
    assert found is not None, shown
    assert abs(float(found[1].replace(",", "")) - days / (365.25 / 12)) <= 0.05 + 1e-9
