"""``goalrules check`` wrote a workspace's spend as USD ("spend 1,500.00 USD") though
nothing said the currency, and said nothing of it, where ``goalrules channels`` notes
"the spend is read as USD". It now says so too, and ``--currency`` names the currency
(as for ``channels``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goalrules.cli import main

NOTE = "the spend is read as USD: no currency was given"


def _workspace(tmp_path: Path) -> Path:
    assert main(["init", str(tmp_path / "ws"), "--today", "2026-01-10"], out=io.StringIO()) == 0
    return tmp_path / "ws" / "workspace.toml"


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_check_says_the_spend_is_read_as_usd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    ws = _workspace(tmp_path)
    capsys.readouterr()
    out = io.StringIO()
    assert main(["check", str(ws), "--today", "2026-01-10", "--format", fmt], out=out) == 0
    assert NOTE in capsys.readouterr().err
    if fmt == "json":
        assert any(NOTE in note for note in json.loads(out.getvalue())["notes"])


def test_check_writes_the_costs_in_the_currency_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path)
    capsys.readouterr()
    out = io.StringIO()
    args = ["check", str(ws), "--today", "2026-01-10", "--currency", "eur"]
    assert main(args, out=out) == 0
    text = out.getvalue()
    assert "spend 1,500.00 EUR" in text and "USD" not in text
    assert NOTE not in capsys.readouterr().err


def test_plan_shows_no_money_and_says_nothing_of_its_currency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``goalrules plan`` judged the channels it never shows, and noted their spend's
    currency."""
    ws = _workspace(tmp_path)
    capsys.readouterr()
    out = io.StringIO()
    assert main(["plan", str(ws), "--today", "2026-01-10"], out=out) == 0
    assert "USD" not in out.getvalue() and NOTE not in capsys.readouterr().err
