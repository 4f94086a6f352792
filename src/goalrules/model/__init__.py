"""The domain model: goals, objectives, metric histories, channels, tactics and plans.

Every class is a frozen, slotted attrs class. Fields accept the forms people write
(``"1,200 followers"``, ``"within 6 months"``, ``"x2"``, ``"fb"``) and convert them on
the way in; bad values raise a :class:`~goalrules.errors.ValidationError` (or another
``GoalRulesError``) whose ``field`` names the culprit. Only ``Goal.id`` is required, so
that vague goals can be represented and judged.

The modules: :mod:`~goalrules.model.goals` (goals, targets, reading a goal from a
statement), :mod:`~goalrules.model.series` (metric histories, channel months),
:mod:`~goalrules.model.plan` (objectives, tactics, plans), with the shared vocabulary
(objectives, directions, network names) in :mod:`goalrules.vocabulary`.
"""

from goalrules.model.goals import (
    Goal,
    StatementReading,
    Target,
    TargetKind,
    complete_from_statement,
    complete_with_notes,
    read_statement,
)
from goalrules.model.plan import CompanyObjective, Plan, Tactic
from goalrules.model.series import Channel, ChannelMonth, MetricSeries, Point
from goalrules.vocabulary import (
    KNOWN_CHANNELS,
    Direction,
    MetricKind,
    Objective,
    normalize_channel,
)

__all__ = [
    "KNOWN_CHANNELS",
    "Channel",
    "ChannelMonth",
    "CompanyObjective",
    "Direction",
    "Goal",
    "MetricKind",
    "MetricSeries",
    "Objective",
    "Plan",
    "Point",
    "StatementReading",
    "Tactic",
    "Target",
    "TargetKind",
    "complete_from_statement",
    "complete_with_notes",
    "normalize_channel",
    "read_statement",
]
