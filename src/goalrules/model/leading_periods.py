"""A period that opens a goal statement: "Each month, add 500 followers until December",
"Every week: 50 new leads", "Monthly goal: 2,000 new followers by December", "Weekly
target: 50 leads", Malay "Setiap bulan, ...", Greek "Κάθε μήνα, ...", Arabic "كل شهر، ...".

The period is the amount's, as "add 500 followers each month" says it; placed before the
goal, it was dropped and the amount read as a total (+500 followers by December, where
500 a month was meant), in every language. It is written after the goal's first amount,
where the reader reads a period.
"""

from __future__ import annotations

import re

from goalrules.model.set_aside import CONTENT_PIECES
from goalrules.patterns import LazyPattern

__all__ = ["place_leading_period"]

# a word every leading period holds
_PERIOD_WORDS = ("each", "every", "per", "daily", "weekly", "monthly", "quarterly", "yearly",
                 "annually")  # fmt: skip
_UNITS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
          "yearly": "year", "annually": "year"}  # fmt: skip
_LEADING = LazyPattern(
    r"(?:^|(?<=[.;!?\u061b]\s)|(?<=\s[-\u2013\u2014]\s))\s*(?:(?:each|every|per)\s+(?P<unit>day|week|month|quarter|year)\b"
    r"(?:\s+(?:target|goal|objective|kpi|aim)\b)?\s*[,:\u2013\u2014-]?\s*"
    r"|(?P<adverb>daily|weekly|monthly|quarterly|yearly|annually)\b"
    r"(?:\s*[,:\u2013\u2014-]\s*|\s+(?:target|goal|objective|kpi|aim)\b\s*[,:\u2013\u2014-]?\s*))",
    re.I,
)
# a period the rest gives already ("each month, add 500 a month"): nothing to place
_OWN_PERIOD = LazyPattern(
    r"\b(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year)\b"
    r"|\b(?:daily|weekly|monthly|quarterly|yearly|annually)\b|/\s?(?:day|wk|week|mo|month|yr|year)\b",
    re.I,
)
# the goal's first amount (not a count of pieces of content), and the noun it counts when
# one follows ("500 followers", "2,000 new followers", "$5k"); not a year
_FIRST_AMOUNT = LazyPattern(
    r"(?<![\w.,])(?:[$€£¥₹₱\u00a4][A-Za-z]{0,3}\s?)?\d[\d,.]*(?:\s?(?:[kKmM]|million|thousand)\b)?"
    r"(?:\s?%|\s+percent\b)?"
    r"(?!\s*(?:st|nd|rd|th)\b)"
    r"(?:\s+(?!(?:in|of|by|to|from|on|for|until|till|through|before|within|across|and|or|at"
    r"|this|next|per|a|an|the)\b)(?:new\s+)?[^\W\d_]+)?",
)
_DASH_END = LazyPattern(r"\s[-\u2013\u2014]\s$")
_YEAR = LazyPattern(r"(?:19|20|21)\d\d")
# a level before an amount of a stock ("reach 10k followers", "from 5,000 to 8,000"): the
# level at each period's end is no amount a period
_LEVEL_BEFORE = LazyPattern(r"\b(?:to|reach|hit|from|at|of)\s+(?:over\s+|above\s+)?$", re.I)
_STOCK = LazyPattern(r"\b(?:followers|subscribers|fans|members|audience|page\s+likes)\b", re.I)


def place_leading_period(text: str) -> str:
    """``text`` with a period that opens it, or opens one of its clauses (see the
    module), written after that clause's first amount; ``text`` as it is when no clause
    opens with one, it gives its own, or it has no amount."""
    low = text.lower()  # (most statements name no period: the pattern not compiled)
    if not any(word in low for word in _PERIOD_WORDS):
        return text
    m = _LEADING.search(text)  # at the start, or of a clause ("Last year we grew 1%;
    if m is None:  # each month, add 500 followers")
        return text
    # the clauses before it, and what ends them; a dash between clauses becomes a
    # semicolon, which no reader takes for a range once the period's words are gone
    # ("In 2015 we had 1 - weekly target: 50 leads" is no "1 - 50 leads")
    before = _DASH_END.sub("; ", text[: m.start()])
    rest = text[m.end() :]
    if _OWN_PERIOD.search(rest):
        return text
    unit = m["unit"] or _UNITS[m["adverb"].lower()]
    for amount in _FIRST_AMOUNT.finditer(rest):
        number = re.match(r"\D*([\d,.]+)", amount.group(0))
        if number and _YEAR.fullmatch(number[1]) and amount.group(0)[0] not in "$€£¥₹₱\u00a4":
            continue  # "by 2027": a year, no amount
        if amount.group(0).split()[-1].lower() in CONTENT_PIECES:
            continue  # "each week, post 3 reels and gain 200 followers": the 200's
        if _STOCK.search(rest) and _LEVEL_BEFORE.search(rest, 0, amount.start()):
            return text  # "each month, reach 10k followers": a level of a stock, not a flow
        end = amount.end()
        return f"{before}{rest[:end]} a {unit}{rest[end:]}"
    return text
