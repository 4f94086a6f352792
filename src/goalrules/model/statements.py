"""Reading goals from plain statements, the way marketers write them.

>>> import datetime as dt
>>> fields, understood, missing = read_fields(
...     "Double our LinkedIn followers within six months", dt.date(2026, 5, 1))
>>> fields["metric"], fields["channel"], fields["target"], fields["deadline"]
('followers', 'linkedin', 'x2', datetime.date(2026, 11, 1))
>>> fields, _, _ = read_fields("Drive $5,000 a month in revenue from Facebook in Q3",
...                            dt.date(2026, 5, 1))
>>> fields["metric"], fields["target"], fields["deadline"]
('revenue', '5000 USD / month', datetime.date(2026, 9, 30))

The reader works by grammar, not by a list of sentences. A statement in another language
is first put into the English the grammar reads by its language pack
(:mod:`goalrules.vocabulary.languages`); typos one edit from a word that matters are
corrected, money is marked with its ISO code (:mod:`goalrules.model.currencies`) and a
range keeps its lower bound. Then it finds the deadline phrase first
(:mod:`goalrules.model.deadlines`: so "in 2026" is a date, not a number), then every
amount with what qualifies it (:mod:`goalrules.model.amounts`: currency, percent,
multiple, the noun it counts, a period such as "a month"), every channel named, and the
metric phrases; then it decides which amount is the target ("to N" a level, "by N" a
change, "from A to B" a baseline and a level, "N more" a change, "3x" a multiple unless
the metric is itself a ratio) and which metric the goal moves (money names a money
metric with a word such as "sales", a duration names a time metric, "N % of our traffic"
a share, otherwise the noun the target counts or the first metric named that is not in a
side phrase such as "among customers").

The goal itself is built from these fields by :func:`goalrules.model.read_statement`
(and ``Goal.from_statement``). What could not be read is listed in
:attr:`StatementReading.not_understood`, so a vague statement is scored on what was
understood; what the reading assumed or flagged (a typo, a past deadline, an unclear
currency) is in :attr:`StatementReading.notes`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import attrs

from goalrules.dates import DateSettings
from goalrules.errors import GoalRulesError
from goalrules.metrics import catalog
from goalrules.model.amount_ranges import find_ranges
from goalrules.model.amounts import (
    Amount,
    find_amounts,
    plain_number,
    regroup_numbers,
)
from goalrules.model.channels_named import channels_left_out, find_channels, medium_not_kept
from goalrules.model.clock_times import drop_clock_times
from goalrules.model.comparisons import past_levels, year_over_year_at
from goalrules.model.currencies import AMBIGUOUS, ensure_currency, read_cents
from goalrules.model.dates_in_text import DATE_WORDS
from goalrules.model.deadlines import PERIOD_WORD, find_deadline
from goalrules.model.foreign_time_words import foreign_period_note, foreign_time_note
from goalrules.model.fraction_words import read_fraction_words
from goalrules.model.goal_periods import period_start
from goalrules.model.joined_metrics import metrics_joined
from goalrules.model.leading_periods import place_leading_period
from goalrules.model.metric_phrases import (
    NOT_METRICS,
    RESPONSE,
    choose_metric,
    is_metric_phrase,
    metric_mentions,
    read_wider,
)
from goalrules.model.past_clauses import baseline_among, blank, past_spans, within
from goalrules.model.recurrence import recurrence_words
from goalrules.model.said_words import as_written
from goalrules.model.scale_words import read_scale_words
from goalrules.model.set_aside import (
    change_disagrees,
    content_counts,
    counts_unread,
    left_over,
    not_read_as,
    not_targets,
    other_metrics,
    works_with,
)
from goalrules.model.spelling import correct_spelling
from goalrules.model.target_words import (
    DOT_THOUSANDS,
    GROWS_BY_HALF,
    MULTIPLE_WORDS,
    TIME_NOUNS,
    baseline_text,
    choose_target,
    dot_thousands,
    not_years,
    percent_of_a_count,
    rate_a_period_note,
    shared_currency,
    target_text,
    words_before,
    words_of,
)
from goalrules.model.wording import prepare
from goalrules.patterns import LazyPattern
from goalrules.vocabulary import MetricKind, Objective
from goalrules.vocabulary.languages import language_of

Date = _dt.date

_OBJECTIVE_WORDS = {
    "awareness": Objective.BRAND_AWARENESS, "brand awareness": Objective.BRAND_AWARENESS,
    "reputation": Objective.REPUTATION, "brand health": Objective.REPUTATION,
    "traffic": Objective.TRAFFIC, "engagement": Objective.ENGAGEMENT,
    "community": Objective.COMMUNITY, "sales": Objective.CONVERSIONS,
    "revenue": Objective.CONVERSIONS, "lead generation": Objective.LEADS,
    "customer service": Objective.CUSTOMER_SERVICE,
    "customer support": Objective.CUSTOMER_SERVICE, "recruiting": Objective.RECRUITING,
    "hiring": Objective.RECRUITING, "employer brand": Objective.RECRUITING,
    "press": Objective.PRESS_MENTIONS, "social listening": Objective.SOCIAL_LISTENING,
}  # fmt: skip
#: a date the deadline did not take ("from 10 to 2026-12-31"): its numbers are no amounts
#: words that make a metric's noun count something no metric of the catalog measures:
#: (the words, the metrics they change, what they count). The metric is not read.
_NOT_COUNTED = (
    (  # subscribers of an email list or newsletter: no social account's followers
        LazyPattern(
            r"\b(?:e-?mail|newsletter|mailing|mail list)\b[^.;:]{0,30}?\b(?:subscribers?|subs)\b"
        ),
        frozenset({"followers"}),
        "an email list, which no metric of the catalog measures (followers are a social account's)",
    ),
    (  # "cut customer churn by 10 %": those lost, not the customers won ("customers -10 %")
        LazyPattern(
            r"\b(?:customers?|clients?|subscribers?|followers?|members?)\s+"
            r"(?:churn|attrition|losses)\b|\b(?:churn(?:ed)?|lost)\s+"
            r"(?:customers?|clients?|subscribers?|followers?|members?)\b"
        ),
        frozenset({"customers", "followers", "new_followers", "active_members"}),
        "those lost, which no metric of the catalog measures (it counts those won)",
    ),
    (  # "remove 2,000 fake followers": accounts to remove, not the account's followers
        LazyPattern(
            r"\b(?:fake|bot|spam|inactive|ghost|purchased|bought)\s+"
            r"(?:followers?|accounts?|subscribers?|fans|likes|comments?)\b"
        ),
        frozenset({"followers", "new_followers", "engagements", "comments"}),
        "accounts or actions to remove, which no metric of the catalog measures",
    ),
)
#: two numbers with a slash, not a whole date: a fraction ("by 1/3") or a date with a part
#: left out ("by 6/27": June 27, or June 2027?); never an amount
_SLASHED = LazyPattern(r"(?<![\w.,/-])\d{1,4}/\d{1,4}(?![\w/-]|[.,]\d)")
#: a date written as one number or with its month: "20270630" (a year, month and day),
#: "Jun-27" (June 27, or June 2027?); never an amount
_DATE_AS_NUMBER = LazyPattern(
    r"(?<![\w.,/-])(?:(?:19|20|21)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    rf"|(?:{PERIOD_WORD})-\d{{1,2}})(?![\w/-]|[.,]\d)",
    re.I,
)
_UNREAD_COUNT = LazyPattern(r"\u2047+\s?([^\W\d_A-Za-z]\w*)")
_FLOW_OF = {"followers": "new_followers"}
_STOCK_OF = {flow: stock for stock, flow in _FLOW_OF.items()}
_NEW_OF_THEM = LazyPattern(r"\b(?:new|net new)\s+(?:[a-z]+\s+)?followers\b")
_PERIOD_ADJECTIVES = {"monthly": "month", "weekly": "week", "daily": "day",
                      "quarterly": "quarter", "yearly": "year", "annual": "year"}  # fmt: skip


def _period_said(low: str, metric_words: str) -> str | None:
    """The period an adjective gives the metric's words ("monthly leads": month)."""
    m = re.search(rf"\b({'|'.join(_PERIOD_ADJECTIVES)})\s+{re.escape(metric_words)}", low)
    return _PERIOD_ADJECTIVES[m[1]] if m else None


# -- target ------------------------------------------------------------------------------


# the plural a number counts: right after it, or after one word ("3 main channels")
_PLURAL_AFTER = LazyPattern(r"[ \t]+(?:([a-z]+)[ \t]+)?([a-z]{2,}s)\b")
_WORD_AFTER = LazyPattern(r"[ \t]+([a-z]{2,})\b")
# English words that may follow a number and count nothing ("from 1,000 to 2,000")
_LINKS = frozenset({
    "to", "by", "from", "in", "on", "of", "and", "or", "an", "the", "per", "each", "every",
    "more", "new", "up", "down", "before", "until", "within", "for", "at", "with", "than",
    "over", "under", "about", "less", "fewer", "extra", "additional", "net", "total", "through",
    "till", "thru", "between", "also", "then", "this", "next", "last", "but", "not"
})  # fmt: skip
_NO_PLURALS = frozenset({"this", "its", "his", "was", "has", "is", "as", "us", "plus", "thus",
                         "across", "unless", "less", "yes"})  # fmt: skip
# "top 3", "phase 1", "step 2": a rank or a part's number, not an amount ("Phase 1: 5k
# followers by March" read a target of 1 follower)
_RANK = LazyPattern(
    r"(?:\btop|\brank(?:ed)?|#|\b(?:phase|stage|step|wave|round|part|tier|milestone|sprint"
    r"|priority|no\.|number|version))\s*$"
)


def _counts_something_else(low: str, a: Amount, english: bool = True) -> bool:
    """Whether amount ``a`` counts things no metric counts ("4 campaigns", "3 main
    channels": a plural right after it, no punctuation between), not a goal's number.
    In a statement read from another language, the word after it is the language's own
    when the pack did not translate it ("4 kempen"): a thing the reader does not know."""
    if not (a.plain and a.per is None):
        return False
    if not english:
        word = _WORD_AFTER.match(low, a.end)
        if (
            word is not None
            and word[1] not in _LINKS
            and not _known_noun(word[1])
            and not _sold(low, a.start, word[1])
        ):
            return True
    plural = _PLURAL_AFTER.match(low, a.end)  # ("6,000 this Q1": no plural, "this")
    words = [w for w in plural.groups() if w] if plural else []
    return bool(words) and words[-1] not in _NO_PLURALS and not any(map(_known_noun, words))


def _known_noun(noun: str) -> bool:
    """Whether ``noun`` is a word the reader knows a number may count: a metric's, a time,
    a unit."""
    if noun in TIME_NOUNS or is_metric_phrase(noun):
        return True
    from goalrules.units import unit_info

    try:
        unit_info(noun)
    except GoalRulesError:
        return False
    return True


# what a statement that sells counts ("makabenta ng 200 units", "να πουλήσουμε 500
# προϊόντα", as the packs give them): things sold, as English reads "sell 200 units"
_SOLD_NOUNS = frozenset(["units", "products", "items", "pieces"])
_SELLS = LazyPattern(r"\b(?:sell|selling|sold)\b")


def _sold(low: str, at: int, noun: str) -> bool:
    """Whether ``noun``, counted by a number at ``at``, is a thing the statement sells."""
    return noun in _SOLD_NOUNS and _SELLS.search(low, 0, at) is not None


# "1.500": one dot and three digits after it, as English writes a decimal and Greek,
# German or Malay write a thousand (a pack reads its own language's numbers before this)
_QUOTED = LazyPattern(r'"([^"]+)"')
_MARKED = LazyPattern(r"¤(\?|[A-Z]{3}) ?")
# A count read with a percent level is its rate ("engagement from 4 % to 6 %").
_LEVEL_WORD = LazyPattern(r"^(?:to|at|of|reach|hit|achieve|attain|maintain|keep|rate)$")
_RATE_OF = {
    "engagements": "engagement_rate_by_reach",
    "conversions": "conversion_rate",
    "clicks": "click_through_rate",
}


#: The longest statement read, in characters (a goal is a sentence or a paragraph; a
#: longer text is an error, not a slow read).
MAX_STATEMENT_LENGTH = 200_000


def read_fields(
    text: str,
    start: Date,
    *,
    lang: str | None = None,
    settings: DateSettings | None = None,
) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """Read a goal's fields from a plain statement.

    Returns the fields (``statement``, ``metric``, ``channel``, ``target``,
    ``baseline``, ``objective``, ``start``, ``deadline``; ``None`` where nothing was
    read, plus ``notes``, what the reading assumed or flagged, and ``language``, the
    language it was read in), the words each filled field came from, and the fields it
    could not read. The goal itself is built by :func:`goalrules.model.read_statement`.

    ``lang`` forces a language (``"cy"``, ``"el"``...); by default it is detected, and a
    statement in a language goalrules does not read is an error. ``settings`` holds the
    team's fiscal year and retail days.
    """
    if not isinstance(text, str) or not text.strip():
        raise GoalRulesError("the statement is empty", field="statement")
    if len(text) > MAX_STATEMENT_LENGTH:
        raise GoalRulesError(
            f"the statement is {len(text):,} characters long; goalrules reads statements of "
            f"up to {MAX_STATEMENT_LENGTH:,}",
            field="statement",
            hint="give the goal itself, a sentence or a paragraph",
        )
    settings = settings or DateSettings()
    understood: dict[str, str] = {}
    missing: list[str] = []
    notes: list[str] = []
    pack = language_of(text, lang)
    if settings.dayfirst is None and pack.dayfirst is not None:  # "3/6/2027" in Welsh
        settings = attrs.evolve(settings, dayfirst=pack.dayfirst)
    source = text.strip()
    if pack.code != "en":
        notes.extend(
            f'"{n}" could be {float(n.replace(",", ".")):g} ({pack.name} writes a decimal '
            f"comma) or {int(n.replace(',', '')):,} (as English writes it), so it is not read: "
            f"write {n.replace(',', pack.group)} for {int(n.replace(',', '')):,}"
            for n in pack.two_way_numbers(source)
        )
        source = pack.to_english(source)
        notes.append(f'read as {pack.name}: "{source}"')
        notes.extend(  # a number that counts a word the pack does not know is not read
            f'a number counts "{m[1]}", which goalrules does not know in {pack.name}, so it is '
            "not read"
            for m in _UNREAD_COUNT.finditer(source)
        )
    source, fixed = correct_spelling(source)
    notes.extend(f'read "{typo}" as "{word}"' for typo, word in fixed)
    source = read_fraction_words(source)  # "2½k", "half a percentage point", "a factor of 3"
    source = place_leading_period(source)  # "Each month, add 500 followers": 500 a month
    source, regrouped = regroup_numbers(source)
    notes.extend(regrouped)
    source, cents = read_cents(source)  # "80 cents" beside "$1.20": USD 0.80
    notes.extend(cents)
    source, clock = drop_clock_times(source)  # "by 11:59pm PST on Dec 31": by Dec 31
    notes.extend(clock)
    source, scaled = read_scale_words(source, pack.code)  # "1.2 juta" read as English
    notes.extend(scaled)
    prepared, ranges = find_ranges(prepare(source))
    low_all = prepared.lower()
    response = RESPONSE.search(low_all) is not None

    # "Instagram followers were 5,000 in 2026; ...": what was, never the goal's target
    # or deadline (its level is the baseline)
    past = past_spans(prepared)
    found_deadline = find_deadline(blank(prepared, past), start, response, settings)
    deadline: Date | None = None
    rest = prepared
    if found_deadline:
        deadline = found_deadline.when
        a, b = found_deadline.start, found_deadline.end
        if deadline is not None:
            understood["deadline"] = found_deadline.words
            # "500 leads in Q3 2027", "this year": the goal spans the period, from its start
            start = period_start(found_deadline.words, deadline) or start
        else:
            missing.append("deadline")
        notes.extend(found_deadline.notes)
        rest = blank(prepared, [(a, b), *found_deadline.others])
    else:
        missing.append("deadline")
        foreign = foreign_time_note(text, pack.code) if pack.code == "en" else None
        if foreign is not None:  # "by 20% ngayong taon": Tagalog's "this year", not read
            notes.append(foreign)

    channels = find_channels(rest)
    notes.extend(channels_left_out(rest))  # "on TikTok, not Instagram"
    notes.extend(medium_not_kept(rest))  # "LinkedIn ads", "paid social": no medium held
    if channels:
        understood["channel"] = ", ".join(words for _, words in channels)
    else:
        missing.append("channel")

    low = NOT_METRICS.sub(lambda m: " " * len(m.group(0)), rest.lower())
    low = DATE_WORDS.sub(lambda m: " " * len(m.group(0)), low)
    for slashed in _SLASHED.finditer(low):  # "by 1/2", "by 6/27": a fraction, or a date?
        if slashed.group(0) != "24/7":  # round the clock
            notes.append(
                f'"{slashed.group(0)}" is read neither as a number nor as a date (a fraction, or a '
                "day and month?): write a percent, e.g. 50%, or a date such as 2027-06-30"
            )
    low = _SLASHED.sub(lambda m: " " * len(m.group(0)), low)
    for dated in _DATE_AS_NUMBER.finditer(low):  # "by Jun-27", "by 20270630"
        notes.append(
            f'"{rest[dated.start() : dated.end()]}" reads as a date, not a number, and is not '
            "read as the deadline: write it as 2027-06-30 or 30 June 2027"
        )
    low = _DATE_AS_NUMBER.sub(lambda m: " " * len(m.group(0)), low)
    bounds = {where for _, _, _, where in ranges}  # "reach 2000-2500": a range, no year
    amounts, year_notes = not_years(low, find_amounts(low), bounds)
    notes.extend(year_notes)  # "from 2000 to 2100": two years, or two amounts?
    # "run 4 campaigns to get 200 leads", "our 3 main channels", "top 3": a number that
    # counts something no metric counts, or a rank, is not the target beside one that is
    amounts = [a for a in amounts if not _RANK.search(low, max(0, a.start - 14), a.start)]
    said_before = [a for a in amounts if within(past, a.start)]  # what was: no target
    amounts = [a for a in amounts if not within(past, a.start)]
    named = metric_mentions(low)
    said_low, low = low, blank(low, past)  # a past clause's words lead no amount from here
    amounts, set_aside = works_with(prepared, low, amounts)  # "with a $500 budget, ..."
    notes.extend(set_aside)
    english = pack.code == "en"
    counting = [a for a in amounts if not _counts_something_else(low, a, english)]
    if counting:  # (in another language, the word a number counts may be one not read)
        notes.extend(counts_unread(prepared, low, amounts, counting, english, pack.name))
        amounts = counting
    amounts, set_aside = not_targets(prepared, low, amounts, channels)  # "lose no more than"
    notes.extend(set_aside)
    amounts, set_aside = content_counts(prepared, low, amounts, named)  # "run 3 campaigns"
    notes.extend(set_aside)
    # the metric a past clause names is the goal's when no other clause names one
    # ("Instagram followers were 5,000; target 8,000", "... grew 20%; grow them 30%")
    mentions = [m for m in named if not within(past, m[0])] or named
    amounts, set_aside = other_metrics(  # "followers by 15% and leads by 20%": two goals
        prepared, low, amounts, mentions, lambda key: _STOCK_OF.get(key, key)
    )
    notes.extend(set_aside)
    amounts, low, set_aside = past_levels(prepared, low, amounts)  # "last year's 5,000"
    notes.extend(set_aside)
    target_amount, baseline_amount = choose_target(low, amounts)
    if (
        pack.code == "en"
        and target_amount is not None
        and target_amount.per is None
        and (foreign := foreign_period_note(prepared, pack.code, target_amount.end))
    ):
        notes.append(foreign)  # "500 leads sebulan": Malay's "a month", not read
        target_amount = None
    if disagrees := change_disagrees(prepared, low, amounts, target_amount, baseline_amount):
        notes.append(disagrees)  # "from 5k to 8k (+20%)": 5k to 8k is +60 %
        target_amount = None
    metric = choose_metric(low, mentions, target_amount)
    for other_count, changed, counts in _NOT_COUNTED:
        found = other_count.search(low) if metric and metric[0] in changed else None
        if found is not None:
            notes.append(f'"{found.group(0)}" names {counts}: the metric is not read')
            metric = None
    metric_key = (metric[0] or None) if metric else None
    notes.extend(read_wider(prepared, low, metric_key))  # "$2M in pipeline": revenue
    if joined := metrics_joined(prepared, low, mentions, target_amount, metric_key):
        notes.append(joined)  # "increase followers and engagement by 20%": one of the two
    if metric_key and target_amount is not None and catalog[metric_key].unit == "hour":
        timed = [a for a in amounts if a.noun in TIME_NOUNS]
        if timed and target_amount.noun not in TIME_NOUNS:
            target_amount, baseline_amount = choose_target(low, timed)
    beside = left_over(prepared, low, amounts, target_amount, baseline_amount)  # "up 10%"

    lead = target_amount or baseline_amount  # ("double our 200 monthly leads": its start)
    per = lead.per if lead is not None else None
    flow = metric_key is not None and catalog[metric_key].kind is MetricKind.FLOW
    said_per = _period_said(low, metric[1]) if flow and metric else None  # "monthly leads"
    if per is None and lead and not lead.percent:
        per = said_per
    if metric_key in _FLOW_OF and per and target_amount is not None and not target_amount.percent:
        metric_key = _FLOW_OF[metric_key]  # "300 followers a month" are new followers
    elif metric_key in _STOCK_OF and not per and target_amount is not None:
        if not target_amount.percent:
            metric_key = _STOCK_OF[metric_key]  # "gain 500 new followers": the stock, +500
    elif (
        metric_key in _FLOW_OF
        and target_amount is not None
        and target_amount.percent
        and not target_amount.noun
        and _NEW_OF_THEM.search(low)
    ):  # "increase new (Instagram) followers by 20 %": the gains a month, not the stock
        metric_key = _FLOW_OF[metric_key]
    if metric_key and metric is not None:
        understood["metric"] = metric[1]
    else:
        missing.append("metric")
    was = (  # "double our 200 monthly leads": 200 is where the goal starts
        baseline_among(said_before, metric_key, said_low)
        if baseline_amount is None
        else (baseline_amount if target_amount is None else None)
    )
    notes.extend(
        f'"{words_of(prepared, said_low, a)}" is what the statement says was, not the target'
        for a in said_before
        if a is not was
    )
    if target_amount is not None and was is not None:
        baseline_amount = was

    target: str | None = None
    baseline: str | None = None
    # an amount of money whose currency cannot be named: no target, never a guess
    withheld = False
    unnamed = [a for a in (target_amount, baseline_amount) if a and a.currency == AMBIGUOUS]
    money = metric_key is not None and catalog[metric_key].unit.split("/")[0].strip() == "USD"
    if unnamed:
        notes.append(
            f"the currency of {plain_number(unnamed[0].value)} is not clear (several currencies "
            "share its sign or name): write its code, e.g. INR 5000"
        )
        withheld = True
    elif money and target_amount is not None and target_amount.plain:
        if target_amount.noun not in TIME_NOUNS:
            notes.append(
                f'"{words_of(prepared, low, target_amount)}" gives no currency, and the '
                "metric counts money: write it, e.g. $500 or EUR 500"
            )
            withheld = True
    elif (  # (in a pack's language, a word it left: "dau gant" read 2 followers)
        (metric_key is None or not english)
        and target_amount is not None
        and target_amount.plain
        and target_amount.noun is not None
        and not _known_noun(target_amount.noun)
        and not _sold(low, target_amount.start, target_amount.noun)
    ):
        notes.append(
            f'{plain_number(target_amount.value)} counts "{target_amount.noun}", which '
            "goalrules does not know"
        )
        withheld = True
    metric_span = next(((m[0], m[1]) for m in mentions if metric and m[3] == metric[1]), None)
    unread = (
        None
        if withheld
        else not_read_as(prepared, low, target_amount, baseline_amount, metric_key, metric_span)
    )
    if unread is None and not withheld and target_amount and baseline_amount:
        # "increase followers from 5,000 to 4,000": the verb or the numbers? (imported here,
        # as below: its patterns are compiled only for a statement that needs them)
        from goalrules.model.target_doubts import level_against_verb

        unread = level_against_verb(prepared, low, target_amount, baseline_amount, metric_key)
    if unread is None and not withheld and target_amount:  # "double followers by 20 %"
        from goalrules.model.target_doubts import change_beside_a_multiple, letters_written_on

        unread = change_beside_a_multiple(prepared, low, target_amount, metric_key) or next(
            (  # "$1.5J", "10Q followers": no number without its letters
                glued
                for a in (target_amount, baseline_amount)
                if a and (glued := letters_written_on(prepared, low, a, _known_noun))
            ),
            None,
        )
    if unread is not None:  # "a 2:1 follower ratio", "10,000 impressions per post"...
        notes.append(unread)
        withheld = True
    doubtful = [a for a in (target_amount, baseline_amount) if a and dot_thousands(low, a)]
    if doubtful and not withheld:
        written = DOT_THOUSANDS.search(low, doubtful[0].start, doubtful[0].end)
        shown = written.group(0) if written else plain_number(doubtful[0].value)
        whole = shown.replace(".", "")
        notes.append(
            f'"{shown}" could be {float(shown):g} or {int(whole):,} (a dot between '
            f"thousands): write {int(whole):,} or {float(shown):g} so the target is not a guess"
        )
        withheld = True
    if withheld:
        target_amount = baseline_amount = None
    if target_amount is not None:
        for said in (target_amount, baseline_amount):
            if said is not None and said.currency:
                ensure_currency(said.currency)
        baseline_amount, shared = shared_currency(prepared, low, target_amount, baseline_amount)
        notes.extend(shared)  # "from 1500 to EUR 5000": 1,500 EUR, not the metric's USD
        level = metric_key in _FLOW_OF.values() and per is not None and not target_amount.sign
        target = target_text(low, target_amount, metric_key, per, level=level)
        points = target.endswith("percentage_point")
        # a level in percent of a count is its rate when said as a level ("to 5 %", "from 2 %
        # to 3 %", "reach 4 % engagement"); "sales 25 % by Q4" (up 25 %, or a rate of 25 %?)
        # is said below, never read as the rate
        as_level = baseline_amount is not None or _LEVEL_WORD.search(
            words_before(low, target_amount, 1)
        )
        if metric_key in _RATE_OF and (
            points or (target.endswith("%") and target[0] not in "+-x" and as_level)
        ):
            # "engagement from 4 % to 6 %", "engagement by 2 percentage points": the rate
            metric_key = _RATE_OF[metric_key]
        if points and metric_key is not None and percent_of_a_count("1 %", metric_key):
            notes.append(  # "grow followers by 2 percentage points": of no rate
                f'"{words_of(prepared, low, target_amount)}" change a rate, and '
                f"{catalog[metric_key].words} are counted: name the rate, or write the "
                f"change as +{plain_number(target_amount.value)}% or a number"
            )
            target, target_amount, baseline_amount, withheld = None, None, None, True
        elif metric_key is not None and percent_of_a_count(target, metric_key):
            notes.append(
                f'"{words_of(prepared, low, target_amount)}" with '
                f"{catalog[metric_key].words}, which are counted: a rise of that much or "
                f"a share? Write +{plain_number(target_amount.value)}% or "
                f'"up {plain_number(target_amount.value)}%" for a rise'
            )
            target, target_amount, baseline_amount, withheld = None, None, None, True
        elif target[0] in "+-" and target.endswith("%") and target_amount.per is not None:
            change = (-1 if target[0] == "-" else 1) * target_amount.value / 100
            rate = words_of(prepared, low, target_amount)
            notes.append(rate_a_period_note(rate, change, target_amount.per, start, deadline))
            target, target_amount, baseline_amount, withheld = None, None, None, True
        elif (
            target[0] in "+-"
            and target.endswith("%")
            and metric_key is not None
            and catalog[metric_key].unit == "percent"
        ):  # "engagement rate by 2 %": of its level, or 2 points? Said, as read
            n = plain_number(target_amount.value)
            notes.append(
                f'"{words_of(prepared, low, target_amount)}" of a rate is read as {n} % of its '
                f"level (a rate of 3 % would become {3 * (1 + float(target[:-1]) / 100):.3g} "
                f'%); for {n} percentage points write "by {n} percentage points"'
            )
    if target_amount is not None:
        understood["target"] = words_of(prepared, low, target_amount)
        if baseline_amount is not None:
            # ("from 40 a month by 25%", "monthly visits from 3,000 by 50%": its own period)
            base_per = (
                baseline_amount.per or per or (said_per if not baseline_amount.percent else None)
            )
            baseline = baseline_text(said_low, baseline_amount, metric_key, base_per)
            understood["baseline"] = words_of(prepared, said_low, baseline_amount)
        for lo, hi, words, at in ranges:
            if target_amount.start <= at <= target_amount.end:
                understood["target"] = words
                notes.append(
                    f"a range, {words}: the target is its lower bound, {plain_number(lo)}, and "
                    f"{plain_number(hi)} the upper"
                )
    elif not withheld:
        offered = [
            (m.start(), x, m.group(0)) for p, x in MULTIPLE_WORDS for m in re.finditer(p, low)
        ]
        if offered:
            # (imported here: its patterns are compiled only for a statement with a multiple)
            from goalrules.model.target_doubts import a_multiple_again

            offered.sort()
            target, understood["target"] = offered[0][1], offered[0][2]
            if again := a_multiple_again(low, *offered[0][::2]) or year_over_year_at(
                low, offered[0][0], offered[0][0] + len(offered[0][2]), offered[0][2]
            ):  # "double ... every year", "double leads YoY"
                notes.append(again)
                target = understood.pop("target") and None
            if offered[0][2] == "by half" and GROWS_BY_HALF.search(low, 0, offered[0][0]):
                target = "+50%"  # "increase followers by half": half again, not halved
            if re.search(r"\s+(?:or|to)\s+$", low[: offered[1][0]] if len(offered) > 1 else ""):
                # "double or triple": two targets offered; the first, as written, with a note
                notes.append(
                    f'"{offered[0][2]} or {offered[1][2]}" offers two targets: the first, '
                    f"{offered[0][1]}, is read; write the one the goal is judged on"
                )
            elif target is not None and len(offered) > 1:
                # "double followers and triple leads": the second was dropped without a word
                second = prepared[
                    offered[1][0] : _clause_end(prepared.lower(), offered[1][0])
                ].strip()
                notes.append(
                    f'"{second}" is set aside: the goal is read for its target, '
                    f'"{offered[0][2]}", and a second one is not judged (write it as a goal of '
                    "its own if it is one)"
                )
    notes.extend(beside if target is not None else ())  # (said of a target that is read)
    if target is None:
        missing.append("target")
    elif baseline is None and was is not None and not withheld:  # "double ... we had 4,000"
        baseline = baseline_text(said_low, was, metric_key, per)
        understood["baseline"] = words_of(prepared, said_low, was)

    objective = None
    rest_low = rest.lower()
    for words, obj in sorted(_OBJECTIVE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if words in rest_low and re.search(rf"\b{words}\b", rest_low):
            objective = obj
            understood["objective"] = words
            break
    if objective is None:
        missing.append("objective")

    understood.update(recurrence_words(prepared, deadline=deadline is not None, said=source))
    understood = as_written(source, prepared, understood)  # "$25", not "¤USD 25"
    for field, words in understood.items():  # "¤ETB 50,000" as written: "ETB 50,000"
        understood[field] = _MARKED.sub(lambda m: "" if m[1] == "?" else f"{m[1]} ", words)
    quoted = {q: q for n in notes for q in _QUOTED.findall(n)}  # a note's quotes, as written
    as_said = as_written(source, prepared, quoted)
    notes = [_QUOTED.sub(lambda m: f'"{as_said.get(m[1], m[1])}"', n) for n in notes]
    notes = [_MARKED.sub(lambda m: "" if m[1] == "?" else f"{m[1]} ", n) for n in notes]
    values: dict[str, Any] = {
        "statement": text.strip(),
        "metric": metric_key,
        "channel": ", ".join(c for c, _ in channels) if channels else None,
        "target": target,
        "baseline": baseline,
        "objective": objective,
        "start": start,
        "deadline": deadline,
        "notes": tuple(notes),
        "language": pack.code,
    }
    return values, understood, missing


def _clause_end(low: str, at: int) -> int:
    """Where the clause that goes on at ``at`` ends: the next comma, semicolon, full stop,
    "by", or the text's end (a deadline after it is the goal's)."""
    m = re.compile(r"[,;.]|\s(?:by|in|within|before|until)\s").search(low, at)
    return m.start() if m else len(low)
