"""From a GA4 export and a HubSpot contacts export to keep / optimize / cut per network,
paid and organic apart, with search and direct traffic shown as context.

GA4 gives the visits (Reports > Acquisition > Traffic acquisition, dimension "Session
source / medium", with "Year month" added; Share > Download CSV). HubSpot gives the
leads and customers (Contacts > Export, with "Original Source", "Original Source
Drill-Down 1", "Became a Lead Date" and "Became a Customer Date"). goalrules recognises
both files, joins them on month, network and medium, judges each social network, and
sums the other sources (search, direct, email, referral, AI assistants: GA4's default
channel grouping) into their share of visits and leads.

Run: python examples/bring_your_data.py
"""

from __future__ import annotations

from pathlib import Path

import goalrules as gr

DATA = Path(__file__).parent / "data" / "exports"

result = gr.import_exports([DATA / "ga4-traffic-acquisition.csv", DATA / "hubspot-contacts.csv"])
for source, preset in result.sources:
    print(f"read {Path(source).name} as {preset}")
for note in result.notes:
    print(f"note: {note}")

channels = [
    gr.Channel("linkedin", role="leads", formats_tried=["article", "carousel", "video"]),
    gr.Channel("facebook", role="traffic", formats_tried=["video", "live", "image"]),
    gr.Channel("x", role="traffic", formats_tried=["image", "video"]),
    gr.Channel("instagram", role="brand_awareness", formats_tried=["reels", "stories"]),
]
decided = gr.decide_channels(
    result.channel_months(), channels=channels, today=gr.parse_date("2026-07-01")
)
p = decided.portfolio
assert p is not None
print(f"\nportfolio: {p.channels} social networks, lead rate {p.leads / p.visits:.1%}\n")
for d in decided:
    label = d.channel if d.medium is None else f"  {d.medium}"
    ev = d.evidence
    # customers not measured (an analytics export alone): unknown, never shown as 0
    known = ev.customers is not None
    customers = f"{ev.customers:>3,.0f} customers" if known else "customers not measured"
    print(
        f"{label:<10} {d.decision.value.upper():<9} {ev.visits:>6,.0f} visits "
        f"{ev.leads:>4,.0f} leads {customers}"
    )
    if d.hierarchy:
        print(f"           {d.hierarchy.split(':')[0]}")

print("\nnot judged (context):")
for share in decided.context:
    print(f"  {share.describe()}")
