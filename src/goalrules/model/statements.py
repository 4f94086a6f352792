"""Reading goals from plain statements, the way the guides phrase them.

>>> import datetime as dt
>>> fields, understood, missing = read_fields(
...     "Double our LinkedIn followers within six months", dt.date(2026, 5, 1))
>>> fields["metric"], fields["channel"], fields["target"], fields["deadline"]
('followers', 'linkedin', 'x2', datetime.date(2026, 11, 1))

The goal itself is built from these fields by :func:`goalrules.model.read_statement`
(and ``Goal.from_statement``): the reader knows the metric catalog, and the goal is built
on top of it, so no module reaches up a layer.

Covered phrasings include "increase X by 20% by Q3", "reach 10k followers on
Instagram by year end", "get 50 leads a month from LinkedIn", "cut average response
time to under 1 hour" and "grow share of voice to 30%". What could not be read is
listed in :attr:`StatementReading.not_understood`, so a vague statement is scored on
what was understood.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from goalrules.dates import deadline as parse_deadline
from goalrules.errors import GoalRulesError
from goalrules.metrics import catalog
from goalrules.vocabulary import _CHANNEL_ALIASES, Objective, normalize_channel

Date = _dt.date

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:k|K|m|M|bn)?"
_UP = r"increase|grow|raise|boost|lift|improve|expand|up|add|gain"
_DOWN = r"cut|reduce|decrease|lower|drop|shrink|bring down|bring"
_COUNT_METRIC = {
    "follower": "followers", "visit": "visits", "lead": "leads", "click": "clicks",
    "impression": "impressions", "view": "video_views", "engagement": "engagements",
    "share": "shares", "comment": "comments", "mention": "mentions", "conversion": "conversions",
    "customer": "customers", "hire": "hires", "application": "applications",
    "member": "active_members", "post": "user_generated_posts", "person": "post_reach",
}  # fmt: skip
_OBJECTIVE_WORDS = {
    "awareness": Objective.BRAND_AWARENESS, "brand awareness": Objective.BRAND_AWARENESS,
    "reputation": Objective.REPUTATION, "traffic": Objective.TRAFFIC,
    "engagement": Objective.ENGAGEMENT, "community": Objective.COMMUNITY,
    "sales": Objective.CONVERSIONS, "revenue": Objective.CONVERSIONS,
    "lead generation": Objective.LEADS, "customer service": Objective.CUSTOMER_SERVICE,
    "customer support": Objective.CUSTOMER_SERVICE, "recruiting": Objective.RECRUITING,
    "hiring": Objective.RECRUITING, "press": Objective.PRESS_MENTIONS,
}  # fmt: skip
_DEADLINE_START = re.compile(
    r"\b(?:within|in|over|by|before|until|till|at the end of|end of|this|next|year[- ]end)\b", re.I
)


@functools.cache
def _metric_phrases() -> list[tuple[str, str]]:
    """(phrase, metric key), longest phrases first."""
    pairs: dict[str, str] = {}
    for m in catalog.values():
        for phrase in (
            m.key.replace("_", " "),
            m.name.lower(),
            *(a.replace("_", " ") for a in m.aliases),
        ):
            phrase = re.sub(r"\s*\(.*?\)", "", phrase).strip()
            if len(phrase) >= 3:
                pairs.setdefault(phrase, m.key)
    for word, key in _COUNT_METRIC.items():
        pairs.setdefault(word + "s", key)
        pairs.setdefault(word, key)
    pairs.setdefault("followers count", "followers")
    pairs.setdefault("response time", "average_response_time")
    pairs.setdefault("engagement rate", "engagement_rate_by_reach")
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def _find_channel(text: str) -> tuple[str, str] | None:
    low = text.lower()
    for alias in sorted(_CHANNEL_ALIASES, key=len, reverse=True):
        if alias in ("all", "social", "x", "li", "ig", "yt", "fb", "tw", "meta", "snap", "wa.me"):
            continue
        if re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", low):
            return normalize_channel(alias), alias
    m = re.search(r"\b(?:on|from|via)\s+(x|fb|ig|yt)\b", low)
    if m:
        return normalize_channel(m[1]), m[1]
    if re.search(r"\b(all (?:social )?(?:channels|networks|platforms)|across social)\b", low):
        return "all", "all channels"
    return None


def _find_metric(text: str) -> tuple[str, str] | None:
    low = text.lower()
    for phrase, key in _metric_phrases():
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            return key, phrase
    return None


def _find_deadline(text: str, start: Date) -> tuple[Date, str, tuple[int, int]] | None:
    """The first span that reads as a deadline, trying each place a deadline phrase may
    begin and the longest run of words from there ("by Q3 from LinkedIn" -> "by Q3")."""
    for m in _DEADLINE_START.finditer(text):
        clause = re.split(r"[,;]", text[m.start() :], maxsplit=1)[0]
        words = clause.split()
        for end in range(min(len(words), 8), 0, -1):
            candidate = " ".join(words[:end]).rstrip(".!")
            if candidate.lower() in ("in", "by", "this", "next", "over", "within"):
                continue
            try:
                when = parse_deadline(candidate, start=start)
            except GoalRulesError:
                continue
            return when, candidate, (m.start(), m.start() + len(candidate))
    return None


def _target(text: str, metric: str | None) -> tuple[str, str] | None:
    low = text.lower()
    if re.search(r"\bdouble\b", low):
        return "x2", "double"
    if re.search(r"\btriple\b", low):
        return "x3", "triple"
    if re.search(r"\b(halve|half)\b", low):
        return "x0.5", "halve"
    m = re.search(rf"\b({_UP}|{_DOWN})\b[^.;]*?\bby\s+({_NUM})\s*(%|percent)", low)
    if m:
        sign = "-" if re.fullmatch(_DOWN, m[1]) else "+"
        return f"{sign}{m[2].strip()}%", m.group(0)
    m = re.search(
        r"\b(?:to|reach|hit|get|achieve|at least|over|under|below|above|than)\s+"
        r"(?:under\s+|below\s+|over\s+|at least\s+|than\s+)?"
        rf"(\$?{_NUM}\s*(?:%|percent|[a-z]+(?:\s+(?:a|per)\s+(?:month|week|day|year))?)?)",
        low,
    )
    if m:
        return _normalise_amount(m[1], metric), m.group(0)
    m = re.search(rf"\b({_UP})\b[^.;]*?\bby\s+(\$?{_NUM}\s*[a-z]*)", low)
    if m:
        return "+" + _normalise_amount(m[2], metric), m.group(0)
    m = re.search(rf"\b(add|gain|win)\s+(\$?{_NUM}\s*[a-z]*)", low)
    if m:
        return "+" + _normalise_amount(m[2], metric), m.group(0)
    m = re.search(rf"(\$?{_NUM}\s*(?:%|[a-z]+)(?:\s+(?:a|per)\s+(?:month|week|day|year))?)", low)
    if m:
        return _normalise_amount(m[1], metric), m.group(0)
    return None


def _normalise_amount(amount: str, metric: str | None) -> str:
    text = amount.strip()
    text = re.sub(r"\s+(?:a|per)\s+(month|week|day|year)$", r" / \1", text)
    text = text.replace("percent", "%")
    m = re.fullmatch(rf"(\$?{_NUM})\s*(.*)", text)
    if m is None:
        return text
    number, unit = m[1], m[2].strip()
    unit_word = unit.split(" /")[0].strip()
    if unit_word and unit_word not in ("%",):
        from goalrules.units import unit_info

        try:
            unit_info(unit_word)
        except GoalRulesError:
            # "10k on instagram": the word is not a unit; use the metric's unit
            unit = ""
    if not unit and metric is not None:
        unit = catalog[metric].unit
        if unit == "percent":
            unit = "%"
    return " ".join(f"{number} {unit}".split())


def read_fields(text: str, start: Date) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """Read a goal's fields from a plain statement.

    Returns the fields (``statement``, ``metric``, ``channel``, ``target``,
    ``objective``, ``start``, ``deadline``; ``None`` where nothing was read), the words
    each filled field came from, and the fields it could not read. The goal itself is
    built by :func:`goalrules.model.read_statement`.
    """
    if not isinstance(text, str) or not text.strip():
        raise GoalRulesError("the statement is empty", field="statement")
    understood: dict[str, str] = {}
    missing: list[str] = []
    rest = text

    found_deadline = _find_deadline(text, start)
    deadline: Date | None = None
    if found_deadline:
        deadline, words, (a, b) = found_deadline
        understood["deadline"] = words
        rest = text[:a] + text[b:]
    else:
        missing.append("deadline")

    channel = _find_channel(rest)
    if channel:
        understood["channel"] = channel[1]
    else:
        missing.append("channel")

    metric = _find_metric(rest)
    if metric:
        understood["metric"] = metric[1]
    target = _target(rest, metric[0] if metric else None)
    if target:
        understood["target"] = target[1].strip()
        if metric is None:
            from goalrules.units import quantity, unit_info

            try:
                q = quantity(target[0].lstrip("+-x")) if not target[0].startswith("x") else None
            except GoalRulesError:
                q = None
            if q is not None:
                key = unit_info(str(q.units).split(" / ")[0]).key
                for word, mkey in _COUNT_METRIC.items():
                    if key == ((f"[{word}]", 1),):
                        metric = (mkey, word)
                        understood["metric"] = str(q.units)
                        break
    else:
        missing.append("target")
    if metric is None:
        missing.append("metric")

    objective = None
    low = rest.lower()
    for words, obj in sorted(_OBJECTIVE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{words}\b", low):
            objective = obj
            understood["objective"] = words
            break
    if objective is None:
        missing.append("objective")

    values: dict[str, Any] = {
        "statement": text.strip(),
        "metric": metric[0] if metric else None,
        "channel": channel[0] if channel else None,
        "target": target[0] if target else None,
        "objective": objective,
        "start": start,
        "deadline": deadline,
    }
    return values, understood, missing
