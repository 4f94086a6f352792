"""Score a goal for SMART compliance and judge it against its history.

Run: python examples/score_a_goal.py
"""

from __future__ import annotations

import datetime as dt

import goalrules as gr
from goalrules.dates import add_months

TODAY = dt.date(2026, 5, 1)

# The last seven months of LinkedIn followers: a few percent a month.
history = gr.MetricSeries(
    metric="followers",
    unit="follower",
    points=[
        (add_months(dt.date(2025, 11, 1), i), v)
        for i, v in enumerate([1000, 1030, 1062, 1090, 1128, 1160, 1200])
    ],
)

goal = gr.Goal.from_statement(
    "Double our LinkedIn followers within six months",
    start=TODAY,
    id="li-followers",
    objective="brand_awareness",
    supports=["new-segment"],
    review="monthly",
)

report = gr.score_smart(goal, history, today=TODAY, objectives=["new-segment"])
print(f"SMART score: {report.score:.0f}/100")
for name, criterion in report.criteria.items():
    mark = "pass" if criterion.passed else "MISS"
    print(f"  {name:<11} {mark}  {criterion.score:.2f}")
print("\nAchievability:")
assert report.achievability is not None
print(" ", report.achievability.explanation)
print("\nHow to fix it:")
for tip in report.suggestions:
    print("  -", tip)

# The fix the history suggests: a target it supports.
better = goal.evolve(target=report.achievability.suggested_target)
again = gr.score_smart(better, history, today=TODAY, objectives=["new-segment"])
print(f"\nWith the suggested target: {again.score:.0f}/100 ({again.achievability.verdict.value})")
assert again.score > report.score
