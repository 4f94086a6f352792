"""`goalrules rules diff`: what a rule edit changes on a workspace, checked against the
judgments computed independently with each rule set."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.check import demo_paths, run_check
from goalrules.cli import main
from goalrules.diff import diff_rules, rule_side
from goalrules.dsl.format import format_rules
from goalrules.errors import GoalRulesError, UnknownNameError
from goalrules.io import load_performance, load_workspace

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"
DEMO = demo_paths()
DATA = {"workspace": DEMO["workspace"], "history": DEMO["history"],
        "performance": DEMO["performance"]}  # fmt: skip


def _channels_copy(tmp_path: Path, old: str | None = None, new: str | None = None) -> Path:
    text = (SHIPPED / "channels.rules").read_text("utf-8")
    if old is not None and new is not None:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "channels.rules"
    path.write_text(text, encoding="utf-8")
    return path


def _decisions(rules: gr.RuleSet | None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each demo channel's decision and message, judged directly with ``rules``."""
    ws = load_workspace(DEMO["workspace"])
    import csv

    with DEMO["performance"].open(encoding="utf-8") as f:
        rows = load_performance(list(csv.DictReader(f)))
    got = gr.decide_channels(rows, goals=ws.goals, channels=ws.channels, today=ws.today,
                             rules=rules or gr.shipped_ruleset("channels"))  # fmt: skip
    return {d.channel: (d.decision.value, d.reasons[:1]) for d in got}


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["rules", "diff", *argv], out=out)
    return code, out.getvalue()


def _data_args() -> list[str]:
    return ["--workspace", str(DEMO["workspace"]), "--history", str(DEMO["history"]),
            "--performance", str(DEMO["performance"])]  # fmt: skip


def test_a_one_line_param_edit_lists_exactly_the_channels_that_change(tmp_path: Path) -> None:
    old = _channels_copy(tmp_path / "a") if (tmp_path / "a").mkdir() is None else None
    new_dir = tmp_path / "b"
    new_dir.mkdir()
    new = _channels_copy(new_dir, "param improving = 10 %", "param improving = 1 %")
    assert old is not None
    result = diff_rules([str(old)], [str(new)], **DATA)
    before, after = _decisions(gr.load_rules(old)), _decisions(gr.load_rules(new))
    expected = {c for c in before if before[c] != after[c]}
    assert expected  # the edit does change something on the demo
    assert {d.subject for d in result.channels} == expected
    assert not result.goals and result.exit_code == 1
    for d in result.channels:
        assert d.changes[0].what == "decision"
        assert (d.changes[0].before, d.changes[0].after) == (before[d.subject][0],
                                                             after[d.subject][0])  # fmt: skip
        assert any(rule.startswith("optimize.rising") for rule in d.rules)  # uses `improving`
    assert result.summary().startswith("0 of 6 goals change; 1 of 5 channels changes: ")
    code, text = _cli(str(old), str(new), *_data_args())
    assert code == 1 and "reduce -> optimize" in text and "before" in text and "after" in text


def test_a_smart_edit_lists_exactly_the_goals_that_change(tmp_path: Path) -> None:
    text = (SHIPPED / "smart.rules").read_text("utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("param max_horizon"))
    edited = text.replace(line, "param max_horizon = 3 months", 1)
    path = tmp_path / "smart.rules"
    path.write_text(edited, encoding="utf-8")
    result = diff_rules(None, [str(path)], **DATA)
    # independently: the rubric replaced rule by rule through run_check's own `rules`
    plain = run_check(DEMO["workspace"], history=DEMO["history"])
    merged = run_check(DEMO["workspace"], history=DEMO["history"], rules=[gr.load_rules(path)])
    expected = {
        a.id
        for a, b in zip(plain.goals, merged.goals, strict=True)
        if a.smart.to_dict() != b.smart.to_dict()
    }
    assert expected and {d.subject for d in result.goals} == expected
    assert all("time_bound.sensible-horizon" in d.rules for d in result.goals)
    assert not result.channels


def test_comments_and_layout_change_nothing(tmp_path: Path) -> None:
    text = (SHIPPED / "channels.rules").read_text("utf-8")
    edited = format_rules("# a comment on top\n" + text.replace("\n\n", "\n\n\n"))
    path = tmp_path / "channels.rules"
    path.write_text(edited + "\n# and one at the end\n", encoding="utf-8")
    code, out = _cli(str(SHIPPED / "channels.rules"), str(path), *_data_args())
    assert code == 0, out
    assert "0 of 5 channels change" in out and "0 of 6 goals change" in out
    same = diff_rules(None, None, params={"channels.improving": "10 %"}, **DATA)
    assert not same.changed and same.exit_code == 0


def test_param_overrides_and_their_errors() -> None:
    code, out = _cli("--param", "channels.improving=1%", "--format", "json", *_data_args())
    data = json.loads(out)
    assert code == 1 and data["changed"] and [c["subject"] for c in data["channels"]]
    assert data["channels"][0]["before"] and data["channels"][0]["after"]
    with pytest.raises(UnknownNameError, match="improvin"):
        rule_side(params={"improvin": "1 %"})
    with pytest.raises(GoalRulesError, match="several rulesets"):
        rule_side(params={"achievable": "0.6"})  # smart and achievability both declare it
    with pytest.raises(UnknownNameError):
        rule_side(params={"nosuch.improving": "1 %"})


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _cli("--param", "nothing=1", *_data_args())
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "unknown param" in err
    bad = tmp_path / "channels.rules"
    bad.write_text("ruleset channels\nrule x decision keep check visits >\n", encoding="utf-8")
    code, _ = _cli(str(bad), *_data_args())
    assert code == 2 and capsys.readouterr().err.count("\n") == 1


def test_formats(tmp_path: Path) -> None:
    for fmt, marker in (("markdown", "| before | after |"), ("html", "<table>"),
                        ("text", "before")):  # fmt: skip
        code, out = _cli("--param", "improving=1%", "--format", fmt, *_data_args())
        assert code == 1 and marker in out and "instagram" in out
    target = tmp_path / "diff.html"
    code, out = _cli("--param", "improving=1%", "--format", "html", "--output", str(target),
                     *_data_args())  # fmt: skip
    assert code == 1 and out == "" and "instagram" in target.read_text("utf-8")


def test_a_platform_fit_table_edit(tmp_path: Path) -> None:
    table = (SHIPPED / "platform_fit.table.csv").read_text("utf-8")
    edited = table.replace('"leads", "recruiting", ', '"recruiting", ')
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "platform_fit.table.csv").write_text(edited, encoding="utf-8")
    result = diff_rules(None, [str(folder)], **DATA)
    plain = run_check(DEMO["workspace"], history=DEMO["history"])
    linkedin_leads = {g.id for g in plain.goals
                      if g.smart.goal.channel == "linkedin" and g.smart.goal.objective == "leads"}  # fmt: skip
    assert {d.subject for d in result.goals} == linkedin_leads
    assert gr.channel_fits("linkedin", "leads")  # the table is back after the diff
    from goalrules import plugins

    # and the edited table, gone, leaves no "replaces the platform-fit table" note behind
    assert not any("platform" in note for note in plugins.notes())


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_file_at_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _channels_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    env = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    for cmd in (["init", "-q"], ["add", "channels.rules"], [*env, "commit", "-qm", "rules"]):
        subprocess.run(["git", *cmd], check=True, cwd=tmp_path)
    path.write_text(path.read_text("utf-8").replace("improving = 10 %", "improving = 1 %"))
    code, out = _cli("git:HEAD:channels.rules", str(path), *_data_args())
    assert code == 1 and "instagram" in out
    with pytest.raises(GoalRulesError, match="git show"):
        rule_side(["git:nosuchrev:channels.rules"])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=30))
def test_listed_channels_are_those_whose_decision_or_message_changes(percent: int) -> None:
    value = f"{percent} %"
    result = diff_rules(None, None, params={"channels.improving": value}, **DATA)
    before = _decisions(None)
    after = _decisions(gr.shipped_ruleset("channels").with_params(improving=value))
    assert {d.subject for d in result.channels} == {c for c in before if before[c] != after[c]}
    assert result.exit_code == (1 if result.changed else 0)


@pytest.mark.parametrize("written", ["15", "0.15", "-2"])
def test_a_bare_number_for_a_share_param_is_an_error_not_a_hundredfold(written: str) -> None:
    """``--param channels.low_volume=15`` read 1,500 % (and listed no change)."""
    code, _ = _cli("--param", f"channels.low_volume={written}", *_data_args())
    assert code == 2
    with pytest.raises(GoalRulesError, match=r"write the override with its unit") as caught:
        gr.shipped_ruleset("channels").with_params(low_volume=written)
    # "0.15" may be the fraction 15 % or 0.15 %: both are named, never only the latter
    meant = [f"'{written} %'"] + (["'15 %'"] if written == "0.15" else [])
    assert all(m in str(caught.value) for m in meant), str(caught.value)
    with pytest.raises(GoalRulesError, match="is a share"):
        gr.load_rules(
            "param min = 2 %\nfact r: %\nrule a criterion x check r > min", params={"min": written}
        )
    assert (
        gr.load_rules(
            "param min = 2 %\nfact r: %\nrule a check r > min", params={"min": "0"}
        ).params["min"]
        == 0
    )
