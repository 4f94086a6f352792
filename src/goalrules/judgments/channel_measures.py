"""A channel's measures from its numbers: rates with their Wilson bounds, Theil-Sen
trends of its months, whether it does the job of its role, its data-quality notes.

The functions :mod:`goalrules.judgments.channel_evidence` measures each channel with,
on plain numbers (no evidence object): the evidence computes some of them when first
read.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from goalrules.judgments.channel_pass import Columns
from goalrules.judgments.stats import theil_sen, wilson_interval
from goalrules.model import Objective

Date = _dt.date


class PortfolioRates(Protocol):
    """What a role check reads of the portfolio (a
    :class:`~goalrules.judgments.channel_evidence.Portfolio`)."""

    @property
    def lead_rate(self) -> float | None: ...

    @property
    def customers(self) -> float | None: ...

    @property
    def customer_rate(self) -> float | None: ...


def quality_notes(notes: Iterable[tuple[Date, float, float, float] | str]) -> tuple[str, ...]:
    """The data-quality notes of a channel: each row of more leads than visits or more
    customers than leads, ``(month, visits, leads, customers)`` in the order of the rows,
    written out (and a note already written, as it is)."""
    out = []
    labels: dict[Date, str] = {}  # each month as the notes write it, once
    for note in notes:
        if isinstance(note, str):
            out.append(note)
            continue
        month, visits, leads, customers = note
        label = labels.get(month)
        if label is None:  # %Y-%m, spelt out (strftime is slow) where it is the same
            label = labels[month] = (
                f"{month.year}-{month.month:02d}" if month.year >= 1000 else f"{month:%Y-%m}"
            )
        if leads > visits:
            out.append(f"{label}: {leads:g} leads from {visits:g} visits (more leads than visits)")
        if customers > leads:
            out.append(f"{label}: {customers:g} customers from {leads:g} leads")
    return tuple(out)


def known_total(total: float) -> float | None:
    """A sum of customers, ``None`` when it took in an unknown (NaN: not measured)."""
    return None if math.isnan(total) else total


def known_count(total: float | None) -> float | None:
    """A channel's sum of visits or leads, ``None`` when it took in an unknown (NaN: a
    month not measured)."""
    return None if total is None or math.isnan(total) else total


def share_of(part: float | None, whole: float | None) -> float | None:
    """``part`` as a share of ``whole``; ``None`` when either is unknown (``None`` or
    NaN: a month not measured) or ``whole`` is 0."""
    if part is None or whole is None or not whole or math.isnan(whole):
        return None
    return part / whole


def unmeasured_notes(months: int, unmeasured: Mapping[str, int]) -> list[str]:
    """The data-quality notes of a channel whose visits or leads were not measured in
    ``unmeasured[what]`` of its ``months``: their total is unknown, never 0 nor the sum
    of the months measured, and so is what is taken from it."""
    out = []
    for what, follows in (
        ("visits", "its lead rate, share of visits and visits trend"),
        ("leads", "its lead rate, share of leads and leads trend"),
    ):
        missing = unmeasured.get(what, 0)
        if not missing:
            continue
        if missing >= months:
            out.append(f"{what} not measured (unknown, not 0): {follows} are unknown")
        else:
            out.append(
                f"{what} measured in {months - missing} of {months} months: their total, and "
                f"so {follows}, are unknown (not the sum of the months measured)"
            )
    return out


def customers_note(months: int, measured: int) -> str:
    """The data-quality note of a channel whose customers were measured in some of its
    months and not others: its total is unknown, not the sum of the months measured."""
    return (
        f"customers measured in {measured} of {months} months: their total is unknown "
        "(not the sum of the months measured)"
    )


def spend_note(months: int, recorded: int, partial: int = 0) -> str:
    """The data-quality note of a channel whose spend was recorded in some of its months
    and not others: its total, and so its costs, are unknown (a month without spend is
    not a month of 0 spend). ``partial``: the months whose spend some of their rows gave
    and others not (not counted as recorded: a row without spend is not 0 spend)."""
    rows = (
        f" ({partial} more in some of their rows only: a row without spend is not 0)"
        if partial
        else ""
    )
    return (
        f"spend recorded in {recorded} of {months} months{rows}: its total and its cost per "
        "lead are unknown (not the sum of the months recorded)"
    )


def ended_note(last: Date, latest: Date) -> str:
    """The data-quality note of a channel whose rows end before the other channels'
    (``latest``: their last month): its months since are unknown, not 0 and not judged."""
    since = months_apart(last, latest)
    months = "month" if since == 1 else f"{since} months"
    return (
        f"no rows after {last.year}-{last.month:02d} while the channels judged run to "
        f"{latest.year}-{latest.month:02d}: its {months} since are unknown (not 0), and its "
        "evidence reads the months given"
    )


def shares_note(months: int, of: int) -> str:
    """The data-quality note of a channel with rows in ``months`` of the ``of`` months of
    the channels judged: its shares of their visits, leads and customers are of its own
    months."""
    return (
        f"rows in {months} of the {of} months of the channels judged: its shares of their "
        f"visits, leads and customers are of its {months} months (a month without rows is "
        "not 0)"
    )


#: each month's visits, leads and customers of the channels judged, one value a channel
MonthTotals = dict[Date, tuple[list[float], list[float], list[float]]]


def month_totals(ordered: Mapping[str, Columns]) -> MonthTotals:
    """Each month's visits, leads and customers (NaN: not measured) of the channels
    (``ordered``: each channel's months and columns), one value a channel with rows that
    month: summed exactly (:func:`shares_of`), the same whatever the channels' order."""
    out: MonthTotals = {}
    for months, columns in ordered.values():
        for month, v, lead, c in zip(months, columns[0], columns[1], columns[2], strict=True):
            got = out.get(month)
            if got is None:
                got = out[month] = ([], [], [])
            got[0].append(v)
            got[1].append(lead)
            got[2].append(c)
    return out


def shares_of(months: Sequence[Date], by_month: MonthTotals) -> tuple[float, float, float]:
    """The channels' visits, leads and customers in ``months``, each one exactly rounded
    sum (NaN when one was not measured)."""
    return (
        math.fsum(v for m in months for v in by_month[m][0]),
        math.fsum(v for m in months for v in by_month[m][1]),
        math.fsum(v for m in months for v in by_month[m][2]),
    )


def months_apart(a: Date, b: Date) -> int:
    """Calendar months from ``a``'s month to ``b``'s (``2025-01`` to ``2025-04``: 3)."""
    return b.year * 12 + b.month - a.year * 12 - a.month


def social_note(months: int, recorded: int) -> str:
    """The data-quality note of a channel whose followers, engagements or reach were
    recorded in some of its months: their trend reads those months only."""
    return (
        f"followers, engagements or reach recorded in {recorded} of {months} months: their "
        "trend reads those months only (a month not recorded is not 0)"
    )


def rate_interval(
    x: float | None, n: float | None
) -> tuple[float | None, float | None, float | None]:
    """The rate ``x / n`` (``x`` at most ``n``) and its 95 % Wilson bounds; ``None``s
    when ``x`` or ``n`` is unknown or ``n`` is not positive."""
    if x is None or n is None or n <= 0:
        return None, None, None
    k = n if n < x else x  # min(x, n)
    lo, hi = wilson_interval(k, n)
    return k / n, lo, hi


def trend(months: Sequence[Date], values: Sequence[float]) -> float | None:
    """Theil-Sen slope per month relative to the mean (``None`` under 2 months)."""
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    if mean == 0:
        return 0.0
    xs = [d.year * 12 + d.month for d in months]
    return theil_sen(xs, values) / mean


def trend_of(
    slope: Callable[[Sequence[float]], float],
    values: Sequence[float],
    total: float | None,
    days: MonthDays | None = None,
) -> float | None:
    """:func:`trend` with the slope function of the months (numbered, in order and each
    once: :func:`~goalrules.judgments.stats.theil_sen_at`) and, when known, the
    values' sum (``total``: the same ``sum(values)``); with ``days`` (the months'
    :func:`month_days`), :func:`flow_trend`: of the values a day of each month."""
    n = len(values)
    if n < 2:
        return None
    if days is not None:
        mean = (sum(values) if total is None else total) / days.total
        return 0.0 if mean == 0 else slope(list(map(operator.truediv, values, days))) / mean
    mean = (sum(values) if total is None else total) / n
    if mean == 0:
        return 0.0
    return slope(values) / mean


class MonthDays(tuple[float, ...]):
    """The days of each of a run of months, as floats (what a month's visits or leads are
    divided by before their trend is read), with their ``total``."""

    total: float  #: the days of the months together

    def __new__(cls, days: Iterable[float]) -> MonthDays:
        out = super().__new__(cls, days)
        out.total = float(sum(out))
        return out


def month_days(months: Sequence[Date]) -> MonthDays:
    """The days of each of ``months`` (in order, each once): what a month's visits or
    leads are divided by before their trend is read, so that a steady flow reads steady
    (10 a day is 310 in January and 280 in February: no fall of 10 %)."""
    first, last = months[0], months[-1]
    start = first.year * 12 + first.month
    if last.year * 12 + last.month - start == len(months) - 1:
        return _consecutive_days(start, len(months))
    return MonthDays(float(calendar.monthrange(d.year, d.month)[1]) for d in months)


@functools.lru_cache(maxsize=256)
def _consecutive_days(start: int, n: int) -> MonthDays:
    """:func:`month_days` of ``n`` months from the month numbered ``start`` (``year * 12
    + month``)."""
    return MonthDays(
        float(calendar.monthrange((x - 1) // 12, (x - 1) % 12 + 1)[1])
        for x in range(start, start + n)
    )


def flow_trend(months: Sequence[Date], values: Sequence[float]) -> float | None:
    """The trend a month of a flow (visits, leads) over ``months`` (in order, each once):
    the Theil-Sen slope of its values a day of each month, over its mean a day (the
    values' sum over the months' days); ``None`` under 2 months. A steady 10 a day is 0,
    whatever the months' lengths."""
    if len(values) < 2:
        return None
    xs = [d.year * 12 + d.month for d in months]
    return trend_of(functools.partial(theil_sen, xs), values, None, month_days(months))


def numbered(months: Sequence[Date]) -> Sequence[int]:
    """Months in order, each once, numbered ``year * 12 + month`` (consecutive months:
    a range, read at its ends only)."""
    if not months:
        return ()
    first, last = months[0], months[-1]
    start = first.year * 12 + first.month
    if last.year * 12 + last.month - start == len(months) - 1:
        return range(start, start + len(months))
    return [d.year * 12 + d.month for d in months]


#: the roles judged by the channel's visits, leads or customers (its shares and rates);
#: any other (awareness, engagement, community...) by its own metric's trend: followers,
#: engagements or reach
SHARE_ROLES = frozenset({Objective.TRAFFIC, Objective.LEADS, Objective.CONVERSIONS})


def fulfils_role(
    role: Objective,
    visits_share: float | None,
    visits_trend: float | None,
    *,
    lead_rate_low: float | None,
    leads_share: float | None,
    customers: float | None,
    customer_rate_low: float | None,
    role_metric_trend: float | None,
    portfolio: PortfolioRates,
    role_share: float,
    customers_of: float | None,
    flat: float = 0.02,
    measured: tuple[bool, bool, bool] = (True, True, True),
) -> bool | None:
    """Whether a channel with these measures does the job of ``role`` (``flat``: the
    ruleset's param, a trend within +/- it a month is steady: a traffic driver falling
    by no more than it is not falling). ``measured``: whether the channel's visits, its
    leads and the portfolio's visits and leads were measured; a job not seen done for a
    count not measured cannot be told (``None``), not "does not do its job".
    ``customers_of``: the customers its share of customers is of: the channels' in the
    months it has rows, as its shares of visits and leads are (``None``: not measured)."""
    visits_known, leads_known, portfolio_known = measured
    if role is Objective.TRAFFIC:
        if visits_share is None and not (visits_known and portfolio_known):
            return None
        return (
            visits_share is not None and visits_share >= role_share and (visits_trend or 0) >= -flat
        )
    if role is Objective.LEADS:
        credible = (
            lead_rate_low is not None
            and portfolio.lead_rate is not None
            and lead_rate_low >= portfolio.lead_rate
        )
        done = credible or (leads_share is not None and leads_share >= role_share)
        return done if done or (visits_known and leads_known and portfolio_known) else None
    if not leads_known and role is Objective.CONVERSIONS:
        return None  # its customer rate is of leads not measured: cannot tell
    if role is Objective.CONVERSIONS:
        if customers is None or customers_of is None:
            return None  # customers not measured: cannot tell, not "does not do its job"
        share = customers / customers_of if customers_of else None
        credible = (
            customer_rate_low is not None
            and portfolio.customer_rate is not None
            and customer_rate_low >= portfolio.customer_rate
        )
        return credible or (share is not None and share >= role_share)
    # awareness, engagement, community...: judged by their own metric when it is tracked
    if role_metric_trend is None:
        return None
    return role_metric_trend > 0


def flat_of(ruleset: Any) -> float:
    """The ruleset's ``flat`` param (a trend within +/- it a month is steady) as a share:
    the one its rules read "declining" with, which a traffic driver's "not falling" reads
    too (2 % when the ruleset has none)."""
    return share_param(ruleset.params.get("flat", 0.02))


def role_share_of(ruleset: Any) -> float:
    """The ruleset's ``role_share`` param (the share of visits, leads or customers a
    traffic, lead or conversions driver brings at least) as a share (15 % when the
    ruleset has none)."""
    return share_param(ruleset.params.get("role_share", 0.15))


def share_param(value: Any) -> float:
    """A share param as a share: a number, or text such as ``"15 %"``."""
    return float(value) if not isinstance(value, str) else float(value.strip(" %")) / 100
