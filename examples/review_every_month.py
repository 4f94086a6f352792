"""Review the Campfire goals at three monthly reviews, keeping each in a store.

Each review judges every goal as `goalrules check` does, saves it with its audit trail,
and compares it with the last earlier review: where each goal stands against the path
its target requires, how its chance moved, and the flags (reset_candidate after two
unrealistic reviews in a row, slipping, achieved, expired). What changed is sent as
alerts (here to a JSON-lines file; a webhook, Slack or mail in a scheduled job), never
twice for the same review. The same from the command line:

    goalrules review WORKSPACE --history history-2026-02-10.csv --store goals.db \
        --today 2026-02-10 --notify alerts.jsonl --why
    goalrules review --store goals.db --explain li-followers --date 2026-03-10
    goalrules review --store goals.db --track-record

Run: python examples/review_every_month.py
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import goalrules as gr
from goalrules.reviews.notify import notify

HERE = Path(__file__).parent / "data" / "reviews"
workspace = gr.demo_paths()["workspace"]
DAYS = ("2026-02-10", "2026-03-10", "2026-04-10")

with tempfile.TemporaryDirectory() as tmp:
    store = Path(tmp) / "goals.db"
    alerts = Path(tmp) / "alerts.jsonl"
    for day in DAYS:
        history = HERE / f"history-{day}.csv"
        today = dt.date.fromisoformat(day)
        result = gr.review(workspace, history, store=store, today=today)
        print(f"review {result.number}, {result.date}")
        for g in result.goals:
            if g.verdict is None or g.verdict == "insufficient_data":
                continue
            flags = "".join(f"  [{f.name}]" for f in g.flags)
            print(f"  {g.goal.id:<18} {g.verdict:<12} {g.trend()}{flags}")
        for moved in gr.why_moved(workspace, history, store=store, today=today):
            print(f"  why: {moved.sentence()}")
        sent = notify(result, str(alerts), store=store)
        print(f"  {len(sent.sent)} alerts sent")
    # a re-run of the last review: a new revision beside the first, no alert twice
    again = gr.review(workspace, HERE / f"history-{DAYS[-1]}.csv", store=store,
                      today=dt.date.fromisoformat(DAYS[-1]))  # fmt: skip
    assert notify(again, str(alerts), store=store).sent == ()
    print(f"\nreview {again.number} again: revision {again.revision}, no alert sent twice")
    for line in alerts.read_text().splitlines():
        for alert in json.loads(line)["alerts"]:
            print(f"  alert: {alert['message']}")
    said = gr.explain_review(store, "li-followers", dt.date(2026, 3, 10))
    print("\n" + said.render())
    print(gr.track_record(store).rests_on())
    with gr.open_store(store) as kept:
        frame = kept.goal_reviews()
        print(f"\n{len(kept.reviews())} reviews kept, {len(frame)} goal reviews")
