"""A number in a YAML workspace is read as a person reads it, or is an error at its line
and column: YAML 1.1 read a baseline of ``010`` followers as 8, ``0777`` as 511, a
target of ``1:30`` as 90 (base 60) and ``0x10`` as 16."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr


def _workspace(folder: Path, baseline: str) -> Path:
    path = folder / "workspace.yaml"
    path.write_text(
        "workspace:\n  name: x\ngoal:\n  - id: a\n    metric: followers\n"
        f"    channel: linkedin\n    baseline: {baseline}\n    target: x2\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("010", "'010' is read by YAML as an octal number (8), not as 10; write 10"),
        ("0777", "as an octal number (511), not as 777"),
        ("+012", "as an octal number (10), not as 12"),
        ("1:30", "'1:30' is read by YAML as a number in base 60 (90)"),
        ("1:30:15.5", "in base 60 (5415.5)"),
        ("0x10", "'0x10' is read by YAML as a number in another base (16)"),
    ],
)
def test_a_number_yaml_reads_otherwise_is_an_error_where_it_is(
    tmp_path: Path, written: str, said: str
) -> None:
    with pytest.raises(gr.WorkspaceError) as err:
        gr.load_workspace(_workspace(tmp_path, written))
    assert said in str(err.value)
    assert "workspace.yaml:7:15:" in err.value.headline()


@pytest.mark.parametrize(
    ("written", "read"),
    [("0", 0), ("1_000", 1000), ("1200", 1200), ("0.5", 0.5), ("007.5", 7.5), ('"1,200"', 1200)],
)
def test_a_number_written_plainly_is_read_as_written(
    tmp_path: Path, written: str, read: float
) -> None:
    goal = gr.load_workspace(_workspace(tmp_path, written)).goals[0]
    assert goal.baseline is not None and goal.baseline.magnitude == read


@given(st.integers(min_value=0, max_value=10**15))
def test_every_whole_number_in_decimals_is_itself(
    tmp_path_factory: pytest.TempPathFactory, n: int
) -> None:
    folder = tmp_path_factory.mktemp("ws")
    goal = gr.load_workspace(_workspace(folder, str(n))).goals[0]
    assert goal.baseline is not None and goal.baseline.magnitude == n
