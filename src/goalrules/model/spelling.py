"""Typos one edit away from a word the statement reader knows ("folowers", "Septmber").

Only words that matter to a goal are corrected (metric words, months, network names), only
when the word written is not itself a word the reader knows, and only when a single known
word is one edit away (a deletion, an insertion, a substitution or two letters swapped).
Each correction is returned, so the reading says what it assumed.

>>> correct_spelling("Grow Instagram folowers by Septmber")
('Grow Instagram followers by September', [('folowers', 'followers'), ('Septmber', 'September')])
"""

from __future__ import annotations

import functools
import re

__all__ = ["correct_spelling", "one_edit"]

# The words worth correcting: what a misread would cost the goal.
_TARGETS = (
    "followers", "follower", "subscribers", "subscriber", "impressions", "engagement",
    "engagements", "interactions", "conversions", "conversion", "registrations", "signups",
    "revenue", "visitors", "traffic", "sessions", "mentions", "applications", "applicants",
    "comments", "reactions", "retweets", "customers", "sentiment", "resolution", "response",
    "january", "february", "september", "october", "november", "december", "august",
    "quarter", "months", "instagram", "linkedin", "facebook", "youtube", "tiktok",
    "pinterest", "increase", "decrease", "reduce", "double", "triple", "within",
)  # fmt: skip
# Words one edit from a target that are words in their own right.
_KEEP = frozenset(
    [
        "follows",
        "follow",
        "fallowers",
        "mentors",
        "minutes",
        "decreased",
        "increased",
        "doubles",
        "triples",
        "reduced",
        "customer",
        "sessions",
        "session",
        "visitor",
        "months",
        "month",
        "mention",
        "comment",
        "reaction",
        "conversation",
        "revenues",
        "engaged",
        "engage",
        "trafficked",
        "quarters",
        "quartet",
        "within",
        "without",
        "augusta",
        "doubled",
        "tripled",
        "reduces",
        "increases",
        "decreases",
        "deduce",
        "seduce",
        "doable",
        "followed",
        "responds",
        "linked",
    ]
)


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one deletion, insertion, substitution or swap of two
    neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@functools.cache
def _correction(word: str) -> str | None:
    if word in _KEEP or word in _TARGETS or len(word) < 6:
        return None
    hits = {t for t in _TARGETS if len(t) >= 6 and one_edit(word, t)}
    if len(hits) != 1:
        return None
    hit = hits.pop()
    if hit.rstrip("s") == word.rstrip("s"):
        return None  # a plural is no typo
    return hit


def correct_spelling(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with its typos corrected, and the corrections (typo, word) in order."""
    fixed: list[tuple[str, str]] = []

    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        hit = _correction(word.lower())
        if hit is None:
            return word
        if word[0].isupper():
            hit = hit[0].upper() + hit[1:]
        fixed.append((word, hit))
        return hit

    return re.sub(r"\b[A-Za-z]{6,}\b", sub, text), fixed
