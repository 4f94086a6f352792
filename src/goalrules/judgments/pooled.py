"""A flow's growth centre learnt across the histories of one metric.

Where a flow is centred (downloads that keep growing, new followers that fade after a
burst, page views that hold) is the one thing no window of its own history tells: on the
public flows goalrules was tuned on, the drift a window shows has no predictive slope
within a kind of flow, yet the kinds' centres sit far apart (about -2.2 %, +3.4 % and
0.0 % a month for new GitHub stars, PyPI downloads and Wikipedia film views). A single
account's forecast therefore keeps the default centre and a wide spread
(``flow_spread``). When a workspace holds several histories of the same flow metric
(the brand's channels, an agency's accounts), their drifts estimate that centre:

* each history's mean monthly log change over the prior's window of months (``m_i``)
  and its sampling variance (``v_i``), as :func:`goalrules.fit_prior` reads them;
* their precision-weighted mean ``c`` (weights ``1 / (tau^2 + v_i)``, ``tau^2`` the
  spread of true drifts by moments, iterated) and its variance ``V``;
* shrunk towards the default centre by how well it is known:
  ``c x T^2 / (T^2 + V + W^2)``, with ``T`` = :data:`CENTRE_SPREAD` (the spread of the
  kinds' centres) and ``W`` = :data:`CENTRE_WANDER` (how far a centre moves over time,
  which no number of histories removes), so four short histories move the centre little
  and a hundred move it most of the way;
* the forecast then drifts towards that centre, with the same spread (``flow_spread``):
  the kinds' centres also move over time (PyPI downloads' pooled centre read -2 % a month
  at the start of 2021 and +5 % a year later), and narrowing the spread once a centre is
  learnt made the held-back goals over-confident.

Measured on the held-out halves of the public flows (``python benchmarks/
calibration_real.py``, column "workspace": each goal judged with the centre of the
other histories as they stood at its cutoff, nothing later): see docs/judgments.md.
Stocks keep their own prior: a smooth stock's history tells its growth itself (the
persistence mixture), and a pooled centre made star counts' forecasts worse.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from goalrules.judgments.achievability_units import months_until
from goalrules.judgments.growth import GrowthPrior, drift_evidence, pooled_drift
from goalrules.judgments.weekly_flows import monthly_of
from goalrules.metrics import catalog
from goalrules.model import MetricKind, MetricSeries, Point

if TYPE_CHECKING:
    from datetime import date as Date

__all__ = [
    "CENTRE_SPREAD",
    "CENTRE_WANDER",
    "POOL_MINIMUM",
    "FlowCentre",
    "centres_at",
    "flow_centre",
    "flow_centres",
    "flow_groups",
    "workspace_centres",
]

#: the spread of flows' centres across kinds of flow (monthly, in logs): the standard
#: deviation of -0.022, +0.034 and 0.000, the tuning halves' three kinds of flow
CENTRE_SPREAD = 0.025

#: how far a kind's centre moves over time (monthly, in logs): what the histories' past
#: cannot tell of its future however many they are (chosen on the tuning halves among
#: 0, 0.01 and 0.02: it cut PyPI's Brier score from 0.218 to 0.216 and its calibration
#: error from 0.052 to 0.048, and cost new stars 0.0005 of Brier score)
CENTRE_WANDER = 0.01

#: histories of one flow metric needed before their centre is learnt
POOL_MINIMUM = 4

#: a history counts when it holds this many positive months
_MIN_MONTHS = 6


@attrs.frozen
class FlowCentre:
    """The centre learnt for one flow metric: the prior to judge its goals with, the
    monthly centre (a log change) and how many histories it was learnt from."""

    prior: GrowthPrior
    centre: float
    histories: int

    @property
    def monthly_growth(self) -> float:
        """The centre as a share a month (``exp(centre) - 1``)."""
        return math.expm1(self.centre)


def flow_centre(
    histories: Iterable[tuple[Sequence[float], Sequence[int]]],
    base: GrowthPrior,
    *,
    minimum: int = POOL_MINIMUM,
) -> FlowCentre | None:
    """The centre of the flows ``histories`` (each its monthly values and their month
    numbers, ``year * 12 + month - 1``, increasing) and the prior that carries it, built
    on ``base``; ``None`` when fewer than ``minimum`` histories hold :data:`_MIN_MONTHS`
    positive months. Only the last ``base.months`` months of each are read, as a
    forecast reads them."""
    drifts: list[float] = []
    variances: list[float] = []
    for values, months in histories:
        keep = (base.months or len(values)) + 1
        values, months = list(values)[-keep:], list(months)[-keep:]
        if len(values) < _MIN_MONTHS or min(values) <= 0:
            continue
        found = drift_evidence(
            [math.log(v) for v in values], months, seasonal=base.seasonal,
            smoothing=base.smoothing,
        )  # fmt: skip
        if found is not None:
            drifts.append(found[0])
            variances.append(found[1])
    if len(drifts) < max(minimum, 2):
        return None
    mean, tau2 = pooled_drift(drifts, variances)
    precision = sum(1.0 / (tau2 + v) for v in variances if tau2 + v > 0)
    known = 1.0 / precision if precision > 0 else math.inf
    shrink = CENTRE_SPREAD**2 / (CENTRE_SPREAD**2 + known + CENTRE_WANDER**2)
    centre = base.mean + (mean - base.mean) * shrink
    prior = attrs.evolve(base, mean=centre)
    return FlowCentre(prior, centre, len(drifts))


def flow_centres(
    histories: Mapping[str, Iterable[tuple[Sequence[float], Sequence[int]]]],
    base: GrowthPrior,
    *,
    minimum: int = POOL_MINIMUM,
) -> dict[str, FlowCentre]:
    """:func:`flow_centre` for each metric of ``histories`` that has enough of them."""
    found: dict[str, FlowCentre] = {}
    for metric, items in histories.items():
        centre = flow_centre(items, base, minimum=minimum)
        if centre is not None:
            found[metric] = centre
    return found


def flow_groups(
    histories: Mapping[tuple[str | None, str], MetricSeries], *, minimum: int = POOL_MINIMUM
) -> dict[str, list[tuple[Point, ...]]]:
    """The monthly points of each flow metric a history file (``(channel, metric)`` to
    series) holds at least ``minimum`` histories of, resampled once (read as of a date by
    :func:`centres_at`). A metric's total (channel ``None`` or ``"all"``) is left out
    where its channels are there, so no month counts twice."""
    grouped: dict[str, list[tuple[str | None, MetricSeries]]] = {}
    for (channel, metric), series in histories.items():
        grouped.setdefault(metric, []).append((channel, series))
    flows: dict[str, list[tuple[Point, ...]]] = {}
    for metric, items in sorted(grouped.items()):
        defn = catalog.get(metric)
        named = [s for ch, s in items if ch not in (None, "all")]
        chosen = named or [s for _, s in items]
        kinds = {s.kind or (defn.kind if defn else MetricKind.STOCK) for s in chosen}
        if kinds == {MetricKind.FLOW} and len(chosen) >= minimum:
            flows[metric] = [monthly_of(s, MetricKind.FLOW) for s in chosen]  # (weeks: days)
    return flows


def centres_at(
    groups: Mapping[str, Sequence[Sequence[Point]]],
    base: GrowthPrior,
    today: Date,
    *,
    minimum: int = POOL_MINIMUM,
) -> dict[str, FlowCentre]:
    """The centre of each of :func:`flow_groups`' metrics, read from the complete months
    up to ``today``."""
    flows: dict[str, list[tuple[list[float], list[int]]]] = {}
    for metric, monthly in groups.items():
        flows[metric] = [
            ([p.value for p in points], [p.date.year * 12 + p.date.month - 1 for p in points])
            for points in (months_until(m, MetricKind.FLOW, today) for m in monthly)
        ]
    return flow_centres(flows, base, minimum=minimum)


def workspace_centres(
    histories: Mapping[tuple[str | None, str], MetricSeries],
    base: GrowthPrior,
    today: Date,
    *,
    minimum: int = POOL_MINIMUM,
) -> dict[str, FlowCentre]:
    """The centre of each flow metric a history file holds at least ``minimum``
    histories of (:func:`flow_groups`), read from their complete months up to
    ``today``."""
    return centres_at(flow_groups(histories, minimum=minimum), base, today, minimum=minimum)
