"""Export files as grids of cells, whatever their container: CSV in UTF-8 or UTF-16 (with
or without a byte-order mark, with a ``sep=`` line), Excel (``.xlsx`` and the old binary
``.xls``, every sheet, through python-calamine: ``pip install 'goalrules[excel]'``),
JSON (a list of records, or the Plausible API's ``results``), and tables already in
memory (pandas, polars or Arrow tables, lists of records).

Nothing is interpreted here: the preset decides which row is the header and what the
cells mean. Each row keeps the line (or sheet row) it came from, for error messages.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.errors import DataError, GoalRulesError, WorkspaceError
from goalrules.io.files import _open_binary
from goalrules.model.tables import plain, records

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@attrs.frozen
class Sheet:
    """One grid of cells: a CSV file, or one sheet of a workbook."""

    source: str  # the file (with "[sheet]" for a workbook's sheet)
    name: str  # the file name, for detection
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (line, cells)
    sheet: str | None = None
    notes: tuple[str, ...] = ()


def cell(value: Any) -> Any:
    """A cell as a plain value: missing values (``None``, NaN, ``NaT``, blank) as
    ``""``, text stripped, numpy scalars as numbers."""
    value = plain(value)
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def _decode(raw: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Text from bytes: UTF-8 or UTF-16 by their byte-order mark, UTF-16 LE without one
    when every other byte is zero, else UTF-8; a file that is none of these is read as
    Windows-1252 with a note (never silently)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), ()
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict"), ()
    head = raw[:4000]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return raw.decode("utf-16-le"), ()
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return raw.decode("utf-16-be"), ()
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        if b"\x00" in head:
            raise WorkspaceError(
                f"not a text file (byte {exc.start} is {raw[exc.start]:#04x})", source=source
            ) from None
        note = f"{source}: not UTF-8; read as Windows-1252 (Excel's encoding on Windows)."
        return raw.decode("cp1252", errors="replace"), (note,)


def _delimiter(lines: Sequence[str]) -> str:
    """The delimiter most consistent over the first lines (comma, semicolon, tab)."""
    best, score = ",", -1
    for sep in (",", ";", "\t", "|"):
        counts = [
            len(next(csv.reader([line], delimiter=sep), [])) for line in lines[:20] if line.strip()
        ]
        if not counts:
            continue
        top = max(counts)
        consistent = sum(1 for c in counts if c == top)
        value = consistent * (top > 1) * top
        if value > score:
            best, score = sep, value
    return best


def _csv_sheet(path: Path, raw: bytes) -> Sheet:
    source = str(path)
    text, notes = _decode(raw, source)
    lines = text.splitlines()
    start = 0
    sep: str | None = None
    if (
        lines
        and lines[0].strip().strip('"').lower().startswith("sep=")
        and len(lines[0].strip()) <= 8
    ):
        sep = lines[0].strip().strip('"')[4:5] or ","
        start = 1
    sample = [ln for ln in lines[start : start + 40] if ln.strip() and not ln.startswith("#")]
    sep = sep or _delimiter(sample)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=sep)
    try:
        previous = 0
        for cells in reader:
            line = start + previous + 1
            previous = reader.line_num
            rows.append((line, tuple(c.strip() for c in cells)))
    except csv.Error as exc:
        raise DataError(
            f"not readable as CSV: {exc}", source=source, line=start + previous + 1
        ) from None
    return Sheet(source=source, name=path.name, rows=tuple(rows), notes=notes)


def _excel_sheets(path: Path) -> list[Sheet]:
    source = str(path)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise DataError(
            "Excel files need python-calamine: pip install 'goalrules[excel]'", source=source
        ) from None
    try:
        book = CalamineWorkbook.from_path(source)
        sheets = []
        for name in book.sheet_names:
            grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = tuple((i, tuple(cell(c) for c in r)) for i, r in enumerate(grid, start=1))
            sheets.append(Sheet(source=f"{source}[{name}]", name=path.name, rows=rows, sheet=name))
    except Exception as exc:  # calamine's own errors: a damaged or foreign file
        if isinstance(exc, DataError):
            raise
        raise DataError(f"not readable as a workbook: {exc}", source=source) from None
    return sheets


def _json_sheet(path: Path, raw: bytes) -> Sheet:
    source = str(path)
    text, notes = _decode(raw, source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg}", source=source, line=exc.lineno) from None
    records = _json_records(data)
    if records is None:
        raise DataError(
            "JSON that is not a list of records (nor a Plausible 'results' response)",
            source=source,
        )
    return records_sheet(records, source=source, name=path.name, notes=notes)


def _json_records(data: Any) -> list[dict[str, Any]] | None:
    if isinstance(data, list) and all(isinstance(r, Mapping) for r in data):
        return [dict(r) for r in data]
    if isinstance(data, Mapping) and isinstance(data.get("results"), list):
        query = data.get("query") if isinstance(data.get("query"), Mapping) else {}
        dims = list(query.get("dimensions", [])) if query else []
        metrics = list(query.get("metrics", [])) if query else []
        out = []
        for r in data["results"]:
            if not isinstance(r, Mapping):
                return None
            if "dimensions" in r and "metrics" in r:  # Plausible API v2
                row = dict(
                    zip(
                        dims or [f"dimension{i}" for i in range(len(r["dimensions"]))],
                        r["dimensions"],
                        strict=False,
                    )
                )
                row.update(
                    zip(
                        metrics or [f"metric{i}" for i in range(len(r["metrics"]))],
                        r["metrics"],
                        strict=False,
                    )
                )
                out.append(row)
            else:
                out.append(dict(r))
        return out
    if isinstance(data, Mapping) and all(isinstance(v, list) for v in data.values()):
        # Matomo with several periods: {"2026-01": [rows], "2026-02": [rows]}
        out = []
        for period, rows in data.items():
            for r in rows:
                if not isinstance(r, Mapping):
                    return None
                out.append({"date": period, **r})
        return out
    return None


def records_sheet(
    records: Iterable[Mapping[str, Any]],
    *,
    source: str,
    name: str = "",
    notes: tuple[str, ...] = (),
) -> Sheet:
    """A list of records (dicts) as a grid whose first row is the header (the union of
    the keys, in first-seen order)."""
    recs = list(records)
    header: dict[str, None] = {}
    for r in recs:
        for k in r:
            header.setdefault(str(k), None)
    names = list(header)
    rows = [(1, tuple(names))]
    for i, r in enumerate(recs, start=2):
        rows.append((i, tuple(cell(r.get(k)) for k in names)))
    return Sheet(source=source, name=name, rows=tuple(rows), notes=notes)


def table_sheet(table: Any, *, source: str = "<table>", name: str = "") -> Sheet:
    """A pandas or polars DataFrame, an Arrow table, a mapping of columns or a list of
    records as a grid (the header first; row numbers count data rows from 2, as in the
    CSV they stand for)."""
    if isinstance(table, Sheet):
        return table
    try:
        rows = records(table)
    except GoalRulesError as exc:
        raise DataError(exc.message, source=source) from None
    return records_sheet(rows, source=source, name=name)


def read_sheets(path: str | Path) -> list[Sheet]:
    """Every grid of an export file (one for CSV and JSON; one per sheet for Excel)."""
    p = Path(path)
    if p.suffix.lower() in EXCEL:
        if not p.exists():
            raise WorkspaceError("no such file", source=str(p))
        return _excel_sheets(p)
    with _open_binary(p) as fh:
        raw = fh.read()
    if not raw.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise WorkspaceError("the file is empty", source=str(p))
    if raw[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):  # a workbook named .csv
        return _excel_sheets(p)
    if p.suffix.lower() == ".json":
        return [_json_sheet(p, raw)]
    if p.suffix.lower() in (".parquet", ".pq"):
        try:
            import polars as pl
        except ImportError:
            raise DataError(
                "Parquet files need polars: pip install 'goalrules[arrow]'", source=str(p)
            ) from None
        return [table_sheet(pl.read_parquet(p), source=str(p))]
    return [_csv_sheet(p, raw)]
