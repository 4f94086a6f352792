"""An alert a review run again no longer says is taken back.

March's review flagged branded-content as slipping and the alert went out; March was
reviewed again from corrected data (revision 2), and the flag was gone, but nothing was
sent: the channel kept 'branded-content is flagged as slipping', and April's review saw
no change to clear (its last review, March's revision 2, had no flag). A re-run now
sends a withdrawal of each alert it no longer says; an alert said again after it is sent
again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import goalrules as gr
from goalrules.reviews.notify import notify

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]
RULES = gr.shipped_ruleset("review").with_params(slipping="10 %")


def _run(store: Path, day: str, data: str, target: Path) -> list[dict[str, object]]:
    result = gr.review(WS, EXAMPLE / f"history-{data}.csv", store=store,
                       today=D.fromisoformat(day), rules=RULES)  # fmt: skip
    before = target.read_text().splitlines() if target.exists() else []
    notify(result, str(target), store=store, digest=True)
    lines = (target.read_text().splitlines() if target.exists() else [])[len(before) :]
    return [a for line in lines for a in json.loads(line)["alerts"]]


def _slipping(alerts: list[dict[str, object]]) -> list[dict[str, object]]:
    return [a for a in alerts if a["goal"] == "branded-content" and "slipping" in str(a["subject"])]


def test_a_flag_a_rerun_no_longer_raises_is_withdrawn(tmp_path: Path) -> None:
    store, target = tmp_path / "goals.db", tmp_path / "alerts.jsonl"
    _run(store, "2026-02-10", "2026-02-10", target)
    (raised,) = _slipping(_run(store, "2026-03-10", "2026-03-10", target))
    assert raised["change"] == "raised"
    # March again, from data that shows no fall: the flag is gone, and taken back
    (back,) = _slipping(_run(store, "2026-03-10", "2026-02-10", target))
    assert back["change"] == "withdrawn"
    assert back["message"] == (
        "branded-content: the review of 2026-03-10 was run again (revision 2): it no longer "
        "flags it as slipping."
    )
    assert _slipping(_run(store, "2026-03-10", "2026-02-10", target)) == []  # once
    # said again by a third run: sent again, and taken back again by a fourth
    (again,) = _slipping(_run(store, "2026-03-10", "2026-03-10", target))
    assert again["change"] == "raised"
    (back,) = _slipping(_run(store, "2026-03-10", "2026-02-10", target))
    assert back["change"] == "withdrawn" and "(revision 5)" in str(back["message"])


def test_a_rerun_that_says_the_same_sends_nothing(tmp_path: Path) -> None:
    store, target = tmp_path / "goals.db", tmp_path / "alerts.jsonl"
    _run(store, "2026-02-10", "2026-02-10", target)
    first = _run(store, "2026-03-10", "2026-03-10", target)
    assert first
    assert _run(store, "2026-03-10", "2026-03-10", target) == []
