"""Cells read as the file says or not at all: numbers in the export's locale, missing
cells, exact duplicate rows and rows that contradict each other.

A number is read only when its form says what it is. Thousands separators are read in
the column's locale (Babel's number data): by default, English (``1,234`` is 1234), and
a count written ``60.234`` is an error, since it reads as 60234 with German grouping and
as 60.234 with an English decimal point; ``decimal=","`` (``--decimal ,``) reads it as
German (``60.234`` is 60234, ``60,5`` is 60.5) and ``decimal="."`` as English. An amount
that is not a count (revenue) written ``10.000`` or ``1,234`` is ambiguous the same way.
:func:`infer_decimal` reads a file's own evidence first (``12,5``, ``1.234.567`` or
``1.234,5`` say the comma is its decimal mark). Arabic-Indic digits with the Arabic
separators (``١٬٢٣٤``, ``١٫٥``), the Swiss ``1’234`` and the minus sign ``−5`` read as
they are written, and the direction marks of right-to-left text around them are read
past. A percent is never a count. Empty cells (and ``-``, ``n/a``, TikTok's
``undefined``) are missing: the readers leave them out with a note, never 0.

>>> number("1,234", "f.csv", 2, "views"), number("60.234", "f.csv", 2, "views", decimal=",")
(1234.0, 60234.0)
>>> number("", "f.csv", 2, "views") is None
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

import attrs

from goalrules.errors import DataError, GoalRulesError
from goalrules.patterns import LazyPattern
from goalrules.units import DOTTED_THOUSANDS

_MISSING = frozenset({"-", "--", "—", "–", "n/a", "na", "undefined", "null", "none", "nan"})
_PLAIN = LazyPattern(r"[+-]?\d+")
_POINT = LazyPattern(r"[+-]?\d+\.\d+")
# a point or comma between groups of three (a leading 0 never starts a group)
_ONE_COMMA_GROUP = LazyPattern(r"[+-]?[1-9]\d{0,2},\d{3}")
# spaces, apostrophes (Swiss: 1'234, 1’234) and the Arabic thousands separator group digits
_GROUPING = LazyPattern(r"[\s\u00a0\u202f\u2009'\u2019\u066c]")
_ARABIC_DECIMAL = "\u066b"  # "١٫٥": unambiguous, whatever the file's decimal mark
# what a spreadsheet shows (and saves to CSV) when a number is too wide for its cell, or
# the cell is formatted "Scientific": a capital E, a sign and two digits (1.23E+06)
_SCIENTIFIC = LazyPattern(r"[+-]?(\d+)(?:[.,](\d+))?E([+-]\d+)")
#: the marks that set the direction of text (left-to-right and right-to-left marks, the
#: Arabic letter mark, embeddings, overrides and isolates): a spreadsheet in Arabic writes
#: them between a date's numbers (``8\u200f/11\u200f/2026``) and before a sign; they
#: hold no value, so a cell is read without them
DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
WITHOUT_DIRECTION_MARKS = str.maketrans(dict.fromkeys(DIRECTION_MARKS))
_SIGNS = str.maketrans({"\u2212": "-", "\u066a": "%", **dict.fromkeys(DIRECTION_MARKS)})
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
    whole: bool = False,
) -> float | None:
    """A cell as a number (``None`` when it is empty or says "no value"). Text that is
    not a number, a percent, a count whose form is ambiguous (``60.234``) and a
    non-finite number are errors naming the file, line and column. ``whole``: the cell
    counts whole things (sessions, views, followers), so ``1.234`` read with the file's
    decimal point (``1,234`` with its decimal comma) is an error, never 1.234 views."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _bad(f"{value!r} is not a number", source, line, column)
    if isinstance(value, (int, float)):
        x = float(value)
    elif type(value) is str and value.isascii() and value.isdigit() and len(value) < 300:
        return float(value)  # a plain count
    else:
        text = _GROUPING.sub("", str(value)).translate(_SIGNS)
        if not text or text.lower() in _MISSING:
            return None
        if (sci := _SCIENTIFIC.fullmatch(text)) is not None:
            return _scientific(sci, value, source, line, column, count)
        if "%" in text:
            raise _bad(
                f"{value!r} is a percent, not a {'count' if count else 'number'}",
                source, line, column,
            )  # fmt: skip
        x = _parse(text, value, source, line, column, decimal, count)
        if whole and decimal is not None and _fraction_of_a_count(text, decimal):
            raise _bad(
                f"{value!r} counts whole things, but with {decimal!r} as the decimal mark "
                f"(as the file's other numbers, or --decimal, say) it is {x:g}; it is "
                f"{int(text.replace(decimal, '')):,} only with {decimal!r} between thousands: "
                "correct the cell, or export the file again in one language",
                source, line, column,
            )  # fmt: skip
    if math.isnan(x):
        return None
    if not math.isfinite(x):
        raise _bad(f"{value!r} is not a finite number", source, line, column)
    return x


#: the counts of whole things among the fields of a performance row (GA4's key events may
#: carry fractional credit, and revenue is money)
WHOLE_FIELDS = frozenset({"visits", "customers"})


def whole_metric(metric: str | None) -> bool:
    """Whether the catalog's ``metric`` counts whole things (views, followers, visits):
    not a rate, not money."""
    from goalrules.metrics import catalog
    from goalrules.units import CURRENCIES

    defn = catalog.get(metric or "")
    return (defn is not None and defn.kind != "ratio"
            and defn.unit not in {code for code, _ in CURRENCIES})  # fmt: skip


def _fraction_of_a_count(text: str, decimal: str) -> bool:
    """Whether ``text`` is one to three digits, the decimal mark and three digits
    (``1.234`` with ``decimal="."``): a count only with that mark between thousands."""
    return re.fullmatch(rf"[+-]?[1-9]\d{{0,2}}{re.escape(decimal)}\d{{3}}", text) is not None


def _scientific(
    m: re.Match[str], value: Any, source: str, line: int, column: str, count: bool
) -> float:
    """A number a spreadsheet wrote in scientific notation (``1.23E+06``): it shows only
    the digits before the E, rounded. A count reads only when no digit can have been lost
    (the shown value is whole and its last digit is the units digit or finer:
    ``1.5E+01`` is 15, ``1.50E+01`` too); anything else is an error naming the cell
    (``1.23E+06`` is any count from 1,225,000 to 1,234,999). A number that is not a
    count (revenue) always may have lost its digits."""
    digits, fraction = m[1] + (m[2] or ""), len(m[2] or "")
    shift = int(m[3]) - fraction  # value = digits x 10^shift
    exact = float(int(digits) * 10**shift) if shift >= 0 else int(digits) / 10**-shift
    exact = -exact if m[0].startswith("-") else exact
    if count and shift <= 0 and exact.is_integer():
        return exact
    low, high = (exact - 0.5 * 10.0**shift), (exact + 0.5 * 10.0**shift)
    span = (
        f"any count from {math.ceil(low):,} to {math.ceil(high) - 1:,}"
        if count and shift > 0
        else f"a number from {low:,.{max(-shift + 1, 0)}f} to under {high:,.{max(-shift + 1, 0)}f}"
    )
    raise _bad(
        f"{value!r} is in scientific notation, rounded by a spreadsheet: it stands for "
        f"{span}, so its digits are lost; format the column as a number (not Scientific, "
        "not General) and save the file again, or export it again from the tool",
        source, line, column,
    )  # fmt: skip


def _parse(
    text: str, value: Any, source: str, line: int, column: str, decimal: str | None, count: bool
) -> float:
    if _ARABIC_DECIMAL in text:  # the Arabic decimal separator: no other mark with it
        plain = text.replace(_ARABIC_DECIMAL, ".", 1)
        if _POINT.fullmatch(plain):
            return float(plain)
        raise _bad(f"{value!r} is not a number", source, line, column)
    if _PLAIN.fullmatch(text) or (decimal != "," and _POINT.fullmatch(text) and not (
            decimal is None and DOTTED_THOUSANDS.fullmatch(text))):  # fmt: skip
        return float(text)
    if decimal is None and DOTTED_THOUSANDS.fullmatch(text):
        raise _bad(
            f"{value!r} is ambiguous: {text.replace('.', ',')} with '.' between thousands, "
            f"or {text} with a decimal point; say which with --decimal , or --decimal . "
            "(decimal= in Python)",
            source, line, column,
        )  # fmt: skip
    if decimal is None and not count and _ONE_COMMA_GROUP.fullmatch(text):
        raise _bad(
            f"{value!r} is ambiguous: {text.replace(',', '')} with ',' between thousands, "
            f"or {text.replace(',', '.')} with a decimal comma; say which with --decimal . "
            "or --decimal , (decimal= in Python)",
            source, line, column,
        )  # fmt: skip
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return float(parse_decimal(text, locale=_LOCALES.get(decimal or ".", "en"), strict=True))
    except (NumberFormatError, ValueError, ArithmeticError):
        money = _MONEY.fullmatch(text.strip())
        if money is not None and bool(money["before"]) != bool(money["after"]):
            # "$1,200.00", "1,200.00 USD": the amount with its currency
            raise _bad(
                f"{value!r} holds its currency ({money['before'] or money['after']}): write the "
                f"amount alone ({money['amount']}); the currency is named once for all the "
                "spend ('goalrules channels --currency CODE', currency= in Python)",
                source, line, column,
            ) from None  # fmt: skip
        how = f" with {decimal!r} as the decimal mark" if decimal else ""
        raise _bad(f"{value!r} is not a number{how}", source, line, column) from None


#: an amount written with its currency, before or after it: "$1,200.00", "€400",
#: "1,200.00 USD", "USD 400"
_MONEY = LazyPattern(
    r"(?P<before>[$€£¥₹]|[A-Z]{3})?\s*(?P<amount>[+-]?\d[\d.,]*)\s*"
    r"(?P<after>[$€£¥₹]|[A-Z]{3})?"
)


def _evidence(value: Any) -> str | None:
    """The decimal mark a cell shows (``"."`` or ``","``), ``"?"`` when it could be
    either (``1.234``, ``1,234``: one mark before three digits), ``None`` when it has
    none (``1234``, a number that is not text, text that is not a number)."""
    if type(value) is not str or ("," not in value and "." not in value):
        return None
    text = _GROUPING.sub("", value).translate(_SIGNS).lstrip("+-")
    if not re.fullmatch(r"\d[\d.,]*", text) or not text[-1].isdigit():
        return None
    if "." in text and "," in text:  # the last mark is the decimal one: 1,234.5 / 1.234,5
        return "." if text.rfind(".") > text.rfind(",") else ","
    mark = "." if "." in text else ","
    whole, *rest = text.split(mark)
    if len(rest) > 1:  # 1.234.567: the mark groups, so the other one is the decimal mark
        return "," if mark == "." else "."
    if len(rest[0]) == 3 and len(whole) <= 3 and whole[0] != "0":
        return "?"
    return mark


def infer_decimal(
    rows: Iterable[tuple[int, Sequence[Any]]], columns: Sequence[tuple[int, str]], source: str
) -> tuple[str | None, list[str]]:
    """The decimal mark a file's numbers show (``columns``: the positions and names of
    the columns read as numbers), with a note when it decides how a cell such as
    ``1.234`` or ``1,234`` reads (or says the comma is the decimal mark); ``None`` when
    no cell shows it. A file that shows both marks as its decimal mark is an error
    naming a cell of each."""
    seen: dict[str, tuple[int, str, str]] = {}
    ambiguous = 0
    for line, cells in rows:
        for pos, column in columns:
            mark = _evidence(cells[pos] if pos < len(cells) else None)
            if mark == "?":
                ambiguous += 1
            elif mark is not None and mark not in seen:
                seen[mark] = (line, column, str(cells[pos]))
    if len(seen) == 2:
        (l1, c1, v1), (l2, c2, v2) = sorted(seen.values())
        raise DataError(
            f"the numbers are written two ways: {v1!r} (line {l1}, {c1}) and {v2!r} "
            f"(line {l2}, {c2}) use different decimal marks; export the file again in one "
            "language, or say which with --decimal",
            source=source, line=l2, field=c2,
        )  # fmt: skip
    if not seen:
        return None, []
    mark, (line, column, value) = next(iter(seen.items()))
    if mark == "." and not ambiguous:
        return mark, []  # the default reading: nothing to say
    name = "a decimal point" if mark == "." else "a decimal comma"
    return mark, [
        f"{source}: numbers read with {name}, as line {line} writes them ({column}: "
        f"{value!r}){f'; {ambiguous} cell(s) such as 1.234 or 1,234 read so' if ambiguous else ''}"
        f". If that is wrong, pass --decimal."
    ]


def numeric(value: Any) -> bool:
    """Whether a cell looks like a number (a metric's value rather than a dimension)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    text = str(value).translate(_SIGNS).strip()
    return _NUMERIC.fullmatch(text) is not None


# digits with the marks that group them or end their whole part, in any script
_NUMERIC = LazyPattern(r"[+-]?[$€£]?[\d.,\s'’\u066b\u066c]*\d[\d.,\s'’\u066b\u066c]*%?")


Rows = list[tuple[int, Sequence[Any]]]


def _no_value(cell: Any) -> bool:
    """Whether a cell is empty or says "no value" (``-``, ``—``, ``n/a``, ``undefined``)."""
    if cell is None:
        return True
    text = str(cell).translate(WITHOUT_DIRECTION_MARKS).strip()
    return not text or text.lower() in _MISSING


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


_ROUNDED_ID = LazyPattern(r"\d(?:\.\d+)?E\+?\d+", re.I)


def rounded_id(text: str) -> bool:
    """Whether an id cell is one a spreadsheet showed in scientific notation and saved
    as shown (``6.54E+17``, ``1.23457E+11``): rounded, it tells no row apart."""
    return _ROUNDED_ID.fullmatch(text.strip()) is not None


def breakdown(cells: Sequence[Any], values: Collection[int]) -> tuple[tuple[int, Any], ...]:
    """The cells of a row that tell it apart from another row of the same day (a
    profile, a landing page), as (position, text): its text cells outside ``values``.
    A breakdown is text: an empty cell or a "no value" mark (-, —, n/a) in a column the
    reader leaves alone makes no row distinct (else the same day twice, one with a dash,
    would be added up)."""
    return tuple(
        (j, c) for j, c in enumerate(cells)
        if j not in values and not numeric(c) and not _no_value(c)
    )  # fmt: skip


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
        return keys[i], breakdown(rows[i][1], values)

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
