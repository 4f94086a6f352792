"""Tests for rules (`goalrules rules test`): the runner, its errors, JUnit output,
coverage, and the shipped rulesets' own tests."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from goalrules.cli import main
from goalrules.engine.rule_tests import run_rule_tests

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"

RULES = """\
ruleset leads "Leads"
param min_rate = 2 %
fact visits: visit
fact leads: lead
rule volume criterion reach check visits >= 1000 visits
rule rate criterion reach when visits > 0 visits check leads / visits > min_rate
rule keep decision keep priority 2 check leads / visits > 5 %
rule cut decision cut priority 1 check leads == 0 leads
rule never check visits > 1,000,000 visits
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def test_the_shipped_rulesets_pass_their_tests() -> None:
    run = run_rule_tests([SHIPPED])
    assert run.exit_code == 0, run.text()
    assert {c.ruleset for c in run.cases} == {
        "smart",
        "achievability",
        "channels",
        "plan",
        "review",
        "alerts",
    }
    assert len(run.cases) >= 40
    assert all(not cov.unexercised for cov in run.coverage)


def test_a_passing_and_a_failing_test(tmp_path: Path) -> None:
    write(tmp_path, "leads.rules", RULES + '''
test "a strong channel is kept"
  given visits = 3,000 visits, leads = 200 leads
  expect decision keep
  expect rule cut fail
  expect criterion reach passes

test "a weak one is kept too?"
  given visits = 3,000 visits, leads = 20 leads
  expect decision keep
''')  # fmt: skip
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 1
    (failed,) = run.failed
    assert failed.where == f"{tmp_path / 'leads.rules'}:17"
    text = run.text()
    assert f"{tmp_path / 'leads.rules'}:19: expected decision keep, got no decision" in text
    assert "leads / visits = 0.7 %" in text  # what the rule saw
    # coverage: `never` is exercised (it fails in both tests) but never changes outcome
    assert "never (always fail)" in text


def test_tests_beside_the_rules(tmp_path: Path) -> None:
    write(tmp_path, "leads.rules", RULES)
    write(tmp_path, "leads.test.rules", '''
test "no leads is cut"
  given visits = 300 visits, leads = 0 leads, today = 2026-05-01
  expect decision cut
  expect criterion reach score 0 %
  expect message cut "cut"
''')  # fmt: skip
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 0, run.text()
    assert run.cases[0].source.endswith("leads.test.rules")
    (cov,) = run.coverage
    # one test: keep and never fail, volume and rate fail for the criterion, cut passes;
    # nothing changes outcome when there is one test, so only "no test exercises" applies
    assert cov.unexercised == () and cov.constant == ()


def test_unknown_names_and_units_are_errors_with_a_place(tmp_path: Path) -> None:
    write(tmp_path, "leads.rules", RULES)
    write(tmp_path, "leads.test.rules", '''
test "typos"
  given visits = 300 followers, leeds = 3 leads
  expect rule kep pass
  expect criterion rech passes
  expect decision kepp
''')  # fmt: skip
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 2
    messages = [str(e) for e in run.errors]
    assert any(":4:3: unknown rule 'kep' (did you mean 'keep'?)" in m for m in messages)
    assert any("unknown criterion 'rech' (did you mean 'reach'?)" in m for m in messages)
    assert any("unknown decision 'kepp'" in m for m in messages)
    assert any(":3:18: visits is a visit, but the test gives a follower" in m for m in messages)
    assert any("unknown name 'leeds' (did you mean 'leads'?)" in m for m in messages)


def test_a_test_that_expects_nothing_or_names_twice_is_a_syntax_error(tmp_path: Path) -> None:
    write(tmp_path, "a.rules", RULES + 'test "t" given visits = 1 visit\n')
    assert run_rule_tests([tmp_path]).exit_code == 2


@pytest.mark.parametrize("words", ['""', '"  "'])
def test_expecting_a_message_to_contain_nothing_expects_nothing(tmp_path: Path, words: str) -> None:
    """Every message contains the empty text: such a test passed whatever the rule said."""
    write(
        tmp_path,
        "a.rules",
        RULES + f'test "t" given visits = 1 visit expect message volume {words}\n',
    )
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 2
    assert "a.rules:10:" in run.text() and "a message always contains" in run.text()


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_the_command(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, "leads.rules", RULES + '''
test "kept" given visits = 3,000 visits, leads = 200 leads expect decision keep
test "not kept" given visits = 3,000 visits, leads = 20 leads expect decision keep
''')  # fmt: skip
    out = io.StringIO()
    assert main(["rules", "test", str(tmp_path), "--format", fmt], out=out) == 1
    if fmt == "json":
        data = json.loads(out.getvalue())
        assert (data["passed"], data["failed"]) == (1, 1)
    elif fmt == "junit":
        root = ET.fromstring(out.getvalue())
        assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
        suite = root.find("testsuite")
        assert suite is not None and suite.get("name") == "leads"
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == ["kept", "not kept"]
        assert cases[1].find("failure") is not None and cases[0].find("failure") is None
    assert main(["rules", "test", str(tmp_path / "nothing-here")]) == 2
    assert main(["rules", "test", str(SHIPPED)], out=io.StringIO()) == 0
