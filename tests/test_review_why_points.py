"""Why the chance moved adds up as shown: the parts in points sum to the change between
the two chances the sentence gives ("P rose from 18 % to 55 %: one stronger month (+36
points), four weeks less (+2)" said 38 points of a 37-point rise)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.judgments.achievability import shipped_chance_edges
from goalrules.judgments.achievability_text import whole_percent
from goalrules.reviews.moved import Moved

D = dt.date
CHANCE = st.floats(0, 1)


@settings(max_examples=300, deadline=None)
@given(CHANCE, CHANCE, CHANCE, st.integers(0, 3), st.booleans())
def test_the_parts_add_up_to_the_change_shown(
    before: float, mid: float, after: float, months: int, changed: bool
) -> None:
    time_, data = mid - before, after - mid
    m = Moved("g", D(2026, 3, 10), D(2026, 4, 10), before, after, 0.0, time_, data, months,
              goal_changed=("target 1 then, 2 now",) if changed else ())  # fmt: skip
    said = m.sentence()
    edges = shipped_chance_edges()
    shown = whole_percent(after, edges)[0] - whole_percent(before, edges)[0]
    parts = [int(p) for p in re.findall(r"\(([+-]\d+)(?: points?)?\)", said)]
    assert sum(parts) == shown, said
    assert " 0 %" not in said or before == 0 or after == 0


def test_the_docs_example_adds_up() -> None:
    m = Moved("feature-awareness", D(2026, 2, 10), D(2026, 3, 10), 0.18, 0.55, 0.0, 0.0149,
              0.3551, 1)  # fmt: skip
    assert m.sentence() == ("feature-awareness: P rose from 18 % to 55 %: one stronger month "
                            "(+36 points), four weeks less (+1).")  # fmt: skip
