"""An Excel file is checked before it is unpacked: a zip archive whose XML unpacks to a
hundred times its size and more (a "zip bomb": 1.5 MB of ``a``\\ s that unpacked to
1.5 GB took the reader 6 GB and a minute) is a LimitError naming the file, and an
export's workbook, which packs about ten to one, is read as before."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from goalrules.cli import main
from goalrules.errors import LimitError
from goalrules.workbooks import MAX_RATIO, check_workbook

_NS = "http://schemas.openxmlformats.org"
_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_NS}/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship '
    f'Id="rId1" Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" '
    f'xmlns:r="{_NS}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" '
    'sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_NS}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/worksheet" '
    f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_NS}/officeDocument/'
    '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
}


def _workbook(path: Path, text: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in _PARTS.items():
            z.writestr(name, xml)
        z.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_NS}/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'.encode()
            + text
            + b"</t></si></sst>",
        )
    return path


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path, capsys: Any) -> None:
    bomb = _workbook(tmp_path / "followers.xlsx", b"a" * 40_000_000)
    assert bomb.stat().st_size * MAX_RATIO < 40_000_000
    with pytest.raises(LimitError, match="the workbook unpacks to more than"):
        check_workbook(bomb)
    assert main(["import", str(bomb)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "followers.xlsx: the workbook unpacks to more than" in err


def test_a_workbook_that_packs_as_exports_do_is_read(tmp_path: Path) -> None:
    """Text that does not repeat itself packs a few to one: far under the bound."""
    import random

    rng = random.Random(1)
    text = "".join(rng.choice("abcdefghij0123456789 ") for _ in range(2_000_000)).encode()
    check_workbook(_workbook(tmp_path / "ok.xlsx", text))  # no error


def test_a_decision_table_workbook_is_checked_too(tmp_path: Path, capsys: Any) -> None:
    """`rules check x.table.xlsx` unpacked a 200 kB table to 200 MB of shared strings
    (856 MB of memory) before reading it: now refused as an export is."""
    bomb = _workbook(tmp_path / "points.table.xlsx", b"a" * 40_000_000)
    assert main(["rules", "check", str(bomb)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "points.table.xlsx" in err
    assert "the workbook unpacks to more than" in err
