"""An Excel workbook checked before it is read: what it unpacks to, and the cells its
sheets claim.

An ``.xlsx`` (or ``.ods``) file is a zip archive of XML, and a reader unpacks it whole
into memory. A zip archive may hold far more than its size says: 1.5 MB of compressed
``a``\\ s in ``sharedStrings.xml`` unpacked to 1.5 GB and took the reader 6 GB and a
minute. :func:`check_workbook` unpacks the archive once as a stream, counting, before
any reader sees it: the whole may unpack to at most :data:`MAX_RATIO` times the file's
size (an export's XML packs about ten to one) and at most :data:`MAX_UNPACKED` bytes,
and no sheet may claim more than :data:`MAX_CELLS` cells (a cell at ``XFD1048576``
makes the reader allocate every cell up to it). The old binary ``.xls`` is no zip
archive and is left to its reader.
"""

from __future__ import annotations

import os
import re

from goalrules.errors import DataError, LimitError

__all__ = ["MAX_CELLS", "MAX_RATIO", "MAX_UNPACKED", "check_workbook"]

MAX_CELLS = 5_000_000  # rows x columns a sheet may claim (an export has a few thousand)
MAX_RATIO = 100  # unpacked bytes per byte of the file
MAX_UNPACKED = 512 * 1000**2  # bytes the whole archive may unpack to
_FLOOR = 16 * 1000**2  # what any workbook may unpack to, whatever its ratio

_CELL_REF = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\br="([A-Z]*)(\d+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def check_workbook(path: str | os.PathLike[str]) -> None:
    """Refuse a workbook that unpacks to more than it may, or whose sheets claim more
    than :data:`MAX_CELLS` cells: a :class:`~goalrules.errors.LimitError` or
    :class:`~goalrules.errors.DataError` naming the file, raised before it is read."""
    import zipfile

    source = os.fspath(path)
    try:
        book = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        return  # the old binary .xls, or damaged: the reader says which
    limit = min(MAX_UNPACKED, max(_FLOOR, MAX_RATIO * os.path.getsize(source)))
    unpacked = 0
    with book:
        for info in book.infolist():
            sheet = _SHEET.fullmatch(info.filename) is not None
            rows = cols = 0
            tail = b""
            try:
                with book.open(info) as fh:
                    while chunk := fh.read(1 << 20):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            raise LimitError(
                                f"the workbook unpacks to more than {limit:,} bytes "
                                f"({info.filename} and those before it): not an export; "
                                "save the sheet as CSV",
                                source=source,
                            )
                        if not sheet:
                            continue
                        data = tail + chunk
                        for m in (*_DIMENSION.finditer(data), *_CELL_REF.finditer(data)):
                            rows = max(rows, int(m[2]))
                            cols = max(cols, _column_number(m[1]) if m[1] else 0)
                        tail = data[-256:]
                        if rows * max(cols, 1) > MAX_CELLS:
                            name = info.filename.rsplit("/", 1)[-1]
                            raise DataError(
                                f"the sheet {name} claims {rows:,} rows x {max(cols, 1):,} "
                                f"columns (more than {MAX_CELLS:,} cells): not an export; "
                                "save the sheet's used range as CSV",
                                source=source,
                            )
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                return  # a damaged or encrypted member: the reader says which
