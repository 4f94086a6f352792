"""The quick paths of judging a goal give what the reference paths give.

Each property holds a quick path (unit arithmetic on magnitudes and cached factors, a set
of vague words, the catalog's kept lookups) to the plain code it stands for, on
generated inputs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine import Finding, Outcome, Report, shipped_ruleset
from goalrules.engine.results import _CODES
from goalrules.errors import GoalRulesError
from goalrules.judgments import achievability as ach
from goalrules.judgments import achievability_text as words
from goalrules.judgments import smart
from goalrules.metrics import catalog
from goalrules.model import Target
from goalrules.units import info_of, quantity, unit_info

SERIES_UNITS = ("follower", "lead", "visit", "USD", "lead / month", "percent", "dimensionless")
BASELINE_UNITS = (
    "follower", "lead", "lead / month", "lead / week", "lead / day", "visit / year", "USD",
    "USD / month", "percent", "dimensionless", "hour",
)  # fmt: skip
ABSOLUTE_UNITS = ("leads per month", "leads a week", "followers", "visits / month", "USD", "%")

magnitudes = st.one_of(
    st.integers(-(10**9), 10**9),
    st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
)
factors = st.floats(0.01, 100, allow_nan=False).map(lambda f: round(f, 3))
targets = st.one_of(
    factors.map(lambda f: f"x{f}"),
    st.floats(-99, 500, allow_nan=False).map(lambda p: f"{round(p, 2):+g}%"),
    st.tuples(st.integers(1, 10**6), st.sampled_from(ABSOLUTE_UNITS)).map(
        lambda t: f"{t[0]} {t[1]}"
    ),
    st.integers(1, 5000).map(lambda n: f"+{n} leads"),
)


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    """What a call gives: its value, or its error's type and text."""
    try:
        return "value", fn(*args)
    except GoalRulesError as exc:
        return type(exc).__name__, str(exc)


def _per_month_reference(target_q: Any, unit: str) -> float:
    return ach._per_month_reference(target_q, unit)


def _reference_target(goal: gr.Goal, baseline: Any, unit: str) -> tuple[float, bool] | None:
    """The target in ``unit`` through pint's arithmetic, as the judgment read it before
    the quick path (``goal.resolved_target`` then the quantity's conversion)."""
    target_q = goal.resolved_target(baseline)
    if target_q is None:
        return None
    if ("[time]", -1) in info_of(target_q).key:
        return _per_month_reference(target_q, unit), True
    return ach._to_series_unit(target_q, unit, "target"), False


@given(targets, magnitudes, st.sampled_from(BASELINE_UNITS), st.sampled_from(SERIES_UNITS))
def test_the_target_in_the_series_unit_is_pints(
    text: str, magnitude: float, baseline_unit: str, unit: str
) -> None:
    goal = gr.Goal("g", target=text, deadline="2027-01-01")
    baseline = quantity(magnitude, baseline_unit)
    fast = _outcome(ach._resolved_target, goal, baseline, unit)
    assert fast == _outcome(_reference_target, goal, baseline, unit)
    if fast[0] == "value" and fast[1] is not None:
        assert type(fast[1][0]) is float


@given(targets, magnitudes, st.sampled_from(BASELINE_UNITS), st.sampled_from(SERIES_UNITS))
def test_a_goals_own_baseline_resolves_as_pint_does(
    text: str, magnitude: float, baseline_unit: str, unit: str
) -> None:
    goal = gr.Goal(
        "g", target=text, deadline="2027-01-01", baseline=quantity(magnitude, baseline_unit)
    )
    fast = _outcome(ach._resolved_target, goal, None, unit)
    assert fast == _outcome(_reference_target, goal, None, unit)


@given(
    st.integers(1, 10**6) | st.floats(0.001, 1e9, allow_nan=False),
    st.sampled_from(("lead / month", "lead / week", "visit / day", "USD / year", "lead / hour")),
    st.sampled_from(SERIES_UNITS),
)
def test_a_monthly_level_is_pints(magnitude: float, per: str, unit: str) -> None:
    q = quantity(magnitude, per)
    fast = _outcome(ach._per_month_value, q, unit)
    assert fast == _outcome(_per_month_reference, q, unit)
    assert fast == _outcome(ach._per_month_value, q, unit)  # the kept factor, read again


def test_quantities_pint_multiplies_otherwise_take_its_path() -> None:
    import pint

    other = pint.UnitRegistry()
    assert not ach.plain_product(other.Quantity(20.0, "degC"))  # an offset, another registry
    assert not ach.plain_product(other.Quantity(20.0, "meter"))
    assert not ach.plain_product(1200)
    assert ach.plain_product(quantity(20, "follower"))


def _same_quantity(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return (
        type(a.magnitude) is type(b.magnitude)
        and a.magnitude == b.magnitude
        and a.units == b.units
        and str(a) == str(b)
    )


@given(targets, st.one_of(st.none(), st.tuples(magnitudes, st.sampled_from(BASELINE_UNITS))))
def test_goal_facts_resolve_targets_as_target_resolve(text: str, base: Any) -> None:
    target = Target.parse(text)
    baseline = None if base is None else quantity(base[0], base[1])
    fast = _outcome(smart._resolve, target, baseline)
    slow = _outcome(target.resolve, baseline)
    assert fast[0] == slow[0]
    if fast[0] == "value":
        assert _same_quantity(fast[1], slow[1])
    else:
        assert fast == slow


WORDS = (*smart.VAGUE_WORDS, "leads", "Grow", "MORE", "followers", "by", "x2", "get-more", "q3")


@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from((" ", ", ", "-", "!")))
def test_vague_words_are_the_listed_ones_in_order(words: list[str], sep: str) -> None:
    text = sep.join(words)
    seen = re.findall(r"[a-z]+", text.lower())
    assert smart._vague_words(text) == [w for w in smart.VAGUE_WORDS if w in seen]


def _spellings() -> st.SearchStrategy[str]:
    names = sorted({*catalog, *(a for m in catalog.values() for a in m.aliases)})
    variants = st.sampled_from(names).flatmap(
        lambda n: st.sampled_from(
            (n, n.upper(), n.replace("_", " "), n.replace("_", "-"), f" {n} ")
        )
    )
    return variants | st.text(max_size=12)


@given(st.lists(_spellings(), min_size=1, max_size=6))
def test_the_catalog_finds_what_its_tables_hold(keys: list[str]) -> None:
    for key in keys * 2:  # the second reading comes from what was kept
        try:
            want: Any = catalog._lookup(key)
        except KeyError:
            want = None
        assert catalog.get(key) is want
        assert (key in catalog) is (want is not None)
        if want is None:
            with pytest.raises(KeyError) as caught:
                catalog[key]
            with pytest.raises(KeyError) as again:
                catalog._lookup(key)
            assert str(caught.value) == str(again.value)
        else:
            assert catalog[key] is want


# -- findings and criteria ---------------------------------------------------------------

SMART = shipped_ruleset("smart")
TODAY = dt.date(2026, 5, 1)
STATEMENTS = (
    "Double our LinkedIn followers within six months",
    "Grow and improve engagement",
    "Get 50 leads a month from Instagram by 2027-03-31",
    "Reach 12,000 visits from social",
)


def _reference_message(f: Finding) -> str:
    """A finding's message as the plain code wrote it, every template rendered anew."""
    r, facts, today = f.definition, f._facts, f._today
    text: str | None
    if f.outcome is Outcome.UNKNOWN:
        text = f"Cannot tell: {f.reason}." if f.reason else "Cannot tell."
    elif f.outcome is Outcome.SKIPPED:
        text = "Does not apply."
    elif f.outcome is Outcome.PASS:
        text = r.render("pass", facts, today)
        if text is None and r.decision is not None:
            text = r.render("says", facts, today)
        if text is None:
            text = f"{r.id}: ok."
    else:
        text = r.render("fail", facts, today)
        if text is None and r.decision is None:
            text = r.render("says", facts, today)
        if text is None:
            text = f"{r.id}: does not hold ({r.check_text})."
    return text


def _reference_dict(f: Finding) -> dict[str, Any]:
    d: dict[str, Any] = {"rule": f.rule_id, "outcome": f.outcome.value, "message": f.message}
    if f.outcome in (Outcome.FAIL, Outcome.UNKNOWN):
        if f.fix:
            d["fix"] = f.fix
        if f.outcome is Outcome.UNKNOWN and f.reason:
            d["reason"] = f.reason
    return d


def _reference_criteria(report: Report) -> dict[str, tuple[float, bool, tuple[str, ...]]]:
    """Score, passed and member rules per criterion, from the findings one by one."""
    out = {}
    for name, members in report.ruleset.criterion_members.items():
        found = [report.findings[i] for i, _ in members]
        applicable = [
            (f, w)
            for f, (_, w) in zip(found, members, strict=True)
            if f.outcome is not Outcome.SKIPPED
        ]
        total = sum(w for _, w in applicable)
        got = sum(w for f, w in applicable if f.outcome is Outcome.PASS)
        passed = bool(applicable) and all(f.outcome is Outcome.PASS for f, _ in applicable)
        out[name] = (got / total if total > 0 else 0.0, passed, tuple(f.rule_id for f in found))
    return out


@given(
    st.sampled_from(STATEMENTS),
    st.lists(st.integers(0, 3), min_size=len(SMART.rules), max_size=len(SMART.rules)),
    st.booleans(),
)
def test_findings_and_criteria_read_as_the_plain_code_reads_them(
    statement: str, codes: list[int], given_findings: bool
) -> None:
    goal = gr.Goal.from_statement(statement)
    facts = {"goal": smart.goal_facts(goal, today=TODAY)}
    env = SMART._numbers(facts)
    lazy = Report.lazy(SMART, tuple(codes), env, None)
    # the outcomes are drawn, not found: every template is rendered on every kind of facts
    report = (
        Report(
            SMART,
            tuple(
                Finding(r, _CODES[c], env, None) for r, c in zip(SMART.rules, codes, strict=True)
            ),
        )
        if given_findings
        else lazy
    )
    criteria = report.criteria
    assert {
        n: (c.score, c.passed, tuple(f.rule_id for f in c.findings)) for n, c in criteria.items()
    } == _reference_criteria(report)
    scored = report.scored(smart.CriterionScore)
    assert {n: (c.score, c.passed, c.findings) for n, c in scored.items()} == {
        n: (c.score, c.passed, c.findings) for n, c in criteria.items()
    }
    for f in report.findings:
        fresh = Finding(f.definition, f.outcome, env, None)
        assert fresh.to_dict() == _reference_dict(f)
        assert f.message == _reference_message(f) == fresh.message


# -- the words of an achievability judgment -----------------------------------------------


def _reference_format_value(x: float, unit: str) -> str:
    count = unit not in ("percent", "dimensionless") and words.is_count(unit)
    unit = str(unit_info(unit).text) if unit not in ("percent", "dimensionless") else unit
    if count and math.isfinite(x) and abs(x) < 1e15:
        x = float(round(x))
    if unit == "percent":
        return f"{words.format_number(x)} %"
    if unit == "dimensionless":
        return words.format_number(x)
    return f"{words.format_number(x)} {words.plural(unit, x)}"


def _reference_number(x: float, unit: str) -> str:
    if unit not in ("percent", "dimensionless") and words.is_count(unit) and math.isfinite(x):
        x = float(round(x))
    return words.format_number(x) + (" %" if unit == "percent" else "")


VALUE_UNITS = (*SERIES_UNITS, "followers", "%", "USD / click", "lead / month", "hour", "person")


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(VALUE_UNITS))
def test_values_are_written_as_the_plain_code_writes_them(x: float, unit: str) -> None:
    assert words.format_value(x, unit) == _reference_format_value(x, unit)
    assert words._number(x, unit) == _reference_number(x, unit)


def test_the_kept_units_are_read_again_when_plugins_change() -> None:
    from goalrules import plugins

    ach._per_month_value(quantity(5, "lead / week"), "lead")
    words.format_value(3.0, "lead")
    plugins.reset()
    assert not ach._MONTHLY and not ach._PLAIN_UNITS
    assert words._shape.cache_info().currsize == 0


CHANNELS = ("LinkedIn", "linkedin", "Twitter", "tiktok", "m.facebook.com", "myspace", "fb", "")
OBJECTIVES = ("leads", "brand_awareness", "Brand awareness", "customer_service", "sales", "nope")


@given(st.lists(st.tuples(st.sampled_from(CHANNELS), st.sampled_from(OBJECTIVES)), max_size=8))
def test_a_channels_fit_is_the_tables(pairs: list[tuple[str, str]]) -> None:
    from goalrules.metrics import _channel_fits, channel_fits, platform_fit

    for channel, objective in pairs * 2:  # the second reading is the kept one
        want = _outcome(_channel_fits, channel, objective, platform_fit())
        assert _outcome(channel_fits, channel, objective) == want
        assert _outcome(channel_fits, channel, objective, platform_fit()) == want
