"""How strong are the shipped rulesets' tests? Negate each rule's check in turn and count
the mutants no test notices.

Run: python scripts/mutate_rules.py [FOLDER]

For every rule file with tests (in the file, or in NAME.test.rules beside it), each
rule's ``check`` is replaced by ``not (check)`` in a copy of the file, and the tests are
run on the copy: a mutant is killed when a test fails (or the copy no longer compiles).
A surviving mutant is a rule whose behaviour no test pins. The target: at most 10 %
survive (aim for none). Exit status 1 when more survive.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from goalrules.dsl.parser import _offset, _offset_end, parse_file
from goalrules.engine.rule_tests import run_rule_tests

ROOT = Path(__file__).resolve().parent.parent


def mutants(text: str, source: str) -> list[tuple[str, str]]:
    """(rule id, the file's text with that rule's check negated)."""
    out = []
    for rule in parse_file(text, source=source).rules:
        if rule.check is None:
            continue
        start, end = _offset(text, rule.check.span), _offset_end(text, rule.check.span)
        out.append((rule.id, text[:start] + "not (" + text[start:end] + ")" + text[end:]))
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "src" / "goalrules" / "rules"
    total = killed = 0
    survivors: list[str] = []
    for rules in sorted(folder.glob("*.rules")):
        if rules.name.endswith(".test.rules"):
            continue
        tests = rules.with_name(rules.name[: -len(".rules")] + ".test.rules")
        text = rules.read_text("utf-8")
        if not tests.exists() and not parse_file(text, source=str(rules)).tests:
            print(f"{rules.name}: no tests")
            continue
        baseline = run_rule_tests([rules, tests] if tests.exists() else [rules])
        if baseline.exit_code != 0:
            print(f"{rules.name}: the tests do not pass as they are:\n{baseline.text()}")
            return 2
        here = 0
        for rule_id, mutated in mutants(text, str(rules)):
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / rules.name
                copy.write_text(mutated, "utf-8")
                if tests.exists():
                    shutil.copy(tests, Path(tmp) / tests.name)
                run = run_rule_tests([tmp])
            total += 1
            if run.exit_code != 0:
                killed += 1
                here += 1
            else:
                survivors.append(f"{rules.name}: {rule_id}")
        print(f"{rules.name}: {here} of {len(mutants(text, str(rules)))} negated checks caught")
    share = killed / total if total else 1.0
    print(f"\n{killed} of {total} mutants killed ({share:.0%}); {len(survivors)} survived")
    for s in survivors:
        print(f"  survived: {s}")
    return 0 if total - killed <= 0.1 * total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
