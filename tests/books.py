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
