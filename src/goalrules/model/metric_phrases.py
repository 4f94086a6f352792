"""The metric a goal statement names: the phrases people write for the catalog's metrics,
the constructions that name one ("40 % of our traffic", "$30 per lead", "respond within 2
hours") and, of several named, the one the goal moves. Used by
:mod:`goalrules.model.statements`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from goalrules.metrics import catalog
from goalrules.model.amounts import _SKIP_WORDS as _ADJECTIVES
from goalrules.model.amounts import Amount
from goalrules.model.target_words import TIME_NOUNS, cost_named
from goalrules.patterns import LazyPattern

__all__ = [
    "NOT_METRICS",
    "RESPONSE",
    "choose_metric",
    "is_metric_phrase",
    "metric_mentions",
    "metric_pattern",
    "metric_phrases_in",
    "read_wider",
]

# Phrases people write for catalog metrics, beyond the catalog's keys and aliases.
_PHRASES = {
    "follower": "followers", "follower count": "followers", "page likes": "followers",
    "page follows": "followers", "fans": "followers", "subscriber": "followers",
    "likes": "engagements", "reactions": "engagements", "engagement": "engagements",
    "interaction": "engagements", "visitors": "visits", "visitor": "visits",
    "site visits": "visits", "visit": "visits", "session": "visits",
    "watch views": "video_views", "video views": "video_views", "view": "video_views",
    "signups": "leads", "signup": "leads", "registrations": "leads",
    "demo requests": "leads", "contact": "leads", "lead": "leads",
    "orders": "conversions", "purchases": "conversions", "conversion": "conversions",
    "customers": "customers", "customer": "customers",
    "spend per lead": "cost_per_lead", "response times": "average_response_time",
    "time to answer": "average_response_time", "time to respond": "average_response_time",
    "reply time": "average_response_time", "resolution time": "average_response_time",
    "positive sentiment": "sentiment_score", "brand sentiment": "sentiment_score",
    "brand mention": "mentions", "tagged mentions": "mentions", "mention": "mentions",
    "media mentions": "press_mentions", "press coverage": "press_mentions",
    "articles": "press_mentions", "press mention": "press_mentions",
    "applicants": "applications", "application": "applications", "hire": "hires",
    "roles": "hires", "positions": "hires", "members": "active_members",
    "member": "active_members", "user generated content": "user_generated_posts",
    "comment": "comments", "share": "shares", "retweets": "shares", "click": "clicks",
    "impression": "impressions", "reach": "post_reach", "page followers": "followers",
    "sales": "conversions", "click through rate": "click_through_rate", "sell": "conversions",
    "following": "followers", "follower base": "followers", "mqls": "leads", "mql": "leads",
    "sqls": "leads", "prospects": "leads", "candidates": "applications",
    "candidate": "applications", "membership": "active_members",
    "group members": "active_members", "community members": "active_members",
    "subs": "followers", "interactions": "engagements", "audience interactions": "engagements",
    "first contact resolution rate": "resolution_rate",
    "first contact resolution": "resolution_rate", "resolution rate": "resolution_rate",
    "negative sentiment": "negative_mentions",  # (the sentiment score cut by 20 % before)
    # customers who may buy are leads ("500 potential customers" read 500 customers)
    "potential customers": "leads", "potential customer": "leads",
    "prospective customers": "leads", "prospective customer": "leads",
    "potential clients": "leads", "potential client": "leads",
    "prospective clients": "leads", "prospective client": "leads",
    "potential buyers": "leads", "prospective buyers": "leads", "prospect": "leads",
}  # fmt: skip
# Phrases that name an objective, not a metric ("lead generation" is not leads).
NOT_METRICS = LazyPattern(
    r"\b(?:lead generation|brand awareness|customer service|customer support|social listening"
    r"|employer brand|brand health|customer (?:reviews?|feedback"
    r"|stories|story|testimonials?|success|care|journey))\b"
)

RESPONSE = LazyPattern(
    r"\b(?:respond|responds|responding|response|reply|replying|answer|answering|get back)\b"
)


# -- metrics -------------------------------------------------------------------------------


@functools.cache
def _metric_phrases() -> list[tuple[str, str]]:
    """(phrase, metric key), longest phrases first."""
    pairs: dict[str, str] = {}
    for m in catalog.values():
        names = [m.key.replace("_", " "), *(a.replace("_", " ") for a in m.aliases)]
        if m.objectives:  # descriptive names of supporting metrics are not how people write
            names.append(m.words)
        for phrase in names:
            phrase = re.sub(r"\s*\(.*?\)", "", phrase).replace("-", " ").strip()
            if len(phrase) >= 3:
                pairs.setdefault(phrase, m.key)
    for phrase, key in _PHRASES.items():
        pairs.setdefault(phrase, key)
    pairs.pop("cost", None)
    return sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))


@functools.cache
def metric_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p, _ in _metric_phrases())
    return re.compile(rf"\b(?:{alternatives})\b")


# The phrases are found by a scan of the text rather than with metric_pattern(): the
# pattern of every phrase took longer to compile than reading a statement takes. The scan
# finds what the pattern finds (a test compares them): at each place, the longest phrase
# there between word boundaries (``\b``); then on from its end.


@functools.cache
def _phrases_by_first() -> dict[str, list[str]]:
    """The metric phrases by their first character, longest first."""
    by_first: dict[str, list[str]] = {}
    for phrase, _ in _metric_phrases():
        by_first.setdefault(phrase[0], []).append(phrase)
    return by_first


def _is_word(ch: str) -> bool:
    """``ch`` is a character of a word, as a pattern's ``\\w`` reads it."""
    return ch.isalnum() or ch == "_"


def _boundary(text: str, at: int) -> bool:
    """Whether ``at`` is a word boundary in ``text``, as a pattern's ``\\b`` reads it."""
    return (at > 0 and _is_word(text[at - 1])) != (at < len(text) and _is_word(text[at]))


def _phrase_at(text: str, at: int) -> str | None:
    """The longest metric phrase at ``at`` in ``text`` between word boundaries."""
    if not _boundary(text, at):
        return None
    for phrase in _phrases_by_first().get(text[at : at + 1], ()):
        end = at + len(phrase)
        if text.startswith(phrase, at) and _boundary(text, end):
            return phrase
    return None


def metric_phrases_in(text: str) -> Iterator[tuple[int, str]]:
    """Each metric phrase in ``text``, in order, as ``metric_pattern().finditer`` finds
    them: (start, phrase)."""
    at = 0
    while at < len(text):
        phrase = _phrase_at(text, at)
        if phrase is None:
            at += 1
        else:
            yield at, phrase
            at += len(phrase)


def is_metric_phrase(text: str) -> bool:
    """Whether ``text`` is a metric phrase (``metric_pattern().fullmatch``)."""
    return _phrase_at(text, 0) == text


def metric_mentions(low: str) -> list[tuple[int, int, str, str]]:
    """Metric phrases in ``low``, longest at each place, in order: (start, end, key, words)."""
    phrases = dict(_metric_phrases())
    out = []
    for start, words in metric_phrases_in(low):
        end = start + len(words)
        if words == "reach" and (
            re.match(r"\s+(?:[$€£\d+]|(?:an?|the|at|over|more|new|up)\b)", low[end:])
            or re.search(
                r"(?:^|\b(?:to|will|we|and|should|must|can|or))\s*$",
                low[max(0, start - 40) : start],
            )
        ):
            continue  # "reach 10k followers", "to reach more people": the verb
        if words == "following" and re.search(r"\b(?:the|as)\s+$", low[max(0, start - 8) : start]):
            continue  # "the following"
        out.append((start, end, phrases[words], words))
    return out


_SIDE = LazyPattern(r"(?:among|from|for|with|per|than|to)\s+(?:our\s+|the\s+|all\s+|social\s+)*$")


def _special_metric(low: str, target: Amount | None) -> tuple[str, str] | None:
    """Metrics named by a construction rather than a word; ``("", words)`` when the
    construction names a measure the catalog does not have ("40 % of all leads")."""
    m = re.search(
        r"(?:%|percent)\s+of\s+(?:our\s+|all\s+|the\s+|total\s+|new\s+)*"
        r"(?:website\s+|site\s+|web\s+)?"
        r"(traffic|visits|sessions|visitors|hires|staff|employees|recruits)\b",
        low,
    )
    if m:
        hiring = m[1] in ("hires", "staff", "employees", "recruits")
        key = "source_of_hire_share" if hiring else "share_of_traffic"
        return key, m.group(0)
    if cost := cost_named(low, target):  # "$30 per lead" is the cost per lead
        return cost
    m = re.search(r"\bshare of (?:our |the |all )?(?:website |site |web )?traffic\b", low)
    if m:
        return "share_of_traffic", m.group(0)
    m = re.search(r"\bresolv\w*\s+(?:\d+(?:\.\d+)?\s*(?:%|percent))", low)
    if m:
        return "resolution_rate", m.group(0)
    m = re.search(r"(?:%|percent)\s+of\s+((?:[a-z]+\s+){0,3}[a-z]+)", low)
    if m and next(metric_phrases_in(m.group(1)), None) is not None:
        return "", m.group(0)  # a share of a count the catalog has no metric for
    m = re.search(r"\blikes?(?:,?\s+(?:and\s+|&\s+)?(?:comments|shares|reactions))+", low)
    if m:
        return "engagements", m.group(0)
    if RESPONSE.search(low) and (
        (target is not None and target.noun in TIME_NOUNS)
        or re.search(r"\b(?:faster|quicker|sooner)\b", low)
    ):
        first = re.search(r"\bfirst (?:response|reply)\b", low)
        key = "first_response_time" if first else "average_response_time"
        said = first or RESPONSE.search(low)
        return key, said.group(0) if said else "faster"
    return None


# a verb of bringing money in, right before the amount: the amount is revenue
_MONEY_MADE = LazyPattern(
    r"\b(?:generate[sd]?|generating|bring(?:s|ing)? in|brought in|gross(?:es|ed|ing)?)"
    r"(?:\s+(?:an?|another))?(?:\s+(?:extra|additional|more))?"
    r"(?:\s+(?:more than|over|at least))?\s*$"
)


# "make 10,000 in sales", "10 grand in sales", "50,000 kr in sales": an amount *in* sales
# is money (it read 10,000 conversions; a short word after the number is a sign of money
# goalrules does not know)
_MONEY_IN = LazyPattern(
    r"\s*(?:[^\W\d_]{1,3}\.?\s+)?in\s+(?:(?:total|gross|net|new|online|social)\s+)?"
    r"(sales|revenue|turnover|income|gmv|bookings|takings)\b"
)


def choose_metric(
    low: str, mentions: list[tuple[int, int, str, str]], target: Amount | None
) -> tuple[str, str] | None:
    special = _special_metric(low, target)
    if special:
        return special
    money_in = _MONEY_IN.match(low, target.end) if target is not None else None
    if money_in is not None and target is not None and not (target.percent or target.multiple):
        return "revenue", money_in[1]
    if target is not None and target.currency:
        money = [m for m in mentions if "USD" in catalog[m[2]].unit]
        if money:
            return money[0][2], money[0][3]
        word = re.search(
            r"\b(?:revenue|sales|commerce|income|turnover|sell|selling|sold|orders|purchases|make"
            r"|making|earn|earning|pipeline|bookings|gmv)\b",
            low,
        ) or _MONEY_MADE.search(low, 0, target.start)  # "generate $50,000 from Instagram"
        return ("revenue", word.group(0)) if word else None  # money alone names no metric
    if target is not None and target.noun in TIME_NOUNS:
        timed = [m for m in mentions if catalog[m[2]].unit in ("hour", "minute", "day")]
        if timed:
            return timed[0][2], timed[0][3]
    if target is not None:
        for start, _end, key, words in mentions:
            if not 0 <= start - target.end <= 24:
                continue
            if all(w in _ADJECTIVES for w in low[target.end : start].split()):
                return key, words
    main = [m for m in mentions if not _SIDE.search(low[max(0, m[0] - 60) : m[0]])]
    chosen = (main or mentions)[:1]
    return (chosen[0][2], chosen[0][3]) if chosen else None


#: words read as a wider metric than they name: said, so the reading is seen ("$2M in
#: pipeline" read as revenue, "100 SQLs" as every lead, without a word)
_READ_WIDER = (
    (
        LazyPattern(r"\b(?:sales\s+)?pipeline\b"),
        "revenue",
        "the value of open opportunities, read as revenue (what is sold); judge it against "
        "a history of pipeline if it is not",
    ),
    (
        LazyPattern(r"\b(?:[ms]qls?|(?:sales|marketing)[\s-]qualified\s+leads?)\b"),
        "leads",
        "qualified leads, read as leads (every lead); judge it against a history of "
        "qualified leads if yours holds every lead",
    ),
)


def read_wider(text: str, low: str, metric: str | None) -> list[str]:
    """The notes for words read as a wider metric than they name (see
    :data:`_READ_WIDER`), quoted from ``text`` as written."""
    return [
        f'"{text[found.start() : found.end()]}" names {wider}'
        for words, key, wider in _READ_WIDER
        if key == metric and (found := words.search(low)) is not None
    ]
