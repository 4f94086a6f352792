"""The period a statement's goal runs through: "500 leads in 2027", "150 leads in Q3
2027", "this year".

A deadline phrase either names an end ("by the end of 2027", "within six months": the
goal starts when it is set) or a period the goal spans ("in 2027", "during Q3", "this
year"). A total set for a period counts the period's own months: "500 leads in Q3 2027"
said in December 2026 counts July to September, not ten months from December, and "500
leads this year" said in December counts the year's leads so far, not nothing. So a
period's goal starts when the period does.
"""

from __future__ import annotations

import datetime as _dt
import re

from goalrules.dates import _period_start, month_start
from goalrules.patterns import LazyPattern

__all__ = ["period_start"]

Date = _dt.date

# "in 2027", "during Q3 2027", "for the second half of 2027", "throughout March 2027";
# "this year", "this quarter", "this month" (in English: the packs write English words)
_PERIOD = LazyPattern(
    r"(?:(?:in|during|for|throughout)\s+(?P<span>.+)"
    r"|(?P<this>(?:this|next)\s+(?:year|quarter|month)))",
    re.IGNORECASE,
)


def period_start(words: str, deadline: Date) -> Date | None:
    """The first day of the calendar year, quarter, half or month the deadline phrase
    ``words`` names as the goal's span (it ends on ``deadline``); ``None`` for a phrase
    that names an end only, or a length ("in 6 months", "within the year").

    >>> period_start("in Q3 2027", Date(2027, 9, 30)), period_start("this year", Date(2026, 12, 31))
    (datetime.date(2027, 7, 1), datetime.date(2026, 1, 1))
    >>> period_start("by the end of 2027", Date(2027, 12, 31)) is None
    True
    """
    m = _PERIOD.fullmatch(re.sub(r"\s+", " ", words.strip().rstrip(".,;:")))
    if m is None:
        return None
    if m["span"] and re.match(r"the\s+(?:next|coming|following)\b", m["span"], re.I):
        return None  # "in the next month": a length from the start, no calendar month
    span = re.sub(r"^the\s+", "", m["span"] or m["this"], flags=re.IGNORECASE)
    # "in Q1 next year", "in March of this year": the period in the deadline's year (it
    # started when the goal was set: 500 leads "in Q1 next year" counted from May)
    span = re.sub(
        r"(?<=\S)\s+(?:(?:of|in)\s+)?(?:this|next)\s+year$", f" {deadline.year}", span, flags=re.I
    )
    if re.search(r"\b(?:days?|weeks?|months|quarters|years)\b", span, re.I):
        return None  # "in 6 months", "in the next two quarters": a length, from the start
    if re.fullmatch(r"(?:this|next|coming)\s+month", span, re.I):
        return month_start(deadline)
    first = _period_start(re.sub(r"^coming\s+", "next ", span, flags=re.I), deadline)
    return first if first is not None and first <= deadline else None
