"""A book's sources sorted into the channels judged, and its networks with both organic
and paid rows judged whole and per half, as one account's are
(:func:`goalrules.decide_channels`): each (channel, medium) classified once, a network's
halves judged in the portfolio where it is split in two, and its decision made coherent
with theirs (never told to shrink while both halves are told to grow, nor the other way
round), the reason said in the table's ``hierarchy`` column."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from goalrules.judgments.channels import ChannelDecision, _coherent
from goalrules.judgments.sources import classify_source
from goalrules.model import Channel, normalize_channel

__all__ = [
    "coherent_book",
    "half_channels",
    "half_names",
    "judged_rows",
    "paired_networks",
    "split_rows",
]

MEDIUMS = ("organic", "paid")


def judged_rows(rows: Any, info: Mapping[str, Channel], all_sources: bool) -> Any:
    """The rows (with a ``medium`` column: ``organic``, ``paid`` or null) of the sources
    judged: each (channel, medium) classified once, as the row path classifies them (a
    channel named in ``info`` is judged whatever its group), in the rows' order."""
    import polars as pl

    pairs = rows.select("channel", "medium").unique().rows()
    judged = [(c, m) for c, m in pairs
              if all_sources or c in info or classify_source(c, m).judged]  # fmt: skip
    if len(judged) == len(pairs):  # (no copy when every source is judged)
        return rows
    keep = pl.DataFrame(judged, schema={"channel": pl.String, "medium": pl.String}, orient="row")
    return rows.join(
        keep, on=["channel", "medium"], how="semi", nulls_equal=True, maintain_order="left"
    )


def paired_networks(rows: Any) -> Any:
    """Each account's networks with both organic and paid rows (``account``, ``network``),
    or ``None`` when there is none (as the row path's: a row without a medium is no half
    of its own)."""
    import polars as pl

    if rows["medium"].null_count() == rows.height:
        return None
    both = (
        rows.filter(pl.col("medium").is_not_null())
        .group_by("account", "channel")
        .agg(pl.col("medium").n_unique().alias("mediums"))
        .filter(pl.col("mediums") > 1)
    )
    if not both.height:
        return None
    return both.select("account", pl.col("channel").alias("network")).sort("account", "network")


def _half(network: str, medium: str) -> str:
    """A half's channel name, as the row path names it (``facebook (paid)``)."""
    return normalize_channel(f"{network} ({medium})")


def split_rows(rows: Any, paired: Any) -> Any:
    """``rows`` with each paired network's rows named by their half (a row without a
    medium: organic, as the row path's), and without the ``medium`` column."""
    import polars as pl

    named = pl.DataFrame(
        [(a, n, m, _half(n, m)) for a, n in paired.rows() for m in MEDIUMS],
        schema={"account": pl.String, "channel": pl.String, "_medium": pl.String,
                "_half": pl.String},
        orient="row",
    )  # fmt: skip
    return (
        rows.with_columns(pl.col("medium").fill_null("organic").alias("_medium"))
        .join(named, on=["account", "channel", "_medium"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_half", "channel").alias("channel"))
        .drop("_medium", "_half", "medium")
    )


def half_names(paired: Any) -> Any:
    """The halves' channels of the paired networks (``account``, ``channel``)."""
    import polars as pl

    return pl.DataFrame(
        [(a, _half(n, m)) for a, n in paired.rows() for m in MEDIUMS],
        schema={"account": pl.String, "channel": pl.String},
        orient="row",
    )


def half_channels(info: Mapping[str, Channel]) -> dict[str, Channel]:
    """``info`` with each channel's halves, of its role and formats (as the row path's)."""
    out = dict(info)
    for c in info.values():
        for m in MEDIUMS:
            half = Channel(f"{c.id} ({m})", role=c.role, formats_tried=c.formats_tried)
            out[half.id] = half
    return out


def coherent_book(
    whole: Any,
    halves: Any,
    paired: Any,
    rules: Any,
    today: _dt.date | None,
    currency: str,
    params: Mapping[str, Any],
    book_decisions: Callable[..., list[tuple[str, ChannelDecision]]],
) -> Any:
    """The decided table of the whole channels and the halves of the paired networks
    (each half after its network), each paired network's decision made coherent with its
    halves' and its ``hierarchy`` saying so, as the row path's (``book_decisions``: the
    table's rows as decisions, worded)."""
    import polars as pl

    out = pl.concat([whole, halves]).sort("account", "channel", maintain_order=True)
    networks = {(a, n) for a, n in paired.rows()}
    halves_of = {(a, _half(n, m)): (a, n, m) for a, n in networks for m in MEDIUMS}
    keys = pl.DataFrame(
        [*networks, *((a, half) for a, half in halves_of)],
        schema={"account": pl.String, "channel": pl.String},
        orient="row",
    )
    mine = out.join(keys, on=["account", "channel"], how="semi", maintain_order="left")
    wholes: dict[tuple[str, str], ChannelDecision] = {}
    split: dict[tuple[str, str], dict[str, ChannelDecision]] = {}
    for account, d in book_decisions(mine, rules=rules, today=today, currency=currency, **params):
        key = (account, d.channel)
        if key in networks:
            wholes[key] = d
            continue
        a, network, medium = halves_of[key]
        group = classify_source(network, medium).name
        split.setdefault((a, network), {})[medium] = attrs.evolve(
            d, medium=medium, network=network, group=group
        )
    changed: list[tuple[str, str, str, str | None]] = []
    for key, d in wholes.items():
        halves_of_it = [split[key][m] for m in MEDIUMS if m in split.get(key, {})]
        if len(halves_of_it) == 2:
            made = _coherent(d, halves_of_it)
            changed.append((*key, made.decision.value, made.hierarchy))
    if not changed:
        return out
    updates = pl.DataFrame(
        changed,
        schema={"account": pl.String, "channel": pl.String, "_decision": pl.String,
                "_hierarchy": pl.String},
        orient="row",
    )  # fmt: skip
    return (
        out.join(updates, on=["account", "channel"], how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("_decision", "decision").alias("decision"),
            pl.coalesce("_hierarchy", "hierarchy").alias("hierarchy"),
        )
        .drop("_decision", "_hierarchy")
    )
