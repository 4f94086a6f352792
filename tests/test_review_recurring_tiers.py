"""A recurring goal's tiers are targets for every period, judged as its periods are.

"50 leads from LinkedIn every month" with tiers base 40, target 50, stretch 65 read
"tier base (?): not enough data, pace unknown, ? of the way" for each tier: the tier's
own target, written by the team, shown as not known, and nothing said of the month under
way (the goal's own line said "behind the path by 10 %" of its month). Each tier now
reads its target for a period and the current period's pace against it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io.store import open_store

D = dt.date
WORKSPACE = """[workspace]
name = "W"

[[goal]]
id = "mo-leads"
statement = "50 leads from LinkedIn every month"
start = 2026-01-01
tiers = {{base = "{base} leads", target = "50 leads", stretch = "65 leads"}}
"""
PACES = {"behind": 0, "on_track": 1, "ahead": 2}


def _history(path: Path) -> Path:
    """1.5 leads a day from December to April 14 (21 leads of April's)."""
    rows = ["date,channel,metric,value"]
    day = D(2025, 12, 1)
    while day <= D(2026, 4, 14):
        rows.append(f"{day},linkedin,leads,1.5")
        day += dt.timedelta(days=1)
    path.write_text("\n".join(rows) + "\n")
    return path


def _review(tmp_path: Path, base: int = 40) -> gr.ReviewResult:
    ws = tmp_path / f"ws-{base}.toml"
    ws.write_text(WORKSPACE.format(base=base))
    history = _history(tmp_path / "history.csv")
    db = open_store(":memory:")
    try:
        return gr.review(ws, history, store=db, today=D(2026, 4, 15))
    finally:
        db.close()


def test_each_tier_says_its_target_and_the_month_under_way(tmp_path: Path) -> None:
    result = _review(tmp_path)
    (g,) = result.goals
    lines = g.targets_lines()
    assert "month from 2026-04-01: behind (21 of 23 due so far, 50 for the period)" in lines
    assert "tier base (40 a month): this month: ahead of the path" in lines
    assert "tier target (50 a month): this month: behind the path" in lines
    assert "tier stretch (65 a month): this month: behind the path" in lines
    assert not any("(?)" in line for line in lines)
    tiers = result.to_dict()["goals"][0]["tiers"]
    assert [(t["name"], t["target"], t["pace"]) for t in tiers] == [
        ("base", 40.0, "ahead"), ("target", 50.0, "behind"), ("stretch", 65.0, "behind")
    ]  # fmt: skip
    # the tier named target is the goal's own target: the same pace as its month
    assert tiers[1]["pace"] == g.periods[-1].status


def test_the_tiers_read_alike_in_every_format(tmp_path: Path) -> None:
    from goalrules.report.review import render_review

    result = _review(tmp_path)
    for fmt in ("text", "markdown", "html"):
        shown = render_review(result, fmt)
        assert "tier base (40 a month): this month: ahead of the path" in shown, fmt


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(1, 120), min_size=2, max_size=2, unique=True))
def test_a_higher_tier_is_never_further_ahead(bases: list[int]) -> None:
    """Raising a tier's target never puts the month further ahead of it."""
    import tempfile

    low, high = sorted(bases)
    with tempfile.TemporaryDirectory() as folder:
        paces = [
            PACES[_review(Path(folder), base).goals[0].tiers[0].pace or "behind"]
            for base in (low, high)
        ]
    assert paces[0] >= paces[1]
