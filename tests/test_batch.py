from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")
from goalrules.batch import decide_channels_table  # noqa: E402

CHANNELS = {
    "linkedin": gr.Channel("linkedin", role="leads", formats_tried=["a", "b"]),
    "facebook": gr.Channel("facebook", role="traffic", formats_tried=["a", "b"]),
    "x": gr.Channel("x", role="traffic", formats_tried=["a"]),
    "tiktok": gr.Channel("tiktok", role="conversions", formats_tried=["a", "b", "c"]),
    "instagram": gr.Channel("instagram", role=None, formats_tried=["a", "b"]),
}


def book(seed: int, accounts: int, months: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for a in range(accounts):
        for ch in rng.sample(sorted(CHANNELS), rng.randint(1, 5)):
            visits = rng.randint(0, 3000)
            for m in range(rng.randint(1, months)):
                if rng.random() < 0.1:
                    continue  # a gap
                visits = max(0, visits + rng.randint(-300, 300))
                leads = rng.randint(0, max(0, visits // rng.choice([10, 30, 100]) + 1))
                rows.append({
                    "account": f"acc{a}", "channel": ch, "month": dt.date(2024 + m // 12, m % 12 + 1, 1),
                    "visits": visits, "leads": leads, "customers": rng.randint(0, leads),
                    "spend": rng.choice([None, rng.randint(0, 900)]),
                })  # fmt: skip
    return rows


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(2, 14))
def test_the_table_path_gives_the_per_account_answers(
    seed: int, accounts: int, months: int
) -> None:
    rows = book(seed, accounts, months)
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    got = {(r["account"], r["channel"]): r["decision"] for r in table.iter_rows(named=True)}
    for account in {r["account"] for r in rows}:
        mine = [
            {k: v for k, v in r.items() if k != "account"} for r in rows if r["account"] == account
        ]
        present = {r["channel"] for r in mine}
        chans = [CHANNELS[c] for c in present]
        for d in gr.decide_channels(mine, channels=chans):
            assert got[(account, d.channel)] == d.decision.value, (account, d.channel, d.reasons)


def test_aliases_and_strings_for_months() -> None:
    rows = [{"account": "a", "channel": "fb", "month": f"2025-0{m}", "visits": 100 * m, "leads": m, "customers": 0}
            for m in range(1, 6)]  # fmt: skip
    out = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    assert out["channel"].to_list() == ["facebook"]
    assert out["months"].to_list() == [5]


def test_missing_columns_are_an_error() -> None:
    with pytest.raises(gr.DataError, match="missing column"):
        decide_channels_table(pl.DataFrame({"account": ["a"], "channel": ["x"]}))
