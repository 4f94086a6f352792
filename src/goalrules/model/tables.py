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
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from goalrules.errors import DataError, ValidationError, listed


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


def records(table: Any, required: Sequence[str] = ()) -> list[dict[str, Any]]:
    """``table`` as a list of records with plain values (see the module docstring).
    A column of ``required`` that the table (or a record) lacks is an error naming it:
    a count that is not there is not 0."""
    out = _records(table)
    if required:
        _require(table, out, required)
    return out


def _require(table: Any, rows: list[dict[str, Any]], required: Sequence[str]) -> None:
    if is_table(table):
        names = list(rows[0]) if rows else [str(c) for c in table.columns]
        absent = [c for c in required if c not in {n.strip().lower() for n in names}]
        if absent:
            raise DataError(
                f"missing column{'s' if len(absent) > 1 else ''} {', '.join(absent)} (the "
                f"columns are: {', '.join(names)}): a count that is not there is not 0",
                field=absent[0],
            )
        return
    for i, r in enumerate(rows, start=1):
        keys = {k.strip().lower() for k in r}
        absent = [c for c in required if c not in keys]
        if absent:
            raise DataError(
                f"row {i} has no {', '.join(absent)}: a count that is not there is not 0",
                field=f"[{i}].{absent[0]}",
            )


def table_history(table: Any, metric: str | None) -> list[tuple[Any, Any]]:
    """The (date, value) pairs of ``metric`` in a table holding one or several metrics:
    long (a ``metric`` column: its rows of ``metric``) or wide (a column named after
    the metric, or a single ``value`` column). A table that does not hold ``metric``
    is an error naming it; a missing value is a missing observation, not a zero."""
    from goalrules.metrics import catalog

    rows = records(table)
    if not rows:
        return []
    names = {k.strip().lower(): k for k in rows[0]}
    date_col = next((names[c] for c in _DATE_COLUMNS if c in names), None)
    key = catalog[metric].key if metric and metric in catalog else metric

    def same(name: Any) -> bool:
        text = str(name).strip().lower()
        return text == key or (text in catalog and catalog[text].key == key)

    if date_col is None:
        raise DataError(f"a history table needs a date column (the columns are: "
                        f"{listed(rows[0])})")  # fmt: skip
    if "metric" in names:
        col = names["metric"]
        value_col = next((names[c] for c in _VALUE_COLUMNS if c in names), None)
        held = sorted({str(r[col]) for r in rows if r[col] is not None})
        picked = [r for r in rows if key is None or same(r[col])]
        if key is not None and not picked:
            raise DataError(f"the table holds no {key} (its metrics are: {', '.join(held)})",
                            field="metric")  # fmt: skip
        if key is None and len(held) > 1:
            raise DataError(f"the table holds several metrics ({', '.join(held)}): name one",
                            field="metric")  # fmt: skip
        if "channel" in names:
            channels = sorted({str(r[names["channel"]]) for r in picked})
            if len(channels) > 1:
                raise DataError(
                    f"the table holds {key} on several channels ({', '.join(channels)}): "
                    "pass one channel's rows", field="channel",
                )  # fmt: skip
        if value_col is None:
            raise DataError("a long history table needs a value column", field="value")
        return [(r[date_col], r[value_col]) for r in picked if r[value_col] is not None]
    others = [k for k in rows[0] if k != date_col and k.strip().lower() not in ("channel", "unit")]
    hit = next((k for k in others if key is not None and same(k)), None)
    if hit is None:
        plain_value = [k for k in others if k.strip().lower() in _VALUE_COLUMNS]
        if len(others) == 1 or (plain_value and len(others) == len(plain_value)):
            hit = others[0]
        else:
            raise DataError(
                f"the table has no {key or 'value'} column (its columns are: "
                f"{', '.join(rows[0])})", field=key or "value",
            )  # fmt: skip
    return [(r[date_col], r[hit]) for r in rows if r[hit] is not None]


_DATE_COLUMNS = ("date", "day", "month", "ds", "timestamp")
_VALUE_COLUMNS = ("value", "y", "values")


def _records(table: Any) -> list[dict[str, Any]]:
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
