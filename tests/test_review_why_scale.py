"""Why a chance moved does not depend on how the file writes its numbers: a bounce rate
given as 0.47 (judged as 47 %) splits alike to one given as 47 %, and leads counted by the
day split alike to the same leads counted by the month; a chance that is not 0 is never
"0 %". Before, the months the earlier review expected were written in the judgment's
percent into a file of shares (0.47 beside 46.1), so a chance held under 1 % was split
into "-61 points, +61"; daily leads were each expected a whole month's total."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest

import goalrules as gr

D = dt.date
WS = """[workspace]
name = "why"

[[goal]]
id = "bounce"
statement = "Cut the bounce rate from social to {target}% by 2026-06-30"
metric = "bounce_rate"
channel = "facebook"
target = "{target} %"
start = 2026-01-01
deadline = 2026-06-30

[[goal]]
id = "leads"
statement = "Get 60 leads a month from LinkedIn by 2026-09-30"
metric = "leads"
channel = "linkedin"
target = "60 leads per month"
start = 2026-01-01
deadline = 2026-09-30
"""
BOUNCE = [0.55, 0.54, 0.52, 0.53, 0.50, 0.49, 0.48, 0.47, 0.43]
LEADS = [40, 42, 45, 44, 48, 50, 47, 52, 44]
MONTHS = [(2025, m) for m in range(8, 13)] + [(2026, m) for m in range(1, 5)]


def _files(tmp_path: Path, target: int, percent: bool, daily: bool) -> tuple[Path, Path]:
    ws = tmp_path / f"ws-{target}-{percent}-{daily}.toml"
    ws.write_text(WS.format(target=target))
    rows = ["date,channel,metric,value,unit"]
    for (y, m), b, n in zip(MONTHS, BOUNCE, LEADS, strict=True):
        rows.append(f"{D(y, m, 28)},facebook,bounce_rate,{100 * b if percent else b:g},"
                    f"{'percent' if percent else ''}")  # fmt: skip
        if daily:
            days = calendar.monthrange(y, m)[1]
            each = [n // days + (1 if i < n % days else 0) for i in range(days)]
            rows += [f"{D(y, m, i + 1)},linkedin,leads,{v}," for i, v in enumerate(each)]
        else:
            rows.append(f"{D(y, m, 28)},linkedin,leads,{n},")
    history = tmp_path / f"history-{percent}-{daily}.csv"
    history.write_text("\n".join(rows) + "\n")
    return ws, history


def _why(tmp_path: Path, target: int, percent: bool, daily: bool) -> dict[str, gr.Moved]:
    ws, history = _files(tmp_path, target, percent, daily)
    store = tmp_path / f"s-{target}-{percent}-{daily}.db"
    gr.review(ws, history, store=store, today=D(2026, 4, 5))
    return {m.goal: m for m in gr.why_moved(ws, history, store=store, today=D(2026, 5, 5))}


@pytest.mark.parametrize("target", [40, 46])
def test_the_split_does_not_depend_on_the_files_scale(tmp_path: Path, target: int) -> None:
    shares = _why(tmp_path, target, percent=False, daily=False)
    percent = _why(tmp_path, target, percent=True, daily=False)
    a, b = shares["bounce"], percent["bounce"]
    for part in ("before", "after", "rules", "time", "data"):
        assert getattr(a, part) == pytest.approx(getattr(b, part), abs=1e-6), part
    assert a.sentence() == b.sentence()
    assert abs(a.time) < 0.5 and abs(a.data) < 0.5  # no -61 / +61 around a held chance
    assert " 0 %" not in a.sentence()


def test_daily_counts_split_as_monthly_ones(tmp_path: Path) -> None:
    monthly = _why(tmp_path, 46, percent=False, daily=False)["leads"]
    daily = _why(tmp_path, 46, percent=False, daily=True)["leads"]
    for part in ("before", "after", "time", "data"):
        assert getattr(daily, part) == pytest.approx(getattr(monthly, part), abs=0.02), part
