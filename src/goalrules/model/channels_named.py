"""The channels a goal statement names: "LinkedIn", "Instagram, TikTok and YouTube",
"X" written as a capitalised word, "Meta" as Facebook, "retweets" (on X), "all networks".

>>> find_channels("Grow followers on Instagram and TikTok")
[('instagram', 'Instagram'), ('tiktok', 'TikTok')]
"""

from __future__ import annotations

import functools
import re

from goalrules.patterns import LazyPattern
from goalrules.vocabulary import _CHANNEL_ALIASES, normalize_channel

__all__ = ["channels_left_out", "find_channels", "medium_not_kept"]

# Words that name their network ("retweets" are on X).
_IMPLIED_CHANNELS = {
    "tweet": "x", "tweets": "x", "retweet": "x", "retweets": "x", "subreddit": "reddit",
    "subreddits": "reddit", "pins": "pinterest", "repins": "pinterest",
}  # fmt: skip
_AMBIGUOUS_CHANNELS = frozenset(
    {"all", "social", "x", "li", "tw", "snap", "meta", "threads", "wa.me", "google"}
)
_CAPITALISED_CHANNELS = {"X": "x", "Meta": "facebook", "Threads": "threads", "Snap": "snapchat"}
_ALL_CHANNELS = LazyPattern(
    r"\b(?:all|every|each)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:social\s+(?:media\s+)?)?"
    r"(?:channels?|networks?|platforms?|accounts?|profiles?)\b"
    r"|\bacross\s+(?:all\s+)?(?:of\s+)?(?:our\s+)?social(?:\s+(?:media|channels|networks"
    r"|platforms|accounts|profiles))?\b"
)


@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    """Every unambiguous channel alias, longest first, in one pattern (one pass: the
    look-behind fails at once inside words, so only word starts try the aliases)."""
    aliases = [
        a
        for a in sorted(_CHANNEL_ALIASES, key=len, reverse=True)
        if not (a in _AMBIGUOUS_CHANNELS or (len(a) < 3 and a not in ("ig", "fb", "yt")))
    ]
    return re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, aliases))})(?![\w])")


_CAPITALISED = LazyPattern(rf"(?<![\w.$€£+-])(?:{'|'.join(_CAPITALISED_CHANNELS)})(?![\w-])")
_IMPLIED = LazyPattern(rf"\b(?:{'|'.join(sorted(_IMPLIED_CHANNELS, key=len, reverse=True))})\b")


# a channel named as left out: "not Instagram", "everywhere except LinkedIn", "excluding
# X and TikTok" (read as channels of the goal before)
_LEFT_OUT = LazyPattern(
    r"\b(?:not|except|excluding|exclude|other\s+than|apart\s+from|aside\s+from|besides"
    r"|without)\s+(?:(?:on|in|from|for|via)\s+)?(?:the\s+|our\s+)?$"
)
# (a list goes on after "and" or a comma; ", on Instagram" starts a phrase of its own)
_JOINED = LazyPattern(
    r"\s*(?:(?:,\s*)?(?:and|or|nor|&|/)\s*(?:(?:on|in|from)\s+)?|,\s*)(?:the\s+|our\s+)?"
)


def channels_left_out(text: str) -> list[str]:
    """A note for each channel the statement names as left out ("on TikTok, not
    Instagram"): it is not one of the goal's channels."""
    return [
        f'"{words}" is named as left out, so it is not one of the goal\'s channels: name the '
        "channels the goal is about"
        for words in _named(text)[1]
    ]


# the paid or organic half of a network, or of social media as a whole, which a goal does
# not hold: "LinkedIn ads", "paid social", "organic Instagram", "sponsored posts on X"
_MEDIUM_BEFORE = LazyPattern(r"\b(?:paid|organic|sponsored|boosted|promoted)\s+$")
_MEDIUM_AFTER = LazyPattern(
    r"^\s+(?:ads?|adverts?|advertising|ad\s+campaigns?|campaign\s+ads|paid(?:\s+media)?"
    r"|sponsored\s+(?:posts?|content|updates?)|boosted\s+posts?)\b"
)
_MEDIUM_SOCIAL = LazyPattern(
    r"\b(?:paid|organic|sponsored)\s+social(?:\s+media)?\b|\bsocial(?:\s+media)?\s+ads\b"
    r"|\b(?:sponsored|boosted|promoted)\s+(?:posts?|content|updates?)\b"
    r"|\b(?:paid|organic)\s+(?:reach|impressions|traffic|visits|followers|leads|clicks)\b"
)


def medium_not_kept(text: str) -> list[str]:
    """A note when the statement names the paid or organic half of a network, or of
    social media ("LinkedIn ads", "paid social", "organic Instagram"): a goal holds a
    channel, not a medium, so it is read on the whole channel (organic and paid
    together), and a history of the whole would judge a target set for one half."""
    low = text.lower()
    said: list[str] = []
    named = list(_named(text)[0].values())
    for words in named:
        at = low.find(words.lower())
        if at < 0:
            continue
        before = _MEDIUM_BEFORE.search(low[:at])
        after = _MEDIUM_AFTER.match(low[at + len(words) :])
        if before is not None:
            said.append(text[before.start() : at + len(words)])
        elif after is not None:
            said.append(text[at : at + len(words) + after.end()])
    if not said:
        social = _MEDIUM_SOCIAL.search(low)
        if social is not None:
            said.append(text[social.start() : social.end()])
    return [
        f'"{words}" names the paid or organic half, which a goal does not hold: it is read on '
        "the whole channel (organic and paid together); judge it against a history of that "
        "half alone, or name the channel as your data does"
        for words in said
    ] + _parts_named(text, low, named)


# a format or part of a network: "YT Shorts", "Instagram Reels", "TikTok Shop", "LinkedIn
# newsletter" (read on the whole channel without a word: a target for Shorts judged on
# every YouTube view)
_PART_AFTER = LazyPattern(
    r"^\s+(?:reels?|shorts|stories|story|lives?|spotlight|shop|marketplace|newsletters?)\b"
)


def _parts_named(text: str, low: str, named: list[str]) -> list[str]:
    """A note for each format or part of a network the statement names (see
    :data:`_PART_AFTER`; ``named``: the words naming its channels)."""
    notes = []
    for words in named:
        at = low.find(words.lower())
        part = _PART_AFTER.match(low[at + len(words) :]) if at >= 0 else None
        if part is not None:
            notes.append(
                f'"{text[at : at + len(words) + part.end()]}" names one part of the channel, '
                "which a goal does not hold: it is read on the whole channel; judge it against "
                "a history of that part alone, or name the channel as your data does"
            )
    return notes


def find_channels(text: str) -> list[tuple[str, str]]:
    """Every channel named, in order, as (channel, words); ``[("all", ...)]`` for "all
    networks" when none is named, and none at all for "all networks except LinkedIn"."""
    found, left_out = _named(text)
    if left_out:  # every channel but some: no list of channels goalrules can hold
        found.pop("all", None)
    every = _ALL_CHANNELS.search(text.lower())
    if not found and every and not left_out:
        return [("all", every.group(0))]
    return list(found.items())


def _named(text: str) -> tuple[dict[str, str], list[str]]:
    """The channels named ({channel: words}, in order) and the words of those named as
    left out."""
    low = text.lower()
    hits: list[tuple[int, int, str, str]] = []
    taken = bytearray(len(text))

    def add(start: int, end: int, channel: str, words: str) -> None:
        if not any(taken[start:end]):
            hits.append((start, end, channel, words))
            taken[start:end] = b"\x01" * (end - start)

    names: dict[str, str] = {}
    for m in _alias_pattern().finditer(low):
        alias = m.group(0)
        if alias not in names:
            names[alias] = normalize_channel(alias)
        add(m.start(), m.end(), names[alias], text[m.start() : m.end()])
    for m in _CAPITALISED.finditer(text):
        add(m.start(), m.end(), _CAPITALISED_CHANNELS[m.group(0)], m.group(0))
    for m in re.finditer(r"\bgoogle\b(?!\s+(?:analytics|ads|search|sheets|docs))", low):
        add(m.start(), m.end(), "google", text[m.start() : m.end()])
    for m in _IMPLIED.finditer(low):
        add(m.start(), m.end(), _IMPLIED_CHANNELS[m.group(0)], text[m.start() : m.end()])
    found: dict[str, str] = {}
    dropped: list[str] = []
    left_out = False
    last = 0
    for start, end, channel, words in sorted(hits):
        between = low[last:start]
        left_out = _LEFT_OUT.search(between) is not None or (
            left_out and _JOINED.fullmatch(between) is not None
        )
        last = end
        if left_out:
            dropped.append(words)
        else:
            found.setdefault(channel, words)
    return found, dropped
