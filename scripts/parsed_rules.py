"""Write the shipped rulesets' syntax trees, the language packs' data and Babel's
currency data into the package as JSON, and the rulesets' fast code as Python modules.

Run after editing a ``src/goalrules/rules/*.rules`` file, the grammar, the parser or
the compiler, a language pack (``src/goalrules/vocabulary/packs/*.toml``) or a regular
expression (a ``LazyPattern``), or after upgrading Babel or Python::

    python scripts/parsed_rules.py

A run then compiles the shipped rules from these trees instead of parsing their text
(see ``goalrules.dsl.trees``), reads the packs without a TOML parser, and the currencies
without loading Babel's locale data. All are data, read with ``json``; each is used only
while the text (or the Babel version) it was read from is unchanged.
``tests/test_trees.py`` and ``tests/test_currency_data.py`` fail while they do not match
what the parsers and Babel give.

The shipped regular expressions' compiled code goes to ``src/goalrules/patterns.code``
(see ``goalrules.pattern_table``); ``tests/test_pattern_table.py`` fails while it misses
one. The rules' fast code goes to ``src/goalrules/engine/compiled_rules/NAME.py`` (see
``goalrules.engine.shipped_code``), written after the trees, from them;
``tests/test_compiled_rules.py`` fails while a module is not what the compiler gives.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from goalrules import pattern_table
from goalrules.dsl import trees
from goalrules.engine import shipped_code
from goalrules.model import currencies
from goalrules.vocabulary import languages


def packs_document() -> dict[str, Any]:
    """``{file name: {"sha256", "data"}}`` of every pack goalrules ships."""
    folder = resources.files("goalrules.vocabulary.packs")
    out: dict[str, Any] = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".toml"):
            text = item.read_text("utf-8")
            data = tomllib.loads(text)
            assert json.loads(json.dumps(data)) == data, f"{item.name} holds no JSON data"
            out[item.name] = {"sha256": languages.pack_digest(text), "data": data}
    return out


def write_packs() -> None:
    # key order kept: a pack's patterns apply in the order written
    text = json.dumps(packs_document(), ensure_ascii=False, indent=1) + "\n"
    target = Path(
        str(resources.files("goalrules.vocabulary.packs").joinpath(languages.PARSED_PACKS))
    )
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text):,} bytes)")


def write_currencies() -> None:
    doc = {"babel": currencies.babel_version(), "currencies": currencies.babel_currencies()}
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target = Path(str(resources.files("goalrules.model").joinpath(currencies.SHIPPED_DATA)))
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text):,} bytes)")


def main() -> None:
    folder = resources.files("goalrules.rules")
    texts = {
        item.name[: -len(".rules")]: item.read_text("utf-8")
        for item in folder.iterdir()
        if item.name.endswith(".rules") and not item.name.endswith(".test.rules")
    }
    doc = trees.parsed_document(texts)
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n"
    for name, entry in json.loads(text)["rulesets"].items():
        assert trees.encode(trees.decode(entry["tree"])) == doc["rulesets"][name]["tree"]
    target = Path(str(folder.joinpath(trees.PARSED)))
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text):,} bytes, {len(texts)} rulesets)")
    write_compiled(texts)
    write_packs()
    write_currencies()
    write_pattern_table()


def write_compiled(texts: dict[str, str]) -> None:
    trees._document.cache_clear()  # the trees just written
    folder = Path(str(resources.files(shipped_code.PACKAGE)))
    for name, text in sorted(texts.items()):
        code = shipped_code.module_source(name, text)
        target = folder / f"{name}.py"
        target.write_text(code, encoding="utf-8")
        print(f"wrote {target} ({code.count('def rule_')} rules' fast code)")


def write_pattern_table() -> None:
    patterns = pattern_table.shipped_patterns()
    data = pattern_table.table_bytes(patterns)
    target = Path(str(resources.files("goalrules").joinpath(pattern_table.TABLE_FILE)))
    target.write_bytes(data)
    print(f"wrote {target} ({len(data):,} bytes, {len(patterns)} patterns' code)")


if __name__ == "__main__":
    main()
