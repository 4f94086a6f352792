"""goalrules: social-media marketing advice as checkable, explainable logic.

>>> import goalrules as gr
>>> str(gr.quantity("1.2k followers"))
'1200 follower'

The public names are loaded on first use (PEP 562), so ``import goalrules`` stays fast:
pint and the rule compiler are imported only when something needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "GoalRulesError": "goalrules.errors",
    "GoalRulesErrors": "goalrules.errors",
    "RuleSyntaxError": "goalrules.errors",
    "RuleTypeError": "goalrules.errors",
    "UnitError": "goalrules.errors",
    "DateError": "goalrules.errors",
    "ValidationError": "goalrules.errors",
    "DataError": "goalrules.errors",
    "WorkspaceError": "goalrules.errors",
    "LimitError": "goalrules.errors",
    "PluginError": "goalrules.errors",
    "MissingFactError": "goalrules.errors",
    "UnknownNameError": "goalrules.errors",
    "UnknownMetricError": "goalrules.errors",
    # units and dates
    "quantity": "goalrules.units",
    "format_quantity": "goalrules.units",
    "simplify": "goalrules.units",
    "deadline": "goalrules.dates",
    "parse_date": "goalrules.dates",
    "add_months": "goalrules.dates",
    "months_between": "goalrules.dates",
    "recurrence": "goalrules.recurring",
    "Recurrence": "goalrules.recurring",
    # model
    "Objective": "goalrules.model",
    "Direction": "goalrules.model",
    "MetricKind": "goalrules.model",
    "Goal": "goalrules.model",
    "Target": "goalrules.model",
    "TargetKind": "goalrules.model",
    "MetricSeries": "goalrules.model",
    "Point": "goalrules.model",
    "Channel": "goalrules.model",
    "ChannelMonth": "goalrules.model",
    "CompanyObjective": "goalrules.model",
    "Tactic": "goalrules.model",
    "Plan": "goalrules.model",
    "normalize_channel": "goalrules.model",
    # rules
    "load_rules": "goalrules.engine",
    "compile_expression": "goalrules.engine",
    "shipped_ruleset": "goalrules.engine",
    "RuleSet": "goalrules.engine",
    "Rule": "goalrules.engine",
    "Finding": "goalrules.engine",
    "Outcome": "goalrules.engine",
    "Report": "goalrules.engine",
    "Schema": "goalrules.dsl.types",
    # judgments
    "score_smart": "goalrules.judgments.smart",
    "SmartReport": "goalrules.judgments.smart",
    "CriterionScore": "goalrules.judgments.smart",
    "assess_achievability": "goalrules.judgments.achievability",
    "Achievability": "goalrules.judgments.achievability",
    "Verdict": "goalrules.judgments.achievability",
    "GrowthPrior": "goalrules.judgments.growth",
    "FLAT_PRIOR": "goalrules.judgments.growth",
    "fit_prior": "goalrules.judgments.growth",
    "backtest": "goalrules.judgments.backtest",
    "Backtest": "goalrules.judgments.backtest",
    "read_statement": "goalrules.model",
    "decide_channels": "goalrules.judgments.channels",
    "channel_evidence": "goalrules.judgments.channels",
    "attribute_sessions": "goalrules.io",
    "ChannelDecision": "goalrules.judgments.channels",
    "ChannelEvidence": "goalrules.judgments.channels",
    "Decision": "goalrules.judgments.channels",
    "prioritize": "goalrules.judgments.planning",
    "schedule": "goalrules.judgments.planning",
    "lint_plan": "goalrules.judgments.planning",
    "owner_load": "goalrules.judgments.planning",
    "Quadrant": "goalrules.judgments.planning",
    "RankedTactic": "goalrules.judgments.planning",
    "LintFinding": "goalrules.judgments.planning",
    "load_workspace": "goalrules.io",
    "load_history": "goalrules.io",
    "load_performance": "goalrules.io",
    "import_exports": "goalrules.io.exports",
    "ImportResult": "goalrules.io.exports",
    "demo_paths": "goalrules.check",
    "diff_rules": "goalrules.diff",
    "run_check": "goalrules.check",
    "run_plan": "goalrules.check",
    "CheckResult": "goalrules.check",
    "init_workspace": "goalrules.cli.init",
    "review": "goalrules.reviews",
    "ReviewResult": "goalrules.reviews",
    "open_store": "goalrules.io.store",
    "track_record": "goalrules.reviews.track",
    "explain_review": "goalrules.reviews.stored",
    "stored_review": "goalrules.reviews.stored",
    "why_moved": "goalrules.reviews.moved",
    "Workspace": "goalrules.io",
    "StatementReading": "goalrules.model",
    # catalog
    "catalog": "goalrules.metrics",
    "MetricDefinition": "goalrules.metrics",
    "metrics_for": "goalrules.metrics",
    "channel_fits": "goalrules.metrics",
    "PLATFORM_FIT": "goalrules.metrics",
}

__all__ = [
    "FLAT_PRIOR",
    "PLATFORM_FIT",
    "Achievability",
    "Backtest",
    "Channel",
    "ChannelDecision",
    "ChannelEvidence",
    "ChannelMonth",
    "CheckResult",
    "CompanyObjective",
    "CriterionScore",
    "DataError",
    "DateError",
    "Decision",
    "Direction",
    "Finding",
    "Goal",
    "GoalRulesError",
    "GoalRulesErrors",
    "GrowthPrior",
    "ImportResult",
    "LimitError",
    "LintFinding",
    "MetricDefinition",
    "MetricKind",
    "MetricSeries",
    "MissingFactError",
    "Objective",
    "Outcome",
    "Plan",
    "PluginError",
    "Point",
    "Quadrant",
    "RankedTactic",
    "Recurrence",
    "Report",
    "ReviewResult",
    "Rule",
    "RuleSet",
    "RuleSyntaxError",
    "RuleTypeError",
    "Schema",
    "SmartReport",
    "StatementReading",
    "Tactic",
    "Target",
    "TargetKind",
    "UnitError",
    "UnknownMetricError",
    "UnknownNameError",
    "ValidationError",
    "Verdict",
    "Workspace",
    "WorkspaceError",
    "__version__",
    "add_months",
    "assess_achievability",
    "attribute_sessions",
    "backtest",
    "catalog",
    "channel_evidence",
    "channel_fits",
    "compile_expression",
    "deadline",
    "decide_channels",
    "demo_paths",
    "diff_rules",
    "explain_review",
    "fit_prior",
    "format_quantity",
    "import_exports",
    "init_workspace",
    "lint_plan",
    "load_history",
    "load_performance",
    "load_rules",
    "load_workspace",
    "metrics_for",
    "months_between",
    "normalize_channel",
    "open_store",
    "owner_load",
    "parse_date",
    "prioritize",
    "quantity",
    "read_statement",
    "recurrence",
    "review",
    "run_check",
    "run_plan",
    "schedule",
    "score_smart",
    "shipped_ruleset",
    "simplify",
    "stored_review",
    "track_record",
    "why_moved",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'goalrules' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from goalrules.check import (
        CheckResult,
        demo_paths,
        run_check,
        run_plan,
    )
    from goalrules.cli.init import (
        init_workspace,
    )
    from goalrules.dates import (
        add_months,
        deadline,
        months_between,
        parse_date,
    )
    from goalrules.diff import diff_rules
    from goalrules.dsl.types import (
        Schema,
    )
    from goalrules.engine import (
        Finding,
        Outcome,
        Report,
        Rule,
        RuleSet,
        compile_expression,
        load_rules,
        shipped_ruleset,
    )
    from goalrules.errors import (
        DataError,
        DateError,
        GoalRulesError,
        GoalRulesErrors,
        LimitError,
        MissingFactError,
        PluginError,
        RuleSyntaxError,
        RuleTypeError,
        UnitError,
        UnknownMetricError,
        UnknownNameError,
        ValidationError,
        WorkspaceError,
    )
    from goalrules.io import (
        Workspace,
        attribute_sessions,
        load_history,
        load_performance,
        load_workspace,
    )
    from goalrules.io.exports import (
        ImportResult,
        import_exports,
    )
    from goalrules.io.store import (
        open_store,
    )
    from goalrules.judgments.achievability import (
        Achievability,
        Verdict,
        assess_achievability,
    )
    from goalrules.judgments.backtest import (
        Backtest,
        backtest,
    )
    from goalrules.judgments.channels import (
        ChannelDecision,
        ChannelEvidence,
        Decision,
        channel_evidence,
        decide_channels,
    )
    from goalrules.judgments.growth import (
        FLAT_PRIOR,
        GrowthPrior,
        fit_prior,
    )
    from goalrules.judgments.planning import (
        LintFinding,
        Quadrant,
        RankedTactic,
        lint_plan,
        owner_load,
        prioritize,
        schedule,
    )
    from goalrules.judgments.smart import (
        CriterionScore,
        SmartReport,
        score_smart,
    )
    from goalrules.metrics import (
        PLATFORM_FIT,
        MetricDefinition,
        catalog,
        channel_fits,
        metrics_for,
    )
    from goalrules.model import (
        Channel,
        ChannelMonth,
        CompanyObjective,
        Direction,
        Goal,
        MetricKind,
        MetricSeries,
        Objective,
        Plan,
        Point,
        StatementReading,
        Tactic,
        Target,
        TargetKind,
        normalize_channel,
        read_statement,
    )
    from goalrules.recurring import Recurrence, recurrence
    from goalrules.reviews import (
        ReviewResult,
        review,
    )
    from goalrules.reviews.moved import why_moved
    from goalrules.reviews.stored import explain_review, stored_review
    from goalrules.reviews.track import track_record
    from goalrules.units import (
        format_quantity,
        quantity,
        simplify,
    )
