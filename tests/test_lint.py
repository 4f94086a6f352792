"""`goalrules rules lint` and the stable error codes: each check finds what it names,
stays quiet on sound rules, is silenced by `# lint: ignore[...]`, and every code has its
section in the docs."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import errors
from goalrules.cli import main
from goalrules.engine.lint import CHECKS, lint_file, lint_paths, lint_ruleset, suppress

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "errors"

# a copy of the channels ruleset's fallback rule as it was shipped: always true
FALLBACK = """\
ruleset fallback

rule keep.good
  decision keep  priority 60
  check channel.lead_rate > portfolio.lead_rate
  says "Lead rate {channel.lead_rate} vs {portfolio.lead_rate}."

rule reduce.in-between
  decision reduce  priority 10
  check true
  says "Neither a clear keep nor a cut: reduce the effort and keep measuring (lead rate {channel.lead_rate} vs {portfolio.lead_rate}, visits {channel.visits_trend} a month)."
"""


def _codes(text: str) -> list[str]:
    return [f.code for f in lint_ruleset(gr.load_rules(text), text=text)]


def test_the_always_true_fallback_is_found() -> None:
    found = lint_ruleset(gr.load_rules(FALLBACK), text=FALLBACK)
    assert [(f.code, f.rule) for f in found] == [("GR301", "reduce.in-between")]
    assert "argues for `reduce` whatever the facts" in found[0].message
    assert found[0].line == 8


@pytest.mark.parametrize(
    ("check", "code"),
    [
        ("true", "GR301"),
        ("false", "GR302"),
        ("visits >= 0", "GR301"),
        ("visits < 0", "GR302"),
        ("0 <= visits", "GR301"),
        ("visits > low or not (visits > low)", "GR301"),
        ("visits > low and false", "GR302"),
        ("visits == visits", "GR301"),
        ("low > 5 visits", "GR301"),  # params are constants
        ("low < 5 visits and visits > 3", "GR302"),
        ("visits in []", "GR302"),
    ],
)
def test_constant_checks(check: str, code: str) -> None:
    text = (f"param low = 10 visits\nfact visits: visit\n"
            f"rule r criterion c check {check}\n  says \"{{visits}}\"\n")  # fmt: skip
    assert code in _codes(text)


@pytest.mark.parametrize(
    "check",
    ["visits > low", "visits >= low", "visits > low or visits < 5", "not (visits > low)"],
)
def test_checks_that_depend_on_the_facts_are_quiet(check: str) -> None:
    text = f"param low = 10 visits\nfact visits: visit\nrule r criterion c check {check}\n"
    text += '  says "Only {visits}."\n'
    assert _codes(text) == []


def test_unused_params_and_facts() -> None:
    text = ("param used = 3 visits\nparam spare = 2\nfact visits: visit\nfact leads: lead\n"
            'rule r criterion c check visits > used\n  says "{visits}"\n')  # fmt: skip
    found = lint_ruleset(gr.load_rules(text), text=text)
    assert {(f.code, f.line) for f in found} == {("GR303", 2), ("GR304", 4)}


def test_shadowed_decision_rules() -> None:
    text = ("fact visits: visit\n"
            'rule a decision keep priority 50 check visits > 10\n  says "{visits}"\n'
            'rule b decision cut priority 40 check visits > 10\n  says "{visits}"\n'
            'rule c decision keep priority 90 check true\n  says "always"\n'
            'rule d decision cut priority 95 check visits > 1\n  says "{visits}"\n')  # fmt: skip
    found = {(f.code, f.rule) for f in lint_ruleset(gr.load_rules(text), text=text)}
    assert ("GR305", "b") in found and ("GR305", "a") in found
    assert ("GR305", "d") not in found and ("GR301", "c") in found


def test_messages_that_hide_the_value() -> None:
    text = ('fact visits: visit\nfact share: ratio\n'
            'rule a criterion c check visits > 1000\n  says "Too few visits."\n'
            'rule c criterion c check share < 15 %\n  says "Share {share}."\n')  # fmt: skip
    found = {(f.code, f.rule) for f in lint_ruleset(gr.load_rules(text), text=text)}
    assert found == {("GR306", "a")}


def test_a_share_compared_with_a_whole_number_is_refused_before_lint() -> None:
    """``share < 15`` (1,500 %) was a lint finding (GR307) that ``rules check`` passed:
    it is an error when the rules load, so lint never sees it."""
    text = 'fact share: ratio\nrule b criterion c check share < 15\n  says "Share {share}."\n'
    with pytest.raises(errors.RuleTypeError, match="is a share") as caught:
        gr.load_rules(text)
    assert (caught.value.line, caught.value.column) == (2, 34)


def test_missing_fixes_where_the_ruleset_gives_them() -> None:
    text = ('fact visits: visit\n'
            'rule a criterion c check visits > 10\n  says "{visits}"\n  fix "Post more."\n'
            'rule b criterion c check visits < 1000\n  says "{visits}"\n')  # fmt: skip
    assert [(f.code, f.rule) for f in lint_ruleset(gr.load_rules(text), text=text)] == [
        ("GR308", "b")
    ]
    alone = 'fact visits: visit\nrule b criterion c check visits < 1000\n  says "{visits}"\n'
    assert _codes(alone) == []


def test_suppressions() -> None:
    by_code = FALLBACK.replace("  check true", "  check true  # lint: ignore[GR301]")
    assert _codes(by_code) == []
    by_name = FALLBACK.replace("rule reduce.in-between", "# lint: ignore[always-true]\n"
                               "rule reduce.in-between")  # fmt: skip
    assert _codes(by_name) == []
    other = FALLBACK.replace("  check true", "  check true  # lint: ignore[GR306]")
    assert _codes(other) == ["GR301"]
    whole = "# lint: ignore-file[GR301]\n" + FALLBACK
    assert _codes(whole) == []


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(CHECKS)), st.sampled_from(sorted(CHECKS)))
def test_a_suppression_silences_its_code_only(silenced: str, other: str) -> None:
    from goalrules.engine.lint import LintFinding

    text = f"rule r criterion c check true  # lint: ignore[{silenced}]\n"
    found = [LintFinding(silenced, "x", "<r>", 1), LintFinding(other, "y", "<r>", 1)]
    kept = [f.code for f in suppress(found, text)]
    assert silenced not in kept and (other in kept) == (other != silenced)


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fallback.rules"
    path.write_text(FALLBACK, encoding="utf-8")
    out = io.StringIO()
    assert main(["rules", "lint", str(tmp_path)], out=out) == 1
    assert f"{path}:8:1: GR301 always-true: rule reduce.in-between" in out.getvalue()
    out = io.StringIO()
    assert main(["rules", "lint", str(path), "--format", "json"], out=out) == 1
    data = json.loads(out.getvalue())
    assert [f["code"] for f in data["findings"]] == ["GR301"]
    assert main(["rules", "lint", str(path), "--ignore", "always-true"], out=io.StringIO()) == 0
    bad = tmp_path / "bad.rules"
    bad.write_text("fact visits: visit\nrule r criterion c check visits > 3 leads\n")
    out = io.StringIO()
    assert main(["rules", "lint", str(bad), "--format", "json"], out=out) == 2
    assert json.loads(out.getvalue())["errors"][0]["code"] == "GR102"


def test_the_shipped_rules_lint_without_errors() -> None:
    run = lint_paths([ROOT / "src" / "goalrules" / "rules"])
    assert run.errors == () and len(run.files) >= 6
    assert all(f.code in CHECKS for f in run.findings)


# -- the stable codes ----------------------------------------------------------------

PINNED = {
    "GoalRulesError": "GR100",
    "GoalRulesErrors": "GR100",
    "RuleSyntaxError": "GR101",
    "RuleTypeError": "GR102",
    "UnitError": "GR103",
    "MissingFactError": "GR104",
    "UnknownNameError": "GR105",
    "UnknownMetricError": "GR106",
    "DateError": "GR201",
    "ValidationError": "GR202",
    "DataError": "GR203",
    "WorkspaceError": "GR204",
    "LimitError": "GR205",
    "PluginError": "GR401",
}
PINNED_LINT = {
    "GR301": "always-true", "GR302": "always-false", "GR303": "unused-param",
    "GR304": "unused-fact", "GR305": "shadowed-rule", "GR306": "message-hides-value",
    "GR307": "unit-cannot-match", "GR308": "missing-fix", "GR309": "never-varies",
    "GR311": "table-gap",
    "GR312": "table-overlap", "GR313": "table-shadowed-row", "GR314": "table-unreachable-row",
    "GR315": "table-not-checked",
}  # fmt: skip


def test_codes_are_pinned() -> None:
    assert {name: getattr(errors, name).code for name in PINNED} == PINNED
    assert {code: c.name for code, c in CHECKS.items()} == PINNED_LINT
    err = errors.RuleTypeError("cannot compare", source="a.rules", line=3, column=4)
    assert err.to_dict()["code"] == "GR102"


def test_every_code_has_its_docs_section_with_an_example_and_the_fix() -> None:
    pages = {p.name: p.read_text("utf-8") for p in DOCS.glob("*.md")}
    every = set(PINNED.values()) | set(PINNED_LINT)
    for code in sorted(every):
        family = {"1": "rules.md", "2": "data.md", "3": "lint.md", "4": "plugins.md"}[code[2]]
        page = pages[family]
        m = re.search(rf"^## {code}\b.*?(?=^## |\Z)", page, re.M | re.S)
        assert m is not None, f"{code} has no section in docs/errors/{family}"
        assert "Example" in m[0] and "Fix" in m[0], f"{code}: example and fix"


def test_sampling_asks_about_checks_that_never_vary(tmp_path: Path) -> None:
    text = ('rule a decision keep check channel.visits_share <= 100 %\n'
            '  says "{channel.visits_share}"\n'
            'rule b decision cut check channel.visits > 100 visits\n  says "{channel.visits}"\n'
            'rule c decision cut check channel.months is set\n')  # fmt: skip
    path = tmp_path / "r.rules"
    path.write_text(text, encoding="utf-8")
    assert [f.code for f in lint_paths([path]).findings] == []  # not without --sample
    found = lint_paths([path], sample=100).findings
    assert [(f.code, f.rule) for f in found] == [("GR309", "a")]
    out = io.StringIO()
    assert main(["rules", "lint", str(path), "--sample", "50"], out=out) == 1
    assert "GR309 never-varies: rule a" in out.getvalue()


_NUMBER_CONDITIONS = st.tuples(
    st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), st.sampled_from([0, 50, 100, 150])
)
_TEXT_CONDITIONS = st.sampled_from(
    ['== "a"', '== "b"', '!= "a"', 'in ["a", "b"]', 'not in ["a", "b"]', 'in ["c"]']
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_NUMBER_CONDITIONS, min_size=2, max_size=4),
    st.lists(_TEXT_CONDITIONS, max_size=3),
    st.booleans(),
)
def test_a_check_no_value_meets_is_always_false_and_only_then(
    numbers: list[tuple[str, int]], texts: list[str], chained: bool
) -> None:
    """``visits > 100 and visits < 50`` (or ``1 < visits < 0``) is a check no facts can
    pass: the lint says so (it said nothing), and says it of no check some facts pass
    (tried at every constant and between them, which covers every case)."""
    parts = [f"visits {op} {v}" for op, v in numbers]
    if chained:  # the first two as one chain: `visits > 100 < ...` is not one, so flip
        (op1, v1), (op2, v2) = numbers[0], numbers[1]
        flip = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
        parts[:2] = [f"{v1} {flip[op1]} visits {op2} {v2}"]
    parts += [f"channel {t}" for t in texts]
    check = " and ".join(parts)
    rules = gr.load_rules(
        f'fact visits: visit\nfact channel: text\nrule r criterion x check {check} says "{{visits}} {{channel}}" fix "f"'
    )
    passes = any(
        rules.evaluate(visits=v, channel=c).findings[0].outcome.value == "pass"
        for v in (0, 25, 50, 75, 100, 125, 150, 200)  # (a count is never negative)
        for c in ("a", "b", "c", "z")
    )
    said = "GR302" in [f.code for f in lint_ruleset(rules)]
    assert said == (not passes), check


def test_a_share_compared_with_a_whole_number_in_a_table_cell_is_refused(tmp_path: Path) -> None:
    """A cell `>= 15` on a share means 1,500 %: it is an error at its row when the table
    loads (lint found it, GR307, and `rules check` passed it)."""
    path = tmp_path / "levels.table.csv"
    path.write_text("# fact r: %\nr, => level\n>= 15, high\n< 15 %, low\n")
    with pytest.raises(errors.GoalRulesError, match="`r` is a share") as caught:
        lint_file(path)
    assert caught.value.line == 3 and "'15 %'" in str(caught.value)
