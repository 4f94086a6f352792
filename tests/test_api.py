"""The Python API a newcomer meets: the names the CLI uses, typed for ``mypy --strict``,
short reprs and notebook views, and misuse errors that say what to do."""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

PACKAGE = Path(gr.__file__).parent
START = dt.date(2026, 1, 10)


def test_all_is_a_literal_list_matching_the_lazy_exports() -> None:
    tree = ast.parse((PACKAGE / "__init__.py").read_text("utf-8"))
    literal = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"
    )
    assert sorted(literal) == sorted([*gr._EXPORTS, "__version__"])
    typed: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom)
                for alias in imp.names:
                    assert gr._EXPORTS[alias.name] == imp.module, alias.name
                    typed.add(alias.name)
    assert typed == set(gr._EXPORTS)
    for name in ("run_check", "run_plan", "CheckResult", "init_workspace"):
        assert name in gr.__all__ and getattr(gr, name) is not None


def test_py_typed_ships() -> None:
    assert (PACKAGE / "py.typed").is_file()


USER_SCRIPT = """\
import datetime as dt

import goalrules as gr

start = dt.date(2026, 5, 1)
goal: gr.Goal = gr.Goal.from_statement(
    "Double our LinkedIn followers within six months", start=start, baseline="1,200 followers"
)
report: gr.SmartReport = gr.score_smart(goal, today=start)
score: float = report.score
fixes: tuple[str, ...] = report.suggestions
paths = gr.demo_paths()
result: gr.CheckResult = gr.run_check(paths["workspace"], history=paths["history"])
workspace: gr.Workspace = gr.load_workspace(paths["workspace"])
decisions: list[gr.ChannelDecision] = gr.decide_channels(gr.load_performance(paths["performance"]))
ach: gr.Achievability | None = result.goals[0].smart.achievability
when: dt.date = gr.deadline("end of Q3 2027")
print(score, fixes, result.lowest_score, workspace.name, decisions, ach, when, gr.__version__)
"""


def test_strict_mypy_passes_on_a_user_script(tmp_path: Path) -> None:
    """A user's script type-checks with ``mypy --strict`` against the installed package
    (no import-untyped, no "does not explicitly export")."""
    pytest.importorskip("mypy")
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(PACKAGE.parent)}
    if shutil.which("mypy", path=env["PATH"]) is None:
        pytest.skip("no mypy next to this Python")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
         str(tmp_path / "cache"), str(script)],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    exec(compile(USER_SCRIPT, "user.py", "exec"), {"__name__": "user"})


def test_short_reprs_and_notebook_views() -> None:
    paths = gr.demo_paths()
    ws = gr.load_workspace(paths["workspace"])
    assert repr(ws) == (
        "<Workspace 'Campfire, Inc.', today=2026-01-10: 3 objectives, 6 goals, 6 tactics, "
        "5 channels>"
    )
    result = gr.run_check(ws, history=paths["history"], performance=paths["performance"])
    assert "\n" not in repr(result) and len(repr(result)) < 120
    page = result._repr_html_()
    assert page.startswith("<div>") and "<table" in page
    for g in result.goals:
        assert g.id in page
    for c in result.channels:
        assert c.channel in page
    goals = result.to_frame()
    assert list(goals["goal"]) == [g.id for g in result.goals]
    ach = next(g.smart.achievability for g in result.goals if g.smart.achievability)
    assert ach is not None
    row = ach.to_frame()
    assert len(row) == 1 and row["verdict"][0] == ach.verdict.value
    assert set(row.columns) == set(ach.to_dict())


def test_score_smart_on_text_says_to_build_a_goal() -> None:
    with pytest.raises(gr.ValidationError, match=r"Goal\.from_statement\('Double our followers'\)"):
        gr.score_smart("Double our followers")  # type: ignore[arg-type]


def test_a_misspelt_metric_suggests_the_catalog_s() -> None:
    with pytest.raises(gr.UnknownMetricError, match="did you mean 'followers'"):
        gr.Goal("g", metric="folowers")
    assert gr.Goal("g", metric="Followers").metric == "followers"


def test_an_unknown_unit_suggests_nothing_far_fetched() -> None:
    with pytest.raises(gr.UnitError) as err:
        gr.quantity("12 potatoes")
    assert "update" not in str(err.value) and "did you mean" not in str(err.value)
    with pytest.raises(gr.UnitError, match="did you mean 'follower'"):
        gr.quantity("12 folowers")


@settings(max_examples=20, deadline=None)
@given(day=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_a_date_written_as_text_is_a_date_everywhere(day: dt.date) -> None:
    text = day.isoformat()
    goal = gr.Goal.from_statement("Double our LinkedIn followers within six months",
                                  start=text, baseline="1,200 followers")  # fmt: skip
    same = gr.Goal.from_statement("Double our LinkedIn followers within six months",
                                  start=day, baseline="1,200 followers")  # fmt: skip
    assert goal == same
    assert gr.score_smart(goal, today=text).score == gr.score_smart(goal, today=day).score
    plan = gr.load_workspace(gr.demo_paths()["workspace"]).plan
    assert gr.schedule(plan, start=text, days=40) == gr.schedule(plan, start=day, days=40)  # type: ignore[arg-type]
    assert gr.deadline("within 3 months", start=text) == gr.deadline("within 3 months", start=day)  # type: ignore[arg-type]


def test_run_check_and_decide_channels_take_text_dates() -> None:
    paths = gr.demo_paths()
    assert gr.run_check(paths["workspace"], today="2026-01-10").today == START
    rows = gr.load_performance(paths["performance"])
    by_text = gr.decide_channels(rows, today="2026-01-10")  # type: ignore[arg-type]
    assert [d.decision for d in by_text] == [
        d.decision for d in gr.decide_channels(rows, today=START)
    ]
    with pytest.raises(gr.DateError, match="today"):
        gr.run_check(paths["workspace"], today="soon")


def test_review_takes_a_text_date(tmp_path: Path) -> None:
    paths = gr.demo_paths()
    result = gr.review(paths["workspace"], [paths["history"]], store=str(tmp_path / "g.db"),
                       today="2026-01-10")  # type: ignore[arg-type]  # fmt: skip
    assert result.date == START
