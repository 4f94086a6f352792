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
from goalrules.dates import add_months
from goalrules.engine import Finding, Outcome, Report, load_rules, shipped_ruleset
from goalrules.engine.results import _CODES, finding_dicts
from goalrules.errors import GoalRulesError
from goalrules.judgments import achievability_model as am
from goalrules.judgments import achievability_text as words
from goalrules.judgments import achievability_units as au
from goalrules.judgments import smart
from goalrules.judgments.forecast import Predictive, Sampled
from goalrules.judgments.growth import GrowthFit, GrowthPrior
from goalrules.metrics import catalog
from goalrules.model import Point, Target
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
    return au._per_month_reference(target_q, unit)


def _reference_target(goal: gr.Goal, baseline: Any, unit: str) -> tuple[float, bool] | None:
    """The target in ``unit`` through pint's arithmetic, as the judgment read it before
    the quick path (``goal.resolved_target`` then the quantity's conversion)."""
    target_q = goal.resolved_target(baseline)
    if target_q is None:
        return None
    if ("[time]", -1) in info_of(target_q).key:
        return _per_month_reference(target_q, unit), True
    return au._to_series_unit(target_q, unit, "target"), False


@given(targets, magnitudes, st.sampled_from(BASELINE_UNITS), st.sampled_from(SERIES_UNITS))
def test_the_target_in_the_series_unit_is_pints(
    text: str, magnitude: float, baseline_unit: str, unit: str
) -> None:
    goal = gr.Goal("g", target=text, deadline="2027-01-01")
    baseline = quantity(magnitude, baseline_unit)
    fast = _outcome(au.target_in_unit, goal, baseline, unit)
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
    fast = _outcome(au.target_in_unit, goal, None, unit)
    assert fast == _outcome(_reference_target, goal, None, unit)


@given(targets, magnitudes, st.sampled_from((*SERIES_UNITS, "lead / week", "USD / month")))
def test_a_target_on_the_value_at_the_start_is_pints(text: str, at_start: float, unit: str) -> None:
    goal = gr.Goal("g", target=text, deadline="2027-01-01")
    fast = _outcome(au.target_from_start, goal.target, at_start, unit)
    if fast == ("value", None):  # not a multiple or a percentage: the quantity is built
        assert goal.target is not None and au.relative_factor(goal.target) is None
        return
    assert fast == _outcome(_reference_target, goal, quantity(at_start, unit), unit)


@given(
    st.integers(1, 10**6) | st.floats(0.001, 1e9, allow_nan=False),
    st.sampled_from(("lead / month", "lead / week", "visit / day", "USD / year", "lead / hour")),
    st.sampled_from(SERIES_UNITS),
)
def test_a_monthly_level_is_pints(magnitude: float, per: str, unit: str) -> None:
    q = quantity(magnitude, per)
    fast = _outcome(au._per_month_value, q, unit)
    assert fast == _outcome(_per_month_reference, q, unit)
    assert fast == _outcome(au._per_month_value, q, unit)  # the kept factor, read again


def test_quantities_pint_multiplies_otherwise_take_its_path() -> None:
    import pint

    other = pint.UnitRegistry()
    assert not au.plain_product(other.Quantity(20.0, "degC"))  # an offset, another registry
    assert not au.plain_product(other.Quantity(20.0, "meter"))
    assert not au.plain_product(1200)
    assert au.plain_product(quantity(20, "follower"))


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


TEMPLATES = load_rules("""
ruleset kinds
fact visits: visit
fact leads: lead
fact channel: text

rule says.parts criterion a
  check visits >= 100 visits
  says "Only {visits} this month."
  fix "Post more often on {channel}."

rule pass.plain criterion a
  check leads > 0 leads
  pass "There are leads."
  fail "No leads on {channel}."

rule pass.parts criterion b
  when visits > 0 visits
  check leads / visits > 2 %
  pass "Lead rate {leads / visits}."

rule bare criterion b
  check channel == "x"

rule keep decision keep priority 3
  check leads / visits > 5 %
  says "keep: lead rate {leads / visits}"

rule cut decision cut priority 1
  check leads == 0 leads
""")


@given(
    st.sampled_from([{}, {"visits": 0.0}, {"visits": 250.0, "leads": 9.0, "channel": "x"}]),
    st.lists(st.integers(0, 3), min_size=len(TEMPLATES.rules), max_size=len(TEMPLATES.rules)),
)
def test_messages_of_every_kind_of_template_are_the_plain_codes(
    facts: dict[str, Any], codes: list[int]
) -> None:
    env = TEMPLATES._numbers(facts)
    report = Report.lazy(TEMPLATES, tuple(codes), env, None)
    fresh_report = Report.lazy(TEMPLATES, tuple(codes), env, None)
    assert finding_dicts(fresh_report.findings) == [
        _reference_dict(f) for f in report.findings if f.outcome is not Outcome.SKIPPED
    ]
    for f in report.findings:
        fresh = Finding(f.definition, f.outcome, env, None)
        assert fresh.to_dict() == _reference_dict(f)
        assert f.message == _reference_message(f) == fresh.message


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

    au._per_month_value(quantity(5, "lead / week"), "lead")
    words.format_value(3.0, "lead")
    plugins.reset()
    assert not au._MONTHLY and not au._PLAIN_UNITS
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


# -- the model's figures, read once per history ------------------------------------------
# The reference: fit_and_judge as it read every figure anew for each goal (through the
# kept fits, mixtures and quantiles, whose caches are keyed by value).


def _reference_fit_and_judge(
    points: list[Point],
    window: int | None,
    current: float,
    level: float,
    horizon: float,
    higher: bool,
    method: str,
    seed: int,
    samples: int,
    prior: GrowthPrior,
    flow: bool = False,
) -> dict[str, Any]:
    """Fit the growth model on the history (the prior's ``months``) and judge the target
    level on its predictive mixture at ``horizon``; the historical rate (and the value it
    would reach if carried forward) is read over the last ``window`` months."""
    recent = am.recent_points(points, prior.months)
    shown = am.recent_points(recent, window)  # the historical rate is read over `window` months
    values = [p.value for p in recent]
    idx = [p.date.year * 12 + p.date.month - 1 for p in recent]
    span_w = am.month_index(shown[-1].date) - am.month_index(shown[0].date)
    first_shown, last_value = shown[0].value, shown[-1].value
    logs = min(values) > 0 and level > 0 and current > 0
    out: dict[str, Any] = {}
    n = horizon
    if logs:
        y = [math.log(v) for v in values]
        goal_y = math.log(level)
        model = am._fitted(tuple(y), tuple(idx), prior, 1.0, flow)
        out["method"] = "compound" if method == "closed_form" else "bootstrap"
        per_month = (math.log(last_value) - math.log(first_shown)) / span_w
        out["historical_rate"] = math.expm1(min(per_month, 700.0))
        out["required_rate"] = math.expm1(min((goal_y - math.log(current)) / n, 700.0))
        out["carried_value"] = am.grow(current, per_month * n)
        out["recent_rates"] = am._recent_rates(recent)
        longer = am.month_index(recent[-1].date) - am.month_index(recent[0].date)
        if longer >= 12 and longer > span_w:
            rate = (math.log(last_value) - math.log(recent[0].value)) / longer
            out["longer_rate"] = (longer, math.expm1(rate))
    else:
        y = values
        goal_y = level
        size = sum(abs(v) for v in values) / len(values)
        model = am._fitted(tuple(y), tuple(idx), prior, size if size > 0 else 1.0, flow)
        out["method"] = "linear" if method == "closed_form" else "bootstrap-linear"
        out["linear_for_target"] = min(values) > 0  # (the level asked at or below zero)
        out["historical_rate"] = None
        out["required_rate"] = None
        out["carried_value"] = current + (last_value - first_shown) / span_w * n
    out["historical_linear"] = (last_value - first_shown) / span_w
    out["required_linear"] = (level - current) / n
    k = model.changes
    pred: Predictive | Sampled = am.predictive_at(model, n, logs)
    if method == "bootstrap" and k >= 1 and isinstance(pred, Predictive):
        pred = am._bootstrap(model, pred, y, idx, n, seed, samples, logs)
    p = pred.sf(goal_y) if higher else pred.cdf(goal_y)
    out["probability"] = p = am.open_chance(p)
    out["drift"], out["volatility"], out["changes"] = model.drift, model.volatility, k
    out["model"] = (model, logs)
    out["predictive"] = pred
    # the median: the projection and the level the history supports; the chance is at
    # least one half exactly when it reaches the target (kept so at the numbers' edge)
    median = am.quantile_of(pred, 0.5)
    reaches = median >= goal_y if higher else median <= goal_y
    if reaches != (p >= 0.5):
        edge = 1e-9 * max(1.0, abs(goal_y))
        median = goal_y + (edge if (p >= 0.5) == higher else -edge)
    out["_suggest"] = pred.value(median)  # suggested at one half
    # (at the target itself, the target: exp(log(3)) is 3.0000000000000004)
    out["_median"] = level if median == goal_y else out["_suggest"]
    bootstrapped = method == "bootstrap" and k >= 1

    def chance_at(h: float) -> float:  # a bootstrap's deadline reads its own draws
        drawn = am._bootstrap(model, am.predictive_at(model, h, logs), y, idx, h, seed,
                              samples, logs)  # fmt: skip
        return drawn.sf(goal_y) if higher else drawn.cdf(goal_y)

    needed = _reference_months_needed(
        model, goal_y, higher, logs, n, p >= 0.5, chance_at if bootstrapped else None
    )
    if needed is not None:
        out["_months_needed"] = needed
    return out


def _reference_months_needed(
    model: GrowthFit,
    goal_y: float,
    higher: bool,
    logs: bool,
    horizon: float,
    likely_now: bool,
    chance_at: Any = None,
) -> int | None:
    """The first whole month after the last point at which the chance of reaching
    ``goal_y`` is at least one half (the forecast's median reaches it), by bisection
    between the deadline and :data:`am.FARTHEST` months (before the deadline when the
    chance is one half already there); ``None`` when not within them."""

    def likely(h: int) -> bool:  # the goal's own judgment at h: its chance
        if chance_at is not None:
            return bool(chance_at(h) >= 0.5)
        pred = am.predictive_at(model, h, logs)
        return (pred.sf(goal_y) if higher else pred.cdf(goal_y)) >= 0.5

    if model.season is not None:  # a season: each month in turn, the first likely
        lo, hi = (
            (0, max(1, math.ceil(horizon))) if likely_now else (math.floor(horizon), am.FARTHEST)
        )
        return next((h for h in range(max(0, lo) + 1, hi + 1) if likely(h)), None)
    if likely_now:
        lo, hi = 0, max(1, math.ceil(horizon))
    else:
        lo, hi = max(0, math.floor(horizon)), am.FARTHEST
        if hi <= lo or not likely(hi):
            return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if likely(mid):
            hi = mid
        else:
            lo = mid
    return hi


@given(
    st.lists(
        st.floats(-50, 5000, allow_nan=False).map(lambda v: round(v, 1)), min_size=2, max_size=30
    ),
    st.floats(1, 9000, allow_nan=False),
    st.floats(0.5, 30, allow_nan=False),
    st.booleans(),
    st.sampled_from(("closed_form", "bootstrap")),
    st.sampled_from((None, 3, 6)),
    st.booleans(),
)
def test_the_models_figures_are_those_read_anew(
    values: list[float], level: float, horizon: float, higher: bool, method: str,
    window: int | None, flow: bool,
) -> None:  # fmt: skip
    points = tuple(Point(add_months(dt.date(2024, 1, 1), i), v) for i, v in enumerate(values))
    prior = GrowthPrior()
    args = (values[-1], level, horizon, higher, method, 0, 200, prior, flow)
    want = _reference_fit_and_judge(list(points), window, *args)
    for _ in range(2):  # the second reading is the kept one
        got = am.fit_and_judge(points, window, *args)
        assert got.keys() == want.keys()
        for key, value in want.items():
            if isinstance(value, Sampled):
                assert got[key].draws == value.draws
            else:
                assert got[key] == value, key


def _given(call: Any) -> tuple[str, Any]:
    """What ``call()`` gives: its value, or its error's kind and words."""
    try:
        return "value", call()
    except Exception as exc:
        return type(exc).__name__, str(exc)


class _Word(str):
    """Text of a class of its own, as a plugin's fact may hold."""


list_items = st.one_of(st.text(max_size=4), st.builds(_Word, st.text(max_size=4)),
                       st.none(), st.integers(), st.booleans())  # fmt: skip


@given(
    st.one_of(
        st.lists(list_items, max_size=5),
        st.lists(list_items, max_size=5).map(tuple),
        st.text(max_size=3),
        st.integers(),
        st.none(),
    )
)
def test_a_list_of_text_is_read_as_each_item_read_alone(value: Any) -> None:
    # a list of strings taken as it is gives what converting each item gives; any other
    # list (an item missing, a number, text of a class of its own) goes item by item
    from goalrules.dsl import runtime

    def item(v: Any, path: str) -> Any:
        return runtime.convert(v, "text", None, None, path)

    quick = _given(lambda: runtime.to_list(value, "goal.supports", item, "text"))
    plain = _given(lambda: runtime.to_list(value, "goal.supports", item))
    assert quick == plain
    if quick[0] == "value":
        assert [type(v) for v in quick[1]] == [type(v) for v in plain[1]]


@given(st.dictionaries(st.sampled_from("abc"), st.none() | st.integers() | st.text(max_size=2)),
       st.sampled_from("abcd"))  # fmt: skip
def test_a_field_is_set_as_reading_it_says(fact: dict[str, Any], key: str) -> None:
    from goalrules.dsl import runtime

    read = _given(lambda: runtime.get(fact, key, key, "mapping"))
    assert runtime.present(fact, key, "mapping") is (read[0] == "value")


def test_judging_and_writing_goals_leaves_no_cycle_for_the_collector() -> None:
    # a check of 100,000 goals frees each goal's objects as it goes: none is held in a
    # reference cycle (a rule's unknown kept with its traceback was one, the JSON
    # writer's nested function another) that only the garbage collector would free
    import gc

    from goalrules.check import demo_paths, start_check
    from goalrules.report.stream import _goal_json

    paths = demo_paths()
    run = start_check(paths["workspace"], history=paths["history"])
    for g in run.goals():  # the first judgments fill the memos
        _goal_json(g)
    gc.collect()
    gc.disable()
    try:
        run = start_check(paths["workspace"], history=paths["history"])
        gc.collect()
        for g in run.goals():
            _goal_json(g)
            for f in g.smart.report.findings:  # every message and reason, unknowns too
                _ = f.message, f.reason, f.fix
        del g
        assert gc.collect() == 0
    finally:
        gc.enable()


@given(
    days=st.lists(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), min_size=1, max_size=30),
    months=st.one_of(st.none(), st.integers(-3, 40), st.just(10**6)),
)
def test_recent_points_are_the_months_before_the_last(
    days: list[dt.date], months: int | None
) -> None:
    """The recent points (found by bisection) are those at most ``months`` calendar
    months before the last point's month, and never fewer than two (all: ``None``)."""
    points = tuple(Point(d, 1.0) for d in sorted(days))
    recent = am.recent_points(points, months)
    if months is None:
        assert recent == points
        return
    last = points[-1].date.year * 12 + points[-1].date.month
    kept = [p for p in points if p.date.year * 12 + p.date.month >= last - months]
    expected = points[-max(len(kept), min(2, len(points))) :] if kept else points[-2:]
    assert tuple(recent) == expected
