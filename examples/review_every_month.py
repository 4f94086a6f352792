"""Review the Campfire goals at three monthly reviews, keeping each in a store.

Each review judges every goal as `goalrules check` does, saves it, and compares it with
the last earlier review: where each goal stands against the path its target requires,
how its chance moved, and the flags (reset_candidate after two unrealistic reviews in a
row, slipping, achieved, expired). The same from the command line:

    goalrules review WORKSPACE --history history-2026-02-10.csv --store goals.db --today 2026-02-10

Run: python examples/review_every_month.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import goalrules as gr

HERE = Path(__file__).parent / "data" / "reviews"
workspace = gr.demo_paths()["workspace"]

with tempfile.TemporaryDirectory() as tmp:
    store = Path(tmp) / "goals.db"
    for day in ("2026-02-10", "2026-03-10", "2026-04-10"):
        result = gr.review(workspace, HERE / f"history-{day}.csv", store=store,
                           today=dt.date.fromisoformat(day))  # fmt: skip
        print(f"review {result.number}, {result.date}")
        for g in result.goals:
            if g.verdict is None or g.verdict == "insufficient_data":
                continue
            flags = "".join(f"  [{f.name}]" for f in g.flags)
            print(f"  {g.goal.id:<18} {g.verdict:<12} {g.trend()}{flags}")
    with gr.open_store(store) as kept:
        frame = kept.goal_reviews()
        print(f"\n{len(kept.reviews())} reviews kept, {len(frame)} goal reviews")
