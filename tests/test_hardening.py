"""Hardening: each defect found by probing as an attacker or a careless user would, kept as
a regression test; the CLI's bad-input contract; the DSL's limits as a guarantee."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import time
import tracemalloc
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main
from goalrules.dsl.parser import MAX_DEPTH, MAX_OPERATORS, MAX_SOURCE, MAX_TEMPLATE_PARTS
from goalrules.judgments.stats import theil_sen

TODAY = dt.date(2026, 5, 1)


# -- 1. the slope estimator is bounded --------------------------------------------------


def test_theil_sen_on_100000_points_stays_in_linear_memory() -> None:
    xs = list(range(100_000))
    ys = [3.0 * x + (7 if x % 5 == 0 else -2) for x in xs]
    tracemalloc.start()
    try:
        slope = theil_sen(xs, ys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert slope == pytest.approx(3.0, abs=1e-3)
    assert peak < 20 * 1024 * 1024  # the pairs would be 5e9 floats: 40 GB


def test_theil_sen_is_exact_on_small_inputs_and_deterministic() -> None:
    assert theil_sen([0, 1, 2, 3], [0, 1, 2, 10]) == pytest.approx(13 / 6)  # (1 + 10/3) / 2
    xs = list(range(1000))
    ys = [((x * 7919) % 101) / 10 for x in xs]
    assert theil_sen(xs, ys) == theil_sen(xs, ys)


# -- 2. data is never silently changed -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("2025-08,linkedin,,330,1\n", "visits: an empty cell"),
        ("2025-08,linkedin,100,330\n", "a short row"),
        ("2025-08,linkedin,nan,3,1\n", "not a finite number"),
        ("2025-08,linkedin,100,inf,1\n", "not a finite number"),
        ("2025-08,linkedin,100,many,1\n", "'many' is not a number"),
    ],
)
def test_performance_cells_are_never_zero_filled(tmp_path: Path, body: str, words: str) -> None:
    path = tmp_path / "performance.csv"
    path.write_text("month,channel,visits,leads,customers\n" + body)
    with pytest.raises(gr.DataError) as info:
        gr.load_performance(path)
    assert words in str(info.value) and "performance.csv:2" in str(info.value)


def test_an_empty_optional_cell_stays_missing(tmp_path: Path) -> None:
    path = tmp_path / "performance.csv"
    path.write_text("month,channel,visits,leads,customers,spend\n2025-08,linkedin,100,3,1,\n")
    (row,) = gr.load_performance(path)
    assert row.spend is None


def test_a_short_history_row_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text("date,channel,metric,value\n2025-01-31,linkedin,followers\n")
    with pytest.raises(gr.DataError, match="short row"):
        gr.load_history(path)


# -- 3 and 4. linear lexing, depth counted everywhere code is ------------------------


def test_a_long_word_after_a_number_is_refused_quickly() -> None:
    with pytest.raises(gr.UnitError, match=r"no unit name is that long|at most"):
        gr.compile_expression("1" + "x" * 20_000)


def test_brackets_in_a_template_count_towards_the_depth() -> None:
    deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(gr.LimitError, match="brackets nest deeper"):
        gr.load_rules(f'ruleset x\nrule a\n  check 1 > 0\n  says "{{{deep}}}"\n')


def test_an_escaped_quote_does_not_end_a_string() -> None:
    deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(gr.LimitError):
        gr.load_rules(f'ruleset x\nrule a\n  check 1 > 0\n  says "a \\" {{{deep}}}"\n')


def test_brackets_in_plain_message_text_do_not_count() -> None:
    text = "ruleset x\n" + "".join(
        f'rule r{i}\n  check 1 > 0\n  says "sad :( {i}"\n' for i in range(MAX_DEPTH + 5)
    )
    assert len(gr.load_rules(text)) == MAX_DEPTH + 5


# -- 5. long chains compile; nothing foreign from compiled code ------------------------


def test_a_long_and_chain_compiles_and_says_which_fact_is_missing() -> None:
    fn = gr.compile_expression(" and ".join(["visits > 0"] * 100), {"visits": "visit"})
    assert fn({"visits": 3}) is True
    with pytest.raises(gr.MissingFactError):
        fn({})


def test_a_long_sum_compiles_on_both_paths() -> None:
    fn = gr.compile_expression(" + ".join(["visits"] * 180) + " > 0", {"visits": "visit"})
    assert fn({"visits": 1}) is True
    with pytest.raises(gr.MissingFactError):
        fn({})


def test_a_chain_in_a_rule_file_is_evaluated_not_unknown() -> None:
    rs = gr.load_rules(
        "ruleset x\nfact visits: visit\nrule a\n  check "
        + " and ".join(["visits > 0"] * 100)
        + "\n"
    )
    assert rs.evaluate({"visits": 5}).finding("a").outcome is gr.Outcome.PASS


# -- 6 to 11 -----------------------------------------------------------------------------


@pytest.mark.parametrize("today", ["5", "12:30:00"])
def test_a_workspace_today_that_is_no_date(tmp_path: Path, today: str) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(f"[workspace]\ntoday = {today}\n")
    with pytest.raises(gr.GoalRulesError, match=r"workspace\.today"):
        gr.load_workspace(path)


def test_a_workspace_name_that_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "ws.toml"
    path.write_text("[workspace]\nname = true\n")
    with pytest.raises(gr.GoalRulesError, match=r"workspace\.name"):
        gr.load_workspace(path)


@pytest.mark.parametrize(
    "make",
    [
        lambda: gr.quantity("3 _words"),
        lambda: gr.load_rules("ruleset x\nfact v: _words\nrule a\n  check v is set\n"),
        lambda: gr.Goal("g", metric="followers", target="2400 _xs"),
    ],
)
def test_underscore_units_are_unknown_units(make: object) -> None:
    with pytest.raises(gr.GoalRulesError):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("today + 10000000 years > today", {}),
        ("2026-01-01 + 99999999999 days > today", {}),
        ("visits > 0", {"visits": 10**400}),
    ],
)
def test_evaluation_overflow_is_ours_to_report(text: str, facts: dict[str, object]) -> None:
    fn = gr.compile_expression(text, {"visits": "visit"})
    with contextlib.suppress(gr.GoalRulesError):
        fn(facts)


def test_a_negative_history_value_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text(
        "date,channel,metric,value\n2025-01-31,x,followers,10\n2025-02-28,x,followers,-5\n"
    )
    with pytest.raises(gr.DataError, match=r"history.csv:3: value: a negative count"):
        gr.load_history(path)


def test_a_field_named_like_a_keyword_is_refused() -> None:
    with pytest.raises(gr.RuleTypeError, match="cannot be named 'today'"):
        gr.compile_expression("today > 0", {"today": "visit"})


# -- 12. the CLI: exit 2 and one line on stderr for every bad input ----------------------


def _files(tmp: Path) -> dict[str, Path]:
    files = {
        "ws": "[workspace]\nname = 'x'\n[[goal]]\nid = 'g'\nmetric = 'followers'\n",
        "bad_ws": "[workspace\nname = 'x'\n",
        "today_ws": "[workspace]\ntoday = 5\n",
        "name_ws": "[workspace]\nname = true\n",
        "unit_ws": "[[goal]]\nid = 'g'\ntarget = '2400 _xs'\n",
        "hist": "date,channel,metric,value\n2025-01-31,x,followers,-5\n",
        "short_hist": "date,channel,metric,value\n2025-01-31,x\n",
        "perf": "month,channel,visits,leads,customers\n2025-08,linkedin,,330,1\n",
        "semi": "month;channel;visits;leads;customers\n2026-01;fb;lots;0;0\n",
        "rules": "ruleset x\nrule a\n  check visits > 2 %\nrule b\n  check 1 > followers\n",
        "deep": 'ruleset x\nrule a\n  check 1 > 0\n  says "{' + "(" * 80 + "1" + ")" * 80 + '}"\n',
        "binary": "\x00\x01\x02 not text",
    }
    out = {}
    for name, text in files.items():
        suffix = ".toml" if "ws" in name else ".rules" if name in ("rules", "deep") else ".csv"
        path = tmp / f"{name}{suffix}"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


CLI_CASES = [
    ("no command args", ["plan"], "required: WORKSPACE"),
    ("unknown command", ["frob"], "invalid choice"),
    ("unknown option", ["check", "{ws}", "--frob"], "unrecognized arguments"),
    ("bad int", ["plan", "{ws}", "--days", "x"], "--days"),
    ("bad today", ["check", "{ws}", "--today", "garbage"], "--today"),
    ("bad format", ["check", "{ws}", "--format", "pdf"], "--format"),
    ("missing file", ["check", "{tmp}/nope.toml"], "nope.toml"),
    ("directory", ["check", "{tmp}"], "directory"),
    ("toml syntax", ["check", "{bad_ws}"], "bad_ws.toml:1"),
    ("today a number", ["check", "{today_ws}"], "workspace.today"),
    ("name not text", ["check", "{name_ws}", "--format", "markdown"], "workspace.name"),
    ("underscore unit", ["check", "{unit_ws}"], "unit_ws.toml"),
    ("negative history", ["check", "{ws}", "--history", "{hist}"], "hist.csv:2"),
    ("short history row", ["check", "{ws}", "--history", "{short_hist}"], "short_hist.csv:2"),
    ("empty cell", ["channels", "{perf}"], "perf.csv:2"),
    ("semicolons", ["channels", "{semi}"], "semi.csv:2"),
    ("binary file", ["channels", "{binary}"], "binary.csv"),
    ("channels nothing", ["channels"], "channels needs"),
    ("rules errors", ["rules", "check", "{rules}"], "rules.rules:3"),
    ("rules too deep", ["rules", "check", "{deep}"], "deep.rules"),
    ("bad prior", ["check", "{ws}", "--prior", "tau=-1"], "prior"),
    ("bad horizons", ["backtest", "{hist}", "--horizons", "x"], "--horizons"),
]


@pytest.mark.parametrize(("label", "argv", "words"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, argv: list[str], words: str
) -> None:
    names = {k: str(v) for k, v in _files(tmp_path).items()}
    args = [a.format(tmp=tmp_path, **names) for a in argv]
    try:
        status = main(args, out=io.StringIO())
    except SystemExit as exc:  # argparse exits through the parser's error()
        status = int(exc.code or 0)
    err = capsys.readouterr().err
    assert status == 2, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("goalrules: error:")
    assert words in lines[0]


def test_rules_check_keeps_its_listing_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _files(tmp_path)["rules"]
    out = io.StringIO()
    assert main(["rules", "check", str(path)], out=out) == 2
    assert out.getvalue().count("rules.rules:") == 2  # both errors, for editors
    assert "(2 errors in 1 file)" in capsys.readouterr().err


# -- the limits, as a guarantee ------------------------------------------------------------


def _timed(fn: object) -> float:
    start = time.perf_counter()
    with contextlib.suppress(gr.GoalRulesError):
        fn()  # type: ignore[operator]
    return time.perf_counter() - start


def test_adversarial_sources_cost_no_more_than_ordinary_ones_of_their_size() -> None:
    # the bound is relative, measured in this run: an ordinary 100 kB rule file, scaled
    # to 1 MB (compile time is linear in the source), against 1 MB sources of each
    # adversarial shape, which must be refused or compiled within twice that
    rule = (
        'rule r{i}\n  criterion c\n  check goal.target is set and 1 + 2 > 0\n  says "x {{1 + 2}}"\n'
    )
    ordinary = "ruleset big\n" + "".join(rule.format(i=i) for i in range(100_000 // len(rule)))
    per_char = _timed(lambda: gr.load_rules(ordinary)) / len(ordinary)
    shapes = {
        "brackets": "(" * 500_000 + "1" + ")" * 499_000,
        "chain": "+".join(["1"] * 499_000),
        "word": "1" + "x" * (MAX_SOURCE - 10),
        "words": " and ".join(["true"] * 199_000),
        "template": "ruleset x\n"
        + "".join(
            f'rule r{i}\n  check 1 > 0\n  says "{"{1}" * MAX_TEMPLATE_PARTS}"\n'
            for i in range(MAX_SOURCE // (3 * MAX_TEMPLATE_PARTS + 40))
        ),
        "parts": 'ruleset x\nrule a\n  check 1 > 0\n  says "' + "{1}" * 330_000 + '"\n',
        "string": '"' + "a" * (MAX_SOURCE - 20) + '" == "a"',
        "past the size": "1" * (MAX_SOURCE + 1),
    }
    for name, text in shapes.items():

        def compile_it(text: str = text) -> object:
            return (
                gr.load_rules(text) if text.startswith("ruleset") else gr.compile_expression(text)
            )

        took = _timed(compile_it)
        assert took <= 2 * per_char * MAX_SOURCE + 0.5, f"{name}: {took:.2f} s"


def test_the_operator_limit_is_enforced() -> None:
    with pytest.raises(gr.LimitError, match="operators"):
        gr.compile_expression("+".join(["1"] * (MAX_OPERATORS + 2)))


def test_a_data_date_without_a_year_is_never_guessed(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text("date,channel,metric,value\nOctober 1,tiktok,followers,10\n")
    with pytest.raises(
        gr.DataError, match=r"history\.csv:2: date: the date 'October 1' has no year"
    ):
        gr.load_history(path)
    assert gr.parse_date("October 1", today=TODAY) == dt.date(2026, 10, 1)  # a deadline's reading


@pytest.mark.parametrize("text", ["within 99999999999 months", "within 99999999999 days"])
def test_a_deadline_past_year_9999_is_a_date_error(text: str) -> None:
    # found by scripts/fuzz.py (100,000 cases): dateutil's OverflowError escaped
    with pytest.raises(gr.DateError, match="outside the years 1 to 9999"):
        gr.deadline(text, start=TODAY)
    with pytest.raises(gr.DateError):
        gr.add_months(TODAY, 10**8)
