"""Lint by drawing inputs: checks that never vary on what the invariants engine draws
(``GR309``), for ``goalrules rules lint --sample N``."""

from __future__ import annotations

from typing import Any

from goalrules.engine.lint import LintFinding, _ruleset_file
from goalrules.engine.lint_truth import Truth
from goalrules.engine.ruleset import RuleSet

__all__ = ["sample_findings"]


def sample_findings(rs: RuleSet, *, examples: int = 200) -> list[LintFinding]:
    """Rules whose check passed (or failed) on every one of ``examples`` inputs drawn by
    the invariants engine (:mod:`goalrules.invariants`: round thresholds and values
    between), where the static checks could not tell: likely always true or false.
    Deterministic (the draws are derandomized); needs Hypothesis."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from goalrules.engine.results import Outcome
    from goalrules.invariants import _COUNTS, _leaf_types, _nest, _used_facts, _value_strategy

    seen: dict[str, set[Outcome]] = {r.id: set() for r in rs.rules}

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def value(t: Any) -> Any:
        if t.kind == "quantity" and t.dim == () and t.display != "%":  # a plain number
            given = st.one_of(st.sampled_from(_COUNTS), st.integers(0, 100_000).map(float))
        else:
            given = _value_strategy(t)
        return st.one_of(given, st.none())  # a fact may be missing

    leaves = _leaf_types(_used_facts(rs))
    drawn = st.fixed_dictionaries({path: value(t) for path, t in leaves.items()})

    @given(drawn)
    def draw(facts: dict[str, Any]) -> None:
        nested = _nest(facts)
        for r in rs.rules:
            seen[r.id].add(r.outcome(nested))

    draw()
    file = _ruleset_file(rs)
    params = {p.name for p in file.params} if file is not None else set()
    out = []
    for r in rs.rules:
        decl = r._decl
        if decl is None or decl.check is None or decl.guard is not None:
            continue
        if Truth(r, params).truth(decl.check) is not None:
            continue  # the static checks say it already
        got = seen[r.id] - {Outcome.UNKNOWN}
        if len(got) == 1:
            only = next(iter(got)).value
            out.append(LintFinding("GR309", f"rule {decl.id}: its check gave {only} on every "
                                   f"one of {examples} drawn inputs; is it always {only}?",
                                   rs.source, decl.span.line, decl.span.column,
                                   decl.id))  # fmt: skip
    return out
