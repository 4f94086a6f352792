"""Faults of the review store end in one clear line, and no review is lost: a read-only
store, a disk that fills during the save, rows edited by another tool, a damaged file,
a folder that cannot be written. A real small file system (a tmpfs, mounted when the
tests run as root) is made full or read-only; without one, SQLite's own page limit fills
the store and file modes make it read-only."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import goalrules as gr
from goalrules.cli import main
from goalrules.io.store import StoreError, open_store

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]
DATES = ("2026-02-10", "2026-03-10", "2026-04-10")


def argv(store: Path, day: str) -> list[str]:
    return ["review", str(WS), "--history", str(EXAMPLE / f"history-{day}.csv"),
            "--store", str(store), "--today", day]  # fmt: skip


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(args, out=io.StringIO())
    return status, capsys.readouterr().err.strip().splitlines()


def count(store: Path) -> int:
    db = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    finally:
        db.close()


class Disk:
    """A small real file system (tmpfs) that can be filled and made read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def remount(self, mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(self.root)], check=True)

    def fill(self) -> None:
        with (self.root / "filler").open("wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()

    def free(self) -> None:
        (self.root / "filler").unlink(missing_ok=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    root = tmp_path / "disk"
    root.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(root)],
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode().strip()}")
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


def test_a_disk_that_fills_during_the_save(disk: Disk) -> None:
    store = disk.root / "goals.db"
    gr.review(WS, EXAMPLE / f"history-{DATES[0]}.csv", store=store, today=D(2026, 2, 10))
    with open_store(store) as s:
        disk.fill()  # the store is open; the disk fills before the review is saved
        with pytest.raises(StoreError) as caught:
            gr.review(WS, EXAMPLE / f"history-{DATES[1]}.csv", store=s, today=D(2026, 3, 10))
    disk.free()
    line = caught.value.headline()
    assert "\n" not in line and "the disk is full" in line and "no review was lost" in line
    assert count(store) == 1
    with open_store(store) as s:  # intact, and it takes the next review
        assert s._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    gr.review(WS, EXAMPLE / f"history-{DATES[1]}.csv", store=store, today=D(2026, 3, 10))
    assert count(store) == 2


def test_a_full_disk_at_the_command(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    store = disk.root / "goals.db"
    assert run(argv(store, DATES[0]), capsys)[0] == 0
    disk.fill()
    status, err = run(argv(store, DATES[1]), capsys)
    disk.free()
    assert status == 2 and len(err) == 1
    assert "the disk is full" in err[0] and "not readable as a store" not in err[0]
    assert count(store) == 1


def test_sqlites_page_limit_fills_the_store_mid_save(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    gr.review(WS, EXAMPLE / f"history-{DATES[0]}.csv", store=store, today=D(2026, 2, 10))
    with open_store(store) as s:
        pages = s._db.execute("PRAGMA page_count").fetchone()[0]
        s._db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match=r"the disk is full .*database or disk is full"):
            gr.review(WS, EXAMPLE / f"history-{DATES[1]}.csv", store=s, today=D(2026, 3, 10))
        assert len(s.reviews()) == 1 and len(s.goal_reviews()) == 6


def test_a_read_only_store(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    store = disk.root / "goals.db"
    assert run(argv(store, DATES[0]), capsys)[0] == 0
    disk.remount("ro")
    try:
        status, err = run(argv(store, DATES[1]), capsys)
        assert status == 2 and len(err) == 1
        assert "read-only" in err[0] and "1 review already in the store" in err[0]
        # it can still be read: listed, rendered by date
        status, _ = run(["review", "--store", str(store), "--list"], capsys)
        assert status == 0
        assert run(["review", "--store", str(store), "--date", DATES[0]], capsys)[0] == 0
        # and a new store in its folder cannot be made: said so, not "not readable"
        status, err = run(argv(disk.root / "new.db", DATES[0]), capsys)
        assert status == 2 and len(err) == 1 and "not writable" in err[0]
    finally:
        disk.remount("rw")
    assert count(store) == 1


def test_a_read_only_file_by_its_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through file modes (the tmpfs test covers it)")
    store = tmp_path / "goals.db"
    assert run(argv(store, DATES[0]), capsys)[0] == 0
    for p in tmp_path.glob("goals.db*"):
        p.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        status, err = run(argv(store, DATES[1]), capsys)
    finally:
        tmp_path.chmod(0o755)
    assert status == 2 and len(err) == 1 and "read-only" in err[0]


EDITS = [
    ("UPDATE goal_revisions SET flags = 'slipping, achieved'", "flags is 'slipping, achieved', not JSON"),
    ("UPDATE goal_revisions SET probability = 'about half'", "probability is 'about half', not a number"),
    ("UPDATE reviews SET date = 'yesterday'", "date is 'yesterday', not YYYY-MM-DD"),
    ("UPDATE goal_revisions SET goal = '[1, 2]'", "goal is '[1, 2]', not a JSON dict"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "said"), EDITS)
def test_rows_edited_by_another_tool(
    tmp_path: Path, edit: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "goals.db"
    assert run(argv(store, DATES[0]), capsys)[0] == 0
    db = sqlite3.connect(store)
    db.execute(edit)
    db.commit()
    db.close()
    before = count(store)
    for args in (argv(store, DATES[1]), ["review", "--store", str(store), "--date", DATES[0]],
                 ["review", "--store", str(store), "--track-record"]):  # fmt: skip
        status, err = run(args, capsys)
        if "date" in edit and "--date" in args:
            assert status == 2 and "no review of" in err[0]
            continue
        assert status == 2 and len(err) == 1, err
        assert said in err[0] and "edited by another tool" in err[0]
        assert "no review was lost" in err[0]
    assert count(store) == before


def test_a_damaged_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "goals.db"
    for day in DATES:
        assert run(argv(store, day), capsys)[0] == 0
    with open_store(store) as s:
        s._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(store.read_bytes())
    page = 4096
    for i in range(page * 2, min(len(data), page * 6)):  # wreck a few pages past the header
        data[i] = (data[i] * 7 + 13) % 256
    store.write_bytes(bytes(data))
    damaged = store.read_bytes()
    status, err = run(argv(store, DATES[2]), capsys)
    assert status == 2 and len(err) == 1
    assert "damaged" in err[0] and "left as it was" in err[0]
    assert store.read_bytes() == damaged


def test_a_store_error_names_what_happened(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="its folder does not exist"):
        open_store(tmp_path / "missing" / "goals.db")
    folder: Any = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a directory"):
        open_store(folder)
