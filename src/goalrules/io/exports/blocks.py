"""Files of several tables: GA4's *Reports snapshot* writes each card of the page as its
own table (about 20 in one CSV), each under its own ``#`` preamble (``# Start date``,
``# End date``) and with its own header (``Nth day,Active users``, ``Session primary
channel group (Default channel group),Sessions``, ``Country,Active users``...).

A file that starts with ``#`` comment lines and has more after its first data rows is
such a file: each run of comment lines starts a table whose header is the next row.
The presets look for their header at the top of every table, a table ends where the
next one's comment lines begin, and a note names the tables that were not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goalrules.io.exports.raw import Sheet


def is_comment(cells: Sequence[Any]) -> bool:
    """Whether a row is a ``#`` comment line (its first non-empty cell starts with #)."""
    first = next((str(c).strip() for c in cells if str(c).strip()), "")
    return first.startswith("#")


def table_headers(sheet: Sheet) -> list[tuple[int, tuple[Any, ...]]]:
    """The position and cells of the header of every table after the first, in a file
    of several ``#``-prefaced tables; empty for any other file (one pass over its rows,
    only for a file whose first row is a comment)."""
    rows = sheet.rows
    if not rows or not is_comment(rows[0][1]):
        return []
    out: list[tuple[int, tuple[Any, ...]]] = []
    in_comments = True
    seen_data = False
    for i, (_, cells) in enumerate(rows):
        if not any(str(c).strip() for c in cells):
            continue
        if is_comment(cells):
            in_comments = True
            continue
        if in_comments and seen_data:
            out.append((i, tuple(cells)))
        in_comments = False
        seen_data = True
    return out


def _shown(cells: Sequence[Any]) -> str:
    return ", ".join(str(c) for c in cells if str(c).strip())[:80]


def tables_note(sheet: Sheet, header_index: int, what: str) -> list[str]:
    """A note naming the tables of a several-table file that were not read (the one at
    ``header_index`` was), empty for a file of one table."""
    later = table_headers(sheet)
    if not later:
        return []
    first = next(
        (i for i, (_, cells) in enumerate(sheet.rows)
         if any(str(c).strip() for c in cells) and not is_comment(cells)),
        header_index,
    )  # fmt: skip
    headers = [(first, tuple(sheet.rows[first][1])), *later]
    skipped = [f"line {sheet.rows[i][0]}: {_shown(c)}" for i, c in headers if i != header_index]
    n = len(headers)
    return [
        f"{sheet.source}: a file of {n} tables (a GA4 Reports snapshot: one table a card); "
        f"read the table at line {sheet.rows[header_index][0]} ({what}); the other "
        f"{n - 1} were not read ({'; '.join(skipped[:6])}"
        f"{f'; and {len(skipped) - 6} more' if len(skipped) > 6 else ''})."
    ]
