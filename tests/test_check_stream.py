"""A check written as its goals are judged: the same report as the one built in memory,
and a goal held at a time."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import weakref
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import strategies as grs
from goalrules.check import GoalResult, demo_paths, run_check, start_check
from goalrules.cli import main
from goalrules.report import render
from goalrules.report.json_text import dumps
from goalrules.report.stream import CSV_COLUMNS, _goal_json, stream_check

PATHS = demo_paths()
DATA = {"history": PATHS["history"], "performance": PATHS["performance"]}


def streamed(fmt: str, **kw: object) -> str:
    buf = io.StringIO()
    stream_check(start_check(PATHS["workspace"], **{**DATA, **kw}), fmt, buf)  # type: ignore[arg-type]
    return buf.getvalue()


def same_ids(page: str) -> str:
    """A page with matplotlib's random SVG ids made equal (two drawings of one chart
    differ only there)."""
    return re.sub(r'(id="|#)[a-z][0-9a-f]{8,12}\b', r"\1id", page)


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_streamed_report_is_the_report_built_in_memory(fmt: str) -> None:
    whole = render(run_check(PATHS["workspace"], **DATA), fmt)  # type: ignore[arg-type]
    assert same_ids(streamed(fmt)) == same_ids(whole)


def test_json_lines_carry_the_json_report() -> None:
    doc = json.loads(streamed("json"))
    lines = [json.loads(line) for line in streamed("jsonl").splitlines()]
    assert lines[0] == {"kind": "check", "workspace": doc["workspace"], "today": doc["today"]}
    goals = [
        {k: v for k, v in line.items() if k != "kind"} for line in lines if line["kind"] == "goal"
    ]
    channels = [line for line in lines if line["kind"] == "channel"]
    assert goals == doc["goals"]
    assert len(channels) == len(doc["channels"]) > 0
    assert [line["kind"] for line in lines][-2:] == ["plan", "notes"]


def test_csv_has_a_row_a_goal_with_its_score_and_chance() -> None:
    doc = json.loads(streamed("json"))
    rows = list(csv.DictReader(io.StringIO(streamed("csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [g["id"] for g in doc["goals"]]
    for row, goal in zip(rows, doc["goals"], strict=True):
        assert float(row["smart_score"]) == pytest.approx(goal["smart"]["score"], abs=0.01)
        ach = goal["achievability"]
        if ach is None or ach["probability"] is None:
            assert row["probability"] == ""
        else:
            assert float(row["probability"]) == pytest.approx(ach["probability"], abs=1e-4)


def many_goals(path: Path, n: int) -> Path:
    lines = ['[workspace]\nname = "Book"\ntoday = 2026-01-10\n']
    for i in range(n):
        lines.append(
            f'[[goal]]\nid = "g{i}"\nmetric = "followers"\nchannel = "linkedin"\n'
            f'target = "+{10 + i}%"\nstart = 2026-01-10\ndeadline = "within 6 months"\n'
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_streamed_check_holds_one_goal_at_a_time(tmp_path: Path) -> None:
    run = start_check(many_goals(tmp_path / "ws.toml", 12), history=PATHS["history"])
    alive: list[weakref.ref[GoalResult]] = []
    for g in run.goals():
        alive.append(weakref.ref(g))
        del g
        gc.collect()
        assert sum(r() is not None for r in alive) <= 1
    assert len(alive) == 12


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 6), fmt=st.sampled_from(["json", "text", "html"]))
def test_streamed_equals_in_memory_for_any_number_of_goals(
    tmp_path_factory: pytest.TempPathFactory, n: int, fmt: str
) -> None:
    path = many_goals(tmp_path_factory.mktemp("ws") / "ws.toml", n)
    whole = render(run_check(path, history=PATHS["history"]), fmt)
    buf = io.StringIO()
    stream_check(start_check(path, history=PATHS["history"]), fmt, buf)
    assert same_ids(buf.getvalue()) == same_ids(whole)


def test_a_streamed_page_escapes_what_the_goals_say(tmp_path: Path) -> None:
    path = tmp_path / "ws.toml"
    path.write_text(
        '[workspace]\nname = "<b>Book</b>"\ntoday = 2026-01-10\n[[goal]]\nid = "g1"\n'
        'statement = "<script>alert(1)</script> more followers"\nmetric = "followers"\n'
        'channel = "linkedin"\ntarget = "+10%"\nstart = 2026-01-10\n'
        'deadline = "within 6 months"\n',
        encoding="utf-8",
    )
    buf = io.StringIO()
    stream_check(start_check(path, history=PATHS["history"]), "html", buf)
    page = buf.getvalue()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('<div class="card">') == 1 and "\x00" not in page
    assert same_ids(page) == same_ids(render(run_check(path, history=PATHS["history"]), "html"))


def test_cli_check_streams_to_a_file_and_keeps_fail_under(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.jsonl"
    args = ["check", str(PATHS["workspace"]), "--history", str(PATHS["history"])]
    code = main([*args, "--format", "jsonl", "--output", str(out), "--fail-under", "99"])
    err = capsys.readouterr().err
    assert code == 1
    assert "under --fail-under 99" in err
    kinds = [json.loads(line)["kind"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kinds[0] == "check" and "goal" in kinds


# -- goals judged side by side -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "text", "html"])
def test_goals_judged_in_worker_processes_write_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from goalrules.report import workers

    monkeypatch.setattr(workers, "_FEWEST", 1)  # fork even for a few goals
    n = 9 if fmt == "html" else 70  # 70: three slices (of 32, 32 and 6 goals) in order
    path = many_goals(tmp_path / "ws.toml", n)
    alone, together = io.StringIO(), io.StringIO()
    one = stream_check(start_check(path, history=PATHS["history"]), fmt, alone)
    run = start_check(path, history=PATHS["history"])
    two = stream_check(run, fmt, together, jobs=2)
    assert same_ids(together.getvalue()) == same_ids(alone.getvalue())
    assert (two.count, two.mean, two.lowest) == (one.count, one.mean, one.lowest)
    assert len(run.scores) == n  # the plan's lint reads every goal's score


def test_a_goal_that_fails_in_a_worker_fails_as_it_does_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import goalrules.check as check_module
    from goalrules.report import workers

    monkeypatch.setattr(workers, "_FEWEST", 1)
    path = many_goals(tmp_path / "ws.toml", 6)
    judge = check_module.judge_goal

    def failing(goal: gr.Goal, *args: Any, **kwargs: Any) -> Any:
        # (a target in another unit is that goal's reason, no error: a judgment that
        # fails all the same, as a bug would, stands for any error of one goal)
        if goal.id.endswith("5"):
            raise gr.DataError("the history of goal 5 cannot be read: 500 USD", field="history")
        return judge(goal, *args, **kwargs)

    monkeypatch.setattr(check_module, "judge_goal", failing)
    errors = []
    for jobs in (1, 2):
        with pytest.raises(gr.GoalRulesError) as info:
            stream_check(
                start_check(path, history=PATHS["history"]), "json", io.StringIO(), jobs=jobs
            )
        errors.append((type(info.value), str(info.value)))
    assert errors[0] == errors[1] and "USD" in errors[0][1]


def test_jobs_counts_processes() -> None:
    from goalrules.report.workers import workers

    assert workers(1) == 1 and workers(3) == 3 and workers(0) >= 1
    with pytest.raises(ValueError, match="jobs"):
        workers(-1)


def test_a_large_workspace_by_default_uses_a_process_a_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goalrules.report import workers

    monkeypatch.setattr(workers, "_FEWEST", 1)
    asked: list[int] = []
    real = workers.workers
    monkeypatch.setattr(workers, "workers", lambda jobs: asked.append(jobs) or real(jobs))
    path = many_goals(tmp_path / "ws.toml", 40)
    alone = io.StringIO()
    stream_check(start_check(path, history=PATHS["history"]), "json", alone)
    for large, expected in ((41, 1), (40, 0)):
        monkeypatch.setattr(workers, "LARGE_WORKSPACE", large)
        out = io.StringIO()
        stream_check(start_check(path, history=PATHS["history"]), "json", out, jobs=None)
        assert asked[-1] == expected  # 0: one a core
        assert same_ids(out.getvalue()) == same_ids(alone.getvalue())


@settings(max_examples=30, deadline=None)
@given(grs.workspace_texts(max_goals=4))
def test_a_goals_streamed_json_is_its_dicts_whatever_was_written_before(text: str) -> None:
    # the criteria every rule of which passes are written from texts kept across goals
    # (and examples): each goal still reads as its own to_dict, dumped
    ws = gr.load_workspace("workspace.toml", text=text)
    run = start_check(ws, history=PATHS["history"])
    for g in run.goals():
        assert _goal_json(g) == dumps(g.to_dict(), 2)


def _double(x: int) -> int:
    return 2 * x


def test_a_forked_pool_leaves_the_collector_as_it_found_it() -> None:
    # the workers' collections skip what was made before the fork; afterwards nothing
    # stays frozen that was not, and what the caller froze stays frozen
    from goalrules.report.workers import forked_pool

    assert gc.get_freeze_count() == 0
    with forked_pool(2) as pool:
        assert gc.get_freeze_count() > 0
        assert pool.map(_double, [1, 2, 3]) == [2, 4, 6]
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with forked_pool(1) as pool:
            assert pool.map(_double, [4]) == [8]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
