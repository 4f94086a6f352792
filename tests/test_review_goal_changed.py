"""A goal changed between two reviews (its target reset, its deadline moved) is another
goal to judge: its chance then and now are not a move, no streak or flag runs across the
change, and why the chance moved names the change. Before, a target lowered as the reset
flag advised read "P under 1 % -> 94 %" as if the goal had gained, a target raised read
"slipping", and --why gave the new target's effect as "revised past data (+91)"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.reviews.audit import explanation

D = dt.date
WS = """[workspace]
name = "changed"

[[goal]]
id = "fol"
statement = "Reach {target} X followers by 2026-05-31"
metric = "followers"
channel = "x"
target = "{target} followers"
start = 2026-01-01
deadline = 2026-05-31
"""
VALUES = [1200, 1250, 1300, 1360, 1420, 1470, 1530, 1600, 1650]  # 2025-08-28 on


@pytest.fixture
def history(tmp_path: Path) -> Path:
    path = tmp_path / "history.csv"
    rows = ["date,channel,metric,value"]
    rows += [f"{D(2025 + (7 + i) // 12, (7 + i) % 12 + 1, 28)},x,followers,{v}"
             for i, v in enumerate(VALUES)]  # fmt: skip
    path.write_text("\n".join(rows) + "\n")
    return path


def _ws(tmp_path: Path, target: int) -> Path:
    path = tmp_path / f"ws-{target}.toml"
    path.write_text(WS.format(target=target))
    return path


def test_a_reset_target_is_not_a_move(tmp_path: Path, history: Path) -> None:
    store = tmp_path / "g.db"
    for day in (D(2026, 3, 5), D(2026, 4, 5)):
        before = gr.review(_ws(tmp_path, 2000), history, store=store, today=day)
    (old,) = before.goals
    assert old.verdict == "unrealistic" and [f.name for f in old.flags] == ["reset_candidate"]
    now = gr.review(_ws(tmp_path, 1700), history, store=store, today=D(2026, 5, 5))
    (g,) = now.goals
    assert g.previous is not None and g.previous.changed == (
        "target 2000 followers then, 1700 followers now",
    )
    trend = g.trend()
    assert "->" not in trend and "the goal changed since the last review (target 2000" in trend
    assert g.streak == 1
    # the new target, lowered as advised and still out of reach, is no candidate to reset
    again = gr.review(_ws(tmp_path, 2100), history, store=store, today=D(2026, 5, 6),
                      keep=False)  # fmt: skip
    (hard,) = again.goals
    assert hard.verdict == "unrealistic" and hard.previous is not None
    assert hard.previous.changed and not hard.flags  # no reset, no slipping across it
    assert dict(hard.outcomes)["reset_candidate"] == "unknown"  # nothing to compare with
    assert dict(hard.outcomes)["slipping"] == "unknown"
    from goalrules.reviews import row_of

    said = explanation(row_of(g))
    assert "of the goal before it changed (target 2000 followers then" in said
    moved = {m.goal: m for m in gr.why_moved(_ws(tmp_path, 1700), history, store=store,
                                             today=D(2026, 5, 5))}  # fmt: skip
    assert "the changed goal (+" in moved["fol"].sentence()
    assert "revised past data" not in moved["fol"].sentence()


def test_the_same_goal_keeps_its_streak(tmp_path: Path, history: Path) -> None:
    store = tmp_path / "g.db"
    for day in (D(2026, 3, 5), D(2026, 4, 5), D(2026, 5, 5)):
        result = gr.review(_ws(tmp_path, 2000), history, store=store, today=day)
    (g,) = result.goals
    assert g.previous is not None and g.previous.changed == ()
    assert g.streak == 3 and "->" in g.trend()


def test_an_alert_across_a_changed_goal_says_so(tmp_path: Path, history: Path) -> None:
    from goalrules.reviews.notify import notify

    store = tmp_path / "g.db"
    for day in (D(2026, 3, 5), D(2026, 4, 5)):
        gr.review(_ws(tmp_path, 2000), history, store=store, today=day)
    now = gr.review(_ws(tmp_path, 1700), history, store=store, today=D(2026, 5, 5))
    sent = notify(now, str(tmp_path / "alerts.jsonl"), store=store)
    assert sent.alerts  # the reset flag cleared, the pace moved
    for a in sent.alerts:
        assert a.message.endswith(
            "The goal changed since the last review (target 2000 followers then, 1700 "
            "followers now)."
        ), a.message


def test_the_chance_chart_runs_over_the_goal_as_it_is(
    tmp_path: Path, history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    import importlib

    review_report = importlib.import_module("goalrules.report.review")
    figs: list[object] = []
    monkeypatch.setattr(review_report, "_svg", lambda fig: (figs.append(fig), "<svg/>")[1])
    store = tmp_path / "g.db"
    for day in (D(2026, 2, 5), D(2026, 3, 5)):
        gr.review(_ws(tmp_path, 2000), history, store=store, today=day)
    for day in (D(2026, 4, 5), D(2026, 5, 5)):
        now = gr.review(_ws(tmp_path, 1700), history, store=store, today=day)
    (g,) = now.goals
    assert review_report._chance(now, g) == "<svg/>"
    (line,) = figs[-1].axes[0].lines  # type: ignore[attr-defined]
    assert len(line.get_xdata()) == 2  # the two reviews of 1,700, not the two of 2,000
    kept = [r for r in now.history["fol"] if r["goal"]["target"] == "1700 followers"]
    assert list(line.get_ydata()) == [100 * r["probability"] for r in kept]
