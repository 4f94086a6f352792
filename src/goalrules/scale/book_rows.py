"""A book's rows read and checked, before they are measured: each column of the type it
must be (counts whole and not negative, months read as months), an ad platform's rows
set apart as its network's paid half, and no account, channel and month given twice
(never summed silently), each fault a DataError naming its row and column."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from goalrules.errors import DataError, GoalRulesError
from goalrules.judgments.channel_rows import no_rows_note
from goalrules.model import Channel, normalize_channel
from goalrules.model.series import _medium as medium_of
from goalrules.scale.columns import _first_row, _no_nulls, _number
from goalrules.vocabulary import paid_network

__all__ = ["COUNTS", "REQUIRED", "SOCIAL", "checked_rows", "no_duplicates", "no_rows_notes"]

#: the columns a book must have, and its counts
REQUIRED = ("account", "channel", "month", "visits", "leads")  # customers: may be absent
COUNTS = ("visits", "leads", "customers")
#: the columns that must have a value in every row (a count's empty cell: not measured)
NAMED = REQUIRED[:3]
#: the optional columns an awareness or engagement role is judged by, the first given of
#: a row read (as the row path's): its ``social`` column
SOCIAL = ("followers", "engagements", "reach")


def checked_rows(df: Any) -> Any:
    """The table's rows with typed columns (``account``, ``channel`` normalised, ``month``
    truncated to the month, float counts and ``spend``, and ``social``: a row's
    followers, else engagements, else reach, when the table has one of them; null:
    none recorded, never 0; a count null, blank or NaN: not measured, unknown, never 0).
    A null where a value is required (account, channel, month), a cell that is not of
    its column's type or a negative count is a DataError naming the column and the first
    row at fault: no row is dropped."""
    import polars as pl

    _no_nulls(df, NAMED)
    if "customers" not in df.columns:  # not measured: unknown (null), never 0
        df = df.with_columns(pl.lit(None, dtype=pl.Float64).alias("customers"))
    social = [c for c in SOCIAL if c in df.columns]
    for name in (*COUNTS, *social):
        if df.schema[name] == pl.String:  # a blank cell: unknown too
            df = df.with_columns(pl.col(name).str.strip_chars().replace("", None))
        elif df.schema[name].is_float():  # NaN (pandas' empty cell): unknown too
            df = df.with_columns(pl.col(name).fill_nan(None))
    month_type = df.schema["month"]
    if month_type == pl.String:
        month = (pl.col("month").str.slice(0, 7) + "-01").str.to_date(strict=False)
    elif month_type.is_temporal() and month_type != pl.Time and month_type != pl.Duration:
        month = pl.col("month").cast(pl.Date)
    else:
        raise DataError(f"a date or YYYY-MM text, not {month_type}", field="month")
    names = {}
    ads: dict[str, str | None] = {}
    for name in df["channel"].cast(pl.String).unique().to_list():
        try:
            names[name] = normalize_channel(name)
            ads[name] = paid_network(names[name])  # "Facebook Ads": facebook's paid half
        except GoalRulesError as exc:
            row = _first_row(df["channel"].cast(pl.String) == name)
            raise DataError(f"{exc.message} (row {row:,})", field="channel") from None
    has_spend = "spend" in df.columns
    spend = pl.col("spend") if has_spend else pl.lit(None, dtype=pl.Float64).alias("spend")
    counts = (*COUNTS, *(("spend",) if has_spend else ()), *social)
    typed = df.select(
        pl.col("account").cast(pl.String),
        pl.col("channel").cast(pl.String).replace_strict(names, return_dtype=pl.String),
        month.dt.truncate("1mo").alias("month"),
        *(_number(pl.col(c), df.schema[c]) for c in COUNTS),
        _number(spend, df.schema["spend"] if has_spend else pl.Float64),
        _mediums(df),
        *(_number(pl.col(c), df.schema[c]) for c in social),
    )
    for name, what in [("month", "a month"), *((c, "a number") for c in counts)]:
        bad = typed[name].is_null() & df[name].is_not_null()
        if bad.any():
            row = _first_row(bad)
            raise DataError(f"{df[name][row - 1]!r} in row {row:,} is not {what}", field=name)
    for name in counts:
        negative = typed[name] < 0
        if negative.any():
            row = _first_row(negative)
            raise DataError(f"{df[name][row - 1]!r} in row {row:,} is negative", field=name)
    paid = [name for name, network in ads.items() if network is not None]
    if paid:  # an ad platform's rows are its network's, set apart from its organic rows
        ads_rows = pl.col("channel").cast(pl.String).is_in(paid)
        typed = typed.with_columns(  # (a medium given stays, as the row path's)
            pl.col("channel").replace({names[n]: ads[n] for n in paid}),
            pl.when(df.select(ads_rows).to_series() & typed["medium"].is_null())
            .then(pl.lit("paid"))
            .otherwise(pl.col("medium"))
            .alias("medium"),
        )
    typed = _grouped_by_medium(typed, df)
    no_duplicates(typed, df)
    if social:  # the metric a row's role is judged by: the first recorded, as a row's
        # (followers, a count at a date, a stock; else engagements or reach, flows)
        stock = pl.col("followers").is_not_null() if "followers" in social else pl.lit(False)
        typed = typed.with_columns(
            pl.coalesce(social).alias("social"), stock.alias("social_stock")
        ).drop(social)
    return typed


def _grouped_by_medium(typed: Any, df: Any) -> Any:
    """``typed`` with the medium of each row whose medium as given alone puts a site in
    a group not judged kept as given (``partnerblog.com / referral``: the site is context,
    never judged beside the networks; :func:`~goalrules.judgments.sources.
    medium_group_channel`), as a row of one account keeps it
    (:class:`~goalrules.model.ChannelMonth`)."""
    import polars as pl

    from goalrules.judgments.sources import medium_group_channel

    if "medium" not in df.columns:
        return typed
    given = pl.Series(df["medium"]).cast(pl.String).str.strip_chars().str.to_lowercase()
    pairs = pl.DataFrame({"channel": typed["channel"], "medium": given})
    kept = [
        f"{channel}\x00{medium}"
        for channel, medium in pairs.unique().iter_rows()
        if channel is not None
        and medium
        and medium not in ("organic", "paid")
        and medium_group_channel(channel, medium) is not None
    ]
    if not kept:
        return typed
    key = pairs.select(pl.col("channel") + "\x00" + pl.col("medium")).to_series()
    return typed.with_columns(
        pl.when(key.is_in(kept)).then(given).otherwise(pl.col("medium")).alias("medium")
    )


def _mediums(df: Any) -> Any:
    """The ``medium`` column, each value read as the row path reads it (``organic`` or
    ``paid``: ``cpc`` and ``paid_social`` are paid), null where none is given."""
    import polars as pl

    if "medium" not in df.columns:
        return pl.lit(None, dtype=pl.String).alias("medium")
    text = pl.col("medium").cast(pl.String).str.strip_chars()
    given = [v for v in df.select(text.unique()).to_series().to_list() if v]
    return (
        pl.when(text == "")
        .then(None)
        .otherwise(text.replace_strict({v: medium_of(v) for v in given}, default=None))
        .alias("medium")
    )


def no_duplicates(typed: Any, df: Any) -> None:
    """A DataError naming two rows of the same account, channel and month (and campaign
    and medium, when the table has them), as the row path's: never summed silently."""
    import polars as pl

    # the medium as read (organic or paid: "social" and "organic" are one medium, and an
    # ad platform's rows are its network's paid rows), as the row path's key
    extra = [pl.col(c).cast(pl.String) for c in ("campaign",) if c in df.columns]
    key = typed.select("account", "channel", "month", "medium").with_columns(
        *(df.select(extra) if extra else pl.DataFrame()).get_columns()
    )
    repeated = key.is_duplicated()
    if not repeated.any():
        return
    rows = key.with_row_index("i").filter(repeated)
    found = rows.group_by(rows.columns[1:], maintain_order=True).agg(pl.col("i").head(2)).row(0)
    first, other = (int(i) + 1 for i in found[-1])
    account, channel, month = found[:3]
    what = f"{channel} in {month:%Y-%m}" + "".join(f" ({x})" for x in found[3:-1] if x)
    same = typed.row(first - 1) == typed.row(other - 1)
    how = (
        "the same row twice (it would count its month twice): remove one"
        if same
        else "two different rows: which one is right? (rows of the same month are summed only "
        "when each is its own campaign or medium)"
    )
    raise DataError(
        f"rows {first:,} and {other:,} both give account {account!r}, {what}: {how}",
        field="month",
    )


def no_rows_notes(rows: Any, info: Mapping[str, Channel]) -> list[str]:
    """The notes on the channels of ``info`` some account has no rows of (the accounts
    named, up to four): no data is no verdict, as the row path says."""
    import polars as pl

    accounts = rows["account"].unique().sort().to_list()
    present = rows.filter(pl.col("channel").is_in(list(info))).select("account", "channel")
    have: dict[str, set[Any]] = {}
    for account, channel in present.unique().iter_rows():
        have.setdefault(channel, set()).add(account)
    out = []
    for name in info:
        lacking = [a for a in accounts if a not in have.get(name, ())]
        if not lacking:
            continue
        named = ", ".join(map(str, lacking[:4]))
        more = f" and {len(lacking) - 4} more" if len(lacking) > 4 else ""
        out.append(no_rows_note([name], f"account{'s' if len(lacking) > 1 else ''} {named}{more}"))
    return out
