"""A threshold written in a unit is the decimal it reads: ``35 %`` is the float 0.35,
the value a fact of 35 % holds (``0.35``, ``35 / 100``, a pint ``35 percent``), so a
fact equal to a threshold is equal to it in rules, tests' givens and decision tables,
whichever unit the fact comes in (``35 * 0.01`` is 0.35000000000000003: before, a lead
rate of exactly 35 % failed ``>= 35 %``)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.decision_table import load_table
from goalrules.engine.rule_tests import run_rule_tests

# a share as an analyst writes it: 0 to 100 %, up to two decimals
PERCENTS = st.decimals(min_value=0, max_value=100, places=2).map(lambda d: d.normalize())


def _written(d: Decimal) -> str:
    return format(d, "f")


def _outcomes(rules: gr.RuleSet, **facts: object) -> list[str]:
    return [f.outcome.value for f in rules.evaluate(**facts).findings]


@settings(max_examples=200, deadline=None)
@given(PERCENTS)
def test_a_share_equal_to_its_threshold_is_equal_in_every_unit(d: Decimal) -> None:
    p = _written(d)
    rules = gr.load_rules(
        "fact r: %\n"
        f"rule at-least criterion x check r >= {p} %\n"
        f"rule at-most criterion x check r <= {p} %\n"
        f"rule equal criterion x check r == {p} %\n"
        f"rule above criterion x check r > {p} %\n"
    )
    expected = ["pass", "pass", "pass", "fail"]
    as_fraction = float(d / 100)
    assert _outcomes(rules, r=as_fraction) == expected
    assert _outcomes(rules, r=gr.quantity(f"{p} percent")) == expected
    assert _outcomes(rules, r=gr.quantity(f"{_written(d * 10)} permille")) == expected
    assert _outcomes(rules, r=gr.quantity(as_fraction, "")) == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.sampled_from([100, 1_000, 10_000]))
def test_a_rate_of_counts_equal_to_its_threshold_passes(leads: int, visits: int) -> None:
    """``leads / visits >= N %`` where leads / visits is exactly N % (35 of 100)."""
    p = _written((Decimal(leads) * 100 / visits).normalize())
    rules = gr.load_rules(
        "fact visits: visit\nfact leads: lead\n"
        f"rule at-least criterion x check leads / visits >= {p} %\n"
        f"rule at-most criterion x check leads / visits <= {p} %\n"
    )
    assert _outcomes(rules, visits=visits, leads=leads) == ["pass", "pass"]


def test_the_shares_that_used_to_read_above_themselves() -> None:
    """The integers n for which ``n * 0.01`` is not ``n / 100``."""
    for n in (35, 41, 47, 57, 69, 70, 82, 83, 94, 95):
        rules = gr.load_rules(
            f"fact r: %\nparam min = {n} %\n"
            f"rule literal criterion x check r >= {n} %\n"
            "rule param criterion x check r >= min\n"
        )
        assert _outcomes(rules, r=n / 100) == ["pass", "pass"], n
        assert gr.compile_expression(f"r >= {n} %", {"r": "%"})({"r": n / 100}) is True


@settings(max_examples=100, deadline=None)
@given(PERCENTS)
def test_a_decision_table_puts_a_share_at_its_edge_in_the_right_row(d: Decimal) -> None:
    p = _written(d)
    for text in (
        f"# fact r: %\nr, => level\n>= {p} %, high\n-, low\n",
        f"# fact r: %\nr, => level\n< {p} %, low\n-, high\n",
        f"# fact r: %\n# hit: unique\nr, => level\n[0 %..{p} %), low\n[{p} %..100 %], high\n",
    ):
        table = load_table(text)
        assert table.evaluate(r=float(d / 100)).value == {"level": "high"}, text
        assert table.evaluate(r=gr.quantity(f"{p} percent")).value == {"level": "high"}, text


def test_a_given_share_meets_the_threshold_it_equals(tmp_path: Path) -> None:
    (tmp_path / "share.rules").write_text(
        "fact r: %\n"
        "rule enough criterion x check r >= 35 %\n"
        'test "exactly the threshold"\n'
        "  given r = 35 %\n"
        "  expect rule enough pass\n"
    )
    run = run_rule_tests([tmp_path])
    assert [c.passed for c in run.cases] == [True], run.text()


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=0, max_value=3),
)
def test_round_rounds_the_written_decimal_halves_away_from_zero(
    m: int, places: int, digits: int
) -> None:
    """``round(2.5)`` is 3 and ``round(0.35, 1)`` 0.4, as a spreadsheet rounds (they
    were 2, Python's half to even, and 0.3, the float 0.35 being a hair below it)."""
    if digits >= places:
        digits = places - 1
    written = f"{'-' if m < 0 else ''}{abs(m) // 10**places}.{abs(m) % 10**places:0{places}d}"
    q, r = divmod(abs(m), 10 ** (places - digits))
    if 2 * r >= 10 ** (places - digits):
        q += 1
    expected = float(Fraction(q if m >= 0 else -q, 10**digits))
    fn = gr.compile_expression(f"round(x, {digits})", {"x": "number"})
    assert fn({"x": float(written)}) == expected, written
    rule = gr.load_rules(f"rule r criterion x check round({written}, {digits}) == {expected!r}")
    assert rule.evaluate().findings[0].outcome.value == "pass"


_SECONDS = {"minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=5_000),
    st.sampled_from(sorted(_SECONDS)),
    st.sampled_from(sorted(_SECONDS)),
    st.sampled_from(["duration", "day", "hour"]),
)
def test_a_duration_in_another_unit_meets_the_threshold_it_equals(
    n: int, given_in: str, written_in: str, declared: str
) -> None:
    """A duration given as ``7 hours`` failed ``>= 7 hours`` (a fact in days: the
    quantity went to 0.29166666666666669 days and came back under 25,200 seconds)."""
    seconds = n * _SECONDS[given_in]
    if seconds % _SECONDS[written_in]:
        written_in = given_in  # written in whole units of the other, or in its own
    threshold = f"{seconds // _SECONDS[written_in]} {written_in}s"
    rules = gr.load_rules(
        f"fact d: {declared}\n"
        f"rule at-least criterion x check d >= {threshold}\n"
        f"rule at-most criterion x check d <= {threshold}\n"
    )
    assert _outcomes(rules, d=gr.quantity(f"{n} {given_in}s")) == ["pass", "pass"], threshold
