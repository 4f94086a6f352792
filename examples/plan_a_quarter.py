"""Prioritise tactics, list what is due, and lint a plan.

Run: python examples/plan_a_quarter.py
"""

from __future__ import annotations

import datetime as dt

import goalrules as gr

plan = gr.Plan(
    objectives=[gr.CompanyObjective("new-segment", "Expand into a new market segment")],
    goals=[
        gr.Goal(
            "influencers",
            statement="Build relationships with influencers in the segment",
            supports=["new-segment"],
            deadline="2026-06-30",
            start="2026-01-10",
        ),
    ],
    tactics=[
        gr.Tactic(
            "list",
            goal="influencers",
            text="List 100 influencers open to sponsored posts",
            value=5,
            complexity=2,
            owners=["Brian"],
            eta="2026-02-01",
        ),
        gr.Tactic(
            "reach-out",
            goal="influencers",
            text="Reach out to each of them",
            value=4,
            complexity=3,
            owners=["Brian"],
            eta="2026-02-20",
        ),
        gr.Tactic(
            "sponsored",
            goal="influencers",
            text="One sponsored post on the 30th",
            value=4,
            complexity=3,
            owners=["Brian", "Hailley"],
            eta="monthly on the 30th",
        ),
    ],
)
today = dt.date(2026, 1, 10)
for r in gr.prioritize(plan):
    print(f"{r.rank}. {r.id:<10} {r.quadrant.value:<10} {r.reasons[0]}")
print()
for due in gr.schedule(plan, start=today, days=90):
    print(f"{due.date}  {due.tactic:<10} {', '.join(due.owners)}")
print()
for problem in gr.lint_plan(plan, today=today):
    print(f"{problem.item}: {problem.message}")
