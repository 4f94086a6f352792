"""One goal's inconsistency is that goal's, said where it is; a missing field is named.

A goal whose target is in another unit than its metric and history ("Get 500 leads by
June" with metric = "followers") ended the whole check with "goalrules: error:
goal.target: the target is in 'lead', which does not fit the metric's unit 'follower'",
naming no file or goal, after the goals before it had been written. A goal with no id
read "goal[0]: Goal.__init__() missing 1 required positional argument: 'id'".
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goalrules.cli import main

HISTORY = "date,channel,metric,value\n" + "".join(
    f"2026-{m:02d}-28,linkedin,followers,{1000 + 40 * k}\n" for k, m in enumerate(range(6, 12))
)
WORKSPACE = """
[workspace]
name = "E"
today = 2026-12-04

[[goal]]
id = "a"
statement = "Get 500 leads by June"
metric = "followers"
channel = "linkedin"

[[goal]]
id = "b"
statement = "Reach 1,500 LinkedIn followers by June"
metric = "followers"
channel = "linkedin"
target = "1500 followers"
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "ws.toml").write_text(WORKSPACE, encoding="utf-8")
    (tmp_path / "history.csv").write_text(HISTORY, encoding="utf-8")
    return tmp_path / "ws.toml", tmp_path / "history.csv"


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_a_target_in_another_unit_is_that_goals_reason(
    files: tuple[Path, Path], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, history = files
    out = io.StringIO()
    assert main(["check", str(ws), "--history", str(history), "--format", fmt], out=out) == 0
    assert capsys.readouterr().err.strip() == ""
    text = out.getvalue()
    if fmt == "json":
        goals = {g["id"]: g for g in json.loads(text)["goals"]}
        a, b = goals["a"], goals["b"]
        assert a["achievability"]["verdict"] == "insufficient_data"
        assert "'lead'" in a["achievability"]["explanation"]
        assert "State the target in followers." in a["smart"]["suggestions"]
        assert not any("history of" in s for s in a["smart"]["suggestions"])
        assert b["achievability"]["probability"] is not None  # the next goal is judged
    else:
        assert "which does not fit the metric's unit 'follower'" in " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ws.toml", '[workspace]\nname = "E"\n\n[[goal]]\nstatement = "Get 500 leads"\n'),
        ("ws.yaml", "workspace:\n  name: E\ngoal:\n  - statement: Get 500 leads\n"),
        ("ws.json", '{"workspace": {"name": "E"}, "goal": [{"statement": "Get 500 leads"}]}'),
    ],
)
def test_a_missing_id_is_named(
    name: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / name)], out=io.StringIO()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"{name}: goal[0].id: missing field 'id' (each goal needs one)" in err[0]
    assert "__init__" not in err[0]
