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
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


def _line_of(raw: bytes, at: int, width: int = 1) -> int:
    """The line of byte ``at`` (in a text of ``width``-byte code units)."""
    newline = b"\n\x00" if width == 2 else b"\n"
    return raw[:at].count(newline) + 1


def _undecodable(
    raw: bytes, exc: UnicodeDecodeError, encoding: str, source: str, offset: int = 0
) -> DataError:
    width = 2 if "16" in encoding else 1
    if exc.reason == "truncated data" or (width == 2 and len(raw) % 2):
        why = f"the {encoding} text is cut off at byte {len(raw)} (an odd byte: a truncated file)"
    else:
        why = (
            f"byte {exc.start + 1 + offset} ({raw[exc.start]:#04x}) is not {encoding}: the file "
            "mixes encodings (text appended in another one, or saved twice); export it again"
        )
    return DataError(why, source=source, line=_line_of(raw, exc.start, width))


def _decode(raw: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Text from bytes: UTF-8 or UTF-16 by their byte-order mark, UTF-16 LE without one
    when every other byte is zero, else UTF-8; a file that is none of these is read as
    Windows-1252 with a note (never silently). Bytes that contradict the encoding the
    file announces (a UTF-16 file cut at an odd byte, UTF-8 after UTF-16 text, Latin-1
    after a UTF-8 byte-order mark) are an error naming the line."""
    encoding = ""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "UTF-16"
    elif raw.startswith(codecs.BOM_UTF8):
        encoding = "UTF-8"
    else:
        head = raw[:4000]
        if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
            encoding = "UTF-16-LE"
        elif len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
            encoding = "UTF-16-BE"
    if encoding:
        skip = 3 if encoding == "UTF-8" else 0
        try:
            text = str(memoryview(raw)[skip:], encoding.lower())
        except UnicodeDecodeError as exc:
            raise _undecodable(raw[skip:], exc, encoding, source, skip) from None
        if "16" in encoding:
            _check_utf16(text, source)
        return text, ()
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        if b"\x00" in raw[:4000]:
            raise WorkspaceError(
                f"not a text file (byte {exc.start} is {raw[exc.start]:#04x})", source=source
            ) from None
        note = f"{source}: not UTF-8; read as Windows-1252 (Excel's encoding on Windows)."
        return raw.decode("cp1252", errors="replace"), (note,)


_LATIN = re.compile(r"[\x00-\xff]")


def _ascii_pairs(line: str) -> bool:
    """Whether every character of ``line`` is two printable ASCII bytes (single-byte
    text read as UTF-16), with a quote or comma among them."""
    units = [(ord(c) & 0xFF, ord(c) >> 8) for c in line]
    return all(0x09 <= a <= 0x7E and 0x09 <= b <= 0x7E for a, b in units) and any(
        x in (0x22, 0x2C, 0x3B) for pair in units for x in pair
    )


def _check_utf16(text: str, source: str) -> None:
    """UTF-16 text whose lines stop being text: single-byte text (UTF-8, ASCII)
    appended to a UTF-16 file decodes as pairs of bytes, lines without a single Latin
    character (a CSV line holds at least its commas)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) >= 4 and not _LATIN.search(line) and _ascii_pairs(line):
            raise DataError(
                "the UTF-16 text stops being UTF-16 here (text in another encoding was "
                "appended to the file): export it again",
                source=source,
                line=number,
            )


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


CELL_LIMIT = csv.field_size_limit()  # characters: no export writes a longer cell


def _csv_error(exc: csv.Error, source: str, line: int) -> DataError:
    if "field larger than field limit" in str(exc):
        return DataError(
            f"a cell longer than {CELL_LIMIT:,} characters: not a cell of an export (a "
            "quote left open, or another file pasted in)",
            source=source,
            line=line,
        )
    return DataError(f"not readable as CSV: {exc}", source=source, line=line)


def _text_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (no copy of the whole text)."""
    if "\n" not in text and "\r" in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _csv_sheet(path: Path, box: list[bytes]) -> Sheet:
    """One CSV file as a grid; ``box`` holds its bytes (taken out, and freed once
    decoded). Repeated cells (dates, channels, small counts) share one string."""
    source = str(path)
    raw = box.pop()
    text, notes = _decode(raw, source)
    del raw
    head = text[: 1 << 16].splitlines()[:41]
    start = 0
    sep: str | None = None
    if head and head[0].strip().strip('"').lower().startswith("sep=") and len(head[0].strip()) <= 8:
        sep = head[0].strip().strip('"')[4:5] or ","
        start = 1
    sample = [ln for ln in head[start:] if ln.strip() and not ln.startswith("#")]
    try:
        sep = sep or _delimiter(sample)
    except csv.Error as exc:
        raise _csv_error(exc, source, 1 + start) from None
    rows: list[tuple[int, tuple[Any, ...]]] = []
    lines = _text_lines(text)
    del text
    if start:
        next(lines, None)
    reader = csv.reader(lines, delimiter=sep)
    previous = 0
    shared: dict[str, str] = {}
    try:
        for cells in reader:
            line = start + previous + 1
            previous = reader.line_num
            row = tuple(shared.setdefault(c, c) if len(c) < 40 else c
                        for c in (x.strip() for x in cells))  # fmt: skip
            rows.append((line, row))
            if len(shared) > 100_000:
                shared.clear()
    except csv.Error as exc:
        raise _csv_error(exc, source, start + previous + 1) from None
    return Sheet(source=source, name=path.name, rows=tuple(rows), notes=notes)


MAX_CELLS = 5_000_000  # rows x columns a sheet may claim (an export has a few thousand)
_CELL_REF = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\br="([A-Z]*)(\d+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_workbook_size(path: Path) -> None:
    """Refuse an ``.xlsx`` whose sheets claim more than :data:`MAX_CELLS` cells (a cell
    at ``XFD1048576`` makes the reader allocate every cell up to it), scanning the
    sheets' XML as a stream before anything is read."""
    import zipfile

    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # the old binary .xls, or damaged: calamine says which
    with book:
        for info in book.infolist():
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                continue
            rows = cols = 0
            tail = b""
            with book.open(info) as fh:
                while chunk := fh.read(1 << 20):
                    data = tail + chunk
                    for m in (*_DIMENSION.finditer(data), *_CELL_REF.finditer(data)):
                        rows = max(rows, int(m[2]))
                        cols = max(cols, _column_number(m[1]) if m[1] else 0)
                    tail = data[-256:]
                    if rows * max(cols, 1) > MAX_CELLS:
                        name = info.filename.rsplit("/", 1)[-1]
                        raise DataError(
                            f"the sheet {name} claims {rows:,} rows x {max(cols, 1):,} columns "
                            f"(more than {MAX_CELLS:,} cells): not an export; save the "
                            "sheet's used range as CSV",
                            source=str(path),
                        )


def _excel_sheets(path: Path) -> list[Sheet]:
    source = str(path)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise DataError(
            "Excel files need python-calamine: pip install 'goalrules[excel]'", source=source
        ) from None
    _check_workbook_size(path)
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


JSON_DEPTH = 64  # nesting levels: an export's JSON has three or four
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_depth(text: str, source: str) -> None:
    """An error before parsing when brackets nest deeper than :data:`JSON_DEPTH` (the
    parser would run out of stack)."""
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > JSON_DEPTH:
                raise DataError(
                    f"JSON nested more than {JSON_DEPTH} levels deep: not an export",
                    source=source, line=text.count("\n", 0, m.start()) + 1,
                )  # fmt: skip
        elif tok in "]}":
            depth -= 1


def _json_sheet(path: Path, raw: bytes) -> Sheet:
    source = str(path)
    text, notes = _decode(raw, source)
    _json_depth(text, source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg}", source=source, line=exc.lineno) from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise DataError("JSON nested too deep", source=source) from None
    records = _json_records(data, source)
    if records is None:
        raise DataError(
            "JSON that is not a list of records (nor a Plausible 'results' response)",
            source=source,
        )
    return records_sheet(records, source=source, name=path.name, notes=notes)


def _plausible_row(r: Mapping[str, Any], dims: list[Any], metrics: list[Any], source: str,
                   i: int) -> dict[str, Any]:  # fmt: skip
    """One Plausible API v2 result: its dimensions and metrics named by the query (a
    metric the list lacks is missing, not 0)."""
    where = f"results[{i}]"
    for part in ("dimensions", "metrics"):
        if not isinstance(r[part], list):
            raise DataError(f"{part!r} is {type(r[part]).__name__}, not a list", source=source,
                            field=f"{where}.{part}")  # fmt: skip
    if dims and len(r["dimensions"]) != len(dims):
        raise DataError(
            f"{len(r['dimensions'])} dimensions where the query names {len(dims)}",
            source=source, field=f"{where}.dimensions",
        )  # fmt: skip
    if len(r["metrics"]) > max(len(metrics), 1) and metrics:
        raise DataError(
            f"{len(r['metrics'])} metrics where the query names {len(metrics)}",
            source=source, field=f"{where}.metrics",
        )  # fmt: skip
    names = dims or [f"dimension{j}" for j in range(len(r["dimensions"]))]
    row = {str(k): v for k, v in zip(names, r["dimensions"], strict=False)}
    mnames = metrics or [f"metric{j}" for j in range(len(r["metrics"]))]
    row.update({str(k): None for k in mnames})  # absent metrics: missing
    row.update({str(k): v for k, v in zip(mnames, r["metrics"], strict=False)})
    return row


def _json_records(data: Any, source: str = "<json>") -> list[dict[str, Any]] | None:
    if isinstance(data, list) and all(isinstance(r, Mapping) for r in data):
        return [dict(r) for r in data]
    if isinstance(data, Mapping) and isinstance(data.get("results"), list):
        query = data.get("query") if isinstance(data.get("query"), Mapping) else {}
        dims = query.get("dimensions", []) if query else []
        metrics = query.get("metrics", []) if query else []
        if not isinstance(dims, list) or not isinstance(metrics, list):
            raise DataError("the query's dimensions and metrics are not lists", source=source,
                            field="query")  # fmt: skip
        out = []
        for i, r in enumerate(data["results"]):
            if not isinstance(r, Mapping):
                return None
            if "dimensions" in r and "metrics" in r:  # Plausible API v2
                out.append(_plausible_row(r, dims, metrics, source, i))
            else:
                out.append(dict(r))
        return out
    if isinstance(data, Mapping) and data and all(isinstance(v, list) for v in data.values()):
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
    blank = b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"
    if not raw[:4096].strip(blank) and not raw.strip(blank):
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
    box = [raw]  # handed over, so the bytes are freed once decoded
    del raw
    return [_csv_sheet(p, box)]
