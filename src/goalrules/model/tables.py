"""Tables from the data tools people already use, as plain records.

Every public function that takes data (``decide_channels``, ``assess_achievability``,
``MetricSeries``, ``load_history``...) accepts a pandas or polars DataFrame, an Arrow
table, a mapping of columns or a list of records; :func:`records` turns any of them into
a list of dicts, with missing cells (``None``, NaN, ``NaT``, ``pd.NA``) as ``None``, so a
missing value is never read as a number or a text "nan".
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from goalrules.errors import ValidationError


def is_table(value: Any) -> bool:
    """Whether ``value`` is a DataFrame or an Arrow table (by duck typing: no import)."""
    module = type(value).__module__.split(".")[0]
    return module in ("pandas", "polars", "pyarrow") and hasattr(value, "columns")


def missing(value: Any) -> bool:
    """``None``, NaN, ``NaT``, ``pd.NA`` and blank text are missing."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # numpy NaN scalars
    except (TypeError, ValueError):
        return False


def plain(value: Any) -> Any:
    """A cell as a plain Python value: missing as ``None``, numpy scalars as numbers,
    pandas timestamps as datetimes."""
    if missing(value):
        return None
    if isinstance(value, (str, int, float, bool, _dt.date)):
        return value
    to_py = getattr(value, "to_pydatetime", None)
    if callable(to_py):
        return to_py()
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def records(table: Any) -> list[dict[str, Any]]:
    """``table`` as a list of records with plain values (see the module docstring)."""
    module = type(table).__module__.split(".")[0]
    rows: Iterable[Mapping[str, Any]]
    if module == "pandas" and hasattr(table, "columns"):
        named = any(n is not None for n in table.index.names)
        frame = table.reset_index() if named else table
        names = [str(c) for c in frame.columns]
        rows = (dict(zip(names, r, strict=True)) for r in frame.itertuples(index=False, name=None))
    elif module == "pandas" and hasattr(table, "index"):  # a Series: index -> value
        rows = ({"date": k, "value": v} for k, v in table.items())
    elif module == "polars" and hasattr(table, "iter_rows"):
        rows = table.iter_rows(named=True)
    elif module == "pyarrow" and hasattr(table, "to_pylist"):
        rows = table.to_pylist()
    elif (
        isinstance(table, Mapping)
        and table
        and all(isinstance(v, (list, tuple)) for v in table.values())
    ):
        names = list(table)
        length = len(table[names[0]])
        if any(len(table[n]) != length for n in names):
            raise ValidationError("the columns of the mapping have different lengths")
        rows = ({n: table[n][i] for n in names} for i in range(length))
    elif isinstance(table, Iterable) and not isinstance(table, (str, bytes, Mapping)):
        rows = list(table)
        if not all(isinstance(r, Mapping) for r in rows):
            raise ValidationError("expected records (mappings of column to value)")
    else:
        raise ValidationError(
            f"expected a DataFrame, an Arrow table or records, got {type(table).__name__}"
        )
    return [{str(k): plain(v) for k, v in r.items()} for r in rows]
