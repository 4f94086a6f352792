"""The former home of :mod:`goalrules.io.cells` (a cell read as a number, the problems
found in cells), which lives beside this package so that reading goalrules' own files
does not import the export readers."""

from __future__ import annotations

from goalrules.io.cells import (
    DECIMALS,
    DIRECTION_MARKS,
    WHOLE_FIELDS,
    WITHOUT_DIRECTION_MARKS,
    CellErrors,
    Problem,
    check_conflicts,
    drop_duplicates,
    infer_decimal,
    number,
    numeric,
    problem,
    whole_metric,
)

__all__ = [
    "DECIMALS",
    "DIRECTION_MARKS",
    "WHOLE_FIELDS",
    "WITHOUT_DIRECTION_MARKS",
    "CellErrors",
    "Problem",
    "check_conflicts",
    "drop_duplicates",
    "infer_decimal",
    "number",
    "numeric",
    "problem",
    "whole_metric",
]
