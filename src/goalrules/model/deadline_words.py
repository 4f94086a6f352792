"""The words of a deadline phrase: where one may begin, the words it may end in, and the
patterns of the periods, dates and joins it is made of (read by
:mod:`goalrules.model.deadline_phrases`)."""

from __future__ import annotations

import functools
import re

from goalrules.patterns import LazyPattern

__all__ = [
    "CLAUSE_END",
    "DEADLINE_START",
    "EITHER_WAY",
    "FULL_DATE",
    "JOINED",
    "NAMED_DATE",
    "PAIR_HEADS",
    "PERIOD_NUMBER",
    "PERIOD_WORD",
    "TRAILING_NAMED_YEAR",
    "TRAILING_YEAR",
    "UNREAD_WHEN",
    "anchors_deadline",
    "ends_deadline",
    "names_period",
]

#: a word that names a month (or its abbreviation, "Sept."), a quarter or a half
PERIOD_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|q[1-4]|h[12]"

DEADLINE_START = LazyPattern(
    r"\b(?:within|in|over|by|before|until|till|through|thru|at the end of|end of|this|next"
    r"|deadline(?=\s*[:=-]?\s*\S)|due\s+date|due(?=\s*[:=-]\s*\S)"
    r"|during|year[- ]end|eo(?:[ymqw]|fy(?:'?\d\d(?:\d\d)?)?)|between|from"
    r"|for(?=\s+(?:the\s+next\s+|the\s+coming\s+)?(?:\d+|an?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+(?:days?|weeks?|months?"
    r"|quarters?|years?)\b)"
    r"|to(?=\s+(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4})\b)"
    # "6 months from now", "a year from today": a deadline led by its length (the "a year"
    # of "500 leads a year from now" read as a rate a year, with no deadline)
    r"|(?=(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|eighteen)\s+(?:days?|weeks?|months?|quarters?|years?)\s+from\s+(?:now|today)\b))\b",
    re.I,
)
# "between January and March 2027", "from Q1 to Q2": a start that only opens two periods
PAIR_HEADS = frozenset(["between", "from"])
# what joins a period to a second one: "Q1 and Q2 2027", "January to March", "May-June"
JOINED = LazyPattern(
    r"\.?\s*(and\b|&|to\b|through\b|thru\b|until\b|till\b|or\b|[-\u2013\u2014])\s*", re.I
)
# a numeric date whose first two parts could each be the day or the month
EITHER_WAY = LazyPattern(r"(?<![\d/.-])(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{2,4}\b")
# a date written whole: a month or period with its year, or day, month and year
NAMED_DATE = LazyPattern(
    rf"\b(?:{PERIOD_WORD})\s*'?(?:19|20|21)\d\d\b|\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b",
    re.I,
)
# "by next summer", "by mid-June", "ahead of Black Friday", "by launch": words that say
# when, in no form goalrules reads as a date (said, never dropped)
UNREAD_WHEN = LazyPattern(
    r"\b(?:this|next)\s+(?:summer|fall|autumn|winter|spring|(?:holiday\s+)?season)\b"
    # "within a few months", "in several weeks": a duration with no number
    r"|\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:an?\s+)?"
    r"(?:few|several|couple(?:\s+of)?|some|many)\s+(?:more\s+)?(?:days|weeks|months|quarters"
    r"|years)\b"
    # "in the next half", "within the coming semester": the calendar half, or six months
    # on? (no deadline was read or said; Greek "μέσα στο επόμενο εξάμηνο" likewise)
    r"|\b(?:within|in|over|during|by|for)\s+(?:the\s+)?(?:next|coming|this)\s+"
    r"(?:half|semester)\b(?![\s-]year)"
    # "this half" (the calendar half, or the half-year the team plans in?); "within 30
    # business days", "in 10 working days" (which holidays?); "within 2 sprints" (how
    # long is one?): no deadline was read, and no word said, or "30 business" was set
    # aside as a second number
    r"|\bthis\s+half\b(?![\s-]year)(?!\s+(?:an?|of)\b)"
    r"|\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+)?(?:\d+|an?|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|twenty|thirty|sixty|ninety)\s+"
    r"(?:(?:business|working)\s+days?|sprints?)\b"
    # "the coming May" in May: this one, or the next? "this March" in May: past (the
    # periods to come read)
    r"|\b(?:this|the)\s+(?:up)?coming\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|q[1-4]\b|h[12]\b)[a-z]*"
    r"|\bthis\s+(?:january|february|march|april|june|july|august|september|october"
    r"|november|december|q[1-4]|h[12])\b"
    r"|\b(?:by|before|until|till|ahead of|in time for|no later than)\s+(?!\d)"
    r"(?:(?:the|our|a|an|this|next|its|their)\s+)*(?:\d{1,3}(?:st|nd|rd|th)\s+)?"
    r"(?:[a-z]+[\s-]+){0,3}?"
    r"(?:next\s+[a-z]+|mid[\s-]?[a-z]+|early\s+[a-z]+|late\s+[a-z]+|summer|fall|autumn"
    r"|winter|spring|launch|(?:product\s+)?release|campaign|holidays?|season|black friday"
    r"|cyber monday|ramadan|eid|diwali|(?:lunar |chinese )?new year|back[\s-]to[\s-]school"
    # the holidays of the markets the packs write for ("before Hari Raya", "before
    # Deepavali", "by Easter": the deadline was dropped without a word)
    r"|easter|(?:hari )?raya|aidilfitri|aidiladha|deepavali|cny|gawai|merdeka"
    r"|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|singles'?\s+day|prime\s+day"
    r"|boxing\s+day|national\s+day|holy\s+week|semana\s+santa"
    r"|event|conference|semester|term|festival|peak season|anniversary|go[\s-]?live|sprint"
    r"|kick[\s-]?off|summit|expo|trade show|webinar|grand opening|opening"
    # a month after words that did not read ("by dechrau september", as a pack left it:
    # no deadline, and no word said)
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|(?:start|beginning)\s+of\s+(?:the\s+)?(?:(?:this|next|coming)\s+)?(?:year|month|quarter"
    r"|week))\b",
    re.I,
)
# "week 10", "day 30": a period named by its number
PERIOD_NUMBER = LazyPattern(r"\s+#?\d{1,3}\b(?=\s*(?:$|[.,;:!?)]|of\b|and\b|to\b|on\b|in\b))")
# a year a few small words after a period: "Q2 of 2027", "Q2 the 2027", "Q2 from year 2027"
# "by March next year", "by Q1 of next year", "μέχρι τον Μάρτιο του επόμενου έτους": the
# period in the year named (it read this year's March, a year early, with a note)
TRAILING_NAMED_YEAR = LazyPattern(
    r"\s+(?:(?:the|of|from|in)\s+){0,3}(this|next)\s+year\b(?!'s)", re.I
)
TRAILING_YEAR = LazyPattern(
    r"\s+(?:(?:the|of|from|in|year)\s+){1,3}((?:19|20|21)\d\d)(?![\d.,/-]?\d)"
    r"(?!\s+(?:levels?|baseline|figures|numbers|results))",
    re.I,
)
# a word that names a period (not a bare number: "from 2000 to 3000" is no period)
PERIOD_WORD_RE = LazyPattern(
    rf"{PERIOD_WORD}"
    r"|spring|summer|fall|autumn|winter|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}",
    re.I,
)


CLAUSE_END = LazyPattern(r"[,;](?!\s*\d{4}\b)")
TIME_WORDS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "year",
        "years",
        "yr",
        "yrs",
        "month",
        "months",
        "mo",
        "mos",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "wk",
        "wks",
        "day",
        "days",
        "quarter",
        "quarters",
        "qtr",
        "qtrs",
        "q",
        "h",
        "half",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "fy",
        "end",
        "yearend",
        "year-end",
        "eoy",
        "eoq",
        "eom",
        "eow",
        "eofy",
        "y",
        "m",
        "friday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "saturday",
        "sunday",
        "christmas",
        "eve",
        "halloween",
        "thanksgiving",
    ]
)


DATE_LIKE = LazyPattern(
    r"(?:19|20|21)\d\d|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|'\d\d|[qh][1-4]|fy\s?'?\d+|\d+(?:st|nd|rd|th)"
    r"|^\d{1,2}/\d{1,2}$"  # a day and month ("by 30/06"; "1/3" reads no date)
)


# a year or a whole numeric date: words that name a date, whose not being read is said
FULL_DATE = LazyPattern(r"\b(?:19|20|21)\d\d\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")


@functools.lru_cache(maxsize=8192)
def anchors_deadline(word: str) -> bool:
    """Whether ``word`` can anchor a deadline: a time word or a date-like number (a bare
    small number cannot: "in 1", "by 5")."""
    w = word.lower().strip(".,!?;:'\"()")
    return (
        w in TIME_WORDS
        or w.removesuffix("'s") in TIME_WORDS
        or DATE_LIKE.search(w) is not None
        or re.fullmatch(r"eofy'?\d\d(?:\d\d)?", w) is not None  # "EOFY27"
    )


def ends_deadline(word: str) -> bool:
    """Whether a deadline phrase may end with ``word``: a number or a time word."""
    w = word.lower().strip(".,!?;:'\"()")
    return any(c.isdigit() for c in w) or w in TIME_WORDS or w.removesuffix("'s") in TIME_WORDS


def names_period(word: str) -> bool:
    """Whether ``word`` names a month, quarter, half, season or whole date."""
    return PERIOD_WORD_RE.fullmatch(word.strip(".,!?;:'\"()").lower()) is not None
