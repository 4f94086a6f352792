"""The target an amount in a goal statement stands for: the amount chosen as the target
(and the baseline of "from A to B"), whether it is a level or a change of the metric,
its sign and unit, and its words as written; and the amounts that are not read as fact
("1.500", a bare percent of a count, a rate a period such as "5% a month")."""

from __future__ import annotations

import datetime as _dt
import itertools
import re

import attrs

from goalrules.dates import months_between
from goalrules.errors import GoalRulesError
from goalrules.metrics import catalog
from goalrules.model.amounts import _COUNT_NOUNS, Amount, plain_number
from goalrules.patterns import LazyPattern
from goalrules.vocabulary import MetricKind

Date = _dt.date

_DOWN = (
    r"cut|cuts|reduce|decrease|lower|drop|shrink|bring\s+down|decline|minimi[sz]e|slash|trim"
    r"|halve|fewer|less|down|reduction|fall|shorten|shortening"
    # ("make CPA 3 times cheaper" read x3, the CPA tripled)
    r"|cheaper|smaller|shorter"
)
_UP = r"increase|grow|raise|boost|lift|improve|expand|add|gain|up|double|triple|more|win"
#: verbs that say "better", not "up" or "down": which way is the metric's direction
#: ("improve response time by 30 %" is a cut of it, "improve CTR by 1 %" a rise)
BETTER = (
    r"improv(?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|better"
    r"|speed(?:s|ing)?\s+up|accelerat(?:e|es|ed|ing)|quicken"
)
TIME_NOUNS = {
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day",
    "days": "day", "week": "week", "weeks": "week",
}  # fmt: skip

#: "faster", "quicker", "sooner" after an amount: of a time, shorter
FASTER = LazyPattern(
    r"\s*(?:(?:minutes?|mins?|hours?|hrs?|days?|weeks?|seconds?|secs?)\s+)?"
    r"(?:faster|quicker|sooner|shorter)\b"
)
_MONEY = LazyPattern(r"[A-Z]{3}\b")  # a metric's unit in money ("USD / lead")
_TIME_UNITS = frozenset(TIME_NOUNS.values())

_WINDOW = 200  # characters looked at around an amount: reading stays linear in the text


def words_before(low: str, a: Amount, words: int = 3) -> str:
    return " ".join(low[max(0, a.start - 80) : a.start].split()[-words:])


def not_years(low: str, found: list[Amount], bounds: set[int]) -> tuple[list[Amount], list[str]]:
    """The amounts of ``found`` that are no year, and notes: a bare 19xx/20xx is a year,
    unless it is a bound of a range ("reach 2000-2500") or one end of "from A to B" whose
    other end is an amount ("from 1200 to 2000", "from 2000 to 5000", "from 2000 to $5000":
    the baseline 2000 was dropped without a word). (A number written grouped, "2,000" or
    Greek "2.000", is never one.) "from 2000 to 2100", both ends years or both amounts,
    is neither, with a note (it was dropped without a word)."""

    def from_to(a: Amount, b: Amount) -> bool:
        return words_before(low, a, 1) == "from" and words_before(low, b, 1) == "to"

    def joined(a: Amount, b: Amount) -> bool:
        return not re.search(r"[^\s\d]", low[a.end : b.start].replace("to", ""))

    def same_unit(a: Amount, b: Amount) -> bool:  # ("from 2000 to $5000": the target's)
        return b.plain == a.plain or (a.plain and bool(b.currency) and not b.percent)

    kept = [
        a
        for i, a in enumerate(found)
        if not a.year_like
        or any(a.start <= at <= a.end for at in bounds)  # (its span may hold a space first)
        or (i > 0 and from_to(found[i - 1], a) and not found[i - 1].year_like)
        or (
            i + 1 < len(found)
            and from_to(a, found[i + 1])
            and not found[i + 1].year_like
            and same_unit(a, found[i + 1])
            and joined(a, found[i + 1])
        )
    ]
    notes = [
        f'"from {low[a.start : b.end].strip()}" could be two years or two amounts, so neither '
        'is read: write the amounts grouped ("from 2,000 to 2,100") or the years as a deadline '
        '("by the end of 2027")'
        for a, b in itertools.pairwise(found)
        if a.year_like and b.year_like and from_to(a, b) and joined(a, b) and a.start not in bounds
    ]
    if not kept:  # "grow followers 2000 by June": a year, or 2,000? (dropped without a word)
        notes.extend(
            f'"{low[a.start : a.end].strip()}" could be a year or an amount, so it is not read: '
            f"write {int(a.value):,} for the amount"
            for a in found
            if a.year_like
            and not re.search(
                r"\b(?:in|of|since|from|during|our|the|for|to|year)$", words_before(low, a, 1)
            )
        )
    return kept, notes


def shared_currency(
    text: str, low: str, target: Amount, baseline: Amount | None
) -> tuple[Amount | None, list[str]]:
    """``baseline`` in the currency of ``target`` when it gives none ("from 1500 to
    EUR 5000" started at 1,500 USD, the metric's own unit), with a note saying so."""
    if baseline is None or not target.currency or not baseline.plain:
        return baseline, []
    said = words_of(text, low, baseline)
    return attrs.evolve(baseline, currency=target.currency), [
        f'"{said}" gives no currency: read in the target\'s, {target.currency} {said}'
    ]


# a level the account is at now: "we have 5,000 followers and want 8,000"
_YEAR = LazyPattern(r"(?:19|20|21)\d\d")
_OURS = LazyPattern(r"\b(?:our|my|their|its|the current|current|today's|existing|present|from)$")
_AIMED = LazyPattern(
    r"\b(?:hit|reach|achieve|attain|meet|target|make|hitting|reaching|achieving|meeting"
    r"|targeting)\s+(?:our|my|their|its)$"
)
_NOW = LazyPattern(
    r"\b(?:have|has|had|currently|(?:currently|now|sitting|standing|stands?|we're|we are)\s+at"
    # "starting at 2,000 followers, reach 3,000": where the goal starts, not its target
    r"|(?:starting|beginning|start)\s+(?:at|from|with)|base(?:line)?\s+of)$"
)


#: a verb of a multiple, then words to the "of", "the" or "our" of the level it multiplies
#: with no "to" or "reach" between, or the level right after it ("double our followers of",
#: "double the", "double 3,000 followers"; not "double followers to a level of")
_MULTIPLIED_OF = LazyPattern(
    r"\b(?:double|triple|quadruple|halve|in\s+half)\b(?:(?:(?!\b(?:to|reach|hit|at|by)\b)"
    r"[^.;:,\d])*\b(?:of|the|our))?\s*(?:[$€£]|¤(?:[a-z]{3}|\?))?\s*$"
)


def choose_target(low: str, amounts: list[Amount]) -> tuple[Amount | None, Amount | None]:
    """The target amount and the baseline amount ("from A to B", "we have A and want B")."""
    if not amounts:
        return None, None
    # "double our 200 monthly leads", "cut our $40 CPL in half": ours is the level now;
    # "hit our $50,000 sales", "reach our 10k followers goal": ours is the one aimed at
    ours = [
        a
        for a in amounts
        if _OURS.search(words_before(low, a, 2))
        and not a.sign
        and not _AIMED.search(words_before(low, a, 3))
    ]
    if ours and not ours[0].multiple:
        now = ours[0]
        rest = [a for a in amounts if a is not now]
        aim, since = choose_target(low, rest) if rest else (None, None)
        said_from = words_before(low, now, 1) == "from"  # "from 1900 to $2000": a level
        if _YEAR.fullmatch(low[now.start : now.end].strip()) and now.plain and not said_from:
            return aim, since  # "double our 2026 leads": a year's, no level
        if aim is not None and now.noun and aim.noun and now.noun != aim.noun:
            return aim, since  # "grow our 3 accounts to 10k followers": another count
        return aim, (since or now)
    # "double our followers of 3,000", "halve our CPC of $2", "double the 3,000 followers":
    # the level the multiple multiplies, not one to reach (it read 3,000)
    for a in amounts:
        multiplied = _MULTIPLIED_OF.search(low, max(0, a.start - 80), a.start)
        if (
            multiplied
            and not (a.sign or a.multiple)
            # ("double our leads of 3 campaigns": campaigns, no level of a metric)
            and (a.noun is None or a.noun in _COUNT_NOUNS or a.currency or a.percent)
        ):
            rest = [b for b in amounts if b is not a]
            return (choose_target(low, rest)[0] if rest else None), a
    # (three words: "we are at 5,000", "we're currently at")
    for a, b in itertools.pairwise(amounts):
        if _NOW.search(words_before(low, a, 3)) and not _NOW.search(words_before(low, b, 3)):
            return b, a
    for a, b in itertools.pairwise(amounts):  # "reach 8,000 followers; we have 5,000"
        if (
            _NOW.search(words_before(low, b, 3))
            and not _NOW.search(words_before(low, a, 3))
            and not (b.sign or b.multiple or (b.percent and not a.percent))
            # a level of the same kind, or a change of it ("by 20 %, we are at 5,000")
            and (a.percent == b.percent or a.sign or a.multiple or a.percent)
        ):
            return a, b
    for a, b in itertools.pairwise(amounts):
        if re.search(r"\bfrom$", words_before(low, a, 1)) and re.search(
            r"\bto$", words_before(low, b, 1)
        ):
            return b, a
    level = [a for a in amounts if re.search(
        r"\b(?:to|reach|hit|least|under|below|above|over|than|achieve|of|at|hitting|reaching"
        r"|target:?|goal:?)$",
        words_before(low, a, 1),
    ) and not _FROM_BOUND.search(words_before(low, a, 4))]  # fmt: skip
    # "from 1,200 by June", "from 10 to 2026-12-31": a number after "from" says where the
    # goal starts, never where it goes
    ahead = [a for a in amounts if not re.search(r"\bfrom$", words_before(low, a, 1))]
    if not ahead:
        return None, None
    # "by 20 % to 3,000": the level is the more precise target
    target = (level or ahead)[0]
    # "to 10k, up from 6k": where the goal starts, said after its target
    start = [
        a
        for a in amounts
        if a.start > target.end
        and _UP_FROM.search(words_before(low, a, 2))
        # (a level: of a rate in percent like its target; of a count for a percent change)
        and (a.percent == target.percent or (target.percent and not a.percent))
        and a.currency == target.currency
        and not (a.sign or a.multiple or target.multiple)
    ]
    if not start:  # "grow followers from 1,000 by 25%": the level the change starts from
        start = [
            a
            for a in amounts
            if a.end <= target.start
            and re.search(r"\bfrom$", words_before(low, a, 1))
            and (
                target.percent
                or target.sign
                or target.multiple
                or re.search(r"\bby$", words_before(low, target, 1))
            )
            and not (a.sign or a.multiple or (a.percent and not target.points))
            and (a.currency == target.currency or target.percent)
            and (a.noun is None or target.noun is None or a.noun == target.noun)
        ]
    return target, (start[-1] if start else None)


# "from just over 1,200 to 2,000": a bound of the level now, never one to reach (it read
# 1,200 as the target)
_FROM_BOUND = LazyPattern(
    r"\bfrom\s+(?:just\s+|a\s+little\s+|slightly\s+|well\s+)?(?:over|under|above|below"
    r"|(?:more|less|fewer)\s+than)$"
)
_UP_FROM = LazyPattern(r"\b(?:up|down|rising|falling|growing|increasing)\s+from$")


def better_governs(low: str, a: Amount) -> bool:
    """Whether the verb nearest before ``a`` says "better" ("improve", "optimise")
    rather than which way the number goes, and no word after it says the way."""
    after = low[a.end : a.end + 30]
    if re.match(r"\s*(?:fewer|less|lower|reduction|decrease|drop|down|more|higher|increase"
                r"|growth|up|uplift|boost)\b", after):  # fmt: skip
        return False
    verb = verb_before(low, a)
    return verb is not None and re.fullmatch(BETTER, verb) is not None


def verb_before(low: str, a: Amount) -> str | None:
    """The verb of change nearest before ``a`` ("increase", "cut", "improve"), if any."""
    before = low[max(0, a.start - _WINDOW) : a.start]
    verbs = list(re.finditer(rf"\b(?:{_UP}|{_DOWN}|{BETTER})\b", before))
    return verbs[-1].group(0) if verbs else None


def is_down(low: str, a: Amount, metric: str | None = None) -> bool:
    """Whether the words around ``a`` say it goes down (a cut, or "improve" a metric
    where lower is better)."""
    return _is_down(low, a, metric)


def is_relative(low: str, a: Amount, metric: str | None) -> bool:
    """Whether ``a`` is a change of the metric ("by 20 %", "+500") rather than a level."""
    return _is_relative(low, a, metric)


# "no fewer than 500", "not less than 20 %", "up to 30 %": a bound on the number, which
# says no way it goes ("increase followers by no less than 20 %" read -20 %, "reduce CPC by
# up to 30 %" +30 %, the "up" of "up to" a rise)
_BOUND = LazyPattern(
    r"\b(?:(?:no|not)\s+(?:more|less|fewer|lower|higher)\s+than|at\s+(?:least|most)"
    r"|an?\s+(?:minimum|maximum)\s+of|up\s+to|as\s+(?:much|many|little|few)\s+as)\s*$"
)


def _unbounded(low: str, at: int) -> int:
    """Where the words before ``at`` end once a bound just before it is left out."""
    bound = _BOUND.search(low, max(0, at - 40), at)
    return bound.start() if bound else at


def _is_down(low: str, a: Amount, metric: str | None = None) -> bool:
    before = low[max(0, a.start - _WINDOW) : _unbounded(low, a.start)]
    after = low[a.end : a.end + 30]
    # ("3 times cheaper", "2x shorter": the CPA and the response time tripled and doubled)
    if re.match(
        r"\s*(?:fewer|less|lower|reduction|decrease|drop|down|cheaper|smaller|shorter)\b", after
    ):
        return True
    if re.match(r"\s*(?:more|higher|increase|growth|up|uplift|boost)\b", after):
        return False
    if metric is not None and FASTER.match(after) and catalog[metric].unit in _TIME_UNITS:
        return True  # "respond 2x faster", "2 hours quicker": a shorter time (read x2)
    if metric is not None and better_governs(low, a):
        return not catalog[metric].higher_is_better  # "improve CPL by 20 %" cuts it
    ups = [m.start() for m in re.finditer(rf"\b(?:{_UP})\b", before)]
    downs = [m.start() for m in re.finditer(rf"\b(?:{_DOWN})\b", before)]
    return bool(downs) and (not ups or max(downs) > max(ups))


_CHANGE_OF = LazyPattern(
    r"\b(?:increase|growth|gain|rise|uplift|boost|lift|jump|decrease|reduction|drop|decline|fall"
    r"|cut)\s+(?:in\s+(?:[a-z]+\s+){1,3})?(?:of|by)\s*$"
)


# "cut churn to under 5 %": a level with its bound, however the verb reads
_TO_A_BOUND = LazyPattern(
    r"\bto\s+(?:under|below|above|over|beneath|(?:less|more|fewer) than|at (?:least|most)"
    r"|no (?:more|less|fewer) than)\s*$"
)


# "lose no more than 2 %", "at most 5 %": a bound on a level ("by at least 10 %" and
# "grow more than 10 %" are still changes)
_A_BOUND = LazyPattern(r"(?<!by )\b(?:no (?:more|less|fewer) than|at (?:most|least))\s*$")


# "by" and the words that hedge or bound the number after it
_BY_ABOUT = LazyPattern(
    r"\bby\s+(?:(?:about|around|roughly|approximately|approx\.?|nearly|almost|some|just|over"
    r"|under|(?:more|less|fewer) than|at (?:least|most)|up to|an? (?:minimum|maximum) of"
    r"|as (?:much|many) as"
    r"|no (?:more|less|fewer) than|close to|~)\s*){1,2}$"
)


def _is_relative(low: str, a: Amount, metric: str | None) -> bool:
    before = words_before(low, a, 2)
    if a.sign:
        return True
    if _CHANGE_OF.search(low[max(0, a.start - 60) : a.start]):
        return True  # "a net increase of 1,000 followers", "an increase in followers of 10%"
    if re.search(r"\bby( an?)?$", before) or re.search(r"\bby$", words_before(low, a, 1)):
        return True
    if _BY_ABOUT.search(low, max(0, a.start - 50), a.start):
        return True  # "by at least 3,000", "by about 3,000", "by up to 3,000": a change
    after = low[a.end : a.end + 30]
    if re.match(r"\s*(?:more|fewer|additional|extra|higher|lower|less)\b", after):
        return True
    if (
        metric is not None
        and not a.percent
        and FASTER.match(after)
        and catalog[metric].unit in _TIME_UNITS
    ):
        return True  # "2 hours faster": a change of a time (read a level of 2 hours)
    if (
        metric is not None
        and re.match(r"\s*cheaper\b", after)
        and _MONEY.match(catalog[metric].unit)
    ):
        return True  # "make CPC $1 cheaper": a change of a cost ("leads 20% cheaper" is no
        # change of leads)
    # "get an additional 500 followers", "500 followers additional" (as Malay "500 pengikut
    # tambahan" reads): more of a stock (it read a level of 500); of a flow, "generate an
    # extra $100", it is what the period brings, a level
    stock = metric is not None and catalog[metric].kind is MetricKind.STOCK
    if stock and re.search(r"\b(?:an?\s+)?(?:additional|extra|further)$", before):
        return True
    if stock and re.match(r"\s*[a-z]+\s+(?:additional|extra)\b", after):
        return True
    if a.percent or a.points:
        if re.match(r"\s*(?:increase|growth|uplift|reduction|decrease|drop)\b", after):
            return True
        if a.points and metric is not None and catalog[metric].unit == "percent":
            return True  # points of a rate are a change of it ("2 percentage points")
        if metric is not None and catalog[metric].unit in ("percent", "percentage_point"):
            return False
        verb = re.search(
            rf"\b(?:{_UP}|{_DOWN}|{BETTER})\b", low[max(0, a.start - _WINDOW) : a.start]
        )
        return (
            verb is not None
            # "reduce the unsubscribe rate below 0.5 %": a level with its bound
            and not re.search(
                r"\b(?:to|reach|of|at|hit|get|below|under|beneath|above)$", words_before(low, a, 1)
            )
            and not _TO_A_BOUND.search(low, max(0, a.start - 40), a.start)
            and not _A_BOUND.search(low, max(0, a.start - 40), a.start)
        )
    stock = metric is not None and catalog[metric].kind is MetricKind.STOCK
    lead = low[max(0, a.start - 80) : _unbounded(low, a.start)].split()[-1:]
    if stock and lead and lead[0] in ("to", "reach"):  # ("reach no fewer than 5,000")
        return False  # "add subscribers to 50,000": a level
    if stock and (
        re.search(
            r"\b(?:add|adding|gain|gaining|win|winning)\b", low[max(0, a.start - _WINDOW) : a.start]
        )
        or re.match(r"\s*new\b", after)
    ):
        return a.per is None
    return False


def _unit_for(a: Amount, metric: str | None) -> str:
    """The unit a target amount is in: its currency, percent, duration, or the metric's."""
    unit = catalog[metric].unit if metric else ""
    if a.currency:
        return f"{a.currency} / {unit.split('/', 1)[1].strip()}" if "/" in unit else a.currency
    if a.percent:
        return "%"
    if a.points:
        return "percentage_point"
    if a.noun in TIME_NOUNS:
        return TIME_NOUNS[a.noun]
    if a.multiple:
        return "" if not unit or unit == "ratio" else unit
    if unit in ("percent",):
        return "%"
    if not unit and a.noun:
        from goalrules.units import unit_info

        try:
            unit_info(a.noun)
        except GoalRulesError:
            return ""
        return a.noun
    return unit


DOT_THOUSANDS = LazyPattern(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])")


def dot_thousands(low: str, a: Amount) -> bool:
    """Whether a count or an amount of money was written like "1.500" (1.5 or 1,500?
    not a guess; a percent or a multiple, "1.125 %", is no thousand)."""
    plain = not (a.percent or a.points or a.multiple)
    return plain and DOT_THOUSANDS.search(low, a.start, a.end) is not None


def percent_of_a_count(target: str, metric: str) -> bool:
    """Whether ``target`` is a bare percent ("20 %", no sign) for a metric that counts
    (visits, followers): "Facebook visits 20% by June" could be a rise of 20 % or a
    share, and a count has no level in percent."""
    if not target.endswith("%") or target[0] in "+-x":
        return False
    return catalog[metric].unit not in ("percent", "percentage_point", "ratio", "")


# a signed number after a word of a level ("from -10 to +20"): the sign is the number's
SIGNED_LEVEL = LazyPattern(r"\b(?:to|reach|hit|at|of|from)$")


def baseline_text(low: str, a: Amount, metric: str | None, per: str | None) -> str:
    """Where a goal starts, as a level: "from 3 % to 1 %" starts at 3 % whatever the verb
    ("lower ... from 3 %" read a start of -3 % before); "from -10" at -10."""
    text = target_text(low, a, metric, per, level=True)
    return f"-{text}" if a.sign < 0 else text


def multiple_of_a_ratio(low: str, a: Amount) -> bool:
    """Whether a multiple of a ratio metric multiplies it ("increase ROAS by 2x", "grow
    ROAS 2x": read +2 before) rather than naming its level ("a 4x ROAS", "to 5x")."""
    before = words_before(low, a, 1)
    if re.search(
        r"\b(?:to|from|of|an?|at|hit|reach|achieve|get|than|above|below|over|under)$", before
    ):
        return False
    return before == "by" or (verb_before(low, a) is not None and verb_before(low, a) != "up")


def target_text(
    low: str, a: Amount, metric: str | None, per: str | None, *, level: bool = False
) -> str:
    ratio_metric = metric is not None and catalog[metric].unit == "ratio"
    if a.multiple and (not ratio_metric or multiple_of_a_ratio(low, a)):
        return f"x{plain_number(a.value)}"
    level = level or (a.sign > 0 and SIGNED_LEVEL.search(words_before(low, a, 1)) is not None)
    relative = not level and _is_relative(low, a, metric)
    sign = "-" if (a.sign < 0 or (a.sign == 0 and _is_down(low, a, metric))) else "+"
    if a.percent and relative:
        return f"{sign}{plain_number(a.value)}%"
    unit = _unit_for(a, metric)
    if per and unit and "/" not in unit and not a.percent and not a.points:
        unit = f"{unit} / {per}"
    text = " ".join(f"{plain_number(a.value)} {unit}".split())
    return f"{sign}{text}" if relative else text


_PER_WORDS = LazyPattern(
    r"\b(?:(?:a|an|per|each|every|one)\s+|/\s?)(?:day|week|wk|month|mo|quarter|year|yr)s?\b"
    r"|\b(?:daily|weekly|monthly|quarterly|yearly|annually)\b"
)


def words_of(text: str, low: str, a: Amount) -> str:
    """The words an amount was read from: the number with its noun and period."""
    end = a.end
    window = low[a.end : a.end + 48]
    if a.noun:
        m = re.search(rf"\b{re.escape(a.noun)}\b", window)
        if m:
            end = a.end + m.end()
    if a.per:  # (a word whole, never cut at the window's edge: "a mon")
        m = _PER_WORDS.search(low[end : end + 48])
        if m and m.start() <= 32:
            end = end + m.end()
    return text[a.start : end].strip()


_MONTHS_A_PERIOD = {"month": 1.0, "quarter": 3.0, "year": 12.0}


def rate_a_period_note(
    words: str, change: float, per: str, start: Date, deadline: Date | None
) -> str:
    """The note for a change written as a rate a period ("5% a month", "10% month over
    month"): not a target by itself, since it compounds; to the deadline, where it
    leads. ``change`` is the signed fraction (0.05 for +5 %)."""
    if deadline is None or deadline <= start or change <= -1:
        return (
            f'"{words}" is a rate a {per}, not a target: write where it should lead and by '
            'when, e.g. "+30% by June"'
        )
    if per in ("day", "week"):  # counted in days, as a calendar counts them
        periods = (deadline - start).days / (7 if per == "week" else 1)
    else:
        periods = months_between(start, deadline) / _MONTHS_A_PERIOD.get(per, 1.0)
    total = (1 + change) ** periods - 1
    shown = f"{total * 100:+.0f}%" if abs(total) < 10 else f"x{1 + total:.3g}"
    return (
        f'"{words}" is a rate a {per}, not a total: kept up from {start.isoformat()} to '
        f"{deadline.isoformat()} ({periods:.1f} {per}s) it would come "
        f"to about {shown}; not read as the target: write the target itself (e.g. {shown}) "
        "or the level to reach"
    )


# money a unit names the cost metric: "$30 per lead" is the cost per lead ("spend no more
# than $30 per lead" read a target of $30 of spend)
_COST_A_UNIT = LazyPattern(
    r"\s*(?:per|a|an|each|for\s+each)\s+(?:(lead|sign\s?up|signup)|(click|tap)"
    r"|(conversion|acquisition|sale|order|customer|purchase))s?\b"
)


_EARNED = LazyPattern(
    r"\b(?:earn|make|made|generat|bring|brought|revenue|income|profit|worth|value|aov|average"
    r"|order|basket|cart|sell|gross|net|margin|commission|pay(?:s|ing)?\s+us)[a-z]*\b"
)


def cost_named(low: str, target: Amount | None) -> tuple[str, str] | None:
    """The cost metric an amount of money a unit names, and its words, or ``None``."""
    if target is None or not target.currency:
        return None
    m = _COST_A_UNIT.match(low, target.end)
    if m is None or _EARNED.search(low, max(0, target.start - 60), target.start):
        return None  # "earn $50 per sale": what a sale brings in, no cost
    key = "cost_per_lead" if m[1] else "cost_per_click" if m[2] else "cost_per_acquisition"
    return key, m.group(0).strip()


#: a verb of growth before "by half" ("increase followers by half" is +50 %)
GROWS_BY_HALF = LazyPattern(
    r"\b(?:increase|grow|raise|boost|lift|improve|expand|add|gain|rise)[a-z]*\b(?![^.;]*\b(?:cut|"
    r"reduce|decrease|lower|drop|shrink|slash|trim)[a-z]*\b)"
)
#: the words of a multiple ("double", "in half") and the target each reads as
MULTIPLE_WORDS = (
    # ("get twice as many followers", "twice the leads": no target was read)
    (r"\bdouble[sd]?\b|\bdoubling\b|\btwice\s+(?:as\s+(?:many|much)|the)\b", "x2"),
    (r"\btriple[sd]?\b|\btripling\b", "x3"),
    (r"\bquadruple[sd]?\b", "x4"),
    # ("cut CPC to half", "reduce it to the half", as the packs give Welsh "i'r hanner": no
    # target was read)
    (r"\bhalve[sd]?\b|\bin half\b|\bby half\b|\bto (?:the )?half\b(?! (?:a|an|of|the)\b)", "x0.5"),
)
