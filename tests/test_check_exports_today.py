"""`check WORKSPACE --history A B` reads exports whose dates have no year (TikTok
Studio's) as of the workspace's day, as it reads one file: the newest date is the latest
not after the workspace's `today` (or --today), never the real date. With two files (or
an --anchor) it took the real date, and put an October's days a year after the check."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from goalrules.cli import main
from tests import export_files as ef

D = dt.date


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    ws = tmp_path / "workspace.toml"
    ws.write_text(
        '[workspace]\nname = "Campfire"\ntoday = 2025-11-01\n\n[[goal]]\nid = "tt-views"\n'
        'statement = "Reach 50,000 TikTok video views a month by June 2026"\n',
        encoding="utf-8",
    )
    days = [D(2025, 8, 1) + dt.timedelta(days=i) for i in range(92)]  # August to October
    overview = ef.tiktok_overview(tmp_path / "Overview.csv",
                                  [(d, 1000 + 10 * i, 10, 20, 3, 2) for i, d in enumerate(days)])  # fmt: skip
    followers = ef.tiktok_followers(tmp_path / "FollowerHistory.csv",
                                    [(d, 500 + i, 1) for i, d in enumerate(days)])  # fmt: skip
    return ws, overview, followers


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, object], str]:
    out = io.StringIO()
    assert main(["check", *args, "--format", "json"], out=out) == 0
    return json.loads(out.getvalue()), capsys.readouterr().err


@pytest.mark.parametrize("today", [None, "2025-10-31"])
def test_yearless_exports_are_read_as_of_the_checks_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], today: str | None
) -> None:
    ws, overview, followers = _files(tmp_path)
    extra = ["--today", today] if today else []
    one, said_one = _check(capsys, str(ws), "--history", str(overview), *extra)
    two, said_two = _check(capsys, str(ws), "--history", str(overview), str(followers), *extra)
    day = today or "2025-11-01"
    for said in (said_one, said_two):
        assert f"not after {day} (2025-08-01 to 2025-10-31)" in said
        assert "2026-" not in said
    # the goal is judged on the same history either way
    assert json.dumps(one["goals"], sort_keys=True) == json.dumps(two["goals"], sort_keys=True)
