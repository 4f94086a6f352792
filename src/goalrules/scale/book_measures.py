"""A book's channels measured column-wise and decided: each (account, channel) summed
month by month, its shares, Wilson intervals and Theil-Sen trends (numpy) with each
account as its own portfolio, whether it does the job of its role, its data-quality
notes in the row path's words, and its decision by the shipped ``channels`` ruleset
evaluated by :meth:`goalrules.RuleSet.evaluate_table` (the rows come checked and sorted
from :func:`goalrules.scale.batch.decide_channels_table`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from goalrules.engine import RuleSet
from goalrules.judgments.channel_measures import (
    ended_note,
    flat_of,
    role_share_of,
    share_param,
    shares_note,
)
from goalrules.judgments.channels import _ruleset as _channels_ruleset
from goalrules.model import Channel, Objective
from goalrules.scale.book_rows import COUNTS
from goalrules.scale.book_rules import ruleset_key
from goalrules.scale.trends import month_days_matrix
from goalrules.scale.trends import theil_sen_matrix as _theil_sen_matrix

__all__ = ["decided_channels"]

_SIDE_BY_SIDE = 20_000  # channels from which the two trends are taken in two threads


def decided_channels(
    rows: Any,
    info: Mapping[str, Channel],
    today: _dt.date | None,
    rules: RuleSet | None,
    role_share: float | str | None,
    params: Mapping[str, Any],
    currency: str,
) -> Any:
    """:func:`decide_channels_table` of rows checked, filtered and sorted into the
    channels judged (no medium): every channel's decision, evidence and words, and the
    rules, params and currency they are worded with (``ruleset``, ``currency``)."""
    import numpy as np
    import polars as pl

    # each (account, channel) numbered in their sorted order, once (100,000 pairs, not the
    # millions of rows): a pair is first one integer (the names' categorical codes), so
    # that finding, numbering and grouping the pairs never hashes or compares text
    account_code = rows["account"].cast(pl.Categorical).to_physical().cast(pl.Int64)
    channel_code = rows["channel"].cast(pl.Categorical).to_physical().cast(pl.Int64)
    pair = account_code * (int(channel_code.max() or 0) + 1) + channel_code
    del account_code, channel_code
    codes = (
        rows.select(pair.alias("pair"), "account", "channel")
        .unique("pair")
        .sort("account", "channel")
        .with_row_index("g")
        .with_columns(pl.col("g").cast(pl.Int64))
    )
    g = pair.replace_strict(codes["pair"], codes["g"], return_dtype=pl.Int64)
    codes = codes.drop("pair")
    x = pl.col("month").dt.year().cast(pl.Int64) * 12 + pl.col("month").dt.month().cast(pl.Int64)
    # followers, engagements or reach (a row's first recorded): the trend an awareness or
    # engagement role is judged by, when the book has one of those columns
    social = ("social",) if "social" in rows.columns else ()
    stock = ("social_stock",) if social else ()  # (a row's social metric is followers)
    keyed = rows.select(g.alias("g"), "month", x.alias("x"), *COUNTS, "spend", *social, *stock)
    del rows, pair, g  # the names left behind: grouping carries numbers only
    quality = _row_notes(keyed)  # before the months are summed: a row at a time, in order
    span = int(keyed["x"].max() or 0) - int(keyed["x"].min() or 0) + 1
    keyed = keyed.with_columns(
        (pl.col("g") * span + pl.col("x") - pl.col("x").min()).alias("gm")
    ).sort("gm", maintain_order=True)  # each channel's months in order, as read within one
    if bool((keyed["gm"].diff() == 0).any()):  # a month in two rows: summed
        monthly = keyed.group_by("gm", maintain_order=True).agg(
            pl.col("g", "month", "x").first(),
            _known_sum("visits"),  # one row of the month not measured: the month unknown
            _known_sum("leads"),
            _known_sum("customers"),
            pl.col("spend").sum().alias("spend"),
            # a month whose spend some rows gave and others not: unknown, not their sum
            pl.col("spend").is_not_null().all().alias("spend_known"),
            (pl.col("spend").is_not_null().any() & pl.col("spend").is_null().any()).alias(
                "spend_partial"
            ),
            # the rows that recorded it, summed; a month none did: not recorded (not 0)
            *(pl.when(pl.col(c).is_not_null().any()).then(pl.col(c).sum()).alias(c)
              for c in social),
            *(pl.col(c).any() for c in stock),
        )  # fmt: skip
    else:  # a row a month (the usual book): each row is its month (a sum of one value)
        monthly = keyed.select(
            "g", "month", "x", *COUNTS,
            pl.col("spend").fill_null(0.0), pl.col("spend").is_not_null().alias("spend_known"),
            pl.lit(False).alias("spend_partial"), *social, *stock,
        )  # fmt: skip
    del keyed
    monthly = monthly.with_columns(pl.int_range(pl.len()).over("g").alias("slot"))
    per = (
        monthly.group_by("g", maintain_order=True)
        .agg(
            pl.len().alias("months"),
            _known_sum("visits"),  # a month not measured: the total unknown, not partial
            _known_sum("leads"),
            _known_sum("customers"),
            # spend in some months and not others: unknown, not the sum of those months
            pl.when(pl.col("spend_known").all()).then(pl.col("spend").sum()).alias("spend"),
            pl.col("customers").is_not_null().sum().cast(pl.Int64).alias("customers_months"),
            # the months whose visits (leads) were not measured: no total, trend nor rate
            pl.col("visits").is_null().sum().cast(pl.Int64).alias("visits_unmeasured"),
            pl.col("leads").is_null().sum().cast(pl.Int64).alias("leads_unmeasured"),
            pl.col("spend_known").sum().cast(pl.Int64).alias("spend_months"),
            pl.col("spend_partial").sum().cast(pl.Int64).alias("spend_partial"),
            (pl.col("social").is_not_null().sum() if social else pl.lit(0))
            .cast(pl.Int64)
            .alias("social_months"),
            # followers in some row: a stock; else engagements or reach, flows read a day
            (pl.col("social_stock").any() if social else pl.lit(False)).alias("social_stock"),
            # a month of more leads than visits: no lead rate (the row path's)
            (pl.col("leads") > pl.col("visits")).any().alias("over"),
            pl.col("month").max().alias("last_month"),
            pl.col("x").min().alias("first_x"),
            pl.col("x").max().alias("last_x"),
        )
        .join(codes, on="g", how="left")
        .sort("g")
        .select(
            *("account", "channel", "months", "visits", "leads", "customers", "spend"),
            "customers_months",
            "spend_months",
            "spend_partial",
            "social_months",
            "social_stock",
            "visits_unmeasured",
            "leads_unmeasured",
            "over",
            "last_month",
            "first_x",
            "last_x",
        )
    )
    # a channel whose rows end before its account's other channels: its months since are
    # unknown (not 0), said in a note after its rows' (as the row path's)
    ends = per.select("last_month", pl.col("last_month").max().over("account").alias("latest"))
    for g, (last, latest) in enumerate(ends.iter_rows()):
        if last < latest:
            quality.setdefault(g, []).append(ended_note(last, latest))
    per = _own_months(per, monthly, quality)
    per = per.drop("last_month", "first_x", "last_x")
    # -- Theil-Sen trends, row-wise through numpy on padded month matrices ----------------
    group = monthly["g"].to_numpy()  # per's rows are in the order of g: 0, 1, 2...
    width = int(per["months"].max() or 1)
    slot = monthly["slot"].to_numpy()

    def matrix(col: str) -> Any:
        out = np.full((per.height, width), np.nan)
        out[group, slot] = monthly[col].to_numpy()
        return out

    xs = matrix("x")
    few = per["months"].to_numpy() < 2

    days = month_days_matrix(xs).astype(np.float32)  # (whole days: exact, and half the size)

    # a flow's trend (visits, leads; engagements or reach) is of its count a day of each
    # month, over its mean a day (its sum over the months' days), as the row path's; a
    # stock's (followers) of its months' values, over their mean
    flows = ~per["social_stock"].to_numpy()

    def trend(col: str) -> Any:
        values = matrix(col)
        seen = ~np.isnan(values)  # (the social metric: the months recorded)
        flow = flows if col == "social" else np.ones(per.height, dtype=bool)
        with np.errstate(invalid="ignore", divide="ignore"):  # (none: NaN, said)
            counted = np.nansum(values, axis=1)
            of_days = np.where(seen, days, np.float32(0)).sum(axis=1, dtype=np.float64)
            mean = np.where(flow, counted / of_days, counted / seen.sum(axis=1))
            np.divide(values, days, out=values, where=flow[:, None])  # (in place: a book's
            # months are many)
        slope = _theil_sen_matrix(values, xs)
        rel = np.where(mean == 0, 0.0, slope / np.where(mean == 0, 1.0, mean))
        rel[np.isnan(slope)] = np.nan
        rel[few] = np.nan
        if col != "social":  # a month not measured: no trend (not one of the others)
            rel[per[f"{col}_unmeasured"].to_numpy() > 0] = np.nan
        return rel

    if per.height >= _SIDE_BY_SIDE:  # numpy lets go of the GIL as it selects the medians
        with ThreadPoolExecutor(2) as pool:
            visits_trend, leads_trend = pool.map(trend, ("visits", "leads"))
    else:
        visits_trend, leads_trend = trend("visits"), trend("leads")
    # the trend of the followers (engagements, reach) of the months they were recorded in,
    # as the row path's: under two such months, none
    social_trend = trend("social") if social else np.full(per.height, np.nan)
    per = per.with_columns(
        pl.Series("visits_trend", visits_trend).fill_nan(None),
        pl.Series("leads_trend", leads_trend).fill_nan(None),
        pl.Series("role_metric_trend", social_trend, dtype=pl.Float64).fill_nan(None),
    ).drop("social_stock")
    # -- portfolios (one per account) ------------------------------------------------------
    measured = pl.col("visits").is_not_null() & pl.col("leads").is_not_null()
    totals = per.group_by("account").agg(
        pl.len().alias("p_channels"),
        _known_sum("visits").alias("p_visits"),  # a channel not measured: the portfolio's
        _known_sum("leads").alias("p_leads"),  # unknown too
        _known_sum("customers").alias("p_customers"),  # a channel unknown: the portfolio too
        pl.col("spend").sum().alias("p_spend"),
        # the portfolio's cost: of the channels with a cost (spend recorded and not 0)
        pl.when(pl.col("leads").filter(pl.col("spend") > 0).is_not_null().all())
        .then(pl.col("leads").filter(pl.col("spend") > 0).sum())
        .alias("p_leads_spend"),
        pl.when(pl.col("customers").is_not_null().all())
        .then(pl.col("customers").filter(pl.col("spend") > 0).sum())
        .alias("p_customers_spend"),
        pl.col("spend").is_not_null().any().alias("p_spend_known"),
        (pl.col("spend") > 0).sum().alias("p_paid"),
        # the lead rate: of the channels with no month of more leads than visits, and with
        # their visits and leads measured
        pl.col("visits").filter(~pl.col("over") & measured).sum().alias("p_rate_visits"),
        pl.col("leads").filter(~pl.col("over") & measured).sum().alias("p_rate_leads"),
        pl.col("over").sum().cast(pl.Int64).alias("p_left_out"),
        (~pl.col("over") & ~measured).sum().cast(pl.Int64).alias("p_unmeasured"),
    )
    # a book of one account joins one row of totals, which polars keeps as a constant
    # column and divides by as a multiplication by its reciprocal, a last bit away from
    # the division (a share 0.2091682062693301, not 0.20916820626933008): the columns
    # taken as they are, the shares are divisions whatever the book holds besides
    per = pl.DataFrame(per.join(totals, on="account", how="left").get_columns())
    if "own_visits" in per.columns:  # a channel of fewer months: its shares of its months
        per = per.with_columns(
            pl.coalesce("own_visits", "p_visits").alias("of_visits"),
            pl.coalesce("own_leads", "p_leads").alias("of_leads"),
            pl.coalesce("own_customers", "p_customers").alias("of_customers"),
        )
    else:
        per = per.with_columns(pl.col("p_visits").alias("of_visits"),
                               pl.col("p_leads").alias("of_leads"),
                               pl.col("p_customers").alias("of_customers"))  # fmt: skip
    z = 1.96

    def wilson(x: Any, n: Any, sign: int, over: Any = None) -> Any:
        p = (pl.min_horizontal(x, n) / n).clip(0.0, 1.0)
        denom = 1.0 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z / denom * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt()
        bound = centre + sign * half  # holds the rate itself, as stats.wilson_interval
        held = pl.min_horizontal(bound, p) if sign < 0 else pl.max_horizontal(bound, p)
        # (min_horizontal skips nulls: a count not measured is kept out first)
        valid = (n > 0) & x.is_not_null() if over is None else (n > 0) & x.is_not_null() & ~over
        return pl.when(valid).then(held.clip(0.0, 1.0))

    v, l_, c = pl.col("visits"), pl.col("leads"), pl.col("customers")
    roles = {n: (ch.role.value if ch.role else None) for n, ch in info.items()}
    # no formats listed: not given (the trial counts months only), as the row path
    formats = {n: float(len(ch.formats_tried)) for n, ch in info.items() if ch.formats_tried}
    known = pl.col("channel").is_in(list(formats))
    per = per.with_columns(
        pl.when((v > 0) & l_.is_not_null() & ~pl.col("over"))
        .then(pl.min_horizontal(l_, v) / v)
        .alias("lead_rate"),
        wilson(l_, v, -1, pl.col("over")).alias("lead_rate_low"),
        wilson(l_, v, 1, pl.col("over")).alias("lead_rate_high"),
        # (min_horizontal skips nulls: customers not measured are kept out first)
        pl.when((l_ > 0) & c.is_not_null())
        .then(pl.min_horizontal(c, l_) / l_)
        .alias("customer_rate"),
        pl.when(c.is_not_null()).then(wilson(c, l_, -1)).alias("customer_rate_low"),
        pl.when(pl.col("of_visits") > 0).then(v / pl.col("of_visits")).alias("visits_share"),
        pl.when(pl.col("of_leads") > 0).then(l_ / pl.col("of_leads")).alias("leads_share"),
        pl.when((pl.col("spend") > 0) & (l_ > 0)).then(pl.col("spend") / l_).alias("cost_per_lead"),
        pl.when((pl.col("spend") > 0) & (c > 0))
        .then(pl.col("spend") / c)
        .alias("cost_per_customer"),
        pl.when(pl.col("p_rate_visits") > 0)
        .then(pl.min_horizontal(pl.col("p_rate_leads") / pl.col("p_rate_visits"), 1.0))
        .alias("p_lead_rate"),
        pl.when(pl.col("p_leads") > 0)
        .then(pl.col("p_customers") / pl.col("p_leads"))
        .alias("p_customer_rate"),
        # (one channel's spend alone is no benchmark for its own cost, as the row path)
        pl.when((pl.col("p_spend") > 0) & (pl.col("p_leads_spend") > 0) & (pl.col("p_paid") >= 2))
        .then(pl.col("p_spend") / pl.col("p_leads_spend"))
        .alias("p_cost_per_lead"),
        pl.when(
            (pl.col("p_spend") > 0) & (pl.col("p_customers_spend") > 0) & (pl.col("p_paid") >= 2)
        )
        .then(pl.col("p_spend") / pl.col("p_customers_spend"))
        .alias("p_cost_per_customer"),
        pl.col("channel").replace_strict(roles, default=None, return_dtype=pl.String).alias("role"),
        pl.when(known)
        .then(pl.col("channel").replace_strict(formats, default=0.0, return_dtype=pl.Float64))
        .alias("formats"),
    )
    ruleset = rules or _channels_ruleset(tuple(sorted(params.items())))
    share = role_share_of(ruleset) if role_share is None else share_param(role_share)
    per = per.with_columns(_fulfils(share, flat_of(ruleset)).alias("fulfils_role"))
    facts = per.select(
        pl.col("account"),
        pl.col("channel").alias("channel.id"),
        pl.col("role").alias("channel.role"),
        pl.col("formats").alias("channel.formats"),
        pl.col("months").cast(pl.Float64).alias("channel.months"),
        *(pl.col(x).alias(f"channel.{x}") for x in (
            "visits", "leads", "customers", "spend", "lead_rate", "lead_rate_low", "lead_rate_high",
            "customer_rate", "customer_rate_low", "visits_trend", "leads_trend", "visits_share",
            "leads_share", "fulfils_role", "cost_per_lead", "cost_per_customer",
            "role_metric_trend",
        )),
        pl.col("p_lead_rate").alias("portfolio.lead_rate"),
        pl.col("p_customer_rate").alias("portfolio.customer_rate"),
        pl.col("p_cost_per_lead").alias("portfolio.cost_per_lead"),
        pl.col("p_cost_per_customer").alias("portfolio.cost_per_customer"),
        pl.col("p_channels").cast(pl.Float64).alias("portfolio.channels"),
    )  # fmt: skip
    out = ruleset.evaluate_table(facts, today=today)
    return per.select(
        "account", "channel", "role", "months", "visits", "leads", "customers", "spend",
        "lead_rate", "lead_rate_low", "lead_rate_high",
        pl.col("p_lead_rate").alias("portfolio_lead_rate"),
        "visits_share", "visits_trend", "leads_trend", "fulfils_role",
        "formats", "leads_share", "customer_rate", "customer_rate_low", "cost_per_lead",
        "cost_per_customer", pl.col("p_channels").cast(pl.Int64), "p_visits", "p_leads",
        "p_customers", pl.when(pl.col("p_spend_known")).then(pl.col("p_spend")).alias("p_spend"),
        "p_customer_rate", "p_cost_per_lead", "p_cost_per_customer", "customers_months",
        "spend_months", "spend_partial", "p_left_out", "role_metric_trend", "social_months",
        "visits_unmeasured", "leads_unmeasured", "p_unmeasured",
    ).with_columns(
        out["decision"].fill_null("keep").alias("decision"), _decided_by(ruleset, out),
        pl.Series("quality", [quality.get(i, []) for i in range(per.height)],
                  dtype=pl.List(pl.String)),
        pl.lit(None, dtype=pl.String).alias("hierarchy"),
        pl.lit(currency, dtype=pl.String).alias("currency"),
        pl.lit(ruleset_key(ruleset), dtype=pl.String).alias("ruleset"),
    )  # fmt: skip


def _row_notes(keyed: Any) -> dict[int, list[str]]:
    """Each channel's (``g``) data-quality notes on its rows, in the rows' order and in
    the row path's words (:func:`goalrules.judgments.channel_evidence.measure`): a month
    with more leads than visits, or more customers than leads (unknown customers: none)."""
    import polars as pl

    odd = keyed.filter(
        (pl.col("leads") > pl.col("visits")) | (pl.col("customers") > pl.col("leads"))
    )  # few rows, if any: the notes are written one by one
    notes: dict[int, list[str]] = {}
    for g, month, visits, leads, customers in odd.select(
        "g", "month", "visits", "leads", "customers"
    ).iter_rows():
        said = notes.setdefault(g, [])
        if leads > visits:
            said.append(f"{month:%Y-%m}: {leads:g} leads from {visits:g} visits "
                        "(more leads than visits)")  # fmt: skip
        if customers is not None and customers > leads:
            said.append(f"{month:%Y-%m}: {customers:g} customers from {leads:g} leads")
    return notes


def _known_sum(name: str) -> Any:
    """The sum of a column, null (unknown) when one of its values is: polars' ``sum``
    skips nulls, which would show a partial sum as the total."""
    import polars as pl

    unknown = pl.col(name).is_null().any()
    return pl.when(unknown).then(None).otherwise(pl.col(name).sum()).alias(name)


def _decided_by(ruleset: RuleSet, out: Any) -> Any:
    """The id of the rule that decided each row (the passing decision rule of highest
    priority, the first of those in the file), as the row path's ``decided_by``."""
    import polars as pl

    ranked = sorted(
        (r for r in ruleset.rules if r.decision is not None),
        key=lambda r: -(r.priority or 0),
    )
    expr = pl.lit(None, dtype=pl.String)
    for rule in reversed(ranked):  # the highest priority is tested first
        expr = pl.when(pl.col(rule.id) == "pass").then(pl.lit(rule.id)).otherwise(expr)
    return out.select(expr.alias("rule"))["rule"]


def _own_months(per: Any, monthly: Any, quality: dict[int, list[str]]) -> Any:
    """``per`` with the visits, leads and customers each channel's shares are of
    (``own_visits``, ``own_leads``, ``own_customers``): its account's channels' in the
    months it has rows, when it has rows in fewer months than they do (a note said after
    its rows' and its ended note, as the row path's), else null (the account's totals);
    ``per`` as it is when every channel has rows in every month of its account's (the
    usual book)."""
    import polars as pl

    acct = pl.col("account")
    span = pl.col("last_x").max().over(acct) - pl.col("first_x").min().over(acct) + 1
    some = (pl.col("months") != span) | (pl.col("first_x") != pl.col("first_x").min().over(acct))
    if not bool(per.select(some.any()).item()):  # every channel every month (the usual book)
        return per
    rows = monthly.select("g", "x", "visits", "leads", "customers").with_columns(
        per["account"].gather(monthly["g"]).alias("account")
    )
    by_month = rows.group_by("account", "x").agg(  # (a month not measured: unknown)
        _known_sum("visits").alias("month_visits"),
        _known_sum("leads").alias("month_leads"),
        _known_sum("customers").alias("month_customers"),
    )
    counted = by_month.group_by("account").agg(pl.len().alias("account_months"))
    own = (
        rows.join(by_month, on=["account", "x"], how="left")
        .group_by("g")
        .agg(_known_sum("month_visits"), _known_sum("month_leads"), _known_sum("month_customers"))
    )
    per = (
        per.with_row_index("g")
        .with_columns(pl.col("g").cast(pl.Int64))
        .join(own, on="g", how="left", maintain_order="left")
        .join(counted, on="account", how="left", maintain_order="left")
    )
    fewer = pl.col("months") < pl.col("account_months")
    for g, (months, of) in enumerate(per.select("months", "account_months").iter_rows()):
        if months < of:
            quality.setdefault(g, []).append(shares_note(months, of))
    return per.with_columns(
        pl.when(fewer).then(pl.col("month_visits")).alias("own_visits"),
        pl.when(fewer).then(pl.col("month_leads")).alias("own_leads"),
        pl.when(fewer).then(pl.col("month_customers")).alias("own_customers"),
    ).drop("g", "month_visits", "month_leads", "month_customers", "account_months")


def _fulfils(role_share: float, flat: float) -> Any:
    """Whether each channel does the job of its role (as ``channel_measures.fulfils_role``;
    ``flat``: the ruleset's param, a traffic driver falling by no more is not falling)."""
    import polars as pl

    role = pl.col("role")
    traffic = (pl.col("visits_share") >= role_share) & (
        pl.col("visits_trend").fill_null(0) >= -flat
    )
    # visits or leads not measured (the channel's or the portfolio's): a job not seen done
    # cannot be told, not "does not do its job" (as the row path's)
    p_known = pl.col("p_visits").is_not_null() & pl.col("p_leads").is_not_null()
    v_known, l_known = pl.col("visits").is_not_null(), pl.col("leads").is_not_null()
    traffic = (
        pl.when(pl.col("visits_share").is_null() & ~(v_known & p_known))
        .then(pl.lit(None, dtype=pl.Boolean))
        .otherwise(traffic.fill_null(False))
    )
    lead_credible = pl.col("lead_rate_low") >= pl.col("p_lead_rate")
    leads = lead_credible.fill_null(False) | (pl.col("leads_share") >= role_share).fill_null(False)
    leads = (
        pl.when(~leads & ~(v_known & l_known & p_known))
        .then(pl.lit(None, dtype=pl.Boolean))
        .otherwise(leads)
    )
    # (its share of the channels' customers in its months, as of their visits and leads)
    share_c = pl.when(pl.col("of_customers") > 0).then(pl.col("customers") / pl.col("of_customers"))
    conv_credible = pl.col("customer_rate_low") >= pl.col("p_customer_rate")
    conversions = conv_credible.fill_null(False) | (share_c >= role_share).fill_null(False)
    # customers not measured (the channel's or the portfolio's): cannot tell, not False
    unknown = pl.col("customers").is_null() | pl.col("of_customers").is_null() | ~l_known
    conversions = pl.when(unknown).then(pl.lit(None, dtype=pl.Boolean)).otherwise(conversions)
    return (
        pl.when(role.is_null())
        .then(pl.lit(None, dtype=pl.Boolean))  # no role given: none is assumed
        .when(role == Objective.TRAFFIC.value)
        .then(traffic)
        .when(role == Objective.LEADS.value)
        .then(leads)
        .when(role == Objective.CONVERSIONS.value)
        .then(conversions)
        # awareness, engagement...: their followers (engagements, reach) rising; null when
        # not recorded in two months or more (cannot tell)
        .otherwise(pl.col("role_metric_trend") > 0)
    )
