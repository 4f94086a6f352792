"""``goalrules init``: the workspace it writes loads, explains every key, and the next
commands it prints run on it; the command-line conventions every command shares."""

from __future__ import annotations

import datetime as dt
import io
import json
import shlex
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.cli.init import KEYS, SECTIONS, init_workspace, key_rows, workspace_toml
from goalrules.io import load_workspace


def run(
    *argv: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str]:
    out = io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_every_model_field_is_explained_and_nothing_else() -> None:
    for section in SECTIONS:
        rows = key_rows(section)  # a field without a meaning is a KeyError
        assert [r[0] for r in rows] == list(KEYS[section]), section
        assert all(r[1] and r[2] and r[3] and r[4] for r in rows)


def test_the_written_file_mentions_every_key_with_its_default() -> None:
    text = workspace_toml(name="Acme", today=dt.date(2026, 1, 10))
    for section in SECTIONS:
        for key, _kind, default, meaning, _example in key_rows(section):
            assert f"#   {key} (" in text and f"default: {default}" in text and meaning in text


@settings(max_examples=25)
@given(
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)),
    name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and "\x00" not in s),
)
def test_the_workspace_loads_for_any_date_and_name(today: dt.date, name: str) -> None:
    text = workspace_toml(name=name, today=today, fixed=True)
    ws = load_workspace("workspace.toml", text=text)
    assert ws.name == name and ws.today == today
    assert {g.id for g in ws.goals} == {"li-followers", "li-leads"}
    assert all(g.start == today and g.deadline is not None and g.deadline > today for g in ws.goals)
    assert [t.id for t in ws.plan.tactics] == ["weekly-carousel"]
    followers = next(g for g in ws.goals if g.id == "li-followers")
    assert (followers.metric, followers.channel) == ("followers", "linkedin")


@settings(max_examples=10, deadline=None)
@given(today=st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_the_data_ends_the_month_before_and_reads(
    today: dt.date, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("ws")
    init_workspace(folder, today=today)
    histories = gr.load_history(folder / "history.csv")
    series = histories[("linkedin", "followers")]
    assert len(series.points) == 6
    assert max(p.date for p in series.points) < today.replace(day=1)
    rows = gr.load_performance(folder / "performance.csv")
    assert {r.channel for r in rows} == {"linkedin", "instagram"}
    assert max(r.month for r in rows) < today.replace(day=1)


def test_init_then_the_printed_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, text = run("init", str(tmp_path / "acme social"), "--today", "2026-01-10")
    assert code == 0
    printed = text.split("Next:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [shlex.split(line)[1] for line in printed] == ["check", "review", "channels"]
    monkeypatch.chdir(tmp_path)  # each command as printed, from where init was run
    reports = {}
    for line in printed:
        argv = shlex.split(line)[1:]
        code, reports[argv[0]] = run(*argv, "--today", "2026-01-10")
        assert code == 0, line
    # the workspace names its data: the check judges achievability and the channels
    check = reports["check"]
    assert "Acme Social (as of 2026-01-10)" in check
    assert "achievability:" in check and "Channels: keep, optimize or cut (2)" in check
    assert "review 1 (2026-01-10)" in reports["review"]
    assert "instagram" in reports["channels"] and "linkedin" in reports["channels"]
    assert (tmp_path / "acme social" / "goals.db").is_file()
    monkeypatch.chdir(tmp_path / "acme social")
    code, here = run("check", "--today", "2026-01-10")  # ./workspace.toml
    assert code == 0 and here == check


def test_init_keeps_existing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "workspace.toml").write_text("# mine\n", encoding="utf-8")
    code, _ = run("init", str(tmp_path))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--force" in err
    assert (tmp_path / "workspace.toml").read_text("utf-8") == "# mine\n"
    code, _ = run("init", str(tmp_path), "--force")
    assert code == 0 and "[[goal]]" in (tmp_path / "workspace.toml").read_text("utf-8")


def test_check_without_a_workspace_says_how_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = run("check")
    err = capsys.readouterr().err
    assert code == 2 and "goalrules init" in err and err.count("\n") == 1


# -- conventions ---------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"goalrules {gr.__version__}"


@pytest.mark.parametrize(
    ("name", "start"),
    [("report.html", "<!doctype html>"), ("report.md", "# "), ("report.json", "{")],
)
def test_output_extension_picks_the_format(tmp_path: Path, name: str, start: str) -> None:
    code, _ = run("demo", "--output", str(tmp_path / name))
    assert code == 0
    assert (tmp_path / name).read_text("utf-8").startswith(start)


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    code, _ = run("demo", "--format", "text", "--output", str(tmp_path / "r.html"))
    assert code == 0 and not (tmp_path / "r.html").read_text("utf-8").startswith("<")


def test_quiet_keeps_notes_and_wrote_off_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("demo", "--output", str(tmp_path / "r.txt"))
    assert "wrote" in capsys.readouterr().err
    run("-q", "demo", "--output", str(tmp_path / "r.txt"))
    assert capsys.readouterr().err == ""


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    paths = gr.demo_paths()
    text = paths["workspace"].read_text("utf-8")
    code, report = run("check", "-", "--format", "json", stdin=text, monkeypatch=monkeypatch)
    assert code == 0 and json.loads(report)["workspace"] == "Campfire, Inc."
    history = paths["history"].read_text("utf-8")
    code, report = run("check", str(paths["workspace"]), "--history", "-", "--format", "json",
                       stdin=history, monkeypatch=monkeypatch)  # fmt: skip
    goals = json.loads(report)["goals"]
    assert code == 0 and any(g["achievability"] for g in goals)


def test_review_history_does_not_swallow_the_workspace(tmp_path: Path) -> None:
    paths = gr.demo_paths()
    code, text = run("review", "--history", str(paths["history"]), str(paths["workspace"]),
                     "--store", str(tmp_path / "goals.db"), "--today", "2026-01-10")  # fmt: skip
    assert code == 0 and "li-followers" in text


def test_a_folder_given_as_the_workspace_reads_its_workspace_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run("init", str(tmp_path / "acme"), "--today", "2026-01-10")
    monkeypatch.chdir(tmp_path)
    data = ("--history", "acme/history.csv", "--performance", "acme/performance.csv")
    assert run("check", "acme", *data) == run("check", "acme/workspace.toml", *data)
    code, text = run("check", "acme", *data)
    assert code == 0 and "Acme (as of 2026-01-10)" in text
    by_folder = run("channels", "acme/performance.csv", "--workspace", "acme")
    assert by_folder == run(
        "channels", "acme/performance.csv", "--workspace", "acme/workspace.toml"
    )
    (tmp_path / "empty").mkdir()
    capsys.readouterr()
    code, _ = run("check", "empty")
    err = capsys.readouterr().err
    assert code == 2 and "empty: is a directory" in err and err.count("\n") == 1


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts(shell: str) -> None:
    pytest.importorskip("shtab")
    code, text = run("completion", shell)
    assert code == 0
    for command in ("check", "init", "review", "channels", "--history"):
        assert command in text


def test_init_is_in_help_and_is_an_attrs_free_cli() -> None:
    code, text = run()
    assert code == 0 and "init" in text and "completion" in text
    assert attrs.has(gr.Goal)


def test_review_json_flags_carry_their_messages(tmp_path: Path) -> None:
    paths = gr.demo_paths()
    store = str(tmp_path / "goals.db")
    for day in ("2026-01-10", "2026-07-20"):
        code, text = run("review", str(paths["workspace"]), "--history", str(paths["history"]),
                         "--store", store, "--today", day, "--format", "json")  # fmt: skip
        assert code == 0
    flags = [f for g in json.loads(text)["goals"] for f in g["flags"]]
    assert flags, "a goal past its deadline is flagged"
    assert all(set(f) == {"name", "message"} and f["message"] for f in flags)


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{ws}", "--history", "{history}", "--format", "json", "--output", "{out}.json"],
        ["import", "{crm}", "--output", "{out}.csv"],
        ["rules", "diff", "--workspace", "{ws}", "--output", "{out}.md"],
    ],
    ids=["check-streamed", "import", "rules-diff"],
)
def test_quiet_is_quiet_for_every_command_that_writes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """``-q`` kept "wrote FILE" and notes on stderr for a streamed check, an import and
    a rules diff (each printed its own line, past the quiet switch)."""
    paths = gr.demo_paths()
    crm = Path(__file__).resolve().parent.parent / "examples/data/exports/hubspot-contacts.csv"
    filled = [
        part.format(ws=paths["workspace"], history=paths["history"], crm=crm, out=tmp_path / "r")
        for part in command
    ]
    run(*filled)
    assert "wrote" in capsys.readouterr().err
    code, _ = run("-q", *filled)
    assert code in (0, 1) and capsys.readouterr().err == ""
