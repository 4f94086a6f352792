"""An agency's book: every client account's channels decided at once, column-wise, and
a house rule checked over every channel-month with the failing rows explained.

Run: python examples/many_accounts.py   (needs pip install 'goalrules[arrow]')
"""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

import goalrules as gr
from goalrules.scale.batch import decide_channels_table

# Twelve months for three client accounts, each its own portfolio of networks.
rng = random.Random(7)
rows = []
for account, networks in {
    "bakery": ["facebook", "instagram"],
    "saas-co": ["linkedin", "x", "facebook"],
    "gym": ["instagram", "tiktok"],
}.items():
    for network in networks:
        visits, rate = rng.randint(400, 3000), rng.uniform(0.004, 0.06)
        trend = rng.uniform(-0.06, 0.08)
        for m in range(12):
            v = round(visits * (1 + trend) ** m * rng.uniform(0.9, 1.1))
            leads = round(v * rate * rng.uniform(0.7, 1.3))
            rows.append({"account": account, "channel": network, "month": dt.date(2026, m + 1, 1),
                         "visits": v, "leads": leads, "customers": leads // 6})  # fmt: skip
book = pl.DataFrame(rows)

# Roles say what each network is for: a traffic driver is judged by the traffic it brings.
roles = [
    gr.Channel("linkedin", role="leads", formats_tried=["article", "carousel"]),
    gr.Channel("facebook", role="traffic", formats_tried=["video", "image"]),
    gr.Channel("instagram", role="brand_awareness", formats_tried=["reels", "stories"]),
    gr.Channel("x", role="traffic", formats_tried=["image", "video"]),
    gr.Channel("tiktok", role="brand_awareness", formats_tried=["video", "live"]),
]
decided = decide_channels_table(book, channels=roles, today=dt.date(2027, 1, 10))
for r in decided.sort("account", "channel").iter_rows(named=True):
    rate = f"{r['lead_rate'] * 100:.1f} %" if r["lead_rate"] is not None else "n/a"
    print(f"{r['account']:<8} {r['channel']:<10} {r['decision'].upper():<9} lead rate {rate}")

# The per-object API gives the same answers for one account (its own portfolio).
saas = [{k: v for k, v in r.items() if k != "account"} for r in rows if r["account"] == "saas-co"]
present = [c for c in roles if c.id in {r["channel"] for r in saas}]
one = gr.decide_channels(saas, channels=present, today=dt.date(2027, 1, 10))
table = decided.filter(pl.col("account") == "saas-co")
assert {d.channel: d.decision.value for d in one} == dict(
    table.select("channel", "decision").rows()
)

# A house rule over every channel-month, and why it fails where it fails.
house = gr.load_rules("""
ruleset house
fact visits: visit
fact leads: lead
rule converts when visits >= 500 check leads / visits >= 3 %
  fail "{leads} from {visits}: under 3 %"
  fix "test a lead magnet or a landing page made for this network"
""")
outcomes = house.evaluate_table(book, today=dt.date(2027, 1, 10))
print()
print(outcomes["converts"].value_counts().sort("converts"))
failing = house.findings_table(book, today=dt.date(2027, 1, 10), outcomes=["fail"])
for f in failing.head(3).iter_rows(named=True):
    row = book.row(f["row"], named=True)
    print(f"{row['account']} {row['channel']} {row['month']}: {f['message']} -> {f['fix']}")
