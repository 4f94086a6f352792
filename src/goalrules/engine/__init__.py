"""Rules, rulesets, findings and reports: evaluation and explanation.

A :class:`RuleSet` is compiled once from a rule file (:func:`load_rules`) and evaluated
many times (:meth:`RuleSet.evaluate`, :meth:`RuleSet.evaluate_many`,
:meth:`RuleSet.outcome_table`). Each rule gives an :class:`Outcome`: ``pass`` (its
check holds), ``fail``, ``unknown`` (a fact it needs is missing, or a value is
undefined, such as a rate over zero visits) or ``skipped`` (its ``when`` guard does not
hold). A :class:`Report` scores criteria (the weighted share of their rules that pass)
and picks a decision (the passing decision rule of highest priority), and can explain
every verdict with the values the rules looked at.

Evaluation is safe by construction: no loops or recursion in the language, no attribute
outside the declared schemas, no user text executed; it always terminates.
"""

from goalrules.engine.expression import compile_expression
from goalrules.engine.load import load_rules, shipped_ruleset
from goalrules.engine.results import CriterionResult, Finding, Outcome, Report, Rule, Trace
from goalrules.engine.ruleset import RuleSet

__all__ = [
    "CriterionResult",
    "Finding",
    "Outcome",
    "Report",
    "Rule",
    "RuleSet",
    "Trace",
    "compile_expression",
    "load_rules",
    "shipped_ruleset",
]
