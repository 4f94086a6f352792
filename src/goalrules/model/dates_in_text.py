"""Dates written in a statement's text that are no amount: an ISO or numeric date
("2027-06-30", "30/6/2027") and a day of a month the deadline is not ("we had 6,500 on May
1", "as of 1 May": the day was read as an amount, a baseline of 1 follower)."""

from __future__ import annotations

from goalrules.patterns import LazyPattern

__all__ = ["DATE_WORDS"]

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
# a day of a month the deadline is not ("we had 6,500 on May 1", "as of 1 May": the day
# was read as an amount, a baseline of 1 follower)
DATE_WORDS = LazyPattern(
    r"(?<![\w.,/-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?![\w/-])"
    rf"|\b{_MONTHS}\.?\s+{_DAY}(?=\s*(?:[,;:.)]|$|(?:19|20|21)\d\d\b))"
    rf"|(?<![\w.,/-]){_DAY}(?=\s+(?:of\s+)?{_MONTHS}\b)"
)
