"""Keep, optimize or cut each network, from monthly performance rows.

Run: python examples/decide_channels.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import goalrules as gr

HERE = Path(__file__).parent
with (HERE / "data" / "campfire-performance.csv").open(encoding="utf-8") as fh:
    rows = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(fh)]

# The role each network plays, and the formats tried on it (the guides: experiment
# with formats before judging).
channels = [
    gr.Channel("linkedin", role="leads", formats_tried=["article", "carousel", "video"]),
    gr.Channel("facebook", role="traffic", formats_tried=["video", "live", "image"]),
    gr.Channel("x", role="traffic", formats_tried=["image", "video"]),
    gr.Channel("instagram", role="brand_awareness", formats_tried=["reels", "stories", "carousel"]),
    gr.Channel("tiktok", role="brand_awareness", formats_tried=["video"]),
]

decided = gr.decide_channels(rows, channels=channels)
for d in decided:
    print(f"{d.channel:<10} {d.decision.value.upper()}  ({d.rule})")
    for reason in d.reasons:
        print(f"    {reason}")
    for c in d.evidence.campaigns:
        print(f"    campaign {c.campaign}: {c.visits:,.0f} visits, {c.leads:,.0f} leads")

# With no role and no formats, the same data are judged on the evidence alone: the
# decision says what it does not know ("no role given") instead of guessing.
print()
for d in gr.decide_channels(rows):
    print(f"{d.channel:<10} {d.decision.value.upper():<10} {d.reasons[0]}")
