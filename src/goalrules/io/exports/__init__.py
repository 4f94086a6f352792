"""Real exports in: what GA4, Meta, LinkedIn, X, TikTok, YouTube, HubSpot and the social
suites give a marketer, read into goalrules' own history and performance rows.

>>> from goalrules.io.exports import presets
>>> "ga4" in presets() and "tiktok-overview" in presets()
True

- :mod:`~goalrules.io.exports.raw`: files (CSV in UTF-8/UTF-16, Excel, JSON) and
  tables in memory as grids of cells;
- :mod:`~goalrules.io.exports.presets`: one declarative preset per export
  (``presets.toml``, plugins' ``goalrules_sources``) and detection;
- :mod:`~goalrules.io.exports.dates`: the date forms exports use, year-less dates;
- :mod:`~goalrules.io.exports.history`: network exports as history rows and gains;
- :mod:`~goalrules.io.exports.row_network`: the network a row of a network export is for;
- :mod:`~goalrules.io.exports.reach`: a day's reach, which adds up to no month's;
- :mod:`~goalrules.io.exports.anchors`: known totals (anchors) that make gains totals;
- :mod:`~goalrules.io.exports.contacts`: a CRM's contacts as leads and customers;
- :mod:`~goalrules.io.exports.performance`: analytics exports as performance
  rows;
- :mod:`~goalrules.io.exports.funnel`: the funnel join of analytics and a CRM;
- :mod:`~goalrules.io.exports.refusals`: the exports whose leads or channels cannot be
  known as they are;
- :mod:`~goalrules.io.exports.spans`: the period an analytics export covers, and
  several analytics files together;
- :mod:`~goalrules.io.exports.rows`: the result types;
- :mod:`~goalrules.io.exports.importing`: :func:`import_exports`, every file read
  together;
- :mod:`~goalrules.io.own_or_export`: the files ``check`` is given,
  goalrules' own or an export.

The names below are imported from their modules on first use: a run that reads only
goalrules' own files (``goalrules demo``) never loads the export readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# imported now, not on first use: the name is also its module's
# (goalrules.io.exports.presets), which, once imported, the package gives in its place
from goalrules.io.exports.presets import presets

if TYPE_CHECKING:
    from goalrules.io.cells import CellErrors
    from goalrules.io.exports.anchors import Anchor
    from goalrules.io.exports.importing import detect_preset, import_exports
    from goalrules.io.exports.presets import Preset
    from goalrules.io.exports.rows import HistoryRow, ImportResult, PerformanceRow

__all__ = [
    "Anchor",
    "CellErrors",
    "HistoryRow",
    "ImportResult",
    "PerformanceRow",
    "Preset",
    "detect_preset",
    "import_exports",
    "presets",
    "read_history_file",
    "read_history_files",
    "read_performance_file",
    "read_performance_files",
    "read_sessions_file",
]

#: each public name -> the module it is defined in (a name without a dot: in this package)
_HOMES = {
    "Anchor": "anchors",
    "CellErrors": "goalrules.io.cells",
    "HistoryRow": "rows",
    "ImportResult": "rows",
    "PerformanceRow": "rows",
    "Preset": "presets",
    "detect_preset": "importing",
    "import_exports": "importing",
    "read_history_file": "goalrules.io.own_or_export",
    "read_history_files": "goalrules.io.own_or_export",
    "read_performance_file": "goalrules.io.own_or_export",
    "read_performance_files": "goalrules.io.own_or_export",
    "read_sessions_file": "goalrules.io.own_or_export",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = home if "." in home else f"{__name__}.{home}"
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
