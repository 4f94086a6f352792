"""Goals, quantities, deadlines and the catalog: the foundation in one script.

Run: python examples/goals_and_units.py
"""

from __future__ import annotations

import datetime as dt

import goalrules as gr

start = dt.date(2026, 5, 1)

goal = gr.Goal(
    "li-followers",
    statement="Double our LinkedIn followers within six months",
    objective="brand_awareness",
    metric="followers",
    channel="LinkedIn",
    baseline="1,200 followers",
    target="x2",
    start=start,
    deadline="within six months",
)
target = goal.resolved_target()
assert target is not None
print(f"{goal.id}: {gr.format_quantity(target)} on {goal.channel} by {goal.deadline}")

# The guide's example: doubling in six months needs about 12.2 % growth a month.
months = gr.months_between(start, goal.deadline or start)
required = 2 ** (1 / months) - 1
print(f"needed growth: {required:.1%} a month over {months:g} months")

# Units keep counts apart, and a quotient of counts is a ratio.
lead_rate = gr.simplify(gr.quantity("30 leads") / gr.quantity("1,200 visits"))
print(f"lead rate {lead_rate.to('percent'):.2f}")
try:
    gr.quantity("10 followers") + gr.quantity("10 visits")
except Exception as exc:  # pint refuses to add different counts
    print(f"followers + visits -> {type(exc).__name__}")

# Recurring work never skips February.
due = gr.recurrence("monthly on the 30th").between(dt.date(2027, 1, 1), dt.date(2027, 4, 30))
print("sponsored post due:", ", ".join(d.isoformat() for d in due))

# The catalog knows what measures what, and which networks fit which objective.
print("leads metrics:", ", ".join(gr.metrics_for("leads")))
print("LinkedIn fits leads:", gr.channel_fits("linkedin", "leads"))
