"""The funnel join: visits from web analytics and leads and customers from a CRM on one
row per month, channel and medium, with a note wherever one side has no match; and the
channel groups one side may count by where the other counts networks."""

from __future__ import annotations

import datetime as _dt
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

import attrs

from goalrules.io.exports.rows import PerformanceRow
from goalrules.judgments.sources import classify_source
from goalrules.vocabulary import KNOWN_CHANNELS

Date = _dt.date


def _crm_by_key(crm: Sequence[PerformanceRow]) -> list[PerformanceRow]:
    """CRM rows (of several exports, whose contacts are told apart) as one row per
    month, channel and medium: their leads and customers added up."""
    out: dict[tuple[Date, str, str | None], PerformanceRow] = {}
    for r in crm:
        key = (r.month, r.channel, r.medium)
        if key not in out:
            out[key] = r
            continue
        old = out[key]
        customers = None if old.customers is None or r.customers is None else (
            old.customers + r.customers)  # fmt: skip
        out[key] = PerformanceRow(r.month, r.channel, r.medium, None, (old.leads or 0.0) + (
            r.leads or 0.0), customers)  # fmt: skip
    # no analytics: the visits are not measured, unknown (never 0 visits)
    return [attrs.evolve(out[k], visits=None)
            for k in sorted(out, key=lambda k: (k[0], k[1], k[2] or ""))]  # fmt: skip


#: the channels a GA4 channel group (or a CRM's source without its drill-down) gathers:
#: a row of the group and a row of one of its networks are not the same channel
GROUPED = {
    "social": frozenset(KNOWN_CHANNELS) - {"all"},
    "search": frozenset({"google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia"}),
    # GA4's Organic Video and Paid Video: the video sites GA4's grouping puts there
    "video": frozenset({"youtube", "vimeo", "twitch"}),
}


def unjoinable(
    analytics: Sequence[PerformanceRow], crm: Sequence[PerformanceRow]
) -> tuple[str, str, str] | None:
    """A channel group one side counts by (``social``) whose networks the other side
    counts by (``facebook``): (the group, the network, the side with the group), or
    ``None``. Joined as they are, the group's visits would meet no leads and the
    network's leads no visits: two wrong rows."""
    sides = {"analytics": {r.channel for r in analytics}, "crm": {r.channel for r in crm}}
    for group, members in GROUPED.items():
        for side, other in (("analytics", "crm"), ("crm", "analytics")):
            found = sorted(sides[other] & members)
            if group in sides[side] and found:
                return group, found[0], side
    return None


def join_funnel(
    analytics: Sequence[PerformanceRow], crm: Sequence[PerformanceRow]
) -> tuple[list[PerformanceRow], list[str]]:
    """Visits from analytics and leads/customers from the CRM on one row per month,
    channel and medium (on month and channel for a channel either side lacks the medium
    of); a note
    for each channel where one side has months the other lacks."""
    if not crm:
        return list(analytics), []
    replaced = ["leads and customers come from the CRM export; the analytics' own counts "
                "(key events, conversions) are left out."] if any(r.leads or r.customers
                for r in analytics) else []  # fmt: skip
    # a CRM export without customers: the analytics' customers are left out all the same
    crm_customers = all(r.customers is not None for r in crm)
    if not analytics:
        return _crm_by_key(crm), [
            "visits: no analytics export was given; the rows carry the CRM's "
            "leads and customers, their visits unknown (not 0): no lead rate."
        ]
    # a channel a row of which (on either side) has no medium is joined on month and
    # channel alone; the others keep organic and paid apart (GA4's Unassigned group, of
    # no medium, does not merge the organic and paid social rows)
    no_medium = {r.channel for r in (*analytics, *crm) if not r.medium}

    def key(r: PerformanceRow) -> tuple[Date, str, str | None]:
        return (r.month, r.channel, None if r.channel in no_medium else r.medium)

    visits: dict[tuple[Date, str, str | None], float] = defaultdict(float)
    funnel: dict[tuple[Date, str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r in analytics:  # (visits not measured, goalrules' own file's empty cell: NaN)
        visits[key(r)] += math.nan if r.visits is None else r.visits
    for r in crm:
        funnel[key(r)][0] += r.leads or 0.0
        funnel[key(r)][1] += r.customers or 0.0
    # a source analytics or the CRM does not know ((not set), (other)): the other side
    # has no such source, so its count there is unknown (never 0), and two unknowns
    # (the analytics' visits of no known source, the CRM's contacts of none) are not
    # the same visitors: never joined into a lead rate
    unknown = {k for k in set(visits) | set(funnel) if classify_source(k[1]).name == UNKNOWN}
    notes: list[str] = []
    only_crm: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    only_web: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for k in sorted(set(funnel) - set(visits) - unknown, key=str):
        only_crm[(k[1], k[2])].append(f"{k[0]:%Y-%m}")
    months = {k[0] for k in funnel}
    uncovered: set[Date] = set()  # months of visits in which the CRM has no contact at all
    # a month of visits before the CRM export's first contact or after its last: the
    # export does not cover it (a CRM adopted later, an export filtered by date), so its
    # leads and customers are unknown, never 0
    first, last = min(months, default=Date.min), max(months, default=Date.max)
    outside: set[Date] = set()
    for k in sorted(set(visits) - set(funnel) - unknown, key=str):
        if k[0] in months:
            only_web[(k[1], k[2])].append(f"{k[0]:%Y-%m}")
        elif k[0] < first or k[0] > last:
            outside.add(k[0])
        else:
            uncovered.add(k[0])
    for (ch, med), ms in sorted(only_crm.items(), key=str):
        notes.append(
            f"{ch}{f' ({med})' if med else ''}: the CRM has leads or customers in "
            f"{', '.join(ms)} with no visits in the analytics export."
        )
    for (ch, med), ms in sorted(only_web.items(), key=str):
        notes.append(
            f"{ch}{f' ({med})' if med else ''}: visits in {', '.join(ms)} with no "
            "leads or customers in the CRM export (0)."
        )
    if uncovered:
        shown = ", ".join(f"{m:%Y-%m}" for m in sorted(uncovered))
        notes.append(
            f"the CRM export has no lead or customer at all in {shown}, where the analytics "
            "have visits: read as 0 leads; if the CRM export does not cover "
            f"{'that month' if len(uncovered) == 1 else 'those months'} (a filtered or "
            "shorter export), their leads are unknown, not 0."
        )
    if outside:
        shown = ", ".join(f"{m:%Y-%m}" for m in sorted(outside))
        notes.append(
            f"the CRM export's contacts run from {first:%Y-%m} to {last:%Y-%m}: the leads and "
            f"customers of {shown}, where the analytics have visits, are unknown (not 0: the "
            "export does not cover "
            f"{'that month' if len(outside) == 1 else 'those months'}); give a CRM export that "
            "covers every month of the analytics."
        )
    out = []
    for k in sorted(set(visits) | set(funnel), key=lambda k: (k[0], k[1], k[2] or "")):
        le, cu = funnel.get(k, [0.0, 0.0])
        covered = k[0] not in outside  # (the CRM export does not cover it: unknown, never 0)
        leads, customers = (le if covered else None), (cu if covered and crm_customers else None)
        seen = visits.get(k)
        seen = None if seen is not None and math.isnan(seen) else seen  # not measured
        if k in unknown:
            out.append(_unknown_source(k, seen, leads, customers, k in visits))
            continue
        visited = 0.0 if k not in visits else seen  # (in no analytics row: 0, noted)
        out.append(PerformanceRow(k[0], k[1], k[2], visited, leads, customers))
    if unknown:
        notes.append(_unknown_note(unknown, visits, funnel))
    return out, replaced + notes


#: the source group of the sources neither side can name ((not set), (other), offline)
UNKNOWN = "Unknown source"


def _unknown_source(
    k: tuple[Date, str, str | None],
    visits: float | None,
    leads: float | None,
    customers: float | None,
    analytics: bool,
) -> PerformanceRow:
    """The row of a source of unknown origin: the analytics' visits with their leads and
    customers unknown, or, when the analytics have no such row, the CRM's leads and
    customers with their visits unknown (never the one joined with the other)."""
    if analytics:
        return PerformanceRow(k[0], k[1], k[2], visits, None, None)
    return PerformanceRow(k[0], k[1], k[2], None, leads, customers)


def _unknown_note(
    unknown: set[tuple[Date, str, str | None]],
    visits: Mapping[tuple[Date, str, str | None], float],
    funnel: Mapping[tuple[Date, str, str | None], list[float]],
) -> str:
    """The note on the sources of unknown origin: their counts on the other side are
    unknown, and the CRM's contacts of an unknown source the analytics also have are
    left out (their visits are in some row, which one is not known)."""
    names = sorted({k[1] for k in unknown})
    both = sorted(k for k in unknown if k in visits and k in funnel)
    left = math.fsum(funnel[k][0] for k in both)
    text = (
        f"{', '.join(names)}: a source of unknown origin; the analytics' visits of it have "
        "no leads or customers in the CRM (unknown, not 0) and the CRM's contacts of it no "
        "visits (unknown, not 0): never joined into a lead rate"
    )
    if both:
        text += (
            f"; the CRM's {left:g} lead{'s' if left != 1 else ''} of "
            f"{', '.join(sorted({k[1] for k in both}))} beside the analytics' visits of it "
            "are in no row (which visits they came from is unknown)"
        )
    return text + "."
