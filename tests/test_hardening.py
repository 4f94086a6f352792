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
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_an_empty_count_is_unknown_never_0(tmp_path: Path) -> None:
    path = tmp_path / "performance.csv"
    path.write_text("month,channel,visits,leads,customers\n2025-08,linkedin,,330,1\n")
    (row,) = gr.load_performance(path)
    assert (row.visits, row.leads) == (None, 330)  # not measured: unknown (it was an error)


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
        "perf": "month,channel,visits,leads,customers\n2025-08,,100,330,1\n",
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
    ("empty channel cell", ["channels", "{perf}"], "perf.csv:2"),
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


# -- limits on every input: only regular files, within a size limit ------------------------

SPECIAL = ["/dev/zero", "{fifo}", "{tmp}"]
FILE_ARGS = [
    ("workspace", ["check", "{x}"]),
    ("--history", ["check", "{ws}", "--history", "{x}"]),
    ("--performance", ["check", "{ws}", "--performance", "{x}"]),
    ("--rules", ["check", "{ws}", "--rules", "{x}"]),
    ("plan", ["plan", "{x}"]),
    ("backtest", ["backtest", "{x}"]),
    ("channels", ["channels", "{x}"]),
    ("channels --workspace", ["channels", "{perf}", "--workspace", "{x}"]),
    ("import", ["import", "{x}"]),
    ("rules check", ["rules", "check", "{x}"]),
    ("rules fmt", ["rules", "fmt", "{x}"]),
    ("review", ["review", "{x}", "--history", "{hist}", "--store", "{tmp}/r.db"]),
    ("review --history", ["review", "{ws}", "--history", "{x}", "--store", "{tmp}/r.db"]),
]


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    try:
        status = main(argv, out=io.StringIO())
    except SystemExit as exc:
        status = int(exc.code or 0)
    err = capsys.readouterr().err
    return status, [ln for ln in err.splitlines() if ln.strip()]


@pytest.mark.parametrize("special", SPECIAL, ids=["dev-zero", "fifo", "directory"])
@pytest.mark.parametrize(("label", "argv"), FILE_ARGS, ids=[a[0] for a in FILE_ARGS])
def test_a_file_argument_that_is_no_regular_file_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, argv: list[str], special: str
) -> None:
    # /dev/zero would be read until memory runs out, a FIFO waited on forever
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    names = {k: str(v) for k, v in _files(tmp_path).items()}
    x = special.format(fifo=fifo, tmp=tmp_path)
    if label == "rules fmt" and special == "{tmp}":
        return  # rules fmt takes folders
    args = [a.format(x=x, tmp=tmp_path, **names) for a in argv]
    status, lines = _run_cli(args, capsys)
    assert status == 2 and len(lines) == 1, lines
    assert x in lines[0] and ("regular file" in lines[0] or "directory" in lines[0]), lines


def test_the_size_limit_is_documented_and_raised_by_a_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from goalrules.io import files

    ws = _files(tmp_path)["ws"]
    size = ws.stat().st_size
    status, lines = _run_cli(["--max-input-size", str(size - 1), "check", str(ws)], capsys)
    assert status == 2 and len(lines) == 1 and "over the limit" in lines[0] and str(ws) in lines[0]
    assert "--max-input-size" in lines[0]
    assert _run_cli(["--max-input-size", str(size), "check", str(ws)], capsys)[0] == 0
    monkeypatch.setenv(files.ENV, "10")
    with pytest.raises(gr.LimitError, match="over the limit of 10 bytes"):
        gr.load_workspace(ws)
    monkeypatch.setenv(files.ENV, "1MB")
    assert gr.load_workspace(ws).goals
    monkeypatch.delenv(files.ENV)
    assert files.max_input_size("text") == files.MAX_TEXT_SIZE
    assert files.max_input_size("data") == files.MAX_DATA_SIZE
    status, lines = _run_cli(["--max-input-size", "lots", "check", str(ws)], capsys)
    assert status == 2 and "--max-input-size" in lines[0]


@given(st.integers(1, 10**12), st.sampled_from(["", "B", "kB", "MB", "GB", "KiB", "MiB"]))
def test_sizes_read_as_written(n: int, unit: str) -> None:
    from goalrules.io.files import _UNITS, parse_size

    assert parse_size(f"{n}{unit}") == n * _UNITS[unit.lower()]
    assert parse_size(f"{n} {unit}") == n * _UNITS[unit.lower()]


def test_a_read_that_fails_names_its_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = _run_cli(["rules", "check", "/proc/self/mem"], capsys)
    assert status == 2 and len(lines) == 1
    assert "/proc/self/mem" in lines[0] and "Input/output error" in lines[0]
    with pytest.raises(gr.WorkspaceError, match="/proc/self/mem: cannot read it"):
        gr.load_workspace("/proc/self/mem")


def test_a_file_that_grows_past_the_limit_while_read_stops(tmp_path: Path) -> None:
    from goalrules.io import files

    path = tmp_path / "h.csv"
    path.write_bytes(b"x" * 100)
    files.set_max_input_size(100)
    try:
        with files._open_binary(path) as fh:
            with path.open("ab") as more:
                more.write(b"y" * 100)
            with pytest.raises(gr.LimitError, match="over the limit"):
                fh.read()
    finally:
        files.set_max_input_size(None)


# -- workspaces: depth, size and shape checked before parsing -----------------------------

DEEP = 100_000
SHAPES = [
    ("toml array", "toml", "[workspace]\nx = " + "[" * DEEP + "]" * DEEP, "nest deeper"),
    ("toml inline table", "toml", "x = " + "{a = " * DEEP + "1" + "}" * DEEP, "nest deeper"),
    ("toml dotted key", "toml", "a" + ".a" * DEEP + " = 1", "dotted key"),
    ("toml dotted header", "toml", "[" + ".".join(["a"] * DEEP) + "]", "dotted key"),
    ("goal target", "toml", "[[goal]]\nid = 'g'\ntarget = " + "[" * DEEP + "]" * DEEP, "nest"),
    ("json", "json", "[" * DEEP + "]" * DEEP, "nest deeper"),
    ("json object", "json", '{"a": ' * DEEP + "1" + "}" * DEEP, "nest deeper"),
    ("json number", "json", '{"workspace": {"name": ' + "7" * 5000 + "}}", "100 digits"),
    ("json infinity", "json", '{"workspace": {"name": 1e999}}', "too large"),
    ("json nan", "json", '{"workspace": {"name": NaN}}', "NaN"),
    ("json duplicate", "json", '{"workspace": {"name": "a",\n "name": "b"}}', "twice"),
    ("yaml flow", "yaml", "x: " + "[" * DEEP + "]" * DEEP, "nest deeper"),
    ("yaml block", "yaml", "".join(" " * i + "a:\n" for i in range(2000)), "nest deeper"),
    ("yaml duplicate", "yaml", "workspace:\n  name: a\n  name: b\n", "twice"),
    ("yaml aliases", "yaml", "a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcde", "bcdef", strict=True)), "values"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "fmt", "text", "words"), SHAPES, ids=[s[0] for s in SHAPES])
def test_a_hostile_workspace_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, fmt: str, text: str, words: str
) -> None:
    path = tmp_path / f"ws.{fmt}"
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(gr.GoalRulesError, match=words) as info:
            gr.load_workspace(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.source == str(path)
    assert peak < 20 * len(text) + 5_000_000, f"{label}: {peak:,} bytes for {len(text):,}"
    status, lines = _run_cli(["check", str(path)], capsys)
    assert status == 2 and len(lines) == 1 and str(path) in lines[0], lines


def test_a_duplicate_key_is_named_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "ws.yaml"
    path.write_text("workspace:\n  name: a\n  today: 2026-01-01\n  name: b\n")
    with pytest.raises(gr.WorkspaceError) as info:
        gr.load_workspace(path)
    assert (info.value.line, info.value.column) == (4, 3)
    path = tmp_path / "ws.json"
    path.write_text('{"workspace": {"name": "a",\n  "name": "b"}}')
    with pytest.raises(gr.WorkspaceError) as info:
        gr.load_workspace(path)
    assert (info.value.line, info.value.column) == (2, 3)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 200), st.sampled_from(["toml", "json", "yaml"]))
def test_nesting_is_refused_exactly_past_the_limit(depth: int, fmt: str) -> None:
    # a list nested `depth` deep as the section x: loads (and x is refused as an
    # unknown section) up to the limit, a LimitError past it; never a RecursionError
    from goalrules.io.workspace import MAX_NESTING

    inner = "[" * depth + "]" * depth
    text = {"toml": f"x = {inner}\n", "json": f'{{"x": {inner}}}', "yaml": f"x: {inner}\n"}[fmt]
    with pytest.raises(gr.GoalRulesError) as info:
        gr.load_workspace(f"ws.{fmt}", text=text)
    too_deep = depth + (fmt == "json") > MAX_NESTING
    assert isinstance(info.value, gr.LimitError) == too_deep, info.value


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 300))
def test_dotted_keys_are_refused_exactly_past_the_limit(parts: int) -> None:
    from goalrules.io.workspace import MAX_KEY_PARTS

    text = ".".join(["k"] * parts) + " = 1\n"
    with pytest.raises(gr.GoalRulesError) as info:
        gr.load_workspace("ws.toml", text=text)
    assert isinstance(info.value, gr.LimitError) == (parts > MAX_KEY_PARTS), info.value


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["k", '"a.b"', "'c.d'", "x-1", '"=,"']), min_size=1, max_size=140),
    st.sampled_from([".", " . ", "\t.", ". "]),
    st.booleans(),
)
def test_dotted_keys_of_any_spelling_are_counted_by_their_parts(
    parts: list[str], dot: str, header: bool
) -> None:
    # quoted parts may hold dots, '=' and ','; spaces may surround the dots; a table
    # header counts as a key does
    from goalrules.io.workspace import MAX_KEY_PARTS

    key = dot.join(parts)
    text = f"[{key}]\nx = 1\n" if header else f'name = "1.2.3.4"\n{key} = 1\n'
    with pytest.raises(gr.GoalRulesError) as info:
        gr.load_workspace("ws.toml", text=text)
    too_many = len(parts) > MAX_KEY_PARTS
    assert isinstance(info.value, gr.LimitError) == too_many, info.value
    if too_many:
        assert info.value.line == (1 if header else 2)


# -- messages keep the contract --------------------------------------------------------------


def test_rules_test_says_why_it_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = _run_cli(["rules", "test", str(tmp_path / "nowhere")], capsys)
    assert status == 2 and len(lines) == 1 and "nowhere" in lines[0]
    bad = tmp_path / "bad.rules"
    bad.write_text("rule a\n  check (\n")
    status, lines = _run_cli(["rules", "test", str(bad)], capsys)
    assert status == 2 and len(lines) == 1 and "bad.rules:" in lines[0]


def test_one_error_in_one_file_is_said_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.rules"
    bad.write_text("rule a\n  check 1 > followers\n")
    status, lines = _run_cli(["rules", "check", str(bad)], capsys)
    assert status == 2 and "(1 error in 1 file)" in lines[0]


def test_a_workbook_without_sheets_names_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    pytest.importorskip("python_calamine")
    openpyxl = pytest.importorskip("openpyxl")
    whole = tmp_path / "whole.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.save(whole)
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(path, "w") as out:
        for name in src.namelist():
            if name != "xl/workbook.xml":
                out.writestr(name, src.read(name))
    status, lines = _run_cli(["import", str(path)], capsys)
    assert status == 2 and len(lines) == 1 and str(path) in lines[0], lines
    assert "<input>" not in lines[0]


# -- Trojan Source: bidirectional controls in rule text -----------------------------------

BIDI = sorted("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@given(st.sampled_from(BIDI), st.sampled_from(["comment", "string"]), st.integers(0, 3))
def test_rules_check_warns_of_every_bidi_control(char: str, place: str, pad: int) -> None:
    from goalrules.dsl.bidi import bidi_warnings

    body = f"  # ok{' ' * pad}{char} admin\n" if place == "comment" else ""
    says = f'  says "a{" " * pad}{char}b"\n' if place == "string" else ""
    text = f"ruleset x\nrule a\n{body}  check 1 > 0\n{says}"
    gr.load_rules(text)  # accepted: it is text there
    (warning,) = bidi_warnings(text, source="x.rules")
    line = 3 if place == "comment" else 4
    assert warning.line == line and warning.source == "x.rules"
    assert f"in a {place}" in warning.message and f"U+{ord(char):04X}" in warning.message
    assert text.split("\n")[line - 1][(warning.column or 0) - 1] == char


def test_rules_check_lists_the_warnings_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.rules"
    path.write_text('ruleset x\nrule a\n  check 1 > 0 # \u202e } \u2066\n  says "\u202e"\n')
    out = io.StringIO()
    assert main(["rules", "check", str(path)], out=out) == 0
    listing = out.getvalue().splitlines()
    assert [ln.split(": warning")[0] for ln in listing[:3]] == [
        f"{path}:3:17",
        f"{path}:3:21",
        f"{path}:4:9",
    ]
    err = capsys.readouterr().err.splitlines()
    assert (
        len(err) == 1
        and err[0].startswith("goalrules: warning:")
        and "(3 such characters)" in err[0]
    )
    assert main(["rules", "check", "--strict", str(path)], out=io.StringIO()) == 1
    capsys.readouterr()
    clean = tmp_path / "c.rules"
    clean.write_text("ruleset x\nrule a\n  check 1 > 0\n")
    assert main(["rules", "check", "--strict", str(clean)], out=io.StringIO()) == 0
    assert capsys.readouterr().err == ""
    broken = tmp_path / "b.rules"
    broken.write_text("ruleset x\nrule a\n  check (  # \u202e\n")
    assert main(["rules", "check", str(broken)], out=io.StringIO()) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("goalrules: error:")  # exit 2: one line


def test_a_dash_reads_standard_input_once_within_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goalrules.io import files

    class Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(files, "_stdin", None)
    monkeypatch.setattr("sys.stdin", Stdin(b"ruleset x\nrule a\n  check 1 > 0 # \xe2\x80\xae\n"))
    out = io.StringIO()
    assert main(["rules", "check", "-"], out=out) == 0
    assert "-: ok, ruleset x, 1 rule" in out.getvalue() and "-:3:17: warning" in out.getvalue()
    capsys.readouterr()
    monkeypatch.setattr(files, "_stdin", None)
    monkeypatch.setattr("sys.stdin", Stdin(b"x" * 101))
    status, lines = _run_cli(["--max-input-size", "100", "rules", "check", "-"], capsys)
    assert status == 2 and len(lines) == 1
    assert lines[0].startswith(
        "goalrules: error: <stdin>: standard input is over the limit of 100 bytes "
        "(raise it with --max-input-size or GOALRULES_MAX_INPUT_SIZE)"
    )


def test_the_value_limit_grows_with_the_input_size_limit() -> None:
    from goalrules.errors import LimitError
    from goalrules.io import files
    from goalrules.io.workspace import MAX_VALUES, _check_values

    book = {"goal": [{"id": f"g{i}"} for i in range(MAX_VALUES // 2 + 1)]}  # > MAX_VALUES
    with pytest.raises(LimitError, match="--max-input-size"):
        _check_values(book, "book.toml")
    files.set_max_input_size("64MB")  # four times the default: four times the values
    try:
        _check_values(book, "book.toml")
    finally:
        files.set_max_input_size(None)
