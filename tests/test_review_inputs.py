"""`review` reads its history and performance files as `check` does: exports together
(days two exports both give kept once, or an error when they differ; an --anchor across
them; an analytics export joined with a CRM's), goalrules' own history files of one
metric put together day by day. Each file was read alone and their points put
together: February, in both of two X exports, counted twice (the chance of the target
40 % where check said 20 %); GA4 with HubSpot was refused ('rows 1 and 7 both give
facebook in 2026-01'); and the note 'pass --anchor' named an option review lacked."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from goalrules.check import run_check
from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.own_or_export import read_history_files, read_performance_files
from goalrules.reviews import review
from tests import export_files as ef

D = dt.date
TODAY = D(2026, 4, 5)


def _days(a: D, b: D, impressions: int = 1000) -> list[tuple[D, int, int, int, int]]:
    return [(a + dt.timedelta(days=i), impressions, 50, 3, 1) for i in range((b - a).days + 1)]


def _workspace(tmp_path: Path, goal: str) -> Path:
    p = tmp_path / "workspace.toml"
    p.write_text(f'[workspace]\nname = "Campfire"\ntoday = {TODAY.isoformat()}\n\n{goal}',
                 encoding="utf-8")  # fmt: skip
    return p


X_GOAL = ('[[goal]]\nid = "x-imp"\nmetric = "impressions"\nchannel = "x"\n'
          'target = "60000 impressions per month"\ndeadline = 2026-09-30\n')  # fmt: skip


def _said(result: Any) -> str:
    (goal,) = result.goals
    ach = goal.smart.achievability
    return "" if ach is None else str(ach.explanation)


def test_overlapping_exports_count_each_day_once(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, X_GOAL)
    a = ef.x_overview(tmp_path / "x-jan-feb.csv", _days(D(2026, 1, 1), D(2026, 2, 28)))
    b = ef.x_overview(tmp_path / "x-feb-mar.csv", _days(D(2026, 2, 1), D(2026, 3, 31)))
    r = review(ws, [a, b], store=":memory:", keep=False)
    history, _ = read_history_files([a, b], today=TODAY)
    assert _said(r.check) == _said(run_check(ws, history=history, today=TODAY))
    (goal,) = r.check.goals
    assert goal.history is not None
    days = [p.date for p in goal.history.points]
    assert len(days) == len(set(days)) == 31 + 28 + 31
    assert any("kept once" in n for n in r.notes)
    # the same days with other values: which one is right is asked, never both summed
    c = ef.x_overview(tmp_path / "x-feb-later.csv", _days(D(2026, 2, 1), D(2026, 2, 28), 1200))
    with pytest.raises(DataError, match="as 1000 and 1200"):
        review(ws, [a, c], store=":memory:", keep=False)


def test_own_history_files_are_put_together_day_by_day(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, X_GOAL)

    def own(name: str, days: list[tuple[D, int, int, int, int]]) -> Path:
        rows = [["date", "channel", "metric", "value", "unit"]]
        rows += [[d.isoformat(), "x", "impressions", v, "impression"] for d, v, *_ in days]
        return ef.write_csv(tmp_path / name, rows)

    jan = own("2026-01.csv", _days(D(2026, 1, 1), D(2026, 1, 31)))
    feb_mar = own("2026-02.csv", _days(D(2026, 2, 1), D(2026, 3, 31)))
    r = review(ws, [jan, feb_mar], store=":memory:", keep=False)
    (goal,) = r.check.goals
    assert goal.history is not None and len(goal.history.points) == 90
    again = own("again.csv", _days(D(2026, 3, 1), D(2026, 3, 31)))
    r = review(ws, [jan, feb_mar, again], store=":memory:", keep=False)
    (goal,) = r.check.goals
    assert goal.history is not None and len(goal.history.points) == 90
    assert any("31 values that" in n and "kept once" in n for n in r.notes)
    other = own("other.csv", _days(D(2026, 3, 1), D(2026, 3, 2), 7))
    with pytest.raises(DataError, match="on 2026-03-01 as 1000 and 7") as e:
        review(ws, [jan, feb_mar, other], store=":memory:", keep=False)
    assert "2026-02.csv" in str(e.value) and "other.csv" in str(e.value)


def test_analytics_and_crm_exports_are_joined(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, X_GOAL)
    ga4 = ef.ga4_report(tmp_path / "ga4.csv", [
        (f"2026{m:02d}", src, visits, 1) for m in (1, 2, 3)
        for src, visits in (("linkedin.com / referral", 300), ("facebook.com / referral", 500))
    ])  # fmt: skip
    crm = ef.hubspot_contacts(tmp_path / "hubspot.csv", [
        ("Organic social", net, f"2026-{m:02d}-0{day} 10:00", "")
        for m in (1, 2, 3) for net, day in (("LinkedIn", 5), ("LinkedIn", 6), ("Facebook", 7))
    ])  # fmt: skip
    r = review(ws, None, performance=[ga4, crm], store=":memory:", keep=False)
    rows, _ = read_performance_files([ga4, crm], today=TODAY)
    want = run_check(ws, performance=rows, today=TODAY)

    def evidence(result: Any) -> list[tuple[str, float, float]]:
        return [(c.channel, c.evidence.visits, c.evidence.leads) for c in result.channels]

    assert evidence(r.check) == evidence(want) == [("facebook", 1500, 3), ("linkedin", 900, 6)]


def test_review_takes_an_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = _workspace(tmp_path, '[[goal]]\nid = "li"\nmetric = "followers"\nchannel = "linkedin"\n'
                              'target = "1500 followers"\ndeadline = 2026-12-31\n')  # fmt: skip
    gains = [(f"{D(2026, 1, 1) + dt.timedelta(days=i):%m/%d/%Y}", 3) for i in range(90)]
    li = ef.linkedin_followers(tmp_path / "followers.xlsx", gains)
    out = io.StringIO()
    args = ["review", str(ws), "--history", str(li), "--store", str(tmp_path / "r.db")]
    assert main([*args, "--anchor", "1000 followers on 2025-12-31"], out=out) == 0
    assert "no history to judge" not in out.getvalue()
    assert "pass --anchor" not in capsys.readouterr().err
    history, _ = read_history_files([li], today=TODAY, anchors=["1000 followers on 2025-12-31"])
    r = review(ws, [li], store=":memory:", keep=False, anchors=["1000 followers on 2025-12-31"])
    assert _said(r.check) == _said(run_check(ws, history=history, today=TODAY))
    assert "1,270 followers" in _said(r.check)  # 1000 + 3 a day to March 31
