from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import goalrules as gr

BENCH = 'visits > 1000 and leads / visits > 2 % and channel in ["linkedin", "facebook"]'
FIELDS = {"visits": "visit", "leads": "lead", "channel": str}


def test_benchmark_rule() -> None:
    fn = gr.compile_expression(BENCH, FIELDS)
    assert fn({"visits": 1200, "leads": 30, "channel": "linkedin"}) is True
    assert fn({"visits": 1200, "leads": 10, "channel": "linkedin"}) is False
    assert fn({"visits": 1200, "leads": 30, "channel": "x"}) is False


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["linkedin", "x", "facebook"]))
def test_compiled_rule_agrees_with_python(visits: int, leads: int, channel: str) -> None:
    fn = gr.compile_expression(BENCH, FIELDS)
    facts = {"visits": visits, "leads": leads, "channel": channel}
    if visits <= 1000:
        assert fn(facts) is False
    else:
        expected = leads / visits > 0.02 and channel in ("linkedin", "facebook")
        assert fn(facts) is expected


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(0, 500))
def test_percent_and_fraction_are_the_same(visits: int, leads: int, basis_points: int) -> None:
    pct = gr.compile_expression(f"leads / visits > {basis_points / 100} %", FIELDS)
    frac = gr.compile_expression(f"leads / visits > {basis_points / 10000}", FIELDS)
    facts = {"visits": visits, "leads": leads}
    assert pct(facts) == frac(facts)


@given(st.floats(0, 1000, allow_nan=False), st.floats(0, 100, allow_nan=False))
def test_changing_the_unit_of_a_field_changes_no_verdict(hours: float, limit: float) -> None:
    in_hours = gr.compile_expression(f"t <= {limit} hours", {"t": "hour"})
    in_minutes = gr.compile_expression(f"t <= {limit * 60} minutes", {"t": "minute"})
    assume(not math.isclose(hours, limit, rel_tol=1e-9))
    assert in_hours({"t": hours}) == in_minutes({"t": hours * 60})


def test_pint_quantities_are_converted() -> None:
    fn = gr.compile_expression("t > 2 hours", {"t": "hour"})
    assert fn({"t": gr.quantity("150 min")}) is True
    assert fn({"t": gr.quantity("90 min")}) is False
    with pytest.raises(gr.GoalRulesError, match="follower, not duration"):
        fn({"t": gr.quantity("3 followers")})


def test_results_come_back_in_the_field_unit() -> None:
    assert gr.compile_expression("t * 2", {"t": "hour"})({"t": 3}) == pytest.approx(6)
    assert gr.compile_expression("leads / visits", FIELDS)(
        {"leads": 3, "visits": 100}
    ) == pytest.approx(0.03)


@pytest.mark.parametrize(
    ("text", "fields", "message", "column"),
    [
        (
            "followers > 1000 visits",
            {"followers": "follower"},
            "cannot compare follower with visit",
            13,
        ),
        (
            "followers + visits",
            {"followers": "follower", "visits": "visit"},
            "cannot add visit to follower",
            13,
        ),
        ("start > 5", {"start": "date"}, "cannot order a date and a number", 9),
        ("start + 5", {"start": "date"}, "cannot add a date and a number", 1),
        ("visits and true", {"visits": "visit"}, "each side of 'and' must be true or false", 1),
        ("vists > 3", {"visits": "visit"}, "unknown name 'vists'", 1),
        ("maks(1, 2)", {}, "unknown function 'maks'", 1),
        ("share(1)", {}, "share(quantity, quantity) takes 2 arguments, got 1", 1),
        ("3 > 2 bananas", {}, "unknown unit 'bananas'", 5),
        ("channel in [1, 2]", {"channel": str}, "cannot look for text in a list of number", 1),
    ],
)
def test_type_errors_are_positioned(
    text: str, fields: dict[str, str], message: str, column: int
) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.compile_expression(text, fields)
    err = info.value
    assert message in err.message
    assert err.column == column
    assert "^" in str(err)


def test_unknown_name_suggests() -> None:
    with pytest.raises(gr.RuleTypeError) as info:
        gr.compile_expression("vists > 3", {"visits": "visit"})
    assert info.value.suggestions == ("visits",)


def test_every_error_of_a_rule_file_is_reported() -> None:
    text = (
        "rule a criterion x check followers > 3 visits\n"
        "rule b criterion x check goal.tagret is set\n"
        "fact followers: follower\n"
    )
    with pytest.raises(gr.GoalRulesErrors) as info:
        gr.load_rules(text)
    errs = info.value.errors
    assert [(e.line, e.message) for e in errs] == [
        (1, "cannot compare follower with visit"),
        (2, "goal has no field 'tagret'"),
    ]
    assert errs[1].suggestions[0] == "target"


def test_missing_fact_raises_for_expressions() -> None:
    fn = gr.compile_expression(BENCH, FIELDS)
    with pytest.raises(gr.MissingFactError) as info:
        fn({"visits": 1200, "channel": "linkedin"})
    assert info.value.name == "leads"
    with pytest.raises(gr.MissingFactError):
        fn({"visits": 1200, "leads": 30, "channel": None})


def test_false_wins_over_missing() -> None:
    fn = gr.compile_expression(BENCH, FIELDS)
    assert fn({"visits": 900}) is False
    assert gr.compile_expression("visits > 10 or leads > 10", FIELDS)({"visits": 20}) is True


def test_no_attribute_outside_the_schema() -> None:
    with pytest.raises(gr.RuleTypeError):
        gr.compile_expression("goal.__class__ is set")
    with pytest.raises(gr.RuleTypeError):
        gr.compile_expression("channel.upper", {"channel": str})
    with pytest.raises(gr.RuleTypeError):
        gr.compile_expression("_x > 1", {"_x": "number"})


def test_dates_and_durations() -> None:
    fields = {"start": "date", "end": "date"}
    fn = gr.compile_expression("months_between(start, end) >= 6 months", fields)
    assert fn({"start": dt.date(2026, 5, 1), "end": dt.date(2026, 11, 1)}) is True
    assert fn({"start": dt.date(2026, 5, 1), "end": dt.date(2026, 10, 31)}) is False
    add = gr.compile_expression("start + 1 month", fields)
    assert add({"start": dt.date(2027, 1, 31)}) == dt.date(2027, 2, 28)
    assert gr.compile_expression("today > start", fields)({"start": dt.date(2000, 1, 1)}) is True
    assert gr.compile_expression("today", {})({}, dt.date(2026, 5, 1)) == dt.date(2026, 5, 1)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)), st.integers(-120, 120))
def test_shifting_dates_changes_nothing(start: dt.date, shift_days: int) -> None:
    fn = gr.compile_expression("end - start <= 90 days", {"start": "date", "end": "date"})
    end = start + dt.timedelta(days=80)
    delta = dt.timedelta(days=shift_days)
    assert fn({"start": start, "end": end}) == fn({"start": start + delta, "end": end + delta})


def test_dynamic_quantities_check_units_at_run_time() -> None:
    fn = gr.compile_expression("target > baseline", {"target": "quantity", "baseline": "quantity"})
    assert (
        fn({"target": gr.quantity("2400 followers"), "baseline": gr.quantity("1200 followers")})
        is True
    )
    with pytest.raises(gr.GoalRulesError, match="cannot compare"):
        fn({"target": gr.quantity("2400 visits"), "baseline": gr.quantity("1200 followers")})
    unit = gr.compile_expression('unit(target) == unit("followers")', {"target": "quantity"})
    assert unit({"target": gr.quantity("3 followers")}) is True
    assert unit({"target": gr.quantity("3 visits")}) is False


def test_conditional_and_functions() -> None:
    fn = gr.compile_expression("wilson_lower(leads, visits) if visits > 0 else 0", FIELDS)
    assert fn({"leads": 8, "visits": 100}) == pytest.approx(0.0410, abs=1e-3)
    assert fn({"leads": 0, "visits": 0}) == 0
    assert gr.compile_expression("max(visits, 10)", FIELDS)({"visits": 3}) == 10


def test_explain_lists_sub_expressions() -> None:
    fn = gr.compile_expression(BENCH, FIELDS)
    seen = fn.explain({"visits": 1200, "leads": 30, "channel": "linkedin"})  # type: ignore[attr-defined]
    assert seen["leads / visits"] == "2.5 %"
    assert seen["visits"] == "1,200 visits"
    assert seen["channel"] == "linkedin"


def test_generated_code_is_debuggable() -> None:
    import linecache

    fn = gr.compile_expression(BENCH, FIELDS)
    text = "".join(linecache.getlines(fn.__code__.co_filename))
    assert "f['visits']" in text and "1000.0" in text


def test_user_text_never_becomes_code() -> None:
    # the source text is shown in a comment of the generated code: a newline in it must
    # not end the comment
    with pytest.raises(gr.GoalRulesError):
        gr.compile_expression("x\nt", {"x": "number", "t": "text"})
    fn = gr.compile_expression("x > 1 # comment\n", {"x": "number"})
    assert fn({"x": 2}) is True
    rs = gr.load_rules('fact t: text\nrule a criterion c\n check t == "a\\nimport os"\n')
    assert rs.evaluate(t="a\nimport os").finding("a").outcome is gr.Outcome.PASS


def test_a_long_lived_process_keeps_a_bounded_number_of_shown_functions() -> None:
    import linecache

    from goalrules.dsl import compiler

    for i in range(compiler._MAX_SHOWN + 50):
        gr.compile_expression(f"x > {i}", {"x": "number"})
    assert len(compiler._SHOWN) == compiler._MAX_SHOWN
    newest = compiler._SHOWN[-1]
    assert "x > " in "".join(linecache.getlines(newest))


@given(st.integers(min_value=0, max_value=10_000))
def test_plural_words_a_rule_message_s_count(n: int) -> None:
    """A message names a count in the number it calls for: "1 post", "2 posts", never
    "1 posts"; the text is written inside the braces with escaped quotes."""
    rules = gr.load_rules(
        "fact posts: number\nrule few criterion c\n  check posts < 0\n"
        '  says "Only {posts} {plural(\\"weekly post\\", posts)}."\n'
    )
    report = rules.evaluate({"posts": n})
    said = report.findings[0].message
    assert said == f"Only {n:,} weekly post{'' if n == 1 else 's'}."


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("field", ["visits", "cost"])
def test_an_infinite_or_undefined_count_is_shown_not_a_traceback(value: float, field: str) -> None:
    """A count of infinity (a rate divided by zero upstream) made ``explain`` raise
    OverflowError while rounding it to a whole count; it is shown as it is."""
    fn = gr.compile_expression(f"{field} > 10", {"visits": "visits", "cost": "USD"})
    seen = fn.explain({field: value})  # type: ignore[attr-defined]
    assert seen[field].split()[0] == {math.inf: "∞", -math.inf: "-∞"}.get(value, "NaN")
