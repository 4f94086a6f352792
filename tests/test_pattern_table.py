"""The shipped regular expressions' code made ahead of time (goalrules.pattern_table):
each pattern made from it is the pattern ``re`` compiles, the table holds every shipped
pattern, and a table not written for this Python (or not a table) is not read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules import pattern_table, patterns
from goalrules.patterns import LazyPattern

TABLE = Path(patterns.__file__).with_name(pattern_table.TABLE_FILE)


def _entries() -> dict[tuple[str, int], list[object]]:
    import json

    head = json.loads(TABLE.read_bytes().partition(b"\n")[0])
    if {k: head[k] for k in ("python", "magic", "codesize", "byteorder")} != pattern_table.engine():
        pytest.skip(f"{TABLE.name} was written by another Python (python scripts/parsed_rules.py)")
    patterns._read_table()
    assert patterns._table
    return patterns._table


def test_the_table_holds_every_shipped_pattern_as_re_compiles_it() -> None:
    """Run ``python scripts/parsed_rules.py`` after editing a pattern."""
    table = _entries()
    missing = [p for p in pattern_table.shipped_patterns() if p not in table]
    assert not missing, f"not in {TABLE.name}: {missing[:3]} (python scripts/parsed_rules.py)"
    assert TABLE.read_bytes() == pattern_table.table_bytes(sorted(table))


def test_a_pattern_made_from_the_table_is_the_pattern_re_compiles() -> None:
    for pattern, flags in _entries():
        made = patterns._from_table(pattern, flags)
        assert made is not None and made == re.compile(pattern, flags), pattern
        assert (made.flags, made.groups, made.groupindex) == (
            re.compile(pattern, flags).flags, re.compile(pattern, flags).groups,
            re.compile(pattern, flags).groupindex)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_shipped_pattern_finds_what_re_finds(data: st.DataObject) -> None:
    (pattern, flags) = data.draw(st.sampled_from(sorted(_entries())))
    text = data.draw(st.text(alphabet="abc 0123456789.,%$-:/kKmM\u00a0αβ", max_size=40))
    mine, theirs = LazyPattern(pattern, flags), re.compile(pattern, flags)
    assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]


@pytest.mark.parametrize(
    "table",
    [
        b"",  # empty
        b"not json\n\x00\x00",
        b'{"python":[2,7],"magic":1,"codesize":4,"byteorder":"little","patterns":[]}\n',
    ],
)
def test_no_table_or_another_pythons_is_not_read(
    table: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / pattern_table.TABLE_FILE).write_bytes(table)
    monkeypatch.setattr(patterns, "__file__", str(tmp_path / "patterns.py"))
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "_code", None)
    pattern = next(iter(_table_of_the_package()))
    assert patterns._from_table(*pattern) is None  # compiled as usual
    assert LazyPattern("a+b", re.I).search("xAAB") is not None


def test_code_that_is_not_a_patterns_own_is_compiled_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine checks the code it takes: an entry whose code is not valid (a file
    altered) gives no pattern, and the pattern is compiled as re compiles it."""
    head, _, body = TABLE.read_bytes().partition(b"\n")
    (tmp_path / pattern_table.TABLE_FILE).write_bytes(head + b"\n" + b"\xff" * len(body))
    monkeypatch.setattr(patterns, "__file__", str(tmp_path / "patterns.py"))
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "_code", None)
    pattern, flags = next(iter(_table_of_the_package()))
    assert patterns._from_table(pattern, flags) is None
    assert LazyPattern(pattern, flags)._compile() == re.compile(pattern, flags)


def _table_of_the_package() -> list[tuple[str, int]]:
    head = TABLE.read_bytes().partition(b"\n")[0]
    import json

    return [(p[0], p[1]) for p in json.loads(head)["patterns"]]
