"""Write the shipped rulesets' syntax trees into the package, as JSON.

Run after editing a ``src/goalrules/rules/*.rules`` file, the grammar or the parser::

    python scripts/parsed_rules.py

A run then compiles the shipped rules from these trees instead of parsing their text
(see ``goalrules.dsl.trees``). The trees are data, read with ``json``; a tree is used
only while its ruleset's text is the one it was parsed from. ``tests/test_trees.py``
fails while the shipped trees do not match what the parser gives.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from goalrules.dsl import trees


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


if __name__ == "__main__":
    main()
