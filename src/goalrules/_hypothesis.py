"""Hypothesis's entry point into goalrules: ``st.from_type(goalrules.Goal)`` and the rest.

Hypothesis runs this hook while it is itself being imported, which can happen in the
middle of importing :mod:`goalrules.strategies` (that module imports Hypothesis). So the
hook registers *deferred* strategies: the strategies module is looked up on first use.
"""

from __future__ import annotations

import importlib
from typing import Any


def setup() -> None:
    """Register goalrules' strategies for its model types."""
    from hypothesis import strategies as st

    from goalrules.model import (
        Channel,
        ChannelMonth,
        Goal,
        MetricSeries,
        Objective,
        Plan,
        Tactic,
        Target,
    )

    def lazy(name: str) -> Any:
        def build() -> Any:
            return getattr(importlib.import_module("goalrules.strategies"), name)()

        return st.deferred(build)

    for cls, name in (
        (Goal, "goals"),
        (MetricSeries, "metric_series"),
        (Channel, "channels"),
        (ChannelMonth, "channel_months"),
        (Tactic, "tactics"),
        (Plan, "plans"),
        (Objective, "objectives"),
        (Target, "_targets"),
    ):
        st.register_type_strategy(cls, lazy(name))
