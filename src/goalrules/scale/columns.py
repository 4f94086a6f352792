"""Long tables read as polars, their required columns checked: the helpers the scale
paths share (a missing column, an empty cell or a cell of the wrong kind is a
:class:`~goalrules.errors.DataError` naming its column and first row)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from goalrules.dsl.columnar import to_polars
from goalrules.errors import DataError

__all__ = ["lower_names"]


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


def lower_names(df: Any) -> Any:
    """``df`` with its column names stripped and lower-cased, as one account's rows are
    read (a file's ``Spend`` or ``Followers`` column is its spend, its followers: never
    left unread); two names that are then one are a DataError naming both."""
    names = [c.strip().lower() for c in df.columns]
    if names == df.columns:  # (the usual book: nothing to rename)
        return df
    seen: dict[str, str] = {}
    for given, name in zip(df.columns, names, strict=True):
        if name in seen:
            raise DataError(
                f"columns {seen[name]!r} and {given!r} are both {name!r} (names are read "
                "without case or surrounding spaces): keep one",
                field=name,
            )
        seen[name] = given
    return df.rename(dict(zip(df.columns, names, strict=True)))


def _number(column: Any, dtype: Any) -> Any:
    """A count column as floats; text such as "1,200" is read as the CSV loader reads it,
    anything else that is not a number becomes null (and is reported)."""
    import polars as pl

    if dtype == pl.String:
        column = column.str.replace_all(",", "").str.strip_chars()
    return column.cast(pl.Float64, strict=False)
