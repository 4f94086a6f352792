"""Decision-table analysis and indexing: gaps, overlaps, shadowed and unreachable rows,
and the index that finds a first-hit row without trying every row.

Each input column's cells are read as conditions on an ordered line of *atoms*: the
values written in a text column (and the values a known input such as an objective can
take), or, in a numeric, quantity or date column, each boundary written and the open
intervals between them. A row is then a box of atom ranges, one per column, and the
table is split column by column (a sweep over the atoms) into regions where the same
rows match. A region no row matches is a gap; a region several rows match is an overlap;
a row that is first (or best ranked) in no region is shadowed or unreachable. The same
split, kept, is the index: a lookup walks one atom per column (a dictionary or a binary
search), so a first-hit table of 8,000 rows answers about as fast as one of 100.

A cell the analysis cannot read (``is set``, an expression) is said (``GR315``), and
the checks it would take part in are not made; nothing is skipped silently.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import heapq
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from goalrules.dsl import ast
from goalrules.dsl.parser import parse_expression
from goalrules.dsl.runtime import to_static
from goalrules.errors import GoalRulesError

__all__ = [
    "Analysis",
    "Column",
    "TableProblem",
    "analyse_table",
    "domain",
    "normaliser",
    "parse_condition",
    "remember",
]

Cond = tuple[Any, ...]  # ("any",) | ("set", values, negated) | ("range", lo, lo_in, hi, hi_in)
_INF = float("inf")
_SHOWN = 6  # combinations listed in one message before "and N more"


class _Other:
    """The atom of a text column's values that no row names."""

    def __repr__(self) -> str:
        return "any other value"


OTHER = _Other()


@attrs.frozen
class TableProblem:
    """A problem of a decision table: its lint code, the line it is about, the text."""

    code: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.message


def _literal(text: str) -> Any:
    from goalrules.engine.rule_tests import literal_value
    from goalrules.engine.table_cells import cell_literal

    node = cell_literal(text)
    if isinstance(node, ast.Name):
        return node.name
    return literal_value(node, _dt.date.today())


def parse_condition(cell: str, norm: Callable[[Any], Any]) -> Cond | None:
    """A cell as a condition, its values passed through ``norm``; ``None`` when the
    analysis cannot read it."""
    text = cell.strip()
    try:
        if text in ("", "-"):
            return ("any",)
        if text[:1] in "[(]" and text[-1:] in "])[" and ".." in text:
            lo, hi = text[1:-1].split("..", 1)
            return ("range", norm(_literal(lo)), text[0] == "[", norm(_literal(hi)),
                    text[-1] == "]")  # fmt: skip
        for op in (">=", "<=", "!=", "==", ">", "<"):
            if text.startswith(op):
                v = norm(_literal(text[len(op) :].strip()))
                if op == "==":
                    return ("set", (v,), False)
                if op == "!=":
                    return ("set", (v,), True)
                if op[0] == ">":
                    return ("range", v, op == ">=", _INF, False)
                return ("range", -_INF, False, v, op == "<=")
        for op, negated in (("not in ", True), ("in ", False)):
            if text.startswith(op):
                node = parse_expression(text[len(op) :].strip())
                if not isinstance(node, ast.ListLit):
                    return None
                values = tuple(norm(_literal(ast.unparse(i))) for i in node.items)
                return ("set", values, negated)
        if text.startswith("is "):
            return None
        return ("set", (norm(_literal(text)),), False)
    except (GoalRulesError, ValueError, TypeError, ArithmeticError):
        return None
    except Exception:  # a unit that does not convert (pint's own errors)
        return None


@attrs.frozen
class Column:
    """One input column laid out as atoms: ``values`` (discrete) or ``bounds``
    (ordered), and how to show an atom."""

    name: str
    ordered: bool
    values: tuple[Any, ...] = ()  # discrete: the atoms
    bounds: tuple[Any, ...] = ()  # ordered: atom 2i+1 is bounds[i], 2i the gap below it
    shown: Mapping[Any, str] = attrs.field(factory=dict)
    index: dict[Any, int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "index", {v: i for i, v in enumerate(self.values)})

    @property
    def size(self) -> int:
        return 2 * len(self.bounds) + 1 if self.ordered else len(self.values)

    def atom(self, value: Any) -> int | None:
        """The atom a value falls in (``None``: a value the table never names)."""
        if self.ordered:
            if isinstance(value, bool) or not isinstance(value, (int, float, _dt.date)):
                return None
            try:
                i = bisect.bisect_left(self.bounds, value)
            except TypeError:
                return None
            return 2 * i + 1 if i < len(self.bounds) and self.bounds[i] == value else 2 * i
        try:
            found = self.index.get(value)
        except TypeError:
            return None
        if found is None and isinstance(value, str):
            return self.index.get(OTHER)
        return found

    def _show(self, v: Any) -> str:
        if v is OTHER:
            return "a value no row names"
        return self.shown.get(v) or (repr(v) if isinstance(v, str) else str(v))

    def describe(self, lo: int, hi: int) -> str:
        """Atoms ``lo..hi`` in words: ``visits >= 100 and < 1,000``."""
        if not self.ordered:
            vals = [self._show(v) for v in self.values[lo : hi + 1]]
            if len(vals) == 1:
                return f"{self.name} = {vals[0]}"
            return f"{self.name} in [{', '.join(vals)}]"
        b = self.bounds
        if lo == hi and lo % 2 == 1:
            return f"{self.name} = {self._show(b[lo // 2])}"
        parts = []
        if lo > 0:
            parts.append((">= " if lo % 2 == 1 else "> ") + self._show(b[(lo - 1) // 2]))
        if hi < self.size - 1:
            parts.append(("<= " if hi % 2 == 1 else "< ") + self._show(b[hi // 2]))
        return f"{self.name} {' and '.join(parts)}" if parts else f"any {self.name}"

    def discrete_names(self, lo: int, hi: int) -> list[str]:
        return [f"{self.name} = {self._show(v)}" for v in self.values[lo : hi + 1]]


Box = list[list[tuple[int, int]]]  # per column, the atom ranges a row covers


def _ranges(col: Column, cond: Cond) -> list[tuple[int, int]]:
    n = col.size
    if cond[0] == "any":
        return [(0, n - 1)]
    if cond[0] == "set":
        atoms = sorted({a for a in (col.atom(v) for v in cond[1]) if a is not None})
        if cond[2]:
            out, start = [], 0
            for a in atoms:
                if a > start:
                    out.append((start, a - 1))
                start = a + 1
            if start <= n - 1:
                out.append((start, n - 1))
            return out
        return _runs(atoms)
    _, lo, lo_in, hi, hi_in = cond
    b = col.bounds
    first = 0 if lo == -_INF else (2 * bisect.bisect_left(b, lo) + (1 if lo_in else 2))
    last = n - 1 if hi == _INF else (2 * bisect.bisect_left(b, hi) + (1 if hi_in else 0))
    return [(first, last)] if first <= last else []


def _runs(atoms: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a in atoms:
        if out and out[-1][1] == a - 1:
            out[-1] = (out[-1][0], a)
        else:
            out.append((a, a))
    return out


def build_columns(
    names: Sequence[str], conds: Sequence[Sequence[Cond]], domains: Sequence[Sequence[Any]],
    shown: Sequence[Mapping[Any, str]],
) -> list[Column] | str:  # fmt: skip
    """The columns' atoms, or why a column cannot be laid out."""
    cols = []
    for k, name in enumerate(names):
        values: list[Any] = list(domains[k])
        ordered = False
        for row in conds:
            c = row[k]
            if c[0] == "range":
                ordered = True
                values += [v for v in (c[1], c[3]) if v not in (_INF, -_INF)]
            elif c[0] == "set":
                values += list(c[1])
        kinds = {type(v) for v in values}
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            ordered = ordered or kinds <= {int, float}
        if ordered:
            if not (kinds <= {int, float} or kinds <= {_dt.date}):
                return f"column {name} mixes numbers, dates and text"
            bounds = tuple(sorted(set(values)))
            cols.append(Column(name, True, bounds=bounds, shown=shown[k]))
        else:
            if any(isinstance(v, bool) for v in values):
                values += [True, False]
            elif not domains[k]:  # text no row names: one atom for all of it
                values.append(OTHER)
            cols.append(Column(name, False, values=tuple(dict.fromkeys(values)), shown=shown[k]))
    return cols


# -- the split -----------------------------------------------------------------------


@attrs.frozen
class Leaf:
    winner: int | None  # the first (or best ranked) row here; None: a gap
    count: int


MAX_REGIONS = 2_000_000  # beyond this the split stops, and says so


class TooManyRegions(Exception):
    """The table splits into more regions than :data:`MAX_REGIONS`."""


Node = tuple[list[int], list[Any]]  # segment starts, and each segment's child (Node | Leaf)


@attrs.define
class Analysis:
    columns: list[Column]
    root: Any = None
    gaps: list[list[list[tuple[int, int]]]] = attrs.field(factory=list)  # per gap: path
    overlaps: dict[tuple[int, int], list[list[tuple[int, int]]]] = attrs.field(factory=dict)
    reached: set[int] = attrs.field(factory=set)
    leaves: int = 0

    def lookup(self, values: Sequence[Any]) -> Leaf | None:
        """The leaf of these input values (``None``: a value no atom holds)."""
        node = self.root
        for col, v in zip(self.columns, values, strict=True):
            if isinstance(node, Leaf):  # a gap found before the last column
                return node
            a = col.atom(v)
            if a is None:
                return None
            starts, children = node
            node = children[bisect.bisect_right(starts, a) - 1]
        return node if isinstance(node, Leaf) else None


def analyse_table(
    columns: list[Column],
    boxes: Sequence[Box],
    rank: Sequence[float],
    *,
    classes: Sequence[int] | None = None,
) -> Analysis:
    """Split the table into regions; ``rank`` orders rows (lower wins: the row index
    under ``first``, the output's rank under ``priority``). With ``classes`` (a class
    per row: the row itself under ``unique``, its outputs under ``any``), a region rows
    of two classes match is an overlap."""
    out = Analysis(columns)
    k = len(columns)
    live = [r for r, box in enumerate(boxes) if all(box[c] for c in range(k))]

    def split(rows: list[int], c: int, path: list[list[tuple[int, int]]]) -> Any:
        col = columns[c]
        events: dict[int, list[tuple[int, int]]] = {}
        for r in rows:
            for lo, hi in boxes[r][c]:
                events.setdefault(lo, []).append((1, r))
                events.setdefault(hi + 1, []).append((-1, r))
        positions = sorted(p for p in events if p < col.size)
        if not positions or positions[0] != 0:
            positions.insert(0, 0)
        starts: list[int] = []
        children: list[Any] = []
        last = c == k - 1
        active: set[int] = set()
        by_class: dict[int, set[int]] = {}
        heap: list[tuple[float, int]] = []
        groups: dict[frozenset[int], tuple[list[tuple[int, int]], list[int]]] = {}
        gap_runs: list[tuple[int, int]] = []
        for i, p in enumerate(positions):
            for sign, r in events.get(p, ()):
                if sign > 0:
                    active.add(r)
                    if last:
                        heapq.heappush(heap, (rank[r], r))
                        if classes is not None:
                            by_class.setdefault(classes[r], set()).add(r)
                else:
                    active.discard(r)
                    if last and classes is not None:
                        members = by_class[classes[r]]
                        members.discard(r)
                        if not members:
                            del by_class[classes[r]]
            end = (positions[i + 1] if i + 1 < len(positions) else col.size) - 1
            starts.append(p)
            if out.leaves > MAX_REGIONS:
                raise TooManyRegions
            if not active:
                gap_runs.append((p, end))
                children.append(Leaf(None, 0))
                out.leaves += 1
                continue
            if last:
                while heap[0][1] not in active:
                    heapq.heappop(heap)
                winner = heap[0][1]
                out.reached.add(winner)
                out.leaves += 1
                children.append(Leaf(winner, len(active)))
                if classes is not None and len(by_class) > 1:
                    mine = classes[winner]
                    other = min(min(m) for c, m in by_class.items() if c != mine)
                    pair = (min(winner, other), max(winner, other))
                    if pair not in out.overlaps:
                        out.overlaps[pair] = [*path, [(p, end)]]
                continue
            key = frozenset(active)
            group = groups.get(key)
            if group is None:
                groups[key] = ([(p, end)], [len(children)])
            else:
                group[0].append((p, end))
                group[1].append(len(children))
            children.append(None)
        if gap_runs:
            out.gaps.append([*path, gap_runs])
        for key, (runs, slots) in groups.items():
            child = split(sorted(key), c + 1, [*path, runs])
            for s in slots:
                children[s] = child
        return (starts, children)

    if k:
        out.root = split(live, 0, [])
    return out


# -- problems in words ---------------------------------------------------------------


def region_text(columns: Sequence[Column], path: Sequence[Sequence[tuple[int, int]]]) -> str:
    """A region as a few combinations (``a = 'x', b = 'y'; ...; and N more``)."""
    per_column: list[list[str]] = []
    total = 1
    for col, runs in zip(columns, path, strict=False):
        if col.ordered:
            names = [col.describe(lo, hi) for lo, hi in runs]
        else:
            names = [n for lo, hi in runs for n in col.discrete_names(lo, hi)]
        per_column.append(names)
        total *= len(names)
    combos: list[str] = []
    _product(per_column, 0, [], combos)
    more = f"; and {total - len(combos)} more" if total > len(combos) else ""
    rest = [c.name for c in columns[len(path) :]]
    tail = f" (with any {', '.join(rest)})" if rest and path else ""
    return "; ".join(combos) + more + tail


def _product(lists: list[list[str]], i: int, acc: list[str], out: list[str]) -> None:
    if len(out) >= _SHOWN:
        return
    if i == len(lists):
        out.append(", ".join(acc))
        return
    for item in lists[i]:
        _product(lists, i + 1, [*acc, item], out)
        if len(out) >= _SHOWN:
            return


def contains(a: Box, b: Box) -> bool:
    """Whether row box ``a`` holds all of row box ``b``."""
    for ra, rb in zip(a, b, strict=True):
        for lo, hi in rb:
            if not any(x <= lo and hi <= y for x, y in ra):
                return False
    return True


# -- how the analysis reads a table's cells -------------------------------------------

_RANGE_CELL = re.compile(r"^[\[\(\]]\s*(.+?)\s*\.\.\s*(.+?)\s*[\]\)\[]$")


def remember(c: Cond, cell: str, shown: dict[Any, str]) -> None:
    """How a value is written in the table, to show it in messages."""
    text = cell.strip().lstrip("<>=!").strip()
    m = _RANGE_CELL.match(cell.strip())
    if c[0] == "range" and m is not None:
        shown.setdefault(c[1], m[1])
        shown.setdefault(c[3], m[2])
    elif c[0] == "range":
        v = c[1] if c[1] not in (_INF, -_INF) else c[3]
        shown.setdefault(v, text)
    elif (c[0] == "set" and len(c[1]) == 1 and not isinstance(c[1][0], str)
          and not cell.strip().startswith(("in ", "not in "))):  # fmt: skip
        shown.setdefault(c[1][0], text)


def normaliser(t: Any) -> Any:
    """How a cell's value is compared with the input's: text as text, a quantity as a
    number in the input's unit (a ratio as a fraction), a date as a date."""
    kind = getattr(t, "kind", "any")

    def text(v: Any) -> Any:
        if not isinstance(v, str):
            raise TypeError("not text")
        return v

    def boolean(v: Any) -> Any:
        if not isinstance(v, bool):
            raise TypeError("not a truth value")
        return v

    def date(v: Any) -> Any:
        if not isinstance(v, _dt.date):
            raise TypeError("not a date")
        return v

    def number(v: Any) -> Any:
        if isinstance(v, (bool, str)):
            raise TypeError("not a number")
        if hasattr(v, "magnitude"):
            if t.dim == ():  # a share: scaled as the rows' rules scale it (15 % is 0.15)
                return to_static(v, 1.0, (), "a cell")
            return float(v.to(t.display or str(v.units)).magnitude)
        return float(v)

    if kind == "text":
        return text
    if kind == "bool":
        return boolean
    if kind == "date":
        return date
    if kind == "quantity" and t.dim is not None:
        return number

    def unreadable(v: Any) -> Any:
        raise TypeError("a type the analysis does not order")

    return unreadable


def domain(name: str) -> list[Any]:
    """The known values of an input: objectives, networks."""
    last = name.rsplit(".", 1)[-1]
    if last in ("objective", "role"):
        from goalrules.vocabulary import Objective

        return [o.value for o in Objective]
    if last in ("channel", "network"):
        from goalrules.vocabulary import KNOWN_CHANNELS

        return [c for c in KNOWN_CHANNELS if c != "all"]
    return []
