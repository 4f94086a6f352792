"""Reading data in: workspace files, data files as streams, and UTM attribution.

- :mod:`~goalrules.io.workspace`: workspace files (TOML, YAML, JSON) as a
  :class:`Workspace` of objectives, goals, tactics and channels;
- :mod:`~goalrules.io.tables`: histories, channel performance and raw sessions from CSV
  or Parquet, read as streams (every bad cell named by file, line and column);
- :mod:`~goalrules.io.attribution`: raw sessions attributed to channels through their
  ``utm_*`` parameters or referrers;
- :mod:`~goalrules.io.files`: opening files, with errors that name them.
"""

from goalrules.io.attribution import attribute_sessions, normalize_source
from goalrules.io.files import read_text
from goalrules.io.tables import (
    Progress,
    histories_for,
    history_for,
    iter_sessions,
    load_history,
    load_performance,
    load_sessions,
    read_rows,
    scan_table,
)
from goalrules.io.workspace import Workspace, load_workspace, workspace_from_dict
from goalrules.vocabulary import UNATTRIBUTED

__all__ = [
    "UNATTRIBUTED",
    "Progress",
    "Workspace",
    "attribute_sessions",
    "histories_for",
    "history_for",
    "iter_sessions",
    "load_history",
    "load_performance",
    "load_sessions",
    "load_workspace",
    "normalize_source",
    "read_rows",
    "read_text",
    "scan_table",
    "workspace_from_dict",
]
