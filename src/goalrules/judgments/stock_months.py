"""A stock counted daily (or weekly), judged before its month is over: whole months to
the latest count.

Calendar months read a stock by its last count in each month. On a history of daily
counts judged on 3 March, March's "month" is three days long, and the model reads it as
a whole month of growth: a follower count growing a steady 3 % a month "grew 2.6 % a
month", its chance of 1,500 followers by September read 60 % (97 % on 31 March), and
the 80 % range stopped short of the count it reached. So a stock whose counts come more
than once a month, judged with its latest count before its month's last days, is read
in months that end on the latest count's day: the count on (or last before) the 3rd of
each month, every step a whole month, the latest count the last.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Sequence

from goalrules.dates import add_months, month_end
from goalrules.model import Point

__all__ = ["months_to_latest"]

Date = _dt.date
#: a latest count this close to its month's end stands for the month as it is
_NEAR_END = 2


def months_to_latest(raw: Sequence[Point], months: Sequence[Point]) -> list[Point]:
    """``months`` (a stock's calendar months, each its last count) as months ending on
    the latest count's day, when the counts come more than once a month and the latest
    is not in its month's last days; ``months`` as they are otherwise. Each month is the
    last count on or before its day and after the month before's (none: a gap)."""
    if len(raw) < 3 or not months or len(months) == len(raw):
        # (as many months as counts: one count a month)
        return list(months)
    last = raw[-1].date
    if (month_end(last) - last).days <= _NEAR_END:
        return list(months)
    seen = {(p.date.year, p.date.month) for p in raw}
    if (
        len(seen) == len(raw)
        or min((b.date - a.date).days for a, b in itertools.pairwise(raw)) > 16
    ):  # one count a month: a month's count wherever in it it is dated
        return list(months)
    out: list[Point] = []
    i = len(raw) - 1
    k = 0
    while i >= 0:
        day = _anchor(last, k)
        before = _anchor(last, k + 1)
        while i >= 0 and raw[i].date > day:
            i -= 1
        if i < 0:
            break
        if raw[i].date > before:
            out.append(Point(day, raw[i].value))
        k += 1
    out.reverse()
    return out


def _anchor(last: Date, k: int) -> Date:
    """``k`` months before ``last``, on its day (or its month's last day when shorter)."""
    return add_months(last, -k)
