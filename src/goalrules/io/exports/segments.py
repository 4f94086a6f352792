"""Analytics exports that compare segments. A GA4 exploration with segments compared
(or a report with comparisons) writes each segment's rows under a ``Segment`` column:
``All Users`` and ``Mobile Traffic`` give the same month and source twice, and a session
may be in several segments (each is among All Users), so their rows never add up
to the visits: two or more segments are an error, one is read with a note saying the
counts are that segment's.

Date ranges compared are alike: the Data API gives a query of two date ranges (or more)
a ``dateRange`` dimension (``date_range_0``, ``date_range_1``, or the names the query
gave them), and each range's rows repeat the months and sources of the other. Ranges
may overlap (the last 28 days beside the last 7), and a month may hold parts of both,
so the rows were added up into a month counted twice; two ranges or more are an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goalrules.errors import DataError
from goalrules.io.exports.presets import Match


def segment_note(match: Match, rows: Sequence[tuple[int, Sequence[Any]]]) -> list[str]:
    """A note when the export's rows are one segment's; an error naming the column and
    the segments when they are several (their visits overlap: never added up). The
    preset's ``segment`` field names the column."""
    found = _values_of(match, "segment", rows)
    if found is None:
        return []
    column, names, shown = found
    source = match.sheet.source
    if len(names) > 1:
        raise DataError(
            f"the export compares {len(names)} segments ({shown}): a session can be in "
            "several of them, so their visits and leads cannot be added up; export one "
            "segment, or the report without segments",
            source=source, line=match.header_line, field=column,
        )  # fmt: skip
    if names and names[0].lower() not in ("all users", "all sessions", "all traffic"):
        return [
            f"{source}: the rows are the segment {names[0]!r} ({column!r}): its visits and "
            "leads are that segment's, not all traffic's."
        ]
    return []


def compared_ranges(match: Match, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
    """An error naming the column and the ranges when the export's rows are those of
    several date ranges compared (the preset's ``date_range`` field names the column);
    nothing for one range."""
    found = _values_of(match, "date_range", rows)
    if found is None:
        return
    column, names, shown = found
    if len(names) > 1:
        raise DataError(
            f"the export compares {len(names)} date ranges ({shown}): they may overlap, and "
            "a month may hold days of both, so their visits and leads cannot be added up; "
            "export (or query) one date range; a month or date dimension splits it by month",
            source=match.sheet.source, line=match.header_line, field=column,
        )  # fmt: skip


def _values_of(
    match: Match, field: str, rows: Sequence[tuple[int, Sequence[Any]]]
) -> tuple[str, list[str], str] | None:
    """The column the preset's ``field`` names, its distinct values in the rows (in
    order, blanks left out) and the first four of them as an error names them; ``None``
    when the export has no such column."""
    column = match.find(match.preset.fields.get(field, ()))
    if column is None:
        return None
    pos = match.columns[column]
    names = list(dict.fromkeys(str(c[pos]).strip() for _, c in rows if str(c[pos]).strip()))
    shown = ", ".join(repr(n) for n in names[:4]) + (", ..." if len(names) > 4 else "")
    return column, names, shown
