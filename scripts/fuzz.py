"""Fuzz goalrules with mutated inputs: only GoalRulesError may escape, in bounded time.

Run: python scripts/fuzz.py [--cases 100000] [--seed 1] [--bound 2.0]

Each case takes one real input the project ships or documents (a shipped rule file, a
rule or expression from the docs, the example workspace, its history and performance
files, a goal statement) or a generated one, mutates it (characters deleted, doubled or
swapped, brackets, quotes, braces, escapes, huge or odd numbers, units, dates and words
spliced in, lines repeated), and runs it through the public API: compile and evaluate
rules against random facts (missing values, NaN, infinities, huge integers, pint
quantities, text where numbers belong), load the workspace and judge its goals, load the
data files and judge achievability and channels, read statements and score them. It
also loads the workspace as TOML, JSON and YAML with keys doubled, and hostile
workspaces (brackets, inline tables, dotted keys or indentation up to 200,000 deep,
numbers of 20,000 digits, YAML aliases of aliases), whose peak memory must stay under
``MEMORY_FACTOR`` (20) times their size plus 5 MB; runs the command line on mutated
files and on ``/dev/zero``, a FIFO, a folder, ``/proc/self/mem`` (exit 2 must print
exactly one stderr line naming the file); puts hostile text (a terminal's escape
codes, line feeds, HTML, markdown links, spreadsheet formulas) in a workspace's strings
and the data's channels and checks every report for it (no control character on stdout
or stderr, no script in HTML, no formula in a CSV); and registers plugins whose hooks return
anything, raise, or redefine a built-in, declared or not. Any exception that is not a
``GoalRulesError`` is a finding, printed with the input that raised it; so is a case
slower than ``--bound`` seconds, and one over the memory bound. The test suite runs a few
hundred cases with a fixed seed (tests/test_fuzz.py); the figures of a 100,000-case run
are in the closing note of the hardening issue.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import goalrules as gr

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 5, 1)

SPLICES = [
    "(", ")", "[", "]", "{", "}", '"', "\\", "\\\"", "{{", "}}", "\n", "  ", "#", ",", ".",
    "%", "$", "€", " and ", " or ", " not ", " is set", " is missing", " in ", "==", "!=",
    "<=", ">=", "<", ">", "+", "-", "*", "/", "1e308", "1e-320", "99999999999999999999",
    "-0", "0", "nan", "inf", "today", "2026-02-30", "9999-12-31", "0001-01-01",
    " 10000000 years", " 99999999999 days", " months", " followers", " visits", " USD",
    " _words", " x" * 3, "é", "\u202e", "\x00", "\t", "when ", "check ", "rule ", "says ",
    "param ", "fact ", "ruleset ", "criterion ", "decision ", "priority 1e9", "weight -1",
]  # fmt: skip
FACT_VALUES: list[Any] = [
    None, 0, -1, 1, 1.5, 10**400, -(10**30), float("nan"), float("inf"), float("-inf"),
    "", "text", "1,200", "12 followers", True, False, [], [1, 2], {"x": 1},
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2026, 5, 1),
]  # fmt: skip


def mutate(text: str, rng: random.Random, rounds: int = 3) -> str:
    """``text`` with a few random edits."""
    for _ in range(rng.randint(1, rounds)):
        if not text:
            text = rng.choice(SPLICES)
            continue
        at = rng.randrange(len(text) + 1)
        kind = rng.randrange(6)
        if kind == 0:  # delete a run
            text = text[:at] + text[at + rng.randint(1, 8) :]
        elif kind == 1:  # splice a token
            text = text[:at] + rng.choice(SPLICES) + text[at:]
        elif kind == 2:  # double a run
            run = text[at : at + rng.randint(1, 30)]
            text = text[:at] + run * rng.randint(2, 40) + text[at:]
        elif kind == 3:  # swap two characters
            if at + 1 < len(text):
                text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
        elif kind == 4:  # repeat a line
            lines = text.splitlines()
            if lines:
                i = rng.randrange(len(lines))
                lines.insert(i, lines[i])
                text = "\n".join(lines)
        else:  # replace a number
            digits = [i for i, c in enumerate(text) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                text = (
                    text[:i]
                    + rng.choice(["0", "-1", "1e999", "99999999999", "0.0"])
                    + text[i + 1 :]
                )
    return text


def random_facts(rng: random.Random, depth: int = 0) -> Any:
    if depth < 2 and rng.random() < 0.5:
        keys = ["goal", "history", "channel", "plan", "visits", "leads", "target", "x", "t"]
        return {k: random_facts(rng, depth + 1) for k in rng.sample(keys, rng.randint(0, 5))}
    if rng.random() < 0.15:
        return gr.quantity(
            f"{rng.choice([1, 1200, 0.5])} {rng.choice(['follower', 'visit', 'USD', '%'])}"
        )
    return rng.choice(FACT_VALUES)


@dataclass
class Corpus:
    rules: list[str] = field(default_factory=list)
    expressions: list[str] = field(default_factory=list)
    workspace: str = ""
    history: str = ""
    performance: str = ""
    statements: list[str] = field(default_factory=list)


def corpus() -> Corpus:
    c = Corpus()
    folder = resources.files("goalrules").joinpath("rules")
    c.rules = [e.read_text("utf-8") for e in folder.iterdir() if e.name.endswith(".rules")]
    for doc in sorted((ROOT / "docs").glob("*.md")):
        text = doc.read_text("utf-8")
        for block in text.split("```")[1::2]:
            if block.startswith("rules"):
                c.rules.append(block[len("rules") :])
    c.expressions = [
        "leads / visits > 2 %", "visits > 1000 and channel in [\"linkedin\", \"x\"]",
        "today + 6 months > 2026-01-01", "x * 2 - 3 / x >= 0 or not (t == \"a\")",
        "visits is set and leads is missing", "x if x > 0 else -x",
    ]  # fmt: skip
    data = resources.files("goalrules").joinpath("data", "campfire")
    c.workspace = data.joinpath("workspace.toml").read_text("utf-8")
    c.history = data.joinpath("history.csv").read_text("utf-8")
    c.performance = data.joinpath("performance.csv").read_text("utf-8")
    c.statements = [
        "Double our LinkedIn followers within six months",
        "Get 50 leads a month from LinkedIn by end of Q3 2027",
        "Cut average response time to under 1 hour by 2027-01-01",
        "Grow share of voice to 30% this year",
        "Reach 10k followers on Instagram by year end",
    ]
    return c


FIELDS = {"visits": "visit", "leads": "lead", "channel": str, "x": "number", "t": "text"}


def case_rules(c: Corpus, rng: random.Random, tmp: Path) -> None:
    text = mutate(rng.choice(c.rules), rng, rounds=4)
    rs = gr.load_rules(text)
    for _ in range(3):
        facts = random_facts(rng)
        if not isinstance(facts, dict):
            facts = {"x": facts}
        report = rs.evaluate(facts, today=TODAY)
        report.explain()
        for f in report.findings:
            f.message  # noqa: B018 - rendering is what is fuzzed
            f.fix  # noqa: B018


def case_expression(c: Corpus, rng: random.Random, tmp: Path) -> None:
    fn = gr.compile_expression(mutate(rng.choice(c.expressions), rng), FIELDS)
    for _ in range(3):
        facts = {k: rng.choice(FACT_VALUES) for k in rng.sample(list(FIELDS), rng.randint(0, 5))}
        fn(facts, TODAY)
        fn.explain(facts, TODAY)  # type: ignore[attr-defined]


def case_workspace(c: Corpus, rng: random.Random, tmp: Path) -> None:
    path = tmp / "ws.toml"
    path.write_text(mutate(c.workspace, rng), encoding="utf-8")
    ws = gr.load_workspace(path)
    for g in ws.goals[:3]:
        gr.score_smart(g, today=TODAY, context=ws.plan)
    gr.lint_plan(ws.plan, today=TODAY)


def case_data(c: Corpus, rng: random.Random, tmp: Path) -> None:
    hist, perf = tmp / "history.csv", tmp / "performance.csv"
    hist.write_text(mutate(c.history, rng), encoding="utf-8")
    perf.write_text(mutate(c.performance, rng), encoding="utf-8")
    if rng.random() < 0.5:
        for series in list(gr.load_history(hist).values())[:3]:
            goal = gr.Goal("g", metric=series.metric, target=rng.choice(["x2", "+10%", "x0.5"]),
                           start=TODAY, deadline="within 6 months")  # fmt: skip
            gr.assess_achievability(goal, series, today=TODAY)
    else:
        gr.decide_channels(gr.load_performance(perf), today=TODAY)


def case_statement(c: Corpus, rng: random.Random, tmp: Path) -> None:
    text = mutate(rng.choice(c.statements), rng)
    goal = gr.Goal.from_statement(
        text, start=TODAY, baseline=rng.choice([None, "1,200 followers", "500 visits / month"])
    )
    gr.score_smart(goal, today=TODAY)


#: a hostile input may take this multiple of its size in memory, plus a floor
MEMORY_FACTOR, MEMORY_FLOOR = 20, 5_000_000

NESTERS = {
    "toml": ["[", "{a = ", "a.", "x = ["],
    "json": ["[", '{"a": ', '{"a": {"b": '],
    "yaml": ["[", "{a: ", "- ", "a:\n  "],
}
CLOSERS = {"[": "]", "{a = ": "1}", "x = [": "]", '{"a": ': "1}", '{"a": {"b": ': "1}}",
           "{a: ": "1}"}  # fmt: skip


def _documents(c: Corpus, rng: random.Random) -> tuple[str, str]:
    """The example workspace as TOML, JSON or YAML (the same content)."""
    import json
    import tomllib

    fmt = rng.choice(["toml", "json", "yaml"])
    if fmt == "toml":
        return fmt, c.workspace
    data = tomllib.loads(c.workspace)
    if fmt == "json":
        return fmt, json.dumps(data, default=str, indent=rng.choice([None, 2]))
    import yaml

    return fmt, yaml.safe_dump(data, default_flow_style=rng.random() < 0.3)


def case_workspace_formats(c: Corpus, rng: random.Random, tmp: Path) -> None:
    """The workspace in each format, mutated, with duplicate keys spliced in."""
    fmt, text = _documents(c, rng)
    text = mutate(text, rng)
    if rng.random() < 0.3:  # a key twice
        lines = text.splitlines()
        i = rng.randrange(len(lines)) if lines else 0
        text = "\n".join(lines[: i + 1] + lines[i : i + 1] + lines[i + 1 :])
    path = tmp / f"ws.{fmt}"
    path.write_text(text, encoding="utf-8")
    ws = gr.load_workspace(path)
    for g in ws.goals[:2]:
        gr.score_smart(g, today=TODAY, context=ws.plan)


def hostile_workspace(rng: random.Random) -> tuple[str, str]:
    """A workspace built to break a parser: brackets, inline tables, dotted keys or
    block indentation nested up to 200,000 deep, numbers of up to 20,000 digits, YAML
    aliases of aliases, spliced into an ordinary document."""
    fmt = rng.choice(["toml", "json", "yaml"])
    depth = rng.choice([1, 10, 63, 64, 65, 100, 1000, 10_000, rng.randint(1, 200_000)])
    shape = rng.randrange(4)
    if shape == 0:
        opener = rng.choice(NESTERS[fmt])
        closer = CLOSERS.get(opener, "")
        body = opener * depth + "1" + closer * (depth if rng.random() < 0.8 else depth // 2)
    elif shape == 1:
        body = rng.choice(["1", "-", "0."]) + "7" * rng.choice([10, 101, 4301, 20_000])
    elif shape == 2 and fmt == "yaml":
        body = "&a [1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
            f"k{i}: &a{i + 1} [{', '.join(['*a' + (str(i) if i else '')] * 8)}]\n"
            for i in range(rng.randint(1, 8))
        )
    else:
        body = "".join(" " * i + "a:\n" for i in range(min(depth, 3000)))
    prefix = {"toml": "[workspace]\nname = 'x'\nx = ", "json": '{"workspace": {"name": ',
              "yaml": "workspace:\n  name: "}[fmt]  # fmt: skip
    suffix = {"toml": "\n", "json": "}}", "yaml": "\n"}[fmt]
    return fmt, prefix + body + suffix


def case_hostile_workspace(c: Corpus, rng: random.Random, tmp: Path) -> None:
    fmt, text = hostile_workspace(rng)
    path = tmp / f"hostile.{fmt}"
    path.write_text(text, encoding="utf-8")
    _bounded_memory(lambda: gr.load_workspace(path), len(text), f"a {len(text):,}-char {fmt}")


def _bounded_memory(fn: Callable[[], object], size: int, what: str) -> None:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if peak > MEMORY_FACTOR * size + MEMORY_FLOOR:
            MEMORY.append(f"{what}: {peak:,} bytes at peak")


MEMORY: list[str] = []


def case_cli(c: Corpus, rng: random.Random, tmp: Path) -> None:
    """A mutated rule file, workspace or data file through the command line: exit 0, 1
    or 2, and an exit 2 prints exactly one line on stderr naming the file."""
    import contextlib
    import io
    import os

    from goalrules.cli import main

    kind = rng.randrange(5)
    rules, ws, hist = tmp / "cli.rules", tmp / "cli.toml", tmp / "cli-history.csv"
    rules.write_text(mutate(rng.choice(c.rules), rng), encoding="utf-8")
    ws.write_text(mutate(c.workspace, rng) if kind == 1 else c.workspace, encoding="utf-8")
    hist.write_text(mutate(c.history, rng), encoding="utf-8")
    special = tmp / "fifo"
    if not special.exists() and hasattr(os, "mkfifo"):
        os.mkfifo(special)
    odd = rng.choice(["/dev/zero", str(special), str(tmp), str(tmp / "missing.csv"),
                      "/proc/self/mem"])  # fmt: skip
    argv = [
        ["rules", "check", str(rules)],
        ["check", str(ws)],
        ["check", str(ws), "--history", str(hist)],
        ["rules", "test", str(rules)],
        [rng.choice(["check", "plan", "backtest", "channels", "import"]), odd],
    ][kind]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            status = main(argv, out=io.StringIO())
        except SystemExit as exc:
            status = int(exc.code or 0)
    lines = [ln for ln in err.getvalue().splitlines() if ln.startswith("goalrules: error")]
    if status not in (0, 1, 2):
        raise AssertionError(f"exit {status} for {argv}")
    if status == 2 and (len(lines) != 1 or len(err.getvalue().splitlines()) != 1):
        raise AssertionError(f"exit 2 with {err.getvalue()!r} for {argv}")
    if status == 2 and argv[-1] not in lines[0] and not (kind == 3 and "error" in lines[0]):
        raise AssertionError(f"exit 2 naming no file: {lines[0]!r} for {argv}")


#: text that a terminal, a markdown renderer, a browser or a spreadsheet would obey
HOSTILE_TEXT = ["\x1b[2J", "\x1b]0;owned\x07", "\u009b31m", "\r", "\n", "\u202e", "\x00",
                "<script>alert(1)</script>", "[x](javascript:alert(1))", "![](https://e.x/p)",
                "**b**", "&lt;i&gt;", "$\\frac{a}{$", "=HYPERLINK(\"https://e.x\")", "+cmd|x",
                "@SUM(A1)", "|", "`c`"]  # fmt: skip
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _quoted_toml(piece: str) -> str:
    return piece.replace("\\", "\\\\").translate(
        {c: f"\\u{c:04x}" for c in range(0x20)} | {0x7F: "\\u007f"}
    )


def case_cli_reports(c: Corpus, rng: random.Random, tmp: Path) -> None:
    """Hostile text (a terminal's escape codes, a line feed, HTML, markdown links, a
    spreadsheet's formulas) in a workspace's strings and in the data's channels, through
    the reports: whatever the exit, standard output and stderr hold no control
    character but line feeds and tabs, an exit 2 is one stderr line, an HTML page no
    script, a CSV no cell a spreadsheet runs."""
    import csv as csv_module
    import io

    from goalrules.cli import main

    ws, hist, perf = tmp / "r.toml", tmp / "r-history.csv", tmp / "r-performance.csv"
    text = c.workspace
    spots = list(re.finditer(r'= "([^"\n]*)"', text))
    chosen = rng.sample(spots, min(len(spots), rng.randint(1, 5)))
    for m in sorted(chosen, key=lambda m: -m.start()):  # the last first: earlier ones stay put
        piece = _quoted_toml(rng.choice(HOSTILE_TEXT)).replace('"', "'")
        text = text[: m.end(1)] + piece + text[m.end(1) :]
    ws.write_text(text, encoding="utf-8")
    channel = rng.choice(HOSTILE_TEXT).replace('"', "'")
    hist.write_text(c.history.replace("linkedin", f'"{channel}"', rng.randint(1, 3)),
                    encoding="utf-8")  # fmt: skip
    perf.write_text(c.performance.replace("instagram", f'"li{channel}"'), encoding="utf-8")
    fmt = rng.choice(["text", "markdown", "html", "csv", "json"])
    argv = [
        ["check", str(ws), "--format", fmt, "--history", str(hist), "--performance", str(perf)],
        ["channels", str(perf), "--format", fmt if fmt != "csv" else "text"],
        ["import", str(hist), "--format", "csv"],
        ["read", rng.choice(c.statements) + rng.choice(HOSTILE_TEXT)],
    ][rng.randrange(4)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            status = main(argv, out=out)
        except SystemExit as exc:
            status = int(exc.code or 0)
    said, written = err.getvalue(), out.getvalue()
    if status not in (0, 1, 2):
        raise AssertionError(f"exit {status} for {argv}")
    if status == 2 and said.count("\n") != 1:
        raise AssertionError(f"exit 2 with {said!r} for {argv}")
    for name, shown in (("stdout", written), ("stderr", said)):
        if found := _HIDDEN.search(shown):
            raise AssertionError(f"{found[0]!r} on {name} for {argv}")
    if "html" in argv and "<script" in written.lower():
        raise AssertionError(f"a script in the HTML page for {argv}")
    if "csv" in argv and status == 0:
        for row in csv_module.reader(io.StringIO(written)):
            for cell in row:
                if cell[:1] in "=+-@" and cell[:1] and not _number_like(cell):
                    raise AssertionError(f"the cell {cell!r} runs in a spreadsheet for {argv}")


def _number_like(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


HOOKS = ["goalrules_units", "goalrules_metrics", "goalrules_channel_aliases",
         "goalrules_functions", "goalrules_rulesets", "goalrules_platform_fit",
         "goalrules_sources"]  # fmt: skip


def _plugin_value(rng: random.Random) -> Any:
    from goalrules.metrics import MetricDefinition

    junk: list[Any] = [None, 0, 1.5, "", "x", b"x", [None], [1], ["followers = [x]"],
                       {"li": "x"}, {"a": 1}, {"zz_new": "linkedin"}, ["story = [story]"],
                       [MetricDefinition("followers", "F", "follower", "higher", "stock")],
                       [MetricDefinition("zz_new", "Z", "follower", "higher", "stock")],
                       ["ruleset smart\nrule a\n  check 1 > 0\n"], ["ruleset zz\nrule a\n"],
                       "channel,objective,fits\nlinkedin,-,false\n", "nope.csv",
                       [{"id": "ga4"}], ["[[preset]]\nid = 1"], object()]  # fmt: skip
    return rng.choice(junk)


def case_plugin(c: Corpus, rng: random.Random, tmp: Path) -> None:
    """A plugin whose hooks return anything, raise, or redefine a built-in, declared or
    not: using the registries raises a GoalRulesError or works, nothing else."""
    from goalrules import plugins
    from goalrules.dsl.builtins import function_table
    from goalrules.io.exports.presets import presets
    from goalrules.metrics import platform_fit

    attrs: dict[str, Any] = {}
    for hook in rng.sample(HOOKS, rng.randint(1, 3)):
        value = _plugin_value(rng)
        if rng.random() < 0.15:

            def impl(self: object) -> Any:
                raise rng.choice([RuntimeError("boom"), KeyError("k"), RecursionError()])
        else:

            def impl(self: object, value: Any = value) -> Any:
                return value

        impl.__name__ = hook
        attrs[hook] = plugins.hookimpl(impl)
    if rng.random() < 0.4:
        declared: list[Any] = [["metric:followers"], ["ruleset:smart"], "x", 5,
                               ["platform_fit", "preset:ga4"]]  # fmt: skip
        attrs["goalrules_replaces"] = rng.choice(declared)
    plugin = type("Fuzzed", (), attrs)()
    plugins.register(plugin)
    try:
        for use in (lambda: gr.quantity("3 followers"), lambda: len(gr.catalog),
                    lambda: gr.normalize_channel("li"), function_table, presets,
                    lambda: gr.shipped_ruleset("smart"), platform_fit):  # fmt: skip
            with contextlib.suppress(gr.GoalRulesError):
                use()
        plugins.inventory()
    finally:
        plugins.unregister(plugin)


CASES: list[tuple[str, Callable[[Corpus, random.Random, Path], None]]] = [
    ("rules", case_rules),
    ("expression", case_expression),
    ("workspace", case_workspace),
    ("data", case_data),
    ("statement", case_statement),
    ("workspace formats", case_workspace_formats),
    ("hostile workspace", case_hostile_workspace),
    ("cli", case_cli),
    ("cli reports", case_cli_reports),
    ("plugin", case_plugin),
]


@dataclass
class Result:
    cases: int = 0
    refused: int = 0  # a GoalRulesError: the expected answer to bad input
    foreign: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    slowest: float = 0.0
    by_kind: dict[str, int] = field(default_factory=dict)
    memory: list[str] = field(default_factory=list)  # over MEMORY_FACTOR x the input


def run(cases: int, seed: int, bound: float = 2.0, *, verbose: bool = False) -> Result:
    """Run ``cases`` fuzz cases from ``seed``; returns what was found."""
    c = corpus()
    rng = random.Random(seed)
    result = Result()
    MEMORY.clear()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for i in range(cases):
            name, fn = CASES[i % len(CASES)]
            case_rng = random.Random(rng.getrandbits(64))
            start = time.perf_counter()
            try:
                fn(c, case_rng, tmp)
            except gr.GoalRulesError:
                result.refused += 1
            except RecursionError:
                result.foreign.append(f"{name} #{i}: RecursionError")
            except Exception:  # a foreign exception: the finding
                result.foreign.append(f"{name} #{i}: {traceback.format_exc(limit=-3)}")
            took = time.perf_counter() - start
            result.slowest = max(result.slowest, took)
            if took > bound:
                result.slow.append(f"{name} #{i}: {took:.2f} s")
            result.cases += 1
            result.by_kind[name] = result.by_kind.get(name, 0) + 1
            result.memory.extend(f"{name} #{i}: {m}" for m in MEMORY)
            MEMORY.clear()
            if verbose and (i + 1) % 1000 == 0:
                print(f"{i + 1:,} cases, {len(result.foreign)} foreign, "
                      f"slowest {result.slowest:.2f} s", file=sys.stderr, flush=True)  # fmt: skip
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bound", type=float, default=2.0, help="seconds a case may take")
    args = parser.parse_args()
    t0 = time.perf_counter()
    r = run(args.cases, args.seed, args.bound, verbose=True)
    total = time.perf_counter() - t0
    kinds = ", ".join(f"{k} {v:,}" for k, v in r.by_kind.items())
    print(f"{r.cases:,} cases in {total:.0f} s ({kinds})")
    print(f"refused with a GoalRulesError: {r.refused:,}; foreign exceptions: "
          f"{len(r.foreign)}; slower than {args.bound:g} s: {len(r.slow)}; "
          f"slowest case {r.slowest:.2f} s; over {MEMORY_FACTOR} x the input "
          f"+ {MEMORY_FLOOR / 1e6:g} MB in memory: {len(r.memory)}")  # fmt: skip
    for line in r.foreign[:20] + r.slow[:20] + r.memory[:20]:
        print("-", line)
    return 1 if r.foreign or r.slow or r.memory else 0


if __name__ == "__main__":
    sys.exit(main())
