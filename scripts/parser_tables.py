"""Write the rule grammar's LALR tables into the package, as JSON.

Run after editing ``src/goalrules/dsl/grammar.lark`` (or upgrading lark)::

    python scripts/parser_tables.py

The tables are data: the parser loads them with ``json``, never with ``pickle``, so no
file anywhere can make it run code. ``tests/test_security.py`` fails while the shipped
tables do not match the grammar.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import lark

from goalrules.dsl import lalr as parser


def main() -> None:
    doc = parser.tables_document()
    text = json.dumps(doc, separators=(",", ":")) + "\n"
    loaded = parser._read_tables(text)
    shipped = lark.Lark._load_from_dict(loaded["data"], loaded["memo"])
    built = lark.Lark(parser._grammar(), **parser._OPTIONS)
    for item in resources.files("goalrules.rules").iterdir():
        if item.name.endswith(".rules"):
            rules = item.read_text("utf-8")
            assert shipped.parse(rules, start="start") == built.parse(rules, start="start")
    target = Path(parser.__file__).with_name(parser.TABLES)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
