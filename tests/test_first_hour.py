"""A newcomer's first hour, through the installed ``goalrules`` command in an empty
folder: the README's demo and its Python taste, then ``init`` -> ``check`` ->
``review`` -> ``channels`` -> ``plan``, asserting on what a person reads."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import goalrules as gr

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = shutil.which("goalrules", path=str(Path(sys.executable).parent))

pytestmark = pytest.mark.skipif(SCRIPT is None, reason="no goalrules console script installed")


def goalrules(*argv: str, cwd: Path, code: int = 0) -> tuple[str, str]:
    env = {**os.environ, "PYTHONPATH": str(Path(gr.__file__).parent.parent), "COLUMNS": "80"}
    env.pop("GOALRULES_LOCALE", None)
    assert SCRIPT is not None
    run = subprocess.run([SCRIPT, *argv], cwd=cwd, env=env, capture_output=True, text=True,
                         check=False, timeout=300)  # fmt: skip
    assert run.returncode == code, (argv, run.stdout[-2000:], run.stderr[-2000:])
    assert "Traceback" not in run.stderr
    return run.stdout, run.stderr


def _without_statements(text: str) -> str:
    """The page without the goals' statements (the user's own words)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith('"'))


def reads_well(page: str) -> None:
    """What every page a person reads has in common."""
    assert ": unknown)" not in page  # no template placeholder
    text = _without_statements(page)
    assert not re.search(r"\d%", text)  # "49.3 %", never "49.31%"
    assert not re.search(r"\d\.\d+e[+-]\d", text)  # no scientific notation
    assert "insufficient_data" not in text and "quick_win" not in text
    assert not re.search(r"\b1 (customers|leads|visits|months|goals|problems)\b", text)


def test_the_first_hour(tmp_path: Path) -> None:
    # the README: the demo runs, and reads well
    out, _ = goalrules("demo", cwd=tmp_path)
    assert out.startswith("goalrules check: Campfire, Inc. (as of 2026-01-10)")
    assert all(len(line) <= 80 for line in out.splitlines())
    reads_well(out)
    taste = re.search(
        r"## A taste\n\n```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S
    )
    assert taste is not None
    exec(compile(taste[1], "README.md", "exec"), {"__name__": "readme"})

    out, _ = goalrules("--version", cwd=tmp_path)
    assert out.strip() == f"goalrules {gr.__version__}"

    # start your own
    out, _ = goalrules("init", "acme-social", "--today", "2026-01-10", cwd=tmp_path)
    folder = tmp_path / "acme-social"
    assert sorted(p.name for p in folder.iterdir()) == [
        "history.csv",
        "performance.csv",
        "workspace.toml",
    ]
    next_steps = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert [s.split()[:3] for s in next_steps[:3]] == [
        ["goalrules", "check", "acme-social"],
        ["goalrules", "review", "acme-social"],
        ["goalrules", "channels", "--workspace"],
    ]
    workspace = (folder / "workspace.toml").read_text("utf-8")
    assert (
        workspace.count("\n[[goal]]") == 2
        and "[[tactic]]" in workspace
        and "[[channel]]" in workspace
    )
    assert "#   deadline (" in workspace and "#   formats_tried (" in workspace

    # the three commands init printed, as printed, where init was run: the workspace
    # names its data, so each reads it
    for command in next_steps[:3]:
        argv = command.split()[1:]
        out, err = goalrules(*argv, cwd=tmp_path)
        reads_well(out)
        if argv[0] == "check":
            assert "Acme Social (as of 2026-01-10)" in out
            assert out.count("achievability: ") == 2
            assert "li-followers  SMART" in out and "li-leads  SMART" in out
            assert "linkedin" in out and "instagram" in out
            assert "weekly-carousel" in out and "quick win" in out
        elif argv[0] == "review":
            assert "review 1 (2026-01-10)" in out and "li-leads" in out
        else:
            assert re.search(r"^linkedin\s+(KEEP|OPTIMIZE|EXPERIMENT)", out, re.M)
            assert " %" in out

    # ./workspace.toml by default; a report file in the format its name says
    out, _ = goalrules("check", cwd=folder)
    assert "li-followers" in out
    _, err = goalrules("check", "--output", "report.html", cwd=folder)
    assert (folder / "report.html").read_text("utf-8").startswith("<!doctype html>")
    assert "wrote report.html" in err
    _, err = goalrules("-q", "check", "--output", "report.md", cwd=folder)
    assert err == "" and (folder / "report.md").read_text("utf-8").startswith("# goalrules check")

    # the review keeps the workspace even after a list of history files
    out, _ = goalrules("review", "--history", "history.csv", "history.csv", "workspace.toml",
                       "--store", "goals.db", "--today", "2026-02-10", cwd=folder)  # fmt: skip
    assert "review 2" in out

    # the plan scores each goal as check does
    out, _ = goalrules("plan", "workspace.toml", "--history", "history.csv", cwd=folder)
    reads_well(out)
    assert "weekly-carousel" in out

    # a German team
    out, _ = goalrules("--locale", "de", "channels", "performance.csv", cwd=folder)
    assert re.search(r"\d,\d %", out)

    # mistakes say what to do, in one line
    _, err = goalrules("check", "nope.toml", cwd=folder, code=2)
    assert err.count("\n") == 1 and "goalrules init" in err
    _, err = goalrules("init", cwd=folder, code=2)
    assert err.count("\n") == 1 and "--force" in err
