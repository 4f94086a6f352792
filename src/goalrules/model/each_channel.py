"""A target set for each channel: "Get 10k followers on each of Instagram and TikTok",
"10k followers per channel", "on every platform", "on Instagram and TikTok each", "5k
apiece", Malay "bagi setiap platform", Tagalog "sa bawat platform", Greek "σε κάθε
πλατφόρμα", Arabic "على كل منصة", Welsh "ar bob platfform".

A goal holds one target for its channels together: read so, "10k followers on each of
Instagram and TikTok" was judged on their sum (10k together, where 20k was meant) and
"10k per channel" on every channel's sum, without a word. The target of such a
statement is not read, with a note: one goal a channel says it.
"""

from __future__ import annotations

import functools

from goalrules.model.amounts import Amount
from goalrules.patterns import LazyPattern

__all__ = ["for_each_channel"]

_KIND = r"(?:social\s+(?:media\s+)?)?(?:channels?|networks?|platforms?|accounts?|profiles?|pages?)"
_EACH = LazyPattern(
    rf"(?<!across\s)\b(?:each|every|per)\s+(?:one\s+)?(?:of\s+)?(?:our\s+|the\s+|these\s+|those\s+)?{_KIND}\b"
    r"|\b(?:on|in|for|across|from)\s+each\s+of\b"
    r"|\bapiece\b"
    # "on Instagram and TikTok each by Q4": "each" closing the channels
    r"|(?<=[a-z])\s+each\b(?=\s+(?:by|before|until|in|within|this|next|over)\b|\s*(?:[,.;:]|$))",
)
# ("across every channel" is their sum, as "across all channels" is)
# what starts a second clause of the goal's ("post on every platform and grow followers
# 20 %": the platforms are the posting's, not the target's)
_ANOTHER_VERB = LazyPattern(
    r"\b(?:and|then|while|to)\s+(?:also\s+)?(?:grow|increase|get|reach|hit|drive|gain|double"
    r"|triple|boost|raise|generate|achieve|add|cut|reduce|lower|improve)\b"
)
_CLAUSE = LazyPattern(r"[.;]\s|[.;]$|\n")


# a price a unit before "each" or "apiece" ("for $1 apiece", "at $2 each"): a cost a unit
_PRICE_BEFORE = LazyPattern(r"(?:[$€£¥₹₱\u00a4][a-z]{0,3}\s?)[\d.,]+\s?[km]?\s*$")


@functools.cache
def _metric_names() -> tuple[str, ...]:
    """The catalog's metrics named "... per platform" ("Leads per platform"): a metric,
    not a target for each channel."""
    from goalrules.metrics import catalog

    return tuple(
        name
        for key in catalog
        if _EACH.search(name := catalog[key].name.lower()) and " per " in name
    )


def for_each_channel(text: str, low: str, amounts: list[Amount]) -> str | None:
    """The note for a target set for each channel (see the module), when the words that
    say so are in the clause of one of ``amounts``; ``None`` otherwise."""
    if not amounts:
        return None
    for m in _EACH.finditer(low):
        if _PRICE_BEFORE.search(low, max(0, m.start() - 24), m.start()):
            continue
        if any(low.endswith(name, 0, m.end()) for name in _metric_names()):
            continue
        for a in amounts:
            lo, hi = (a.end, m.start()) if a.end <= m.start() else (m.end(), a.start)
            between = low[lo:hi]
            if _CLAUSE.search(between) or _ANOTHER_VERB.search(between):
                continue
            said = " ".join(text[m.start() : m.end()].split())
            return (
                f'"{said}" sets the target for each channel, where a goal holds one target '
                "for its channels together (it would judge their sum): it is not read; write "
                "one goal a channel"
            )
    return None
