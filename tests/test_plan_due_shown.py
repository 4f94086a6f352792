"""The plan's due dates read as a count of dates in every format: the text report's
"2026-01-12 (+12)" read like a date twelve days on, where the markdown said "(+10
more)" beside its three dates."""

from __future__ import annotations

import re

from goalrules.check import demo_paths, run_check
from goalrules.report import render


def test_the_text_and_the_markdown_count_the_same_due_dates() -> None:
    paths = demo_paths()
    result = run_check(paths["workspace"], history=paths["history"], today="2026-01-10")
    assert result.plan is not None
    text, markdown = render(result, "text"), render(result, "markdown")
    seen = 0
    for r in result.plan.ranked:
        due = result.plan.due_dates(r.id)
        if len(due) < 2:
            continue
        line = next(ln for ln in text.splitlines() if f" {r.id[:24]} " in ln)
        assert line.endswith(f"{due[0].isoformat()} (+{len(due) - 1} more)"), line
        row = next(ln for ln in markdown.splitlines() if f"| {r.id} |" in ln)
        shown = re.findall(r"\d{4}-\d{2}-\d{2}", row.split("|")[-2])
        more = re.search(r"\(\+(\d+) more\)", row)
        assert len(shown) + (int(more.group(1)) if more else 0) == len(due), row
        seen += 1
    assert seen
