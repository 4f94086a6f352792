"""Write a rule of your own and add it to the SMART rubric.

Run: python examples/custom_rule.py
"""

from __future__ import annotations

import datetime as dt

import goalrules as gr

HOUSE_RULES = """
ruleset house "Our own checks"

param max_owners_goals = 3

rule relevant.has-an-owner
  criterion relevant  weight 2
  check goal.owner is set
  says "Nobody owns {goal.id}."
  fix "Name one person who answers for {goal.id}."

rule measurable.no-vanity-metric
  criterion measurable
  when goal.metric is set
  check goal.metric not in ["impressions", "potential_reach"]
  says "{goal.metric} is a vanity metric for us."
  fix "Measure what the goal is for: visits, leads or engagement."
"""

house = gr.load_rules(HOUSE_RULES)
rubric = gr.shipped_ruleset("smart").merge(house)

goal = gr.Goal(
    "reach",
    statement="Reach 1 million impressions on LinkedIn by year end",
    objective="brand_awareness",
    metric="impressions",
    channel="linkedin",
    target="1M impressions",
    start="2026-05-01",
    deadline="end of year",
    supports=["new-segment"],
    review="monthly",
)
report = gr.score_smart(goal, today=dt.date(2026, 5, 1), rules=rubric)
print(f"score with the house rules: {report.score:.0f}/100")
for tip in report.suggestions:
    print("  -", tip)
print()
print(report.report.finding("measurable.no-vanity-metric").message)

# A single expression, compiled once and evaluated on plain rows:
lead_rate_ok = gr.compile_expression(
    "visits >= 100 and leads / visits >= 2 %", {"visits": "visit", "leads": "lead"}
)
rows = [{"visits": 1200, "leads": 30}, {"visits": 1500, "leads": 12}, {"visits": 40, "leads": 9}]
print([lead_rate_ok(r) for r in rows])
assert [lead_rate_ok(r) for r in rows] == [True, False, False]
