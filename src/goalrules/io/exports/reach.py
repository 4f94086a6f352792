"""Reach a day is no figure a month adds up to.

A network's daily reach (Meta Business Suite's *Reach* and *Viewers*, a suite's daily
*Reach*) counts each person once **that day**: one reached on five days of a month is in
five days' figures, so the days' sum runs above the month's reach, the people reached in
it (Meta, and the tools that read its API, give reach for a day, a week or 28 days, each
counted once over its own period). goalrules sums a flow's days into its month, so a
daily export's reach read as the metric ``post_reach`` read "46,996 people in March" for
a month that reached far fewer. Such a column is not read, and a note (or, when it is the
export's only metric, an error) says why. A per-post export's reach is each post's and
is summed by month as post reach, as before.
"""

from __future__ import annotations

from goalrules.errors import DataError
from goalrules.io.exports.presets import Match, MetricSpec

#: metrics that count people once each within a row's period: a daily export's days do
#: not add up to a month's figure
PEOPLE_ONCE_A_DAY = frozenset({"post_reach"})

_WHY = (
    "a day's reach counts each person once that day, so the days of a month add up to more "
    "than its reach (one person reached on five days counts five times)"
)
#: what to give instead
_INSTEAD = "write each month's reach, as the tool shows it for the whole month, in a history file"


def counted_once_a_day(
    match: Match, spec: MetricSpec, metric: str, notes: list[str] | None
) -> bool:
    """Whether ``metric``, read from a daily export, counts people once a day (then it is
    left out: a note in ``notes`` says so), or an error when the export has no other
    metric (a Meta page export of *Reach*: its one metric, named by its title)."""
    if match.preset.grain == "post" or metric not in PEOPLE_ONCE_A_DAY:
        return False
    if spec.metric == "from_title":
        raise DataError(
            f"the export's metric is {match.title()!r}, not read: {_WHY}; export a metric "
            f"whose days add up (views, follows, interactions, link clicks), or {_INSTEAD}",
            source=match.sheet.source,
            line=match.header_line - 1 if match.header_line > 1 else None,
        )
    named = next((c for c in spec.columns() if c in match.columns), metric)
    if notes is not None:
        notes.append(f"{match.sheet.source}: {named!r} not read as {metric}: {_WHY}; {_INSTEAD}.")
    return True
