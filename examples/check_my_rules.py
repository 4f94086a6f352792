"""Property-test an edit of the shipped channel rules before you use it.

Run: python examples/check_my_rules.py

A team lowers the "low volume" threshold of `channels.rules` and adds a rule of its own.
Three invariants of goalrules, run on the edited ruleset, each in one line: a better
conversion never turns a rule from pass to fail, the same facts in other units give the
same outcomes, and more leads never move a channel towards cut. Then a rule written the
wrong way round, caught with the smallest counter-example Hypothesis finds.
"""

from __future__ import annotations

from importlib import resources

import goalrules as gr
from goalrules.invariants import check_monotone, check_more_leads_never_cuts, check_unit_invariance

shipped = resources.files("goalrules").joinpath("rules", "channels.rules").read_text("utf-8")
OURS = (
    shipped
    + """
rule optimize.converts-like-linkedin
  decision optimize  priority 55
  check channel.lead_rate >= 3 % and channel.visits_share < 20 %
  says "{channel.id} converts at {channel.lead_rate}: worth optimizing."
"""
)
rules = gr.load_rules(OURS, params={"low_volume": "8 %"})

check_monotone(rules, "channel.lead_rate", rule="optimize.converts-like-linkedin", examples=100)
check_unit_invariance(rules, examples=50)
check_more_leads_never_cuts(rules=rules, examples=20)
print("the edited ruleset keeps its invariants")

# the same rule with its comparison turned the wrong way
wrong = gr.load_rules(OURS.replace("channel.lead_rate >= 3 %", "channel.lead_rate <= 3 %"))
try:
    check_monotone(wrong, "channel.lead_rate", rule="optimize.converts-like-linkedin",
                   examples=200)  # fmt: skip
except AssertionError as found:
    print("caught:", str(found).split(" (facts")[0])
else:
    raise SystemExit("the flipped comparison was not caught")
