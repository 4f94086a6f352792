"""Cells read as the file says or not at all: numbers in the export's locale, missing
cells, exact duplicate rows and rows that contradict each other.

A number is read only when its form says what it is. Thousands separators are read in
the column's locale (Babel's number data): by default, English (``1,234`` is 1234), and
a count written ``60.234`` is an error, since it reads as 60234 with German grouping and
as 60.234 with an English decimal point; ``decimal=","`` (``--decimal ,``) reads it as
German (``60.234`` is 60234, ``60,5`` is 60.5) and ``decimal="."`` as English. A percent
is never a count. Empty cells (and ``-``, ``n/a``, TikTok's ``undefined``) are missing:
the readers leave them out with a note, never 0.

>>> number("1,234", "f.csv", 2, "views"), number("60.234", "f.csv", 2, "views", decimal=",")
(1234.0, 60234.0)
>>> number("", "f.csv", 2, "views") is None
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

import attrs

from goalrules.errors import DataError, GoalRulesError

_MISSING = frozenset({"-", "--", "—", "–", "n/a", "na", "undefined", "null", "none", "nan"})
_PLAIN = re.compile(r"[+-]?\d+")
_POINT = re.compile(r"[+-]?\d+\.\d+")
_AMBIGUOUS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_LOCALES = {".": "en", ",": "de"}
DECIMALS = tuple(_LOCALES)


def _bad(message: str, source: str, line: int, column: str) -> DataError:
    return DataError(message, source=source, line=line, field=column)


def number(
    value: Any,
    source: str,
    line: int,
    column: str,
    *,
    decimal: str | None = None,
    count: bool = True,
) -> float | None:
    """A cell as a number (``None`` when it is empty or says "no value"). Text that is
    not a number, a percent, a count whose form is ambiguous (``60.234``) and a
    non-finite number are errors naming the file, line and column."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _bad(f"{value!r} is not a number", source, line, column)
    if isinstance(value, (int, float)):
        x = float(value)
    elif type(value) is str and value.isascii() and value.isdigit() and len(value) < 300:
        return float(value)  # a plain count
    else:
        text = re.sub(r"[\s\u00a0\u202f\u2009']", "", str(value))
        if not text or text.lower() in _MISSING:
            return None
        if "%" in text:
            raise _bad(
                f"{value!r} is a percent, not a {'count' if count else 'number'}",
                source, line, column,
            )  # fmt: skip
        x = _parse(text, value, source, line, column, decimal, count)
    if math.isnan(x):
        return None
    if not math.isfinite(x):
        raise _bad(f"{value!r} is not a finite number", source, line, column)
    return x


def _parse(
    text: str, value: Any, source: str, line: int, column: str, decimal: str | None, count: bool
) -> float:
    if _PLAIN.fullmatch(text) or (decimal != "," and _POINT.fullmatch(text) and not (
            decimal is None and count and _AMBIGUOUS.fullmatch(text))):  # fmt: skip
        return float(text)
    if decimal is None and count and _AMBIGUOUS.fullmatch(text):
        raise _bad(
            f"{value!r} is ambiguous: {text.replace('.', ',')} with '.' between thousands, "
            f"or {text} with a decimal point; say which with --decimal , or --decimal . "
            "(decimal= in Python)",
            source, line, column,
        )  # fmt: skip
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return float(parse_decimal(text, locale=_LOCALES.get(decimal or ".", "en"), strict=True))
    except (NumberFormatError, ValueError, ArithmeticError):
        how = f" with {decimal!r} as the decimal mark" if decimal else ""
        raise _bad(f"{value!r} is not a number{how}", source, line, column) from None


def numeric(value: Any) -> bool:
    """Whether a cell looks like a number (a metric's value rather than a dimension)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    text = str(value).strip()
    return bool(re.fullmatch(r"[+-]?[$€£]?[\d.,\s\u00a0]*\d[\d.,\s\u00a0]*%?", text))


Rows = list[tuple[int, Sequence[Any]]]


def drop_duplicates(rows: Rows, source: str) -> tuple[Rows, list[str]]:
    """Rows that repeat an earlier row cell for cell dropped, with a note naming them."""
    seen: dict[Any, int] = {}
    out: Rows = []
    dropped: list[tuple[int, int]] = []
    for row in rows:
        line, cells = row
        try:  # the row itself as the key (no copy), when its cells are hashable
            key: Any = cells if isinstance(cells, tuple) and hash(cells) is not None else None
        except TypeError:
            key = None
        if key is None:
            key = tuple(str(c) for c in cells)
        first = seen.setdefault(key, line)
        if first != line:
            dropped.append((line, first))
            continue
        out.append(row)  # the row itself, not a copy
    if not dropped:
        return out, []
    shown = ", ".join(f"line {a} repeats line {b}" for a, b in dropped[:5])
    more = f" and {len(dropped) - 5} more" if len(dropped) > 5 else ""
    n = len(dropped)
    return out, [
        f"{source}: {n} exact duplicate row{'s' if n > 1 else ''} dropped ({shown}{more})."
    ]


def check_conflicts(
    rows: Rows,
    keys: Sequence[Any],
    source: str,
    what: Callable[[Any], str],
    values: Collection[int] = (),
) -> None:
    """Two rows with the same key (a day of a daily export, a month and channel of a
    performance file) and different values: an error naming both lines. The key is
    ``keys[i]`` plus the row's text cells outside ``values`` (breakdown columns such as
    a profile or a landing page make rows distinct)."""

    def full(i: int) -> tuple[Any, tuple[Any, ...]]:
        cells = rows[i][1]
        return keys[i], tuple(c for j, c in enumerate(cells) if j not in values and not numeric(c))

    # The hash of each key (not the key itself, a tuple a row) with the first row that
    # has it; a key whose hash an earlier, different key shares is kept whole.
    seen: dict[int, int] = {}
    exact: dict[Any, int] = {}
    if len(keys) != len(rows):
        raise ValueError("one key a row")
    for i in range(len(rows)):
        key = full(i)
        j = seen.setdefault(hash(key), i)
        if j == i:
            continue
        first = rows[j][0] if full(j) == key else exact.setdefault(key, rows[i][0])
        line = rows[i][0]
        if first != line:
            raise DataError(
                f"lines {first} and {line} give two different rows for {what(keys[i])}: "
                "which one is right? Remove the other (an exact duplicate is dropped)",
                source=source,
                line=line,
            )


@attrs.frozen
class Problem:
    """One bad cell: where it is, what it holds and why it cannot be read."""

    file: str
    line: int | None
    column: str | None
    value: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


class CellErrors(GoalRulesError):
    """Every bad cell found (up to a limit): ``problems`` is the table (file, line,
    column, value, why); ``truncated`` says the limit was reached."""

    def __init__(self, problems: Sequence[Problem], *, truncated: bool = False) -> None:
        self.problems = tuple(problems)
        self.truncated = truncated
        n = len(self.problems)
        first = self.problems[0]
        where = ":".join(str(p) for p in (first.file, first.line) if p is not None)
        more = "+" if truncated else ""
        super().__init__(
            f"{n}{more} bad cell{'s' if n != 1 else ''}; first: {where}: "
            f"{first.column + ': ' if first.column else ''}{first.why}",
            source=first.file,
        )

    def headline(self) -> str:
        return self.message

    def table(self) -> list[dict[str, Any]]:
        return [p.to_dict() for p in self.problems]


def problem(exc: GoalRulesError, value: Any = "") -> Problem:
    return Problem(exc.source or "", exc.line, exc.field, str(value)[:80], exc.detail())
