from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from goalrules.check import demo_paths
from goalrules.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goalrules.cli", *argv], capture_output=True, text=True, check=False
    )


def test_catalog_text() -> None:
    code, text = run("catalog")
    assert code == 0
    assert "engagement_rate_by_reach" in text and "engagements / post_reach" in text


def test_catalog_for_objective_json() -> None:
    code, text = run("catalog", "--objective", "leads", "--format", "json")
    assert code == 0
    keys = {m["key"] for m in json.loads(text)["metrics"]}
    assert {"leads", "cost_per_lead", "lead_conversion_rate"} <= keys


def test_bad_objective_exits_2_with_one_line() -> None:
    proc = cli("catalog", "--objective", "salez")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unknown objective 'salez'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_import_is_lazy() -> None:
    heavy = "('pint', 'cattrs', 'lark', 'hypothesis', 'jinja2')"
    code = f"import sys, goalrules; print(all(m not in sys.modules for m in {heavy}))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "True"


def test_demo_text_fits_80_columns() -> None:
    code, text = run("demo")
    assert code == 0
    assert "li-followers" in text and "OPTIMIZE" in text and "quick win" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_check_json_contract() -> None:
    p = demo_paths()
    code, text = run("check", str(p["workspace"]), "--history", str(p["history"]),
                     "--performance", str(p["performance"]), "--format", "json")  # fmt: skip
    assert code == 0
    data = json.loads(text)
    goal = next(g for g in data["goals"] if g["id"] == "li-followers")
    assert set(goal["smart"]) >= {"score", "criteria"}
    for crit in goal["smart"]["criteria"].values():
        assert set(crit) >= {"passed", "score", "findings"}
        assert all(set(f) >= {"rule", "outcome", "message"} for f in crit["findings"])
    assert set(goal["achievability"]) >= {
        "verdict",
        "required_rate",
        "historical_rate",
        "probability",
    }
    assert goal["achievability"]["verdict"] == "unrealistic"
    decisions = {c["channel"]: c["decision"] for c in data["channels"]}
    assert decisions["linkedin"] == "optimize" and decisions["x"] == "cut"
    assert all(set(c) >= {"channel", "decision", "reasons"} for c in data["channels"])


def test_plan_json_contract() -> None:
    code, text = run(
        "plan", str(demo_paths()["workspace"]), "--format", "json", "--today", "2026-01-10"
    )
    assert code == 0
    data = json.loads(text)
    post = next(t for t in data["tactics"] if t["id"] == "sponsored-post")
    assert set(post) >= {"id", "goal", "quadrant", "rank", "owners", "due"}
    assert "2026-02-28" in post["due"]
    assert all(set(f) >= {"rule", "item", "message"} for f in data["lint"])
    assert {t["quadrant"] for t in data["tactics"]} <= {
        "quick_win",
        "big_bet",
        "fill_in",
        "time_sink",
    }


def test_channels_json_is_the_channels_list() -> None:
    code, text = run("channels", str(demo_paths()["performance"]), "--format", "json")
    assert code == 0
    assert {c["channel"] for c in json.loads(text)} == {
        "linkedin",
        "facebook",
        "x",
        "instagram",
        "tiktok",
    }


def test_fail_under() -> None:
    w = str(demo_paths()["workspace"])
    assert run("check", w, "--fail-under", "10")[0] == 0
    assert run("check", w, "--fail-under", "95")[0] == 1


def test_markdown_and_html(tmp_path: Path) -> None:
    code, md = run("demo", "--format", "markdown")
    assert code == 0 and md.startswith("# goalrules check") and "| li-followers |" in md
    out = tmp_path / "report.html"
    code, _ = run("demo", "--format", "html", "--output", str(out))
    page = out.read_text()
    assert code == 0 and page.startswith("<!doctype html>") and "<svg" in page


def test_html_escapes_statements(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text('[[goal]]\nid = "x"\nstatement = "<script>alert(1)</script> grow"\n')
    code, page = run("check", str(ws), "--format", "html")
    assert code == 0
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('[[goal]\nid = "x"\n', "ws.toml:1"),
        ('[[goal]]\nid = "x"\nmetric = "folowers"\n', "did you mean 'followers'"),
        ('[[goal]]\nid = "x"\ndeadline = "2026-02-30"\n', "goal[0].deadline"),
        ('[[goal]]\nid = "x"\nobjective = "salez"\n', "goal[0].objective"),
        ('[[goal]]\nid = "x"\nmetric = "followers"\ntarget = "3 visits"\n', None),
        ("", "empty"),
    ],
)
def test_bad_workspaces_exit_2_with_one_line(
    tmp_path: Path, content: str, needle: str | None
) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(content)
    proc = cli("check", str(ws))
    if needle is None:  # a target in the wrong unit is a finding, not an error
        assert proc.returncode == 0 and "State the target in follower" in proc.stdout
        return
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr and "Traceback" not in proc.stderr


def test_bad_csv_and_missing_file_exit_2(tmp_path: Path) -> None:
    csv = tmp_path / "perf.csv"
    csv.write_text("month,channel,visits,customers\n2026-01,fb,1,0\n")  # customers may be absent
    proc = cli("channels", str(csv))
    assert proc.returncode == 2 and "missing column leads" in proc.stderr
    csv.write_text("month,channel,visits,leads,customers\n2026-01,fb,lots,0,0\n")
    proc = cli("channels", str(csv))
    assert proc.returncode == 2 and "perf.csv:2" in proc.stderr
    proc = cli("check", str(tmp_path / "nope.toml"))
    assert proc.returncode == 2 and "no such file" in proc.stderr
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\xfa")
    proc = cli("check", str(binary))
    assert proc.returncode == 2 and "not UTF-8" in proc.stderr


def test_rules_check_exit_codes(tmp_path: Path) -> None:
    ok = tmp_path / "ok.rules"
    ok.write_text("fact n: number\nrule a criterion c check n > 1\n")
    bad = tmp_path / "bad.rules"
    bad.write_text(
        "fact n: number\nrule a criterion c check n > 1 visits\nrule b criterion c check m\n"
    )
    assert run("rules", "check", str(ok))[0] == 0
    code, text = run("rules", "check", str(ok), str(bad))
    assert code == 2
    assert "bad.rules:2:" in text and "bad.rules:3:" in text


def test_extra_rules_join_the_rubric(tmp_path: Path) -> None:
    extra = tmp_path / "house.rules"
    extra.write_text(
        'rule house.owner criterion relevant check goal.owner is set says "No owner."\n'
    )
    p = demo_paths()
    code, text = run("check", str(p["workspace"]), "--rules", str(extra), "--format", "json")
    assert code == 0
    goal = next(g for g in json.loads(text)["goals"] if g["id"] == "launch-campaigns")
    rules = {f["rule"] for f in goal["smart"]["criteria"]["relevant"]["findings"]}
    assert "house.owner" in rules


def test_check_json_matches_the_documented_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent.parent / "docs" / "check.schema.json").read_text())
    code, text = run("demo", "--format", "json")
    assert code == 0
    jsonschema.validate(json.loads(text), schema)


def write_book(path: Path, accounts: tuple[str, ...], months: int, other: str) -> Path:
    """Monthly rows of two channels per account: linkedin growing, `other` fading."""
    lines = ["account,channel,month,visits,leads,customers"]
    for account in accounts:
        for m in range(1, months + 1):
            lines.append(f"{account},linkedin,2025-{m:02d}-01,{300 + 10 * m},{20 + m},2")
            lines.append(f"{account},{other},2025-{m:02d}-01,{900 - 80 * m},{max(0, 9 - m)},0")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_channels_for_many_accounts_streams_the_book(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    book = write_book(tmp_path / "book.csv", ("a", "b"), 6, "x")
    code, text = run("channels", str(book), "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert {(d["account"], d["channel"]) for d in data} == {
        ("a", "linkedin"),
        ("a", "x"),
        ("b", "linkedin"),
        ("b", "x"),
    }
    assert all(set(d) >= {"channel", "decision", "reasons"} for d in data)
    bad = tmp_path / "bad.csv"
    bad.write_text("account,channel,month,visits\na,x,2025-01-01,3\n")
    proc = cli("channels", str(bad))
    assert proc.returncode == 2 and "missing column" in proc.stderr
    empty = tmp_path / "empty-cell.csv"
    empty.write_text(
        "account,channel,month,visits,leads,customers\na,x,2025-01,100,3,0\na,x,,90,3,0\n"
    )
    proc = cli("channels", str(empty))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "empty-cell.csv: month: 1 empty value(s), the first in row 2" in proc.stderr
    # an empty count is not measured: unknown, said so, never an error nor 0
    empty.write_text(
        "account,channel,month,visits,leads,customers\na,x,2025-01,100,3,0\na,x,2025-02,,3,0\n"
    )
    code, text = run("channels", str(empty))
    assert code == 0 and "visits unknown (not measured), 6 leads" in text


def test_book_reports_in_every_format(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    book = write_book(tmp_path / "book.csv", ("north", "<script>x</script>"), 8, "fb")
    code, text = run("channels", str(book), "--today", "2025-09-15")
    assert code == 0
    assert text.startswith("2 accounts, 4 channels: ")
    assert "north            linkedin" in text and "the portfolio's" in text
    assert "no role given" in text
    code, md = run("channels", str(book), "--format", "markdown")
    assert code == 0 and md.startswith("# Channels by account") and md.count("\n| ") == 5
    code, page = run("channels", str(book), "--format", "html")
    assert code == 0 and "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and page.count("badge") >= 4
    ws = tmp_path / "ws.toml"
    ws.write_text('[workspace]\nname = "Agency"\n\n[[channel]]\nid = "linkedin"\nrole = "leads"\n')
    code, text = run("channels", str(book), "--workspace", str(ws), "--format", "json")
    data = json.loads(text)
    linkedin = next(d for d in data if d["account"] == "north" and d["channel"] == "linkedin")
    assert any("its role (leads)" in r for r in linkedin["reasons"])


def test_read_prints_the_fields_and_the_smart_score() -> None:
    out = io.StringIO()
    assert main(["read", "Double our LinkedIn followers within six months",
                 "--start", "2026-05-01", "--baseline", "1,200 followers"], out=out) == 0  # fmt: skip
    text = out.getvalue()
    assert "target     x2" in text and 'from "double"' in text
    assert "deadline   2026-11-01" in text and "SMART score:" in text
    assert "objective  -" in text and "not understood" in text


def test_read_json_shape() -> None:
    out = io.StringIO()
    argv = ["read", "Get 50 leads a month from LinkedIn and X by Q3", "--start", "2026-05-01",
            "--format", "json"]  # fmt: skip
    assert main(argv, out=out) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {
        "statement", "start", "fields", "not_understood", "notes", "language", "smart"
    }  # fmt: skip
    assert data["fields"]["channel"] == {"value": ["linkedin", "x"], "words": "LinkedIn, X"}
    assert data["fields"]["target"]["value"] == "50 lead / month"
    assert data["fields"]["deadline"]["value"] == "2026-09-30"
    assert "objective" in data["not_understood"]
    assert 0 <= data["smart"]["score"] <= 100


def test_read_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "  "]) == 2
    assert main(["read", "grow", "--start", "2026-13-01"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "--start" in err[1]


def test_a_reader_that_stops_early_stops_the_report_quietly(tmp_path: Path) -> None:
    # `goalrules check ... | head -1`: the pipe closes under a long report; no error line,
    # the status a shell gives a command its pipe stopped (128 + SIGPIPE)
    ws = tmp_path / "ws.toml"
    goals = "".join(
        f'[[goal]]\nid = "g{i}"\nmetric = "followers"\nchannel = "linkedin"\n'
        f'target = "+{10 + i}%"\nstart = 2026-01-10\ndeadline = "within 6 months"\n'
        for i in range(60)
    )
    ws.write_text(f'[workspace]\nname = "Book"\ntoday = 2026-01-10\n{goals}', encoding="utf-8")
    argv = [sys.executable, "-m", "goalrules.cli", "check", str(ws), "--history",
            str(demo_paths()["history"]), "--format", "json"]  # fmt: skip
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"
    proc.stdout.close()  # the reader has what it wanted
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_python_m_goalrules_is_the_command() -> None:
    """``python -m goalrules --help`` (the way to run a tool without its script on
    PATH) once failed: "No module named goalrules.__main__"."""
    import os

    import goalrules

    src = str(Path(goalrules.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    runs = [
        subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True,
                       text=True, check=False, env=env)
        for module in ("goalrules", "goalrules.cli")
    ]  # fmt: skip
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and "backtest" in runs[0].stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "workspace.toml", "--history", "history.csv", "--output", "history.csv"],
        ["check", "--history", "history.csv", "--output", "workspace.toml"],
        ["channels", "performance.csv", "--output", "./performance.csv"],
        ["plan", "workspace.toml", "--output", "workspace.toml"],
        ["review", "workspace.toml", "--history", "history.csv", "--store", "g.db",
         "--output", "g.db"],
        ["import", "performance.csv", "--output", "performance.csv"],
        ["import", "history.csv", "performance.csv", "--output", "."],
    ],
)  # fmt: skip
def test_a_report_never_replaces_an_input(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """``check ... --history history.csv --output history.csv`` once replaced the
    history with the report (the extension picks CSV, a report format too), and
    ``import history.csv --output .`` the export with the table read from it."""
    import datetime as dt

    import goalrules as gr

    gr.init_workspace(tmp_path, today=dt.date(2026, 1, 10))
    monkeypatch.chdir(tmp_path)
    assert main(["-q", "review", "workspace.toml", "--history", "history.csv",
                 "--store", "g.db"], out=io.StringIO()) == 0  # fmt: skip
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(argv, out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--output: " in err and "is an input of this command" in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_standard_input_is_read_as_its_bytes() -> None:
    """Bytes that are not UTF-8 on standard input once ended in a UnicodeEncodeError
    traceback (they were decoded as text, then written back as UTF-8): now the reader
    judges them as it judges a file's, in one line naming standard input; and a
    UTF-16 export (Meta's) piped in reads as the same file does."""
    import os

    import goalrules

    env = {**os.environ, "PYTHONPATH": str(Path(goalrules.__file__).resolve().parents[1])}
    argv = [sys.executable, "-m", "goalrules.cli", "check", "-"]
    proc = subprocess.run(argv, input=b"\xff\xfe[", capture_output=True, env=env, check=False)
    assert proc.returncode == 2
    assert (
        proc.stderr.decode()
        == "goalrules: error: standard input: not UTF-8 text (byte 0 is 0xff)\n"
    )
    page = (
        b"\xff\xfe"
        + 'sep=,\r\n"Facebook follows"\r\n"Date","Primary"\r\n"2025-08-01T00:00:00","20"\r\n'.encode(
            "utf-16-le"
        )
    )
    workspace = str(demo_paths()["workspace"])
    argv = [sys.executable, "-m", "goalrules.cli", "-q", "check", workspace, "--history", "-",
            "--format", "json"]  # fmt: skip
    proc = subprocess.run(argv, input=page, capture_output=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["goals"]


def test_fail_under_says_the_score_that_is_under(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--fail-under 85`` on the new workspace (a goal scoring 84.67) said "a goal
    scores 85, under --fail-under 85"; a workspace of no goals said "a goal scores 0"
    and exited 1."""
    import datetime as dt

    import goalrules as gr

    gr.init_workspace(tmp_path, today=dt.date(2026, 1, 10))
    common = ["-q", "check", str(tmp_path / "workspace.toml"), "--history",
              str(tmp_path / "history.csv")]  # fmt: skip
    lowest = gr.run_check(tmp_path / "workspace.toml", history=tmp_path / "history.csv")
    low = lowest.lowest_score
    assert low is not None and round(low) == 85 and low < 85
    assert main([*common, "--fail-under", "85"], out=io.StringIO()) == 1
    assert capsys.readouterr().err == "goalrules: a goal scores 84.7, under --fail-under 85\n"
    assert main([*common, "--fail-under", "84"], out=io.StringIO()) == 0
    empty = tmp_path / "empty.toml"
    empty.write_text('[workspace]\nname = "empty"\n')
    assert main(["check", str(empty), "--fail-under", "50"], out=io.StringIO()) == 0
    err = capsys.readouterr().err
    assert "scores 0" not in err and "no goal to score" in err


def test_standard_input_has_the_size_limit_of_a_file() -> None:
    """``cat /dev/zero | goalrules check -`` once read standard input until memory ran
    out: every other input has a size limit."""
    import os

    import goalrules

    env = {**os.environ, "PYTHONPATH": str(Path(goalrules.__file__).resolve().parents[1])}
    argv = [sys.executable, "-m", "goalrules.cli", "--max-input-size", "1MB", "check",
            str(demo_paths()["workspace"]), "--history", "-"]  # fmt: skip
    proc = subprocess.run(argv, input=b"\0" * 1_500_000, capture_output=True, env=env,
                          check=False)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.decode() == ("goalrules: error: standard input: over the limit of "
                                    "1,000,000 bytes (raise it with --max-input-size or "
                                    "GOALRULES_MAX_INPUT_SIZE)\n")  # fmt: skip


def test_read_writes_a_target_as_the_reports_write_amounts() -> None:
    """``goalrules read`` showed a target in its canonical text, "1200 follower", and
    scores as "83%"; the reports write "1,200 followers" and "83 %". The JSON keeps the
    canonical text (other tools read it)."""
    cases = {
        "Grow Instagram followers to 1200 by June 2027": "1,200 followers",
        "Gain 2,000 new YouTube subscribers in 90 days": "+2,000 followers",
        "Get 300 leads a month from Facebook by March": "300 leads / month",
        "Answer DMs within 2 hours by February": "2 hours",
        "Reach 1 follower on X by March": "1 follower",
    }
    for statement, shown in cases.items():
        out = io.StringIO()
        assert main(["read", statement, "--start", "2026-12-04"], out=out) == 0
        line = next(x for x in out.getvalue().splitlines() if x.startswith("  target"))
        assert line[2:].split(" from ")[0].split(None, 1)[1].strip() == shown, line
        assert re.search(r"^  specific +(pass|miss) +\d+ %$", out.getvalue(), re.M)
    out = io.StringIO()
    main(["read", "Grow Instagram followers to 1200 by June 2027", "--format", "json"], out=out)
    assert json.loads(out.getvalue())["fields"]["target"]["value"] == "1200 follower"


def test_read_writes_a_baseline_as_it_writes_the_target() -> None:
    """ "from 2,000 to 3,000" showed "3,000 followers" beside "baseline 2000 follower"
    (the canonical text, singular and ungrouped); the JSON keeps the canonical text."""
    cases = {
        "Grow Instagram followers from 2,000 to 3,000 by December": "2,000 followers",
        "Increase leads from 40 per month to 60 per month by Q3": "40 leads / month",
        "Grow engagement rate from 2% to 3% by June": "2 %",
    }
    for statement, shown in cases.items():
        out = io.StringIO()
        assert main(["read", statement, "--start", "2026-12-04"], out=out) == 0
        line = next(x for x in out.getvalue().splitlines() if x.startswith("  baseline"))
        assert line[2:].split(" from ")[0].split(None, 1)[1].strip() == shown, line
    out = io.StringIO()
    main(["read", next(iter(cases)), "--format", "json"], out=out)
    assert json.loads(out.getvalue())["fields"]["baseline"]["value"] == "2000 follower"
