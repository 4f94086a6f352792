"""A first workspace of your own, as `goalrules init` writes it, judged from Python by
the names the command line uses.

`init_workspace` writes a commented workspace.toml (every key, what it means, its
default), six months of history and performance ending last month, which its
`[workspace]` table names; `run_check` is `goalrules check`. Numbers read the same
everywhere, in the locale you choose.

Run: python examples/start_a_workspace.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import goalrules as gr
from goalrules.numbers import format_percent, use_locale

folder = Path(tempfile.mkdtemp()) / "acme-social"
written = gr.init_workspace(folder, name="Acme", today=dt.date(2026, 1, 10))
print("wrote", ", ".join(p.name for p in written))

workspace = gr.load_workspace(folder / "workspace.toml")
print(repr(workspace))
# its [workspace] table names the data: history.csv and performance.csv beside it
print("  data:", ", ".join(Path(p).name for p in (*workspace.history, *workspace.performance)))

result = gr.run_check(workspace)  # reads the files the workspace names
print(repr(result))
for goal in result.goals:
    ach = goal.smart.achievability
    verdict = ach.verdict.value if ach else "no history"
    print(f"  {goal.id}: SMART {goal.smart.score:.0f}/100, {verdict}")
    for fix in goal.smart.suggestions:
        print(f"    - {fix}")
for decision in result.channels:
    share = format_percent(decision.evidence.visits_share)
    print(f"  {decision.channel}: {decision.decision.value} ({share} of visits)")

with use_locale("de"):  # a German team reads "74,8 %"
    print("  auf Deutsch:", format_percent(result.channels[0].evidence.visits_share))
