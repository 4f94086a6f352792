"""The currency of a channel's spend is the one given, or a note says it was assumed:
never a cost written in USD, as fact, for spend nobody said was in dollars."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

import goalrules as gr
from goalrules.cli import main

pl = pytest.importorskip("polars")

from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def _rows(account: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for m in MONTHS:
        for name, spend in (("facebook", 600), ("instagram", 500), ("linkedin", 0)):
            row = {"month": m, "channel": name, "visits": 3000, "leads": 60, "spend": spend}
            rows.append(row if account is None else {"account": account, **row})
    return rows


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.mark.parametrize("account", [None, "acme"])
def test_the_command_line_writes_costs_in_the_currency_given(
    account: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A European team's spend read "spend 3,600.00 USD, cost per lead 10.00 USD" with
    no word that the dollars were a guess (one account's file and a book alike)."""
    path = _write(tmp_path / "perf.csv", _rows(account))
    out = io.StringIO()
    assert main(["channels", str(path), "--today", "2026-08-01", "--currency", "eur"],
                out=out) == 0  # fmt: skip
    text = out.getvalue()
    assert "spend 3,600.00 EUR, cost per lead 10.00 EUR (portfolio 9.17 EUR)" in text
    assert "USD" not in text
    assert "USD" not in capsys.readouterr().err
    # none given: USD, said in a note on stderr
    out = io.StringIO()
    assert main(["channels", str(path), "--today", "2026-08-01"], out=out) == 0
    assert "cost per lead 10.00 USD" in out.getvalue()
    err = capsys.readouterr().err
    assert "the spend is read as USD: no currency was given (--currency EUR" in err


def test_no_spend_no_currency_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{k: v for k, v in r.items() if k != "spend"} for r in _rows()]
    path = _write(tmp_path / "perf.csv", rows)
    assert main(["channels", str(path), "--today", "2026-08-01"], out=io.StringIO()) == 0
    assert "currency" not in capsys.readouterr().err


def test_a_currency_that_is_no_code_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "perf.csv", _rows())
    with pytest.raises(SystemExit) as exit_:
        main(["channels", str(path), "--currency", "dollars"], out=io.StringIO())
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'dollars' is no currency code" in err[0]


def test_a_book_words_its_costs_and_halves_in_its_currency_as_one_account_does() -> None:
    """The note of a network made coherent with its halves quotes a rule's message, costs
    included: in the book's currency too, as the row path writes it."""
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(MONTHS):
        rows.append({"month": m, "channel": "facebook", "medium": "organic", "visits": 3000,
                     "leads": 60, "spend": 0.0})  # fmt: skip
        rows.append({"month": m, "channel": "facebook", "medium": "paid",
                     "visits": round(2000 * 0.8**i), "leads": 10, "spend": 900.0})  # fmt: skip
        rows.append({"month": m, "channel": "instagram", "visits": 2000, "leads": 60,
                     "spend": 300.0})  # fmt: skip
        rows.append({"month": m, "channel": "linkedin", "visits": 2000, "leads": 60,
                     "spend": 200.0})  # fmt: skip
    one = gr.decide_channels(rows, currency="EUR")
    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows], strict=False), currency="EUR"
    )
    book = [d for _, d in book_decisions(table, currency="EUR")]
    assert [(d.channel, d.decision, d.rule, d.reasons) for d in book] == [
        (d.channel, d.decision, d.rule, d.reasons) for d in one
    ]
    said = " ".join(r for d in book for r in d.reasons)
    assert "EUR" in said and "USD" not in said
    # and the currency changes no decision
    usd = gr.decide_channels(rows)
    assert [(d.channel, d.decision, d.rule) for d in usd] == [
        (d.channel, d.decision, d.rule) for d in one
    ]


@pytest.mark.parametrize("code", ["myr", "PHP", "sar"])
def test_any_iso_currency_names_the_costs(code: str, tmp_path: Path) -> None:
    """A Malaysian team's `--currency MYR` was refused ("'MYR' is no currency code"): only
    nine currencies were units."""
    path = _write(tmp_path / "perf.csv", _rows())
    out = io.StringIO()
    assert main(["channels", str(path), "--today", "2026-08-01", "--currency", code],
                out=out) == 0  # fmt: skip
    text = out.getvalue()
    assert f"cost per lead 10.00 {code.upper()} (portfolio 9.17 {code.upper()})" in text
    assert "USD" not in text


@pytest.mark.parametrize("code", ["EUR", "USD"])
def test_a_spend_of_0_is_written_in_its_currency(code: str) -> None:
    """A channel with a spend of 0 read "no spend (0)": an amount with no unit."""
    decided = {d.channel: d for d in gr.decide_channels(_rows(), currency=code)}
    lines = [r for r in decided["linkedin"].reasons if "no spend" in r]
    assert lines == [f"no spend (0.00 {code}) on this channel: cost per lead does not apply"]
