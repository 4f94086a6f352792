"""Targets a goal statement gives in words that do not say which number is meant, each
left unread with a note rather than shown as fact: "improve" with no metric read (up, or
down?), a multiple of a cut ("reduce CPL 3x": a third, or what?), a cut of more than all
of a level ("reduce CPL by 120 %"), a target set for a period the catalog has no word for
("100 leads biweekly", "every two weeks", "twice a month", "semi-annually": read as a
total, or a year's, before), a bare percent of a rate after a verb of change ("raise
CTR 1 %": to 1 %, or by 1 %?), and a sign against its verb ("grow followers by -10 %",
"cut CPL by +20 %": read as the sign said, the verb unheard)."""

from __future__ import annotations

import re
from collections.abc import Callable

from goalrules.metrics import catalog
from goalrules.model.amounts import Amount, plain_number
from goalrules.model.comparisons import year_over_year
from goalrules.model.target_words import (
    BETTER,
    FASTER,
    SIGNED_LEVEL,
    TIME_NOUNS,
    better_governs,
    is_down,
    is_relative,
    multiple_of_a_ratio,
    verb_before,
    words_before,
    words_of,
)
from goalrules.patterns import LazyPattern

__all__ = ["RATED_COUNTS", "a_multiple_again", "doubtful_target"]

#: counts read with a percent level as their rate ("engagement 4 %" is the engagement rate)
RATED_COUNTS = frozenset(["engagements", "conversions", "clicks"])

_UNITS = r"(?:days?|weeks?|months?|quarters?|years?)"
# a period no target is set for in the catalog's words (hyphens are spaces here)
_ODD_PERIOD = LazyPattern(
    r"\b(?:bi\s?(?:weekly|monthly|annual(?:ly)?|yearly)|fortnightly|semi\s?(?:annual(?:ly)?"
    r"|monthly|weekly|yearly)|half\s?yearly|(?:twice|thrice)\s+(?:a|an|per|each|every)\s+\w+"
    rf"|every\s+(?:other|second|third|few|couple\s+of|two|three|four|five|six|\d+)\s+{_UNITS}"
    r"|(?:a|an|per|each|every)\s+(?:fortnight|half\s+year|two\s+weeks|2\s+weeks|hour|hr"
    r"|(?:business|working|work|week)\s?days?|(?:working|work)\s?weeks?|weekend|shift"
    r"|season|semester|term|sprint"
    # "500 leads every Monday", "each Friday" (Tagalog "tuwing Lunes"): read as a total
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)"
    r"|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
)
# the words that make a bare percent a level ("to 3 %", "below 2 %", "at 4 %")
_LEVEL_BEFORE = LazyPattern(
    r"\b(?:to|reach|reaching|hit|hitting|at|of|below|under|beneath|above|over|than|least|most"
    r"|target:?|goal:?|is|be|stays?|keep|maintain|from|achieve|around|about|~)$"
)


# "reduce CPL by increasing conversion rate 20 %": the amount after "by" and a verb of
# change is the means' ("conversion rate"), not the goal's (read as CPL -20 % before)
_MEANS = LazyPattern(
    r"\b(?:by|through|via)\s+(?:increasing|improving|raising|boosting|growing|lifting|cutting"
    r"|reducing|lowering|decreasing|optimi[sz]ing|doubling|halving)\s+(?:our\s+|the\s+|its\s+)?"
    r"(?P<what>[a-z][a-z -]{0,40}?)\s*$"
)


def _means_of(text: str, low: str, a: Amount, metric: str) -> str | None:
    """The words of the means an amount follows ("by increasing conversion rate"), when
    they name something other than ``metric``."""
    clause = re.split(r"[,;.:()]", low[max(0, a.start - 80) : a.start])[-1]
    at = a.start - len(clause)
    m = _MEANS.search(clause)
    if m is None:
        return None
    what = m["what"]
    names = {catalog[metric].words, metric.replace("_", " "), *catalog[metric].aliases}
    if any(name in what for name in names):
        return None  # "grow followers by growing followers 20 %": the goal's own
    return text[at + m.start() : at + m.end()].strip()


#: lengths of time no metric is measured in ("to 6 months" read 6 followers)
_LONG_TIMES = frozenset(
    ["month", "months", "mo", "mos", "quarter", "quarters", "year", "years", "yr", "yrs"]
)


_OR_AT_LEAST = LazyPattern(
    r"\bor\s+(?:else\s+)?(?:at\s+(?:least|most|minimum)|a\s+minimum\s+of|ideally|maybe|perhaps"
    r"|possibly|even)\s*$"
)


_OR_AT_LEAST_AHEAD = LazyPattern(
    r"\bor\s+(?:else\s+)?(?:at\s+(?:least|most|minimum)|a\s+minimum\s+of|ideally|maybe|perhaps"
    r"|possibly)\s+[$€£¤]?\s?\d[\d,.]*\s?[kKmM]?"
)


def _odd_period(low: str, a: Amount) -> re.Match[str] | None:
    window = low[a.end : a.end + 60]
    cut = re.search(rf"[,;.]|(?<!\d)\d(?!\d*\s+{_UNITS})", window)  # "every 2 weeks" is one
    return _ODD_PERIOD.search(window[: cut.start()] if cut else window)


# "double followers every year until 2029": the multiple again each period, no one target
# (not the period of a number between: "triple leads from 200 a month" is 200 a month)
_AGAIN = LazyPattern(
    r"[^.;,\d]{0,40}?(?<!\bin)(?<!\bwithin)(?<!\bfor)(?<!\bover)\s+(?:every|each|per|an?)\s+"
    r"(?:single\s+)?(week|month|quarter|year)\b"
)


def a_multiple_again(low: str, at: int, words: str) -> str | None:
    """The note for a multiple said again each period ("double followers every year",
    "2x every quarter"): it compounds, so it is not read as one target."""
    m = _AGAIN.match(low, at + len(words))
    if m is None:
        return None
    return (
        f'"{words.strip()}" every {m[1]} compounds, so it is no one target (doubling each year for '
        "three years is x8): write the target at the deadline, e.g. x4 by 2028"
    )


def _sign_against_verb(text: str, low: str, a: Amount, metric: str | None) -> str | None:
    """The note for a signed change whose verb goes the other way ("grow followers by
    -10 %", "cut CPL by +20 %"): which of the two is meant is not said."""
    verb = verb_before(low, a)
    if not a.sign or verb is None or SIGNED_LEVEL.search(words_before(low, a, 1)):
        return None
    at = low.rfind(verb, max(0, a.start - 200), a.start)
    if re.search(r"[.;,:()]", low[at + len(verb) : a.start]):
        return None  # the verb of another clause
    if re.fullmatch(BETTER, verb) and metric is None:
        return None  # "improve" with no metric read: no way to contradict
    down = is_down(low, a, metric)
    if (a.sign < 0) == down:
        return None
    way = "down" if down else "up"
    if re.fullmatch(BETTER, verb) and metric is not None:  # "improve CPL by +10 %"
        way = f"better, which is {way} for {catalog[metric].words}"
    return (
        f'"{words_of(text, low, a)}" goes {"down" if a.sign < 0 else "up"}, but "{verb}" says '
        f'{way}, so it is not read: write the change without a sign after "{verb}", or the '
        "level to reach"
    )


#: a verb of change in any form ("growing", "reduced"), between a verb and its amount: the
#: amount is that verb's
_ANOTHER_VERB = LazyPattern(
    r"\b(?:increas|grow|rais|boost|lift|improv|expand|gain|doubl|tripl|cut|reduc|lower"
    r"|decreas|drop|shrink|declin|minimi|slash|trim|halv)[a-z]*"
)


def level_against_verb(
    text: str, low: str, target: Amount, baseline: Amount, metric: str | None
) -> str | None:
    """The note for a level to reach on the far side of the baseline from the verb
    ("increase followers from 5,000 to 4,000", "cut bounce rate from 40 % to 60 %",
    "improve cost per lead from $40 to $50"): which of the two is meant is not said.
    Only two levels said alike are compared (no sign, the same kind, currency, period
    and noun: "from 4 hours to 45 minutes" is not)."""
    if target.sign or baseline.sign or target.multiple or baseline.multiple:
        return None
    if is_relative(low, target, metric):  # "from 1,000 by 500": a change, no level
        return None
    alike = (target.percent, target.points, target.currency, target.per) == (
        baseline.percent,
        baseline.points,
        baseline.currency,
        baseline.per,
    )
    nouns = {target.noun, baseline.noun} - {None}
    if not alike or len(nouns) > 1 or nouns & set(TIME_NOUNS) or target.value == baseline.value:
        return None
    first = min(target, baseline, key=lambda a: a.start)
    verb = verb_before(low, first)
    if verb is None or (re.fullmatch(BETTER, verb) and metric is None):
        return None
    at = low.rfind(verb, max(0, first.start - 200), first.start)
    if re.search(r"[.;:()!?]", low[at + len(verb) : first.start]):
        return None  # the verb of another clause
    if _ANOTHER_VERB.search(low, at + len(verb), first.start):
        return None  # "reduce unfollows while growing followers from 5,000 to 8,000"
    down = is_down(low, first, metric)
    if (target.value < baseline.value) == down:
        return None
    way = "down" if down else "up"
    if re.fullmatch(BETTER, verb) and metric is not None:  # "improve CPL from $40 to $50"
        way = f"better, which is {way} for {catalog[metric].words}"
    said, was = words_of(text, low, target), words_of(text, low, baseline)
    side = "below" if target.value < baseline.value else "above"
    return (
        f'"{verb}" says {way}, but the level to reach, "{said}", is {side} the level it '
        f'starts from, "{was}", so the target is not read: write the level the goal means, '
        "or its verb"
    )


def letters_written_on(text: str, low: str, a: Amount, known: Callable[[str], bool]) -> str | None:
    """The note for a number with letters written onto it that are no unit, scale or noun
    goalrules reads ("$1.5J", "10Q followers"): the number without them is no reading of
    it, so it is not read."""
    noun = a.noun
    glued = noun is not None and low.startswith(noun, a.end) and low[a.end - 1 : a.end].isdigit()
    if noun is None or not glued or not noun.isalpha() or known(noun):
        return None  # ("10 followers": a word of its own, not letters written on)
    written = f"{words_of(text, low, a)}{text[a.end : a.end + len(noun)]}"
    return (
        f'"{written}": "{text[a.end : a.end + len(noun)]}" after the number is no unit or '
        "scale goalrules reads, so it is not read: write the number in full, e.g. 1,500,000, "
        "or its unit after a space"
    )


#: a verb of a multiple in the clause before a change ("double followers by 20 %")
_MULTIPLE_BEFORE = LazyPattern(
    r"\b(double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?|halve[sd]?|in\s+half)\b"
    r"[^.;:!?]*$"
)
_FACTORS = {"doub": 2.0, "trip": 3.0, "quad": 4.0, "halv": 0.5, "in h": 0.5}


def change_beside_a_multiple(text: str, low: str, a: Amount, metric: str | None) -> str | None:
    """The note for a change said of a multiple's target ("double followers by 20 %",
    "halve our CPC by $2"): two targets, of which the statement does not say which; a
    percent that is the multiple ("halve CPL by 50 %") is one target."""
    if a.multiple or not is_relative(low, a, metric):
        return None
    said = _MULTIPLE_BEFORE.search(low, max(0, a.start - 120), a.start)
    if said is None:
        return None
    verb = verb_before(low, a)  # "double followers in 6 months and grow leads by 20 %"
    if (verb is not None and low.rfind(verb, said.end(1), a.start) >= said.end(1)) or (
        _ANOTHER_VERB.search(low, said.end(1), a.start)  # ("while growing leads by 20 %")
    ):
        return None  # the change has a verb of its own, after the multiple's
    factor = _FACTORS[said[1][:4]]
    if a.percent:
        change = a.value / 100 * (-1 if (a.sign < 0 or is_down(low, a, metric)) else 1)
        if abs(1 + change - factor) < 1e-9:
            return None  # "halve CPL by 50 %", "double followers by 100 %": the multiple
    return (
        f'"{said[1]}" (x{plain_number(factor)}) and "{words_of(text, low, a)}" say two targets, '
        "and the statement does not say which the goal is judged on: the target is not read; "
        "write one"
    )


#: a percent that says how much of something else ("5% churn", "a 10% discount", "15%
#: off"): a measure beside the goal's, never its change
_SHARE_OF = LazyPattern(
    r"\s*(churn|attrition|discount|off|margin|commission|markup|tax|fees?|unsubscribes|"
    r"cancellations|refunds)\b"
)


def _faster(text: str, low: str, a: Amount, metric: str | None) -> str | None:
    """Why a percent or a multiple "faster" is no target: of a time, "50% faster" is a time
    50 % shorter or a speed 50 % higher (a time 33 % shorter), and "2x faster" is said as a
    cut is; of another metric, "grow followers 2x faster" says how fast it grows, not
    where it leads (read x2, +20 %)."""
    faster = FASTER.match(low, a.end)
    timed = metric is not None and catalog[metric].unit in TIME_NOUNS.values()
    if faster is None or (timed and a.multiple):
        return None  # ("respond 2x faster": a cut by a multiple, said below)
    said = text[a.start : faster.end()].strip()
    if timed:
        share = a.value / (100 + a.value) * 100
        return (
            f'"{said}" could be a time {plain_number(a.value)} % shorter or a speed '
            f"{plain_number(a.value)} % higher (a time {share:.0f} % shorter), so it is not read: "
            "write the time to reach or its change, e.g. -30%"
        )
    return (
        f'"{said}" says how much faster it should grow, not where it leads, so it is not read '
        "as the target: write the level to reach or the change, e.g. +30%"
    )


def doubtful_target(text: str, low: str, a: Amount, metric: str | None) -> str | None:
    """Why ``a`` is no target the words decide, or ``None`` when they do."""
    if said := year_over_year(text, low, a, is_relative(low, a, metric)):
        return said  # "grow followers 20% YoY": against a year before, not today
    if a.sign < 0 and SIGNED_LEVEL.search(words_before(low, a, 1)):
        return (
            f'"{words_of(text, low, a)}" is a level below zero, which a target written as text '
            'cannot hold (a signed number is a change): write the change, e.g. "by 20 points"'
        )
    if (a.percent or a.multiple) and (faster := _faster(text, low, a, metric)):
        return faster  # "50% faster": which 50 %?
    if against := _sign_against_verb(text, low, a, metric):
        return against  # "grow followers by -10 %": read -10 % with no word
    if (a.percent or a.points) and (share := _SHARE_OF.match(low, a.end)) is not None:
        return (  # "grow followers, -5% churn": read followers -5 %, with no word
            f'"{text[a.start : share.end()].strip()}" is a share of {share[1]}, not a change '
            "of the goal's metric: it is not read as the target"
        )
    timed = (a.noun in TIME_NOUNS or a.noun in _LONG_TIMES) and a.plain
    if timed and metric is not None and catalog[metric].unit not in TIME_NOUNS.values():
        return (  # "by 20% to 90 days" read a target of 90 days for followers
            f'"{words_of(text, low, a)}" is a length of time, which is no amount of '
            f"{catalog[metric].words}: it is not read as the target"
        )
    level = (  # "a 4x ROAS": a level of a ratio, not a multiple of it
        metric is not None and catalog[metric].unit == "ratio" and not multiple_of_a_ratio(low, a)
    )
    if a.multiple and not level and (again := a_multiple_again(low, a.start, low[a.start : a.end])):
        return again  # ("3x ROAS every month" is a level of ROAS each month)
    fallback = _OR_AT_LEAST.search(low, max(0, a.start - 40), a.start) or _OR_AT_LEAST_AHEAD.search(
        low, a.end, a.end + 80
    )
    if fallback is not None:  # "10k followers by June, or at least 8k": read 8k, no word
        return (
            f'"{fallback.group(0).strip()}" offers a second target beside '
            f'"{words_of(text, low, a)}": write the one the goal is judged on, or the two as a '
            "range"
        )
    odd = _odd_period(low, a)
    if odd is not None and not (a.percent or a.points or a.multiple):
        said = words_of(text, low, a)  # with the period, when part of it was read as one
        said = said if odd.group(0) in said.lower() else f"{said} {odd.group(0)}"
        return (
            f'"{said}" sets a target for a period goalrules '
            "does not read as one (every two weeks, twice a month, half a year...): write it a "
            'week, a month, a quarter or a year ("50 leads a week")'
        )
    if a.multiple and a.value > 1 and not level and is_down(low, a, metric):
        n, cut = plain_number(a.value), f"-{100 - 100 / a.value:.0f}%"
        return (
            f'"{words_of(text, low, a)}" with a cut does not say where it leads (1/{n} of '
            f"today's level, {cut}?), so it is not read: write the level to reach or the "
            f"change, e.g. {cut}"
        )
    means = _means_of(text, low, a, metric) if metric is not None else None
    if means is not None:
        return (
            f'"{words_of(text, low, a)}" follows "{means}", the means, so it is not read as '
            f"the target of {catalog[metric or ''].words}: write one goal a metric"
        )
    relative = a.sign != 0 or is_relative(low, a, metric)
    if metric is None and relative and not a.sign and better_governs(low, a):
        return (
            f'"{verb_before(low, a)}" says better, not up or down, and the metric is not read: '
            f'write "+{words_of(text, low, a)}" or "-{words_of(text, low, a)}" as meant'
        )
    down = a.sign < 0 or (a.sign == 0 and is_down(low, a, metric))
    if a.percent and relative and down and a.value > 100:
        return (
            f'"{words_of(text, low, a)}" is a cut of more than all of it (a level falls by '
            "100 % at most): write the level to reach or a cut of 100 % or less"
        )
    rated = metric is not None and (catalog[metric].unit == "percent" or metric in RATED_COUNTS)
    if (
        rated
        and a.percent
        and not relative
        and verb_before(low, a) is not None
        and not _LEVEL_BEFORE.search(words_before(low, a, 1))
    ):
        n = plain_number(a.value)
        return (
            f'"{words_of(text, low, a)}" after a verb of change could be the level ("to {n}%") '
            f'or the change ("by {n}%", "by {n} percentage points"), so it is not read: write '
            "which"
        )
    return None
