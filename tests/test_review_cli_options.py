"""An option that would do nothing is an error: ``--revision N`` without ``--date`` (it
rendered a new review of today as if it were revision N of some date)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main


def test_a_revision_needs_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = gr.demo_paths()
    store = tmp_path / "g.db"
    args = ["review", str(p["workspace"]), "--history", str(p["history"]), "--store",
            str(store), "--revision", "1"]  # fmt: skip
    assert main(args, out=io.StringIO()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--revision" in err[0] and "--date" in err[0]
    assert not store.exists() or gr.open_store(store).reviews() == []  # nothing was saved
