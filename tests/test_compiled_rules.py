"""The shipped rulesets' fast code written ahead of time: current, used only for the text
it was generated from, and deciding as the code compiled at load does."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.dsl.parser import parse_file
from goalrules.engine import RuleSet
from goalrules.engine.compile import compile_file, compile_text
from goalrules.engine.load import _shipped_texts
from goalrules.engine.shipped_code import PACKAGE, fast_code, module_source
from goalrules.invariants import _facts

OWN = {
    name: text
    for name, (text, src) in _shipped_texts().items()
    if src == f"goalrules/rules/{name}.rules"
}
FOLDER = Path(str(resources.files(PACKAGE)))


@pytest.mark.parametrize("name", sorted(OWN))
def test_the_shipped_fast_code_is_what_the_compiler_gives(name: str) -> None:
    """Fails after an edit of a .rules file or of the compiler until the modules are
    written again."""
    written = (FOLDER / f"{name}.py").read_text("utf-8")
    assert written == module_source(name, OWN[name]), (
        "the shipped fast code is stale: run python scripts/parsed_rules.py"
    )


def test_every_shipped_module_is_of_a_shipped_ruleset() -> None:
    modules = {p.stem for p in FOLDER.glob("*.py") if p.stem != "__init__"}
    assert modules == set(OWN)


def _origin(rules: RuleSet) -> dict[str, str]:
    return {r.id: Path(r._fast.__code__.co_filename).name for r in rules.rules}


@pytest.mark.parametrize("name", sorted(OWN))
def test_the_shipped_code_is_used_for_its_own_text_only(name: str) -> None:
    src = f"goalrules/rules/{name}.rules"
    shipped = fast_code(name, OWN[name])
    assert shipped
    used = _origin(compile_text(OWN[name], source=src))
    assert {rule for rule, file in used.items() if file == f"{name}.py"} == set(shipped)
    edited = OWN[name] + "\n"
    assert fast_code(name, edited) == {}
    assert f"{name}.py" not in _origin(compile_text(edited, source=src)).values()
    params = compile_text(OWN[name], source=src).params
    if params:  # a param overridden is a constant of the code: compiled at load
        first = next(iter(params))
        overridden = compile_text(OWN[name], source=src, params={first: params[first]})
        assert f"{name}.py" not in _origin(overridden).values()


def _outcomes(rules: RuleSet, facts: dict[str, Any], today: dt.date) -> Any:
    report = rules.evaluate(facts, today=today)
    fast = [(r.id, r.outcome(facts, today=today)) for r in rules.rules]
    return report.explain(skipped=True), [f.to_dict() for f in report.findings], fast


@pytest.mark.parametrize("name", sorted(OWN))
def test_the_shipped_code_decides_as_the_code_compiled_at_load(name: str) -> None:
    src = f"goalrules/rules/{name}.rules"
    compiled = compile_file(parse_file(OWN[name], source=src), source=src, text=OWN[name])
    shipped = compile_text(OWN[name], source=src)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_facts(compiled, {}), st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)))
    def check(facts: dict[str, Any], today: dt.date) -> None:
        assert _outcomes(shipped, facts, today) == _outcomes(compiled, facts, today)

    check()
