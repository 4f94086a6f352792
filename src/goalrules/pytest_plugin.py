"""The goalrules pytest plugin: fixtures and a Hypothesis profile for testing goal logic.

Installed with goalrules (entry point ``pytest11``, name ``goalrules``); nothing in it is
active until a test asks for a fixture or the profile is chosen:

* ``goalrules_today``: a fixed judging date (2026-05-01, the bundled example's), so
  that results do not change with the calendar;
* ``goalrules_example``: the paths of the bundled example (``workspace``, ``history``,
  ``performance``), ``goalrules_workspace`` that workspace loaded, and
  ``goalrules_history`` its histories by (channel, metric);
* the Hypothesis profile ``goalrules`` (``pytest --hypothesis-profile=goalrules``): no
  deadline (the first example of a test compiles its rulesets), 200 examples, and the
  example database under pytest's cache folder (``.pytest_cache/d/goalrules``).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from goalrules.io import Workspace
    from goalrules.model import MetricSeries

TODAY = _dt.date(2026, 5, 1)


def pytest_configure(config: pytest.Config) -> None:
    """Register (not load) the ``goalrules`` Hypothesis profile."""
    try:
        from hypothesis import HealthCheck, settings
        from hypothesis.database import DirectoryBasedExampleDatabase
    except ImportError:  # pragma: no cover - hypothesis is a dependency of goalrules
        return
    database: Any = None
    cache = getattr(config, "cache", None)
    if cache is not None:
        database = DirectoryBasedExampleDatabase(str(cache.mkdir("goalrules")))
    settings.register_profile(
        "goalrules",
        deadline=None,
        max_examples=200,
        database=database,
        suppress_health_check=[HealthCheck.too_slow],
    )


@pytest.fixture
def goalrules_today() -> _dt.date:
    """A fixed judging date (2026-05-01): pass it as ``today=`` to every judgment."""
    return TODAY


@pytest.fixture
def goalrules_example() -> dict[str, Path]:
    """The bundled example's files: ``workspace``, ``history`` and ``performance``."""
    from goalrules.check import demo_paths

    return demo_paths()


@pytest.fixture
def goalrules_workspace(goalrules_example: dict[str, Path]) -> Workspace:
    """The bundled example workspace (Campfire, Inc.), loaded."""
    from goalrules.io import load_workspace

    return load_workspace(goalrules_example["workspace"])


@pytest.fixture
def goalrules_history(
    goalrules_example: dict[str, Path],
) -> dict[tuple[str | None, str], MetricSeries]:
    """The bundled example's histories, by (channel, metric)."""
    from goalrules.io import load_history

    return load_history(goalrules_example["history"])
