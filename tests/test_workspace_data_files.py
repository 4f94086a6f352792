"""``[workspace] history`` and ``performance``: the data files a workspace names are read
by ``check``, ``review`` and ``channels`` when none is given, each path taken from the
workspace file's folder, exactly as the same files given on the command line; a file
given on the command line replaces the workspace's; a named file that is missing, or a
value that names no file, is a one-line error naming the setting."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.cli.init import init_workspace
from goalrules.errors import WorkspaceError
from goalrules.io import load_workspace

TODAY = "2026-01-10"
DAY = dt.date(2026, 1, 10)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _team(root: Path, history: str = "history.csv", performance: str = "performance.csv") -> Path:
    """A workspace as ``init`` writes it, its data moved to ``history`` and
    ``performance`` (paths from its folder) and named there."""
    folder = root / "team"
    init_workspace(folder, name="Team", today=DAY)
    for written, wanted in (("history.csv", history), ("performance.csv", performance)):
        target = folder / wanted
        target.parent.mkdir(parents=True, exist_ok=True)
        (folder / written).rename(target)
    text = (folder / "workspace.toml").read_text("utf-8")
    text = text.replace('history = "history.csv"', f"history = {json.dumps(history)}")
    text = text.replace(
        'performance = "performance.csv"', f"performance = {json.dumps(performance)}"
    )
    (folder / "workspace.toml").write_text(text, "utf-8")
    return folder


def _json(*argv: str) -> dict:
    code, text = run(*argv, "--today", TODAY, "--format", "json")
    assert code == 0, argv
    return json.loads(text)


def test_the_workspace_reads_its_data_as_the_command_line_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _team(tmp_path)
    monkeypatch.chdir(tmp_path)  # not the workspace's folder: paths are from its own
    named = _json("check", "team")
    given_ = _json(
        "check", "team/workspace.toml",
        "--history", "team/history.csv", "--performance", "team/performance.csv",
    )  # fmt: skip
    bare = _json("check", "team", "--history", str(folder / "history.csv"))
    assert named == given_
    assert [g["achievability"]["probability"] for g in named["goals"]] == [
        g["achievability"]["probability"] for g in bare["goals"]
    ]
    assert all(g["achievability"] for g in named["goals"]) and len(named["channels"]) == 2


def test_a_file_on_the_command_line_replaces_the_workspaces(tmp_path: Path) -> None:
    folder = _team(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("date,channel,metric,value\n2025-12-01,x,followers,10\n", "utf-8")
    report = _json("check", str(folder), "--history", str(other))
    # the workspace's linkedin history is not read: no goal has one to judge against
    assert all(g["achievability"] is None for g in report["goals"])


def test_the_python_api_reads_them_too(tmp_path: Path) -> None:
    folder = _team(tmp_path)
    result = gr.run_check(folder / "workspace.toml", today=DAY)
    assert all(g.smart.achievability is not None for g in result.goals)
    assert {d.channel for d in result.channels} == {"linkedin", "instagram"}
    ws = load_workspace(folder / "workspace.toml")
    assert ws.history == (str(folder / "history.csv"),)
    assert ws.performance == (str(folder / "performance.csv"),)


def test_review_and_channels_read_them(tmp_path: Path) -> None:
    folder = _team(tmp_path)
    store = str(tmp_path / "goals.db")
    named = _json("review", str(folder), "--store", store)
    given_ = _json(
        "review", str(folder), "--store", str(tmp_path / "other.db"),
        "--history", str(folder / "history.csv"), "--performance", str(folder / "performance.csv"),
    )  # fmt: skip
    assert [g["probability"] for g in named["goals"]] == [g["probability"] for g in given_["goals"]]
    assert all(g["probability"] is not None for g in named["goals"])
    channels = _json("channels", "--workspace", str(folder))
    assert channels == _json(
        "channels", str(folder / "performance.csv"), "--workspace", str(folder)
    )


def test_a_missing_named_file_is_one_line_naming_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _team(tmp_path)
    (folder / "history.csv").unlink()
    for argv in (("check", str(folder)), ("review", str(folder), "--store", ":memory:")):
        code, _ = run(*argv, "--today", TODAY)
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1, argv
        assert "workspace.history" in err and "history.csv" in err and "no such file" in err
    with pytest.raises(WorkspaceError) as caught:
        gr.run_check(folder / "workspace.toml", today=DAY)
    assert caught.value.field == "workspace.history"


@pytest.mark.parametrize("value", ["3", "[]", '["history.csv", 3]', '""', "{ a = 1 }"])
def test_a_value_naming_no_file_is_an_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "workspace.toml"
    path.write_text(f'[workspace]\nname = "T"\nhistory = {value}\n', "utf-8")
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(path)
    assert caught.value.field == "workspace.history"


def test_channels_with_a_workspace_naming_no_performance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "workspace.toml"
    path.write_text('[workspace]\nname = "T"\n', "utf-8")
    code, _ = run("channels", "--workspace", str(path))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "[workspace] performance" in err


_NAMES = st.text("abcxyz-_ 0", min_size=1, max_size=8).filter(lambda s: s.strip() == s)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sub=_NAMES, history=_NAMES, performance=_NAMES)
def test_where_the_files_lie_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, sub: str, history: str, performance: str
) -> None:
    """Files anywhere under the workspace's folder, under any names: the same report
    as the files beside it."""
    root = tmp_path_factory.mktemp("ws")
    moved = _team(root / "a", f"{sub}/{history}.csv", f"{sub}/{performance}-p.csv")
    plain = _team(root / "b")
    got, want = _json("check", str(moved)), _json("check", str(plain))
    assert got["goals"] == want["goals"] and got["channels"] == want["channels"]
