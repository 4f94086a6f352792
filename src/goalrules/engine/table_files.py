"""Decision tables in Excel: read with python-calamine, written with openpyxl
(``pip install 'goalrules[excel]'``). The grammar is the CSV file's: a first cell
starting with ``#`` is a comment or directive, then the header, then the rows; a text
cell an analyst typed without quotes (``a lot``) is read as text."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from goalrules.errors import DataError, GoalRulesError

__all__ = ["write_xlsx", "xlsx_items", "xlsx_text"]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def _quoted_if_needed(text: str, header: bool) -> str:
    """A cell that does not read as a value or condition is text, as typed."""
    from goalrules.dsl import ast
    from goalrules.dsl.parser import parse_expression

    if header or text in ("", "-") or text.startswith(("<", ">", "=", "!", "in ", "not in ",
                                                          "is ", "[", "(", "]")):  # fmt: skip
        return text
    try:
        parse_expression(text)
    except GoalRulesError:
        return ast.unparse(ast.Str(text))
    return text


def _sheet(path: Path) -> list[list[Any]]:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise DataError("reading .xlsx tables needs python-calamine: pip install "
                        "'goalrules[excel]'", source=str(path)) from None  # fmt: skip
    from goalrules.workbooks import check_workbook

    check_workbook(path)  # a zip bomb refused before it is unpacked
    try:
        book = CalamineWorkbook.from_path(str(path))
        rows: list[list[Any]] = book.get_sheet_by_index(0).to_python()
    except Exception as exc:  # calamine's own errors: a file that is not a workbook
        raise DataError(f"cannot read the workbook: {exc}", source=str(path)) from None
    return rows


def xlsx_items(path: Path) -> list[tuple[int, str | None, list[str], list[int]]]:
    """The first sheet as the table loader's lines (row numbers are line numbers,
    column numbers are the cells' columns)."""
    items: list[tuple[int, str | None, list[str], list[int]]] = []
    header_seen = False
    for n, raw in enumerate(_sheet(path), start=1):
        cells = [_cell_text(v) for v in raw]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if cells[0].startswith("#"):
            items.append((n, " ".join(c for c in cells if c)[1:].strip(), [], []))
            continue
        texts = [_quoted_if_needed(c, not header_seen) for c in cells]
        header_seen = True
        items.append((n, None, texts, list(range(1, len(texts) + 1))))
    return items


def xlsx_text(path: Path) -> str:
    """The first sheet as ``.table.csv`` text."""
    from goalrules.engine.decision_table import table_from_items

    return table_from_items(xlsx_items(path), str(path)).to_csv()


def write_xlsx(grid: list[list[str]], path: Path) -> None:
    """Write a table's grid (directives, header, rows) to the first sheet of ``path``."""
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped]
    except ImportError:
        raise DataError("writing .xlsx tables needs openpyxl: pip install 'goalrules[excel]'",
                        source=str(path)) from None  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, cells in enumerate(grid, start=1):
        for c, text in enumerate(cells, start=1):
            cell = sheet.cell(row=r, column=c, value=text)
            cell.data_type = "s"  # "=> level" and "== 3" are text, not formulas
    book.save(str(path))
