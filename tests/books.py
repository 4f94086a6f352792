"""Helpers for tests that hold a book's table path against its row path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import goalrules as gr


def row_path_decision(
    rows: Sequence[Mapping[str, Any]],
    account: Any,
    channel: str,
    channels: Mapping[str, gr.Channel],
) -> gr.ChannelDecision:
    """The row path's decision (``gr.decide_channels``) for ``channel``, from
    ``account``'s rows of a book (rows with an ``account`` column), with the channels
    of ``channels`` its rows name."""
    mine = [{k: v for k, v in r.items() if k != "account"} for r in rows
            if r["account"] == account]  # fmt: skip
    chans = [channels[c] for c in {r["channel"] for r in mine} if c in channels]
    return {x.channel: x for x in gr.decide_channels(mine, channels=chans)}[channel]


def book_reads_as_rows(
    rows: Sequence[Mapping[str, Any]], channels: Sequence[gr.Channel] = ()
) -> dict[str, gr.ChannelDecision]:
    """The row path's decisions of one account's ``rows`` (with ``channels``: roles,
    formats), by channel, once the table path (``decide_channels_table`` and
    ``book_decisions``) is checked to give the same decision, rule, reasons and
    data-quality notes for each channel."""
    import polars as pl

    from goalrules.scale.batch import book_decisions, decide_channels_table

    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows]), channels=channels
    )
    row_path = {d.channel: d for d in gr.decide_channels(list(rows), channels=channels)}
    for _, d in book_decisions(table):
        one = row_path[d.channel]
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)
        assert d.evidence.quality == one.evidence.quality
    return row_path
