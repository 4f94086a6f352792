"""Long tables read as polars, their required columns checked: the helpers the scale
paths share (a missing column, an empty cell or a cell of the wrong kind is a
:class:`~goalrules.errors.DataError` naming its column and first row)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from goalrules.dsl.columnar import to_polars
from goalrules.errors import DataError

__all__: list[str] = []


def _first_row(mask: Any) -> int:
    return int(mask.arg_true()[0]) + 1


def _no_nulls(df: Any, names: Iterable[str], table: str = "") -> None:
    """A DataError naming the first of ``names`` with an empty value, and its row."""
    for name in names:
        nulls = df[name].is_null()
        if nulls.any():
            raise DataError(
                f"{table}{int(nulls.sum()):,} empty value(s), the first in row "
                f"{_first_row(nulls):,}; a value is required",
                field=name,
            )


def _checked_table(table: Any, name: str, required: tuple[str, ...]) -> Any:
    """``table`` as polars, its required columns present and without empty values."""
    df = to_polars(table)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise DataError(f"{name}: missing column {', '.join(missing)}")
    _no_nulls(df, required, f"{name}: ")
    return df


def _number(column: Any, dtype: Any) -> Any:
    """A count column as floats; text such as "1,200" is read as the CSV loader reads it,
    anything else that is not a number becomes null (and is reported)."""
    import polars as pl

    if dtype == pl.String:
        column = column.str.replace_all(",", "").str.strip_chars()
    return column.cast(pl.Float64, strict=False)
