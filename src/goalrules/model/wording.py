"""A goal statement's wording made uniform before it is read: dashes, hyphenated words,
number words, currencies marked, two periods joined ("May-June", "the first and second
quarters"), rates a period ("10 % month over month"), "in 2 weeks' time", arrows between
numbers, a loss not to exceed. Each rewrite keeps the meaning; the reader then finds the
deadline, channels, amounts and metric in what this returns."""

from __future__ import annotations

import calendar
import re

from goalrules.dates import ORDINAL_QUARTERS
from goalrules.model.amounts import normalize_numbers
from goalrules.model.comparisons import (
    mark_named_period_base,
    mark_period_over_period,
    mark_year_over_year,
)
from goalrules.model.currencies import mark_currencies
from goalrules.model.deadlines import PERIOD_WORD
from goalrules.patterns import LazyPattern
from goalrules.weekdays import join_day_and_date

__all__ = ["prepare", "quarters_named"]

_RATE_WORDS = {"MoM": "month", "QoQ": "quarter", "WoW": "week"}


_PERIOD = PERIOD_WORD
_PERIOD_DASH = LazyPattern(rf"\b({_PERIOD})\s*-\s*(?=(?:{_PERIOD})(?!\w))", re.I)


_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ONE_QUARTER = rf"(?:Q[1-4]|(?:the )?{_ORDINAL}(?: quarters?)?)"
# two quarters joined, one of them written as an ordinal: "the first and second quarters
# of 2027", "Q1 and the second" (as the language packs leave them), "first and Q2"
_QUARTERS_JOINED = LazyPattern(
    rf"\b(?P<a>{_ONE_QUARTER}) (?P<j>and|or|to|through) (?P<b>{_ONE_QUARTER})(?!\w)", re.I
)


def _quarters_joined(m: re.Match[str]) -> str:
    """ "the first and second quarters" -> "Q1 and Q2"; two ordinals with no quarter
    named ("the first and second posts") are left as they are."""
    words = m.group(0).lower()
    if "quarter" not in words and not re.search(r"\bq[1-4]\b", words):
        return m.group(0)

    def number(side: str) -> str:
        found = re.search(r"q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)", side, re.I)
        if found is None:  # not reached: each side is one of these
            return side
        return found[1] or str(ORDINAL_QUARTERS[found[2].lower()])

    return f"Q{number(m['a'])} {m['j']} Q{number(m['b'])}"


def quarters_named(text: str) -> str:
    """Two quarters joined with an ordinal written as quarters ("the first and second
    quarters" -> "Q1 and Q2"), the words a deadline of the text is then read from."""
    return _QUARTERS_JOINED.sub(_quarters_joined, text)


_SHARES = {"half": 50, "third": 100 / 3, "quarter": 25, "fifth": 20, "tenth": 10}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
# ("by two thirds", "by three quarters": read +2 followers, or "within 3 quarters", before)
_BY_A_SHARE = LazyPattern(
    r"(\b(?:increase|grow|raise|boost|lift|improve|cut|reduce|lower|decrease|drop|shrink)"
    r"\b[^.;,]{0,60}?)\bby (a|one|two|three|four|nine) (half|third|quarter|fifth|tenth)s?\b"
    r"(?!\s+(?:of|from|later))",
    re.I,
)


def _by_a_share(m: re.Match[str]) -> str:
    """ "by a third" -> "by 33.3333%", "by two thirds" -> "by 66.6667%"."""
    count, share = _COUNTS[m[2].lower()], _SHARES[m[3].lower()]
    return f"{m[1]}by {round(count * share, 4):g}%"


# "in the first 3 months of 2027", "during the first six months of next year": the year's
# first months, Q1 and H1 (it read the end of next year, or 3 months from the start, its
# year dropped)
_FIRST_MONTHS = LazyPattern(
    r"\b(?:(?:in|during|within|over|for|by the end of|by)\s+)?the\s+first\s+(\d{1,2})\s+months?\s+"
    r"of\s+(?:the\s+)?(?:year\s+)?((?:19|20|21)\d\d\b|(?:this|next)\s+year\b|year\b)",
    re.I,
)


def _first_months(m: re.Match[str]) -> str:
    """ "in the first 3 months of 2027" -> "in Q1 2027" (6 months: H1, 12: the year), and
    "the first 4 months of 2027" -> "between January and April 2027"; more than 12
    months, or none, as written."""
    months = int(m[1])
    if not 1 <= months <= 12:
        return m.group(0)
    year = m[2].lower()
    year = "this year" if year == "year" else year
    named = {1: "January", 3: "Q1", 6: "H1"}.get(months)
    if months == 12:
        return f"in {year}"
    if named:
        return f"in {named} {year}"
    return f"between January and {calendar.month_name[months]} {year}"


_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "by the beginning of September", "by the start of Q3 2027", "by the 1st of March": the
# period's first day (no deadline was read, and no note said so); only after a word that
# leads a deadline ("starting at the beginning of September" says when the goal starts)
_PERIOD_BEGINS = LazyPattern(
    r"\b(?P<lead>(?:by|before|until|till)\s+)(?:the\s+)?(?:very\s+)?"
    r"(?:(?P<begin>beginning|start)|(?P<first>first|1st))\s+of\s+"
    r"(?:the\s+month\s+of\s+)?"
    rf"(?P<period>{_MONTH_NAMES}|q[1-4]|h[12]|(?:19|20|21)\d\d|next\s+year)\b\.?"
    r"(?:,?\s+(?P<year>(?:19|20|21)\d\d)\b)?",
    re.I,
)
_FINAL_QUARTER = LazyPattern(
    r"\bthe\s+(?:final\s+quarter|last\s+quarter(?=\s+of\s+(?:the\s+|this\s+)?(?:year|(?:19|20|21)\d\d)\b))",
    re.I,
)
_OFF = LazyPattern(
    r"\b(?:shave|shaving|take|taking|knock|knocking|trim|trimming|chop|chopping|cut|cutting"
    r"|slash|slashing|get|getting|bring|bringing)\s+((?:[$€£¥₱₹]\s?)?\d[\d,.]*"
    r"(?:\s?(?:[kKmM]\b|%|percent\b|cents?\b|(?:minute|min|hour|hr|second|sec|day)s?\b))?)"
    r"\s+off(?:\s+of)?\b",
    re.I,
)
_FROM_ABOUT = LazyPattern(
    r"\bfrom\s+(?:(?:about|around|roughly|approximately|circa|some|nearly|almost|just|only"
    r"|close\s+to)\s+|(?:approx|ca|c)\.\s*|approx\s+|[~≈]\s*)(?=(?:[$€£¥₱₹]|¤\S*)?\s?\d)",
    re.I,
)
_ORDINAL_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
_ORDINAL_TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
#: the days of a month as English writes them in words ("twenty first" as "twenty-first")
_DAY_ORDINALS = {
    **{word: n for n, word in enumerate((*_ORDINAL_UNITS, *_ORDINAL_TEENS), start=1)},
    **{f"twenty {word}": 21 + n for n, word in enumerate(_ORDINAL_UNITS)},
    "thirtieth": 30,
    "thirty first": 31,
}
_DAY_WORD = rf"(?:twenty|thirty)(?:\s+|\s*-\s*)(?:{'|'.join(_ORDINAL_UNITS)})|[a-z]+"
# a day of the month written as a word after its month ("by June first", "by March
# twenty-first": June 30 and March 20 were read, the word dropped or half read) or before
# it ("by the fifteenth of July": no deadline); not the first week or half of one
_SPELLED_DAY = LazyPattern(
    rf"\b(?P<month>{_MONTH_NAMES})\.?\s+(?:the\s+)?(?P<day>{_DAY_WORD})\b"
    r"(?!\s+(?:days?|weeks?|weekends?|half|halves|quarters?|months?|time|round|phase|wave)\b)"
    rf"|\bthe\s+(?P<day2>{_DAY_WORD})\s+of\s+(?P<month2>{_MONTH_NAMES})\b\.?",
    re.I,
)
_ORDINAL_END = LazyPattern(r"(?:st|nd|rd|th)\b", re.I)


def _day_spelled(text: str) -> str:
    """ "June first" -> "June 1", "the fifteenth of July" -> "July 15"; other words after a
    month as they are."""

    def day(m: re.Match[str]) -> str:
        word = re.sub(r"[\s-]+", " ", (m["day"] or m["day2"]).lower())
        n = _DAY_ORDINALS.get(word)
        return m.group(0) if n is None else f"{m['month'] or m['month2']} {n}"

    return _SPELLED_DAY.sub(day, text) if _ORDINAL_END.search(text) else text


_FIRST_MONTH = {"q1": 1, "q2": 4, "q3": 7, "q4": 10, "h1": 1, "h2": 7}


def _period_begins(m: re.Match[str]) -> str:
    """ "the beginning of September" -> "September 1", "the start of Q3 2027" -> "July 1
    2027", "the start of 2027" -> "January 1 2027"; "the first of 2027" as written."""
    period, lead = m["period"].lower(), m["lead"]
    year = f" {m['year']}" if m["year"] else ""
    if period.startswith("next"):  # "by the start of next year": January 1 of it
        return m.group(0) if m["first"] or year else f"{lead}January 1 next year"
    if period[0].isdigit():
        if m["first"] or year:
            return m.group(0)
        return f"{lead}January 1 {period}"
    if period in _FIRST_MONTH:
        if m["first"]:
            return m.group(0)  # "the first of Q3": its first month, week or day?
        return f"{lead}{calendar.month_name[_FIRST_MONTH[period]]} 1{year}"
    month = next(i for i in range(1, 13) if calendar.month_name[i].lower().startswith(period[:3]))
    return f"{lead}{calendar.month_name[month]} 1{year}"


_DAY_MON_YEAR = LazyPattern(
    r"(?<![\w/.-])(0?[1-9]|[12]\d|3[01])-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"-(\d{4}|\d{2})(?![\w/.-])",
    re.I,
)


_BEFORE_A_DATE = LazyPattern(
    r"\b(?:prior\s+to|ahead\s+of|in\s+advance\s+of)\s+(?=(?:the\s+)?(?:\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|[qh][1-4]\b))",
    re.I,
)


def _day_mon_year(m: re.Match[str]) -> str:
    year = m[3] if len(m[3]) == 4 else f"20{m[3]}"
    return f"{m[1]} {m[2]} {year}"


def prepare(text: str) -> str:
    """Spelling that does not change meaning made uniform: dashes, hyphenated words,
    number words, "year over year" (not a deadline)."""
    t = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", " - ")
    t = t.replace("\u2212", "-").replace("\u00a0", " ")
    # "treble", "trebled", "trebling": British English for "triple" (no target was read)
    t = re.sub(r"\b([Tt])reb(l(?:e[sd]?|ing))\b", r"\1rip\2", t)
    # "%20", as Arabic and Turkish write a percent: 20 % (it read 20 followers)
    t = re.sub(r"(?<![\w%.,])%\s?(\d+(?:\.\d+)?)(?![\w%]|[.,]\d)", r"\1%", t)
    # "by Dec. 31, 2027": a month written short, then its day (it read December of this year)
    t = re.sub(
        r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.(?=\s?\d)", r"\1", t, flags=re.I
    )
    # "30-Jun-27", "30-Jun-2027": a date as spreadsheets write it, day, month and year
    # (it read no deadline, and "27" as a second number)
    t = _DAY_MON_YEAR.sub(_day_mon_year, t)
    # "prior to June 30", "ahead of 2027-03-01", "in advance of Q3": before that date (no
    # deadline was read, and no note; "ahead of Black Friday" is said as before)
    t = _BEFORE_A_DATE.sub("before ", t)
    t = re.sub(r"\bon\s+or\s+before\b", "by", t, flags=re.I)  # (the day itself: by)
    t = _day_spelled(t)  # "by June first", "the fifteenth of July": June 1, July 15
    t = _PERIOD_BEGINS.sub(_period_begins, t)  # "by the start of Q3": July 1
    t = join_day_and_date(t)  # "by Friday, May 15": the day and its date, one deadline
    t = _PERIOD_DASH.sub(r"\1 - ", t)  # "May-June 2027", "Q1-Q2": two periods, not one word
    # "the final quarter", "the last quarter of the year" (as Arabic "الربع الأخير من العام"
    # reads): Q4 (no deadline, no note); "last quarter" alone is the one before, not read
    t = _FINAL_QUARTER.sub("the fourth quarter", t)
    t = quarters_named(t)
    t = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", t)
    t = re.sub(r"\b([Ss]ign) ?(ups?)\b", lambda m: m[1] + m[2], t)
    # "grow followers by a third", "cut costs by a quarter": a share of the level, not a
    # deadline ("by a quarter" read as within a quarter of a year)
    t = _BY_A_SHARE.sub(_by_a_share, t)
    # "500 leads in each quarter of 2027": every quarter in 2027 (the phrase read as a
    # deadline that did not read, and the target as 500 in all)
    t = re.sub(
        r"\b(?:in|during|for)\s+(each|every)\s+(week|month|quarter)\s+(?:of|in)\s+"
        r"(?=(?:19|20|21)\d\d\b)",
        r"\1 \2 in ",
        t,
        flags=re.I,
    )
    # "10-ish%", "500ish leads": about that number, as "~10%" is (read +10 followers)
    t = re.sub(r"(?<=\d)[\s-]?ish\b", "", t, flags=re.I)
    # "for the rest of the year", "over the remainder of Q3": to its end (no deadline was
    # read, without a word); "CY27", "CY2027": the calendar year 2027
    t = re.sub(
        r"\b(?:for|over|during|in|through|throughout)\s+the\s+(?:rest|remainder|balance)\s+of\s+"
        r"(?=(?:the|this)\s+(?:year|quarter|month)\b|(?:19|20|21)\d\d\b|q[1-4]\b)",
        "through the end of ",
        t,
        flags=re.I,
    )
    t = re.sub(r"\bCY\s?'?(\d\d)\b", r"20\1", t, flags=re.I)
    t = re.sub(r"\bCY\s?(?=(?:19|20|21)\d\d\b)", "", t, flags=re.I)
    # "no later than 31 December 2026", "at the latest by June": by (no deadline was read)
    t = re.sub(r"\b(?:no|not)\s+later\s+than\b|\bat\s+the\s+latest\s+by\b", "by", t, flags=re.I)
    # "in the year 2027", "in year 2027" (as Arabic "في عام 2027" reads): in 2027
    t = re.sub(r"\b(?:the )?year (?=(?:19|20|21)\d\d\b)", "", t, flags=re.I)
    # "50 basis points" (bps) is half a percentage point
    t = re.sub(
        r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:basis points?|bps|bp)\b",
        lambda m: f"{float(m[1]) / 100:g} percentage points",
        t,
        flags=re.I,
    )
    # "shave $5 off CPA", "knock 20% off CPL": cut it by that much (read as a level of $5,
    # or no target with a note that misread "off")
    t = _OFF.sub(r"reduce by \1 ", t)
    # "from about 1,200 to 2,000", "from ~1,200": the level now, said roughly (read as a
    # range, its lower bound, the level now, the target)
    t = _FROM_ABOUT.sub("from ", t)
    # "5k -> 8k", "2% → 4%": from the first to the second (never a range)
    t = re.sub(
        r"(?<![\w.,])((?:[$€£¥₱₹]\s?)?\d[\d,.]*(?:\s?[kKmM]\b|\s?%)?)\s*(?:->|=>|\u2192|\u21d2|\u27a1)\s*"
        r"(?=[$€£¥₱₹]?\s?\d)",
        r"from \1 to ",
        t,
    )
    # "don't lose more than 5 %", "avoid losing more than 200": lose no more than
    t = re.sub(
        r"\b(?:(?:do not|don't|dont|never)\s+lose|avoid\s+losing)\s+(?:more|over)\b(?:\s+than)?",
        "lose no more than",
        t,
        flags=re.I,
    )
    # "in 2 weeks' time" is in 2 weeks; "by this time next year" a year from the start
    t = re.sub(r"\b(days?|weeks?|months?|years?)(?:'s?)?\s+time\b", r"\1", t, flags=re.I)
    t = re.sub(
        r"\b(?:by |until )?(?:this|the same) time next (week|month|year)\b",
        r"within a \1",
        t,
        flags=re.I,
    )
    # "10% month over month" is a rate a month (its total is not 10 %); "year over year"
    # compares with last year's same period and is no deadline (nor a change from today)
    t = mark_year_over_year(t)  # "20% YoY", "up 20% on last year": against a year before
    t = mark_named_period_base(t)  # "20% compared to Q1": against that period's level
    t = re.sub(r"\b(month|quarter|week)[\s-](?:over|on)[\s-]\1\b", r"a \1", t)
    t = re.sub(r"(?<=%)\s*(MoM|QoQ|WoW)\b", lambda m: " a " + _RATE_WORDS[m[1]], t)
    t = mark_period_over_period(t)  # "10% vs last month": a rate a month, as "10% MoM"
    t = re.sub(r"\b(?:year|month|quarter|week) over (?:year|month|quarter|week)\b", " ", t)
    t = re.sub(r"\b(?:YoY|MoM|QoQ|yoy|mom|qoq)\b", " ", t)
    # "P20,000", "P1.5M": the Philippine peso as it is typed without its sign ₱ (no target,
    # and no note); only before thousands or a scale ("P1", "P90" are a rank, a percentile)
    t = re.sub(r"(?<![\w$.,])P(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?\s?[kKmM]\b)", "₱", t)
    t = mark_currencies(normalize_numbers(t))
    t = _FIRST_MONTHS.sub(_first_months, t)  # "in the first 3 months of 2027": to March's end
    t = re.sub(  # "1 in 4 visitors" is a share
        # (not the "000 in 2026" of "5,000 in 2026": a number whole, and no year)
        r"(?<![\d.,])\b(\d+) (?:in|out of) (?!(?:19|20)\d\d\b)(\d+)\b(?![.,]\d)"
        r"(?!\s*(?:days?|weeks?|months?|years?)\b)",
        lambda m: f"{100 * int(m[1]) / int(m[2]):g}% of" if int(m[2]) else m.group(0),
        t,
    )
    return re.sub(
        r"\b(under|within|below|in|less than|inside)\s+an?\s+(minute|hour|day|week)\b",
        r"\1 1 \2",
        t,
        flags=re.I,
    )
