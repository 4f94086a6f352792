"""A channel decision's input rows: monthly rows of channels read from mappings, tables
or :class:`~goalrules.model.ChannelMonth` rows, checked that no channel and month is
given twice (a month counted twice would read as a trend), and the months over by a
date (a month under way would read as a fall)."""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Mapping, Sequence
from typing import Any

from goalrules.dates import first_open_month
from goalrules.errors import DataError, GoalRulesError
from goalrules.model import ChannelMonth
from goalrules.model.tables import is_table, missing, records

__all__ = ["as_rows", "done_by", "left_out_note", "no_duplicates", "read_rows"]


_REQUIRED = ("channel", "month", "visits", "leads")  # customers: absent or blank is unknown
_COUNTS = frozenset(_REQUIRED[2:])  # blank: not measured, unknown (never 0)
_MONTH = operator.attrgetter("month")


def as_rows(performance: Any) -> list[ChannelMonth]:
    """ChannelMonth rows from rows, mappings (missing cells: NaN, None, blank, left to
    their defaults) or a pandas, polars or Arrow table, checked that no channel and
    month is given twice (:func:`no_duplicates`)."""
    return no_duplicates(read_rows(performance))


def read_rows(performance: Any) -> list[ChannelMonth]:
    """:func:`as_rows` before :func:`no_duplicates`: the rows as read, not checked (the
    caller checks them, or sums them in a pass that tells when a month is given by
    several rows of a channel, the only rows that may be duplicates)."""
    if is_table(performance) or (
        isinstance(performance, Mapping)
        and all(isinstance(v, (list, tuple)) for v in performance.values())
    ):
        performance = records(performance, _REQUIRED)
    elif isinstance(performance, Mapping):
        raise DataError("expected rows of performance (a table or a list of rows), got one mapping")
    elif performance.__class__ in (list, tuple) and set(map(type, performance)) <= {ChannelMonth}:
        return list(performance)  # rows already read: taken as they are
    rows: list[ChannelMonth] = []
    for i, row in enumerate(performance, start=1):
        if isinstance(row, ChannelMonth):
            rows.append(row)
            continue
        if not isinstance(row, Mapping):
            raise DataError(
                f"row {i}: expected a mapping of column to value, got {type(row).__name__}",
                field=f"[{i}]",
            )
        empty = [k for k in _REQUIRED[:2] if k in row and missing(row[k])]
        if empty:
            raise DataError(f"row {i}: {', '.join(empty)} empty", field=f"[{i}].{empty[0]}")
        # a count empty (visits, leads): not measured, unknown (never read as 0)
        given = {k: None for k, v in row.items() if k in _COUNTS and missing(v)}
        try:
            rows.append(ChannelMonth(**{k: v for k, v in row.items() if not missing(v)}, **given))
        except GoalRulesError as exc:
            raise exc.with_location(field=f"[{i}]") from None
        except TypeError as exc:
            raise DataError(f"row {i}: {exc}", field=f"[{i}]") from None
    return rows


def no_duplicates(rows: list[ChannelMonth]) -> list[ChannelMonth]:
    """``rows``, checked that no two give the same channel, month, medium and campaign
    (names as normalised: ``twitter`` is ``x``). Such rows are never summed: a row given
    twice would count its month twice, two different rows leave open which one is
    right; either is a DataError naming both rows."""
    seen: dict[tuple[Any, ...], int] = {}
    for i, r in enumerate(rows, start=1):
        first = seen.setdefault((r.channel, r.month, r.medium, r.campaign), i)
        if first != i:
            what = f"{r.channel} in {r.month.year}-{r.month.month:02d}" + "".join(
                f" ({x})" for x in (r.medium, r.campaign) if x
            )
            how = (
                "the same row twice (it would count its month twice): remove one"
                if rows[first - 1] == r
                else "two different rows: which one is right? (rows of the same month are "
                "summed only when each is its own campaign or medium)"
            )
            raise DataError(f"rows {first} and {i} both give {what}: {how}", field=f"[{i}]")
    return rows


def done_by(rows: list[ChannelMonth], today: _dt.date) -> tuple[list[ChannelMonth], list[str]]:
    """The rows of the months over by ``today``, and a note naming the months left out
    (the month under way, whose visits and leads so far would read as a fall, and any
    month after it). Rows all over are given back as they are."""
    cut = first_open_month(today)
    last = max(map(_MONTH, rows), default=None)
    if last is None or last < cut:
        return rows, []
    later = sorted({r.month for r in rows if r.month >= cut})
    return [r for r in rows if r.month < cut], [left_out_note(later, today)]


def left_out_note(later: list[_dt.date], today: _dt.date) -> str:
    """The note naming the months left out (``later``, in order) as not over by ``today``."""
    named = ", ".join(f"{m.year}-{m.month:02d}" for m in later[:4])
    more = f" and {len(later) - 4} more" if len(later) > 4 else ""
    return (
        f"the rows of {named}{more} are left out: a month is judged once it is over, and on "
        f"{today.isoformat()} {'it is' if len(later) == 1 else 'they are'} not (a month "
        "under way would read as a fall)"
    )


def no_rows_note(names: Sequence[str], accounts: str = "") -> str:
    """The note naming the channels given (a role, formats) that have no rows to judge
    (``accounts``: where, in a book): no data is no verdict, not an experiment of 0
    months."""
    said = ", ".join(names)
    where = f" in {accounts}" if accounts else ""
    return (
        f"{said}: named in the channels, but no rows of {'it' if len(names) == 1 else 'them'}"
        f"{where} (no data): not judged"
    )
