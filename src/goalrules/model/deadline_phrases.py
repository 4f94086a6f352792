"""One deadline phrase: the first run of words from a place a deadline may begin that
reads as a date ("by Q3", "within 6 months", "between January and March 2027"), with the
notes that say what it was read as or why it names no date."""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re

import attrs
from dateutil.relativedelta import relativedelta

from goalrules.dates import DateSettings, month_end
from goalrules.dates import deadline as parse_deadline
from goalrules.errors import GoalRulesError
from goalrules.model.deadline_words import (
    CLAUSE_END,
    DEADLINE_START,
    EITHER_WAY,
    FULL_DATE,
    JOINED,
    NAMED_DATE,
    PAIR_HEADS,
    PERIOD_NUMBER,
    TRAILING_NAMED_YEAR,
    TRAILING_YEAR,
    UNREAD_WHEN,
    anchors_deadline,
    ends_deadline,
    names_period,
)
from goalrules.patterns import LazyPattern
from goalrules.weekdays import week_end_note

__all__ = ["LENGTH_PHRASE", "Deadline", "first_deadline", "read_deadline"]

Date = _dt.date


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


@functools.lru_cache(maxsize=4096)
def read_deadline(
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


_FROM_NOW = LazyPattern(r"\s+from\s+(?:now|today)\b", re.I)
LENGTH_PHRASE = LazyPattern(
    r"(?:(?:within|in|over|for|during)\s+)?(?:the\s+)?(?:next\s+|coming\s+)?[\w.-]+\s+"
    r"(?:days?|weeks?|wks?|fortnights?|months?|mos?|quarters?|qtrs?|years?|yrs?)\b",
    re.I,
)
#: a time to aim at, said before a "within N days": "to 1 hour", "under 2 hours"
_TIME_AIMED = LazyPattern(
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
_BARE_PERIOD = LazyPattern(r"\b(?:(?:this|next|coming)\s+)?[qh][1-4]\b(?![-/.]?\d)", re.I)
_FROM_EVENT = LazyPattern(rf"\s+(?:from|of|after|following)\s+{_EVENT}", re.I)
_AFTER_EVENT = LazyPattern(
    r"\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    rf"(?:days?|weeks?|months?|quarters?|years?)\s+(?:after|following|post)\s+{_EVENT}",
    re.I,
)
#: a day of the month that ends a deadline phrase ("by March 15", "in 1 March"'s "1" is
#: not last): what follows may make it one of two days, or no day
_DAY_LAST = LazyPattern(r"(?<![\w/.,-])\d{1,2}(?:st|nd|rd|th)?$", re.I)
_MORE_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d|[.,]\d|\s*(?:%|percent\b|k\b|x\b|times\b))"
_MORE_DAYS = LazyPattern(
    rf"\s*(?:(?P<count>times|x)\b|(?:[-\u2013\u2014]|or\b)\s*{_MORE_DAY})", re.I
)
#: days of a month written as a range after its name ("by March 15-20")
_DAYS_AFTER_MONTH = LazyPattern(
    rf"\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|or\b)\s*{_MORE_DAY}", re.I
)
_MONTH_LAST = LazyPattern(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I
)
_DAY_AND_MONTH = LazyPattern(r"(?<![\d/.-])\d{1,2}/\d{1,2}(?![\d/.-])")
_PERIOD_START_OF = LazyPattern(r"\b(?:start|beginning)\s+of\s+(?:the\s+)?$", re.I)


def first_deadline(
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
    marks = [w.start() for w in re.finditer(r"\S+", text) if anchors_deadline(w.group(0))]
    unread: Deadline | None = None  # a phrase with a year or a full date that did not read
    for m in DEADLINE_START.finditer(text, begin):
        if _PERIOD_START_OF.search(text, max(0, m.start() - 24), m.start()):
            continue  # "by the start of next year": not next year's end (it read 2027-12-31)
        nearest = bisect.bisect_left(marks, m.start())
        if nearest == len(marks) or marks[nearest] >= m.start() + 160:
            continue  # no time word or date within reach: no deadline starts here
        window = text[m.start() : m.start() + 160]
        clause = CLAUSE_END.split(window, maxsplit=1)[0]
        words = clause.split()[:8]
        anchors = [anchors_deadline(w) for w in words]
        if not any(anchors):
            continue  # no time word, no date: no deadline starts here
        for end in range(len(words), 0, -1):
            if not (ends_deadline(words[end - 1]) and any(anchors[:end])):
                continue  # a deadline ends in a time word or a number ("by Q3", "in 6 months")
            candidate = " ".join(words[:end]).rstrip(".!?:;")
            low = candidate.lower()
            head = words[0].lower()
            if head in PAIR_HEADS or head == "to":
                if end == 1 or not any(names_period(w) for w in words[1:end]):
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
            counted = PERIOD_NUMBER.match(text, span[1])
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
            read_as = " ".join(words[1:end]) if head in PAIR_HEADS else candidate
            when, message = read_deadline(read_as.rstrip(".!?"), start, settings)
            more = None
            if when is not None and _DAY_LAST.search(low):
                more = _MORE_DAYS.match(text, span[1])
            elif when is not None and _MONTH_LAST.search(low):
                more = _DAYS_AFTER_MONTH.match(text, span[1])
            if more is not None:
                if more.groupdict().get("count"):
                    continue  # "by June 3 times a week": 3 counts posts, the day is June's end
                said = text[span[0] : more.end()]
                return Deadline(  # "by March 15-20", "in March 15 or 20": which day?
                    None,
                    said,
                    span[0],
                    more.end(),
                    notes=(
                        f'"{said}" names more than one day, so it is not read as the '
                        "deadline; write the day the goal is due, e.g. 'by 2027-03-20'",
                    ),
                )
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
                elif head in PAIR_HEADS:
                    continue  # "from January" alone says when a goal starts, not its end
            if when is None:
                part = _PART_OF_A_YEAR.search(candidate) if message is None else None
                if unread is None and part is not None:  # "by mid-2027": which day?
                    said = (
                        f'"{part.group(0)}" names no one day, so it is not read as the '
                        f"deadline; write the day in {part[1]} the goal is due, as "
                        f"'by {part[1]}-MM-DD'"
                    )
                    unread = Deadline(
                        None,
                        part.group(0),
                        span[0] + part.start(),
                        span[0] + part.end(),
                        notes=(said,),
                    )
                    continue
                if message is None:
                    if unread is None and FULL_DATE.search(low):
                        said = (
                            f'"{candidate}" names a date that could not be read as the '
                            "deadline; write e.g. 'by 2027-06-30' or 'by 30 June 2027'"
                        )
                        # only the date's words are taken: "by 20% from the June 2026
                        # level" keeps its "by 20%" for the target
                        first = next(i for i, w in enumerate(words[:end]) if anchors_deadline(w))
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
            notes = list(_other_reading(candidate, when, start, settings))
            if when < start:
                notes.append(
                    f"this deadline has passed: {when.isoformat()} is before the start, "
                    f"{start.isoformat()}"
                )
            if re.search(r"\b(?:eo)?(?:fy|fiscal)", candidate, re.I):
                notes.append(_fiscal_note(settings))
            if season := _SEASON.search(candidate):  # "by summer": whose, and which end?
                notes.append(
                    f'"{season.group(0)}" is read as the end of the northern {season.group(0)}'
                    f" ({when.isoformat()}); if its start is meant, or the southern one, "
                    "write the date the goal is due"
                )
            if week_end := week_end_note(candidate, when):  # Sunday, or the working Friday?
                notes.append(week_end)
            event = _FROM_EVENT.match(text, span[1]) if LENGTH_PHRASE.fullmatch(candidate) else None
            if event is not None:  # "within 90 days of launch": of a day not given
                said = text[span[0] : event.end()]
                return Deadline(None, said, span[0], event.end(), notes=(_counted_note(said),))
            ahead = _FROM_NOW.match(text, span[1])  # "6 months from now": its words whole
            if ahead is not None:
                candidate, span = text[span[0] : ahead.end()], (span[0], ahead.end())
            both = EITHER_WAY.search(candidate)
            if both and settings.dayfirst is not None and both[1] != both[2]:
                order = "day" if settings.dayfirst else "month"
                notes.append(
                    f'"{both.group(0)}" read {order} first ({when.isoformat()}), as the '
                    "statement's language writes dates"
                )
            short = _DAY_AND_MONTH.search(candidate)
            if short:  # "by 30/06": a day and month, not a fraction (said: it reads so)
                notes.append(
                    f'"{short.group(0)}" read as a day and month with no year '
                    f"({when.isoformat()}); write the date in full if it is not"
                )
            return Deadline(when, candidate, *span, notes=tuple(notes))
    if unread is None and quote_dates:  # "10k followers (Dec 2027)": a date no phrase leads to
        named = NAMED_DATE.search(text)
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
    vague = UNREAD_WHEN.search(text) if unread is None and quote_dates else None
    if vague is not None:
        said = (
            f'"{vague.group(0)}" says when, but not as a date goalrules reads, so the goal has '
            "no deadline; write e.g. 'by 2027-06-30', 'by Q3 2027' or 'within 6 months'"
        )
        unread = Deadline(None, vague.group(0), *vague.span(), notes=(said,))
    return unread  # said, not dropped: the goal has no deadline, and the note says why


#: a part of a year ("mid-2027", "early 2027", "the middle of Q3 2027"): no one day
_PART_OF_A_YEAR = LazyPattern(
    r"\b(?:mid|early|late|(?:the\s+)?middle\s+of(?:\s+the)?)[\s-]*(?:(?:[a-z]+|q[1-4]|h[12])\.?"
    r"\s+(?:of\s+)?)?((?:19|20|21)\d\d)\b",
    re.I,
)
#: a bare year after "by", "until": read as its end, though some writers mean before it
#: begins ("by 2027": 2027-12-31, or 2026-12-31?)
_BY_A_YEAR = LazyPattern(
    r"(?:by|until|till|no later than)\s+(?:the\s+year\s+)?((?:19|20|21)\d\d)", re.I
)
#: "the next quarter", "the coming two quarters" after a word of length: read as three
#: months a quarter from the start, though "next quarter" is also the calendar quarter
_THE_NEXT_QUARTERS = LazyPattern(
    r"(?:within|in|over|during|for|throughout)\s+the\s+(?:next|coming|following)\s+"
    r"(?:(?P<count>\w+)\s+)?(?P<unit>quarters?)",
    re.I,
)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8}  # fmt: skip


def _other_reading(candidate: str, when: Date, start: Date, settings: DateSettings) -> list[str]:
    """A note for a deadline read one of two ways it may be meant: "by 2027" (the end of
    2027, or before it begins?), "over the next quarter" (three months on, or the end of
    the calendar quarter after this one?). It names the date read and how to write the
    other."""
    year = _BY_A_YEAR.fullmatch(candidate)
    if year is not None and when == Date(int(year[1]), 12, 31):
        return [
            f'"{candidate}" is read as the end of {year[1]} ({when.isoformat()}); if it is due '
            f"before {year[1]} begins, write 'by {int(year[1]) - 1}-12-31'"
        ]
    quarters = _THE_NEXT_QUARTERS.fullmatch(candidate)
    if quarters is None:
        return []
    count = quarters["count"]
    n = 1 if count is None else int(count) if count.isdigit() else _COUNTS.get(count.lower())
    next_end, _ = read_deadline("the end of next quarter", start, settings)
    if n is None or next_end is None:
        return []
    other = (
        next_end
        if n == 1
        else month_end(next_end.replace(day=1) + relativedelta(months=3 * (n - 1)))
    )
    if other == when:
        return []
    return [
        f'"{candidate}" is read as {3 * n} months from the start ({when.isoformat()}), not to '
        f"the end of the {'' if n == 1 else f'{n} '}calendar quarter{'' if n == 1 else 's'} "
        f"after this one ({other.isoformat()}); if that is meant, write 'by {other.isoformat()}'"
    ]


def _counted_note(said: str) -> str:
    """The note for a length counted from an event the statement does not date."""
    return (
        f'"{said}" counts from an event the statement does not date, so the goal has no '
        "deadline; write the date it is due, e.g. 'by 2027-06-30'"
    )


def _second_period(
    text: str, at: int, start: Date, settings: DateSettings
) -> tuple[Date | None, int, str] | None:
    """The period joined to a deadline that ends at ``at`` ("Q1 *and Q2 2027*",
    "January *to March 2027*"): its date (``None`` when it does not read), where its
    words end, and the joining word; ``None`` when no period follows."""
    joint = JOINED.match(text, at)
    if joint is None:
        return None
    rest = text[joint.end() : joint.end() + 80]
    words = CLAUSE_END.split(rest, maxsplit=1)[0].split()[:6]
    lead = 1 if words[:1] == ["the"] else 0  # "the Q1 and the Q2 2027"
    if len(words) <= lead or not names_period(words[lead]):
        return None
    conj = joint.group(1).lower()
    for end in range(len(words), 0, -1):
        if not ends_deadline(words[end - 1]):
            continue
        piece = " ".join(words[:end]).rstrip(".!?")
        when, message = read_deadline(piece, start, settings)
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
    if FULL_DATE.search(period) or re.search(r"\byears?\b", period, re.I):
        return None
    year = TRAILING_YEAR.match(text, at)
    if year is None:
        named = TRAILING_NAMED_YEAR.match(text, at)
        if named is None:
            return None
        number = start.year + (named[1].lower() == "next")
        when, message = read_deadline(f"{period} {number}", start, settings)
        return when, message, named.end()
    when, message = read_deadline(f"{period} {year[1]}", start, settings)
    return when, message, year.end()


_SEASON = LazyPattern(r"\b(?:spring|summer|fall|autumn|winter)\b", re.I)


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
