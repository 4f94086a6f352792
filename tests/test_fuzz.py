"""A short, deterministic run of the fuzz harness (scripts/fuzz.py): mutated rule files,
expressions, workspaces, data files and statements through the public API; only
GoalRulesError may escape. ``python scripts/fuzz.py --cases 100000`` runs it at length."""

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
    result = _harness().run(250, seed, bound=30.0)
    assert result.cases == 250
    assert result.foreign == []
    # the mutations are not all refused: some still compile and evaluate
    assert 0 < result.refused < result.cases
