"""A stored review rendered again is the record of its day: when the rules goalrules
ships have changed since, its verdicts are not what goalrules says now, and the report
says so (in text, markdown and HTML; the JSON keeps its shape). Before, a review stored
by an older goalrules ("expired" where the history ended before the deadline) was shown
like a fresh one. What a review's notes say is in every format, not the text alone."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import goalrules as gr
from goalrules.cli import main
from goalrules.report.review import render_review
from goalrules.reviews.stored import stored_review

D = dt.date
DAY = D(2026, 2, 10)


def _stored(tmp_path: Path) -> Path:
    p = gr.demo_paths()
    store = tmp_path / "goals.db"
    gr.review(p["workspace"], p["history"], store=store, today=DAY)
    return store


def _older_rules(store: Path) -> None:
    with contextlib.closing(sqlite3.connect(store)) as con:
        (audit,) = con.execute("SELECT audit FROM revisions").fetchone()
        trail = json.loads(audit)
        trail["rulesets"]["review"] = "0" * 64  # the review rules of an older goalrules
        con.execute("UPDATE revisions SET audit = ?", (json.dumps(trail),))
        con.commit()


def test_a_review_stored_under_other_rules_says_so(tmp_path: Path) -> None:
    store = _stored(tmp_path)
    assert not any("as stored" in n for n in stored_review(store, DAY).notes)
    _older_rules(store)
    kept = stored_review(store, DAY)
    (said,) = [n for n in kept.notes if "as stored" in n]
    assert "the review rules differ from those goalrules ships now" in said
    assert "achievability" not in said  # only what changed
    for fmt in ("text", "markdown", "html"):
        out = io.StringIO()
        assert main(["review", "--store", str(store), "--date", DAY.isoformat(), "--format",
                     fmt], out=out) == 0  # fmt: skip
        assert "shown as stored (revision 1 of 1)" in out.getvalue(), fmt
    assert set(json.loads(render_review(kept, "json"))) == {"review", "goals"}


def test_every_format_gives_the_notes(tmp_path: Path) -> None:
    p = gr.demo_paths()
    result = gr.review(p["workspace"], p["history"], store=tmp_path / "g.db", today=DAY)
    noted = gr.ReviewResult(result.workspace, result.date, result.number, result.goals,
                            result.check, result.history,
                            ("the last week of the export is partial: left out",))  # fmt: skip
    for fmt in ("text", "markdown", "html"):
        assert "the last week of the export is partial" in render_review(noted, fmt), fmt
