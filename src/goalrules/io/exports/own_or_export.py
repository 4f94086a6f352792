"""The former home of :mod:`goalrules.io.own_or_export` (the files ``check`` is given:
goalrules' own, else an export), which lives beside this package so that reading
goalrules' own files does not import the export readers."""

from __future__ import annotations

from goalrules.io.own_or_export import (
    read_history_file,
    read_history_files,
    read_performance_file,
    read_performance_files,
    read_sessions_file,
)

__all__ = [
    "read_history_file",
    "read_history_files",
    "read_performance_file",
    "read_performance_files",
    "read_sessions_file",
]
