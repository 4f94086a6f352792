"""Export files as grids of cells, whatever their container: CSV in UTF-8 or UTF-16 (with
or without a byte-order mark, with a ``sep=`` line), Excel (``.xlsx`` and the old binary
``.xls``, every sheet, through python-calamine: ``pip install 'goalrules[excel]'``),
JSON (a list of records, or the Plausible API's ``results``), and tables already in
memory (pandas, polars or Arrow tables, lists of records).

Nothing is interpreted here: the preset decides which row is the header and what the
cells mean. Each row keeps the line (or sheet row) it came from, for error messages.

A CSV file is never held whole: its encoding is checked in one streaming pass, it is
parsed once (every CSV error, in the order of the file) keeping only its first rows,
and each later pass over its rows reads the file again (:class:`StreamRows`). Excel
and JSON files are read whole.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import attrs

from goalrules.errors import DataError, GoalRulesError, WorkspaceError
from goalrules.io.files import MAX_COLUMNS, _open_binary, check_columns
from goalrules.model.tables import plain, records
from goalrules.workbooks import check_workbook

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@attrs.frozen
class Sheet:
    """One grid of cells: a CSV file, or one sheet of a workbook."""

    source: str  # the file (with "[sheet]" for a workbook's sheet)
    name: str  # the file name, for detection
    rows: Sequence[tuple[int, tuple[Any, ...]]]  # (line, cells); a CSV file's are streamed
    sheet: str | None = None
    notes: tuple[str, ...] = ()
    # the period the file states beside its rows (a Plausible response's query
    # date_range, as the API resolved it): (first day, last day)
    period: tuple[_dt.date, _dt.date] | None = None


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
        _check_utf16_line(line, number, source)


def _check_utf16_line(line: str, number: int, source: str) -> None:
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


CHUNK = 1 << 16  # bytes read at a time
HEAD_ROWS = 64  # rows of a CSV file kept in memory (for the header and the preamble)
LINE_LIMIT = 1 << 24  # characters of a line: a row of 16,384 cells of 1,000 characters


def _head_encoding(head: bytes) -> tuple[str, int]:
    """The encoding :func:`_decode` would choose from the file's first bytes (``""`` for
    UTF-8 without a byte-order mark), and the bytes to skip."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16", 0
    if head.startswith(codecs.BOM_UTF8):
        return "UTF-8", 3
    head = head[:4000]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return "UTF-16-LE", 0
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return "UTF-16-BE", 0
    return "", 0


@attrs.frozen
class _Text:
    """How a CSV file's bytes become lines: read again for each pass over its rows."""

    path: Path
    encoding: str  # a codec name
    errors: str = "strict"
    skip: int = 0  # bytes before the text (a UTF-8 byte-order mark)
    mac: bool = False  # lines end with a lone carriage return

    def _too_long(self, source: str, number: int) -> DataError:
        return DataError(
            f"a line longer than {LINE_LIMIT:,} characters: not a row of an export (a "
            "file without line ends, or another file pasted in)",
            source=source or str(self.path),
            line=number,
        )

    def lines(self, source: str = "", check16: bool = False) -> Iterator[str]:
        """The file's lines, each with its line end (split at line feeds only, or at
        carriage returns in a file without a line feed), never the whole text in
        memory; with ``check16``, each line checked as in :func:`_check_utf16`."""
        decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
        pieces: list[str] = []  # the line read so far, in the chunks it came in
        size = 0
        number = 0
        with _open_binary(self.path) as fh:
            fh.seek(self.skip)
            done = False
            while not done:
                chunk = fh.read(CHUNK)
                done = not chunk
                text = decoder.decode(chunk, final=done)
                if self.mac:
                    text = text.replace("\r", "\n")
                start = 0
                # only the new text is searched for a line end: a line of 200 MB was
                # searched and copied again with each chunk (hours, where this is seconds)
                while (end := text.find("\n", start)) >= 0:
                    number += 1
                    line = text[start : end + 1]
                    if pieces:
                        if size + end - start > LINE_LIMIT:
                            raise self._too_long(source, number)
                        line, pieces, size = "".join(pieces) + line, [], 0
                    if check16:
                        _check_utf16_line(line[:-1], number, source)
                    yield line
                    start = end + 1
                if start < len(text):
                    pieces.append(text[start:])
                    size += len(text) - start
                    if size > LINE_LIMIT:
                        raise self._too_long(source, number + 1)
        rest = "".join(pieces)
        if rest:
            if check16:
                _check_utf16_line(rest, number + 1, source)
            yield rest


class StreamRows(Sequence[tuple[int, tuple[Any, ...]]]):
    """A CSV file's rows as ``(line, cells)``, parsed again from the file on each pass:
    only the first :data:`HEAD_ROWS` rows stay in memory. Repeated cells (dates,
    channels, small counts) share one string within a pass."""

    def __init__(self, text: _Text, source: str, sep: str, start: int) -> None:
        self._text, self._source, self._sep, self._start = text, source, sep, start
        self._head: tuple[tuple[int, tuple[Any, ...]], ...] = ()
        self._len = 0
        rows = 0
        head: list[tuple[int, tuple[Any, ...]]] = []
        for row in self._parse():  # a first pass: every CSV error, in the order of the file
            if rows < HEAD_ROWS:
                head.append(row)
            rows += 1
        self._head, self._len = tuple(head), rows

    def _parse(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        lines = self._text.lines()
        if self._start:
            next(lines, None)
        reader = csv.reader(lines, delimiter=self._sep)
        previous = 0
        shared: dict[str, str] = {}
        try:
            for cells in reader:
                line = self._start + previous + 1
                previous = reader.line_num
                if len(cells) > MAX_COLUMNS:
                    check_columns(len(cells), self._source, line)
                yield line, tuple(shared.setdefault(c, c) if len(c) < 40 else c
                                  for c in (x.strip() for x in cells))  # fmt: skip
                if len(shared) > 8192:
                    shared.clear()
        except csv.Error as exc:
            raise _csv_error(exc, self._source, self._start + previous + 1) from None

    def __iter__(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        if self._len <= HEAD_ROWS:
            return iter(self._head)
        return self._parse()

    def __len__(self) -> int:
        return self._len

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(other) == self._len and all(a == b for a, b in zip(self, other, strict=False))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __bool__(self) -> bool:
        return self._len > 0

    @overload
    def __getitem__(self, index: int) -> tuple[int, tuple[Any, ...]]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, tuple[Any, ...]], ...]: ...
    def __getitem__(self, index: int | slice) -> Any:
        size = len(self._head)
        if isinstance(index, int):
            if 0 <= index < size:
                return self._head[index]
            return tuple(self)[index]
        lo, hi, step = index.indices(self._len)
        if step == 1 and hi <= size:
            return self._head[lo:hi]
        return tuple(self)[index]


def _is_blank(path: Path) -> bool:
    blank = b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"
    with _open_binary(path) as fh:
        while chunk := fh.read(CHUNK):
            if chunk.strip(blank):
                return False
    return True


def _text_of(path: Path, head: bytes, source: str) -> tuple[_Text, tuple[str, ...]]:
    """How to read the file as text, checked over the whole file in one streaming pass
    (the same outcome as :func:`_decode`: an error naming the line, or Windows-1252
    with a note)."""
    encoding, skip = _head_encoding(head)
    text = _Text(path, (encoding or "UTF-8").lower(), skip=skip)
    newline = carriage = False
    try:
        for line in text.lines(source, check16="16" in encoding):
            newline = newline or line.endswith("\n")
            carriage = carriage or "\r" in line
    except UnicodeDecodeError:
        with _open_binary(path) as fh:
            raw = fh.read()
        whole, notes = _decode(raw, source)  # the error naming the line, or Windows-1252
        del raw
        mac = "\n" not in whole and "\r" in whole
        del whole
        return attrs.evolve(text, encoding="cp1252", errors="replace", skip=0, mac=mac), notes
    return attrs.evolve(text, mac=not newline and carriage), ()


def _csv_sheet(path: Path, head_bytes: bytes) -> Sheet:
    """One CSV file as a grid whose rows are read from the file on each pass."""
    source = str(path)
    text, notes = _text_of(path, head_bytes, source)
    parts: list[str] = []
    size = 0
    for ln in text.lines():
        parts.append(ln)
        size += len(ln)
        if size >= 1 << 16:
            break
    head = "".join(parts)[: 1 << 16].splitlines()[:41]
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
    rows = StreamRows(text, source, sep, start)
    return Sheet(source=source, name=path.name, rows=rows, notes=notes)


def _excel_sheets(path: Path) -> list[Sheet]:
    source = str(path)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise DataError(
            "Excel files need python-calamine: pip install 'goalrules[excel]'", source=source
        ) from None
    check_workbook(path)
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
    sheet = records_sheet(records, source=source, name=path.name, notes=notes)
    period = _stated_period(data)
    return sheet if period is None else attrs.evolve(sheet, period=period)


def _stated_period(data: Any) -> tuple[_dt.date, _dt.date] | None:
    """The period a Plausible response states: its query's ``date_range`` as the API
    resolved it (``["2026-01-15", "2026-03-14"]``, or times with their offset, read in
    their own day); ``None`` when it states none that reads so."""
    query = data.get("query") if isinstance(data, Mapping) else None
    found = query.get("date_range") if isinstance(query, Mapping) else None
    if not isinstance(found, list) or len(found) != 2 or not all(isinstance(d, str) for d in found):
        return None
    try:
        start, end = (_dt.date.fromisoformat(d.strip()[:10]) for d in found)
    except ValueError:
        return None
    return (start, end) if start <= end else None


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


#: Plausible's ``events`` metric of a query without a goal filter: every event
EVERY_EVENT = "events (every event: the query has no goal filter)"


def _names_goal(filters: Any) -> bool:
    """Whether a Plausible query's filters name a goal (``["is", "event:goal", [...]]``,
    at any depth)."""
    if isinstance(filters, str):
        return filters == "event:goal"
    if isinstance(filters, (list, tuple)):
        return any(_names_goal(f) for f in filters)
    return False


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
        if "events" in metrics and not _names_goal(query.get("filters") if query else None):
            # Plausible's events are every event, pageviews included, unless the query
            # filters by a goal (then they are its conversions): not leads
            metrics = [EVERY_EVENT if m == "events" else m for m in metrics]
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
        if len(header) > MAX_COLUMNS:
            check_columns(len(header), source, 1)
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
    if _is_blank(p):
        size = p.stat().st_size
        raise WorkspaceError(
            "the file is empty"
            if size == 0
            else f"the file holds no text: its {size:,} bytes are blanks, NUL bytes or "
            "byte-order marks",
            source=str(p),
        )
    with _open_binary(p) as fh:
        head = fh.read(CHUNK)
    if head[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):  # a workbook named .csv
        return _excel_sheets(p)
    if p.suffix.lower() == ".json":  # read whole: an export's JSON is small
        with _open_binary(p) as fh:
            return [_json_sheet(p, fh.read())]
    if p.suffix.lower() in (".parquet", ".pq"):
        try:
            import polars as pl
        except ImportError:
            raise DataError(
                "Parquet files need polars: pip install 'goalrules[arrow]'", source=str(p)
            ) from None
        return [table_sheet(pl.read_parquet(p), source=str(p))]
    return [_csv_sheet(p, head)]
