"""A channel's evidence computed when first read: its trends, whether it fulfils its
role, its customer rate's Wilson bound and its data-quality notes, from the numbers it
was measured with (a decision reads them only when no rule of higher priority decides;
the evidence and the facts, whichever reads one first, compute it once)."""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Callable, Sequence
from typing import Any

from goalrules.judgments.channel_measures import (
    SHARE_ROLES,
    MonthDays,
    fulfils_role,
    quality_notes,
    rate_interval,
    trend_of,
)
from goalrules.model import Objective

__all__ = ["on_read"]

_truediv = operator.truediv

Date = _dt.date

#: what a channel's fields computed on read are computed from: the slope function of
#: its months (None under two months), its visits, leads and social metric a month (None:
#: not tracked), visits, leads, customers, role, visits share, lead rate's low bound,
#: leads share, the portfolio, the role share, the ruleset's ``flat``, its data-quality
#: notes (as measured), the customers its share of customers is of (the channels' in
#: its months; None: not measured), the days of each of its months and whether its
#: social metric is a flow (engagements, reach: read a day, as visits), not followers
_Inputs = tuple[
    Callable[[Sequence[float]], float] | None,
    Sequence[float],
    Sequence[float],
    Sequence[float] | None,
    float | None,
    float | None,
    float | None,
    Objective | None,
    float | None,
    float | None,
    float | None,
    Any,  # the Portfolio (its module imports this one)
    float,
    float,
    list[tuple[Date, float, float, float] | str] | None,
    float | None,
    MonthDays | None,
    bool,
]


def on_read(inputs: _Inputs, memo: dict[str, Any], name: str) -> Any:
    """The value of field ``name`` (one of :data:`ON_READ`) of a channel's evidence, from
    the channel's numbers (``inputs``), kept in ``memo``: the decision's facts and the
    evidence, whichever reads it first, compute it once."""
    got = memo.get(name, memo)
    if got is not memo:
        return got
    if name == "visits_trend" or name == "leads_trend":  # what rules read most: first
        slope = inputs[0]
        value: Any = None
        values, total = (inputs[1], inputs[4]) if name == "visits_trend" else (inputs[2], inputs[5])
        if slope is not None and total is not None:  # (not measured in some month: no trend)
            # trend_of with the days, written out: the trend of the visits (leads) a day of
            # each month, over their mean a day (February's 28 days are no fall)
            days = inputs[16]
            assert days is not None  # (two months or more: a slope, and their days)
            mean = total / days.total
            value = 0.0 if mean == 0 else slope(list(map(_truediv, values, days))) / mean
        memo[name] = value
        return value
    (slope, _, _, social_by_month, visits, leads, customers, role, visits_share, lead_rate_low,
     leads_share, portfolio, role_share, flat, notes, customers_of, days,
     social_flow) = inputs  # fmt: skip
    value = None
    if name == "quality":
        value = quality_notes(notes or ())
    elif name == "role_metric_trend":
        if slope is not None and social_by_month is not None:
            value = trend_of(slope, social_by_month, None, days if social_flow else None)
    elif name == "customer_rate_low":
        value = rate_interval(customers, leads)[1]
    elif role is None:  # fulfils_role: with no role there is no job to check
        value = None
    else:  # fulfils_role, reading only the trend the role is judged by
        value = fulfils_role(
            role, visits_share,
            on_read(inputs, memo, "visits_trend") if role is Objective.TRAFFIC else None,
            lead_rate_low=lead_rate_low, leads_share=leads_share, customers=customers,
            customer_rate_low=on_read(inputs, memo, "customer_rate_low"),
            role_metric_trend=None
            if role in SHARE_ROLES
            else on_read(inputs, memo, "role_metric_trend"),
            portfolio=portfolio, role_share=role_share, customers_of=customers_of, flat=flat,
            measured=(visits is not None, leads is not None,
                      portfolio.visits is not None and portfolio.leads is not None),
        )  # fmt: skip
    memo[name] = value
    return value
