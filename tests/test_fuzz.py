"""A short, deterministic run of the fuzz harness (scripts/fuzz.py): mutated rule files,
expressions, workspaces (TOML, JSON, YAML, and hostile ones: nesting, dotted keys, long
numbers, alias bombs), data files, statements, command lines (special files among the
arguments), hostile text through every report, and plugins that misbehave, through the public API. Only GoalRulesError may
escape, no case may take 30 s, and a hostile workspace may take at most 20 times its size
in memory plus 5 MB. ``python scripts/fuzz.py --cases 100000`` runs it at length."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("goalrules_fuzz", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [11, 12])
def test_mutated_inputs_raise_only_goalrules_errors(seed: int) -> None:
    harness = _harness()
    cases = 30 * len(harness.CASES)
    result = harness.run(cases, seed, bound=30.0)
    assert result.cases == cases
    assert set(result.by_kind) == {name for name, _ in harness.CASES}
    assert result.foreign == []
    assert result.slow == []  # no hang
    assert result.memory == []  # memory bounded by a multiple of the input
    # the mutations are not all refused: some still compile and evaluate
    assert 0 < result.refused < result.cases
