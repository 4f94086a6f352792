"""Channel decisions for many accounts at once, over a long-form table.

:func:`decide_channels_table` takes monthly rows of many accounts (``account, channel,
month, visits, leads`` and optional ``customers``, ``spend``, ``medium``, ``followers``,
``engagements`` and ``reach``; customers absent, and any count null, are unknown, and
their sums null-aware: a channel or an account with a month not measured has a null
total, never a partial sum), measures every channel column-wise (sums, shares, Wilson intervals,
Theil-Sen trends through numpy) with each account as its own portfolio, and decides
with the shipped ``channels`` ruleset evaluated by
:meth:`goalrules.RuleSet.evaluate_table`. The answers are those of
:func:`goalrules.decide_channels` called once per account. Needs ``goalrules[arrow]``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from goalrules.dates import first_open_month
from goalrules.dsl.columnar import to_polars
from goalrules.engine import RuleSet
from goalrules.errors import DataError
from goalrules.judgments.channel_rows import left_out_note
from goalrules.model import Channel
from goalrules.scale.achievability import assess_achievability_dask, assess_achievability_table
from goalrules.scale.book_halves import (
    coherent_book,
    half_channels,
    half_names,
    judged_rows,
    paired_networks,
    split_rows,
)
from goalrules.scale.book_measures import decided_channels
from goalrules.scale.book_rows import REQUIRED, checked_rows, no_rows_notes
from goalrules.scale.book_words import book_decisions
from goalrules.scale.columns import lower_names
from goalrules.scale.distributed import in_partition
from goalrules.units import known_currency
from goalrules.vocabulary import UNATTRIBUTED

__all__ = [
    "DECIDED_COLUMNS",
    "assess_achievability_dask",
    "assess_achievability_table",
    "book_decisions",
    "decide_channels_dask",
    "decide_channels_table",
]


def decide_channels_table(
    table: Any,
    *,
    channels: Iterable[Channel] | Mapping[str, Channel] = (),
    today: _dt.date | None = None,
    rules: RuleSet | None = None,
    role_share: float | str | None = None,
    all_sources: bool = False,
    currency: str = "USD",
    notes: list[str] | None = None,
    **params: Any,
) -> Any:
    """Decide keep / optimize / cut ... for every (account, channel) of a long table.

    ``channels`` gives each channel name's role and formats tried (the same for every
    account); ``role_share``, the share a traffic, lead or conversions driver brings
    at least, is the ruleset's ``role_share`` param unless given; keyword ``params``
    override the ruleset's, as for
    :func:`goalrules.decide_channels`. As there, sources that are not social channels
    (search, direct, email...) are left out unless ``all_sources`` is true or the
    channel is in ``channels``, and each account's judged channels are its portfolio.
    Returns a polars DataFrame with ``account``, ``channel``, ``decision``, ``rule``
    (the rule that decided) and the evidence columns (``p_*``: the portfolio's;
    ``customers_months``: the months whose customers were measured) and ``quality``,
    each channel's data-quality notes on its rows (a month with more leads than visits,
    or more customers than leads), in the row path's words, and ``hierarchy``, why a
    network's decision follows its organic and paid halves' (costs in ``currency``), and
    ``role_metric_trend``, the monthly trend of the followers (else engagements, else
    reach) an awareness or engagement role is judged by, over the ``social_months``
    they were recorded in. Visits or leads null (not measured) in some month make the
    channel's total, trend and rates null (``visits_unmeasured``, ``leads_unmeasured``:
    such months), never 0, and the account's total null; its lead rate is that of the
    channels measured (``p_unmeasured``: the channels left out of it).
    ``notes``, when given, is appended what was left out of the rows, and why (the months
    not over by ``today``), as the row path's ``ChannelDecisions.notes``.
    """
    import polars as pl

    currency = known_currency(currency)  # (any ISO 4217 code, or an error naming it)
    df = lower_names(to_polars(table))  # "Spend", " spend ": as one account's rows read it
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise DataError(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    info = dict(channels) if isinstance(channels, Mapping) else {c.id: c for c in channels}
    rows = checked_rows(df)
    del df, table  # the typed rows are all that is read from here (a caller who passed
    # the table in without keeping it lets it go now)
    if today is not None:  # the months over by today (one under way reads as a fall)
        cut = first_open_month(today)
        if notes is not None:  # the months left out, named (as the row path's)
            later = rows.filter(pl.col("month") >= cut)["month"].unique().sort().to_list()
            if later:
                notes.append(left_out_note(later, today))
        rows = rows.filter(pl.col("month") < cut)
    rows = judged_rows(rows, info, all_sources)
    if notes is not None and info:  # the channels named without rows: no data, no verdict
        notes.extend(no_rows_notes(rows, info))
    if all_sources:  # (direct) / (none): the direct visits
        rows = rows.with_columns(pl.col("channel").replace(UNATTRIBUTED, "direct"))
    paired = paired_networks(rows)
    if paired is None:  # no network with both organic and paid rows: judged whole
        return decided_channels(
            rows.drop("medium"), info, today, rules, role_share, params, currency
        )
    # a network with both organic and paid rows: judged whole, then per half in the
    # portfolio where it is split in two, its decision made coherent with theirs (as the
    # row path's, gr.decide_channels)
    whole = decided_channels(rows.drop("medium"), info, today, rules, role_share, params, currency)
    halves = decided_channels(
        split_rows(rows, paired), half_channels(info), today, rules, role_share, params, currency
    ).join(half_names(paired), on=["account", "channel"], how="semi", maintain_order="left")
    return coherent_book(whole, halves, paired, rules, today, currency, params, book_decisions)


#: the columns of :func:`decide_channels_table`'s result, in order, and what each holds
#: (``text``, ``count``: a whole number, ``number``, ``flag``: true, false or null, and
#: ``texts``: a list of text): the types a Dask or Spark plan declares before it runs
DECIDED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("account", "text"), ("channel", "text"), ("role", "text"), ("months", "count"),
    ("visits", "number"), ("leads", "number"), ("customers", "number"), ("spend", "number"),
    ("lead_rate", "number"), ("lead_rate_low", "number"), ("lead_rate_high", "number"),
    ("portfolio_lead_rate", "number"), ("visits_share", "number"),
    ("visits_trend", "number"), ("leads_trend", "number"), ("fulfils_role", "flag"),
    ("formats", "number"), ("leads_share", "number"), ("customer_rate", "number"),
    ("customer_rate_low", "number"), ("cost_per_lead", "number"),
    ("cost_per_customer", "number"), ("p_channels", "count"), ("p_visits", "number"),
    ("p_leads", "number"), ("p_customers", "number"), ("p_spend", "number"),
    ("p_customer_rate", "number"), ("p_cost_per_lead", "number"),
    ("p_cost_per_customer", "number"), ("customers_months", "count"),
    ("spend_months", "count"), ("spend_partial", "count"), ("p_left_out", "count"),
    ("role_metric_trend", "number"), ("social_months", "count"),
    ("visits_unmeasured", "count"), ("leads_unmeasured", "count"), ("p_unmeasured", "count"),
    ("decision", "text"), ("rule", "text"), ("quality", "texts"), ("hierarchy", "text"),
    ("currency", "text"), ("ruleset", "text"),
)  # fmt: skip


def decide_channels_dask(frame: Any, **options: Any) -> Any:
    """:func:`decide_channels_table` over a Dask DataFrame: rows are shuffled so that
    each account lies in one partition, then every partition is decided on its own
    (accounts are independent portfolios). Returns a Dask DataFrame."""
    import pandas as pd

    # the account column as a book's table names it: read without case ("Account")
    account = next((c for c in frame.columns if str(c).strip().lower() == "account"), None)
    if account is None:
        raise DataError("missing column account")
    shuffled = frame.shuffle(account)
    dtypes = {"count": "int64", "number": "float64"}  # text, flags and lists: objects
    meta = pd.DataFrame(
        {name: pd.Series(dtype=dtypes.get(kind, "object")) for name, kind in DECIDED_COLUMNS}
    )
    return shuffled.map_partitions(_decide_partition, options, meta, meta=meta)


def _decide_partition(
    part: Any, options: Mapping[str, Any], meta: Any, partition_info: Any = None
) -> Any:

    return in_partition(
        part, meta, partition_info, lambda: decide_channels_table(part, **options).to_pandas()
    )
