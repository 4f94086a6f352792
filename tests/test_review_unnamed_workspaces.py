"""Two workspaces with no name of their own, both "workspace.toml", in one store.

A review keeps a workspace's reviews under its name, else its file's name: two teams'
unnamed "workspace.toml" reviewed into one store were one workspace to it, the second
team's review compared with the first's without a word ("the goal changed since the
last review (target x2 then, x3 now)", streaks running across both teams), and a date
both reviewed kept as two revisions of one review. Each such review now says so, naming
both files; a workspace moved or copied (the same bytes) is the same workspace.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import goalrules as gr

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
FEB, MAR = "2026-02-10", "2026-03-10"


def _unnamed(folder: Path, target: str = "x2") -> Path:
    folder.mkdir()
    text = gr.demo_paths()["workspace"].read_text()
    lines = [line for line in text.splitlines() if not line.startswith("name = ")]
    ws = folder / "workspace.toml"
    ws.write_text("\n".join(lines).replace('target = "x2"', f'target = "{target}"') + "\n")
    return ws


def _review(ws: Path, store: Path, day: str, **kw: object) -> gr.ReviewResult:
    history = EXAMPLE / f"history-{day}.csv"
    return gr.review(ws, history, store=store, today=D.fromisoformat(day), **kw)  # type: ignore[arg-type]


def _noted(result: gr.ReviewResult) -> list[str]:
    return [n for n in result.notes if "were last made from" in n]


def test_another_unnamed_workspace_in_the_store_is_said(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    a, b = _unnamed(tmp_path / "a"), _unnamed(tmp_path / "b", target="x3")
    assert not _noted(_review(a, store, FEB))
    (said,) = _noted(_review(b, store, MAR))
    assert str(a.resolve()) in said and str(b.resolve()) in said
    assert "'workspace'" in said and "--name" in said
    # the same date as the other's review: kept as its revision, said too
    assert _noted(_review(b, store, FEB))


def test_the_same_workspace_moved_or_copied_is_no_other(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    a = _unnamed(tmp_path / "a")
    _review(a, store, FEB)
    moved = tmp_path / "moved"
    shutil.move(a.parent, moved)
    assert not _noted(_review(moved / "workspace.toml", store, MAR))
    copy = tmp_path / "copy"
    shutil.copytree(moved, copy)
    assert not _noted(_review(copy / "workspace.toml", store, MAR))


def test_a_named_workspace_needs_no_note(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    a, b = _unnamed(tmp_path / "a"), _unnamed(tmp_path / "b", target="x3")
    _review(a, store, FEB, name="team-a")
    assert not _noted(_review(b, store, MAR, name="team-b"))
    assert not _noted(_review(b, store, MAR))  # its own name's reviews: none before


def test_the_list_of_one_workspace_is_its_own(tmp_path: Path) -> None:
    """'review --store DB --list --name team-a' listed every workspace's reviews."""
    import subprocess
    import sys

    store = tmp_path / "goals.db"
    a, b = _unnamed(tmp_path / "a"), _unnamed(tmp_path / "b", target="x3")
    _review(a, store, FEB, name="team-a")
    _review(b, store, FEB, name="team-b")
    _review(b, store, MAR, name="team-b")
    run = subprocess.run(
        [sys.executable, "-m", "goalrules", "review", "--store", str(store), "--list",
         "--name", "team-b"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = run.stdout.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["team-b", "team-b"]
    assert lines[-1] == f"2 reviews of team-b in {store}"
