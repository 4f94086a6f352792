"""Clauses of a goal statement that say where the account is or was, not where it is to
go: "Our 2026 results: 5,000 followers; now grow them 20%", "Instagram followers were
5,000 in 2026; target 8,000 by June 2027", "After growing 20% last year, grow followers
30% by June 2027". Their amounts are never the target (the latest level they give is
the baseline) and their dates are never the deadline: reading "5,000" or "in 2026" from
them gave a confident wrong answer.

A clause is a stretch between ";", ", ", a sentence's end, brackets or a dash. It
describes the past or present when it has a word that says so ("were", "grew", "last
year", "currently", "today", "baseline", "results"...) and no word that aims ("want",
"target", "grow", "reach", "next"...); and only when another clause of the statement
is left to say the goal (a statement of one clause is read whole, as before)."""

from __future__ import annotations

from goalrules.metrics import catalog
from goalrules.model.amounts import Amount
from goalrules.patterns import LazyPattern

__all__ = ["baseline_among", "blank", "past_spans", "within"]

# (Greek ends a clause with the ano teleia, "\u0387", which NFC makes a middle dot)
_CLAUSE_BREAK = LazyPattern(
    r"[;\u00b7\u0387\u061b]|\.(?=\s|$)|[!?](?=\s|$)|,\s|[()\[\]]|\s[-\u2013\u2014]+\s"
)

#: words that say a clause tells what was or is: past verbs of change and of being,
#: the present level ("currently", "today") and the words of a report
_STATE = LazyPattern(
    r"\b(?:(?:we|i|they|it|you)\s+(?:have|has)(?!\s+to\b)|(?:we|i|they|you)'ve"
    r"|(?<!from )now"  # ("2 months from now", "a year from today" say when, ahead)
    r"|was|were|had|has been|have been|grew|rose|fell|dropped|declined|increased"
    r"|decreased|reached|ended|finished|closed|went|gained|lost|saw|achieved|averaged"
    r"|(?<!user )(?<!user-)generated|stood|sat|got|(?:are|is|'re|'s|been)\s+growing"
    r"|currently|(?<!from )today|right now"
    r"|at the moment|so far"
    r"|to date|last (?:year|month|quarter|week|period|campaign)|(?:previous|prior|past) "
    r"(?:year|month|quarter|week|period|campaign)s?|baseline|results?)\b"
)

#: words that aim: a clause with one of them says the goal, whatever else it says
_AIM = LazyPattern(
    r"\b(?:want|wants|aim|aims|aiming|target|targets|targeting|goal|goals|plan|plans|will"
    r"|should|need|needs|must|hope|hoping|expect|intend|grow|increase|raise|boost|reach"
    r"|double|triple|quadruple|halve|get|hit|achieve|add|gain|cut|reduce|lower|improve"
    r"|drive|generate|make|win|attract|next|going forward)\b"
)


def past_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s clauses that describe the past or present (see the
    module); none when no clause of the statement would be left to say the goal."""
    low = text.lower()
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(low):
        cuts += [m.start(), m.end()]
    cuts.append(len(low))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if low[a:b].strip()]
    past = [(a, b) for a, b in spans if _STATE.search(low, a, b) and not _AIM.search(low, a, b)]
    if len(past) == len(spans):  # nothing would be left to say the goal: read it whole
        return []
    return past


def within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies in one of ``spans``."""
    return any(a <= at < b for a, b in spans)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` made spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _level(a: Amount) -> bool:
    return not (a.sign or a.multiple or a.year_like or a.points or a.per)


def baseline_among(said: list[Amount], metric: str | None, low: str) -> Amount | None:
    """The level a past clause gives for the goal's metric: the last of its amounts
    that is a level (no sign, no multiple, no year, not the size of a change: "grew
    1%", "down 10%") and in percent exactly when the metric is a rate (a past growth of
    "20%" is no level of followers)."""
    rate = metric is not None and catalog[metric].unit == "percent"
    levels = [
        a
        for a in said
        if _level(a)
        and not _CHANGED.search(low, max(0, a.start - 40), a.start)
        and a.percent == rate
        and (a.currency is None) == (metric is None or not _money(metric))
    ]
    return levels[-1] if levels else None


#: the words before the size of a change ("grew 20%", "were down 10%", "rose by 5")
_CHANGED = LazyPattern(
    r"\b(?:grew|grown|rose|risen|fell|fallen|dropped|declined|increased|decreased|gained|lost"
    r"|up|down|growing|by)(?:\s+by)?(?:\s+(?:about|around|nearly|over))?\s*$"
)


def _money(metric: str) -> bool:
    return catalog[metric].unit.split("/")[0].strip() == "USD"
