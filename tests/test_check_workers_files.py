"""Goals judged in worker processes reach the report as the files their workers wrote:
copied byte for byte into a file or standard output that writes UTF-8 and ``"\\n"`` as
it is, decoded and written as text into any other stream, the same report either way."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.check import demo_paths, start_check
from goalrules.report import workers
from goalrules.report.stream import stream_check
from goalrules.report.workers import LineFeedText, open_report

from .test_check_stream import many_goals

PATHS = demo_paths()


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Fork for a few goals, and keep the workers' files in a folder of the test's."""
    monkeypatch.setattr(workers, "_FEWEST", 1)
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    return folder


def alone(path: Path, fmt: str) -> str:
    out = io.StringIO()
    stream_check(start_check(path, history=PATHS["history"]), fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_report_file_gets_the_workers_bytes_and_stays_a_sound_file(
    tmp_path: Path, forking: Path, fmt: str
) -> None:
    ws = many_goals(tmp_path / "ws.toml", 70)
    target = tmp_path / f"report.{fmt}"
    with open_report(target) as fh:
        fh.write("before\n")  # what was written first stays first
        stream_check(start_check(ws, history=PATHS["history"]), fmt, fh, jobs=2)
        assert fh.tell() == len(target.read_bytes())  # the file knows where it is
        fh.write("after\n")
    assert target.read_bytes().decode("utf-8") == f"before\n{alone(ws, fmt)}after\n"
    assert list(forking.iterdir()) == []  # the workers' files are gone


@pytest.mark.parametrize(
    "make",
    [
        lambda: LineFeedText(io.BytesIO(), encoding="utf-8", newline=""),  # no descriptor
        lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n"),
        lambda: io.TextIOWrapper(io.BytesIO(), encoding="latin-1", newline=""),
    ],
    ids=["bytes-in-memory", "crlf", "latin-1"],
)
def test_any_other_stream_gets_what_one_process_writes_to_it(
    tmp_path: Path, forking: Path, make: object
) -> None:
    ws = many_goals(tmp_path / "ws.toml", 40)
    one, two = make(), make()  # type: ignore[operator]
    stream_check(start_check(ws, history=PATHS["history"]), "json", one)
    stream_check(start_check(ws, history=PATHS["history"]), "json", two, jobs=2)
    one.flush()
    two.flush()
    assert two.buffer.getvalue() == one.buffer.getvalue()


def test_standard_output_gets_the_workers_bytes(tmp_path: Path) -> None:
    ws = many_goals(tmp_path / "ws.toml", 300)  # past the fewest goals worth forking
    args = ["check", str(ws), "--history", str(PATHS["history"]), "--format", "jsonl"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    code = "import sys; from goalrules.cli import main; sys.exit(main(sys.argv[1:]))"
    two = subprocess.run([sys.executable, "-c", code, *args, "--jobs", "2"],
                         capture_output=True, env=env, check=True)  # fmt: skip
    assert two.stdout.decode("utf-8") == alone(ws, "jsonl")


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["", ",", "\n", "é", "\u2028", "x" * 300]), max_size=9))
def test_a_slice_and_what_leads_each_goal_reach_the_file_whole(leads: list[str]) -> None:
    # leads of every kind and length around the goals' texts, in and out of workers
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ws = many_goals(Path(folder) / "ws.toml", 5)
        run = start_check(ws, history=PATHS["history"])
        lead = (lambda i: leads[i % len(leads)]) if leads else None
        expected = io.StringIO()
        list(workers.write_judged(run, lambda g: g.id, expected, 1, lead))
        target = Path(folder) / "out.txt"
        old = workers._FEWEST
        workers._FEWEST = 1
        try:
            with open_report(target) as fh:
                scores = list(workers.write_judged(run, lambda g: g.id, fh, 2, lead))
        finally:
            workers._FEWEST = old
        assert target.read_bytes().decode("utf-8") == expected.getvalue()
        assert len(scores) == 5
