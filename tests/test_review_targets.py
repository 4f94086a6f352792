"""Recurring and tiered targets: a goal of 50 leads a month reviewed across three
periods, each judged on its own with the path pro-rated inside it; a goal with base,
target and stretch tiers, each with its chance and pace; the statement reader, the
workspace file, the store and the reports know them."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import GoalRulesError
from goalrules.model.recurrence import (
    PERIODS,
    Recurrence,
    period_of,
    periods_between,
    prorated,
    read_recurrence,
)
from goalrules.report.review import render_review
from goalrules.reviews.stored import explain, stored_review

D = dt.date
WORKSPACE = """
[workspace]
name = "targets"

[[goal]]
id = "monthly-leads"
statement = "50 leads a month from LinkedIn"
metric = "leads"
channel = "linkedin"
start = 2026-01-01

[[goal]]
id = "followers"
statement = "Reach 2,000 LinkedIn followers by the end of 2026"
metric = "followers"
channel = "linkedin"
target = "2,000 followers"
start = 2026-01-01
deadline = 2026-12-31
tiers = {base = "1,600 followers", target = "2,000 followers", stretch = "2,600 followers"}
"""
LEADS = [("2025-10-31", 38), ("2025-11-30", 44), ("2025-12-31", 47), ("2026-01-31", 52),
         ("2026-02-28", 41), ("2026-03-31", 63), ("2026-04-07", 12), ("2026-04-14", 14)]  # fmt: skip
FOLLOWERS = [1000, 1040, 1085, 1120, 1170, 1215, 1260, 1300, 1352, 1400]  # 2025-07 on


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "workspace.toml"
    ws.write_text(WORKSPACE)
    history = tmp_path / "history.csv"
    rows = ["date,channel,metric,value"]
    rows += [f"{d},linkedin,leads,{v}" for d, v in LEADS]
    rows += [f"{D(2025 + (6 + i) // 12, (6 + i) % 12 + 1, 28)},linkedin,followers,{v}"
             for i, v in enumerate(FOLLOWERS)]  # fmt: skip
    history.write_text("\n".join(rows) + "\n")
    return ws, history


def test_a_recurring_goal_across_three_periods(tmp_path: Path, files: tuple[Path, Path]) -> None:
    ws, history = files
    store = tmp_path / "goals.db"
    seen = []
    for day in (D(2026, 2, 15), D(2026, 3, 15), D(2026, 4, 15)):
        result = gr.review(ws, history, store=store, today=day)
        (leads,) = [g for g in result.goals if g.goal.id == "monthly-leads"]
        assert leads.recurs == "month"
        seen.append({p.start: (p.status, p.actual) for p in leads.periods})
    # each period is judged on its own, and a judged month stays judged
    assert seen[0] == {D(2026, 1, 1): ("hit", 52), D(2026, 2, 1): ("no_data", None)}
    assert seen[1] == {D(2026, 1, 1): ("hit", 52), D(2026, 2, 1): ("missed", 41),
                       D(2026, 3, 1): ("no_data", None)}  # fmt: skip
    last = seen[2]
    assert [last[D(2026, m, 1)] for m in (1, 2, 3)] == [("hit", 52), ("missed", 41), ("hit", 63)]
    # April so far: 26 leads to the 14th, the data's last day: 14/30 of 50 = 23.3 are due
    # by then (not 25, due by the review's 15th): ahead of the path
    april = next(p for p in leads.periods if p.start == D(2026, 4, 1))
    assert april.due == pytest.approx(50 * 14 / 30) and april.actual == 26
    assert april.status == "ahead"
    assert leads.pace == "ahead" and "ahead of the path" in leads.trend()
    text = render_review(result, "text")
    assert "month from 2026-02-01: missed (41 of 50)" in text
    assert "ahead (26 of 23 due so far, 50 for the period)" in text  # due by the 14th
    data = json.loads(render_review(result, "json"))
    goal = next(g for g in data["goals"] if g["id"] == "monthly-leads")
    assert goal["recurs"] == "month" and len(goal["periods"]) == 4
    # the store keeps them: the review renders again by date the same
    assert render_review(stored_review(store, D(2026, 4, 15)), "text") == text
    said = explain(store, "monthly-leads", D(2026, 4, 15))
    assert said.reproduced and "month from 2026-02-01: missed, 41 of 50 due" in said.stored


def test_tiers_each_with_a_chance(tmp_path: Path, files: tuple[Path, Path]) -> None:
    ws, history = files
    result = gr.review(ws, history, store=tmp_path / "goals.db", today=D(2026, 4, 15))
    (followers,) = [g for g in result.goals if g.goal.id == "followers"]
    tiers = {t.name: t for t in followers.tiers}
    assert list(tiers) == ["base", "target", "stretch"]
    assert [tiers[n].target for n in tiers] == [1600, 2000, 2600]
    chances = [tiers[n].probability for n in ("base", "target", "stretch")]
    assert all(p is not None and 0 <= p <= 1 for p in chances)
    assert chances[0] >= chances[1] >= chances[2]  # a higher tier is never likelier
    assert chances[1] == pytest.approx(followers.probability)
    assert all(tiers[n].pace in ("ahead", "on_track", "behind") for n in tiers)
    out = io.StringIO()
    assert main(["review", str(ws), "--history", str(history), "--store",
                 str(tmp_path / "cli.db"), "--today", "2026-04-15", "--format", "markdown"],
                out=out) == 0  # fmt: skip
    assert "## Periods and tiers" in out.getvalue() and "tier stretch (2,600)" in out.getvalue()


def test_a_bad_tier_or_period_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WORKSPACE.replace("base =", "floor =").replace('start = 2026-01-01\n', 'start = 2026-01-01\nrecurs = "fortnight"\n', 1))  # fmt: skip
    history = tmp_path / "h.csv"
    history.write_text("date,channel,metric,value\n2026-01-31,linkedin,leads,3\n")
    status = main(["review", str(ws), "--history", str(history), "--store", str(tmp_path / "s.db")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1 and str(ws) in err[0]
    assert "fortnight" in err[0] or "floor" in err[0]


def test_the_statement_reader_knows_a_recurring_target() -> None:
    reading = gr.read_statement("Get 50 leads a month from LinkedIn")
    assert reading.understood["recurs"] == "a month"
    reading = gr.read_statement("Publish 4 LinkedIn posts each week until the end of 2026")
    assert reading.understood["recurs"] == "each week"
    reading = gr.read_statement("Double our LinkedIn followers within a month")
    assert "recurs" not in reading.understood


NOUNS = st.sampled_from(["leads", "new followers", "visits", "signups"])


@given(st.integers(1, 100_000), NOUNS, st.sampled_from(PERIODS), st.booleans())
def test_a_rate_recurs_and_a_deadline_does_not(n: int, noun: str, period: str, an: bool) -> None:
    found = read_recurrence(f"Get {n:,} {noun} a {period} on LinkedIn")
    assert found == Recurrence(period, f"a {period}")
    assert read_recurrence(f"Get {n:,} {noun} on LinkedIn within a {period}") is None
    assert read_recurrence(f"{n} {noun} every {period}", deadline=True) is not None
    assert read_recurrence(f"{n} {noun} a {period}", deadline=True) is None


@settings(max_examples=100)
@given(st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(0, 800), st.sampled_from(PERIODS),
       st.floats(0, 1e6))  # fmt: skip
def test_periods_tile_the_calendar_and_prorating_ends_at_the_amount(
    start: dt.date, days: int, period: str, amount: float
) -> None:
    end = start + dt.timedelta(days=days)
    spans = periods_between(start, end, period)
    assert spans[0][0] <= start and spans[-1][1] >= end
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        assert b_start == a_end + dt.timedelta(days=1)
    for first, last in spans:
        assert period_of(first, period) == (first, last) == period_of(last, period)
        assert prorated(amount, first, last, last) == pytest.approx(amount)
        assert prorated(amount, first, last, first - dt.timedelta(days=1)) == 0
        mid = first + (last - first) // 2
        assert 0 <= prorated(amount, first, last, mid) <= amount


def test_an_unknown_period_is_an_error() -> None:
    with pytest.raises(GoalRulesError, match="fortnight"):
        Recurrence.parse("every fortnight")
    assert Recurrence.parse("every quarter").period == "quarter"
    assert Recurrence.parse("Monthly").period == "month"


def test_tiers_before_the_goal_starts_make_no_way(tmp_path: Path, files: tuple[Path, Path]) -> None:
    """A review dated before the goal's start gives the goal no progress or pace (no way
    is made, no path is due yet), but its tiers each read a progress and a pace ("tier
    base: 25 % of the way, behind") from the baseline. They now give none either, and
    keep their chances."""
    ws, history = files
    ws.write_text(
        ws.read_text().replace("start = 2026-01-01\ndeadline", "start = 2026-06-01\ndeadline")
    )
    result = gr.review(ws, history, store=tmp_path / "goals.db", today=D(2026, 4, 15))
    (followers,) = [g for g in result.goals if g.goal.id == "followers"]
    assert followers.progress is None and followers.pace is None
    assert [t.name for t in followers.tiers] == ["base", "target", "stretch"]
    assert all(t.progress is None and t.pace is None for t in followers.tiers)
    assert all(t.probability is not None for t in followers.tiers)
