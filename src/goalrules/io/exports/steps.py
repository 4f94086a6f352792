"""A daily export whose rows are not days: a dashboard or a suite that groups its figures
by week or by month writes each row under the week's or the month's first day
(``2026-01-05``, ``2026-01-12``... or ``2026-01-01``, ``2026-02-01``...). Read as a
daily export, each row was that one day's figure (a week's 7,000 impressions on a
Monday, none on the other six days); it is an error naming the dates, never a week
read as a day.

A run of rows is taken for weeks when three dates or more follow each other at seven
days exactly, and for months when three or more fall on the first of consecutive months;
a daily export's dates do neither (a day left out makes a gap of two days, not seven).
Dates read in an order the user gave (``--monthfirst``, ``--dayfirst``) are the days
the user said they are.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Sequence

from goalrules.errors import DataError

Date = _dt.date


def row_step(days: Sequence[Date | None]) -> str | None:
    """``"week"`` or ``"month"`` when the distinct dates run a week or a month apart,
    each, else ``None``."""
    known = sorted({d for d in days if d is not None})
    steps = list(itertools.pairwise(known))
    if len(known) >= 3 and all((b - a).days == 7 for a, b in steps):
        return "week"
    if (
        len(known) >= 3
        and all(d.day == 1 for d in known)
        and all((b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in steps)
    ):
        return "month"
    return None


def check_days(
    days: Sequence[Date | None], metrics: Sequence[str], source: str, line: int, column: str
) -> None:
    """An error when the rows of a daily export of counts (``metrics``: one a flow,
    counted per period) are weeks or months; a stock (followers) is right on any day."""
    from goalrules.metrics import catalog
    from goalrules.vocabulary import MetricKind

    flows = [m for m in metrics if m in catalog and catalog[m].kind is MetricKind.FLOW]
    step = row_step(days) if flows else None
    if step is None:
        return
    known = sorted({d for d in days if d is not None})
    shown = ", ".join(d.isoformat() for d in known[:3]) + (", ..." if len(known) > 3 else "")
    raise DataError(
        f"its dates run a {step} apart ({shown}): each row holds a {step}'s figures, not a "
        f"day's, and would be read as the one day it is dated; export the figures by day",
        source=source, line=line, field=column,
    )  # fmt: skip
