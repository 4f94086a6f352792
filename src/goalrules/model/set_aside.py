"""Amounts a goal statement gives that are not its target, each set aside with a note:
what the goal works with (a budget, "at a CPL under $20" after the target, money spent
"to get" something), two targets for two channels ("TikTok to 10k and Instagram to 5k"),
and a limit on a loss ("avoid losing more than 200 followers"). Reading any of these as
the target gave a confident wrong answer."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from goalrules.metrics import catalog
from goalrules.model.amounts import Amount, plain_number
from goalrules.model.comparisons import year_over_year
from goalrules.model.each_channel import for_each_channel
from goalrules.model.target_words import _DOWN, _UP, words_before, words_of
from goalrules.patterns import LazyPattern
from goalrules.vocabulary import MetricKind

__all__ = [
    "CONTENT_PIECES",
    "change_disagrees",
    "content_counts",
    "counts_unread",
    "left_over",
    "not_read_as",
    "not_targets",
    "other_metrics",
    "works_with",
]

# what a goal works with, not what it aims at: "with a $500 budget", "a budget of $500",
# "at a CPL under $20" after the target, "spend $2,000 to get 200 leads"
_BUDGET_AFTER = LazyPattern(r"\s*(?:\w+\s+)?budget\b")
_BUDGET_BEFORE = LazyPattern(r"\bbudget(?:\s+of|\s+is)?\s*$")
_AT_A = LazyPattern(r"\bat\s+(?:an?|the)\s+(?:[a-z]+\s+){0,3}[a-z]+\s*$")
_PURPOSE = LazyPattern(
    r"\bto\s+(?:get|reach|generate|drive|win|gain|hit|achieve|bring\s+in|make)\s*$"
)
_EACH = LazyPattern(
    r"\s*(?:each|apiece|a\s+piece|(?:per|a|an)\s+(?:lead|sale|order|customer|conversion|click"
    r"|sign\s?up|signup|install|download|acquisition|hire|head))\b"
)
_RATIO = LazyPattern(r"\s?:\s?(\d+)\b")  # "4:1 ROAS", "a 2:1 follower ratio"
#: an amount for each piece of content ("per post", "each video"): an average, not a total
#: ("a" or "an" only after the amount's own word: "1,000 followers from an influencer
#: campaign" is no average)
_PER_PIECE = LazyPattern(
    r"(?:(?:\s+(?!per\b|each\b|every\b)[a-z]+){0,3}?\s+(?:on\s+)?(?:per|each|every)"
    r"|(?:\s+(?!an?\b)[a-z]+)?\s+an?)\s+(?:post|video|tweet|reel|story|update|upload"
    r"|article|episode|carousel|short|pin|campaign|ad|advert|rep|sales\s?rep|salesperson"
    r"|employee|influencer|creator|store|location|event|webinar|newsletter|email|sale|order"
    r"|purchase|transaction|customer|visitor|user|lead|click|sign\s?up)s?\b"
)
#: a limit on a loss ("lose no more than 5 %", "avoid losing more than 200"): a floor
#: under a level the statement does not give, never a change to aim for
_LOSS_LIMIT = LazyPattern(
    r"\b(?:los(?:e|es|ing|t)|shed(?:ding)?|drop(?:ping)?|declin(?:e|ing)|fall(?:ing)?)\s+"
    r"(?:(?:no|not)\s+)?(?:more than|over|less than|fewer than|at most|beyond)\s*$"
)


#: a verb of change said not to happen ("do not increase CPL by more than 10%", "don't grow
#: followers by less than 20%", "increase followers, not decrease them, by 10%"): a limit,
#: or a contrast, never the change itself (they read +10 %, -20 %, -10 %); "not fewer
#: than 200" is a bound, as "no fewer than" is
_NEGATED_CHANGE = LazyPattern(
    rf"\b(?:not|never|don't|dont|do\s+not|doesn't|does\s+not|won't|cannot|can't|mustn't)\s+"
    rf"(?:let\s+\w+\s+)?(?:{_UP}|{_DOWN})(?:s|es|ed|ing)?\b"
    r"(?!\s+than\b)"  # ("not fewer than 200", "not more than $30": a bound, as "no fewer")
)
#: a verb of change right before a number with neither "to" nor "by" ("increase followers
#: 3,000 by June": to 3,000, or by 3,000? It read a level of 3,000)
_BARE_CHANGE = LazyPattern(
    r"\b(?:increase|grow|raise|boost|lift|expand|cut|reduce|decrease|lower|shrink|slash|trim)"
    r"(?:s|d|ed|ing)?\s+(?:(?:our|the|my|their|its|total|overall|all)\s+)*(?:[a-z]+\s+){0,4}[a-z]+"
    r"\s*$"
)
_SAYS_WHICH = LazyPattern(r"\s*(?:more|fewer|less|new|additional|extra|higher|lower|up|down)\b")
#: a loss kept under a number ("keep follower loss under 500", "churn below 200 a month"):
#: a floor under a level the statement does not give (it read a level of 500 followers)
_LOSS_UNDER = LazyPattern(
    r"\b(?:loss|losses|churn|attrition|unfollows?|drop[\s-]?off)\s+(?:of\s+|to\s+)?"
    r"(?:under|below|less\s+than|fewer\s+than|at\s+most|no\s+more\s+than|max(?:imum)?|<)\s*$"
)


_POSTING = LazyPattern(
    r"\b(?:post|posts|posting|publish|publishing|tweet|tweeting|upload|uploading|share|sharing"
    r"|go\s+live|stream|email|send|run|running|host|hosting)\b[^.;:]*$"
)


def _side_amounts(low: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts a statement gives beside its target, never the target itself: a
    budget, a condition after "at a" that follows another amount ("100 leads at a CPL
    under $20"), money spent before "to get" another amount, a cost a unit ("at $25
    each", "$25 per lead")."""
    side = []
    for i, a in enumerate(amounts):
        before = low[max(0, a.start - 40) : a.start]
        budget = a.currency and (_BUDGET_AFTER.match(low, a.end) or _BUDGET_BEFORE.search(before))
        condition = i > 0 and _AT_A.search(before)
        spent = a.currency and any(
            _PURPOSE.search(low, max(0, b.start - 30), b.start) for b in amounts[i + 1 :]
        )
        each = a.currency and _EACH.match(low, a.end)  # "200 leads at $25 each": a cost a unit
        # "post 3x per week", "publish 4 times a month": how often, never a multiple of a metric
        often = a.multiple and a.per and _POSTING.search(low, max(0, a.start - 40), a.start)
        if budget or condition or spent or each or often:
            side.append(a)
    return side if len(side) < len(amounts) else []


def works_with(text: str, low: str, amounts: list[Amount]) -> tuple[list[Amount], list[str]]:
    """The amounts left once what the goal works with is set aside, and a note for each
    set aside ("with a $500 budget, get 100 leads": the budget)."""
    side = _side_amounts(low, amounts)
    notes = [
        f'"{_written(text, a.start, a.end)}" is read as what the goal works with, not its target'
        for a in side
    ]
    return [a for a in amounts if a not in side], notes


def _target_per_channel(
    text: str, low: str, amounts: list[Amount], channels: list[tuple[str, str]]
) -> str | None:
    """The words of two targets of one kind with a channel and "and" (",", "/", ";",
    "plus") between them ("500 leads from LinkedIn and 200 from Facebook"), or ``None``;
    a pair from "from ... to" is one goal's start and target."""
    if len(channels) < 2:
        return None
    names = [words.lower() for _, words in channels]
    for a, b in itertools.pairwise(amounts):
        between = low[a.end : b.start]
        if (
            a.percent == b.percent
            and not a.year_like
            and not b.year_like
            and words_before(low, a, 1) != "from"
            # ("10k followers on IG / 5k on TikTok", "; 5k on TikTok", "+ 5k": a target each)
            and re.search(r"\b(?:and|plus)\b|[,&;/+]", low[a.end : b.start + 1])
            and any(name in between for name in names)
        ):
            return _written(text, a.start, b.end)
    return None


def _written(text: str, start: int, end: int) -> str:
    """The words of ``text`` from ``start`` to ``end`` as a note quotes them: spaces made
    single, a currency's code as marked ("USD 500")."""
    return " ".join(text[start:end].replace("\u00a4", "").split())


def not_targets(
    text: str, low: str, amounts: list[Amount], channels: list[tuple[str, str]]
) -> tuple[list[Amount], list[str]]:
    """The amounts left once two targets for two channels (all set aside: no channel is
    judged on another's target) and a limit on a loss are set aside, with their notes."""
    notes = []
    split = _target_per_channel(text, low, amounts, channels)
    if split is not None:  # "TikTok followers to 10k and Instagram followers to 5k"
        notes.append(
            f'"{split}" gives each channel its own target: write one goal a channel, so that '
            "no channel is judged on another's target"
        )
        amounts = []
    each = for_each_channel(text, low, amounts)  # "10k followers on each platform"
    if each is not None:
        notes.append(each)
        amounts = []
    # "avoid losing more than 200 followers": a floor under a level not given, never a
    # level or a change to aim for (a share lost, "lose no more than 2 %", is a level of the
    # share when the goal is about nothing else)
    limits = [
        (n, _LOSS_LIMIT.search(low, 0, n.start) or _LOSS_UNDER.search(low, 0, n.start))
        for n in amounts
    ]
    if len(limits) == 1 and limits[0][0].percent:
        limits = [(limits[0][0], None)]  # the share lost is what the goal is about
    for n, limit in limits:
        if limit is not None:
            said = f"{limit.group(0).strip()} {_written(text, n.start, n.end)}"
            notes.append(
                f'"{said}" limits a loss, which is not a target goalrules reads: write the '
                "level to stay above, e.g. 'keep followers above 9,500'"
            )
    return [n for n, limit in limits if limit is None], notes


def other_metrics(
    text: str,
    low: str,
    amounts: list[Amount],
    mentions: list[tuple[int, int, str, str]],
    same: Callable[[str], str],
) -> tuple[list[Amount], list[str]]:
    """The amounts of the first metric named with an amount, once the amounts of a second
    metric are set aside with a note ("followers by 15% and leads by 20%": a second goal,
    which would be judged on the first one's metric). ``mentions`` are the metric phrases
    (start, end, key, words); ``same`` gives the metric a key stands for (new followers
    are followers)."""
    if len(amounts) < 2 or len(mentions) < 2:
        return amounts, []

    def owner(a: Amount) -> tuple[int, int, str] | None:
        """The metric phrase an amount belongs to: the one before it ("leads by 20%"),
        else the one right after it ("200 leads"); its words' span and metric."""
        before = [
            m
            for m in mentions
            if m[1] <= a.start
            and a.start - m[1] <= 40
            and not any(m[1] <= b.start and b.end <= a.start for b in amounts)
        ]
        if before:
            return before[-1][0], a.end, same(before[-1][2])
        after = [m for m in mentions if m[0] >= a.end and m[0] - a.end <= 24]
        return (a.start, after[0][1], same(after[0][2])) if after else None

    owners = [owner(a) for a in amounts]
    named = [o[2] for o in owners if o is not None]
    if len(set(named)) < 2:
        return amounts, []
    first = named[0]
    kept, notes = [], []
    for a, o in zip(amounts, owners, strict=True):
        if o is None or o[2] == first:
            kept.append(a)
            continue
        notes.append(
            f'"{_written(text, o[0], o[1])}" is a second goal, of another metric: write it as '
            "a goal of its own (this one is read for the first metric it names)"
        )
    return kept, notes


#: a metric's words said for each piece of content ("likes per post", "views each video")
_METRIC_PER_PIECE = LazyPattern(
    r"\s+(?:average\s+)?(?:per|each|every|an?)\s+(?:post|video|tweet|reel|story|update|upload"
    r"|article|episode|carousel|short|pin)s?\b"
)


def not_read_as(
    text: str,
    low: str,
    target: Amount | None,
    baseline: Amount | None,
    metric: str | None,
    metric_span: tuple[int, int] | None = None,
) -> str | None:
    """Why the target amount cannot be read as a target of ``metric``, or ``None``: a
    ratio ("a 2:1 follower ratio"; only a ratio metric's "4:1" is one), an average a
    piece of content ("10,000 impressions per post", or "likes per post ... to 300" where
    the metric's words stand at ``metric_span``: the catalog counts totals), a bare
    number of 5 or less for a metric in percent ("CSAT from 4.2 to 4.5": a score out of
    5, or 4.5 %?)."""
    if target is None:
        return None
    name = catalog[metric].name if metric is not None else "the target"
    ratio = _RATIO.match(low, target.end)
    if ratio and (metric is None or catalog[metric].unit != "ratio" or ratio[1] != "1"):
        return (
            f'"{plain_number(target.value)}:{ratio[1]}" is a ratio, which is not read as '
            f"{name}: write the target itself"
        )
    each = _PER_PIECE.match(low, target.end)
    start = target.start
    counted = metric is not None and catalog[metric].kind is not MetricKind.RATIO
    if each is None and metric_span is not None and counted:  # (a rate a post is a rate)
        start, end = metric_span
        each = _METRIC_PER_PIECE.match(low, end)
    if each and not (metric is not None and "/" in catalog[metric].unit):  # "$30 per lead"
        return (
            f'"{_written(text, start, each.end())}" is an average (for each post, '
            "campaign, person or sale: a piece of content or other), which no metric of the "
            "catalog measures (they count totals): write the total for the period, e.g. "
            "40,000 impressions a month"
        )
    bare = _BARE_CHANGE.search(low, max(0, target.start - 80), target.start)
    if (
        bare is not None
        and baseline is None
        and target.per is None  # ("increase followers 1,000 a month": a rate, as before)
        and not (target.sign or target.percent or target.points or target.multiple)
        and not _SAYS_WHICH.match(low, target.end)
        and not re.search(
            r"\b(?:to|by|reach|hit|than|least|most|under|below|above|over|beneath|within|max"
            r"|maximum|min|minimum|around|about|approximately)\b",
            bare.group(0),
        )
        and words_before(low, target, 1) not in ("of", "at", "in", "from", "on", "for", "with")
    ):
        said = words_of(text, low, target)
        return (
            f'"{_written(text, bare.start(), target.end)}": the level to reach, or the change? '
            f'It is not read: write "to {said}" or "by {said}"'
        )
    change = (
        target.sign
        or words_before(low, target, 1) in ("by", "than")
        or (
            target.percent and words_before(low, target, 1) not in ("to", "below", "under", "above")
        )
    )
    clause = low[max(0, low.rfind(".", 0, target.start), target.start - 80) : target.start]
    negated = _NEGATED_CHANGE.search(clause) if change else None
    if negated is not None:
        return (
            f'"{negated.group(0)}" says a change is not to happen, so '
            f'"{words_of(text, low, target)}" is a limit (or a contrast), not the change to '
            "reach: write the level to stay within, e.g. 'keep CPL under $33' or 'reach 12,000 "
            "followers'"
        )
    rated = metric is not None and catalog[metric].unit == "percent"
    # ("from 1.5 to 3 percent": the baseline shares the target's unit)
    unitless = [a for a in (target, baseline if target.plain else None) if a and a.plain]
    scored = [a for a in unitless if rated and a.value <= 5]
    if scored:
        return (
            f'"{words_of(text, low, scored[0])}" gives no unit, and {name} is a percentage: '
            f"write {plain_number(scored[0].value)}% if that is meant (a score such as 4.5 "
            "out of 5 is not one)"
        )
    # (imported here: its patterns are compiled only for a target that gets this far)
    from goalrules.model.target_doubts import doubtful_target

    return doubtful_target(text, low, target, metric)


def left_over(
    text: str, low: str, amounts: list[Amount], target: Amount | None, baseline: Amount | None
) -> list[str]:
    """A note for each amount read that is neither the target nor the baseline: a rate
    beside a level ("reach 8,000 followers, up 10% MoM"), a change beside the level it
    leads to ("by 20% to 3,000"), a second target ("300 leads in Q1 and 400 in Q2"). The
    goal is judged on its target alone, so what else it says is set aside, never dropped
    without a word."""
    if target is None:
        return []
    aim = words_of(text, low, target)
    notes = []
    for a in amounts:
        if a is target or a is baseline:
            continue
        said = words_of(text, low, a)
        if year_over_year(text, low, a, relative=False) is not None:
            notes.append(
                f'"{said}" is a change year over year, against a figure the statement does not '
                f'give, and is not judged: the goal is read for its target, "{aim}"'
            )
        elif a.per is not None and (a.percent or a.points or a.sign):
            notes.append(
                f'"{said}" is a rate a {a.per}, which compounds and is not judged: the goal is '
                f'read for its target, "{aim}"'
            )
        else:
            notes.append(
                f'"{said}" is set aside: the goal is read for its target, "{aim}", and a '
                "second number is not judged (write it as a goal of its own if it is one)"
            )
    return notes


# a word that makes a percent after "from A to B" the change between them ("up 20%",
# "(+20%)", "a 20% increase")
_CHANGE_WORDS = frozenset({"up", "down", "by", "a", "an", "grow", "growth", "increase", "rise"})


def change_disagrees(
    text: str, low: str, amounts: list[Amount], target: Amount | None, baseline: Amount | None
) -> str | None:
    """Why the target is not read when a change beside "from A to B" says another ("grow
    followers from 5k to 8k (+20%)": 5k to 8k is +60 %; the statement contradicts itself,
    and reading either number would be a guess); ``None`` when they agree (to the percent
    written, within a point) or no such change is said."""
    if target is None or baseline is None or not baseline.value:
        return None
    if target.percent or target.points or target.multiple or target.sign:
        return None
    if baseline.percent or baseline.points or baseline.multiple or baseline.sign:
        return None
    implied = (target.value / baseline.value - 1) * 100
    for a in amounts:
        if a is target or a is baseline or not a.percent or a.per is not None:
            continue
        before = words_before(low, a, 1)
        if not (a.sign or before in _CHANGE_WORDS or before.endswith("(")):
            continue
        stated = a.value * (a.sign or (-1 if before == "down" else 1))
        if abs(stated - implied) <= max(1.0, abs(implied) * 0.02):
            continue
        return (
            f'"{words_of(text, low, a)}" does not agree with "{words_of(text, low, baseline)}" '
            f'to "{words_of(text, low, target)}" ({implied:+.3g} %), so the target is not '
            "read: write the level to reach or the change, not both"
        )
    return None


_WORD_AFTER = LazyPattern(r"\s+(\S+)")


def counts_unread(
    text: str, low: str, amounts: list[Amount], kept: list[Amount], english: bool, language: str
) -> list[str]:
    """A note for each amount of a statement read from another language that is not
    ``kept`` because it counts a word the language pack left as written ("1,000 o
    ddilynwyr" read "1,000 ddilynwyr"): it was dropped without a word. (In English, "run
    4 campaigns": the number counts something no metric counts, as meant.)"""
    if english:
        return []
    notes = []
    for a in amounts:
        if a in kept:
            continue
        word = _WORD_AFTER.match(text, a.end)
        said = _written(text, a.start, word.end() if word else a.end)
        notes.append(
            f'"{said}" counts a word goalrules does not know in {language}, so it is not read'
        )
    return notes


#: what a number may count that is a piece of content or an activity, never an amount of a
#: metric ("run 3 campaigns to double leads", "double followers with 4 videos a week":
#: they read a target of 3 leads and of 4 followers a week); articles are not among them
#: ("land three articles in trade press a month": press mentions)
CONTENT_PIECES = frozenset({
    "campaigns", "videos", "posts", "reels", "stories", "ads", "adverts", "blogs",
    "webinars", "emails", "newsletters", "events", "influencers", "creators", "episodes",
    "carousels", "tweets", "podcasts", "giveaways", "contests", "collabs", "collaborations",
    "partnerships", "threads", "uploads", "livestreams", "streams",
})  # fmt: skip
_COUNTED = LazyPattern(r"[ \t]+(?:([a-z]+)[ \t]+)?([a-z]{2,}s)\b")


def content_counts(
    text: str, low: str, amounts: list[Amount], mentions: list[tuple[int, int, str, str]]
) -> tuple[list[Amount], list[str]]:
    """``amounts`` without those that count pieces of content or activities (campaigns,
    videos, posts), when every amount does, each with a note: the goal's target is then
    its verb's ("double"), or none, never "3 campaigns" read as 3 leads. An amount of
    pieces a metric named counts ("100 UGC posts") is kept. (Beside another amount, such
    a count is set aside by :func:`left_over` as a second number.)"""
    counted = {catalog[key].unit + "s" for _, _, key, _ in mentions if key in catalog}
    pieces = []
    for a in amounts:
        found = _COUNTED.match(low, a.end)
        noun = found[2] if found and not (a.percent or a.points or a.multiple) else None
        if a.currency or noun is None or noun not in CONTENT_PIECES or noun in counted:
            return amounts, []
        pieces.append((a, found.end() if found else a.end, noun))
    notes = [
        f'"{_written(text, a.start, end)}" counts {noun}, which is no amount of the metric: '
        "it is not read as the target"
        for a, end, noun in pieces
    ]
    return [], notes
