"""The deadline of a goal statement: the first phrase that reads as one.

The reader looks for a deadline first, so that a date's digits are not read as an amount.
Each place a deadline phrase may begin ("by", "within", "in", "before"...) is tried with
the longest run of words from there that ends in a time word or a number; a run with no
time word and no date-like number is not tried at all, so reading stays linear in the
length of the text. A phrase that names a date that cannot be ("February 30", "in 99
years") is returned without a date: not understood, and not read again as an amount.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re

import attrs

from goalrules.dates import DateSettings
from goalrules.dates import deadline as parse_deadline
from goalrules.errors import GoalRulesError
from goalrules.weekdays import week_end_note

__all__ = ["PERIOD_WORD", "Deadline", "find_deadline"]

#: a word that names a month (or its abbreviation, "Sept."), a quarter or a half
PERIOD_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|q[1-4]|h[12]"

Date = _dt.date

_DEADLINE_START = re.compile(
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
_PAIR_HEADS = frozenset(["between", "from"])
# what joins a period to a second one: "Q1 and Q2 2027", "January to March", "May-June"
_JOINED = re.compile(
    r"\.?\s*(and\b|&|to\b|through\b|thru\b|until\b|till\b|or\b|[-\u2013\u2014])\s*", re.I
)
# a numeric date whose first two parts could each be the day or the month
_EITHER_WAY = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{2,4}\b")
# a date written whole: a month or period with its year, or day, month and year
_NAMED_DATE = re.compile(
    rf"\b(?:{PERIOD_WORD})\s*'?(?:19|20|21)\d\d\b|\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b",
    re.I,
)
# "by next summer", "by mid-June", "ahead of Black Friday", "by launch": words that say
# when, in no form goalrules reads as a date (said, never dropped)
_UNREAD_WHEN = re.compile(
    r"\b(?:this|next)\s+(?:summer|fall|autumn|winter|spring|(?:holiday\s+)?season)\b"
    # "within a few months", "in several weeks": a duration with no number
    r"|\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:an?\s+)?"
    r"(?:few|several|couple(?:\s+of)?|some|many)\s+(?:more\s+)?(?:days|weeks|months|quarters"
    r"|years)\b"
    r"|\b(?:by|before|until|till|ahead of|in time for|no later than)\s+(?!\d)"
    r"(?:(?:the|our|a|an|this|next|its|their)\s+)*(?:\d{1,3}(?:st|nd|rd|th)\s+)?"
    r"(?:[a-z]+[\s-]+){0,3}?"
    r"(?:next\s+[a-z]+|mid[\s-]?[a-z]+|early\s+[a-z]+|late\s+[a-z]+|summer|fall|autumn"
    r"|winter|spring|launch|(?:product\s+)?release|campaign|holidays?|season|black friday"
    r"|cyber monday|ramadan|eid|diwali|(?:lunar |chinese )?new year|back[\s-]to[\s-]school"
    r"|event|conference|semester|term|festival|peak season|anniversary|go[\s-]?live"
    r"|kick[\s-]?off|summit|expo|trade show|webinar|grand opening|opening"
    # a month after words that did not read ("by dechrau september", as a pack left it:
    # no deadline, and no word said)
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|(?:start|beginning)\s+of\s+(?:the\s+)?(?:(?:this|next|coming)\s+)?(?:year|month|quarter"
    r"|week))\b",
    re.I,
)
# "week 10", "day 30": a period named by its number
_PERIOD_NUMBER = re.compile(r"\s+#?\d{1,3}\b(?=\s*(?:$|[.,;:!?)]|of\b|and\b|to\b|on\b|in\b))")
# a year a few small words after a period: "Q2 of 2027", "Q2 the 2027", "Q2 from year 2027"
# "by March next year", "by Q1 of next year", "μέχρι τον Μάρτιο του επόμενου έτους": the
# period in the year named (it read this year's March, a year early, with a note)
_TRAILING_NAMED_YEAR = re.compile(
    r"\s+(?:(?:the|of|from|in)\s+){0,3}(this|next)\s+year\b(?!'s)", re.I
)
_TRAILING_YEAR = re.compile(
    r"\s+(?:(?:the|of|from|in|year)\s+){1,3}((?:19|20|21)\d\d)(?![\d.,/-]?\d)"
    r"(?!\s+(?:levels?|baseline|figures|numbers|results))",
    re.I,
)
# a word that names a period (not a bare number: "from 2000 to 3000" is no period)
_PERIOD_WORD = re.compile(
    rf"{PERIOD_WORD}"
    r"|spring|summer|fall|autumn|winter|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}",
    re.I,
)


@attrs.frozen
class Deadline:
    """A deadline phrase found: its date (``None`` when the phrase names a date that
    cannot be: "February 30", "in 99 years"), its words and span, and a note."""

    when: Date | None
    words: str
    start: int
    end: int
    notes: tuple[str, ...] = ()
    #: the spans of other deadline phrases the text gives (not read as amounts)
    others: tuple[tuple[int, int], ...] = ()


_CLAUSE_END = re.compile(r"[,;](?!\s*\d{4}\b)")
_TIME_WORDS = frozenset(
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


_DATE_LIKE = re.compile(
    r"(?:19|20|21)\d\d|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|'\d\d|[qh][1-4]|fy\s?'?\d+|\d+(?:st|nd|rd|th)"
)


# a year or a whole numeric date: words that name a date, whose not being read is said
_FULL_DATE = re.compile(r"\b(?:19|20|21)\d\d\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")


@functools.lru_cache(maxsize=8192)
def _anchor(word: str) -> bool:
    """Whether ``word`` can anchor a deadline: a time word or a date-like number (a bare
    small number cannot: "in 1", "by 5")."""
    w = word.lower().strip(".,!?;:'\"()")
    return (
        w in _TIME_WORDS
        or w.removesuffix("'s") in _TIME_WORDS
        or _DATE_LIKE.search(w) is not None
        or re.fullmatch(r"eofy'?\d\d(?:\d\d)?", w) is not None  # "EOFY27"
    )


def _timey(word: str) -> bool:
    """Whether a deadline phrase may end with ``word``: a number or a time word."""
    w = word.lower().strip(".,!?;:'\"()")
    return any(c.isdigit() for c in w) or w in _TIME_WORDS or w.removesuffix("'s") in _TIME_WORDS


@functools.lru_cache(maxsize=4096)
def _parse_deadline(
    candidate: str, start: Date, settings: DateSettings
) -> tuple[Date | None, str | None]:
    """(date, None) for a deadline read, (None, why) for one that names a date that
    cannot be, (None, None) for words that are no deadline."""
    try:
        when = parse_deadline(
            candidate,
            start=start,
            dayfirst=settings.dayfirst,
            fiscal_year_start=settings.fiscal_year_start,
            retail_days=settings.retail_days,
        )
    except GoalRulesError as exc:
        if exc.message.startswith(("cannot read", "the deadline is empty")):
            return None, None
        return None, exc.message
    return when, None


#: the words that lead a phrase that is the deadline, whatever else the text dates
_DUE = re.compile(r"(?:by|before|until|till|no later than|deadline|due)\b", re.I)
_A_YEAR = re.compile(r"(?:in|during|for)\s+((?:19|20|21)\d\d)", re.I)


# "starting in March", "beginning 2 months from now": when the goal starts, not when it
# is due (read as the deadline before, and "2 months" as a baseline of 2)
_FROM_NOW = re.compile(r"\s+from\s+(?:now|today)\b", re.I)
_LENGTH = re.compile(
    r"(?:(?:within|in|over|for|during)\s+)?(?:the\s+)?(?:next\s+|coming\s+)?[\w.-]+\s+"
    r"(?:days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)\b",
    re.I,
)
#: a time to aim at, said before a "within N days": "to 1 hour", "under 2 hours"
_TIME_AIMED = re.compile(
    r"\b(?:to|under|below|less than|within)\s+\d+(?:\.\d+)?\s*(?:hours?|hrs?|minutes?|mins?"
    r"|days?)\b",
    re.I,
)
#: an event a length counts from ("in 6 months from launch", "within 90 days of the product
#: release"): a date the statement does not give (it read 6 months from the start)
_EVENT = (
    r"(?:the\s+|our\s+|its\s+|their\s+|your\s+)?(?:[a-z]+\s+){0,2}?(?:launch(?:ing)?|release"
    r"|go[\s-]?live|kick[\s-]?off|opening|rebrand(?:ing)?|event|webinar|conference|onboarding"
    r"|signing|hiring|sign[\s-]?up|purchase|campaign(?:\s+start)?)\b"
)
_BARE_PERIOD = re.compile(r"\b(?:(?:this|next|coming)\s+)?[qh][1-4]\b(?![-/.]?\d)", re.I)
_FROM_EVENT = re.compile(rf"\s+(?:from|of|after|following)\s+{_EVENT}", re.I)
_AFTER_EVENT = re.compile(
    r"\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    rf"(?:days?|weeks?|months?|quarters?|years?)\s+(?:after|following|post)\s+{_EVENT}",
    re.I,
)
_PERIOD_START_OF = re.compile(r"\b(?:start|beginning)\s+of\s+(?:the\s+)?$", re.I)
_STARTING = re.compile(r"\b(?:starting|beginning|commencing|effective|kicking\s+off)\s+", re.I)


def find_deadline(
    text: str, start: Date, response: bool, settings: DateSettings
) -> Deadline | None:
    """The deadline phrase of ``text`` (see :func:`_due`), with a phrase that says when
    the goal starts ("starting in March") set aside with a note: it is no deadline, and
    its numbers are no amounts (the span is in ``others``)."""
    starts: list[tuple[int, int]] = []
    said: list[str] = []
    for m in _STARTING.finditer(text):
        phrase = _first_deadline(text, start, response, settings, begin=m.end(), quote_dates=False)
        if phrase is not None and phrase.start == m.end():
            starts.append((m.start(), phrase.end))
            said.append(
                f'"{text[m.start() : phrase.end]}" says when the goal starts, not when it is '
                "due: it is not read as the deadline"
            )
    if not starts:
        return _unknown_after(text, _due(text, start, response, settings)) or _unread_lead(text)
    for a, b in starts:
        text = text[:a] + " " * (b - a) + text[b:]
    due = _due(text, start, response, settings)
    if due is None:
        a, b = starts[0]
        return Deadline(None, "", a, a, notes=tuple(said), others=tuple(starts))
    if due.when is not None and _LENGTH.match(due.words):
        # "Starting next quarter, double followers within 6 months": 6 months from a start
        # the statement moves, not from the goal's
        said.append(
            f'"{due.words}" counts from when the goal starts, which the statement sets apart: '
            "write the date it is due, e.g. 'by 2027-06-30'"
        )
        due = attrs.evolve(due, when=None)
    due = attrs.evolve(due, notes=(*said, *due.notes), others=(*due.others, *starts))
    return _unknown_after(text, due)


# a word of Greek or Arabic script a language pack left as written: it does not know it
# (after the pack's "the" or "of": "by june the επομενου year")
_UNREAD_WORD = re.compile(
    r"(?:\s+(?:the|of|from|in))*\s*([\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff]+"
    # "by the end of the year next" (Malay "hujung tahun depan" as the pack left it): a
    # word of time after the deadline it changes
    r"|(?<=\s)(?:next|coming|following|previous|last)\b(?!\s+(?:\d|[a-z]+\s+\d)))",
    re.I,
)


# "within الربع", "by τέλη": a word that leads a deadline, then one a language pack left as
# written (the deadline was dropped without a word)
_LEAD_UNREAD = re.compile(
    r"\b(?:within|by|before|until|till|through)\s+(?:(?:the|next|of|end)\s+)*"
    r"[\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff]+(?:\s+[^\s,;.]+){0,2}",
    re.I,
)


def _unread_lead(text: str) -> Deadline | None:
    """No deadline, with a note, when a word that leads one is followed by words a
    language pack does not know ("within الربع"); ``None`` otherwise."""
    m = _LEAD_UNREAD.search(text)
    if m is None:
        return None
    said = (
        f'"{m.group(0)}" says when in words goalrules does not know, so the goal has no '
        "deadline; write e.g. 'by 2027-06-30' or 'within 6 months'"
    )
    return Deadline(None, m.group(0), m.start(), m.end(), notes=(said,))


def _unknown_after(text: str, due: Deadline | None) -> Deadline | None:
    """``due``, or no deadline with a note when a word the language pack does not know
    follows it ("by the end of the year المقبل": next year's, or this one's?)."""
    if due is None or due.when is None:
        return due
    after = _UNREAD_WORD.match(text, due.end)
    if after is None:
        return due
    words = text[due.start : after.end()]
    said = (
        f'"{words}" ends in a word goalrules does not know ("{after[1]}"), which may change '
        "the date: the deadline is not read; write e.g. 'by 2027-06-30'"
    )
    return attrs.evolve(due, when=None, words=words, end=after.end(), notes=(*due.notes, said))


def _due(text: str, start: Date, response: bool, settings: DateSettings) -> Deadline | None:
    """The deadline phrase of ``text`` (see :func:`_first_deadline`). When a second
    phrase names another date ("5,000 in 2026, target 8,000 by June 2027", "this year
    get 1,000 by December 2027"), the one led by "by", "before", "until"... is the
    deadline, with a note; when both or neither are, the text has no deadline, with a
    note naming both. The other phrase's span is in ``others`` (its words are no
    amount)."""
    first = _first_deadline(text, start, response, settings)
    if first is None or first.when is None:
        return first
    later = _first_deadline(text, start, response, settings, begin=first.end, quote_dates=False)
    if later is None or later.when is None or later.when == first.when:
        return first
    due_first, due_later = _DUE.match(first.words), _DUE.match(later.words)
    if bool(due_first) != bool(due_later):
        kept, other = (first, later) if due_first else (later, first)
        year = _A_YEAR.fullmatch(other.words)
        if year is not None and not _FULL_DATE.search(kept.words):
            # "In 2027, grow ... by the end of Q2": the end of Q2 of 2027 (a year that
            # is past, "5,000 in 2025, ... by December", says what was)
            when, _ = _parse_deadline(f"{kept.words} {year[1]}", start, settings)
            if when is not None and when >= start:
                return attrs.evolve(kept, when=when, others=((other.start, other.end),))
        said = (
            f'"{kept.words}" is read as the deadline ({kept.when}), not "{other.words}" '
            f"({other.when})"
        )
        return attrs.evolve(kept, notes=(*kept.notes, said), others=((other.start, other.end),))
    return Deadline(
        None,
        first.words,
        first.start,
        first.end,
        notes=(
            f'"{first.words}" ({first.when}) and "{later.words}" ({later.when}) name two '
            "deadlines, so neither is read; write the one the goal is judged by",
        ),
        others=((later.start, later.end),),
    )


def _first_deadline(
    text: str,
    start: Date,
    response: bool,
    settings: DateSettings,
    begin: int = 0,
    quote_dates: bool = True,
) -> Deadline | None:
    """The first span from ``begin`` that reads as a deadline, trying each place a
    deadline phrase may begin and the longest run of words from there ("by Q3 from
    LinkedIn" -> "by Q3").

    Each try looks at a bounded window of the text, so reading stays linear in its
    length. A phrase that names an impossible date, or one too far away to be a goal's
    deadline, is returned without a date (not understood, its words not read again as an
    amount); an explicit year is honoured even when the date is before the start."""
    marks = [w.start() for w in re.finditer(r"\S+", text) if _anchor(w.group(0))]
    unread: Deadline | None = None  # a phrase with a year or a full date that did not read
    for m in _DEADLINE_START.finditer(text, begin):
        if _PERIOD_START_OF.search(text, max(0, m.start() - 24), m.start()):
            continue  # "by the start of next year": not next year's end (it read 2027-12-31)
        nearest = bisect.bisect_left(marks, m.start())
        if nearest == len(marks) or marks[nearest] >= m.start() + 160:
            continue  # no time word or date within reach: no deadline starts here
        window = text[m.start() : m.start() + 160]
        clause = _CLAUSE_END.split(window, maxsplit=1)[0]
        words = clause.split()[:8]
        anchors = [_anchor(w) for w in words]
        if not any(anchors):
            continue  # no time word, no date: no deadline starts here
        for end in range(len(words), 0, -1):
            if not (_timey(words[end - 1]) and any(anchors[:end])):
                continue  # a deadline ends in a time word or a number ("by Q3", "in 6 months")
            candidate = " ".join(words[:end]).rstrip(".!?:;")
            low = candidate.lower()
            head = words[0].lower()
            if head in _PAIR_HEADS or head == "to":
                if end == 1 or not any(_names_period(w) for w in words[1:end]):
                    continue
                if head == "to":  # "by 20% to 31/03/2027": "to" a whole date is the deadline
                    candidate = "by" + candidate[2:]
            if low in ("in", "by", "this", "next", "over", "within", "during", "through"):
                continue
            if re.search(r"\d\s*(?:k\b)?\s*(?:a|an|per|each|every)\s+[a-z]", low):
                continue  # "by 500 a month" is a rate, not a date
            if (
                response
                and re.search(r"\b(?:within|in|under)\s+\d+(?:\.\d+)?\s+days?$", low)
                and not _TIME_AIMED.search(text, 0, m.start())
            ):  # "answer within 1 day" is the target ("from 4 hours to 1 hour within 90
                continue  # days": the target said before, "within 90 days" the deadline)
            span = (m.start(), m.start() + len(candidate))
            counted = _PERIOD_NUMBER.match(text, span[1])
            if counted and re.fullmatch(
                r"(?:by|until|till|before|in|during)\s+(?:the\s+)?(?:week|day|month|sprint)", low
            ):
                # "by week 10", "by day 30": a period counted from a start the text does not
                # give (of the year, or of the campaign?), never this week
                words_counted = text[span[0] : counted.end()]
                return Deadline(
                    None,
                    words_counted,
                    span[0],
                    counted.end(),
                    notes=(
                        f'"{words_counted}" counts periods from a start it does not give: '
                        "write the date, e.g. 'by 2027-03-14'",
                    ),
                )
            read_as = " ".join(words[1:end]) if head in _PAIR_HEADS else candidate
            when, message = _parse_deadline(read_as.rstrip(".!?"), start, settings)
            dated = _year_after(text, span[1], read_as, start, settings) if when else None
            if dated is not None:  # "in Q2 of 2027", "στο δεύτερο τρίμηνο του 2027"
                when, message, end_at = dated
                candidate, span = text[span[0] : end_at], (span[0], end_at)
                if when is None:
                    said = f'"{candidate}" could not be read as the deadline'
                    return Deadline(None, candidate, *span, notes=(message or said,))
            if when is not None and message is None:
                joined = _second_period(text, span[1], start, settings)
                if joined is not None:
                    second, joint_end, conj = joined
                    words_joined = text[span[0] : joint_end]
                    if second is None or conj == "or" or second < when:
                        return Deadline(
                            None,
                            words_joined,
                            span[0],
                            joint_end,
                            notes=(
                                f'"{words_joined}" names two periods, so it is not read as '
                                "one deadline; write the date the goal is due, e.g. "
                                "'by 2027-06-30'",
                            ),
                        )
                    when, candidate, span = second, words_joined, (span[0], joint_end)
                elif head in _PAIR_HEADS:
                    continue  # "from January" alone says when a goal starts, not its end
            if when is None:
                if message is None:
                    if unread is None and _FULL_DATE.search(low):
                        said = (
                            f'"{candidate}" names a date that could not be read as the '
                            "deadline; write e.g. 'by 2027-06-30' or 'by 30 June 2027'"
                        )
                        # only the date's words are taken: "by 20% from the June 2026
                        # level" keeps its "by 20%" for the target
                        first = next(i for i, w in enumerate(words[:end]) if _anchor(w))
                        lead = len(" ".join(words[:first])) + (1 if first else 0)
                        unread = Deadline(None, candidate, span[0] + lead, span[1], notes=(said,))
                    continue
                return Deadline(None, candidate, *span, notes=(message,))
            if not (1900 <= when.year <= start.year + 10):
                if re.fullmatch(r"\D*\d+", low) and not re.search(r"\b(?:19|20|21)\d\d$", low):
                    continue  # "in 1000" is no year: the number is an amount
                return Deadline(
                    None,
                    candidate,
                    *span,
                    notes=(
                        f'"{candidate}" ({when.isoformat()}) is too far from the start to be '
                        "a goal's deadline",
                    ),
                )
            notes = []
            if when < start:
                notes.append(
                    f"this deadline has passed: {when.isoformat()} is before the start, "
                    f"{start.isoformat()}"
                )
            if re.search(r"\b(?:eo)?(?:fy|fiscal)", candidate, re.I):
                notes.append(_fiscal_note(settings))
            if week_end := week_end_note(candidate, when):  # Sunday, or the working Friday?
                notes.append(week_end)
            event = _FROM_EVENT.match(text, span[1]) if _LENGTH.fullmatch(candidate) else None
            if event is not None:  # "within 90 days of launch": of a day not given
                said = text[span[0] : event.end()]
                return Deadline(None, said, span[0], event.end(), notes=(_counted_note(said),))
            ahead = _FROM_NOW.match(text, span[1])  # "6 months from now": its words whole
            if ahead is not None:
                candidate, span = text[span[0] : ahead.end()], (span[0], ahead.end())
            both = _EITHER_WAY.search(candidate)
            if both and settings.dayfirst is not None and both[1] != both[2]:
                order = "day" if settings.dayfirst else "month"
                notes.append(
                    f'"{both.group(0)}" read {order} first ({when.isoformat()}), as the '
                    "statement's language writes dates"
                )
            return Deadline(when, candidate, *span, notes=tuple(notes))
    if unread is None and quote_dates:  # "10k followers (Dec 2027)": a date no phrase leads to
        named = _NAMED_DATE.search(text)
        if named is not None:
            said = (
                f'"{named.group(0)}" names a date, but not as a deadline ("by", "in", '
                "\"within\"...); write e.g. 'by 2027-06-30' or 'by 30 June 2027'"
            )
            unread = Deadline(None, named.group(0), *named.span(), notes=(said,))
    bare = _BARE_PERIOD.search(text) if unread is None and quote_dates else None
    if bare is not None:  # "from 4k to 6k this Q1": a period no phrase leads to (no word said)
        said = (
            f'"{bare.group(0)}" names a period, but not as a deadline ("by", "in", '
            "\"within\"...), so the goal has no deadline; write e.g. 'by the end of Q1 2027'"
        )
        unread = Deadline(None, bare.group(0), *bare.span(), notes=(said,))
    after = _AFTER_EVENT.search(text) if unread is None and quote_dates else None
    if after is not None:  # "6 months after launch": no phrase reads it, and it is no amount
        unread = Deadline(None, after.group(0), *after.span(), notes=(_counted_note(after[0]),))
    vague = _UNREAD_WHEN.search(text) if unread is None and quote_dates else None
    if vague is not None:
        said = (
            f'"{vague.group(0)}" says when, but not as a date goalrules reads, so the goal has '
            "no deadline; write e.g. 'by 2027-06-30', 'by Q3 2027' or 'within 6 months'"
        )
        unread = Deadline(None, vague.group(0), *vague.span(), notes=(said,))
    return unread  # said, not dropped: the goal has no deadline, and the note says why


def _counted_note(said: str) -> str:
    """The note for a length counted from an event the statement does not date."""
    return (
        f'"{said}" counts from an event the statement does not date, so the goal has no '
        "deadline; write the date it is due, e.g. 'by 2027-06-30'"
    )


def _names_period(word: str) -> bool:
    """Whether ``word`` names a month, quarter, half, season or whole date."""
    return _PERIOD_WORD.fullmatch(word.strip(".,!?;:'\"()").lower()) is not None


def _second_period(
    text: str, at: int, start: Date, settings: DateSettings
) -> tuple[Date | None, int, str] | None:
    """The period joined to a deadline that ends at ``at`` ("Q1 *and Q2 2027*",
    "January *to March 2027*"): its date (``None`` when it does not read), where its
    words end, and the joining word; ``None`` when no period follows."""
    joint = _JOINED.match(text, at)
    if joint is None:
        return None
    rest = text[joint.end() : joint.end() + 80]
    words = _CLAUSE_END.split(rest, maxsplit=1)[0].split()[:6]
    lead = 1 if words[:1] == ["the"] else 0  # "the Q1 and the Q2 2027"
    if len(words) <= lead or not _names_period(words[lead]):
        return None
    conj = joint.group(1).lower()
    for end in range(len(words), 0, -1):
        if not _timey(words[end - 1]):
            continue
        piece = " ".join(words[:end]).rstrip(".!?")
        when, message = _parse_deadline(piece, start, settings)
        if when is not None:
            dated = _year_after(text, joint.end() + len(piece), piece, start, settings)
            if dated is not None:  # "Q1 and Q2 of 2027"
                return dated[0], dated[2], conj
            return when, joint.end() + len(piece), conj
        if message is not None:
            break
    return None, joint.end() + len(" ".join(words[: lead + 1]).rstrip(".,!?;:")), conj


def _year_after(
    text: str, at: int, period: str, start: Date, settings: DateSettings
) -> tuple[Date | None, str | None, int] | None:
    """A period read without a year ("in Q2") whose year comes a few small words on
    ("of 2027", as Greek "του 2027" and Arabic "من 2027" read): the period in that year
    (the date, or why not, and where the year ends); ``None`` when no year follows. A
    period is never read without the year written for it."""
    if _FULL_DATE.search(period) or re.search(r"\byears?\b", period, re.I):
        return None
    year = _TRAILING_YEAR.match(text, at)
    if year is None:
        named = _TRAILING_NAMED_YEAR.match(text, at)
        if named is None:
            return None
        number = start.year + (named[1].lower() == "next")
        when, message = _parse_deadline(f"{period} {number}", start, settings)
        return when, message, named.end()
    when, message = _parse_deadline(f"{period} {year[1]}", start, settings)
    return when, message, year.end()


def _fiscal_note(settings: DateSettings) -> str:
    """Which fiscal year a deadline was read in."""
    if settings.fiscal_year_start == 1:
        return (
            "the fiscal year read as the calendar year (set fiscal_year_start in the workspace "
            "if yours differs)"
        )
    first = _dt.date(2000, settings.fiscal_year_start, 1).strftime("%B")
    return (
        f"the fiscal year read as starting in {first} (the workspace's fiscal_year_start); "
        "FY27 is the year that ends in 2027"
    )
