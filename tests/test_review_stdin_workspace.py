"""A workspace read from standard input (``goalrules check -``, ``goalrules review -``)
names its data files from the current folder: it has no folder of its own (the text is
saved in a temporary one the user never made, which its ``history = "history.csv"`` was
once read from: an error naming a temporary path)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goalrules.cli import main
from goalrules.cli.init import init_workspace


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    out = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv, out=out), out.getvalue()


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    init_workspace(folder, name="Acme")
    return folder


@pytest.mark.parametrize("command", ["check", "review"])
def test_a_piped_workspace_reads_its_files_from_the_current_folder(
    command: str, team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (team / "workspace.toml").read_text()
    extra = ["--store", str(tmp_path / f"{command}.db")] if command == "review" else []
    day = ["--today", "2026-12-05", "--format", "json"]
    monkeypatch.chdir(team)
    code, piped = run([command, "-", *day, *extra], text, monkeypatch)
    assert code == 0, piped
    extra = ["--store", str(tmp_path / f"{command}-file.db")] if command == "review" else []
    code, named = run([command, str(team / "workspace.toml"), *day, *extra], "", monkeypatch)
    assert code == 0
    assert json.loads(piped) == json.loads(named)  # the same history, the same numbers


def test_a_piped_workspace_elsewhere_names_the_current_folder_not_a_temporary_one(
    team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, _ = run(["check", "-"], (team / "workspace.toml").read_text(), monkeypatch)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "standard input" in err and "goalrules-" not in err
    assert "history.csv" in err and f"current folder, {elsewhere}" in err


def test_a_piped_workspace_with_no_name_is_not_kept_under_a_temporary_files_name(
    team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its reviews were kept under "stdin" (the name of the file standard input is
    saved in), apart from the same workspace's reviewed from its file."""
    text = (team / "workspace.toml").read_text().replace('name = "Acme"\n', "")
    monkeypatch.chdir(team)
    store = str(tmp_path / "goals.db")
    code, _ = run(["review", "-", "--store", store], text, monkeypatch)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--name" in err
    assert not Path(store).exists() or "stdin" not in Path(store).read_bytes().decode("latin-1")
    code, said = run(["review", "-", "--store", store, "--name", "acme"], text, monkeypatch)
    assert code == 0 and said.startswith("goalrules review: acme, review 1")


@pytest.mark.parametrize("piped", ["workspace", "history"])
def test_explain_says_a_piped_input_is_not_a_file_to_read_again(
    piped: str, team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(team)
    store = str(tmp_path / "goals.db")
    day = ["--today", "2026-12-05"]
    if piped == "workspace":
        argv, text = ["review", "-"], (team / "workspace.toml").read_text()
    else:
        argv, text = (
            ["review", "workspace.toml", "--history", "-"],
            (team / "history.csv").read_text(),
        )
    assert run([*argv, "--store", store, *day], text, monkeypatch)[0] == 0
    code, said = run(
        ["review", "--store", store, "--date", "2026-12-05", "--explain", "li-followers"],
        "",
        monkeypatch,
    )
    assert code == 0
    assert f"Not re-run: its {piped} was read from standard input, not a file." in said
    assert "stdin" not in said and "goalrules-" not in said
